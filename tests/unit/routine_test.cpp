// The routine file and its loader: the shipped routine says what the article
// says, and bad data is refused with a message that names the field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/assets.h"
#include "core/routine/routine.h"

using namespace unfurl::core;
using nlohmann::json;

namespace {
json shipped() {
  return json::parse(embedded_asset("assets/routines/morning-back.json"), nullptr, false);
}
std::string load_error(const json& j) { return describe(load_routine(j.dump()).error); }
}  // namespace

TEST(Routine, ShippedRoutineLoadsWithTheArticlesSixStretches) {
  RoutineResult r = load_routine(embedded_asset("assets/routines/morning-back.json"));
  ASSERT_TRUE(r.routine) << describe(r.error);
  std::vector<std::string> ids;
  for (const Exercise& e : r.routine->exercises) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"knee_to_chest", "pelvic_tilt", "figure_four",
                                           "spinal_twist", "press_up", "fetal"}));
  // About 8–10 minutes (docs/clinical.md).
  EXPECT_GE(r.routine->total_s(), 7 * 60);
  EXPECT_LE(r.routine->total_s(), 10 * 60);
}

TEST(Routine, DefaultDosesMatchClinicalTable) {
  const Routine& r = default_routine();
  struct Dose { const char* id; bool sided; int reps; double hold_s; };
  const Dose doses[] = {{"knee_to_chest", true, 1, 25}, {"pelvic_tilt", false, 8, 4},
                        {"figure_four", true, 1, 30},   {"spinal_twist", true, 1, 30},
                        {"press_up", false, 5, 3},      {"fetal", false, 1, 20}};
  for (const Dose& d : doses) {
    const Exercise* e = r.find(d.id);
    ASSERT_NE(e, nullptr) << d.id;
    EXPECT_EQ(e->sided, d.sided) << d.id;
    EXPECT_EQ(e->reps, d.reps) << d.id;
    EXPECT_DOUBLE_EQ(e->hold_s, d.hold_s) << d.id;
    EXPECT_GE(e->move_s, 3) << d.id;  // slow: 3–5 s into and out of each position
    EXPECT_LE(e->move_s, 5) << d.id;
  }
  EXPECT_EQ(r.preparation.breaths, 3);
}

TEST(Routine, RejectsInvalidJson) {
  EXPECT_EQ(describe(load_routine("{not json").error), "routine: not valid JSON");
  EXPECT_EQ(describe(load_routine("[1,2]").error), "routine: must be a JSON object");
}

TEST(Routine, RejectsUnknownExercise) {
  json j = shipped();
  j["exercises"][1]["id"] = "headstand";
  EXPECT_EQ(load_error(j), "exercises[1].id: unknown exercise \"headstand\"");
}

TEST(Routine, RejectsHoldOutsideItsAllowedRange) {
  json j = shipped();
  j["exercises"][0]["hold_s"] = 45;
  EXPECT_EQ(load_error(j), "exercises[0].hold_s: 45 is outside 20–30 s");
}

TEST(Routine, RejectsAllowedRangeWiderThanClinicalLimits) {
  json j = shipped();
  j["exercises"][4]["reps_range"] = json::array({3, 20});
  EXPECT_EQ(load_error(j), "exercises[4].reps_range: must lie within 3–10");
}

// The routine's words live in the language file; a language missing one is
// an error naming the key, never a silent blank in the session.
json english_words() { return json::parse(embedded_asset("assets/i18n/en.json")); }
std::string error_with_words(const json& words) {
  return describe(load_routine(embedded_asset("assets/routines/morning-back.json"), Catalogue::standalone("xx", words.dump())).error);
}

TEST(Routine, RejectsMissingText) {
  EXPECT_EQ(error_with_words(english_words()), "");
  json w = english_words();
  w.erase("ex.figure_four.move");
  EXPECT_EQ(error_with_words(w), "ex.figure_four.move: missing from the language file");
  w = english_words();
  w["ex.spinal_twist.lines"] = json::array();
  EXPECT_EQ(error_with_words(w), "ex.spinal_twist.lines: missing from the language file");
  w = english_words();
  w.erase("prepare.lines");
  EXPECT_EQ(error_with_words(w), "prepare.lines: missing from the language file");
}

TEST(Routine, RejectsWrongTypesWithoutCrashing) {
  json j = shipped();
  j["exercises"][0]["hold_s"] = "twenty";
  EXPECT_EQ(load_error(j), "exercises[0].hold_s: must be a number");
  j = shipped();
  j["exercises"][0]["sided"] = "yes";
  EXPECT_EQ(load_error(j), "exercises[0].sided: must be true or false");
  j = shipped();
  j["exercises"] = "all of them";
  EXPECT_EQ(load_error(j), "exercises: must be a non-empty list");
}

TEST(Routine, RejectsDuplicateExercise) {
  json j = shipped();
  j["exercises"][1] = j["exercises"][0];
  EXPECT_EQ(load_error(j), "exercises[1].id: \"knee_to_chest\" appears twice");
}

TEST(Routine, SidedExerciseNeedsBothSideNames) {
  json w = english_words();
  w["ex.knee_to_chest.sides"] = json::array({"Right leg"});
  EXPECT_EQ(error_with_words(w), "ex.knee_to_chest.sides: a sided exercise needs two names, right then left");
}
