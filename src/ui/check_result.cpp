// The result of a check (or of "Stop — it hurts"): what to do, how urgently,
// which answers led here, and that Unfurl cannot diagnose. Blocked tiers offer
// only the way home — never "start anyway" — and, when the result is one
// remembered from earlier today, "I answered by mistake", which leads to a
// fresh check.
#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

void CheckResultScreen(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  const core::CheckOutcome& o = *m.outcome();
  const core::TierAdvice& advice = m.triage().for_tier(o.level);
  ImU32 tone = o.level == core::Tier::review ? p.caution : p.stop;

  // The way home is pinned under the words, never scrolled out of reach (large text on a small phone).
  const bool withdraw = m.remembered();
  // An emergency with a number to call puts the call first, one tap away (docs/clinical.md).
  const bool call = o.level == core::Tier::emergency && m.emergency().known();
  const float footer = call ? (withdraw ? FooterHeight({Kind::primary, Kind::secondary, Kind::secondary})
                                        : FooterHeight({Kind::primary, Kind::secondary}))
                       : o.blocked && !withdraw ? FooterHeight({Kind::primary})
                                                : FooterHeight({Kind::primary, Kind::secondary});
  BeginScrollArea(f, footer);
  if (m.remembered()) Caption(f, m.T("result.remembered"));
  Text(f, f.fonts.title, tone, advice.title.c_str());
  Text(f, f.fonts.body, p.text, m.AdviceAction(o.level).c_str());
  for (const std::string& id : o.flags)
    if (const core::RedFlag* flag = m.triage().find(id); flag && !flag->action.empty())
      Text(f, f.fonts.body, p.text, flag->action.c_str());
  Caption(f, advice.why.c_str());
  auto list = [&](const char* heading, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    Text(f, f.fonts.body, p.text, heading);
    for (const std::string& id : ids)
      if (const core::RedFlag* flag = m.triage().find(id))
        Caption(f, core::fill(m.T("text.list_item"), flag->question).c_str());
  };
  list(m.T("result.led"), o.flags);
  list(m.T("result.also"), o.also);
  if (m.stop_answer())
    for (const core::StopAnswer& a : m.triage().stop_answers)
      if (a.id == *m.stop_answer()) { Text(f, f.fonts.body, p.text, m.T("result.led")); Caption(f, core::fill(m.T("text.list_item"), a.label).c_str()); }
  Text(f, f.fonts.body, p.text, m.T("result.disclaimer"));
  EndScrollArea(f);
  if (call) {
    const std::string& number = m.emergency().numbers[0];
    ActionButton(f, "call", core::fill(m.T("triage.emergency.call"), number).c_str(), Kind::primary, "call");
    f.widgets.LinkLast("tel:" + number);
  }
  if (!o.blocked)
    ActionButton(f, "continue", m.T("result.continue_gentle"), Kind::primary, "continue");
  ActionButton(f, "home", m.T("result.home"), o.blocked && !call ? Kind::primary : Kind::secondary, "open",
               core::json::quoted("home"));
  // A block remembered from earlier today: the only way past it is to say the answer was a mistake.
  if (withdraw) ActionButton(f, "withdraw", m.T("result.withdraw"), Kind::secondary, "withdraw");
}

}  // namespace unfurl::ui
