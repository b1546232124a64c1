// Months of stiff mornings (NICE NG65): offered from Home when the history
// shows the pattern. The age gate first, on its own (a "no" ends it), then
// tick what is true of the nine questions after it; the result is plain words, never a
// block and never a diagnosis. Skipping is always there.
#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

void PatternScreen(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  if (const auto& r = m.pattern_result()) {
    BeginScrollArea(f, FooterHeight({Kind::primary}));
    Text(f, f.fonts.title, p.text, m.T("pattern.title"));
    Text(f, f.fonts.body, *r == core::PatternResult::none ? p.text : p.caution,
         m.T(Format("pattern.result.%s", core::pattern_result_name(*r).data())));
    Caption(f, m.T("pattern.not_diagnosis"));
    EndScrollArea(f);
    ActionButton(f, "home", m.T("pattern.home"), Kind::primary, "open", core::json::quoted("home"));
    return;
  }
  if (m.pattern_step() == model::Model::PatternStep::gate) {
    // The age gate is asked on its own: a "no" ends the questions there.
    BeginScrollArea(f, FooterHeight({Kind::secondary, Kind::secondary, Kind::primary}));
    Text(f, f.fonts.title, p.text, m.T("pattern.title"));
    Caption(f, m.T("pattern.subtitle"));
    Text(f, f.fonts.body, p.text, m.T("pattern.gate"));
    EndScrollArea(f);
    ActionButton(f, "pattern-skip", m.T("pattern.skip"), Kind::secondary, "pattern", core::json::quoted("skip"));
    ActionButton(f, "pattern-no", m.T("pattern.gate_no"), Kind::secondary, "pattern", core::json::quoted("no"));
    ActionButton(f, "pattern-yes", m.T("pattern.gate_yes"), Kind::primary, "pattern", core::json::quoted("yes"));
    return;
  }
  BeginScrollArea(f, FooterHeight({Kind::secondary, Kind::primary}));
  Text(f, f.fonts.title, p.text, m.T("pattern.title"));
  Caption(f, m.T("pattern.tick"));
  for (std::string_view q : core::kPatternQuestions) {
    if (q == core::kPatternGate) continue;
    const std::string id(q);
    CheckRow(f, Format("pattern-%s", id.c_str()), m.T("pattern.q." + id), m.pattern_answers().count(id) > 0, "answer",
             core::json::quoted(id));
  }
  const bool offered = ListEndSeen(f);
  EndScrollArea(f);
  ActionButton(f, "pattern-skip", m.T("pattern.skip"), Kind::secondary, "pattern", core::json::quoted("skip"));
  if (offered) ActionButton(f, "pattern-done", m.T("pattern.done"), Kind::primary, "pattern", core::json::quoted("done"));
  else ActionButton(f, "pattern-done", m.T("check.see_rest"), Kind::primary, "reveal", core::json::quoted("end"));
}

}  // namespace unfurl::ui
