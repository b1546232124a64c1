// The safety check, before every session: the red flags as large rows, and
// one large answer pinned at the bottom — "None of these today", or "Continue" once
// anything is ticked. Nothing here can be skipped.
#include "ui/screens.h"

namespace unfurl::ui {

void CheckScreen(Frame& f) {
  const app::Model& m = f.model;
  const Palette& p = f.colors();
  // The answer is pinned at the bottom: on a 320×568 phone or in a short
  // clinic frame it is on screen at once; the questions scroll above it.
  BeginScrollArea(f, FooterHeight({Kind::primary}));
  Text(f, f.fonts.title, p.text, m.T("check.title"));
  Caption(f, m.T("check.subtitle"));
  for (const core::RedFlag& flag : m.triage().flags) {
    const bool on = m.answers().count(flag.id) > 0;
    CheckRow(f, Format("flag-%s", flag.id.c_str()), flag.question.c_str(), on, "answer", Format("\"%s\"", flag.id.c_str()));
  }
  EndScrollArea(f);
  if (m.answers().empty())
    ActionButton(f, "none", m.T("check.none"), Kind::primary, "answer", "\"none\"");
  else
    ActionButton(f, "continue", m.T("check.continue"), Kind::primary, "continue");
}

}  // namespace unfurl::ui
