// History: every stored session, newest first, with its outcome and ratings.
#include "ui/screens.h"

namespace unfurl::ui {

void HistoryScreen(Frame& f) {
  app::Model& m = f.model;
  const Palette& p = f.colors();
  Text(f.fonts.title, p.text, m.T("history.title"));
  Notices(f);
  const auto& sessions = m.doc().sessions;
  if (sessions.empty()) Caption(f, m.T("history.empty"));
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
    auto r = [](std::optional<int> v) { return v ? std::to_string(*v) : std::string("–"); };
    std::string line = it->started.substr(0, 10) + "  " + it->outcome;
    if (it->before || it->after) line += "  ·  stiffness " + r(it->before) + " → " + r(it->after);
    if (it->check_level != "none") line += "  ·  check: " + it->check_level;
    if (!it->withdrawn.empty()) line += std::string("  ·  ") + m.T("history.withdrawn");
    Text(f.fonts.body, p.text, line.c_str());
  }
  ActionButton(f, "home", m.T("common.home"), Kind::secondary, "open", "\"home\"");
}

}  // namespace unfurl::ui
