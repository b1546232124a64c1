// Settings, all saved as soon as they change: sound and voice, the routine
// (each exercise on or off, its hold and repetitions inside docs/clinical.md's
// ranges), how it looks, and "Delete all my data" — asked first, with the
// export offered before anything is lost.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

namespace {

// act("set", {key, value}).
template <typename T>
std::string SetArg(const std::string& key, const T& value) {
  core::json::Writer arg;
  return arg.begin_object().field("key", key).field("value", value).end_object().text();
}

void Toggle(Panel& f, const std::string& key, const char* label, bool value) {
  CheckRow(f, ("set-" + key).c_str(), label, value, "set", SetArg(key, !value));
}

// "Hold: 25 s   [−] [+]": a value and two large buttons, each a step inside the range.
void Stepper(Panel& f, const std::string& key, const std::string& label, double value, double step, double lo,
             double hi, double scale = 1) {
  const model::Model& m = f.model;
  const float button = 56;
  const float text_w = ImGui::GetContentRegionAvail().x / f.dpr - 2 * button - 16;
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + f.px(text_w));
  Text(f, f.fonts.body, f.colors().text, label.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - f.px(2 * button + 8));
  // A whole number is written as one (25, not 25.0): a whole setting takes no other.
  auto set_to = [&](double v) {
    v = std::round(v / scale * 100) / 100 * scale;
    return v == std::floor(v) ? SetArg(key, static_cast<long long>(v)) : SetArg(key, v);
  };
  const double less = std::max(lo, value - step), more = std::min(hi, value + step);
  ActionButton(f, ("less-" + key).c_str(), (std::string(m.T("settings.less")) + "##" + key).c_str(), Kind::secondary,
               "set", set_to(less), button, value > lo + 1e-9);
  f.widgets.NameLast(Fill(m.T("settings.less_named"), {label}));
  ImGui::SameLine(0, f.px(8));
  ActionButton(f, ("more-" + key).c_str(), (std::string(m.T("settings.more")) + "##" + key).c_str(), Kind::secondary,
               "set", set_to(more), button, value < hi - 1e-9);
  f.widgets.NameLast(Fill(m.T("settings.more_named"), {label}));
}

// A setting from the one table (core::kScalarSettings): a toggle, or a stepper
// over its range in its steps; label takes the value as the screen shows it.
void Setting(Panel& f, std::string_view key, const char* label) {
  const core::ScalarSetting& d = *core::find_setting(key);
  const core::Settings& s = f.model.settings();
  const std::string k(key);
  if (d.flag) return Toggle(f, k, label, s.*d.flag);
  const double value = d.number ? s.*d.number : s.*d.whole;
  // The last whole step inside the range: a quarter hour before midnight, not a minute.
  const double hi = d.min + std::floor((d.max - d.min) / d.step + 1e-9) * d.step;
  Stepper(f, k, label, value, d.step, d.min, hi);
}

void DeleteConfirmation(Panel& f) {
  const model::Model& m = f.model;
  Text(f, f.fonts.body, f.colors().stop, m.T("settings.delete_confirm"));
  if (!m.doc().sessions.empty())
    ActionButton(f, "delete-export", m.T("settings.delete_export"), Kind::secondary, "export", core::json::quoted("csv"));
  ActionButton(f, "delete-confirm", m.T("settings.delete_yes"), Kind::stop, "delete-data", core::json::quoted("confirm"));
  ActionButton(f, "delete-cancel", m.T("settings.delete_no"), Kind::primary, "delete-data", core::json::quoted("cancel"));
}

// Whether this browser may clear the history, in one line, and the backup that keeps it anyway.
void BackupSection(Panel& f) {
  const model::Model& m = f.model;
  if (!m.can_backup()) return;  // history=0: nothing is kept, so nothing to save or bring back
  Text(f, f.fonts.title, f.colors().text, m.T("backup.title"));
  const std::optional<bool> kept = m.persisted();
  // The installed app's storage is its own, apart from the browser's: no advice to install what is installed.
  const char* line = kept.value_or(false)         ? "backup.storage_kept"
                     : m.config().caps.standalone ? "backup.storage_app"
                     : !kept                      ? "backup.storage_unknown"
                                                  : "backup.storage_may_clear";
  Caption(f, m.T(line));
  const std::string& last = m.doc().backup_saved;
  Caption(f, last.empty() ? m.T("backup.never") : Fill(m.T("backup.last"), {m.text().date(last)}));
  ActionButton(f, "backup", m.T("backup.save"), Kind::secondary, "backup");
  if (m.can_restore()) RestoreButton(f, "restore", m.T("backup.restore"));
  RestoreResult(f);
}

// Each language named in itself, so someone who cannot read the current one still finds theirs.
// Two to a line where a name fits in half the width, so eight languages do
// not push the voice and sound settings off a phone's first screen.
void Languages(Panel& f) {
  const model::Model& m = f.model;
  const char* caption = m.T("settings.language");
  Caption(f, caption);
  const std::vector<model::Model::Language>& langs = m.languages();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  float widest = 0;
  for (const model::Model::Language& l : langs)
    widest = std::max(widest, f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, 0, l.name.c_str()).x);
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const bool pairs = widest + f.px(14 * 2 + 22 + 12) <= half;
  for (size_t i = 0; i < langs.size(); ++i) {
    const model::Model::Language& l = langs[i];
    if (pairs && i % 2 == 1) ImGui::SameLine();
    RadioRow(f, ("lang-" + l.code).c_str(), l.name.c_str(), l.code == m.config().lang, caption, "set",
             SetArg("lang", l.code), pairs ? half / f.dpr : 0);
  }
}

void Sound(Panel& f) {
  const model::Model& m = f.model;
  const core::Settings& s = m.settings();
  Setting(f, "voice", m.T("settings.voice"));
  Setting(f, "voice_rate", Fill(m.T("settings.voice_rate"), {std::to_string(std::lround(s.voice_rate * 100))}));
  Setting(f, "tones", m.T("settings.tones"));
  Setting(f, "volume", Fill(m.T("settings.volume"), {std::to_string(std::lround(s.volume * 100))}));
  // Only where the browser can vibrate (WebKit and Firefox cannot): a switch that does nothing is not offered.
  if (m.config().caps.vibrate) Setting(f, "vibration", m.T("settings.vibration"));
}

// Each exercise on or off, and its hold and repetitions where its range
// leaves a choice; a clinic's routine only named.
void Exercises(Panel& f) {
  const model::Model& m = f.model;
  Text(f, f.fonts.title, f.colors().text, m.T("settings.routine"));
  if (m.prescribed()) Caption(f, m.T("settings.prescribed"));
  for (const core::Exercise& e : m.base_routine().exercises) {
    if (m.prescribed()) { Caption(f, e.name.c_str()); continue; }
    const bool on = !m.settings().exercises_off.count(e.id);
    Toggle(f, "exercise." + e.id, Fill(m.T("settings.exercise_on"), {e.name}), on);
    if (!on) continue;
    const core::Exercise* now = m.routine().find(e.id);
    if (e.hold_range.max_s > e.hold_range.min_s)
      Stepper(f, "hold." + e.id, Fill(m.T("settings.hold"), {std::to_string(static_cast<int>(now->hold_s))}), now->hold_s, 1,
              e.hold_range.min_s, e.hold_range.max_s);
    if (e.reps_range.max > e.reps_range.min)
      Stepper(f, "reps." + e.id, Fill(m.T("settings.reps"), {std::to_string(now->reps)}), now->reps, 1, e.reps_range.min, e.reps_range.max);
  }
}

// The morning reminder: a time in quarter hours, then a calendar file with a daily alarm.
void Reminder(Panel& f) {
  const model::Model& m = f.model;
  const int at = m.settings().reminder_min;
  Setting(f, "reminder_min", Fill(m.T("settings.reminder_time"), {Format("%02d:%02d", at / 60, at % 60)}));
  ActionButton(f, "reminder", m.T("settings.reminder_add"), Kind::secondary, "export", core::json::quoted("ics"));
}

}  // namespace

void SettingsScreen(Panel& f) {
  const model::Model& m = f.model;
  Text(f, f.fonts.title, f.colors().text, m.T("settings.title"));
  Notices(f);
  if (m.confirm_delete()) return DeleteConfirmation(f);
  Languages(f);
  Sound(f);
  Setting(f, "soft_mattress", m.T("settings.soft_mattress"));
  Exercises(f);
  Reminder(f);
  Setting(f, "text_size", Fill(m.T("settings.text_size"), {std::to_string(std::lround(m.settings().text_size * 100))}));
  Setting(f, "dim", m.T("settings.dim"));
  Setting(f, "eyes_closed", m.T("settings.eyes_closed"));
  BackupSection(f);
  ActionButton(f, "screening-again", m.T("settings.screening"), Kind::secondary, "screening");
  ActionButton(f, "delete-data", m.T("settings.delete"), Kind::stop, "delete-data");
  ActionButton(f, "open-about", m.T("about.title"), Kind::secondary, "open", core::json::quoted("about"));
  ActionButton(f, "home", m.T("common.home"), Kind::secondary, "open", core::json::quoted("home"));
}

}  // namespace unfurl::ui
