// About: what the routine is for, what it is not, and the article's guidance.
#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

void AboutScreen(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  Text(f, f.fonts.title, p.text, m.T("about.title"));
  Caption(f, m.routine().purpose.c_str());
  Caption(f, m.T("intro.body"));
  for (const std::string& line : m.routine().preparation.lines) Caption(f, line.c_str());
  ActionButton(f, "home", m.T("common.home"), Kind::secondary, "open", core::json::quoted("home"));
}

}  // namespace unfurl::ui
