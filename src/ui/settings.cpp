// Settings: each one a large on/off row, saved as soon as it changes.
#include "ui/screens.h"

namespace unfurl::ui {

void SettingsScreen(Frame& f) {
  app::Model& m = f.model;
  const core::Settings& s = m.settings();
  Text(f.fonts.title, f.colors().text, m.T("settings.title"));
  struct Row { const char* key; const char* label; bool value; };
  const Row rows[] = {{"voice", "settings.voice", s.voice},
                      {"tones", "settings.tones", s.tones},
                      {"vibration", "settings.vibration", s.vibration},
                      {"dim", "settings.dim", s.dim},
                      {"eyes_closed", "settings.eyes_closed", s.eyes_closed},
                      {"soft_mattress", "settings.soft_mattress", s.soft_mattress}};
  for (const Row& r : rows) {
    std::string arg = std::string("{\"key\":\"") + r.key + "\",\"value\":" + (r.value ? "false" : "true") + "}";
    CheckRow(f, (std::string("set-") + r.key).c_str(), m.T(r.label), r.value, "set", arg);
  }
  ActionButton(f, "open-about", m.T("about.title"), Kind::secondary, "open", "\"about\"");
  ActionButton(f, "home", m.T("common.home"), Kind::secondary, "open", "\"home\"");
}

}  // namespace unfurl::ui
