// The trend rule ("persists or worsens over several weeks") at its edges.
#include <gtest/gtest.h>

#include "core/triage/trend.h"

using namespace unfurl::core;

namespace {
constexpr int kToday = 20000;

// n rated sessions spread evenly from `span` days ago to today, all rated `v`.
std::vector<RatedDay> flat(int n, int span, int v) {
  std::vector<RatedDay> out;
  for (int i = 0; i < n; ++i) out.push_back({kToday - span + (n > 1 ? span * i / (n - 1) : 0), v});
  return out;
}
}  // namespace

TEST(Trend, NeedsSixRatedSessions) {
  EXPECT_FALSE(evaluate_trend(flat(5, 21, 5), kToday).review);
  EXPECT_TRUE(evaluate_trend(flat(6, 21, 5), kToday).review);
}

TEST(Trend, NeedsTwentyOneDays) {
  EXPECT_FALSE(evaluate_trend(flat(8, 20, 5), kToday).review);
  EXPECT_TRUE(evaluate_trend(flat(8, 21, 5), kToday).review);
}

TEST(Trend, NotImprovingNeedsAMeanOfFour) {
  EXPECT_TRUE(evaluate_trend(flat(8, 21, 4), kToday).review);
  EXPECT_FALSE(evaluate_trend(flat(8, 21, 3), kToday).review);
}

TEST(Trend, SlopeJustBelowZeroIsImprovingAndJustAboveIsNot) {
  // Ratings 6,6,6,6,6,6,6,5 over 21 days: a slight improvement.
  auto improving = flat(8, 21, 6);
  improving.back().before = 5;
  TrendResult r = evaluate_trend(improving, kToday);
  EXPECT_LT(r.slope_per_day, 0);
  EXPECT_FALSE(r.review);
  auto worsening = flat(8, 21, 6);
  worsening.back().before = 7;
  r = evaluate_trend(worsening, kToday);
  EXPECT_GT(r.slope_per_day, 0);
  EXPECT_TRUE(r.review);
}

TEST(Trend, WorseningByTwoPointsCountsEvenWhenTheMeanIsLow) {
  // First week: ten low ratings; last week: 3. The mean stays below 4 and the
  // slope rule alone would not fire on a low mean; the worsening rule does at 2.0.
  auto history = [](int tenth_rating) {
    std::vector<RatedDay> s;
    for (int i = 0; i < 9; ++i) s.push_back({kToday - 21 + (i % 6), 1});
    s.push_back({kToday - 16, tenth_rating});
    s.push_back({kToday - 10, 1});
    s.push_back({kToday - 2, 3});
    return s;
  };
  TrendResult r = evaluate_trend(history(1), kToday);  // first week mean 1.0 → +2.0
  ASSERT_TRUE(r.change);
  EXPECT_NEAR(*r.change, 2.0, 1e-9);
  EXPECT_LT(r.mean, 4.0);
  EXPECT_TRUE(r.review);
  r = evaluate_trend(history(2), kToday);  // first week mean 1.1 → +1.9
  ASSERT_TRUE(r.change);
  EXPECT_NEAR(*r.change, 1.9, 1e-9);
  EXPECT_FALSE(r.review);
}

TEST(Trend, GapsAndMissingRatingsAreSkippedNotCounted) {
  std::vector<RatedDay> s = flat(6, 28, 5);
  s.push_back({kToday - 3, std::nullopt});
  s.push_back({kToday - 2, std::nullopt});
  TrendResult r = evaluate_trend(s, kToday);
  EXPECT_EQ(r.sessions, 6);
  EXPECT_TRUE(r.review);
  s.erase(s.begin());  // only five rated left
  EXPECT_FALSE(evaluate_trend(s, kToday).review);
}

TEST(Trend, OldSessionsOutsideTheLookbackSayNothing) {
  std::vector<RatedDay> s = flat(8, 21, 6);
  for (RatedDay& d : s) d.day -= 60;
  EXPECT_FALSE(evaluate_trend(s, kToday).review);
  EXPECT_FALSE(evaluate_trend({}, kToday).review);
}
