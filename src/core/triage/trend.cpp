#include "core/triage/trend.h"

#include <algorithm>

namespace unfurl::core {

TrendResult evaluate_trend(const std::vector<RatedDay>& sessions, int today, const TrendConfig& c) {
  TrendResult r;
  std::vector<RatedDay> rated;
  for (const RatedDay& s : sessions)
    if (s.before && s.day <= today && s.day > today - c.lookback_days) rated.push_back(s);
  r.sessions = static_cast<int>(rated.size());
  if (rated.empty()) return r;

  int first_day = rated.front().day;
  for (const RatedDay& s : rated) first_day = std::min(first_day, s.day);

  double n = static_cast<double>(rated.size()), sx = 0, sy = 0;
  for (const RatedDay& s : rated) { sx += s.day; sy += *s.before; }
  const double mx = sx / n, my = sy / n;
  double sxy = 0, sxx = 0;
  for (const RatedDay& s : rated) {
    sxy += (s.day - mx) * (*s.before - my);
    sxx += (s.day - mx) * (s.day - mx);
  }
  r.mean = my;
  r.slope_per_day = sxx > 0 ? sxy / sxx : 0;

  double first_sum = 0, last_sum = 0;
  int first_n = 0, last_n = 0;
  for (const RatedDay& s : rated) {
    if (s.day < first_day + 7) { first_sum += *s.before; ++first_n; }
    if (s.day > today - 7) { last_sum += *s.before; ++last_n; }
  }
  if (first_n > 0 && last_n > 0) r.change = last_sum / last_n - first_sum / first_n;

  if (today - first_day < c.min_span_days || r.sessions < c.min_sessions) return r;
  // Tiny epsilons so that 2.0 points computed from means still counts as 2.0.
  const bool not_improving = r.slope_per_day >= -1e-12 && r.mean >= c.min_mean - 1e-9;
  const bool worsening = r.change && *r.change >= c.worsening - 1e-9;
  r.review = not_improving || worsening;
  return r;
}

}  // namespace unfurl::core
