// The trend rule (docs/clinical.md, "After the session, and over weeks") at its
// edges: persists, worsens, keeps hurting.
#include <gtest/gtest.h>

#include "core/triage/trend.h"

using namespace unfurl::core;

namespace {
constexpr int kToday = 20000;

// n sessions spread evenly from `span` days ago to today, all rated `v` before.
std::vector<RatedDay> flat(int n, int span, int v) {
  std::vector<RatedDay> out;
  for (int i = 0; i < n; ++i) out.push_back({kToday - span + (n > 1 ? span * i / (n - 1) : 0), v});
  return out;
}

// Three weeks: the first week rated `first`, the last week `last`, daily.
std::vector<RatedDay> weeks(int first, int middle, int last) {
  std::vector<RatedDay> out;
  for (int d = 21; d >= 0; --d) out.push_back({kToday - d, d > 14 ? first : d >= 7 ? middle : last});
  return out;
}
}  // namespace

TEST(Trend, AFlatSixForThreeWeeksPersists) {
  TrendResult r = evaluate_trend(flat(22, 21, 6), kToday);
  EXPECT_EQ(r.kind, Trend::persists);
  EXPECT_DOUBLE_EQ(*r.first_mean, 6);
  EXPECT_DOUBLE_EQ(*r.last_mean, 6);
}

TEST(Trend, NeedsSixRatedSessions) {
  EXPECT_EQ(evaluate_trend(flat(5, 21, 5), kToday).kind, Trend::none);
  EXPECT_EQ(evaluate_trend(flat(6, 21, 5), kToday).kind, Trend::persists);
}

TEST(Trend, SpanIsMeasuredBetweenRatedSessions) {
  EXPECT_EQ(evaluate_trend(flat(8, 20, 5), kToday).kind, Trend::none);
  EXPECT_EQ(evaluate_trend(flat(8, 21, 5), kToday).kind, Trend::persists);
  // Twenty-one days between the first and the last rating, even when the last was a week ago.
  std::vector<RatedDay> earlier;
  for (const RatedDay& d : flat(8, 21, 5)) earlier.push_back({d.day - 7, d.before});
  EXPECT_EQ(evaluate_trend(earlier, kToday).kind, Trend::persists);
  // Unrated sessions do not stretch the span.
  std::vector<RatedDay> unrated_edge = flat(8, 20, 5);
  unrated_edge.insert(unrated_edge.begin(), RatedDay{kToday - 21, std::nullopt});
  EXPECT_EQ(evaluate_trend(unrated_edge, kToday).kind, Trend::none);
}

TEST(Trend, PersistsNeedsAMeanOfFourThatFellByLessThanOne) {
  EXPECT_EQ(evaluate_trend(weeks(4, 4, 4), kToday).kind, Trend::persists);
  EXPECT_EQ(evaluate_trend(weeks(3, 3, 3), kToday).kind, Trend::none);
  // From 6 to 5.01 is less than a point: persists. From 6 to 5: improving enough.
  std::vector<RatedDay> almost = weeks(6, 6, 5);
  for (RatedDay& d : almost) if (d.day == kToday) d.before = 6;  // last week 5,5,5,5,5,5,6 → 5.14
  EXPECT_EQ(evaluate_trend(almost, kToday).kind, Trend::persists);
  EXPECT_EQ(evaluate_trend(weeks(6, 6, 5), kToday).kind, Trend::none);
}

TEST(Trend, WorsensByTwoPointsOrMore) {
  EXPECT_EQ(evaluate_trend(weeks(1, 2, 3), kToday).kind, Trend::worsens);
  EXPECT_EQ(evaluate_trend(weeks(1, 2, 2), kToday).kind, Trend::none);
  // Worse and high: persists names it first; either way Home shows the advice.
  EXPECT_TRUE(evaluate_trend(weeks(3, 4, 6), kToday).review());
}

TEST(Trend, AfterRatingStandsInWhenBeforeWasSkipped) {
  std::vector<RatedDay> after_only;
  for (const RatedDay& d : flat(8, 21, 6)) after_only.push_back({d.day, std::nullopt, 6});
  EXPECT_EQ(evaluate_trend(after_only, kToday).kind, Trend::persists);
  // The before rating wins when both are there.
  std::vector<RatedDay> both;
  for (const RatedDay& d : flat(8, 21, 2)) both.push_back({d.day, 2, 7});
  EXPECT_EQ(evaluate_trend(both, kToday).kind, Trend::none);
}

TEST(Trend, OlderThanSixWeeksSaysNothing) {
  std::vector<RatedDay> old;
  for (const RatedDay& d : flat(10, 21, 6)) old.push_back({d.day - 30, d.before});
  EXPECT_EQ(evaluate_trend(old, kToday).kind, Trend::none);
}

TEST(Trend, KeepsHurtingIsThreeHurtSessionsInFourteenDays) {
  std::vector<RatedDay> hurt = {{kToday - 13, std::nullopt, std::nullopt, true},
                                {kToday - 5, std::nullopt, std::nullopt, true}};
  EXPECT_EQ(evaluate_trend(hurt, kToday).kind, Trend::none);
  hurt.push_back({kToday, std::nullopt, std::nullopt, true});
  EXPECT_EQ(evaluate_trend(hurt, kToday).kind, Trend::keeps_hurting);
  // Fourteen days ago is outside "the last 14 days".
  hurt[0].day = kToday - 14;
  EXPECT_EQ(evaluate_trend(hurt, kToday).kind, Trend::none);
}

TEST(Trend, EmptyHistoryIsQuiet) {
  TrendResult r = evaluate_trend({}, kToday);
  EXPECT_FALSE(r.review());
  EXPECT_FALSE(r.first_mean.has_value());
}
