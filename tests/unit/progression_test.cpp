// Range of movement: small at first, slightly more only with comfort.
#include <gtest/gtest.h>

#include "core/routine/progression.h"

using namespace unfurl::core;

TEST(Range, GrowsByAFiveHundredthOnlyAfterAComfortableCompletedSession) {
  RangeInputs ok{.completed = true, .hurt = false};
  EXPECT_DOUBLE_EQ(next_range(0.6, ok), 0.65);
  RangeInputs unanswered{.completed = true};
  EXPECT_DOUBLE_EQ(next_range(0.6, unanswered), 0.6);
  RangeInputs unfinished{.completed = false, .hurt = false};
  EXPECT_DOUBLE_EQ(next_range(0.6, unfinished), 0.6);
}

TEST(Range, ShrinksByATenthAfterPainOrAStop) {
  EXPECT_DOUBLE_EQ(next_range(0.8, {.completed = true, .hurt = true}), 0.7);
  EXPECT_DOUBLE_EQ(next_range(0.8, {.stopped_for_pain = true}), 0.7);
}

TEST(Range, NeverLeavesItsBoundsOrCaps) {
  EXPECT_DOUBLE_EQ(next_range(0.5, {.stopped_for_pain = true}), 0.5);
  EXPECT_DOUBLE_EQ(next_range(1.0, {.completed = true, .hurt = false}), 1.0);
  EXPECT_DOUBLE_EQ(next_range(0.8, {.completed = true, .hurt = false, .soft_mattress = true}), 0.8);
  EXPECT_DOUBLE_EQ(next_range(0.7, {.completed = true, .hurt = false, .prescription_cap = 0.7}), 0.7);
  EXPECT_DOUBLE_EQ(range_cap(true, 1.0), kSoftMattressCap);
}

TEST(Range, NoGrowthWhileAReviewIsDue) {
  EXPECT_DOUBLE_EQ(next_range(0.6, {.completed = true, .hurt = false, .review = true}), 0.6);
}

TEST(Range, RepeatedStepsStayOnTheGrid) {
  double r = kRangeStart;
  for (int i = 0; i < 20; ++i) r = next_range(r, {.completed = true, .hurt = false});
  EXPECT_DOUBLE_EQ(r, 1.0);
  for (int i = 0; i < 3; ++i) r = next_range(r, {.stopped_for_pain = true});
  EXPECT_DOUBLE_EQ(r, 0.7);
}
