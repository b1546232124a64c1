// The safety check, before every session: the red flags as large rows grouped
// under what they mean, and one large answer pinned at the bottom — "None of
// these today", or "Continue" once anything is ticked. Nothing here can be
// skipped, and "None of these today" is offered only once every sign has been
// on screen: until then the same place reads "See the rest ↓" and scrolls there.
#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

void QuestionFooter(Panel& f, bool offered, bool any_ticked, const char* none_label, const char* continue_label) {
  // A ticked sign leads on at once: its result must never wait behind the rest of the list.
  if (any_ticked) ActionButton(f, "continue", continue_label, Kind::primary, "continue");
  else if (!offered) ActionButton(f, "none", f.model.T("check.see_rest"), Kind::primary, "reveal", core::json::quoted("end"));
  else ActionButton(f, "none", none_label, Kind::primary, "answer", core::json::quoted("none"));
}

void CheckScreen(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  // The answer is pinned at the bottom: on a 320×568 phone or in a short
  // clinic frame it is on screen at once; the questions scroll above it.
  BeginScrollArea(f, FooterHeight({Kind::primary}));
  Text(f, f.fonts.title, p.text, m.T("check.title"));
  Caption(f, m.T("check.subtitle"));
  std::optional<core::Tier> group;
  for (const core::RedFlag& flag : m.triage().flags) {
    if (flag.tier != group) {
      group = flag.tier;
      Text(f, f.fonts.body, flag.tier == core::Tier::review ? p.caution : p.stop,
           m.T(Format("check.group.%s", core::tier_name(flag.tier).data())));
    }
    const bool on = m.answers().count(flag.id) > 0;
    CheckRow(f, Format("flag-%s", flag.id.c_str()), flag.question.c_str(), on, "answer", core::json::quoted(flag.id));
  }
  const bool offered = ListEndSeen(f);
  EndScrollArea(f);
  QuestionFooter(f, offered, !m.answers().empty(), m.T("check.none"), m.T("check.continue"));
}

}  // namespace unfurl::ui
