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
  if (d.version == version_ && d.day == clock_.today && d.sessions == store_.doc.sessions.size()) return d;
  std::vector<core::RatedDay> days;
  days.reserve(store_.doc.sessions.size());
  for (const core::SessionRecord& r : store_.doc.sessions)
    days.push_back({r.day, r.before, r.after, r.pain == "back" || r.hurt.value_or(false)});
  d.trend = core::evaluate_trend(days, clock_.today);
  d.stats = core::history_stats(store_.doc.sessions, clock_.today);
  d.pattern_due = core::pattern_due(days, clock_.today, store_.doc.pattern ? std::optional<int>(store_.doc.pattern->day) : std::nullopt);
  d.version = version_;
  d.day = clock_.today;
  d.sessions = store_.doc.sessions.size();
  return d;
}

bool Model::review_banner() const {
  if (check_.outcome && check_.outcome->level == core::Tier::review) return true;
  // The last check said "several weeks": keep saying so on Home until a later check does not.
  if (!store_.doc.sessions.empty() && store_.doc.sessions.back().check_level == core::Tier::review) return true;
  if (!trend().review()) return false;
  // Acknowledged advice returns after 14 days if the rule still holds.
  return !store_.doc.trend_ack_day || clock_.today - *store_.doc.trend_ack_day >= 14;
}

void Model::Save() {
  ++version_;  // the history changed: what is derived from it, and the screen, are out of date
  if (!page_.config.keep_history || store_.read_only) return;
  outbox_.store = core::encode_history(store_.doc);
}

std::string Model::MergeStored(std::string_view stored) {
  core::Decoded d = core::decode_history(stored);
  if (d.status == core::DecodeStatus::newer_schema) {
    store_.read_only = true;  // another tab runs a newer Unfurl: its document is not ours to overwrite
    Notify("history.newer", "notice.history_newer");
    ++version_;
    return {};
  }
  if (d.status == core::DecodeStatus::ok) {
    store_.stored_text = stored;
    store_.doc = core::merge_history(store_.base, store_.doc, d.doc);
    ++version_;
  }
  // What storage holds stays the common ancestor until the shell says the
  // merged document was written: a refused write leaves this tab's new
  // sessions "new here", so the next write carries them instead of reading
  // their absence from storage as a deletion.
  store_.base = d.status == core::DecodeStatus::ok ? std::move(d.doc) : core::HistoryDoc{};
  if (!run_.session) Personalise();
  store_.writing = core::encode_history(store_.doc);
  return store_.writing;
}

void Model::WriteResult(bool ok, std::string_view reason) {
  // The shell merges, writes and reports in one go, so nothing has changed since MergeStored.
  if (ok) store_.base = store_.doc, store_.stored_text = store_.writing;
  Unnotify("storage.unsaved");
  store_.unsaved = ok ? 0 : core::changed_sessions(store_.base, store_.doc);
  if (!ok) {
    const std::string why = reason == "full" ? "full" : "refused";
    if (store_.unsaved > 0)
      Notify("storage.unsaved", lang_.text.plural_key("notice.unsaved_" + why, store_.unsaved), std::to_string(store_.unsaved));
    else
      Notify("storage.unsaved", "notice.unsaved_changes_" + why);
  }
  ++version_;
}

void Model::RestoreUnsaved(std::string_view unsaved) {
  if (store_.read_only || !page_.config.keep_history) return;
  core::Decoded u = core::decode_history(unsaved);
  if (u.status != core::DecodeStatus::ok) return;
  // No common ancestor is known: every session it holds counts as this tab's
  // own, and what storage gained since (another tab's sessions) is kept too.
  store_.doc = core::merge_history(core::HistoryDoc{}, u.doc, store_.doc);
  if (!run_.session) Personalise();
  Save();
}

core::SessionRecord* Model::Current() {
  for (core::SessionRecord& r : store_.doc.sessions)
    if (!run_.current_id.empty() && r.id == run_.current_id) return &r;
  return nullptr;
}

// The record of this session or check, written as it stands now.
void Model::WriteRecord(core::Outcome outcome) {
  core::SessionRecord* r = Current();
  if (!r) {
    // The tab's own mark keeps ids apart when two tabs start in the same millisecond.
    run_.current_id = "s" + std::to_string(static_cast<long long>(clock_.epoch_ms)) + "-" + store_.tab + std::to_string(store_.next_id++);
    store_.doc.sessions.emplace_back();
    r = &store_.doc.sessions.back();
    r->id = run_.current_id;
    r->started = run_.started_iso.empty() ? core::iso8601(clock_.epoch_ms) : run_.started_iso;
    r->day = clock_.today;
  }
  r->routine = plan_.routine.id;
  r->ended = core::iso8601(clock_.epoch_ms);
  r->outcome = outcome;
  if (check_.outcome) {
    r->check_level = check_.outcome->level;
    r->check_flags = check_.outcome->flags;
    r->check_flags.insert(r->check_flags.end(), check_.outcome->also.begin(), check_.outcome->also.end());
  }
  r->before = run_.before;
  r->range = range_now();
  if (run_.session) r->exercises = run_.session->exercises_done();
  if (check_.stop_answer) r->pain = *check_.stop_answer;
}

// The settings set() takes beyond the one-value ones (core::kScalarSettings):
// the language, and the per-exercise families "<family>.<exercise id>". Each
// row names what a choice replaces of what was kept verbatim (Settings::kept):
// a path, or a prefix to which the exercise id is added.
struct Model::SettingFamily {
  std::string_view family;
  bool per_exercise;
  std::string_view kept;
  Applied (*set)(Model& m, const std::string& id, const json::Value& v);
};
const std::vector<Model::SettingFamily>& Model::SettingFamilies() {
  static const std::vector<SettingFamily> table = {
      {"lang", false, "lang",
       [](Model& m, const std::string&, const json::Value& v) { return m.SetLanguage(json::string(&v).value_or("")); }},
      {"hold", true, "holds.",
       [](Model& m, const std::string& id, const json::Value& v) {
         const core::Exercise* e = m.Adjustable(id);
         return e ? m.SetDose(id, json::number(&v), e->hold_range.min_s, e->hold_range.max_s, m.store_.doc.settings.holds)
                  : Applied::refused;
       }},
      {"reps", true, "reps.",
       [](Model& m, const std::string& id, const json::Value& v) {
         const core::Exercise* e = m.Adjustable(id);
         return e ? m.SetDose(id, json::integer(&v), e->reps_range.min, e->reps_range.max, m.store_.doc.settings.reps)
                  : Applied::refused;
       }},
      {"exercise", true, "exercises_off",
       [](Model& m, const std::string& id, const json::Value& v) { return m.SetExerciseOn(id, json::boolean(&v)); }},
  };
  return table;
}

bool Model::Set(std::string_view arg) {
  const json::Document a = parse_arg(arg);
  const std::optional<std::string> named = json::string(json::member(a, "key"));
  const json::Value* v = json::member(a, "value");
  if (!named || !v) return false;
  const std::string& key = *named;
  core::Settings& s = store_.doc.settings;
  std::string kept = key;
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
  } else {
    const size_t dot = key.find('.');
    const std::string family = key.substr(0, dot), id = dot == std::string::npos ? "" : key.substr(dot + 1);
    const SettingFamily* f = nullptr;
    for (const SettingFamily& row : SettingFamilies())
      if (row.family == family && row.per_exercise == (dot != std::string::npos)) f = &row;
    if (!f) return false;
    const Applied applied = f->set(*this, id, *v);
    if (applied != Applied::done) return applied == Applied::pending;
    kept = f->kept.back() == '.' ? std::string(f->kept) + id : std::string(f->kept);
  }
  // Whatever was kept verbatim for this setting (a type this version could not read) gives way to the choice.
  core::forget_kept(s, kept);
  if (key == "eyes_closed" && s.eyes_closed) core::forget_kept(s, "dim");
  Save();
  return true;
}

Model::Applied Model::SetLanguage(const std::string& code) {
  if (!has_language(code) || (run_.session && !run_.session->finished())) return Applied::refused;
  if (!lang_.at_hand.count(code)) {
    // Chosen once its file has arrived (LanguageArrived): nothing changes, or is saved, before.
    lang_.chosen = code;
    Fetch(code);
    return Applied::pending;
  }
  lang_.chosen.clear();
  store_.doc.settings.lang = code;
  ChooseLanguage();
  return Applied::done;
}

// Per exercise, only inside the catalogue's range; a prescription is the clinic's to change.
const core::Exercise* Model::Adjustable(const std::string& id) const {
  return plan_.prescribed ? nullptr : plan_.base_routine.find(id);
}

// A dose (a hold's seconds, a number of repetitions) within [lo, hi], the exercise's own range.
template <typename Dose>
Model::Applied Model::SetDose(const std::string& id, std::optional<Dose> v, Dose lo, Dose hi, std::map<std::string, Dose>& into) {
  if (!v || *v < lo || *v > hi) return Applied::refused;
  into[id] = *v;
  Personalise();
  return Applied::done;
}

Model::Applied Model::SetExerciseOn(const std::string& id, std::optional<bool> on) {
  std::set<std::string>& off = store_.doc.settings.exercises_off;
  if (!Adjustable(id) || !on) return Applied::refused;
  if (*on) off.erase(id);
  else if (off.size() + 1 < plan_.base_routine.exercises.size()) off.insert(id);
  else return Applied::refused;  // at least one stretch stays
  Personalise();
  return Applied::done;
}

// "Delete all my data": asked first, with the export offered; then everything
// this device keeps for Unfurl is erased, including data kept aside as unreadable.
bool Model::DeleteData(std::string_view step) {
  if (view_.screen != Screen::settings) return false;
  if (step.empty()) return !store_.confirm_delete && (store_.confirm_delete = true);
  if (!store_.confirm_delete) return false;
  store_.confirm_delete = false;
  if (step == "cancel") return true;
  if (step != "confirm") return false;
  store_.doc = core::HistoryDoc{};
  store_.base = store_.doc;
  store_.stored_text.clear();
  store_.unsaved = 0;
  Unnotify("storage.unsaved");
  run_.current_id.clear();
  outbox_.erase = true;
  Personalise();
  Notify("history.deleted", "notice.deleted");
  return true;
}

}  // namespace unfurl::model
