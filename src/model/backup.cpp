// Backups: the stored document saved as a file the person keeps, a file they
// pick merged back in, storage asked to last, and when Home brings them up
// (docs/architecture.md, "Backup and restore").
#include "model/model.h"

#include <cstdio>

#include "core/history/calendar.h"

namespace unfurl::model {

// The document as storage holds it, byte for byte; this tab's own changes
// that storage has not taken yet go with it, in the codec's words.
bool Model::Backup() {
  if (!can_backup()) return false;
  const bool pending = unsaved_ > 0 || outbox_.store.has_value() || stored_text_.empty();
  const std::string saved = core::iso8601(epoch_ms_);
  const std::string text = core::wrap_backup(pending ? core::encode_history(doc_) : stored_text_, saved);
  const core::CivilDate d = core::civil_from_days(today_);
  char name[48];
  std::snprintf(name, sizeof name, "unfurl-backup-%04lld-%02d-%02d.json", d.year, d.month, d.day);
  outbox_.download = Outbox::File{name, "application/json", text};
  outbox_.share = config_.can_share;
  doc_.backup_saved = saved;
  doc_.backup_day = today_;
  Save();
  return true;
}

// A file the person picked (or its text, from window.unfurl.act): merged into
// what is here, or, when it is not a backup Unfurl can read, nothing changes
// and the screen says why.
bool Model::Restore(std::string_view text) {
  if (!can_restore()) return false;
  const core::ReadBackup backup = core::read_backup(text);
  Restored r;
  r.refused = backup.refused;
  if (backup.refused == core::BackupRefusal::none) {
    doc_ = core::restore_history(doc_, backup, r.counts);
    // The settings may be the backup's: its language and routine are applied as if chosen here.
    if (!session_) ChooseLanguage();
    Save();
  }
  restored_ = r;
  return true;
}

bool Model::backup_offered() const {
  return can_restore() && core::backup_offer_due(doc_, today_, persisted_);
}

bool Model::install_hint() const {
  return config_.keep_history && !config_.embed &&
         core::install_hint_due(doc_, config_.caps.install_prompt, config_.caps.standalone);
}

bool Model::bring_history() const {
  return can_restore() && config_.caps.standalone && doc_.sessions.empty() && doc_.unreadable.empty();
}

}  // namespace unfurl::model
