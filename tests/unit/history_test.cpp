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

TEST(History, BadFieldsAreDroppedOneByOne) {
  Decoded d = decode_history(R"({"schema":1,"sessions":[
    {"outcome":"completed","day":5,"before":"six"},
    {"outcome":"exploded","day":6},
    {"outcome":"completed"},
    7
  ],"progress":{"range":"big"},"settings":{"voice":"yes","volume":4}})");
  ASSERT_EQ(d.status, DecodeStatus::ok);
  EXPECT_EQ(d.doc.sessions.size(), 1u);
  EXPECT_FALSE(d.doc.sessions[0].before);
  EXPECT_EQ(d.dropped, 3);
  EXPECT_DOUBLE_EQ(d.doc.range, 0.6);
  EXPECT_TRUE(d.doc.settings.voice);
  EXPECT_DOUBLE_EQ(d.doc.settings.volume, 1.0);
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
