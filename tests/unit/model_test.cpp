// The app model natively: the flow a person taps through, the safety gates
// that cannot be skipped, what is saved, and bad page configuration.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "languages.h"

using unfurl::model::Model;
using unfurl::model::Screen;
using unfurl::core::Outcome;
using nlohmann::json;

namespace {
constexpr double kNow = 1.7e12;  // a fixed wall clock

// A page with only English, as on a first visit before any language file arrives.
Model bare(const std::string& config = "{}", const std::string& stored = "") {
  Model m;
  m.Load(stored, config);
  m.SetClock(kNow, 0);
  return m;
}
// A page whose shell has fetched every language file, as it does the one it expects.
Model fresh(const std::string& config = "{}", const std::string& stored = "") {
  Model m = bare(config, stored);
  for (const std::string& code : unfurl::core::Catalogue::available())
    if (code != "en") m.LanguageArrived(code, language_file(code));
  return m;
}
json state(const Model& m) { return json::parse(m.StateJson()); }

// Start, and on a first visit answer the one-time health questions with "none of these".
bool start(Model& m) {
  if (!m.Act("start")) return false;
  return m.screen() != Screen::screening || m.Act("answer", "\"none\"");
}

void to_session(Model& m) {
  ASSERT_TRUE(start(m));
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  ASSERT_TRUE(m.Act("skip"));
  ASSERT_EQ(m.screen(), Screen::session);
}

// A session stopped with "Stop — it hurts", and the question answered.
void stop_with(Model& m, const char* answer) {
  to_session(m);
  m.Update(20);
  ASSERT_TRUE(m.Act("stop-pain"));
  ASSERT_TRUE(m.Act("answer", std::string("\"") + answer + "\""));
}

void run_to_end(Model& m) {
  for (int i = 0; i < 20000 && m.screen() == Screen::session; ++i) m.Update(0.1);
}
}  // namespace

TEST(Model, HomeToCheckToRatingToSession) {
  Model m = fresh();
  EXPECT_EQ(state(m)["screen"], "home");
  EXPECT_FALSE(m.Act("pause"));
  ASSERT_TRUE(start(m));
  EXPECT_EQ(state(m)["screen"], "check");
  EXPECT_FALSE(m.Act("start")) << "the check cannot be skipped";
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  EXPECT_EQ(state(m)["screen"], "rating-before");
  ASSERT_TRUE(m.Act("rate", "4"));
  json s = state(m);
  EXPECT_EQ(s["screen"], "session");
  EXPECT_EQ(s["session"]["phase"], "prepare");
  EXPECT_EQ(s["ratings"]["before"], 4);
  EXPECT_EQ(s["check"]["level"], "none");
}

TEST(Model, NoneWhileAFlagIsTickedIsRefused) {
  Model m = fresh();
  start(m);
  ASSERT_TRUE(m.Act("answer", "\"fever\""));
  EXPECT_FALSE(m.Act("answer", "\"none\""));
  EXPECT_EQ(m.screen(), Screen::check);
}

TEST(Model, BlockedTiersLeaveNoPathToASession) {
  for (const char* flag : {"bladder_bowel", "saddle_numbness", "both_legs", "fever", "weight_loss", "injury",
                           "leg_shooting", "leg_numb_weak"}) {
    Model m = fresh();
    start(m);
    ASSERT_TRUE(m.Act("answer", std::string("\"") + flag + "\""));
    ASSERT_TRUE(m.Act("continue"));
    json s = state(m);
    EXPECT_EQ(s["screen"], "check-result") << flag;
    EXPECT_TRUE(s["check"]["blocked"].get<bool>()) << flag;
    for (const char* a : {"start", "continue", "skip", "resume", "next"}) EXPECT_FALSE(m.Act(a)) << flag << " " << a;
    EXPECT_FALSE(m.Act("rate", "3"));
    EXPECT_TRUE(state(m)["session"].is_null());
    // The outcome is recorded, and home is the only way on.
    ASSERT_EQ(m.doc().sessions.size(), 1u);
    EXPECT_EQ(m.doc().sessions[0].outcome, Outcome::blocked);
    EXPECT_EQ(m.doc().sessions[0].check_flags, std::vector<std::string>{flag});
    ASSERT_TRUE(m.Act("open", "\"home\""));
    // And a new start asks again.
    ASSERT_TRUE(start(m));
    EXPECT_TRUE(m.answers().empty());
  }
}

TEST(Model, ReviewLetsTheGentleRoutineRunWithoutRangeGrowth) {
  Model m = fresh();
  start(m);
  m.Act("answer", "{\"id\":\"weeks\",\"value\":true}");
  ASSERT_TRUE(m.Act("continue"));
  EXPECT_EQ(state(m)["check"]["level"], "review");
  EXPECT_FALSE(state(m)["check"]["blocked"].get<bool>());
  EXPECT_TRUE(m.review_banner());
  ASSERT_TRUE(m.Act("continue"));
  ASSERT_TRUE(m.Act("skip"));
  EXPECT_EQ(m.screen(), Screen::session);
  run_to_end(m);
  ASSERT_EQ(m.screen(), Screen::finish);
  m.Act("answer", "{\"hurt\":false}");
  ASSERT_TRUE(m.Act("finish"));
  EXPECT_DOUBLE_EQ(m.doc().range, 0.6);
  EXPECT_EQ(m.doc().sessions.back().check_level, unfurl::core::Tier::review);
}

TEST(Model, ACompletedComfortableSessionGrowsRangeAndIsSaved) {
  Model m = fresh();
  to_session(m);
  run_to_end(m);
  ASSERT_EQ(m.screen(), Screen::finish);
  auto out = m.TakeOutbox();
  ASSERT_TRUE(out.store);
  EXPECT_TRUE(m.Act("rate", "2"));
  EXPECT_TRUE(m.Act("answer", "{\"hurt\":false}"));
  ASSERT_TRUE(m.Act("finish"));
  EXPECT_EQ(m.screen(), Screen::home);
  EXPECT_DOUBLE_EQ(m.doc().range, 0.65);
  const auto& r = m.doc().sessions.back();
  EXPECT_EQ(r.outcome, Outcome::completed);
  EXPECT_EQ(r.after, 2);
  EXPECT_EQ(r.exercises.size(), 6u);
  json saved = json::parse(*m.TakeOutbox().store);
  EXPECT_EQ(saved["schema"], 1);
  EXPECT_DOUBLE_EQ(saved["progress"]["range"].get<double>(), 0.65);
  EXPECT_EQ(m.streak(), 1);
}

TEST(Model, StopItHurtsFromAnyPhaseThenTheQuestion) {
  for (double at : {1.0, 31.0, 36.0, 50.0, 66.0, 200.0}) {
    Model m = fresh();
    to_session(m);
    m.Update(at);  // Update clamps nothing: the model trusts the app's dt
    ASSERT_TRUE(m.Act("stop-pain"));
    json s = state(m);
    EXPECT_EQ(s["session"]["phase"], "stopped") << at;
    EXPECT_EQ(m.doc().sessions.back().outcome, Outcome::stopped_pain);
    EXPECT_FALSE(m.Act("resume"));
    EXPECT_FALSE(m.Act("stop-pain"));
    ASSERT_TRUE(m.Act("answer", "\"back\""));
    EXPECT_DOUBLE_EQ(m.doc().range, 0.5);
    EXPECT_EQ(m.doc().sessions.back().pain, "back");
  }
}

TEST(Model, StopWithLegSymptomsGivesTheClinicianResult) {
  Model m = fresh();
  stop_with(m, "leg");
  json s = state(m);
  EXPECT_EQ(s["screen"], "check-result");
  EXPECT_EQ(s["check"]["level"], "clinician");
  EXPECT_TRUE(s["check"]["blocked"].get<bool>());
  EXPECT_FALSE(m.Act("start"));
}

TEST(Model, HidingThePagePausesAndReturningSaysPaused) {
  Model m = fresh();
  to_session(m);
  m.Update(5);
  m.TakeOutbox();
  m.SetVisible(false);
  EXPECT_TRUE(state(m)["session"]["paused"].get<bool>());
  double elapsed = state(m)["session"]["elapsed_s"];
  m.Update(30);
  EXPECT_DOUBLE_EQ(state(m)["session"]["elapsed_s"].get<double>(), elapsed);
  m.SetVisible(true);
  auto out = m.TakeOutbox();
  ASSERT_FALSE(out.cues.empty());
  EXPECT_EQ(out.cues.back().cue.key, "paused");
  EXPECT_TRUE(m.Act("resume"));
}

TEST(Model, SettingsAreValidatedAndSaved) {
  Model m = fresh();
  EXPECT_TRUE(m.Act("set", "{\"key\":\"voice\",\"value\":false}"));
  EXPECT_FALSE(m.settings().voice);
  EXPECT_TRUE(m.TakeOutbox().store.has_value());
  EXPECT_FALSE(m.Act("set", "{\"key\":\"voice\",\"value\":\"no\"}"));
  EXPECT_FALSE(m.Act("set", "{\"key\":\"volume\",\"value\":7}"));
  EXPECT_FALSE(m.Act("set", "{\"key\":\"bogus\",\"value\":true}"));
  EXPECT_FALSE(m.Act("set", "not json"));
}

TEST(Model, BadPageConfigurationIsIgnoredWithANotice) {
  Model m = fresh(R"({"lang":"xx","clinic":"<script>alert(1)</script>","timescale":"50","theme":"neon"})");
  json s = state(m);
  EXPECT_EQ(s["lang"], "en");
  EXPECT_EQ(s["clinic"], "");
  std::vector<std::string> ids;
  for (const json& n : s["notices"]) ids.push_back(n["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"config.lang", "config.clinic", "config.theme", "config.timescale"}));
  Model ok = fresh(R"({"clinic":"Riverside Physio","test":"1","timescale":"60"})");
  EXPECT_EQ(state(ok)["clinic"], "Riverside Physio");
  EXPECT_DOUBLE_EQ(ok.config().timescale, 60);
}

TEST(Model, KioskModeKeepsNothing) {
  Model m = fresh(R"({"history":"0"})");
  m.Act("set", "{\"key\":\"voice\",\"value\":false}");
  EXPECT_FALSE(m.TakeOutbox().store.has_value());
}

TEST(Model, UnreadableOrNewerHistoryIsNeverOverwritten) {
  Model bad = fresh("{}", "{{{{ not json");
  EXPECT_EQ(state(bad)["notices"][0]["id"], "history.unreadable");
  Model newer = fresh("{}", R"({"schema":2,"sessions":[],"progress":{"range":0.7}})");
  EXPECT_TRUE(state(newer)["storage"]["read_only"]);
  EXPECT_DOUBLE_EQ(newer.doc().range, 0.7);
  newer.Act("set", "{\"key\":\"voice\",\"value\":false}");
  EXPECT_FALSE(newer.TakeOutbox().store.has_value());
}

TEST(Model, TheFirstVisitNoteIsAcknowledgedOnce) {
  Model m = fresh();
  EXPECT_TRUE(m.show_intro());
  EXPECT_TRUE(m.Act("ack", "\"intro\""));
  EXPECT_FALSE(m.show_intro());
  EXPECT_FALSE(m.Act("ack", "\"intro\""));
  Model again = fresh("{}", *m.TakeOutbox().store);
  EXPECT_FALSE(again.show_intro());
}

TEST(Model, EmbeddingPageEventsCarryNoHealthData) {
  Model m = fresh();
  start(m);
  m.Act("answer", "\"fever\"");
  m.Act("continue");
  auto out = m.TakeOutbox();
  ASSERT_EQ(out.events.size(), 1u);
  json e = json::parse(out.events[0]);
  EXPECT_EQ(e["type"], "unfurl:check-blocked");
  EXPECT_EQ(e.size(), 1u) << e.dump();
}

TEST(Model, AMalformedPrescriptionLinkGivesTheStandardRoutineAndSaysSo) {
  Model m = fresh(R"({"rx":"not-a-prescription"})");
  EXPECT_EQ(m.routine().exercises.size(), 6u);
  json n = state(m)["notices"];
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0]["id"], "config.rx");
  EXPECT_NE(n[0]["text"].get<std::string>().find("standard routine"), std::string::npos);
}

TEST(Model, ResultsAndTheStopQuestionAreSpokenNotOnlyShown) {
  Model m = fresh();
  start(m);
  m.Act("answer", "\"bladder_bowel\"");
  m.TakeOutbox();
  m.Act("continue");
  auto out = m.TakeOutbox();
  ASSERT_FALSE(out.cues.empty());
  EXPECT_EQ(out.cues[0].cue.key, "result.emergency");
  EXPECT_NE(out.cues[0].cue.text.find("emergency"), std::string::npos);

  Model s = fresh();
  to_session(s);
  s.Update(10);
  s.TakeOutbox();
  s.Act("stop-pain");
  out = s.TakeOutbox();
  ASSERT_GE(out.cues.size(), 2u);
  EXPECT_EQ(out.cues[0].cue.key, "stopped");
  EXPECT_EQ(out.cues[1].cue.key, "stop.question");
}

TEST(Model, TrendAdviceReturnsFourteenDaysAfterItWasAcknowledged) {
  // Eight sessions over 24 days, stiffness 6 before each: not improving.
  const int today = static_cast<int>(kNow / 1000 / 86400);
  json sessions = json::array();
  for (int ago : {24, 21, 18, 15, 12, 9, 5, 1})
    sessions.push_back({{"outcome", "completed"}, {"day", today - ago}, {"before", 6}, {"check", {{"level", "none"}}}});
  json doc = {{"schema", 1}, {"sessions", sessions}, {"acks", {{"intro", true}}}};
  Model m = fresh("{}", doc.dump());
  EXPECT_TRUE(m.review_banner());
  ASSERT_TRUE(m.Act("ack", "\"trend\""));
  EXPECT_FALSE(m.review_banner());
  m.SetClock(kNow + 13 * 86400000.0, 0);
  EXPECT_FALSE(m.review_banner());
  m.SetClock(kNow + 14 * 86400000.0, 0);
  EXPECT_TRUE(m.review_banner()) << "the rule still holds two weeks later";
}

// docs/clinical.md: a block is remembered for the rest of that day.
TEST(Model, ABlockIsRememberedForTheDayAndOnlyAWithdrawalGetsPastIt) {
  Model m = fresh();
  start(m);
  m.Act("answer", "\"bladder_bowel\"");
  m.Act("answer", "\"fever\"");
  m.Act("continue");
  ASSERT_TRUE(m.Act("open", "\"home\""));
  m.TakeOutbox();

  ASSERT_TRUE(start(m));
  json s = state(m);
  EXPECT_EQ(s["screen"], "check-result") << "starting again the same day opens the earlier result";
  EXPECT_EQ(s["check"]["level"], "emergency");
  EXPECT_TRUE(s["check"]["remembered"]);
  EXPECT_EQ(s["check"]["flags"], json({"bladder_bowel"}));
  EXPECT_EQ(s["check"]["also"], json({"fever"}));
  EXPECT_EQ(m.TakeOutbox().cues.at(0).cue.key, "result.emergency") << "and says it again";
  for (const char* way : {"continue", "skip", "start"}) EXPECT_FALSE(m.Act(way)) << way;
  EXPECT_FALSE(m.Act("answer", "\"none\""));

  // Back home and again: still the same result.
  ASSERT_TRUE(m.Act("open", "\"home\""));
  ASSERT_TRUE(start(m));
  EXPECT_EQ(m.screen(), Screen::check_result);

  ASSERT_TRUE(m.Act("withdraw"));
  EXPECT_EQ(m.screen(), Screen::check) << "a withdrawal leads to a fresh check, never to the stretches";
  unfurl::model::Outbox out = m.TakeOutbox();
  ASSERT_TRUE(out.store);
  json doc = json::parse(*out.store);
  EXPECT_EQ(doc["sessions"][0]["outcome"], "blocked");
  EXPECT_TRUE(doc["sessions"][0]["withdrawn"].is_string()) << "the history keeps the withdrawal";
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  EXPECT_EQ(m.screen(), Screen::rating_before);
}

TEST(Model, ARememberedBlockSurvivesAReloadButNotMidnight) {
  Model m = fresh();
  start(m);
  m.Act("answer", "\"leg_shooting\"");
  m.Act("continue");
  std::string stored = *m.TakeOutbox().store;

  Model reloaded = fresh("{}", stored);
  ASSERT_TRUE(start(reloaded));
  EXPECT_EQ(reloaded.screen(), Screen::check_result);
  EXPECT_EQ(state(reloaded)["check"]["level"], "clinician");

  // One second before local midnight, and one second after it (UTC+2).
  const double day_ms = 86400e3, offset_min = 120;
  const double local_midnight = (std::floor((kNow + offset_min * 60e3) / day_ms) + 1) * day_ms - offset_min * 60e3;
  Model m2 = fresh();
  m2.SetClock(local_midnight - 1000, offset_min);
  start(m2);
  m2.Act("answer", "\"injury\"");
  m2.Act("continue");
  std::string before_midnight = *m2.TakeOutbox().store;
  Model same_day = fresh("{}", before_midnight);
  same_day.SetClock(local_midnight - 10, offset_min);
  ASSERT_TRUE(start(same_day));
  EXPECT_EQ(same_day.screen(), Screen::check_result);
  Model next_day = fresh("{}", before_midnight);
  next_day.SetClock(local_midnight + 1000, offset_min);
  ASSERT_TRUE(start(next_day));
  EXPECT_EQ(next_day.screen(), Screen::check) << "a new day asks afresh";
}

TEST(Model, LegSymptomsAtStopCountAsABlockForTheDay) {
  Model m = fresh();
  stop_with(m, "leg");
  ASSERT_TRUE(m.Act("open", "\"home\""));
  ASSERT_TRUE(start(m));
  json s = state(m);
  EXPECT_EQ(s["screen"], "check-result");
  EXPECT_EQ(s["check"]["level"], "clinician");
  EXPECT_TRUE(s["check"]["remembered"]);
  EXPECT_EQ(s["session"], nullptr);

  // Back-only pain is not a block.
  Model b = fresh();
  stop_with(b, "back");
  b.Act("open", "\"home\"");
  ASSERT_TRUE(start(b));
  EXPECT_EQ(b.screen(), Screen::check);
}

TEST(Model, OnlyThePersonCutsTheVoiceOff) {
  Model m = fresh();
  to_session(m);
  m.TakeOutbox();
  // The routine's own cues never hush the voice, however many.
  for (int i = 0; i < 600; ++i) {
    m.Update(0.5);
    EXPECT_FALSE(m.TakeOutbox().hush) << "at " << i * 0.5 << " s";
  }
  for (const char* a : {"pause", "resume", "next", "back"}) {
    ASSERT_TRUE(m.Act(a)) << a;
    unfurl::model::Outbox out = m.TakeOutbox();
    EXPECT_TRUE(out.hush) << a;
  }
  ASSERT_TRUE(m.Act("stop-pain"));
  unfurl::model::Outbox out = m.TakeOutbox();
  EXPECT_TRUE(out.hush);
  ASSERT_GE(out.cues.size(), 2u) << "what follows the action is said in full";
}

TEST(Model, TheSessionWaitsForTheVoiceTheShellReports) {
  Model m = fresh();
  to_session(m);
  m.SetVoiceBusy(true);
  for (int i = 0; i < 70; ++i) m.Update(1);  // past the preparation's plan, but within the wait limit
  EXPECT_EQ(state(m)["session"]["phase"], "prepare");
  EXPECT_TRUE(state(m)["session"]["waiting_for_voice"]);
  m.SetVoiceBusy(false);
  m.Update(0.1);
  EXPECT_EQ(state(m)["session"]["phase"], "rest");
}

TEST(Model, HomeNamesWhichTrendRuleHoldsAndRangeDoesNotGrowWhileItShows) {
  // Three weeks of a flat 6/10 before the sessions: "persists".
  json sessions = json::array();
  const int today = static_cast<int>(std::floor(kNow / 86400e3));
  for (int d = 22; d >= 1; --d)
    sessions.push_back({{"id", "s" + std::to_string(d)}, {"day", today - d}, {"outcome", "completed"}, {"before", 6},
                        {"after", 5}, {"check", {{"level", "none"}, {"flags", json::array()}}}});
  json doc = {{"schema", 1}, {"sessions", sessions}, {"progress", {{"range", 0.6}}}, {"acks", {{"intro", true}}}};
  Model m = fresh("{}", doc.dump());
  json s = state(m);
  EXPECT_TRUE(s["review"]);
  EXPECT_EQ(s["trend"], "persists");
  to_session(m);
  run_to_end(m);
  ASSERT_EQ(m.screen(), Screen::finish);
  m.Act("rate", "2");
  m.Act("answer", "{\"hurt\": false}");
  ASSERT_TRUE(m.Act("finish"));
  EXPECT_DOUBLE_EQ(state(m)["range"].get<double>(), 0.6) << "no range growth while the advice shows";
}

TEST(Model, TwoTabsEachFinishingASessionKeepBoth) {
  Model a = fresh(R"({"tab":"a1"})"), b = fresh(R"({"tab":"b2"})");  // the same millisecond, two tabs
  for (Model* m : {&a, &b}) {
    to_session(*m);
    run_to_end(*m);
    m->Act("rate", "3");
    ASSERT_TRUE(m->Act("finish"));
  }
  std::string stored_a = *a.TakeOutbox().store;  // tab A writes first
  // Tab B's write finds A's document in storage and merges before writing.
  std::string merged = b.MergeStored(stored_a);
  json doc = json::parse(merged);
  ASSERT_EQ(doc["sessions"].size(), 2u);
  for (const json& s : doc["sessions"]) {
    EXPECT_EQ(s["outcome"], "completed");
    EXPECT_EQ(s["after"], 3);
  }
  EXPECT_EQ(b.doc().sessions.size(), 2u) << "tab B shows both";
}

TEST(Model, ASessionIsStoredAsAbandonedFromItsFirstSecond) {
  Model m = fresh();
  to_session(m);
  std::optional<std::string> stored = m.TakeOutbox().store;
  ASSERT_TRUE(stored) << "saved as the session starts, before anything could crash";
  json doc = json::parse(*stored);
  ASSERT_EQ(doc["sessions"].size(), 1u);
  EXPECT_EQ(doc["sessions"][0]["outcome"], "abandoned");
  // Reloaded after a crash: there it is, abandoned; finished instead: the same record, completed.
  EXPECT_EQ(fresh("{}", *stored).doc().sessions.at(0).outcome, Outcome::abandoned);
  run_to_end(m);
  m.Act("finish");
  doc = json::parse(*m.TakeOutbox().store);
  ASSERT_EQ(doc["sessions"].size(), 1u);
  EXPECT_EQ(doc["sessions"][0]["outcome"], "completed");
}

TEST(Model, MorningReminderTimeIsValidatedAndExportedAsACalendarFile) {
  Model m = fresh(R"({"href":"https://unfurl.example/"})");
  EXPECT_FALSE(m.Act("set", R"({"key":"reminder_min","value":1440})")) << "past midnight";
  EXPECT_FALSE(m.Act("set", R"({"key":"reminder_min","value":"07:30"})"));
  EXPECT_FALSE(m.Act("set", R"({"key":"reminder_min","value":7.5})"));
  ASSERT_TRUE(m.Act("set", R"({"key":"reminder_min","value":405})"));
  EXPECT_EQ(state(m)["settings"]["reminder_min"], 405);
  const auto saved = m.TakeOutbox().store;
  ASSERT_TRUE(saved);
  EXPECT_EQ(state(fresh("{}", *saved))["settings"]["reminder_min"], 405) << "kept across a reload";
  ASSERT_TRUE(m.Act("open", "\"settings\""));
  ASSERT_TRUE(m.Act("export", "\"ics\"")) << "no sessions are needed for a reminder";
  auto out = m.TakeOutbox();
  ASSERT_TRUE(out.download);
  EXPECT_EQ(out.download->type, "text/calendar");
  EXPECT_NE(out.download->text.find("T064500\r\n"), std::string::npos);
  EXPECT_NE(out.download->text.find("URL:https://unfurl.example/"), std::string::npos);
}

TEST(Model, ANewVersionTakesOverOnlyFromHomeWhenAsked) {
  Model m = fresh();
  EXPECT_FALSE(m.Act("restart")) << "nothing is waiting";
  m.SetUpdateReady();
  EXPECT_TRUE(state(m)["update_ready"].get<bool>());
  to_session(m);
  EXPECT_FALSE(m.Act("restart")) << "never mid-session";
  ASSERT_TRUE(m.Act("pause"));
  ASSERT_TRUE(m.Act("end"));
  m.TakeOutbox();
  ASSERT_TRUE(m.Act("restart"));
  EXPECT_TRUE(m.TakeOutbox().restart);
}

// Language: the person's own choice, then lang=, then the browser's, then English.
TEST(Model, SpanishFromTheLinkPutsEveryWordAndCueInSpanish) {
  Model m = fresh(R"({"lang":"es-MX"})");
  EXPECT_EQ(state(m)["lang"], "es");
  EXPECT_EQ(m.routine().name, "Espalda por la mañana");
  EXPECT_EQ(m.triage().for_tier(unfurl::core::Tier::emergency).title, "Pide ayuda de emergencia ahora");
  to_session(m);
  m.Update(1);
  bool spoke = false;
  for (const auto& c : m.TakeOutbox().cues) {
    if (c.cue.kind != unfurl::core::CueKind::speak) continue;
    EXPECT_EQ(c.lang, "es");
    EXPECT_NE(c.cue.text.find("Empecemos"), std::string::npos) << c.cue.text;
    spoke = true;
  }
  EXPECT_TRUE(spoke);
}

TEST(Model, TheBrowsersLanguagesChooseWhenTheLinkDoesNot) {
  EXPECT_EQ(state(fresh(R"({"langs":"sv-SE,es-ES,en"})"))["lang"], "es") << "the first the app has";
  EXPECT_EQ(state(fresh(R"({"langs":"de-AT,fr"})"))["lang"], "de") << "a region finds its language";
  EXPECT_EQ(state(fresh(R"({"langs":"pt-PT"})"))["lang"], "pt") << "Portugal's Portuguese is served by the Brazilian file";
  EXPECT_EQ(state(fresh(R"({"langs":"sv-SE,ja"})"))["lang"], "en");
  EXPECT_EQ(state(fresh(R"({"lang":"en","langs":"es"})"))["lang"], "en");
}

// Languages load on demand: the shell fetches a language when the app asks for
// it, and nothing changes until it arrives (natively English is built in, as
// the page's language is handed in before start in the browser).
TEST(Model, ALinksLanguageIsAskedForAtStartAndShownWhenItArrives) {
  Model m = bare(R"({"lang":"es"})");
  EXPECT_EQ(state(m)["lang"], "en") << "English until the Spanish file is here";
  EXPECT_EQ(state(m)["languages"], json::array({"de", "en", "es", "fr", "it", "nl", "pl", "pt"})) << "every language Unfurl has, fetched or not";
  m.LanguageArrived("es", language_file("es"));
  EXPECT_EQ(state(m)["lang"], "es");
  EXPECT_EQ(m.routine().name, "Espalda por la mañana");
  EXPECT_EQ(m.TakeOutbox().language, "") << "asked for once, and it came";
}

// The shell fetches the page's language beside the wasm and hands it in
// before the history is read (app/app.cpp): the first frame already speaks it.
TEST(Model, ThePagesLanguageHandedInBeforeStartIsShownFromTheFirstFrame) {
  Model m;
  m.LanguageArrived("es", language_file("es"));
  m.Load(R"({"schema":1,"settings":{"lang":"es"},"sessions":[]})", "{}");
  EXPECT_EQ(state(m)["lang"], "es");
  EXPECT_EQ(m.routine().exercises[0].name, "Rodilla al pecho");
  EXPECT_EQ(state(m)["notices"].size(), 0u);
  EXPECT_EQ(m.TakeOutbox().language, "") << "nothing more to fetch";
}

TEST(Model, ChoosingALanguageNotYetFetchedAsksForItAndAppliesItWhenItArrives) {
  Model m = bare();
  ASSERT_TRUE(m.Act("open", "\"settings\""));
  m.TakeOutbox();
  ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"es"})"));
  EXPECT_EQ(state(m)["lang"], "en");
  unfurl::model::Outbox out = m.TakeOutbox();
  EXPECT_EQ(out.language, "es");
  EXPECT_FALSE(out.store) << "the choice is kept only once the language is here";
  ASSERT_EQ(m.languages().size(), 8u);
  EXPECT_EQ(m.languages()[2].name, "Español") << "named in itself before its file is fetched";
  EXPECT_EQ(m.languages()[0].name, "Deutsch");
  EXPECT_EQ(m.languages()[6].name, "Polski");
  m.LanguageArrived("es", language_file("es"));
  EXPECT_EQ(state(m)["lang"], "es");
  EXPECT_EQ(m.routine().exercises[0].name, "Rodilla al pecho");
  auto stored = m.TakeOutbox().store;
  ASSERT_TRUE(stored);
  EXPECT_EQ(json::parse(*stored)["settings"]["lang"], "es");
}

TEST(Model, ALanguageThatFailsToLoadKeepsTheCurrentOneAndSaysSo) {
  for (const std::string text : {"", "<html>502 Bad Gateway</html>"}) {
    Model m = bare();
    ASSERT_TRUE(m.Act("open", "\"settings\""));
    ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"es"})"));
    m.TakeOutbox();
    m.LanguageArrived("es", text);
    json s = state(m);
    EXPECT_EQ(s["lang"], "en");
    ASSERT_EQ(s["notices"].size(), 1u);
    EXPECT_EQ(s["notices"][0]["id"], "lang.failed");
    EXPECT_EQ(s["notices"][0]["text"],
              "Español could not be downloaded, so the language has not changed. Try again when you are online.");
    EXPECT_FALSE(m.TakeOutbox().store);
    // Chosen again, it is asked for again; once it arrives, the notice goes.
    ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"es"})"));
    EXPECT_EQ(m.TakeOutbox().language, "es");
    m.LanguageArrived("es", language_file("es"));
    EXPECT_EQ(state(m)["lang"], "es");
    EXPECT_EQ(state(m)["notices"].size(), 0u);
  }
}

TEST(Model, ALanguageHandedInUnaskedChangesNothingUntilChosen) {
  Model m = bare(R"({"lang":"en"})");
  m.LanguageArrived("es", language_file("es"));
  EXPECT_EQ(state(m)["lang"], "en");
  m.LanguageArrived("fr", "");
  EXPECT_EQ(state(m)["notices"].size(), 0u) << "no notice for a language nobody asked for";
  ASSERT_TRUE(m.Act("open", "\"settings\""));
  m.TakeOutbox();
  ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"es"})"));
  EXPECT_EQ(state(m)["lang"], "es") << "already here: chosen at once";
  EXPECT_EQ(m.TakeOutbox().language, "");
}

TEST(Model, AnUnknownLanguageFallsBackToEnglishAndSaysSo) {
  Model m = fresh(R"({"lang":"xx","langs":"es"})");
  json s = state(m);
  EXPECT_EQ(s["lang"], "en");
  ASSERT_EQ(s["notices"].size(), 1u);
  EXPECT_EQ(s["notices"][0]["text"], "Language \"xx\" is not available yet, so Unfurl is in English.");
}

TEST(Model, ChoosingALanguageInSettingsIsRememberedAndWinsNextTime) {
  Model m = fresh(R"({"lang":"xx"})");
  ASSERT_TRUE(m.Act("open", "\"settings\""));
  ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"es"})"));
  EXPECT_EQ(state(m)["lang"], "es");
  EXPECT_EQ(m.routine().exercises[0].name, "Rodilla al pecho");
  // Notices already shown are said again in the new language.
  EXPECT_EQ(state(m)["notices"][0]["text"], "El idioma «xx» todavía no está disponible, así que Unfurl está en español.");
  auto stored = m.TakeOutbox().store;
  ASSERT_TRUE(stored);
  EXPECT_EQ(json::parse(*stored)["settings"]["lang"], "es");
  EXPECT_EQ(state(fresh(R"({"lang":"en"})", *stored))["lang"], "es");
  EXPECT_FALSE(m.Act("set", R"({"key":"lang","value":"xx"})"));
  EXPECT_FALSE(m.Act("set", R"({"key":"lang","value":3})"));
}

TEST(Model, TheLanguageCannotChangeMidSession) {
  Model m = fresh();
  to_session(m);
  EXPECT_FALSE(m.Act("set", R"({"key":"lang","value":"es"})"));
  EXPECT_EQ(state(m)["lang"], "en");
}

TEST(Model, APrescriptionKeepsItsDosesInANewLanguage) {
  // {"exercises":[{"id":"pelvic_tilt","reps":6}]}
  Model m = fresh(R"({"rx":"eyJleGVyY2lzZXMiOlt7ImlkIjoicGVsdmljX3RpbHQiLCJyZXBzIjo2fV19"})");
  ASSERT_TRUE(m.prescribed());
  ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"es"})"));
  ASSERT_TRUE(m.prescribed());
  ASSERT_EQ(m.routine().exercises.size(), 1u);
  EXPECT_EQ(m.routine().exercises[0].reps, 6);
  EXPECT_EQ(m.routine().exercises[0].name, "Basculaciones pélvicas");
  ASSERT_EQ(m.prescription_changes().size(), 2u);
  EXPECT_EQ(m.prescription_changes()[0], "Basculaciones pélvicas — repeticiones: 6 (normalmente 8)");
}

TEST(Model, TheCountdownIsAnnouncedEveryTenSecondsAndAtFiveNotEverySecond) {
  Model m = fresh();
  to_session(m);
  std::vector<std::string> said;
  for (int i = 0; i < 20 * 120; ++i) {  // two minutes in 50 ms steps
    m.Update(0.05);
    for (const std::string& a : m.TakeOutbox().announce) said.push_back(a);
  }
  ASSERT_FALSE(said.empty());
  for (const std::string& a : said) {
    const int n = std::stoi(a);
    EXPECT_TRUE(n % 10 == 0 || n == 5) << a;
    EXPECT_NE(a.find("seconds left"), std::string::npos) << a;
  }
  // Far fewer than one a second.
  EXPECT_LT(said.size(), 120u / 4);
}

TEST(Model, TheFirstThemeFollowsTheDevicePreferenceThenThePersonsSetting) {
  EXPECT_FALSE(fresh(R"({"scheme":"light"})").settings().dim);
  EXPECT_TRUE(fresh(R"({"scheme":"dark"})").settings().dim);
  Model m = fresh(R"({"scheme":"light"})");
  ASSERT_TRUE(m.Act("set", R"({"key":"dim","value":true})"));
  auto stored = m.TakeOutbox().store;
  ASSERT_TRUE(stored);
  EXPECT_TRUE(fresh(R"({"scheme":"light"})", *stored).settings().dim);
}

// The actions live in one table (src/model/actions.cpp); docs/automation.md
// lists exactly those, so a script never calls one that does not exist.
TEST(Model, TheDocumentedActionsAreExactlyTheModelsOwn) {
  std::ifstream in(std::filesystem::path(UNFURL_SOURCE_DIR) / "docs" / "automation.md");
  std::set<std::string> documented;
  bool in_table = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## Actions", 0) == 0) in_table = true;
    else if (line.rfind("## ", 0) == 0) in_table = false;
    if (!in_table || line.rfind("| `", 0) != 0) continue;
    const std::string first = line.substr(2, line.find(" |", 2) - 2);
    for (size_t at = first.find('`'); at != std::string::npos; at = first.find('`', first.find('`', at + 1) + 1))
      documented.insert(first.substr(at + 1, first.find('`', at + 1) - at - 1));
  }
  std::set<std::string> known;
  for (std::string_view n : unfurl::model::Model::ActionNames()) known.insert(std::string(n));
  EXPECT_EQ(documented, known);
  EXPECT_FALSE(bare().Act("no-such-action")) << "an unknown action is refused";
}

// docs/clinical.md, "The number to call": the emergency result names the
// number, says it digit by digit, and its "Call" action hands it to the
// shell, which opens the dialler; state() says which number and where it came from.
TEST(Model, TheEmergencyResultNamesTheNumberToCallAndCallsIt) {
  struct Case { const char* config; const char* number; const char* source; };
  for (const Case& c : {Case{R"({"langs":"en-GB,en"})", "999", "region"},
                        Case{R"({"langs":"en-GB","emergency":"2222"})", "2222", "clinic"},
                        Case{R"({"langs":"pt-BR,pt","lang":"pt"})", "192", "region"}}) {
    SCOPED_TRACE(c.config);
    Model m = fresh(c.config);
    json e = state(m)["emergency"];
    EXPECT_EQ(e["number"], c.number);
    EXPECT_EQ(e["source"], c.source);
    EXPECT_FALSE(m.Act("call")) << "only from the emergency result";
    ASSERT_TRUE(start(m));
    ASSERT_TRUE(m.Act("answer", "\"chest_pain\""));
    m.TakeOutbox();
    ASSERT_TRUE(m.Act("continue"));
    auto out = m.TakeOutbox();
    ASSERT_FALSE(out.cues.empty());
    std::string spoken = unfurl::core::spoken_digits(c.number);
    EXPECT_NE(out.cues[0].cue.text.find(spoken), std::string::npos) << out.cues[0].cue.text;
    EXPECT_NE(m.AdviceAction(unfurl::core::Tier::emergency).find(c.number), std::string::npos);
    ASSERT_TRUE(m.Act("call"));
    EXPECT_EQ(m.TakeOutbox().dial, std::optional<std::string>(c.number));
  }
}

TEST(Model, WithNoRegionTheEmergencyKeepsTheGenericWordingAndOffersNoCall) {
  Model m = fresh(R"({"langs":"es,en"})");
  EXPECT_TRUE(state(m)["emergency"]["number"].is_null());
  EXPECT_EQ(state(m)["emergency"]["source"], "none");
  ASSERT_TRUE(start(m));
  ASSERT_TRUE(m.Act("answer", "\"both_legs\""));
  ASSERT_TRUE(m.Act("continue"));
  EXPECT_EQ(m.AdviceAction(unfurl::core::Tier::emergency), m.triage().for_tier(unfurl::core::Tier::emergency).action);
  EXPECT_FALSE(m.Act("call"));
}

TEST(Model, ABadEmergencyNumberIsIgnoredWithANotice) {
  Model m = fresh(R"({"langs":"en-US","emergency":"+44 999"})");
  EXPECT_EQ(state(m)["emergency"]["number"], "911") << "the region decides instead";
  bool noticed = false;
  const json s = state(m);
  for (const auto& n : s["notices"]) noticed |= n["id"] == "config.emergency";
  EXPECT_TRUE(noticed);
}

// Weakness in both legs during a stretch is an emergency, as it is on the check.
TEST(Model, StopWithTheEmergencyAnswerGivesTheEmergencyResultForTheDay) {
  Model m = fresh(R"({"langs":"en-GB"})");
  stop_with(m, "emergency");
  json s = state(m);
  EXPECT_EQ(s["screen"], "check-result");
  EXPECT_EQ(s["check"]["level"], "emergency");
  EXPECT_EQ(m.doc().sessions.back().pain, "emergency");
  EXPECT_TRUE(m.Act("call"));
  EXPECT_TRUE(m.Act("open", "\"home\""));
  EXPECT_TRUE(m.Act("start"));
  EXPECT_EQ(state(m)["screen"], "check-result") << "remembered for the rest of the day";
}
