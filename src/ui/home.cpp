// Home: today's routine and one big Start. The first visit adds what the
// routine is for and what it is not; the trend rule adds its advice on top.
#include "core/routine/routine.h"
#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

namespace {

// What Home says before the routine: a new version waiting, whose page this
// is, then each offer only while it applies — the trend rule's advice, the
// pattern questions, the Home Screen steps, a backup, the history to bring
// into the installed app.
void Offers(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  if (m.update_ready()) {
    Text(f, f.fonts.body, p.calm, m.T("update.ready"));
    ActionButton(f, "restart", m.T("update.restart"), Kind::secondary, "restart");
  }
  // Whose page this is: Unfurl, or the clinic that embedded it (compact when embedded).
  const char* who = m.config().clinic.empty() ? "Unfurl" : Format("%s · Unfurl", m.config().clinic.c_str());
  if (!m.config().embed) who = Format("%s — %s", who, m.T("app.tagline"));
  Caption(f, who);

  if (m.review_banner()) {
    // Which of the trend rules holds, in plain words; or, with none, the check's "several weeks" answer.
    const core::Trend kind = m.trend().kind;
    Text(f, f.fonts.body, p.caution,
         m.T(kind == core::Trend::none ? "home.review_banner" : Format("home.trend.%s", core::trend_name(kind).data())));
    ActionButton(f, "ack-trend", m.T("home.review_ok"), Kind::secondary, "ack", core::json::quoted("trend"));
  }

  // Months of stiff mornings: the NICE NG65 questions, offered once (again after a
  // year). Skipping here is skipping them, as on their own screen: not "not now".
  if (m.pattern_offered()) {
    Text(f, f.fonts.body, p.calm, m.T("home.pattern_offer"));
    const float half_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2 / f.dpr;
    ActionButton(f, "pattern-open", m.T("home.pattern_open"), Kind::secondary, "pattern", core::json::quoted("open"), half_w);
    ImGui::SameLine();
    ActionButton(f, "pattern-skip", m.T("pattern.skip"), Kind::quiet, "pattern", core::json::quoted("skip"), half_w);
  }

  // Where the browser has no install prompt (an iPhone's), once: how to put
  // Unfurl on the Home Screen, whose storage the browser does not clear.
  if (m.install_hint()) {
    Text(f, f.fonts.body, p.calm, m.T("install.title"));
    Caption(f, m.T("install.steps"));
    Caption(f, m.T("install.history"));
    ActionButton(f, "install-ok", m.T("install.ok"), Kind::secondary, "ack", core::json::quoted("install"));
  }
  // Storage the browser may clear, and months of history in it: a backup, once a month.
  if (m.backup_offered()) {
    Text(f, f.fonts.body, p.calm, m.T("backup.offer"));
    const float half_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2 / f.dpr;
    ActionButton(f, "offer-backup", m.T("backup.save"), Kind::secondary, "backup", {}, half_w);
    ImGui::SameLine();
    ActionButton(f, "offer-later", m.T("backup.later"), Kind::quiet, "ack", core::json::quoted("backup"), half_w);
  }
  // The installed app starts with storage of its own: the history comes over from the browser by backup.
  if (m.bring_history()) {
    Caption(f, m.T("backup.bring_words"));
    RestoreButton(f, "restore", m.T("backup.bring"));
  }
  RestoreResult(f);
}

// Today's routine: its name and length, a clinic's changes and note, and the last session.
void Today(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  Text(f, f.fonts.title, p.text, m.routine().name.c_str());
  Caption(f, Fill(m.T("home.minutes"), {std::to_string(m.routine().exercises.size()), std::to_string(m.minutes())}));
  if (m.prescribed()) {
    // A clinic's routine says so, and what it changes from the usual one.
    Text(f, f.fonts.body, p.calm, m.T("home.prescribed"));
    for (const std::string& line : m.prescription_changes()) Caption(f, line.c_str());
  }
  if (!m.note().empty()) Text(f, f.fonts.body, p.text, m.note().c_str());

  const auto& sessions = m.doc().sessions;
  const char* line = m.streak() > 0 ? Fill(m.T("home.streak"), {std::to_string(m.streak())}) : "";
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
    if (it->outcome != core::Outcome::completed) continue;
    auto r = [](std::optional<int> v) { return v ? Format("%d", *v) : "–"; };
    const char* last = Fill(m.T("home.last"), {r(it->before), r(it->after)});
    line = *line ? Format("%s · %s", line, last) : last;
    break;
  }
  if (*line) Caption(f, line);
}

}  // namespace

void HomeScreen(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  // Start (and, on a first visit, "I understand") are pinned at the bottom.
  BeginScrollArea(f, m.show_intro() ? FooterHeight({Kind::secondary, Kind::primary}) : FooterHeight({Kind::primary}));
  Notices(f);
  Offers(f);
  Today(f);
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2 / f.dpr;
  ActionButton(f, "open-history", m.T("home.history"), Kind::secondary, "open", core::json::quoted("history"), half);
  ImGui::SameLine();
  ActionButton(f, "open-settings", m.T("home.settings"), Kind::secondary, "open", core::json::quoted("settings"), half);
  // First visit: what the routine is for and what it is not (the view above is smaller to make room).
  if (m.show_intro()) {
    Text(f, f.fonts.body, p.text, m.T("intro.title"));
    Caption(f, m.T("intro.body"));
    Caption(f, m.T("intro.rules"));
  }
  EndScrollArea(f);
  if (m.show_intro()) ActionButton(f, "ack-intro", m.T("intro.ok"), Kind::secondary, "ack", core::json::quoted("intro"));
  ActionButton(f, "start", m.T("home.start"), Kind::primary, "start");
}

}  // namespace unfurl::ui
