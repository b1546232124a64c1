#include "core/triage/pattern.h"

#include "core/names.h"

#include <algorithm>

namespace unfurl::core {

bool pattern_due(const std::vector<RatedDay>& sessions, int today, std::optional<int> last_asked,
                 const PatternConfig& config) {
  if (last_asked && today - *last_asked < config.reask_days) return false;
  std::optional<int> first;
  int recent = 0, stiff = 0;
  for (const RatedDay& s : sessions) {
    if (!s.before || s.day > today) continue;
    first = std::min(first.value_or(s.day), s.day);
    if (today - s.day >= config.window_days) continue;
    ++recent;
    if (*s.before >= config.stiff_before) ++stiff;
  }
  return first && today - *first >= config.span_days && recent >= config.min_sessions && 2 * stiff >= recent;
}

namespace {
constexpr Named<PatternResult> kPatternResults[] = {
    {PatternResult::none, "none"}, {PatternResult::mention, "mention"}, {PatternResult::refer, "refer"},
    {PatternResult::skipped, "skipped"}};
}  // namespace

std::string_view pattern_result_name(PatternResult r) { return name_in(kPatternResults, r); }
std::optional<PatternResult> pattern_result_from_name(std::string_view name) { return value_in(kPatternResults, name); }

PatternResult evaluate_pattern(const std::vector<std::string>& yes) {
  auto said = [&](std::string_view id) { return std::find(yes.begin(), yes.end(), id) != yes.end(); };
  // Pain that started before 35 started before 45 too: that "yes" passes the gate.
  if (!said(kPatternGate) && !said(kPatternBefore35)) return PatternResult::none;
  int count = 0;
  for (std::string_view q : kPatternQuestions)
    if (q != kPatternGate && said(q)) ++count;
  return count >= 4 ? PatternResult::refer : count == 3 ? PatternResult::mention : PatternResult::none;
}

}  // namespace unfurl::core
