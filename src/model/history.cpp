// The person's history on this device: saving and merging with other tabs,
// each session's record, what is derived from it (trend, statistics), the
// settings, and erasing everything.
#include "model/model.h"

#include "core/history/calendar.h"
#include "model/parts.h"

namespace unfurl::model {

namespace {
namespace json = core::json;
}  // namespace

const Model::DerivedHistory& Model::Derived() const {
  DerivedHistory& d = derived_;
  if (d.version == version_ && d.day == today_ && d.sessions == doc_.sessions.size()) return d;
  std::vector<core::RatedDay> days;
  days.reserve(doc_.sessions.size());
  for (const core::SessionRecord& r : doc_.sessions)
    days.push_back({r.day, r.before, r.after, r.pain == "back" || r.hurt.value_or(false)});
  d.trend = core::evaluate_trend(days, today_);
  d.stats = core::history_stats(doc_.sessions, today_);
  d.pattern_due = core::pattern_due(days, today_, doc_.pattern ? std::optional<int>(doc_.pattern->day) : std::nullopt);
  d.version = version_;
  d.day = today_;
  d.sessions = doc_.sessions.size();
  return d;
}

bool Model::review_banner() const {
  if (outcome_ && outcome_->level == core::Tier::review) return true;
  // The last check said "several weeks": keep saying so on Home until a later check does not.
  if (!doc_.sessions.empty() && doc_.sessions.back().check_level == core::Tier::review) return true;
  if (!trend().review()) return false;
  // Acknowledged advice returns after 14 days if the rule still holds.
  return !doc_.trend_ack_day || today_ - *doc_.trend_ack_day >= 14;
}

void Model::Save() {
  ++version_;  // the history changed: what is derived from it, and the screen, are out of date
  if (!config_.keep_history || read_only_) return;
  outbox_.store = core::encode_history(doc_);
}

std::string Model::MergeStored(std::string_view stored) {
  core::Decoded d = core::decode_history(stored);
  if (d.status == core::DecodeStatus::newer_schema) {
    read_only_ = true;  // another tab runs a newer Unfurl: its document is not ours to overwrite
    Notify("history.newer", "notice.history_newer");
    ++version_;
    return {};
  }
  if (d.status == core::DecodeStatus::ok) {
    stored_text_ = stored;
    doc_ = core::merge_history(base_, doc_, d.doc);
    ++version_;
  }
  // What storage holds stays the common ancestor until the shell says the
  // merged document was written: a refused write leaves this tab's new
  // sessions "new here", so the next write carries them instead of reading
  // their absence from storage as a deletion.
  base_ = d.status == core::DecodeStatus::ok ? std::move(d.doc) : core::HistoryDoc{};
  if (!session_) Personalise();
  writing_ = core::encode_history(doc_);
  return writing_;
}

void Model::WriteResult(bool ok, std::string_view reason) {
  // The shell merges, writes and reports in one go, so nothing has changed since MergeStored.
  if (ok) base_ = doc_, stored_text_ = writing_;
  Unnotify("storage.unsaved");
  unsaved_ = ok ? 0 : core::changed_sessions(base_, doc_);
  if (!ok) {
    const std::string why = reason == "full" ? "full" : "refused";
    if (unsaved_ > 0)
      Notify("storage.unsaved", text_.plural_key("notice.unsaved_" + why, unsaved_), std::to_string(unsaved_));
    else
      Notify("storage.unsaved", "notice.unsaved_changes_" + why);
  }
  ++version_;
}

void Model::RestoreUnsaved(std::string_view unsaved) {
  if (read_only_ || !config_.keep_history) return;
  core::Decoded u = core::decode_history(unsaved);
  if (u.status != core::DecodeStatus::ok) return;
  // No common ancestor is known: every session it holds counts as this tab's
  // own, and what storage gained since (another tab's sessions) is kept too.
  doc_ = core::merge_history(core::HistoryDoc{}, u.doc, doc_);
  if (!session_) Personalise();
  Save();
}

core::SessionRecord* Model::Current() {
  for (core::SessionRecord& r : doc_.sessions)
    if (!current_id_.empty() && r.id == current_id_) return &r;
  return nullptr;
}

// The record of this session or check, written as it stands now.
void Model::WriteRecord(core::Outcome outcome) {
  core::SessionRecord* r = Current();
  if (!r) {
    // The tab's own mark keeps ids apart when two tabs start in the same millisecond.
    current_id_ = "s" + std::to_string(static_cast<long long>(epoch_ms_)) + "-" + tab_ + std::to_string(next_id_++);
    doc_.sessions.emplace_back();
    r = &doc_.sessions.back();
    r->id = current_id_;
    r->started = started_iso_.empty() ? core::iso8601(epoch_ms_) : started_iso_;
    r->day = today_;
  }
  r->routine = routine_.id;
  r->ended = core::iso8601(epoch_ms_);
  r->outcome = outcome;
  if (outcome_) {
    r->check_level = outcome_->level;
    r->check_flags = outcome_->flags;
    r->check_flags.insert(r->check_flags.end(), outcome_->also.begin(), outcome_->also.end());
  }
  r->before = before_;
  r->range = range_now();
  if (session_) r->exercises = session_->exercises_done();
  if (stop_answer_) r->pain = *stop_answer_;
}

bool Model::Set(std::string_view arg) {
  const json::Document a = parse_arg(arg);
  const std::optional<std::string> named = json::string(json::member(a, "key"));
  const json::Value* v = json::member(a, "value");
  if (!named || !v) return false;
  const std::string& key = *named;
  core::Settings& s = doc_.settings;
  if (const core::ScalarSetting* d = core::find_setting(key)) {
    if (d->flag) {
      const std::optional<bool> on = json::boolean(v);
      if (!on) return false;
      s.*d->flag = *on;
    } else {
      // A whole setting takes only a number written as an integer (15, not 15.0).
      const std::optional<double> x = json::number(v);
      if (!x || (d->whole && !json::integer(v)) || *x < d->min || *x > d->max) return false;
      if (d->whole) s.*d->whole = static_cast<int>(*x); else s.*d->number = *x;
    }
    if (key == "eyes_closed" && s.eyes_closed) s.dim = true;
    if (key == "voice_rate") Replan();
  } else if (key == "lang") {
    const std::string code = json::string(v).value_or("");
    if (!has_language(code) || (session_ && !session_->finished())) return false;
    if (!at_hand_.count(code)) {
      // Chosen once its file has arrived (LanguageArrived); nothing changes before.
      chosen_ = code;
      Fetch(code);
      return true;
    }
    chosen_.clear();
    s.lang = code;
    ChooseLanguage();
  } else if (key.rfind("hold.", 0) == 0 || key.rfind("reps.", 0) == 0 || key.rfind("exercise.", 0) == 0) {
    // Per exercise, only inside the catalogue's range; a prescription is the clinic's to change.
    const std::string id = key.substr(key.find('.') + 1);
    const core::Exercise* e = base_routine_.find(id);
    if (!e || prescribed_) return false;
    if (key[0] == 'h') {
      const std::optional<double> hold = json::number(v);
      if (!hold || *hold < e->hold_range.min_s || *hold > e->hold_range.max_s) return false;
      s.holds[id] = *hold;
    } else if (key[0] == 'r') {
      const std::optional<int> reps = json::integer(v);
      if (!reps || *reps < e->reps_range.min || *reps > e->reps_range.max) return false;
      s.reps[id] = *reps;
    } else {
      const std::optional<bool> on = json::boolean(v);
      if (!on) return false;
      if (*on) s.exercises_off.erase(id);
      else if (s.exercises_off.size() + 1 < base_routine_.exercises.size()) s.exercises_off.insert(id);
      else return false;  // at least one stretch stays
    }
    Personalise();
  } else {
    return false;
  }
  // Whatever was kept verbatim for this setting (a type this version could not read) gives way to the choice.
  const std::string id = key.substr(key.find('.') + 1);
  core::forget_kept(s, key.rfind("hold.", 0) == 0 ? "holds." + id : key.rfind("reps.", 0) == 0 ? key
                       : key.rfind("exercise.", 0) == 0 ? "exercises_off" : key);
  if (key == "eyes_closed" && s.eyes_closed) core::forget_kept(s, "dim");
  Save();
  return true;
}

// "Delete all my data": asked first, with the export offered; then everything
// this device keeps for Unfurl is erased, including data kept aside as unreadable.
bool Model::DeleteData(std::string_view step) {
  if (screen_ != Screen::settings) return false;
  if (step.empty()) return !confirm_delete_ && (confirm_delete_ = true);
  if (!confirm_delete_) return false;
  confirm_delete_ = false;
  if (step == "cancel") return true;
  if (step != "confirm") return false;
  doc_ = core::HistoryDoc{};
  base_ = doc_;
  stored_text_.clear();
  unsaved_ = 0;
  Unnotify("storage.unsaved");
  current_id_.clear();
  outbox_.erase = true;
  Personalise();
  Notify("history.deleted", "notice.deleted");
  return true;
}

}  // namespace unfurl::model
