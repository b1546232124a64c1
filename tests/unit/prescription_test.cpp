// Prescriptions in a link: applied through the routine loader, so a link can
// narrow the routine but never step outside docs/clinical.md's doses.
#include <gtest/gtest.h>

#include "core/assets.h"
#include "core/routine/prescription.h"
#include "core/routine/session.h"

using namespace unfurl::core;

namespace {
std::string_view routine_json() { return embedded_asset("assets/routines/morning-back.json"); }
std::string b64url(const std::string& in) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buf = 0;
  int bits = 0;
  for (unsigned char c : in) {
    buf = (buf << 8) | c;
    bits += 8;
    while (bits >= 6) { bits -= 6; out.push_back(a[(buf >> bits) & 63]); }
  }
  if (bits > 0) out.push_back(a[(buf << (6 - bits)) & 63]);
  return out;
}
}  // namespace

TEST(Prescription, PicksExercisesAndSetsDoses) {
  auto r = read_prescription_link(routine_json(), b64url(R"({"exercises":["knee_to_chest",{"id":"pelvic_tilt","reps":6,"hold_s":5}],"range_cap":0.7,"note":"Every morning."})"));
  ASSERT_TRUE(r.prescription) << describe(r.error);
  const Routine& routine = r.prescription->routine;
  ASSERT_EQ(routine.exercises.size(), 2u);
  EXPECT_EQ(routine.exercises[1].reps, 6);
  EXPECT_DOUBLE_EQ(routine.exercises[1].hold_s, 5);
  EXPECT_EQ(r.prescription->note, "Every morning.");
  EXPECT_DOUBLE_EQ(Session(routine, 0.9).range(), 0.7);
}

// A note of up to 200 characters (docs/embedding.md), counted as characters,
// not bytes: the builder's field (web/prescribe.html) lets a clinician type 200
// in any language, and the link it makes must open.
TEST(Prescription, ANoteIsTwoHundredCharactersInAnyLanguage) {
  std::string polish, longer;
  for (int i = 0; i < 200; ++i) polish += "ą";
  longer = polish + "a";
  auto link = [](const std::string& note) { return b64url(R"({"exercises":["fetal"],"note":")" + note + R"("})"); };
  auto r = read_prescription_link(routine_json(), link(polish));
  ASSERT_TRUE(r.prescription) << describe(r.error);
  EXPECT_EQ(r.prescription->note, polish);
  EXPECT_FALSE(read_prescription_link(routine_json(), link(longer)).prescription) << "201 characters";
  EXPECT_FALSE(read_prescription_link(routine_json(), link(std::string(201, 'a'))).prescription);
  EXPECT_TRUE(read_prescription_link(routine_json(), link(std::string(200, 'a'))).prescription);
}

TEST(Prescription, BadLinksSayWhy) {
  EXPECT_EQ(describe(read_prescription_link(routine_json(), "!!!").error), "it is not base64url");
  EXPECT_EQ(describe(read_prescription_link(routine_json(), b64url("{oops")).error), "it is not valid JSON");
  EXPECT_EQ(describe(read_prescription_link(routine_json(), b64url(R"({"exercises":["yoga"]})")).error),
            "exercises[0]: unknown exercise \"yoga\"");
  EXPECT_EQ(describe(read_prescription_link(routine_json(), b64url(R"({"exercises":[{"id":"figure_four","hold_s":90}]})")).error),
            "exercises[0].hold_s: 90 is outside 20–30 s");
  EXPECT_EQ(describe(read_prescription_link(routine_json(), b64url(R"({"exercises":[{"id":"press_up","reps":"lots"}]})")).error),
            "exercises[0].reps: must be a number");
  EXPECT_EQ(describe(read_prescription_link(routine_json(), b64url(R"({"exercises":[{"id":"press_up","move_s":1}]})")).error),
            "exercises[0].move_s: not something a prescription can set");
  EXPECT_EQ(describe(read_prescription_link(routine_json(), b64url(R"({"exercises":["fetal"],"range_cap":2})")).error),
            "range_cap: must be a number from 0.5 to 1");
  EXPECT_EQ(describe(read_prescription_link(routine_json(), b64url(R"({"exercises":[]})")).error),
            "exercises: must be a non-empty list");
}
