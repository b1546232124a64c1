// The session engine, simulated: the whole routine second by second, every
// control at every phase, and the cues a person with eyes closed relies on.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/routine/routine.h"
#include "core/routine/session.h"

using namespace unfurl::core;

namespace {

struct Seen {
  Phase phase;
  int exercise;
  Side side;
  int rep;
  double duration_s = 0;
};

// The expected phase order, written from docs/clinical.md's table rather than from
// the engine's own timeline.
std::vector<Seen> expected(const Routine& r) {
  std::vector<Seen> e;
  e.push_back({Phase::prepare, -1, Side::none, 1, 30});
  for (int i = 0; i < static_cast<int>(r.exercises.size()); ++i) {
    const Exercise& x = r.exercises[i];
    std::vector<Side> sides = x.sided ? std::vector<Side>{Side::right, Side::left} : std::vector<Side>{Side::none};
    for (size_t s = 0; s < sides.size(); ++s) {
      e.push_back({s == 0 ? Phase::rest : Phase::switch_side, i, sides[s], 1, 5});
      for (int rep = 1; rep <= x.reps; ++rep) {
        if (rep > 1) e.push_back({Phase::rest, i, sides[s], rep, x.rest_s});
        e.push_back({Phase::move, i, sides[s], rep, x.move_s});
        e.push_back({Phase::hold, i, sides[s], rep, x.hold_s});
        e.push_back({Phase::release, i, sides[s], rep, x.move_s});
      }
    }
  }
  e.push_back({Phase::done, -1, Side::none, 1, 0});
  return e;
}

int count(const std::vector<Cue>& cues, CueKind kind, const std::string& key) {
  return static_cast<int>(std::count_if(cues.begin(), cues.end(), [&](const Cue& c) { return c.kind == kind && c.key == key; }));
}

}  // namespace

TEST(Session, WholeRoutineSecondBySecondFollowsTheTable) {
  const Routine& r = default_routine();
  Session s(r, 0.6);
  // Step by 1/100 s to measure durations; phases are all whole seconds.
  std::vector<Seen> seen;
  Phase last = s.phase();
  int seg = s.segment(), rep = s.rep();
  double t_in = 0;
  seen.push_back({s.phase(), s.exercise_index(), s.side(), s.rep()});
  while (!s.finished()) {
    s.advance(0.01);
    t_in += 0.01;
    if (s.phase() != last || s.segment() != seg || s.rep() != rep) {
      seen.back().duration_s = t_in;
      t_in = 0;
      seen.push_back({s.phase(), s.exercise_index(), s.side(), s.rep()});
      last = s.phase(); seg = s.segment(); rep = s.rep();
    }
  }
  std::vector<Seen> want = expected(r);
  ASSERT_EQ(seen.size(), want.size());
  for (size_t i = 0; i + 1 < want.size(); ++i) {
    SCOPED_TRACE("phase #" + std::to_string(i) + " " + std::string(phase_name(want[i].phase)));
    EXPECT_EQ(seen[i].phase, want[i].phase);
    EXPECT_EQ(seen[i].exercise, want[i].exercise);
    EXPECT_EQ(seen[i].side, want[i].side);
    EXPECT_EQ(seen[i].rep, want[i].rep);
    // Holds are exactly as prescribed; other spans may stretch to fit what they say.
    if (want[i].phase == Phase::hold) EXPECT_NEAR(seen[i].duration_s, want[i].duration_s, 0.05);
    else EXPECT_GE(seen[i].duration_s, want[i].duration_s - 0.05);
  }
  EXPECT_EQ(s.phase(), Phase::done);
  EXPECT_NEAR(s.elapsed_s(), s.total_s(), 0.05);
  EXPECT_GE(s.total_s(), r.total_s());
  EXPECT_EQ(s.exercises_done().size(), r.exercises.size());
}

TEST(Session, SidedExercisesDoRightThenLeftAndRepsCount) {
  Session s(default_routine(), 0.6);
  std::map<std::string, std::vector<Side>> sides;
  std::map<std::string, int> holds;
  Phase last = s.phase();
  int last_rep = s.rep();
  while (!s.finished()) {
    s.advance(0.5);
    if (s.phase() == Phase::hold && (last != Phase::hold || s.rep() != last_rep)) {
      sides[s.exercise()->id].push_back(s.side());
      holds[s.exercise()->id]++;
    }
    last = s.phase();
    last_rep = s.rep();
  }
  EXPECT_EQ(sides["knee_to_chest"], (std::vector<Side>{Side::right, Side::left}));
  EXPECT_EQ(sides["figure_four"], (std::vector<Side>{Side::right, Side::left}));
  EXPECT_EQ(sides["spinal_twist"], (std::vector<Side>{Side::right, Side::left}));
  EXPECT_EQ(holds["pelvic_tilt"], 8);
  EXPECT_EQ(holds["press_up"], 5);
  EXPECT_EQ(holds["fetal"], 1);
}

TEST(Session, PauseFreezesTimeAndResumeContinues) {
  Session s(default_routine(), 0.6);
  s.advance(12.3);
  const double elapsed = s.elapsed_s(), remaining = s.phase_remaining_s();
  ASSERT_TRUE(s.pause());
  EXPECT_FALSE(s.pause());
  s.advance(100);
  EXPECT_DOUBLE_EQ(s.elapsed_s(), elapsed);
  EXPECT_DOUBLE_EQ(s.phase_remaining_s(), remaining);
  ASSERT_TRUE(s.resume());
  s.advance(1);
  EXPECT_NEAR(s.elapsed_s(), elapsed + 1, 1e-9);
}

TEST(Session, NextAndBackFromEveryPhaseLandOnSegmentStarts) {
  const Routine& r = default_routine();
  Session probe(r, 0.6);
  const auto& timeline = probe.timeline();
  const int last_segment = timeline.back().segment;
  for (size_t i = 0; i + 1 < timeline.size(); ++i) {
    for (bool forward : {true, false}) {
      Session s(r, 0.6);
      // Walk to the middle of phase i.
      double t = 0;
      for (size_t k = 0; k < i; ++k) t += timeline[k].duration_s;
      s.advance(t + timeline[i].duration_s / 2);
      ASSERT_EQ(s.segment(), timeline[i].segment);
      const int seg = s.segment();
      ASSERT_TRUE(forward ? s.next() : s.back());
      int want = forward ? seg + 1 : std::max(0, seg - 1);
      EXPECT_EQ(s.segment(), want);
      if (want == last_segment) {
        EXPECT_EQ(s.phase(), Phase::done);
        continue;
      }
      EXPECT_DOUBLE_EQ(s.phase_remaining_s(), s.phase_duration_s()) << "starts at the beginning";
      EXPECT_TRUE(s.phase() == Phase::prepare || s.phase() == Phase::rest || s.phase() == Phase::switch_side)
          << phase_name(s.phase());
    }
  }
}

TEST(Session, StopFromEveryPhaseEndsAtOnceAndNothingPlaysAfter) {
  const Routine& r = default_routine();
  Session probe(r, 0.6);
  const auto timeline = probe.timeline();
  for (size_t i = 0; i + 1 < timeline.size(); ++i) {
    Session s(r, 0.6);
    double t = 0;
    for (size_t k = 0; k < i; ++k) t += timeline[k].duration_s;
    s.advance(t + 0.25);
    s.take_cues();
    ASSERT_TRUE(s.stop()) << i;
    EXPECT_EQ(s.phase(), Phase::stopped);
    EXPECT_TRUE(s.finished());
    std::vector<Cue> after_stop = s.take_cues();
    s.advance(1000);
    EXPECT_TRUE(s.take_cues().empty());
    EXPECT_EQ(s.phase(), Phase::stopped);
    EXPECT_FALSE(s.next());
    EXPECT_FALSE(s.back());
    EXPECT_FALSE(s.pause());
    EXPECT_FALSE(s.stop());
    ASSERT_EQ(after_stop.size(), 1u);
    EXPECT_EQ(after_stop[0].key, "stopped");
  }
}

TEST(Session, CuesAreTheSameWhateverTheFrameRate) {
  auto cues_at = [](double dt) {
    Session s(default_routine(), 0.6);
    std::vector<Cue> cues;
    while (!s.finished()) {
      s.advance(dt);
      for (Cue& c : s.take_cues()) cues.push_back(c);
    }
    return cues;
  };
  std::vector<Cue> reference = cues_at(0.01);
  for (double dt : {1.0 / 60, 0.1, 0.5, 1.0, 2.7, 60.0}) {
    std::vector<Cue> other = cues_at(dt);
    ASSERT_EQ(other.size(), reference.size()) << "dt " << dt;
    for (size_t i = 0; i < other.size(); ++i) {
      EXPECT_EQ(other[i].key, reference[i].key) << "dt " << dt << " cue " << i;
      EXPECT_EQ(other[i].text, reference[i].text) << "dt " << dt << " cue " << i;
    }
  }
}

TEST(Session, EveryHoldHasOneStartAndACountdownAndEverySidedExerciseASwitch) {
  const Routine& r = default_routine();
  Session s(r, 0.6);
  std::vector<Cue> cues;
  s.take_cues();
  int holds = 0;
  for (const PhaseSpan& p : s.timeline()) holds += p.phase == Phase::hold;
  while (!s.finished()) {
    s.advance(0.1);
    for (Cue& c : s.take_cues()) cues.push_back(c);
  }
  EXPECT_EQ(count(cues, CueKind::tone, "hold"), holds);
  EXPECT_EQ(count(cues, CueKind::vibrate, "hold"), holds);
  EXPECT_EQ(count(cues, CueKind::tone, "release"), holds);
  EXPECT_EQ(count(cues, CueKind::tone, "begin"), holds);
  // 3-2-1 before every hold ends, in that order.
  std::vector<std::string> ticks;
  for (const Cue& c : cues) if (c.kind == CueKind::tone && c.key == "tick") ticks.push_back(c.text);
  ASSERT_EQ(static_cast<int>(ticks.size()), 3 * holds);
  for (size_t i = 0; i < ticks.size(); i += 3)
    EXPECT_EQ((std::vector<std::string>{ticks[i], ticks[i + 1], ticks[i + 2]}), (std::vector<std::string>{"3", "2", "1"}));
  int sided = 0;
  for (const Exercise& e : r.exercises) sided += e.sided;
  EXPECT_EQ(count(cues, CueKind::tone, "switch"), sided);
  EXPECT_EQ(count(cues, CueKind::speak, "switch"), sided);
  EXPECT_EQ(count(cues, CueKind::vibrate, "switch"), sided);
  EXPECT_EQ(count(cues, CueKind::tone, "done"), 1);
  EXPECT_EQ(count(cues, CueKind::speak, "done"), 1);
  for (const Exercise& e : r.exercises) EXPECT_EQ(count(cues, CueKind::speak, "exercise." + e.id), 1) << e.id;
}

TEST(Session, EveryMovementBeginsOnAnExhaleAndNoCuePushesFurther) {
  Session s(default_routine(), 0.6);
  std::vector<Cue> cues = s.take_cues();
  while (!s.finished()) {
    s.advance(0.25);
    for (Cue& c : s.take_cues()) cues.push_back(c);
  }
  int moves = 0;
  for (const Cue& c : cues) {
    if (c.kind != CueKind::speak) continue;
    if (c.key.rfind("move.", 0) == 0) {
      ++moves;
      EXPECT_EQ(c.text.rfind("Breathe out", 0), 0u) << c.text;
    }
    for (const char* pushy : {"go further", "push further", "further into", "push through", "harder", "deeper", "a bit more"})
      EXPECT_EQ(c.text.find(pushy), std::string::npos) << c.text;
  }
  EXPECT_GT(moves, 0);
}

TEST(Session, SpokenInstructionsNameWhatTheArticleNames) {
  const Routine& r = default_routine();
  Session s(r, 0.6);
  std::map<std::string, std::string> spoken;  // exercise id → everything said for it
  std::vector<Cue> cues = s.take_cues();
  while (!s.finished()) {
    const Exercise* before = s.exercise();
    s.advance(0.5);
    // Cues belong to the span they open; "release" and "done" to the one before.
    const Exercise* e = s.exercise() ? s.exercise() : before;
    for (Cue& c : s.take_cues())
      if (c.kind == CueKind::speak && e) spoken[e->id] += c.text + " ";
  }
  struct Must { const char* id; std::vector<const char*> words; };
  const Must musts[] = {
      {"knee_to_chest", {"knee toward your chest", "back of your thigh", "front of your shin", "other foot stays on the bed"}},
      {"pelvic_tilt", {"flatten your lower back", "belly", "buttocks", "tailbone lifts slightly"}},
      {"figure_four", {"ankle over the opposite thigh", "fingers behind the supporting knee", "supporting thigh", "toward your chest"}},
      {"spinal_twist", {"knees bent and together", "as far as is comfortable", "shoulders pressed flat", "palms up", "great care"}},
      {"press_up", {"stomach", "hands flat", "beside your shoulders", "hips and pelvis stay on the bed", "head and chest a small amount",
                    "range that does not hurt", "spread further down a leg, stop"}},
      {"fetal", {"one side", "knees up toward your chest"}},
  };
  for (const Must& m : musts)
    for (const char* w : m.words)
      EXPECT_NE(spoken[m.id].find(w), std::string::npos) << m.id << " should say \"" << w << "\": " << spoken[m.id];
}

TEST(Session, RangeIsCarriedAndClampedToTheCap) {
  Routine r = default_routine();
  EXPECT_DOUBLE_EQ(Session(r, 0.7).range(), 0.7);
  EXPECT_DOUBLE_EQ(Session(r, 0.2).range(), 0.5);
  r.range_cap = 0.8;
  EXPECT_DOUBLE_EQ(Session(r, 0.95).range(), 0.8);
}

TEST(Session, EveryExerciseIsIntroducedWithOnlyAsFarAsIsComfortableBeforeItsFirstMove) {
  const Routine& r = default_routine();
  Session s(r, 0.6);
  std::map<std::string, bool> said;  // exercise id → said before its first move
  std::map<std::string, int> moves;
  while (!s.finished()) {
    for (const Cue& c : s.take_cues()) {
      if (c.kind != CueKind::speak || !s.exercise()) continue;
      const std::string& id = s.exercise()->id;
      if (c.key == "exercise." + id && !moves[id]) said[id] = c.text.find("as far as is comfortable") != std::string::npos;
      if (c.key == "move." + id) ++moves[id];
    }
    s.advance(0.25);
  }
  for (const Exercise& e : r.exercises) {
    EXPECT_TRUE(said[e.id]) << e.id;
    EXPECT_GT(moves[e.id], 0) << e.id;
  }
}
