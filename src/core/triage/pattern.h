// Months of stiff mornings that ease with movement can be inflammatory back
// pain (axial spondyloarthritis), which NICE NG65 asks GPs to refer for
// assessment and which is often missed for years. A morning-stiffness
// trainer sees that pattern in its own history; these are the rules for when
// to offer the NG65 questions and what their answers mean (docs/clinical.md).
// Pure: days in, decisions out. Never a block, never a diagnosis.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/triage/trend.h"

namespace unfurl::core {

struct PatternConfig {
  int span_days = 90;      // rated sessions reaching back at least this far…
  int window_days = 90;    // …and in the last this many days (today included)…
  int min_sessions = 20;   // …at least this many of them…
  int stiff_before = 4;    // …with the before rating at least this…
  int reask_days = 365;    // asked again a year later if it still holds
};

// Whether Home offers the questions today. A rated session is one with a
// before rating: the morning's stiffness before it has been moved. last_asked:
// the day they were last answered or skipped, if ever.
bool pattern_due(const std::vector<RatedDay>& sessions, int today, std::optional<int> last_asked,
                 const PatternConfig& config = {});

// The NG65 questions in the order they are asked; the first is the gate.
inline constexpr std::string_view kPatternGate = "before_45";
inline constexpr std::string_view kPatternBefore35 = "before_35";
inline constexpr std::string_view kPatternQuestions[] = {"before_45", "before_35", "night_wake", "buttock", "movement",
                                                         "nsaid",     "family",    "arthritis",  "enthesitis", "psoriasis"};

// What the questions found; skipped when the person chose not to answer them
// (evaluate_pattern never says it). Stored by name in the history (acks.inflammatory).
enum class PatternResult { none, mention, refer, skipped };
std::string_view pattern_result_name(PatternResult r);  // none | mention | refer | skipped
std::optional<PatternResult> pattern_result_from_name(std::string_view name);

// yes: the ids answered yes. A "no" at the gate ends it (unless the pain
// started before 35, which answers the gate too); after it, 4 or more
// of the other nine → refer, exactly 3 → mention, fewer → none.
PatternResult evaluate_pattern(const std::vector<std::string>& yes);

}  // namespace unfurl::core
