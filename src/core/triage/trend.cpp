#include "core/triage/trend.h"

#include <algorithm>

namespace unfurl::core {

TrendResult evaluate_trend(const std::vector<RatedDay>& sessions, int today, const TrendConfig& c) {
  TrendResult r;
  for (const RatedDay& s : sessions)
    if (s.hurt && s.day <= today && s.day > today - c.hurt_days) ++r.hurt_sessions;

  // A session's rating is its before, or its after when the before was skipped.
  struct Rated { int day; int value; };
  std::vector<Rated> rated;
  for (const RatedDay& s : sessions) {
    std::optional<int> v = s.before ? s.before : s.after;
    if (v && s.day <= today && s.day > today - c.lookback_days) rated.push_back({s.day, *v});
  }
  r.sessions = static_cast<int>(rated.size());
  if (!rated.empty()) {
    auto [lo, hi] = std::minmax_element(rated.begin(), rated.end(), [](const Rated& a, const Rated& b) { return a.day < b.day; });
    const int first_day = lo->day, last_day = hi->day;
    double first_sum = 0, last_sum = 0;
    int first_n = 0, last_n = 0;
    for (const Rated& s : rated) {
      if (s.day < first_day + c.week_days) { first_sum += s.value; ++first_n; }
      if (s.day > last_day - c.week_days) { last_sum += s.value; ++last_n; }
    }
    r.first_mean = first_sum / first_n;
    r.last_mean = last_sum / last_n;
    if (r.sessions >= c.min_sessions && last_day - first_day >= c.min_span_days) {
      // Tiny epsilons: means of whole numbers must compare as the rule reads.
      const double change = *r.last_mean - *r.first_mean;
      if (*r.last_mean >= c.persist_mean - 1e-9 && -change < c.persist_drop - 1e-9) r.kind = Trend::persists;
      else if (change >= c.worsening - 1e-9) r.kind = Trend::worsens;
    }
  }
  if (r.kind == Trend::none && r.hurt_sessions >= c.hurt_sessions) r.kind = Trend::keeps_hurting;
  return r;
}

}  // namespace unfurl::core
