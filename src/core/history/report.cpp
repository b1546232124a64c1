#include "core/history/report.h"

#include <algorithm>

namespace unfurl::core {

// 1970-01-01 was a Thursday.
int week_start(int day) { return day - (((day + 3) % 7) + 7) % 7; }

std::vector<WeekSummary> weekly_summary(const std::vector<SessionRecord>& sessions, int today, int weeks) {
  std::vector<WeekSummary> out;
  if (sessions.empty() || weeks <= 0) return out;
  int first = today;
  for (const SessionRecord& r : sessions) first = std::min(first, r.day);
  const int newest = week_start(today), oldest = std::max(week_start(first), newest - 7 * (weeks - 1));
  for (int monday = newest; monday >= oldest; monday -= 7) out.push_back({monday});
  struct Sums { double before = 0, after = 0; int befores = 0, afters = 0; };
  std::vector<Sums> sums(out.size());
  for (const SessionRecord& r : sessions) {
    const int at = (newest - week_start(r.day)) / 7;
    if (r.day > today || at < 0 || at >= static_cast<int>(out.size())) continue;
    WeekSummary& w = out[at];
    ++w.sessions;
    w.completed += r.outcome == Outcome::completed;
    w.stopped += r.outcome == Outcome::stopped_pain;
    w.blocked += r.outcome == Outcome::blocked;
    if (r.before) { sums[at].before += *r.before; ++sums[at].befores; }
    if (r.after) { sums[at].after += *r.after; ++sums[at].afters; }
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (sums[i].befores) out[i].before = sums[i].before / sums[i].befores;
    if (sums[i].afters) out[i].after = sums[i].after / sums[i].afters;
  }
  return out;
}

}  // namespace unfurl::core
