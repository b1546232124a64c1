// Finish: the fetal position stays on screen; how to sit up, how stiff now,
// did anything hurt — then Done saves it all.
#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

void FinishScreen(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  BeginScrollArea(f, FooterHeight({Kind::primary}));
  Text(f, f.fonts.title, p.text, m.T("finish.title"));
  // Storage refused this session: said here first (History keeps saying it); Done still leaves.
  for (const model::Notice& n : m.notices())
    if (n.id == "storage.unsaved") Text(f, f.fonts.caption, p.caution, n.text.c_str());
  for (const std::string& line : m.routine().closing_lines) Caption(f, line.c_str());
  Text(f, f.fonts.body, p.text, m.T("finish.after"));
  RatingScale(f, "after", m.after());
  Text(f, f.fonts.body, p.text, m.T("finish.hurt"));
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2 / f.dpr;
  auto hurt = m.hurt();
  auto hurt_arg = [](bool yes) {
    core::json::Writer arg;
    return arg.begin_object().field("hurt", yes).end_object().text();
  };
  ActionButton(f, "hurt-yes", m.T("finish.yes"), hurt && *hurt ? Kind::primary : Kind::secondary, "answer",
               hurt_arg(true), half);
  ImGui::SameLine();
  ActionButton(f, "hurt-no", m.T("finish.no"), hurt && !*hurt ? Kind::primary : Kind::secondary, "answer",
               hurt_arg(false), half);
  EndScrollArea(f);
  ActionButton(f, "finish", m.T("finish.done"), Kind::primary, "finish");
}

}  // namespace unfurl::ui
