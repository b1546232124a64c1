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
  r.id = "s1"; r.routine = "morning-back"; r.day = 19000; r.outcome = Outcome::completed;
  r.before = 6; r.after = 3; r.hurt = false; r.check_flags = {"weeks"}; r.check_level = Tier::review;
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
  added.id = "n1"; added.day = 20002; added.outcome = Outcome::completed;
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
  r.id = "s1"; r.day = 19000; r.outcome = Outcome::completed; r.before = 5;
  d.sessions.push_back(r);
  const std::string once = encode_history(d);
  EXPECT_EQ(encode_history(decode_history(once).doc), once);
}

TEST(History, MergeKeepsBothTabsSessions) {
  auto record = [](const char* id, int day) {
    SessionRecord r;
    r.id = id; r.day = day; r.outcome = Outcome::completed;
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
  r.id = "s"; r.day = 3; r.outcome = Outcome::abandoned;
  HistoryDoc base;
  base.sessions = {r};
  HistoryDoc mine = base, theirs = base;
  mine.sessions[0].outcome = Outcome::completed;  // this tab finished it
  mine.sessions[0].after = 2;
  HistoryDoc merged = merge_history(base, mine, theirs);
  ASSERT_EQ(merged.sessions.size(), 1u);
  EXPECT_EQ(merged.sessions[0].outcome, Outcome::completed);
  // The other tab withdrew a block while this tab changed nothing: theirs.
  HistoryDoc theirs2 = base;
  theirs2.sessions[0].withdrawn = "2024-01-01T00:00:00Z";
  merged = merge_history(base, base, theirs2);
  EXPECT_EQ(merged.sessions[0].withdrawn, "2024-01-01T00:00:00Z");
  // Deleted in the other tab ("delete all my data") and untouched here: gone.
  merged = merge_history(base, base, HistoryDoc{});
  EXPECT_TRUE(merged.sessions.empty());
}

// What another tab's removal of the document merges as (bridge.cpp,
// unfurl_removed): the codec's own empty document, current and empty, which
// takes away what both tabs had seen and keeps what only this tab made since.
TEST(History, TheEmptyDocumentIsTheCodecsOwnAndMergesAsADeletion) {
  const Decoded empty = decode_history(empty_history());
  ASSERT_EQ(empty.status, DecodeStatus::ok);
  EXPECT_EQ(empty_history(), "{\"schema\":" + std::to_string(kSchema) + "}");
  EXPECT_EQ(encode_history(empty.doc), encode_history(HistoryDoc{}));
  SessionRecord seen, made;
  seen.id = "seen";
  made.id = "made";
  HistoryDoc base, mine;
  base.sessions = {seen};
  mine.sessions = {seen, made};
  const HistoryDoc merged = merge_history(base, mine, empty.doc);
  ASSERT_EQ(merged.sessions.size(), 1u);
  EXPECT_EQ(merged.sessions[0].id, "made");
}

TEST(History, StreakCountsConsecutiveCompletedDays) {
  std::vector<SessionRecord> s(4);
  s[0].day = 10; s[0].outcome = Outcome::completed;
  s[1].day = 11; s[1].outcome = Outcome::completed;
  s[2].day = 12; s[2].outcome = Outcome::stopped_pain;
  s[3].day = 13; s[3].outcome = Outcome::completed;
  EXPECT_EQ(streak_days(s, 13), 1);
  s[2].outcome = Outcome::completed;
  EXPECT_EQ(streak_days(s, 13), 4);
  EXPECT_EQ(streak_days(s, 14), 4);  // today not done yet: yesterday still counts
  EXPECT_EQ(streak_days(s, 15), 0);
}

namespace {
SessionRecord on(int day, Outcome outcome = Outcome::completed) {
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
  std::vector<SessionRecord> s = {on(10), on(11), on(12), on(13), on(15), on(16), on(16, Outcome::stopped_pain)};
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

// JSON.stringify writes half a surrogate pair (a name cut inside an emoji) as
// "\ud800"; browsers read it, RapidJSON alone would call the whole document
// unreadable, and the next save would then have written an empty history over it.
TEST(History, HalfACharacterWhereThisVersionReadsNothingIsReadAndKeptByteForByte) {
  const std::string record = R"({"id":"s1","day":20000,"outcome":"completed","before":6,"note":"back \ud83d ok"})";
  const std::string text = R"({"schema":1,"sessions":[)" + record +
                           R"(],"settings":{"voice":false,"\udc00":1},"acks":{"intro":true,"who":"\udbff"},"name":"Ana \ud800"})";
  Decoded d = decode_history(text);
  ASSERT_EQ(d.status, DecodeStatus::ok);
  ASSERT_EQ(d.doc.sessions.size(), 1u);
  EXPECT_EQ(d.kept, 0);
  EXPECT_FALSE(d.doc.settings.voice);
  EXPECT_TRUE(d.doc.intro_ack);
  EXPECT_EQ(encode_history(d.doc).find(R"("\udc00":1)") != std::string::npos, true) << encode_history(d.doc);
  // The record changed (its after-rating given): still its note, byte for byte.
  d.doc.sessions[0].after = 3;
  const std::string out = encode_history(d.doc);
  for (const char* exact : {R"("note":"back \ud83d ok")", R"("\udc00":1)", R"("who":"\udbff")", R"("name":"Ana \ud800")"})
    EXPECT_NE(out.find(exact), std::string::npos) << exact << " in " << out;
  EXPECT_EQ(decode_history(out).doc.sessions.at(0).after, 3);
}

TEST(History, HalfACharacterWhereThisVersionReadsKeepsThatPartAsItsBytes) {
  const std::string odd = R"({"id":"a\ud800","day":20000,"outcome":"completed"})";
  const std::string settings = R"({"lang":"d\ude00","exercises_off":["fetal\ud800"],"holds":{"\ud800x":20},"tones":false})";
  const std::string text = R"({"schema":1,"sessions":[)" + odd + R"(],"settings":)" + settings + "}";
  Decoded d = decode_history(text);
  ASSERT_EQ(d.status, DecodeStatus::ok);
  EXPECT_TRUE(d.doc.sessions.empty());
  EXPECT_EQ(d.kept, 1) << "a record whose id is half a character is kept, not read";
  EXPECT_EQ(d.doc.settings.lang, "");
  EXPECT_TRUE(d.doc.settings.exercises_off.empty());
  EXPECT_TRUE(d.doc.settings.holds.empty());
  EXPECT_FALSE(d.doc.settings.tones);
  const std::string out = encode_history(d.doc);
  for (const std::string& exact : {odd, std::string(R"("lang":"d\ude00")"), std::string(R"("exercises_off":["fetal\ud800"])"),
                                   std::string(R"("holds":{"\ud800x":20})")})
    EXPECT_NE(out.find(exact), std::string::npos) << exact << " in " << out;
  EXPECT_EQ(encode_history(decode_history(out).doc), out) << "stable over any number of saves";
}

TEST(History, OnlyAnEscapedSurrogateWithoutItsPairIsMended) {
  EXPECT_FALSE(has_lone_surrogate(R"({"a":"\ud83d\ude00"})"));
  EXPECT_FALSE(has_lone_surrogate(R"({"a":"\\ud800"})")) << "an escaped backslash, then the letters";
  EXPECT_FALSE(has_lone_surrogate(R"({"a":"\u00e9\"\ud7ff"})"));
  EXPECT_TRUE(has_lone_surrogate(R"({"a":"\ud83d\ud83d\ude00"})"));
  EXPECT_TRUE(has_lone_surrogate(R"({"a":"\\\udfff"})"));
  EXPECT_TRUE(has_lone_surrogate(R"({"\uDBFF":"x"})"));
  EXPECT_EQ(mend_lone_surrogates(R"(["\ud800\ud83d\ude00"])"), std::optional<std::string>(R"(["\ufffd\ud83d\ude00"])"));
  EXPECT_EQ(mend_lone_surrogates(R"(["x"])"), std::nullopt);
  // A pair is one character, read as such.
  Decoded d = decode_history(R"({"schema":1,"sessions":[{"id":"\ud83d\ude00","day":1,"outcome":"completed"}]})");
  ASSERT_EQ(d.doc.sessions.size(), 1u);
  EXPECT_EQ(d.doc.sessions[0].id, "\xF0\x9F\x98\x80");
}

TEST(History, KnownValuesOfTheWrongTypeOrSizeAreKeptUntilTheAppChangesThem) {
  const std::string text =
      R"({"schema":1,"sessions":[],"progress":{"range":"big"},"settings":{"volume":4,"reminder_min":7.5,"reps":{"fetal":1e7,"press_up":3}},"acks":{"intro":"yes","trend_day":1.5}})";
  Decoded d = decode_history(text);
  ASSERT_EQ(d.status, DecodeStatus::ok);
  EXPECT_DOUBLE_EQ(d.doc.range, 0.6);
  EXPECT_FALSE(d.doc.intro_ack);
  EXPECT_FALSE(d.doc.trend_ack_day);
  EXPECT_DOUBLE_EQ(d.doc.settings.volume, 1.0) << "read as the nearest it can be";
  EXPECT_EQ(d.doc.settings.reps.count("fetal"), 0u);
  EXPECT_EQ(d.doc.settings.reps.at("press_up"), 3);
  const std::string out = encode_history(d.doc);
  for (const char* exact : {R"("range":"big")", R"("volume":4)", R"("reminder_min":7.5)", R"("fetal":1e7)", R"("intro":"yes")",
                            R"("trend_day":1.5)"})
    EXPECT_NE(out.find(exact), std::string::npos) << exact << " in " << out;
  EXPECT_EQ(encode_history(decode_history(out).doc), out) << "stable over any number of saves";
  // The app moves on: its own values are written.
  d.doc.range = 0.7;
  d.doc.intro_ack = true;
  d.doc.trend_ack_day = 20000;
  d.doc.settings.volume = 0.5;
  forget_kept(d.doc.settings, "volume");
  const std::string after = encode_history(d.doc);
  for (const char* exact : {R"("range":0.7)", R"("intro":true)", R"("trend_day":20000)", R"("volume":0.5)", R"("reminder_min":7.5)"})
    EXPECT_NE(after.find(exact), std::string::npos) << exact << " in " << after;
}

TEST(History, AnEmptyLanguageIsNotAChoiceButIsKept) {
  Decoded d = decode_history(R"({"schema":1,"settings":{"lang":""}})");
  EXPECT_EQ(d.doc.settings.lang, "");
  EXPECT_NE(encode_history(d.doc).find(R"("lang":"")"), std::string::npos) << encode_history(d.doc);
  d.doc.settings.lang = "de";
  forget_kept(d.doc.settings, "lang");
  EXPECT_NE(encode_history(d.doc).find(R"("lang":"de")"), std::string::npos) << encode_history(d.doc);
}

TEST(History, APartThatIsNotWhatItMustBeMakesTheDocumentUnreadableNotEmptied) {
  for (const char* part : {R"("sessions":{"a":1})", R"("sessions":"none")", R"("sessions":null)", R"("progress":0.7)",
                           R"("settings":[])", R"("acks":"yes")"}) {
    SCOPED_TRACE(part);
    EXPECT_EQ(decode_history(std::string(R"({"schema":1,)") + part + "}").status, DecodeStatus::unreadable);
  }
  EXPECT_EQ(decode_history(R"({"schema":5,"sessions":{"a":1}})").status, DecodeStatus::newer_schema)
      << "a newer Unfurl's shape is its own business: read-only";
}

// Every path of the schema, every wrong kind of value: the document is either
// read, with that value written back exactly as it was, or refused whole (and
// so kept aside by the shell) — never read with the value lost.
TEST(History, EveryWrongValueAtEveryPathIsKeptOrTheDocumentRefused) {
  const std::string record = R"({"id":"r1","routine":"morning-back","started":"2026-01-01T07:00:00Z","ended":"2026-01-01T07:09:00Z","day":20454,"outcome":"completed","check":{"level":"none","flags":[]},"before":6,"after":4,"hurt":false,"pain":null,"range":0.6,"exercises":["fetal"],"withdrawn":"2026-01-01T08:00:00Z"})";
  const std::string answered = R"({"asked":"2026-01-01T07:00:00Z","day":20454,"yes":[],"result":"none","cleared":"2026-01-02T07:00:00Z"})";
  const std::string settings = R"({"voice":true,"tones":true,"vibration":true,"voice_rate":0.9,"volume":0.5,"dim":true,"eyes_closed":false,"soft_mattress":false,"text_size":1,"reminder_min":450,"lang":"de","holds":{"fetal":20},"reps":{"press_up":3},"exercises_off":["fetal"]})";
  const std::string base = R"({"schema":1,"sessions":[)" + record + R"(],"progress":{"range":0.6},"settings":)" + settings +
                           R"(,"acks":{"intro":true,"trend_day":20450,"history":)" + answered + R"(,"inflammatory":)" + answered + "}}";
  ASSERT_EQ(decode_history(base).status, DecodeStatus::ok);
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += '[';
  for (int i = 0; i < 20000; ++i) deep += ']';
  const std::vector<std::string> wrong = {"7", "-1e308", "1.5", "\"x\"", "\"\\ud800\"", "true", "null", "[]", "{}",
                                          R"({"__proto__":{"a":1}})", "\"" + std::string(100000, 'y') + "\"", deep,
                                          "12345678901234567890"};
  // Each key that is followed by a value, replaced one at a time.
  int refused = 0, kept = 0;
  for (size_t at = base.find("\":"); at != std::string::npos; at = base.find("\":", at + 1)) {
    const size_t start = at + 2;
    // The value's end: a scalar up to the next ',' '}' ']'; a container to its matching bracket.
    size_t end = start;
    if (base[start] == '{' || base[start] == '[') {
      int depth = 0;
      bool in_string = false;
      for (end = start; end < base.size(); ++end) {
        const char c = base[end];
        if (in_string) { if (c == '\\') ++end; else if (c == '"') in_string = false; continue; }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) { ++end; break; }
      }
    } else if (base[start] == '"') {
      end = base.find('"', start + 1) + 1;
    } else {
      end = base.find_first_of(",}]", start);
    }
    const size_t key_start = base.rfind('"', at - 1);
    if (base.compare(key_start, 9, "\"schema\":") == 0) continue;  // another schema is another document
    for (const std::string& w : wrong) {
      // The same kind of container is no wrong type: {} for an object is read as an empty one.
      if ((w[0] == '[' || w[0] == '{') && w[0] == base[start]) continue;
      const std::string text = base.substr(0, start) + w + base.substr(end);
      const std::string member = base.substr(key_start, start - key_start) + w;
      SCOPED_TRACE(member.substr(0, 80));
      const Decoded d = decode_history(text);
      if (d.status == DecodeStatus::unreadable) { ++refused; continue; }
      ASSERT_EQ(d.status, DecodeStatus::ok);
      ++kept;
      const std::string out = encode_history(d.doc);
      // A dose is written as a decimal: 7 goes back as 7.0, the same number.
      EXPECT_TRUE(out.find(member) != std::string::npos || out.find(member + ".0") != std::string::npos) << out.substr(0, 400);
    }
  }
  EXPECT_GT(kept, 300);
  EXPECT_GT(refused, 0);
}

// The stored words are the document's contract (docs/architecture.md): a
// document written by any version reads back as the same outcome and check
// level, and is written with the same words.
TEST(History, OutcomesAndCheckLevelsAreReadAndWrittenByTheirStoredNames) {
  const std::pair<const char*, Outcome> outcomes[] = {{"completed", Outcome::completed},
                                                      {"stopped-pain", Outcome::stopped_pain},
                                                      {"abandoned", Outcome::abandoned},
                                                      {"blocked", Outcome::blocked}};
  const std::pair<const char*, Tier> levels[] = {{"none", Tier::none}, {"review", Tier::review}, {"clinician", Tier::clinician},
                                                 {"urgent", Tier::urgent}, {"emergency", Tier::emergency}};
  int checked = 0;
  for (const auto& [outcome, o] : outcomes)
    for (const auto& [level, l] : levels) {
      const std::string text = std::string(R"({"schema":1,"sessions":[{"id":"x","day":1,"outcome":")") + outcome +
                               R"(","check":{"flags":[],"level":")" + level + R"("}}]})";
      Decoded d = decode_history(text);
      ASSERT_EQ(d.doc.sessions.size(), 1u) << outcome << " " << level;
      EXPECT_EQ(d.doc.sessions[0].outcome, o) << outcome;
      EXPECT_EQ(d.doc.sessions[0].check_level, l) << level;
      d.doc.sessions[0].before = 3;  // changed, so written from its fields rather than its bytes
      const std::string out = encode_history(d.doc);
      EXPECT_NE(out.find(std::string(R"("outcome":")") + outcome + "\""), std::string::npos) << out;
      EXPECT_NE(out.find(std::string(R"("level":")") + level + "\""), std::string::npos) << out;
      ++checked;
    }
  EXPECT_EQ(checked, 20);
  // A word this version does not know keeps the record as its bytes.
  for (const char* unknown : {R"("outcome":"stopped_pain")", R"("outcome":"completed","check":{"level":"severe"})"}) {
    const std::string record = std::string(R"({"id":"y","day":2,)") + unknown + "}";
    Decoded d = decode_history(R"({"schema":1,"sessions":[)" + record + "]}");
    EXPECT_TRUE(d.doc.sessions.empty()) << unknown;
    EXPECT_EQ(d.kept, 1) << unknown;
    EXPECT_NE(encode_history(d.doc).find(record), std::string::npos) << unknown;
  }
}

// The inflammatory pattern's stored result is read and written by its name;
// one this version does not know keeps the whole answer set as it was stored.
TEST(History, ThePatternResultIsReadAndWrittenByItsStoredName) {
  const std::pair<const char*, PatternResult> results[] = {{"none", PatternResult::none},
                                                           {"mention", PatternResult::mention},
                                                           {"refer", PatternResult::refer},
                                                           {"skipped", PatternResult::skipped}};
  for (const auto& [name, value] : results) {
    const std::string text = std::string(R"({"schema":1,"acks":{"inflammatory":{"asked":"2026-01-01T07:00:00Z","day":20454,"result":")") +
                             name + R"(","yes":[]}}})";
    Decoded d = decode_history(text);
    ASSERT_TRUE(d.doc.pattern) << name;
    EXPECT_EQ(d.doc.pattern->result, value) << name;
    EXPECT_NE(encode_history(d.doc).find(std::string(R"("result":")") + name + "\""), std::string::npos) << name;
  }
  const std::string future = R"({"asked":"2026-01-01T07:00:00Z","day":20454,"result":"watch","yes":[]})";
  Decoded d = decode_history(std::string(R"({"schema":1,"acks":{"inflammatory":)") + future + "}}");
  EXPECT_FALSE(d.doc.pattern);
  EXPECT_NE(encode_history(d.doc).find(future), std::string::npos);
}
