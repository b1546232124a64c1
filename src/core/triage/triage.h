// Safety triage: the article's "when back pain needs medical attention" as
// rules. The table lives in assets/triage/red-flags.json; the functions here
// are pure, so every combination of answers can be tested exhaustively.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/text.h"
#include "core/triage/tier.h"

namespace unfurl::core {


struct RedFlag {
  std::string id;
  Tier tier;
  std::string question;  // shown on the check screen
  std::string short_text;  // shown on the result, as "what you told us"
  std::string action;      // where this sign asks more than its tier's action (optional)
};

struct TierAdvice {
  std::string title, action, why;
  bool blocked = true;
};

struct StopAnswer {
  std::string id, label;
  Tier outcome;  // clinician for leg symptoms; none means "rest, smaller range"
  // The check's signs this answer stands for (red-flags.json): what a person
  // may feel begin during a stretch, so each emergency sign of that kind has an
  // answer that leads to the emergency result (tested against the table).
  std::vector<std::string> flags;
};

struct Triage {
  std::vector<RedFlag> flags;    // the check before every session
  std::vector<RedFlag> history;  // asked once (and every six months): what changes what back pain means
  TierAdvice advice[5];  // indexed by Tier
  std::string stop_question, rest_title, rest_action;
  std::vector<StopAnswer> stop_answers;

  const RedFlag* find(std::string_view id) const;          // in flags
  const RedFlag* find_history(std::string_view id) const;  // in history
  const TierAdvice& for_tier(Tier t) const { return advice[static_cast<int>(t)]; }
};

struct TriageResult {
  std::optional<Triage> triage;
  std::string error;
};
// Rules from json_text, words from text (assets/i18n/).
TriageResult load_triage(std::string_view json_text, const Catalogue& text = english());
Triage default_triage(const Catalogue& text);  // the shipped table in a language
const Triage& default_triage();                // in English

struct CheckOutcome {
  Tier level = Tier::none;
  std::vector<std::string> flags;  // every answered flag at the winning tier, in table order
  std::vector<std::string> also;   // answered flags at lower tiers
  bool blocked = false;
};

// answers: ids of the flags answered yes. Unknown ids are ignored.
CheckOutcome evaluate_check(const Triage& triage, const std::vector<std::string>& answers);
// The same rule over the one-time history questions (Triage::history).
CheckOutcome evaluate_history(const Triage& triage, const std::vector<std::string>& answers);

// The in-session "Stop — it hurts" question.
struct StopOutcome {
  Tier level = Tier::none;    // clinician for leg symptoms
  double range_change = 0;    // −0.10 for back-only pain
};
std::optional<StopOutcome> evaluate_stop(const Triage& triage, std::string_view answer_id);

}  // namespace unfurl::core
