// The red-flag check and the stop question: every rule in docs/clinical.md, and
// every combination of answers, against a table written here from docs/clinical.md
// (not read from the app's data), so a change to the data that softens a tier
// fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/triage/triage.h"

using namespace unfurl::core;

namespace {
// docs/clinical.md, "Safety check", in table order.
const std::vector<std::pair<std::string, Tier>> kClinical = {
    {"bladder_bowel", Tier::emergency}, {"saddle_numbness", Tier::emergency}, {"both_legs", Tier::emergency},
    {"chest_pain", Tier::emergency},    {"serious_accident", Tier::emergency}, {"leg_worsening", Tier::urgent},
    {"fever", Tier::urgent},            {"weight_loss", Tier::urgent},        {"injury", Tier::urgent},
    {"leg_shooting", Tier::clinician},  {"leg_numb_weak", Tier::clinician},   {"weeks", Tier::review},
};
// docs/clinical.md, "Once, before the first session".
const std::vector<std::pair<std::string, Tier>> kHistory = {
    {"cancer", Tier::urgent},    {"back_shape", Tier::urgent}, {"night_rest", Tier::urgent},
    {"immune", Tier::clinician}, {"bones", Tier::clinician},   {"age_new", Tier::clinician},
};
}  // namespace

TEST(Triage, TableMatchesClinicalTiers) {
  const Triage& t = default_triage();
  ASSERT_EQ(t.flags.size(), kClinical.size());
  for (size_t i = 0; i < kClinical.size(); ++i) {
    EXPECT_EQ(t.flags[i].id, kClinical[i].first);
    EXPECT_EQ(t.flags[i].tier, kClinical[i].second) << kClinical[i].first;
    EXPECT_FALSE(t.flags[i].question.empty());
  }
  EXPECT_TRUE(t.for_tier(Tier::emergency).blocked);
  EXPECT_TRUE(t.for_tier(Tier::urgent).blocked);
  EXPECT_TRUE(t.for_tier(Tier::clinician).blocked);
  EXPECT_FALSE(t.for_tier(Tier::review).blocked);
}

TEST(Triage, EveryCombinationOfTheTableEndsAtItsHighestTier) {
  const Triage& t = default_triage();
  const int n = static_cast<int>(kClinical.size());
  for (int mask = 0; mask < (1 << n); ++mask) {
    std::vector<std::string> answers;
    Tier want = Tier::none;
    for (int i = 0; i < n; ++i)
      if (mask & (1 << i)) {
        answers.push_back(kClinical[i].first);
        want = std::max(want, kClinical[i].second);
      }
    std::vector<std::string> want_flags, want_also;
    for (int i = 0; i < n; ++i)
      if (mask & (1 << i)) (kClinical[i].second == want ? want_flags : want_also).push_back(kClinical[i].first);
    // Order of answering must not matter.
    std::reverse(answers.begin(), answers.end());
    CheckOutcome o = evaluate_check(t, answers);
    ASSERT_EQ(o.level, want) << "mask " << mask;
    EXPECT_EQ(o.flags, want_flags) << "mask " << mask;
    EXPECT_EQ(o.also, want_also) << "mask " << mask;
    EXPECT_EQ(o.blocked, want == Tier::emergency || want == Tier::urgent || want == Tier::clinician) << "mask " << mask;
  }
}

TEST(Triage, UnknownAnswersAreIgnored) {
  CheckOutcome o = evaluate_check(default_triage(), {"headache", ""});
  EXPECT_EQ(o.level, Tier::none);
  EXPECT_FALSE(o.blocked);
}

TEST(Triage, EveryRedFlagInTheArticleHasAQuestionAndABlockingOrAdvisingOutcome) {
  const Triage& t = default_triage();
  // The article's words → the flag that asks about them.
  const std::map<std::string, std::pair<std::string, std::vector<std::string>>> article = {
      {"sharp, shooting pain that travels down the leg", {"leg_shooting", {"shooting", "down a leg"}}},
      {"numbness or weakness radiating into the legs or feet", {"leg_numb_weak", {"Numbness or weakness", "leg or foot"}}},
      {"fever", {"fever", {"Fever"}}},
      {"unexplained weight loss", {"weight_loss", {"Weight loss", "can't explain"}}},
      {"changes in bowel or bladder function", {"bladder_bowel", {"bladder", "bowels"}}},
      {"pain persists or worsens over several weeks", {"weeks", {"several weeks", "worse"}}},
  };
  for (const auto& [words, expect] : article) {
    const RedFlag* f = t.find(expect.first);
    ASSERT_NE(f, nullptr) << words;
    for (const std::string& w : expect.second) EXPECT_NE(f->question.find(w), std::string::npos) << f->question;
    CheckOutcome o = evaluate_check(t, {f->id});
    EXPECT_NE(o.level, Tier::none) << words;
    if (f->id == "weeks") EXPECT_FALSE(o.blocked);
    else EXPECT_TRUE(o.blocked) << words;
  }
}

TEST(Triage, ResultWordingNamesTheActionAndTheUrgency) {
  const Triage& t = default_triage();
  EXPECT_NE(t.for_tier(Tier::emergency).action.find("emergency"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::emergency).action.find("now"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::emergency).why.find("cauda equina"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::urgent).action.find("today"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::urgent).why.find("infection"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::clinician).action.find("doctor or physiotherapist"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::clinician).action.find("Do not do the stretches until you have been checked"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::review).action.find("doctor or physiotherapist"), std::string::npos);
  // Blocked tiers never suggest carrying on.
  for (Tier tier : {Tier::emergency, Tier::urgent, Tier::clinician})
    EXPECT_EQ(t.for_tier(tier).action.find("anyway"), std::string::npos);
}

TEST(Triage, StopForLegSymptomsIsAClinicianResult) {
  auto o = evaluate_stop(default_triage(), "leg");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->level, Tier::clinician);
  EXPECT_TRUE(default_triage().for_tier(o->level).blocked);
}

TEST(Triage, StopForBackOnlyMeansRestAndASmallerRange) {
  auto o = evaluate_stop(default_triage(), "back");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->level, Tier::none);
  EXPECT_DOUBLE_EQ(o->range_change, -0.10);
  EXPECT_NE(default_triage().rest_action.find("see a doctor or physiotherapist"), std::string::npos);
}

TEST(Triage, UnknownStopAnswerIsRejected) {
  EXPECT_FALSE(evaluate_stop(default_triage(), "elbow"));
}

TEST(Triage, LoaderRefusesATableWithAnUnknownTier) {
  TriageResult r = load_triage(R"({"disclaimer":"x","tiers":{}})");
  EXPECT_FALSE(r.triage);
  EXPECT_EQ(r.error, "tiers.review: missing");
  EXPECT_EQ(load_triage("nope").error, "red flags: not a JSON object");
}

TEST(Triage, EmergencyAdviceNamesTheActionNotACountrysNumber) {
  for (Tier t : {Tier::emergency, Tier::urgent}) {
    const std::string& a = default_triage().for_tier(t).action;
    for (const char* number : {"999", "911", "112", "000", "111"}) EXPECT_EQ(a.find(number), std::string::npos) << a;
  }
}

TEST(Triage, HistoryQuestionsMatchClinicalAndEveryCombinationBlocksAtItsHighestTier) {
  const Triage& t = default_triage();
  ASSERT_EQ(t.history.size(), kHistory.size());
  for (size_t i = 0; i < kHistory.size(); ++i) {
    EXPECT_EQ(t.history[i].id, kHistory[i].first);
    EXPECT_EQ(t.history[i].tier, kHistory[i].second);
    EXPECT_FALSE(t.history[i].question.empty());
    EXPECT_FALSE(t.history[i].action.empty()) << "every yes says what to do: " << kHistory[i].first;
  }
  const int n = static_cast<int>(kHistory.size());
  for (int mask = 1; mask < (1 << n); ++mask) {
    std::vector<std::string> answers;
    Tier want = Tier::none;
    for (int i = 0; i < n; ++i)
      if (mask & (1 << i)) { answers.push_back(kHistory[i].first); want = std::max(want, kHistory[i].second); }
    CheckOutcome o = evaluate_history(t, answers);
    ASSERT_EQ(o.level, want) << "mask " << mask;
    EXPECT_TRUE(o.blocked) << "any yes: the routine waits";
  }
  EXPECT_EQ(evaluate_history(t, {}).level, Tier::none);
  EXPECT_EQ(evaluate_check(t, {"cancer"}).level, Tier::none) << "history answers are not check answers";
}

TEST(Triage, TheNewEmergencySignsSendToEmergencyHelpAndTheWorseningLegToday) {
  const Triage& t = default_triage();
  for (const char* id : {"chest_pain", "serious_accident"}) {
    CheckOutcome o = evaluate_check(t, {id, "injury", "leg_numb_weak"});
    EXPECT_EQ(o.level, Tier::emergency) << id;
    EXPECT_TRUE(o.blocked);
    EXPECT_NE(t.for_tier(o.level).action.find("emergency"), std::string::npos);
  }
  CheckOutcome leg = evaluate_check(t, {"leg_worsening", "leg_numb_weak"});
  EXPECT_EQ(leg.level, Tier::urgent);
  EXPECT_EQ(leg.flags, std::vector<std::string>{"leg_worsening"});
  EXPECT_EQ(leg.also, std::vector<std::string>{"leg_numb_weak"});
  EXPECT_NE(t.for_tier(Tier::urgent).action.find("today"), std::string::npos);
  // The smaller fall stays "today"; the serious accident is the emergency.
  EXPECT_NE(t.find("injury")->question.find("smaller fall"), std::string::npos);
  EXPECT_NE(t.find("serious_accident")->question.find("car crash"), std::string::npos);
  EXPECT_NE(t.find("saddle_numbness")->question.find("tingling"), std::string::npos);
  EXPECT_NE(t.find("saddle_numbness")->question.find("back passage"), std::string::npos);
}

TEST(Triage, StopAnswersReachEveryTierTheyApplyTo) {
  const Triage& t = default_triage();
  EXPECT_EQ(evaluate_stop(t, "emergency")->level, Tier::emergency);
  // Chest pain can come during a stretch as well as before one: the emergency answer names it.
  EXPECT_NE(t.stop_answers[0].label.find("chest pain"), std::string::npos) << t.stop_answers[0].label;
  // Three answers, so all of them fit on a small phone at 200 % text.
  EXPECT_EQ(t.stop_answers.size(), 3u);
  // A leg that gives way is the leg answer's weakness, and the next check asks again.
  EXPECT_FALSE(evaluate_stop(t, "leg_worsening"));
  EXPECT_EQ(evaluate_stop(t, "leg")->level, Tier::clinician);
  EXPECT_EQ(evaluate_stop(t, "back")->level, Tier::none);
  // The leg answer names numbness, tingling or weakness (docs/clinical.md, wording).
  for (const StopAnswer& a : t.stop_answers)
    if (a.id == "leg")
      for (const char* w : {"numbness", "tingling", "weakness"}) EXPECT_NE(a.label.find(w), std::string::npos) << w;
}

// docs/clinical.md, "During the session": the stop question's emergency
// answer covers every emergency sign that can begin during a stretch — weakness
// in both legs included — so nobody whose legs both go weak must pick the
// one-leg answer. Checked through the answers' flag ids, not their words.
TEST(Triage, TheStopQuestionsEmergencyAnswerCoversEverySignThatCanBeginDuringAStretch) {
  const Triage& t = default_triage();
  const std::vector<std::string> during = {"both_legs", "saddle_numbness", "bladder_bowel", "chest_pain"};
  for (const std::string& id : during) {
    SCOPED_TRACE(id);
    ASSERT_NE(t.find(id), nullptr);
    EXPECT_EQ(t.find(id)->tier, Tier::emergency);
    int answers = 0;
    for (const StopAnswer& a : t.stop_answers)
      if (std::find(a.flags.begin(), a.flags.end(), id) != a.flags.end()) {
        ++answers;
        EXPECT_EQ(evaluate_stop(t, a.id)->level, Tier::emergency) << a.id;
      }
    EXPECT_EQ(answers, 1) << "exactly one answer stands for it";
  }
  // Every answer's signs are of the tier it leads to: none is softened on the way.
  size_t signs = 0;
  for (const StopAnswer& a : t.stop_answers)
    for (const std::string& id : a.flags) {
      ++signs;
      EXPECT_EQ(t.find(id)->tier, a.outcome) << a.id << " stands for " << id;
    }
  EXPECT_EQ(signs, during.size() + 2) << "the leg answer stands for the two one-leg signs";
  // An answer naming a sign the check does not have is refused, not ignored.
  const std::string bad = R"({"tiers":{"emergency":{"blocked":true},"urgent":{"blocked":true},"clinician":{"blocked":true},"review":{"blocked":false}},
    "flags":[{"id":"chest_pain","tier":"emergency"}],"history":[],
    "stop":{"answers":[{"id":"emergency","outcome":"emergency","flags":["chest_pian"]}]}})";
  EXPECT_FALSE(load_triage(bad).triage);
}
