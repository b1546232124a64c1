// Every sentence heard to its end (docs/clinical.md, "During the session"): the
// planned timeline leaves each sentence room before the next begins, for
// every dose a prescription may choose and at the voice rates people use;
// and the session waits for a voice that is slower than planned.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/routine/routine.h"
#include "core/routine/session.h"
#include "core/routine/speech.h"
#include "languages.h"

using namespace unfurl::core;

namespace {

struct Said { double t; Cue cue; };

std::vector<Said> speak_through(Session& s, double dt = 0.05) {
  std::vector<Said> said;
  auto take = [&] {
    for (Cue& c : s.take_cues())
      if (c.kind == CueKind::speak) said.push_back({s.elapsed_s(), std::move(c)});
  };
  take();
  while (!s.finished()) { s.advance(dt); take(); }
  return said;
}

// Each sentence's estimated end comes before the next sentence's start.
void expect_heard_to_the_end(const Routine& r, double rate, const std::string& what) {
  Session s(r, 0.6, VoicePlan{rate, nullptr});
  std::vector<Said> said = speak_through(s);
  ASSERT_GT(said.size(), 10u);
  for (size_t i = 0; i + 1 < said.size(); ++i) {
    const double ends = said[i].t + speech_seconds(said[i].cue.text, rate);
    EXPECT_LE(ends, said[i + 1].t + 0.06)  // one simulation step of slack
        << what << " at rate " << rate << ": \"" << said[i].cue.text << "\" is still being said when \""
        << said[i + 1].cue.text << "\" begins";
  }
}

// The sentences of a spoken text. A sentence ends at ".", "!" or "?" followed
// by a space or the end of the text, and at ":" followed by a space: in these
// texts a colon always closes a clause the ear takes in on its own ("Meanwhile,
// keep the stretches gentle: Unfurl will not make them any bigger."). Commas,
// dashes and parentheses do not end a sentence, nor does a "." inside a number.
std::vector<std::string> sentences(const std::string& text) {
  static const std::regex end(R"([.!?:](\s+|$))");
  std::vector<std::string> out;
  size_t from = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), end); it != std::sregex_iterator(); ++it) {
    out.push_back(text.substr(from, it->position() + 1 - from));
    from = it->position() + it->length();
  }
  if (text.find_first_not_of(" ", from) != std::string::npos) out.push_back(text.substr(from));
  return out;
}

// Words: runs of non-space characters with a letter or a digit in them, so
// "—", "·" and "↓" are not words and "4" or "30" are. (Every Spanish word has
// an ASCII letter too: "sí", "él", "ñu".)
int words(const std::string& sentence) {
  std::istringstream in(sentence);
  int n = 0;
  for (std::string w; in >> w;)
    if (std::any_of(w.begin(), w.end(), [](unsigned char c) { return c < 0x80 && std::isalnum(c); })) ++n;
  return n;
}

// Everything the app may say in a language, each with the key it comes from:
// a whole default session (preparation, every introduction, move, hold and
// switch, the end), and the catalogue's spoken sentences outside it — pause
// and stop, the check's results (each tier's title and action and the signs'
// own actions), the stop question and its answers, the rest advice, and the
// results of the health questions and of the inflammatory-pattern questions.
// The catalogue's keys are chosen by pattern, so a new result key is checked too.
std::vector<std::pair<std::string, std::string>> everything_said(const std::string& lang) {
  hand_in_every_language();
  Catalogue text;
  EXPECT_TRUE(text.load(lang)) << lang;
  std::vector<std::pair<std::string, std::string>> said;
  Session s(default_routine(text), 0.6, VoicePlan{kVoiceRateDefault, &text});
  for (Said& c : speak_through(s)) said.push_back({c.cue.key, std::move(c.cue.text)});
  static const std::regex spoken(
      R"(cue\..+|session\.seconds_left|triage\.[a-z_]+\.(title|action)|flag\.[a-z_]+\.action|)"
      R"(stop\.(question|rest_title|rest_action|[a-z_]+\.label)|screening\.[a-z_]+\.title|)"
      R"(screening\.(wait|cleared)|hist\.[a-z_]+\.action|pattern\.result\.[a-z_]+|pattern\.not_diagnosis)");
  const nlohmann::json en = nlohmann::json::parse(language_file("en"));
  size_t from_catalogue = 0;
  for (auto it = en.begin(); it != en.end(); ++it) {
    if (!it.value().is_string() || !std::regex_match(it.key(), spoken)) continue;
    const std::string* t = text.find(it.key());
    if (t) said.push_back({it.key(), *t}), ++from_catalogue;
  }
  EXPECT_GT(from_catalogue, 30u) << lang << ": the result sentences were not found";
  return said;
}

// Calls f with the default routine changed in one dose, for every dose the
// catalogue allows: each hold and repetition count of each exercise.
void for_every_dose(const std::function<void(const Routine&, const std::string&)>& f) {
  const Routine& base = default_routine();
  for (size_t i = 0; i < base.exercises.size(); ++i) {
    const Exercise& e = base.exercises[i];
    for (double hold = e.hold_range.min_s; hold <= e.hold_range.max_s; hold += 1) {
      for (int reps = e.reps_range.min; reps <= e.reps_range.max; ++reps) {
        Routine r = base;
        r.exercises[i].hold_s = hold;
        r.exercises[i].reps = reps;
        f(r, e.id + " hold " + std::to_string(static_cast<int>(hold)) + " s × " + std::to_string(reps));
      }
    }
  }
}

}  // namespace

// No spoken sentence over 18 words (docs/clinical.md, "Wording that is heard, not
// only read"): someone lying with eyes closed holds one idea at a time.
TEST(Speech, NoSpokenSentenceIsOverEighteenWords) {
  EXPECT_EQ(sentences("Hold. Feel the stretch: slowly.").size(), 3u);
  EXPECT_EQ(sentences("Voice speed: 0.5 now").size(), 2u);
  EXPECT_EQ(words("Stop — it hurts ↓ 30 s"), 5);
  for (const std::string& lang : Catalogue::available()) {
    for (const auto& [key, text] : everything_said(lang)) {
      for (const std::string& sentence : sentences(text))
        EXPECT_LE(words(sentence), 18) << lang << " [" << key << "] has " << words(sentence) << " words: \"" << sentence << "\"";
    }
  }
}

TEST(Speech, EstimateGrowsWithTextAndSlowsWithRate) {
  EXPECT_EQ(speech_seconds("", 1), 0);
  EXPECT_LT(speech_seconds("Hold.", 1), speech_seconds("Hold gently, and breathe slowly.", 1));
  EXPECT_GT(speech_seconds("Hold gently, and breathe slowly.", 0.8), speech_seconds("Hold gently, and breathe slowly.", 1.2));
  // The recipe's measurement (docs/toolchain.md, item 16): a 31-word sentence at rate 0.9 took about 11 s.
  const char* thirty_one = "Keeping your knees bent and together, slowly let both knees drift to one side, only as far as "
                           "is comfortable, keeping your shoulders flat on the bed, and breathe out slowly now.";
  EXPECT_GE(speech_seconds(thirty_one, 0.9), 10.0);
  EXPECT_LE(speech_seconds(thirty_one, 0.9), 14.0);
}

TEST(Speech, DefaultRoutineIsHeardToTheEndAtEveryRate) {
  for (double rate : {0.8, 1.0, 1.2}) expect_heard_to_the_end(default_routine(), rate, "default routine");
}

TEST(Speech, EveryDoseAPrescriptionMayChooseIsHeardToTheEnd) {
  for_every_dose([](const Routine& r, const std::string& what) {
    for (double rate : {0.8, 1.0, 1.2}) expect_heard_to_the_end(r, rate, what);
  });
}

TEST(Speech, HoldsKeepTheirPrescribedLengthAtEveryRate) {
  for_every_dose([](const Routine& r, const std::string& what) {
    for (double rate : {0.8, 1.2}) {
      Session s(r, 0.6, VoicePlan{rate, nullptr});
      for (const PhaseSpan& span : s.timeline())
        if (span.phase == Phase::hold)
          ASSERT_DOUBLE_EQ(span.duration_s, r.exercises[span.exercise].hold_s) << what;
    }
  });
}

TEST(Speech, AHoldSentenceTooLongForItsHoldIsSaidWithTheMove) {
  Routine r = default_routine();
  Exercise& press = r.exercises[4];
  ASSERT_EQ(press.id, "press_up");
  press.hold_s = 1;
  Session s(r, 0.6, VoicePlan{0.8, nullptr});
  bool moved = false;
  for (const PhaseSpan& span : s.timeline()) {
    if (span.exercise != 4) continue;
    if (span.phase == Phase::hold) EXPECT_TRUE(span.speech.empty());
    if (span.phase == Phase::move) moved |= span.speech.find(press.hold_cue) != std::string::npos;
  }
  EXPECT_TRUE(moved) << "nothing the article says is dropped";
}

TEST(Speech, APhaseThatSpeaksLastsAtLeastAsLongAsItsSentence) {
  for (double rate : {0.8, 1.0, 1.2}) {
    Session s(default_routine(), 0.6, VoicePlan{rate, nullptr});
    for (const PhaseSpan& span : s.timeline())
      if (!span.speech.empty() && span.phase != Phase::done && span.phase != Phase::prepare)
        EXPECT_GE(span.duration_s, speech_seconds(span.speech, rate)) << span.speech;
  }
}

TEST(Speech, TheHoldCountdownWaitsForTheVoice) {
  Session s(default_routine(), 0.6);
  s.next();  // knee to chest: its introduction
  while (s.phase() != Phase::move) s.advance(0.05);
  // The voice is slower than planned: still speaking when the move runs out.
  s.set_voice_busy(true);
  s.advance(s.phase_remaining_s());
  s.advance(3);
  EXPECT_EQ(s.phase(), Phase::move);
  EXPECT_TRUE(s.waiting_for_voice());
  s.set_voice_busy(false);
  s.advance(0.01);
  EXPECT_EQ(s.phase(), Phase::hold);
  EXPECT_NEAR(s.phase_remaining_s(), s.phase_duration_s(), 0.02) << "the countdown starts after the voice";
}

TEST(Speech, AVoiceThatNeverEndsDoesNotFreezeTheRoutine) {
  Session s(default_routine(), 0.6);
  s.set_voice_busy(true);
  for (int i = 0; i < 100000 && !s.finished(); ++i) s.advance(0.1);
  EXPECT_TRUE(s.finished());
}

TEST(Speech, PreparationSaysTheArticlesRulesBeforeTheBreaths) {
  Session s(default_routine(), 0.6);
  std::vector<Said> said = speak_through(s);
  ASSERT_FALSE(said.empty());
  const std::string& rules = said[0].cue.text;
  EXPECT_EQ(said[0].cue.key, "prepare");
  for (const char* must : {"breath out", "Never bounce", "sudden or jerky", "does not hurt", "sharp, shooting or intense pain",
                           "stop at once", "soft mattress", "small and controlled"})
    EXPECT_NE(rules.find(must), std::string::npos) << must;
  EXPECT_EQ(said[1].cue.key, "breathe-in");
  EXPECT_GE(said[1].t, speech_seconds(rules, kVoiceRateDefault));
}
