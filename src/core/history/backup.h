// Backups of the stored history (docs/architecture.md, "Backup and restore"):
// the stored document itself, byte for byte, wrapped with what it is; read
// back through the same codec, and merged into what is here — never in its
// place. And the rules for when Home offers one.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/history/history.h"

namespace unfurl::core {

// The version a backup names as the app that saved it ("app").
inline constexpr std::string_view kAppVersion = "1.0";
// The wrapper's own format ("unfurl_backup"): a later one is refused as newer.
inline constexpr int kBackupFormat = 1;

// {"unfurl_backup":1,"saved":<saved>,"app":<app>,"document":<document>}, the
// document's bytes placed as they are. `document` must be one JSON value (the
// stored text, which storage only takes once it has been read as one).
std::string wrap_backup(std::string_view document, std::string_view saved_iso, std::string_view app = kAppVersion);

// Why a file is not restored; none when it was.
enum class BackupRefusal { none, not_json, not_backup, damaged, newer };
std::string_view refusal_name(BackupRefusal r);  // not-json | not-backup | damaged | newer

struct ReadBackup {
  BackupRefusal refused = BackupRefusal::none;
  HistoryDoc doc;        // the document, read by the history codec
  std::string document;  // its exact bytes
  std::string saved;     // when it was saved (ISO 8601), as the file says
};
ReadBackup read_backup(std::string_view text);

// What a restore did: sessions the backup brought that were not here, and
// those already here (by id; a record this version cannot read, by its bytes).
struct RestoreCounts {
  int added = 0, present = 0;
};

// `here` with the backup merged in: every session here stays as it is, the
// backup's other sessions (and the records it kept unread) are added after
// them, unknown members either side are kept (here's where both have one),
// and the settings and range of whichever document is newer win: a document
// is as new as its latest session, or, for the backup, as the time it was
// saved when that is later. Answers to questions keep the later of the two.
HistoryDoc restore_history(const HistoryDoc& here, const ReadBackup& backup, RestoreCounts& counts);

// Home's monthly offer of a backup: where the browser may clear storage
// (persisted is not a yes), once there are at least 10 completed sessions, no
// backup was saved in the last 30 days, and the offer was not put aside in
// the last 30 days.
inline constexpr int kBackupOfferSessions = 10, kBackupOfferDays = 30;
bool backup_offer_due(const HistoryDoc& doc, int today, std::optional<bool> persisted);

// The steps to the Home Screen, said once after the third completed session,
// where the browser has no install prompt and the page is not installed.
inline constexpr int kInstallHintSessions = 3;
bool install_hint_due(const HistoryDoc& doc, bool install_prompt, bool standalone);

}  // namespace unfurl::core
