// The safety check, before every session: the red flags as large rows, and
// one large answer at the bottom — "None of these today", or "Continue" once
// anything is ticked. Nothing here can be skipped.
#include "ui/screens.h"

namespace unfurl::ui {

void CheckScreen(Frame& f, const Layout& layout) {
  const app::Model& m = f.model;
  const Palette& p = f.colors();
  Text(f.fonts.title, p.text, m.T("check.title"));
  Caption(f, m.T("check.subtitle"));
  for (const core::RedFlag& flag : m.triage().flags) {
    const bool on = m.answers().count(flag.id) > 0;
    CheckRow(f, Format("flag-%s", flag.id.c_str()), flag.question.c_str(), on, "answer", Format("\"%s\"", flag.id.c_str()));
  }
  // Keep the answer at the bottom of the screen when there is room, as in the mock-up.
  const float button_h = f.px(size::kPrimaryH) + ImGui::GetStyle().WindowPadding.y;
  const float bottom = layout.panel_size.y - button_h;
  if (ImGui::GetCursorPosY() < bottom) ImGui::SetCursorPosY(bottom);
  if (m.answers().empty())
    ActionButton(f, "none", m.T("check.none"), Kind::primary, "answer", "\"none\"");
  else
    ActionButton(f, "continue", m.T("check.continue"), Kind::primary, "continue");
}

}  // namespace unfurl::ui
