// Once before the first session (and every six months, or from Settings): the
// history that changes what back pain means. A "yes" shows what to do, and the
// routine waits; the only way on is the person's word that a doctor or
// physiotherapist has checked their back — never "start anyway".
#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

void ScreeningScreen(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  if (const auto& o = m.screening_outcome()) {
    BeginScrollArea(f, FooterHeight({Kind::secondary, Kind::primary}));
    Text(f, f.fonts.title, p.stop, m.T(Format("screening.%s.title", core::tier_name(o->level).data())));
    for (const std::string& id : o->flags)
      if (const core::RedFlag* q = m.triage().find_history(id)) Text(f, f.fonts.body, p.text, q->action.c_str());
    Text(f, f.fonts.body, p.text, m.T("screening.wait"));
    Caption(f, m.T("screening.why"));
    Text(f, f.fonts.body, p.text, m.T("result.led"));
    for (const std::string& id : m.screening_answers())
      if (const core::RedFlag* q = m.triage().find_history(id)) Caption(f, core::fill(m.T("text.list_item"), q->short_text).c_str());
    Text(f, f.fonts.body, p.text, m.T("result.disclaimer"));
    EndScrollArea(f);
    ActionButton(f, "cleared", m.T("screening.cleared"), Kind::secondary, "cleared");
    ActionButton(f, "home", m.T("result.home"), Kind::primary, "open", core::json::quoted("home"));
    return;
  }
  BeginScrollArea(f, FooterHeight({Kind::primary}));
  Text(f, f.fonts.title, p.text, m.T("screening.title"));
  Caption(f, m.T("screening.subtitle"));
  for (const core::RedFlag& q : m.triage().history)
    CheckRow(f, Format("hist-%s", q.id.c_str()), q.question.c_str(), m.screening_answers().count(q.id) > 0, "answer",
             core::json::quoted(q.id));
  const bool offered = ListEndSeen(f);
  Caption(f, m.T("screening.again"));
  EndScrollArea(f);
  QuestionFooter(f, offered, !m.screening_answers().empty(), m.T("screening.none"), m.T("check.continue"));
}

}  // namespace unfurl::ui
