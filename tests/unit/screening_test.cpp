// The safety flow around the daily check, natively: the one-time history
// questions (first visit, yes → result → a doctor's word → routine; asked
// again after six months; stored losslessly), "None" only once every sign
// was on screen, the stop answers that are emergencies, and the inflammatory
// pattern offered from a long history.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/model.h"

using unfurl::model::Model;
using unfurl::model::Screen;
using nlohmann::json;

namespace {
constexpr double kNow = 1.7e12;
constexpr int kToday = 19675;  // floor(kNow / 86 400 000)

Model load(const std::string& stored = "", double now = kNow) {
  Model m;
  m.Load(stored, "{}");
  m.SetClock(now, 0);
  return m;
}
json state(const Model& m) { return json::parse(m.StateJson()); }

std::string screened(int day, const std::string& extra = "") {
  return R"({"schema":1,"sessions":[],"acks":{"intro":true,"history":{"asked":"2023-11-14T00:00:00.000Z","day":)" +
         std::to_string(day) + R"(,"yes":[])" + extra + "}}}";
}

// Whatever the model last asked the shell to store.
std::string stored(Model& m) { return m.TakeOutbox().store.value_or(""); }
}  // namespace

TEST(Screening, AFirstVisitMeetsTheHistoryQuestionsBeforeItsFirstCheck) {
  Model m = load();
  ASSERT_TRUE(m.Act("start"));
  EXPECT_EQ(state(m)["screen"], "screening");
  EXPECT_FALSE(m.Act("continue")) << "nothing ticked: the answer is 'none of these'";
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  EXPECT_EQ(state(m)["screen"], "check");
  json doc = json::parse(stored(m));
  EXPECT_EQ(doc["acks"]["history"]["day"], kToday);
  EXPECT_EQ(doc["acks"]["history"]["yes"], json::array());
  // Answered once: the next start goes straight to the check.
  Model again = load(doc.dump());
  ASSERT_TRUE(again.Act("start"));
  EXPECT_EQ(state(again)["screen"], "check");
}

TEST(Screening, AYesShowsItsResultAndTheRoutineWaitsForADoctorsWord) {
  Model m = load();
  ASSERT_TRUE(m.Act("start"));
  ASSERT_TRUE(m.Act("answer", "\"bones\""));
  ASSERT_TRUE(m.Act("answer", "\"cancer\""));
  EXPECT_FALSE(m.Act("answer", "\"none\"")) << "'none' while a question is ticked";
  ASSERT_TRUE(m.Act("continue"));
  json s = state(m);
  EXPECT_EQ(s["screen"], "screening");
  EXPECT_EQ(s["screening"]["level"], "urgent");
  EXPECT_EQ(s["screening"]["flags"], json::array({"cancer"}));
  EXPECT_FALSE(m.Act("start"));
  EXPECT_FALSE(m.Act("continue"));
  EXPECT_FALSE(m.Act("answer", "\"none\""));
  std::string doc = stored(m);
  EXPECT_EQ(json::parse(doc)["acks"]["history"]["yes"], json::array({"cancer", "bones"}));

  // Home and back: the same result, still waiting.
  Model later = load(doc);
  ASSERT_TRUE(later.Act("start"));
  s = state(later);
  EXPECT_EQ(s["screen"], "screening");
  EXPECT_EQ(s["screening"]["level"], "urgent");
  ASSERT_TRUE(later.Act("cleared"));
  EXPECT_EQ(state(later)["screen"], "check");
  json after = json::parse(stored(later));
  EXPECT_FALSE(after["acks"]["history"]["cleared"].get<std::string>().empty());
  EXPECT_EQ(after["acks"]["history"]["yes"], json::array({"cancer", "bones"})) << "the answers are kept with the clearance";
  Model cleared = load(after.dump());
  ASSERT_TRUE(cleared.Act("start"));
  EXPECT_EQ(state(cleared)["screen"], "check");
}

TEST(Screening, ADoctorOnlyAnswerIsStillAWaitNeverAStartAnyway) {
  Model m = load();
  ASSERT_TRUE(m.Act("start"));
  ASSERT_TRUE(m.Act("answer", "\"age_new\""));
  ASSERT_TRUE(m.Act("continue"));
  EXPECT_EQ(state(m)["screening"]["level"], "clinician");
  EXPECT_FALSE(m.Act("skip"));
  EXPECT_FALSE(m.Act("rate", "3"));
  EXPECT_EQ(m.screen(), Screen::screening);
}

TEST(Screening, AskedAgainAfterSixMonths) {
  Model recent = load(screened(kToday - 182));
  ASSERT_TRUE(recent.Act("start"));
  EXPECT_EQ(state(recent)["screen"], "check");
  Model old = load(screened(kToday - 183));
  ASSERT_TRUE(old.Act("start"));
  EXPECT_EQ(state(old)["screen"], "screening");
}

TEST(Screening, AnswerableAgainFromSettings) {
  Model m = load(screened(kToday));
  EXPECT_FALSE(m.Act("screening")) << "only from Settings";
  ASSERT_TRUE(m.Act("open", "settings"));
  ASSERT_TRUE(m.Act("screening"));
  EXPECT_EQ(state(m)["screen"], "screening");
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  EXPECT_EQ(state(m)["screen"], "settings");
}

TEST(Screening, StoredLosslesslyOlderDocumentsLoadNewerFieldsSurvive) {
  // A newer Unfurl's extra fields, inside the answer and beside it.
  const std::string newer = R"({"schema":1,"sessions":[],"acks":{"intro":true,"history":{"asked":"2023-11-14T00:00:00.000Z","day":)" +
                            std::to_string(kToday) + R"(,"yes":[],"by":{"app":"9.0"}},"later":[1,2]}})";
  Model m = load(newer);
  ASSERT_TRUE(m.Act("set", R"({"key":"voice","value":false})"));
  const std::string out = stored(m);
  EXPECT_NE(out.find(R"("by":{"app":"9.0"})"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("later":[1,2])"), std::string::npos) << out;
  ASSERT_TRUE(m.Act("open", "home"));
  ASSERT_TRUE(m.Act("start"));
  EXPECT_EQ(state(m)["screen"], "check") << "the newer document's answer is read";

  // One this version cannot read is kept byte for byte, and asked again.
  const std::string odd = R"({"schema":1,"sessions":[],"acks":{"history":{"day":"monday"}}})";
  Model o = load(odd);
  ASSERT_TRUE(o.Act("set", R"({"key":"voice","value":false})"));
  EXPECT_NE(stored(o).find(R"("history":{"day":"monday"})"), std::string::npos);
  ASSERT_TRUE(o.Act("start"));
  EXPECT_EQ(state(o)["screen"], "screening");

  // A document from before the questions existed loads, and asks them.
  Model before = load(R"({"schema":1,"sessions":[],"acks":{"intro":true}})");
  ASSERT_TRUE(before.Act("start"));
  EXPECT_EQ(state(before)["screen"], "screening");
}

TEST(Check, NoneCountsOnlyOnceEverySignWasOnScreen) {
  Model m = load(screened(kToday));
  ASSERT_TRUE(m.Act("start"));
  ASSERT_TRUE(m.Act("list-seen", "false"));  // the screen: the list runs past its bottom
  EXPECT_EQ(state(m)["list"], "unseen");
  EXPECT_FALSE(m.Act("answer", "\"none\""));
  EXPECT_EQ(m.screen(), Screen::check);
  ASSERT_TRUE(m.Act("list-seen", "true"));
  EXPECT_FALSE(m.Act("list-seen", "false")) << "once seen, it stays seen";
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  EXPECT_EQ(m.screen(), Screen::rating_before);
  EXPECT_FALSE(m.Act("list-seen", "true")) << "only on a screen with a list";
}

TEST(Check, EachNewScreenStartsUnseen) {
  Model m = load();
  ASSERT_TRUE(m.Act("start"));
  ASSERT_TRUE(m.Act("list-seen", "true"));
  ASSERT_TRUE(m.Act("answer", "\"none\""));  // the history questions
  EXPECT_EQ(state(m)["list"], "unknown") << "the check's own list is yet to be seen";
  ASSERT_TRUE(m.Act("list-seen", "false"));
  EXPECT_FALSE(m.Act("answer", "\"none\""));
}

TEST(Check, TheNewEmergencySignsEndInTheEmergencyResultWithNoWayOn) {
  for (const char* id : {"chest_pain", "serious_accident"}) {
    Model m = load(screened(kToday));
    ASSERT_TRUE(m.Act("start"));
    ASSERT_TRUE(m.Act("answer", std::string("\"") + id + "\""));
    ASSERT_TRUE(m.Act("continue"));
    json s = state(m);
    EXPECT_EQ(s["screen"], "check-result") << id;
    EXPECT_EQ(s["check"]["level"], "emergency") << id;
    EXPECT_TRUE(s["check"]["blocked"].get<bool>());
    EXPECT_FALSE(m.Act("continue"));
    EXPECT_FALSE(m.Act("start"));
  }
}

TEST(Stop, NumbnessInBothLegsDuringASessionIsAnEmergencyRememberedAllDay) {
  Model m = load(screened(kToday));
  ASSERT_TRUE(m.Act("start"));
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  ASSERT_TRUE(m.Act("skip"));
  m.Update(20);
  ASSERT_TRUE(m.Act("stop-pain"));
  ASSERT_TRUE(m.Act("answer", "\"emergency\""));
  EXPECT_EQ(state(m)["check"]["level"], "emergency");
  Model later = load(stored(m));
  ASSERT_TRUE(later.Act("start"));
  json s = state(later);
  EXPECT_EQ(s["screen"], "check-result");
  EXPECT_EQ(s["check"]["level"], "emergency");
  EXPECT_TRUE(s["check"]["remembered"].get<bool>());
}

namespace {
// A history of stiff mornings: a session every other day for `days` days, rated before.
std::string stiff_mornings(int days, int before, const std::string& acks = R"("intro":true)") {
  json sessions = json::array();
  for (int d = days; d >= 0; d -= 2)
    sessions.push_back({{"id", "s" + std::to_string(d)}, {"outcome", "completed"}, {"day", kToday - d},
                        {"started", "2023-11-14T07:00:00.000Z"}, {"before", before}, {"after", 3}});
  json doc = {{"schema", 1}, {"sessions", sessions}, {"acks", json::parse("{" + acks + "}")}};
  doc["acks"]["history"] = {{"asked", "2023-11-14T00:00:00.000Z"}, {"day", kToday}, {"yes", json::array()}};
  return doc.dump();
}
}  // namespace

TEST(Pattern, ALongStiffHistoryOffersTheQuestionsAndFourYesesAdviseRheumatology) {
  Model m = load(stiff_mornings(110, 5));
  EXPECT_TRUE(state(m)["pattern"]["offered"].get<bool>());
  ASSERT_TRUE(m.Act("pattern", "open"));
  EXPECT_EQ(state(m)["screen"], "pattern");
  EXPECT_EQ(state(m)["pattern"]["step"], "gate");
  EXPECT_FALSE(m.Act("answer", "\"night_wake\"")) << "the gate is asked first, on its own";
  EXPECT_FALSE(m.Act("pattern", "done"));
  ASSERT_TRUE(m.Act("pattern", "yes"));
  EXPECT_EQ(state(m)["pattern"]["step"], "questions");
  EXPECT_FALSE(m.Act("answer", "\"before_45\"")) << "the gate is answered, not ticked";
  for (const char* q : {"night_wake", "buttock", "movement", "nsaid"}) ASSERT_TRUE(m.Act("answer", std::string("\"") + q + "\""));
  EXPECT_FALSE(m.Act("answer", "\"stiff\""));
  ASSERT_TRUE(m.Act("pattern", "done"));
  EXPECT_EQ(state(m)["pattern"]["result"], "refer");
  EXPECT_TRUE(m.Act("start") == false) << "the result screen leads home, not into a session";
  json doc = json::parse(stored(m));
  EXPECT_EQ(doc["acks"]["inflammatory"]["result"], "refer");
  EXPECT_EQ(doc["acks"]["inflammatory"]["day"], kToday);
  ASSERT_TRUE(m.Act("open", "home"));
  EXPECT_FALSE(state(m)["pattern"]["offered"].get<bool>()) << "offered once";
  // It never blocks: the routine starts as usual.
  ASSERT_TRUE(m.Act("start"));
  EXPECT_EQ(m.screen(), Screen::check);
  // A year on it is offered again only if the pattern still holds.
  Model year = load(doc.dump(), kNow + 365 * 86400000.0);
  EXPECT_FALSE(state(year)["pattern"]["offered"].get<bool>()) << "no sessions in the last 90 days by then";
}

// Asked again 12 months after the last answer, when the mornings are still stiff.
TEST(Pattern, AnsweredAYearAgoAndStillStiffItIsOfferedAgain) {
  auto answered_ago = [](int days) {
    json doc = json::parse(stiff_mornings(110, 5));
    doc["acks"]["inflammatory"] = {{"asked", "2022-11-14T00:00:00.000Z"}, {"day", kToday - days}, {"yes", json::array()},
                                   {"result", "none"}};
    return doc.dump();
  };
  EXPECT_FALSE(state(load(answered_ago(364)))["pattern"]["offered"].get<bool>()) << "not before 12 months";
  EXPECT_TRUE(state(load(answered_ago(365)))["pattern"]["offered"].get<bool>()) << "again after 12 months";
}

// NG65's gate: a "no" to "started before 45" ends the questions there.
TEST(Pattern, NoAtTheAgeGateEndsTheQuestionsWithNothingPointingToIt) {
  Model m = load(stiff_mornings(110, 5));
  ASSERT_TRUE(m.Act("pattern", "open"));
  ASSERT_TRUE(m.Act("pattern", "no"));
  EXPECT_EQ(state(m)["pattern"]["step"], "result");
  EXPECT_EQ(state(m)["pattern"]["result"], "none");
  EXPECT_FALSE(m.Act("answer", "\"night_wake\""));
  json stored_now = json::parse(stored(m))["acks"]["inflammatory"];
  EXPECT_EQ(stored_now["result"], "none");
  EXPECT_EQ(stored_now["yes"], json::array());
}

TEST(Pattern, ShortOrMildHistoriesOfferNothingAndSkippingIsRemembered) {
  EXPECT_FALSE(state(load(stiff_mornings(80, 5)))["pattern"]["offered"].get<bool>());
  EXPECT_FALSE(state(load(stiff_mornings(110, 2)))["pattern"]["offered"].get<bool>());
  Model m = load(stiff_mornings(110, 5));
  ASSERT_TRUE(m.Act("pattern", "skip"));
  EXPECT_FALSE(state(m)["pattern"]["offered"].get<bool>());
  EXPECT_EQ(json::parse(stored(m))["acks"]["inflammatory"]["result"], "skipped");
}

TEST(Pattern, ExactlyThreeSaysMentionItAndTheReportCarriesTheAnswers) {
  Model m = load(stiff_mornings(110, 6));
  ASSERT_TRUE(m.Act("pattern", "open"));
  ASSERT_TRUE(m.Act("pattern", "yes"));
  for (const char* q : {"family", "arthritis", "psoriasis"}) ASSERT_TRUE(m.Act("answer", std::string("\"") + q + "\""));
  ASSERT_TRUE(m.Act("continue"));
  EXPECT_EQ(state(m)["pattern"]["result"], "mention");
  ASSERT_TRUE(m.Act("open", "history"));
  ASSERT_TRUE(m.Act("export", "report"));
  json report = json::parse(m.TakeOutbox().report.value_or("{}"));
  ASSERT_EQ(report["sections"].size(), 2u) << report.dump();
  EXPECT_EQ(report["sections"][1]["rows"].back()[1], "Mention this pattern to your GP. A blood test can help decide.");
}
