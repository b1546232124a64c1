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
  const bool pending = store_.unsaved > 0 || outbox_.store.has_value() || store_.stored_text.empty();
  const std::string saved = core::iso8601(clock_.epoch_ms);
  const std::string text = core::wrap_backup(pending ? core::encode_history(store_.doc) : store_.stored_text, saved);
  const core::CivilDate d = core::civil_from_days(clock_.today);
  char name[48];
  std::snprintf(name, sizeof name, "unfurl-backup-%04lld-%02d-%02d.json", d.year, d.month, d.day);
  outbox_.download = Outbox::File{name, "application/json", text};
  outbox_.share = page_.config.can_share;
  store_.doc.backup_saved = saved;
  store_.doc.backup_day = clock_.today;
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
    store_.doc = core::restore_history(store_.doc, backup, r.counts);
    // The settings may be the backup's: its language and routine are applied as if chosen here.
    if (!run_.session) ChooseLanguage();
    Save();
  }
  store_.restored = r;
  return true;
}

bool Model::backup_offered() const {
  return can_restore() && core::backup_offer_due(store_.doc, clock_.today, store_.persisted);
}

bool Model::install_hint() const {
  return page_.config.keep_history && !page_.config.embed &&
         core::install_hint_due(store_.doc, page_.config.caps.install_prompt, page_.config.caps.standalone);
}

bool Model::bring_history() const {
  return can_restore() && page_.config.caps.standalone && store_.doc.sessions.empty() && store_.doc.unreadable.empty();
}

}  // namespace unfurl::model
