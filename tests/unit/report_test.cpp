// The clinician's report, as data: every session however long the history
// (no page-sized cut), the weekly table on its first page, each check and stop
// answer and withdrawal in words. How it falls onto pages is web/report.js's
// business and changes nothing here (tests/e2e/report.spec.mjs prints it).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "core/history/calendar.h"
#include "core/history/report.h"
#include "core/routine/routine.h"
#include "languages.h"

using namespace unfurl::core;
using unfurl::model::Model;
using nlohmann::json;

namespace {
constexpr double kNow = 1.7e12;  // local day 19675, a Tuesday
constexpr int kToday = 19675;

SessionRecord on(int day, Outcome outcome = Outcome::completed) {
  SessionRecord r;
  r.id = "s" + std::to_string(day);
  r.day = day;
  r.outcome = outcome;
  r.started = iso8601(day * 86400000.0 + 7 * 3600000.0);
  return r;
}

json Report(const std::vector<SessionRecord>& sessions, const std::string& config = "{}") {
  HistoryDoc d;
  d.sessions = sessions;
  Model m;
  m.Load(encode_history(d), config);
  m.SetClock(kNow, 0);
  for (const std::string& code : Catalogue::available())
    if (code != "en") m.LanguageArrived(code, language_file(code));
  EXPECT_TRUE(m.Act("open", "history"));
  EXPECT_TRUE(m.Act("export", "\"report\""));
  std::optional<std::string> report = m.TakeOutbox().report;
  EXPECT_TRUE(report);
  return report ? json::parse(*report) : json();
}

std::string Date(int day) { return iso8601(day * 86400000.0).substr(0, 10); }
}  // namespace

TEST(Report, WeeksRunMondayToSunday) {
  EXPECT_EQ(week_start(kToday), kToday - 1);  // Tuesday → Monday
  EXPECT_EQ(week_start(kToday - 1), kToday - 1);
  EXPECT_EQ(week_start(kToday - 2), kToday - 8);  // Sunday belongs to the week before
  EXPECT_EQ(week_start(0), -3);  // 1970-01-01 was a Thursday
}

TEST(Report, TheWeeklySummaryCountsEachOutcomeAndAveragesTheRatings) {
  const int monday = week_start(kToday);
  std::vector<SessionRecord> s = {on(monday - 14), on(monday - 13, Outcome::stopped_pain), on(monday, Outcome::blocked), on(monday + 1),
                                  on(monday - 12, Outcome::abandoned), on(monday + 2)};  // the last one is tomorrow's: not counted
  s[0].before = 6; s[0].after = 3;
  s[1].before = 5;
  s[3].before = 4; s[3].after = 2;
  const std::vector<WeekSummary> weeks = weekly_summary(s, kToday, 12);
  ASSERT_EQ(weeks.size(), 3u) << "this week, an empty one, and the first session's; none before it";
  EXPECT_EQ(weeks[0].first_day, monday);
  EXPECT_EQ(weeks[0].sessions, 2);
  EXPECT_EQ(weeks[0].completed, 1);
  EXPECT_EQ(weeks[0].blocked, 1);
  EXPECT_DOUBLE_EQ(*weeks[0].before, 4);
  EXPECT_EQ(weeks[1].sessions, 0) << "a gap is listed";
  EXPECT_FALSE(weeks[1].before);
  EXPECT_EQ(weeks[2].sessions, 3);
  EXPECT_EQ(weeks[2].stopped, 1);
  EXPECT_EQ(weeks[2].completed, 1);
  EXPECT_DOUBLE_EQ(*weeks[2].before, 5.5);
  EXPECT_DOUBLE_EQ(*weeks[2].after, 3);
  EXPECT_EQ(weekly_summary(s, kToday, 2).size(), 2u) << "no more weeks than asked for";
}

TEST(Report, HoldsEverySessionOfSeventyFiveWithTheirDatesLatestFirst) {
  std::vector<SessionRecord> s;
  for (int i = 0; i < 75; ++i) s.push_back(on(kToday - 74 + i));
  const json r = Report(s);
  const json& rows = r["sessions"]["rows"];
  ASSERT_EQ(rows.size(), 75u);
  for (int i = 0; i < 75; ++i) EXPECT_EQ(rows[i][0], Date(kToday - i)) << i;
  EXPECT_EQ(r["sessions"]["head"].size(), rows[0].size());
  EXPECT_EQ(r["weeks"]["rows"].size(), 12u);
  EXPECT_EQ(r["weeks"]["rows"][0][1], "2") << "Monday and today, Tuesday";
  EXPECT_EQ(r["period"], "Sessions from " + Date(kToday - 74) + " to " + Date(kToday));
  EXPECT_EQ(r["file"], "unfurl-report.html");
  EXPECT_TRUE(r["sections"].is_array());
}

TEST(Report, FiveYearsOfMorningsAreAllThere) {
  std::vector<SessionRecord> s;
  for (int i = 0; i < 5 * 365; ++i) s.push_back(on(kToday - 5 * 365 + 1 + i));
  const json r = Report(s);
  EXPECT_EQ(r["sessions"]["rows"].size(), 5u * 365);
  EXPECT_EQ(r["weeks"]["rows"].size(), 12u);
  EXPECT_EQ(r["plot"].size(), 0u) << "none rated";
}

TEST(Report, EachCheckAndStopAnswerAndWithdrawalIsSaidInWords) {
  SessionRecord blocked = on(kToday - 2, Outcome::blocked);
  blocked.check_level = Tier::emergency;
  blocked.check_flags = {"both_legs"};
  blocked.withdrawn = iso8601((kToday - 2) * 86400000.0 + 8 * 3600000.0);
  SessionRecord stopped = on(kToday - 1, Outcome::stopped_pain);
  stopped.pain = "leg";
  stopped.before = 6;
  SessionRecord done = on(kToday);
  done.hurt = true;
  done.exercises = {"knee_to_chest", "fetal"};
  done.range = 0.65;
  const json r = Report({blocked, stopped, done});
  const json& rows = r["sessions"]["rows"];
  ASSERT_EQ(rows.size(), 3u);
  const std::string check = rows[2][2];
  EXPECT_NE(check.find("emergency"), std::string::npos) << check;
  EXPECT_NE(check.find("withdrawn on " + Date(kToday - 2)), std::string::npos) << check;
  EXPECT_GT(check.size(), std::string("emergency: ").size() + 10) << "the sign is named";
  EXPECT_EQ(rows[1][5], "leg symptoms");
  EXPECT_EQ(rows[1][3], "6 → –");
  EXPECT_EQ(rows[0][2], "none of the signs");
  EXPECT_EQ(rows[0][4], "Yes");
  EXPECT_EQ(rows[0][6], "65%");
  EXPECT_EQ(rows[0][7], "2");
  ASSERT_EQ(r["safety"].size(), 2u);
}

TEST(Report, SpanishWritesItsOwnPercentAndPeriod) {
  SessionRecord done = on(kToday);
  const json r = Report({done}, R"({"lang":"es"})");
  EXPECT_EQ(r["sessions"]["rows"][0][6], "60 %");
  EXPECT_EQ(r["period"].get<std::string>().rfind("Sesiones del ", 0), 0u);
  // Cut at its placeholders for the shell, which numbers the printed pages.
  EXPECT_EQ(r["labels"]["page"], json::array({"Página ", " de ", ""}));
}

TEST(Report, SharingIsOfferedOnlyWhereTheBrowserCanShareFiles) {
  HistoryDoc d;
  d.sessions = {on(kToday)};
  for (const bool can : {false, true}) {
    Model m;
    m.Load(encode_history(d), can ? R"({"share":"1"})" : "{}");
    m.SetClock(kNow, 0);
    ASSERT_TRUE(m.Act("open", "history"));
    EXPECT_EQ(m.Act("share", "\"csv\""), can);
    unfurl::model::Outbox box = m.TakeOutbox();
    EXPECT_EQ(box.share, can);
    if (can) EXPECT_EQ(box.download->type, "text/csv");
    EXPECT_EQ(m.Act("share", "\"report\""), can);
    EXPECT_EQ(m.TakeOutbox().report.has_value(), can);
  }
}

// The routine and its doses as the person does them: the default's six, or a
// clinic's prescription, named as prescribed with what it changed.
TEST(Report, NamesTheRoutineAndEachDoseAsDoneAndAPrescriptionAsPrescribed) {
  json r = Report({on(kToday)});
  const Routine routine = default_routine();
  ASSERT_EQ(r["routine"].size(), routine.exercises.size());
  for (size_t i = 0; i < routine.exercises.size(); ++i) {
    const Exercise& e = routine.exercises[i];
    EXPECT_EQ(r["routine"][i]["name"], e.name);
    const std::string dose = r["routine"][i]["dose"];
    EXPECT_NE(dose.find("hold " + std::to_string(static_cast<int>(e.hold_s)) + " s"), std::string::npos) << dose;
    if (e.reps > 1) EXPECT_EQ(dose.rfind(std::to_string(e.reps) + " ×", 0), 0u) << dose;
    EXPECT_EQ(dose.find("each side") != std::string::npos, e.sided) << dose;
  }
  EXPECT_FALSE(r["prescribed"].get<bool>());
  // {"exercises":[{"id":"pelvic_tilt","reps":6}]}
  json rx = Report({on(kToday)}, R"({"rx":"eyJleGVyY2lzZXMiOlt7ImlkIjoicGVsdmljX3RpbHQiLCJyZXBzIjo2fV19"})");
  EXPECT_TRUE(rx["prescribed"].get<bool>());
  EXPECT_EQ(rx["labels"]["prescribed"], "Prescribed routine, from your clinic");
  ASSERT_EQ(rx["routine"].size(), 1u);
  EXPECT_EQ(rx["routine"][0]["name"], "Pelvic tilts");
  EXPECT_EQ(rx["routine"][0]["dose"].get<std::string>().rfind("6 ×", 0), 0u) << rx["routine"][0]["dose"];
  EXPECT_FALSE(rx["changes"].empty()) << "what the prescription changed from the usual routine";
}

// A shared tablet (history=0) keeps nothing: the report page offers no
// "remember on this device" and reads no name left there before (web/report.js).
TEST(Report, OnAPageThatKeepsNothingNoNameIsRemembered) {
  EXPECT_TRUE(Report({on(kToday)})["remember"].get<bool>());
  EXPECT_FALSE(Report({on(kToday)}, R"({"history":"0"})")["remember"].get<bool>());
}
