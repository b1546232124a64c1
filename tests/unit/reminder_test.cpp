// The morning reminder's calendar file (RFC 5545), as calendar apps read it.
#include <gtest/gtest.h>

#include <sstream>

#include "core/history/export.h"

using namespace unfurl::core;

namespace {
constexpr double kNow = 1795330800000;  // 2026-11-22T07:00:00Z
constexpr int kTomorrow = 20780;        // 2026-11-23, local days since 1970-01-01
}  // namespace

TEST(Reminder, DailyAtTheChosenLocalTimeWithAnAlarmAndALinkBack) {
  const std::string ics = reminder_ics(7 * 60 + 45, kTomorrow, kNow, "abc@unfurl", "https://unfurl.example/app/", english());
  EXPECT_NE(ics.find("BEGIN:VCALENDAR\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nRRULE:FREQ=DAILY\r\n"), std::string::npos);
  // Floating local time: no "Z", no zone — 07:45 wherever the person is.
  EXPECT_NE(ics.find("\r\nDTSTART:20261123T074500\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("\r\nDTSTAMP:20261122T070000Z\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT0M\r\n"), std::string::npos);
  EXPECT_NE(ics.find("\r\nURL:https://unfurl.example/app/\r\n"), std::string::npos);
  EXPECT_NE(ics.find("UID:abc@unfurl\r\n"), std::string::npos);
  EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
}

TEST(Reminder, LinesAreFoldedAndTextEscaped) {
  const std::string ics = reminder_ics(0, kTomorrow, kNow, "u", "https://unfurl.example/a,b;c/", english());
  EXPECT_NE(ics.find("DTSTART:20261123T000000"), std::string::npos);
  std::istringstream lines(ics);
  std::string line;
  while (std::getline(lines, line)) {
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.back(), '\r') << "every line ends in CRLF";
    EXPECT_LE(line.size() - 1, 75u) << line;
  }
  // In the description the link's comma and semicolon are escaped; the URL property keeps them.
  std::string unfolded = ics;
  for (size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  EXPECT_NE(unfolded.find("a\\,b\\;c/"), std::string::npos) << unfolded;
  EXPECT_NE(unfolded.find("URL:https://unfurl.example/a,b;c/"), std::string::npos);
}

TEST(Reminder, WithoutAnAddressThereIsNoLink) {
  const std::string ics = reminder_ics(450, kTomorrow, kNow, "u", "", english());
  EXPECT_EQ(ics.find("URL:"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART:20261123T073000"), std::string::npos);
}
