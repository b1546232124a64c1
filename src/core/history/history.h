// The stored history document (localStorage "unfurl:v1"), as ARCHITECTURE.md
// defines it. Decoding is tolerant: a bad field is dropped, never the whole
// document, and anything the app does not understand is reported, not erased.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unfurl::core {

constexpr int kSchema = 1;

struct SessionRecord {
  std::string id, routine;
  std::string started, ended;      // ISO 8601, from the device clock
  int day = 0;                     // local days since 1970-01-01, for streaks and trends
  std::string outcome;             // completed | stopped-pain | abandoned | blocked
  std::string check_level = "none";
  std::vector<std::string> check_flags;
  std::optional<int> before, after;  // stiffness 0–10
  std::optional<bool> hurt;
  std::string pain;                // the stop answer: leg | back
  std::string withdrawn;           // ISO 8601: a block answered by mistake, withdrawn then
  double range = 0.6;
  std::vector<std::string> exercises;
};

struct Settings {
  bool voice = true, tones = true, vibration = true;
  double voice_rate = 0.9, volume = 0.5;
  bool dim = true, eyes_closed = false, soft_mattress = false;
};

struct HistoryDoc {
  std::vector<SessionRecord> sessions;
  double range = 0.6;
  Settings settings;
  bool intro_ack = false;
  std::optional<int> trend_ack_day;
};

enum class DecodeStatus { empty, ok, unreadable, newer_schema };

struct Decoded {
  HistoryDoc doc;
  DecodeStatus status = DecodeStatus::empty;
  int dropped = 0;  // sessions skipped for bad data
};

Decoded decode_history(std::string_view text);
std::string encode_history(const HistoryDoc& doc);

// A block is remembered for the rest of its day (CLINICAL.md): the latest of
// today's sessions that was blocked by the check, or stopped with leg
// symptoms, and has not been withdrawn. Null when nothing stands in the way.
const SessionRecord* standing_block(const std::vector<SessionRecord>& sessions, int today);

// Consecutive days with a completed session, ending today or yesterday.
int streak_days(const std::vector<SessionRecord>& sessions, int today);

}  // namespace unfurl::core
