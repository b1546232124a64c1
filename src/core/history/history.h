// The stored history document (localStorage "unfurl:v1"), as docs/architecture.md
// defines it, and what Home and History compute from it.
//
// Never lose a byte: a session record this version cannot read (an outcome
// from a newer Unfurl, a field of the wrong type) is kept as the exact text it
// was stored as and written back in its place; fields it has no use for are
// kept verbatim beside the ones it knows; a record it has not changed is
// written back byte for byte. Every write merges with what is stored at that
// moment (merge_history), so two tabs never overwrite each other's sessions.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/names.h"
#include "core/raw_json.h"
#include "core/routine/speech.h"
#include "core/triage/pattern.h"
#include "core/triage/tier.h"

namespace unfurl::core {

constexpr int kSchema = 1;

// How a session (or a check that stopped it) ended, as stored in "outcome".
// A record whose outcome this version does not know is kept verbatim, unread.
enum class Outcome { completed, stopped_pain, abandoned, blocked };
inline constexpr Named<Outcome> kOutcomeNames[] = {{Outcome::completed, "completed"},
                                                   {Outcome::stopped_pain, "stopped-pain"},
                                                   {Outcome::abandoned, "abandoned"},
                                                   {Outcome::blocked, "blocked"}};
constexpr std::string_view outcome_name(Outcome o) { return name_in(kOutcomeNames, o); }

struct SessionRecord {
  std::string id, routine;
  std::string started, ended;      // ISO 8601, from the device clock
  int day = 0;                     // local days since 1970-01-01, for streaks and trends
  Outcome outcome = Outcome::completed;
  Tier check_level = Tier::none;   // the check's result before it; a level this version does not know keeps the record unread
  std::vector<std::string> check_flags;
  std::optional<int> before, after;  // stiffness 0–10
  std::optional<bool> hurt;
  std::string pain;                // the stop answer: leg | back
  std::string withdrawn;           // ISO 8601: a block answered by mistake, withdrawn then
  double range = 0.6;
  std::vector<std::string> exercises;

  std::vector<RawMember> extra;    // fields this version has no use for, verbatim
  std::string raw;                 // the text it was read from: written back while unchanged
  std::string raw_known;           // its known fields as read, to tell whether they changed
};

// A record this version cannot read, kept as it was stored, and where it stood
// (after this many readable records).
struct KeptRecord {
  size_t position = 0;
  std::string raw;
  bool operator==(const KeptRecord&) const = default;
};

struct Settings {
  bool voice = true, tones = true, vibration = true;
  double voice_rate = kVoiceRateDefault, volume = 0.5;
  bool dim = true, eyes_closed = false, soft_mattress = false;
  double text_size = 1.0;                  // 1–2: the person's text size
  int reminder_min = 7 * 60 + 30;          // the morning reminder's local time, minutes after midnight
  std::string lang;                        // the person's chosen language; "" follows the page and the browser
  std::map<std::string, double> holds;     // exercise id → hold seconds, within docs/clinical.md's range
  std::map<std::string, int> reps;         // exercise id → repetitions, within its range
  std::set<std::string> exercises_off;     // left out of the routine (the check and the order stay)
  // Known settings stored with a type this version cannot read ("voice_rate": "fast"), keyed
  // by their path ("voice_rate", "holds.knee_to_chest"): written back verbatim in their place
  // until the person changes that setting (forget_kept); the default is used meanwhile.
  std::vector<RawMember> kept;
  bool operator==(const Settings&) const = default;
};

// Every setting that is one value, defined once: its key (in the stored
// document, in set() and in state()), its member, and for numbers the range
// accepted from the person (outside it, refused), read from storage (clamped
// into it) and stepped through on the Settings screen. The language and the
// per-exercise doses, whose ranges are the routine's, are read on their own.
struct ScalarSetting {
  std::string_view key;
  bool Settings::*flag = nullptr;      // a yes or no, or
  double Settings::*number = nullptr;  // a number, or
  int Settings::*whole = nullptr;      // a whole number
  double min = 0, max = 0, step = 0;
};
inline constexpr ScalarSetting kScalarSettings[] = {
    {"voice", &Settings::voice, nullptr, nullptr, 0, 0, 0},
    {"tones", &Settings::tones, nullptr, nullptr, 0, 0, 0},
    {"vibration", &Settings::vibration, nullptr, nullptr, 0, 0, 0},
    {"dim", &Settings::dim, nullptr, nullptr, 0, 0, 0},
    {"eyes_closed", &Settings::eyes_closed, nullptr, nullptr, 0, 0, 0},
    {"soft_mattress", &Settings::soft_mattress, nullptr, nullptr, 0, 0, 0},
    {"voice_rate", nullptr, &Settings::voice_rate, nullptr, kVoiceRateMin, kVoiceRateMax, 0.1},
    {"volume", nullptr, &Settings::volume, nullptr, 0, 1, 0.1},
    {"text_size", nullptr, &Settings::text_size, nullptr, 1, 2, 0.25},
    {"reminder_min", nullptr, nullptr, &Settings::reminder_min, 0, 24 * 60 - 1, 15},  // a quarter hour a step
};
const ScalarSetting* find_setting(std::string_view key);

// A set of yes/no questions answered on a day, kept under "acks": the
// one-time history screen (acks.history) and the inflammatory-pattern
// questions (acks.inflammatory). `yes` holds the ids answered yes; the rest
// were answered no.
struct Answered {
  std::string asked;               // ISO 8601
  int day = 0;                     // local days since 1970-01-01, for "again after six months"
  std::vector<std::string> yes;
  std::optional<PatternResult> result;  // the inflammatory pattern's; none for the one-time questions
  std::string cleared;             // ISO 8601: a doctor or physiotherapist said the stretches are fine
  std::vector<RawMember> extra;    // fields from a newer Unfurl, verbatim
  bool operator==(const Answered&) const = default;
};

struct HistoryDoc {
  std::vector<SessionRecord> sessions;
  std::vector<KeptRecord> unreadable;
  double range = 0.6;
  Settings settings;
  bool intro_ack = false;
  std::optional<int> trend_ack_day;
  std::optional<Answered> screening, pattern;  // acks.history, acks.inflammatory
  // Backups (docs/architecture.md, "Backup and restore"): when the last one was
  // saved (acks.backup_saved, ISO 8601, and acks.backup_day), the day Home's
  // monthly offer was last put aside (acks.backup_offer_day), the day the
  // browser was asked to keep storage (acks.persist_day), and whether the
  // steps to the Home Screen have been read (acks.install).
  std::string backup_saved;
  std::optional<int> backup_day, backup_offer_day, persist_day;
  bool install_ack = false;
  // Unknown members of the document and of its objects, verbatim.
  std::vector<RawMember> extra, progress_extra, settings_extra, acks_extra;
  // Known values stored with a type or a size this version cannot keep
  // ("progress.range", "acks.intro", "acks.trend_day"), keyed by their path:
  // each is written back verbatim for as long as the value read in its place
  // (the default, or the nearest within range) stands.
  std::vector<RawMember> kept;
};

// The person changed a setting: what was kept verbatim for it gives way. `path`
// names it as Settings::kept does; "holds" also drops every "holds.<id>".
void forget_kept(Settings& s, std::string_view path);

enum class DecodeStatus { empty, ok, unreadable, newer_schema };

struct Decoded {
  HistoryDoc doc;
  DecodeStatus status = DecodeStatus::empty;
  int kept = 0;  // session records kept unread (shown to nobody, lost by nobody)
};

Decoded decode_history(std::string_view text);
std::string encode_history(const HistoryDoc& doc);
// The smallest document the codec reads as current and empty ({"schema":1}):
// what is stored once another tab removed the document ("delete all my
// data"), merged as such (the shell knows no schema: src/platform/web/bridge.cpp, unfurl_removed).
std::string empty_history();

// Three-way merge by session id: `base` is what this tab last read or wrote,
// `mine` what it holds now, `stored` what is in storage at this moment. What
// this tab changed since base wins; everything else comes from stored — so
// sessions another tab added or changed are kept, and nothing is duplicated.
HistoryDoc merge_history(const HistoryDoc& base, const HistoryDoc& mine, const HistoryDoc& stored);

// Sessions of `mine` that `stored` lacks or holds in another version: what
// writing `mine` over `stored` would add or change.
int changed_sessions(const HistoryDoc& stored, const HistoryDoc& mine);

// A block (docs/clinical.md): blocked by the check at a tier that blocks, or
// stopped with leg symptoms.
bool is_block(const SessionRecord& r);

// A block is remembered for the rest of its day: the latest of today's blocks
// that has not been withdrawn. Null when nothing stands in the way.
const SessionRecord* standing_block(const std::vector<SessionRecord>& sessions, int today);

// Consecutive days with a completed session, ending today or yesterday.
int streak_days(const std::vector<SessionRecord>& sessions, int today);

struct HistoryStats {
  int sessions = 0, completed = 0;
  int current_streak = 0, best_streak = 0;  // calendar days in the user's time zone
  double per_week = 0;                      // completed sessions a week, over the last four weeks
  std::optional<double> average_change;     // mean of after − before, where both were given
};
HistoryStats history_stats(const std::vector<SessionRecord>& sessions, int today);

}  // namespace unfurl::core
