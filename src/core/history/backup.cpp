#include "core/history/backup.h"

#include "core/json.h"  // first: it sets how RapidJSON checks itself

#include <algorithm>
#include <set>

namespace unfurl::core {

namespace {
const std::string& key_of(const SessionRecord& r) { return r.id.empty() ? r.raw : r.id; }

// ISO 8601 stamps in UTC ("…Z"), as the codec writes them, order as text.
std::string latest(const HistoryDoc& doc) {
  std::string at;
  for (const SessionRecord& r : doc.sessions) at = std::max({at, r.started, r.ended});
  return at;
}

int completed(const HistoryDoc& doc) {
  return static_cast<int>(std::count_if(doc.sessions.begin(), doc.sessions.end(),
                                        [](const SessionRecord& r) { return r.outcome == Outcome::completed; }));
}

// Members only the backup has are added; where both have one, here's stays.
void add_missing(std::vector<RawMember>& here, const std::vector<RawMember>& backup) {
  for (const RawMember& m : backup)
    if (std::none_of(here.begin(), here.end(), [&](const RawMember& h) { return h.key == m.key; })) here.push_back(m);
}

std::optional<int> later(std::optional<int> a, std::optional<int> b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}
}  // namespace

std::string wrap_backup(std::string_view document, std::string_view saved_iso, std::string_view app) {
  json::Writer w;
  w.begin_object().field("unfurl_backup", kBackupFormat).field("saved", saved_iso).field("app", app);
  w.key("document").raw(document);
  return w.end_object().text();
}

std::string_view refusal_name(BackupRefusal r) {
  switch (r) {
    case BackupRefusal::none: return "";
    case BackupRefusal::not_json: return "not-json";
    case BackupRefusal::not_backup: return "not-backup";
    case BackupRefusal::damaged: return "damaged";
    case BackupRefusal::newer: return "newer";
  }
  return "";
}

ReadBackup read_backup(std::string_view text) {
  ReadBackup out;
  const std::optional<json::Document> file = json::parse(text);
  if (!file) return out.refused = BackupRefusal::not_json, out;
  const std::optional<double> format = json::number(json::member(*file, "unfurl_backup"));
  if (!format || *format < kBackupFormat) return out.refused = BackupRefusal::not_backup, out;
  if (*format > kBackupFormat) return out.refused = BackupRefusal::newer, out;
  out.saved = json::string(json::member(*file, "saved")).value_or("");
  // The document's own bytes, from the same reader that read the file: the first member of the name, as member() finds it.
  for (const RawMember& m : raw_members(text).value_or(std::vector<RawMember>{}))
    if (m.key == "document") { out.document = m.raw; break; }
  if (!json::is_object(json::member(*file, "document"))) return out.refused = BackupRefusal::damaged, out;
  Decoded d = decode_history(out.document);
  if (d.status == DecodeStatus::newer_schema) return out.refused = BackupRefusal::newer, out;
  if (d.status != DecodeStatus::ok) return out.refused = BackupRefusal::damaged, out;
  out.doc = std::move(d.doc);
  return out;
}

HistoryDoc restore_history(const HistoryDoc& here, const ReadBackup& backup, RestoreCounts& counts) {
  const HistoryDoc& from = backup.doc;
  HistoryDoc out = here;
  std::set<std::string> known;
  for (const SessionRecord& r : here.sessions) known.insert(key_of(r));
  for (const SessionRecord& r : from.sessions) {
    if (!known.insert(key_of(r)).second) { ++counts.present; continue; }
    out.sessions.push_back(r);
    ++counts.added;
  }
  // Records neither version could read are told apart by their bytes, and kept
  // after every readable one (so the list stays in the codec's order of positions).
  for (const KeptRecord& k : from.unreadable) {
    const bool there = std::any_of(out.unreadable.begin(), out.unreadable.end(), [&](const KeptRecord& h) { return h.raw == k.raw; });
    if (there) { ++counts.present; continue; }
    out.unreadable.push_back({out.sessions.size(), k.raw});
    ++counts.added;
  }

  const bool backup_newer = std::max(latest(from), backup.saved) > latest(here);
  if (backup_newer) {
    out.settings = from.settings;
    out.range = from.range;
  }
  add_missing(out.extra, from.extra);
  add_missing(out.progress_extra, from.progress_extra);
  add_missing(out.settings_extra, from.settings_extra);
  add_missing(out.acks_extra, from.acks_extra);

  out.intro_ack = here.intro_ack || from.intro_ack;
  out.trend_ack_day = later(here.trend_ack_day, from.trend_ack_day);
  auto later_answer = [](const std::optional<Answered>& a, const std::optional<Answered>& b) {
    if (!a) return b;
    if (!b) return a;
    return b->asked > a->asked ? b : a;
  };
  out.screening = later_answer(here.screening, from.screening);
  out.pattern = later_answer(here.pattern, from.pattern);
  if (from.backup_saved > here.backup_saved) {
    out.backup_saved = from.backup_saved;
    out.backup_day = from.backup_day;
  }
  out.backup_offer_day = later(here.backup_offer_day, from.backup_offer_day);
  // Whether this browser was asked to keep storage, and whether it was told how to install, stay this browser's own.
  return out;
}

bool backup_offer_due(const HistoryDoc& doc, int today, std::optional<bool> persisted) {
  if (persisted.value_or(false) || completed(doc) < kBackupOfferSessions) return false;
  if (doc.backup_day && today - *doc.backup_day < kBackupOfferDays) return false;
  return !doc.backup_offer_day || today - *doc.backup_offer_day >= kBackupOfferDays;
}

bool install_hint_due(const HistoryDoc& doc, bool install_prompt, bool standalone) {
  return !install_prompt && !standalone && !doc.install_ack && completed(doc) >= kInstallHintSessions;
}

}  // namespace unfurl::core
