// When Home offers the NICE NG65 questions, and what their answers mean:
// each edge of docs/clinical.md's rule, one step either side.
#include <gtest/gtest.h>

#include "core/triage/pattern.h"

using namespace unfurl::core;

namespace {
constexpr int kToday = 20000;

// `count` sessions rated `before`, spread over the last 90 days, the first of them `span` days ago.
std::vector<RatedDay> mornings(int count, int span, int stiff, int mild = 0) {
  std::vector<RatedDay> out;
  out.push_back({kToday - span, 5, std::nullopt, false});
  for (int i = 0; i < count; ++i) out.push_back({kToday - (i * 89) / std::max(count - 1, 1), i < stiff ? 5 : mild});
  return out;
}
}  // namespace

TEST(Pattern, OfferedFromNinetyDaysOfHistoryNotEightyNine) {
  EXPECT_TRUE(pattern_due(mornings(20, 90, 20), kToday, std::nullopt));
  std::vector<RatedDay> short_history = mornings(20, 89, 20);
  EXPECT_FALSE(pattern_due(short_history, kToday, std::nullopt));
}

TEST(Pattern, NeedsTwentyRatedSessionsInTheLastNinetyDaysNotNineteen) {
  // The session 90 days ago starts the span but is outside the window.
  EXPECT_TRUE(pattern_due(mornings(20, 90, 20), kToday, std::nullopt));
  EXPECT_FALSE(pattern_due(mornings(19, 90, 19), kToday, std::nullopt));
}

TEST(Pattern, NeedsHalfOfThemStiffBeforeTheSession) {
  EXPECT_TRUE(pattern_due(mornings(20, 90, 10), kToday, std::nullopt));
  EXPECT_FALSE(pattern_due(mornings(20, 90, 9), kToday, std::nullopt));
  // 4 is stiff enough; 3 is not.
  EXPECT_TRUE(pattern_due(mornings(20, 90, 0, 4), kToday, std::nullopt));
  EXPECT_FALSE(pattern_due(mornings(20, 90, 0, 3), kToday, std::nullopt));
}

TEST(Pattern, SessionsRatedOnlyAfterDoNotCount) {
  std::vector<RatedDay> days = mornings(20, 90, 20);
  for (RatedDay& d : days) { d.after = d.before; d.before.reset(); }
  EXPECT_FALSE(pattern_due(days, kToday, std::nullopt));
}

TEST(Pattern, OfferedOnceAndAgainAfterTwelveMonths) {
  const auto days = mornings(20, 90, 20);
  EXPECT_FALSE(pattern_due(days, kToday, kToday - 364));
  EXPECT_TRUE(pattern_due(days, kToday, kToday - 365));
}

TEST(Pattern, TheGateEndsItAndThenThreeOrFourOfNineDecide) {
  const std::vector<std::string> four = {"night_wake", "buttock", "movement", "nsaid"};
  EXPECT_EQ(evaluate_pattern(four), PatternResult::none) << "no to the age gate ends it";
  std::vector<std::string> yes = {"before_45", "night_wake", "buttock"};
  EXPECT_EQ(evaluate_pattern(yes), PatternResult::none);
  yes.push_back("psoriasis");
  EXPECT_EQ(evaluate_pattern(yes), PatternResult::mention);
  yes.push_back("before_35");
  EXPECT_EQ(evaluate_pattern(yes), PatternResult::refer);
  EXPECT_EQ(evaluate_pattern({"before_45", "family", "arthritis", "enthesitis", "psoriasis", "nsaid"}), PatternResult::refer);
  EXPECT_EQ(evaluate_pattern({"before_45", "unknown", "also_unknown", "x"}), PatternResult::none) << "unknown ids count for nothing";
  EXPECT_EQ(evaluate_pattern({"before_35", "night_wake", "buttock", "movement"}), PatternResult::refer)
      << "pain that started before 35 started before 45: it passes the gate and counts as one of the nine";
  EXPECT_EQ(std::size(kPatternQuestions), 10u) << "the gate and the nine criteria";
}
