// The stored document: tolerant decoding that never loses what it cannot read.
#include <gtest/gtest.h>

#include "core/history/history.h"

using namespace unfurl::core;

TEST(History, RoundTrips) {
  HistoryDoc d;
  d.range = 0.75;
  d.settings.voice = false;
  d.intro_ack = true;
  SessionRecord r;
  r.id = "s1"; r.routine = "morning-back"; r.day = 19000; r.outcome = "completed";
  r.before = 6; r.after = 3; r.hurt = false; r.check_flags = {"weeks"}; r.check_level = "review";
  d.sessions.push_back(r);
  Decoded back = decode_history(encode_history(d));
  ASSERT_EQ(back.status, DecodeStatus::ok);
  EXPECT_DOUBLE_EQ(back.doc.range, 0.75);
  EXPECT_FALSE(back.doc.settings.voice);
  EXPECT_TRUE(back.doc.intro_ack);
  ASSERT_EQ(back.doc.sessions.size(), 1u);
  EXPECT_EQ(back.doc.sessions[0].before, 6);
  EXPECT_EQ(back.doc.sessions[0].check_flags, std::vector<std::string>{"weeks"});
}

TEST(History, UnreadableAndNewerAreReportedNotGuessed) {
  EXPECT_EQ(decode_history("").status, DecodeStatus::empty);
  EXPECT_EQ(decode_history("[1,2").status, DecodeStatus::unreadable);
  EXPECT_EQ(decode_history("{\"sessions\":[]}").status, DecodeStatus::unreadable);
  EXPECT_EQ(decode_history("{\"schema\":\"1\"}").status, DecodeStatus::unreadable);
  EXPECT_EQ(decode_history("{\"schema\":9}").status, DecodeStatus::newer_schema);
}

TEST(History, ARecordWithAWrongTypeIsKeptWholeNotTheDocumentRejected) {
  const std::string text = R"({"schema":1,"sessions":[{"id":"a","outcome":"completed","day":5,"before":"six"},{"id":"b","outcome":"exploded","day":6},{"id":"c","outcome":"completed"},7,{"id":"d","outcome":"completed","day":8,"before":4}],"progress":{"range":"big"},"settings":{"voice":"yes","volume":4}})";
  Decoded d = decode_history(text);
  ASSERT_EQ(d.status, DecodeStatus::ok);
  ASSERT_EQ(d.doc.sessions.size(), 1u);
  EXPECT_EQ(d.doc.sessions[0].id, "d");
  EXPECT_EQ(d.kept, 4);
  EXPECT_DOUBLE_EQ(d.doc.range, 0.6);
  EXPECT_TRUE(d.doc.settings.voice);
  EXPECT_DOUBLE_EQ(d.doc.settings.volume, 1.0);
  // Written back, each unreadable record is there byte for byte, in its place.
  const std::string out = encode_history(d.doc);
  EXPECT_NE(out.find(R"([{"id":"a","outcome":"completed","day":5,"before":"six"},{"id":"b","outcome":"exploded","day":6},{"id":"c","outcome":"completed"},7,{"id":"d")"), std::string::npos) << out;
}

TEST(History, UnknownFieldsAndFutureRecordsSurviveASaveByteForByte) {
  const std::string future = R"({"id":"f1", "outcome":"completed-with-coach","day":20001,"coach":{"name":"Ana","notes":["été",1e3]}})";
  const std::string known = R"({"id":"k1","routine":"morning-back","started":"2024-10-01T07:00:00Z","ended":"2024-10-01T07:09:00Z","day":20000,"outcome":"completed","check":{"level":"none","flags":[]},"before":6,"after":4,"hurt":false,"pain":null,"range":0.6,"exercises":["fetal"],"mood":"sleepy  but fine"})";
  const std::string text = R"({"schema":1,"notes":{"from":"v2","list":[1.50,2]},"sessions":[)" + future + "," + known +
                           R"(],"progress":{"range":0.65,"history":[0.6,0.65]},"settings":{"voice":true,"theme_hue":12},"acks":{"intro":true,"tour":"done"}})";
  Decoded d = decode_history(text);
  ASSERT_EQ(d.status, DecodeStatus::ok);
  ASSERT_EQ(d.doc.sessions.size(), 1u);
  EXPECT_EQ(d.kept, 1);
  // A new session is added and the old one gets its after-rating changed: both saved.
  d.doc.sessions[0].after = 3;
  SessionRecord added;
  added.id = "n1"; added.day = 20002; added.outcome = "completed";
  d.doc.sessions.push_back(added);
  const std::string out = encode_history(d.doc);
  EXPECT_NE(out.find(future), std::string::npos) << "the future record, byte for byte: " << out;
  EXPECT_NE(out.find(R"("mood":"sleepy  but fine")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("notes":{"from":"v2","list":[1.50,2]})"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("history":[0.6,0.65])"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("theme_hue":12)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("tour":"done")"), std::string::npos) << out;
  Decoded again = decode_history(out);
  ASSERT_EQ(again.doc.sessions.size(), 2u);
  EXPECT_EQ(again.doc.sessions[0].after, 3);
  EXPECT_EQ(again.kept, 1);
  // And a record nobody changed goes back exactly as it came.
  Decoded plain = decode_history(R"({"schema":1,"sessions":[)" + known + "]}");
  EXPECT_NE(encode_history(plain.doc).find(known), std::string::npos);
}

TEST(History, AnUntouchedDocumentWrittenByThisVersionRoundTripsExactly) {
  HistoryDoc d;
  SessionRecord r;
  r.id = "s1"; r.day = 19000; r.outcome = "completed"; r.before = 5;
  d.sessions.push_back(r);
  const std::string once = encode_history(d);
  EXPECT_EQ(encode_history(decode_history(once).doc), once);
}

TEST(History, MergeKeepsBothTabsSessions) {
  auto record = [](const char* id, int day) {
    SessionRecord r;
    r.id = id; r.day = day; r.outcome = "completed";
    return r;
  };
  HistoryDoc base;
  base.sessions = {record("old", 1)};
  base.unreadable = {{1, R"({"outcome":"later"})"}};
  HistoryDoc mine = base, theirs = base;
  mine.sessions.push_back(record("mine", 2));
  mine.range = 0.65;
  theirs.sessions.push_back(record("theirs", 2));
  theirs.settings.voice = false;
  HistoryDoc merged = merge_history(base, mine, theirs);
  ASSERT_EQ(merged.sessions.size(), 3u);
  EXPECT_EQ(merged.sessions[0].id, "old");
  EXPECT_EQ(merged.sessions[1].id, "theirs");
  EXPECT_EQ(merged.sessions[2].id, "mine");
  EXPECT_DOUBLE_EQ(merged.range, 0.65) << "what this tab changed wins";
  EXPECT_FALSE(merged.settings.voice) << "what only the other tab changed is kept";
  EXPECT_EQ(merged.unreadable, base.unreadable);
}

TEST(History, MergeTakesTheChangedCopyOfASessionAndNeverDuplicates) {
  SessionRecord r;
  r.id = "s"; r.day = 3; r.outcome = "abandoned";
  HistoryDoc base;
  base.sessions = {r};
  HistoryDoc mine = base, theirs = base;
  mine.sessions[0].outcome = "completed";  // this tab finished it
  mine.sessions[0].after = 2;
  HistoryDoc merged = merge_history(base, mine, theirs);
  ASSERT_EQ(merged.sessions.size(), 1u);
  EXPECT_EQ(merged.sessions[0].outcome, "completed");
  // The other tab withdrew a block while this tab changed nothing: theirs.
  HistoryDoc theirs2 = base;
  theirs2.sessions[0].withdrawn = "2024-01-01T00:00:00Z";
  merged = merge_history(base, base, theirs2);
  EXPECT_EQ(merged.sessions[0].withdrawn, "2024-01-01T00:00:00Z");
  // Deleted in the other tab ("delete all my data") and untouched here: gone.
  merged = merge_history(base, base, HistoryDoc{});
  EXPECT_TRUE(merged.sessions.empty());
}

TEST(History, StreakCountsConsecutiveCompletedDays) {
  std::vector<SessionRecord> s(4);
  s[0].day = 10; s[0].outcome = "completed";
  s[1].day = 11; s[1].outcome = "completed";
  s[2].day = 12; s[2].outcome = "stopped-pain";
  s[3].day = 13; s[3].outcome = "completed";
  EXPECT_EQ(streak_days(s, 13), 1);
  s[2].outcome = "completed";
  EXPECT_EQ(streak_days(s, 13), 4);
  EXPECT_EQ(streak_days(s, 14), 4);  // today not done yet: yesterday still counts
  EXPECT_EQ(streak_days(s, 15), 0);
}

namespace {
SessionRecord on(int day, const char* outcome = "completed") {
  SessionRecord r;
  r.day = day; r.outcome = outcome;
  return r;
}
// Local day number the way the app computes it: epoch seconds plus the offset in force then.
int local_day(long long epoch_s, int offset_min) { return static_cast<int>((epoch_s + offset_min * 60LL) / 86400); }
}  // namespace

TEST(History, StreaksCrossMonthEndsAndTheDaylightSavingChange) {
  // 2024-10-27 is the end of summer time in Europe: 07:00 local each morning,
  // UTC+2 before and UTC+1 after, from 30 September to 2 November.
  const long long sep30_0700_cest = 1727672400;  // 2024-09-30T05:00:00Z
  std::vector<SessionRecord> s;
  int last = 0;
  for (int i = 0; i < 34; ++i) {
    const bool summer = i < 27;
    const long long t = sep30_0700_cest + i * 86400LL + (summer ? 0 : 3600);
    last = local_day(t, summer ? 120 : 60);
    s.push_back(on(last));
  }
  HistoryStats st = history_stats(s, last);
  EXPECT_EQ(st.current_streak, 34) << "no day lost or doubled at the month end or the clock change";
  EXPECT_EQ(st.best_streak, 34);
}

TEST(History, AMissedDayEndsTheCurrentStreakButNotTheBest) {
  std::vector<SessionRecord> s = {on(10), on(11), on(12), on(13), on(15), on(16), on(16, "stopped-pain")};
  HistoryStats st = history_stats(s, 16);
  EXPECT_EQ(st.current_streak, 2);
  EXPECT_EQ(st.best_streak, 4);
  EXPECT_EQ(st.sessions, 7);
  EXPECT_EQ(st.completed, 6);
}

TEST(History, StatisticsOnEmptyAndOneSessionHistories) {
  HistoryStats empty = history_stats({}, 100);
  EXPECT_EQ(empty.sessions, 0);
  EXPECT_EQ(empty.best_streak, 0);
  EXPECT_FALSE(empty.average_change);
  SessionRecord one = on(100);
  one.before = 6; one.after = 4;
  HistoryStats st = history_stats({one}, 100);
  EXPECT_EQ(st.current_streak, 1);
  EXPECT_DOUBLE_EQ(*st.average_change, -2);
  EXPECT_DOUBLE_EQ(st.per_week, 0.25);
}

TEST(History, FiveYearsOfMorningsLoadAndCompute) {
  HistoryDoc d;
  for (int i = 0; i < 1800; ++i) {
    SessionRecord r = on(18000 + i);
    r.id = "s" + std::to_string(i);
    r.before = 3 + i % 5; r.after = 2 + i % 4;
    d.sessions.push_back(r);
  }
  Decoded back = decode_history(encode_history(d));
  ASSERT_EQ(back.doc.sessions.size(), 1800u);
  HistoryStats st = history_stats(back.doc.sessions, 18000 + 1799);
  EXPECT_EQ(st.current_streak, 1800);
  EXPECT_DOUBLE_EQ(st.per_week, 7);
  ASSERT_TRUE(st.average_change);
}

// A known setting stored with a type this version cannot read is treated like
// an unknown member: kept byte for byte until the person changes that setting,
// with the default in use meanwhile.
TEST(History, WrongTypedKnownSettingsAreKeptVerbatimUntilChanged) {
  const std::string settings =
      R"({"voice_rate":"fast","voice":false,"holds":{"knee_to_chest":"long","figure_four":25},"reps":{"pelvic_tilt":6.5},"exercises_off":"none","lang":7,"theme_hue":12})";
  const std::string text = R"({"schema":1,"sessions":[],"settings":)" + settings + "}";
  Decoded d = decode_history(text);
  ASSERT_EQ(d.status, DecodeStatus::ok);
  const Settings& s = d.doc.settings;
  EXPECT_DOUBLE_EQ(s.voice_rate, Settings{}.voice_rate) << "the default stands in";
  EXPECT_FALSE(s.voice) << "a readable neighbour is still read";
  EXPECT_EQ(s.holds.count("knee_to_chest"), 0u);
  EXPECT_DOUBLE_EQ(s.holds.at("figure_four"), 25);
  EXPECT_TRUE(s.reps.empty());
  EXPECT_TRUE(s.exercises_off.empty());
  EXPECT_EQ(s.lang, "");

  const std::string out = encode_history(d.doc);
  for (const char* exact : {R"("voice_rate":"fast")", R"("knee_to_chest":"long")", R"("pelvic_tilt":6.5)",
                            R"("exercises_off":"none")", R"("lang":7)", R"("theme_hue":12)", R"("figure_four":25)"})
    EXPECT_NE(out.find(exact), std::string::npos) << exact << " in " << out;
  EXPECT_EQ(encode_history(decode_history(out).doc), out) << "stable over any number of saves";

  // The person sets the rate and one hold: those are written as chosen; the rest stays as it was.
  HistoryDoc changed = d.doc;
  changed.settings.voice_rate = 1.1;
  forget_kept(changed.settings, "voice_rate");
  changed.settings.holds["knee_to_chest"] = 20;
  forget_kept(changed.settings, "holds.knee_to_chest");
  const std::string after = encode_history(changed);
  EXPECT_NE(after.find(R"("voice_rate":1.1)"), std::string::npos) << after;
  EXPECT_NE(after.find(R"("knee_to_chest":20)"), std::string::npos) << after;
  EXPECT_EQ(after.find("fast"), std::string::npos);
  EXPECT_NE(after.find(R"("pelvic_tilt":6.5)"), std::string::npos);
  EXPECT_NE(after.find(R"("exercises_off":"none")"), std::string::npos);
  EXPECT_NE(after.find(R"("lang":7)"), std::string::npos);
}

TEST(History, AWholeWrongTypedDoseTableGivesWayToTheFirstDoseChosen) {
  Decoded d = decode_history(R"({"schema":1,"settings":{"holds":[25,30]}})");
  EXPECT_NE(encode_history(d.doc).find(R"("holds":[25,30])"), std::string::npos);
  d.doc.settings.holds["fetal"] = 15;
  forget_kept(d.doc.settings, "holds.fetal");
  EXPECT_NE(encode_history(d.doc).find(R"("holds":{"fetal":15.0})"), std::string::npos) << encode_history(d.doc);
}
