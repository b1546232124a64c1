#include "core/history/export.h"

#include <algorithm>
#include <cstdio>

#include "core/history/calendar.h"

namespace unfurl::core {

namespace {
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}
std::string number(std::optional<int> v) { return v ? std::to_string(*v) : std::string(); }
}  // namespace

std::string sessions_csv(const HistoryDoc& doc, const Catalogue& text) {
  std::string out = text.get("csv.header");
  out += "\r\n";
  for (const SessionRecord& r : doc.sessions) {
    const std::vector<std::string> row = {
        r.started.substr(0, 10), r.started, r.ended, std::string(outcome_name(r.outcome)), std::string(tier_name(r.check_level)), join(r.check_flags),
        number(r.before), number(r.after), r.hurt ? std::string(text.get(*r.hurt ? "csv.yes" : "csv.no")) : "", r.pain,
        std::to_string(static_cast<int>(r.range * 100 + 0.5)), join(r.exercises), r.withdrawn};
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + field(row[i]);
    out += "\r\n";
  }
  return out;
}

namespace {
// RFC 5545 text: backslash, semicolon and comma escaped, newlines as \n.
std::string ics_text(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') o += '\\';
    if (c == '\n') { o += "\\n"; continue; }
    o += c;
  }
  return o;
}

// Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character.
std::string ics_line(const std::string& line) {
  std::string o;
  size_t col = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const bool continuation = (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
    if (col >= 74 && !continuation) { o += "\r\n "; col = 1; }
    o += line[i];
    ++col;
  }
  return o + "\r\n";
}
}  // namespace

std::string reminder_ics(int minute_of_day, int first_day, double now_ms, std::string_view uid,
                         std::string_view app_url, const Catalogue& text) {
  const CivilDate d = civil_from_days(first_day);
  char start[32];
  std::snprintf(start, sizeof start, "%04lld%02d%02dT%02d%02d00", d.year, d.month, d.day, minute_of_day / 60,
                minute_of_day % 60);
  std::string stamp = iso8601(now_ms);  // 2026-11-22T07:31:05Z → 20261122T073105Z
  stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == '-' || c == ':'; }), stamp.end());
  const std::string description = app_url.empty() ? text.get("ics.description")
                                                  : fill(text.get("ics.description_link"), app_url);
  std::string o;
  for (const std::string& line : {
           std::string("BEGIN:VCALENDAR"), std::string("VERSION:2.0"), std::string("PRODID:-//Unfurl//Morning reminder//EN"),
           std::string("CALSCALE:GREGORIAN"), std::string("BEGIN:VEVENT"), "UID:" + std::string(uid), "DTSTAMP:" + stamp,
           std::string("DTSTART:") + start, std::string("DURATION:PT15M"), std::string("RRULE:FREQ=DAILY"),
           "SUMMARY:" + ics_text(text.get("ics.summary")), "DESCRIPTION:" + ics_text(description)})
    o += ics_line(line);
  if (!app_url.empty()) o += ics_line("URL:" + std::string(app_url));
  for (const std::string& line : {std::string("BEGIN:VALARM"), std::string("ACTION:DISPLAY"), std::string("TRIGGER:PT0M"),
                                  "DESCRIPTION:" + ics_text(text.get("ics.summary")), std::string("END:VALARM"),
                                  std::string("END:VEVENT"), std::string("END:VCALENDAR")})
    o += ics_line(line);
  return o;
}

}  // namespace unfurl::core
