// The article: "If pain persists or worsens over several weeks despite rest and
// gentle movement, professional advice ... is necessary." CLINICAL.md makes that
// a rule over the stored "stiffness before" ratings; this is that rule, pure.
#pragma once
#include <optional>
#include <vector>

namespace unfurl::core {

struct RatedDay {
  int day;                    // days since 1970-01-01, local date of the session
  std::optional<int> before;  // stiffness 0–10 before the session, if given
};

struct TrendConfig {
  int min_span_days = 21;     // the ratings must reach back at least this far
  int min_sessions = 6;       // rated sessions needed to judge
  int lookback_days = 42;     // older sessions say nothing about now
  double min_mean = 4.0;      // "not improving" only counts when stiffness is real
  double worsening = 2.0;     // first week's mean → last week's mean
};

struct TrendResult {
  bool review = false;        // show the review advice
  int sessions = 0;           // rated sessions considered
  double slope_per_day = 0, mean = 0;
  std::optional<double> change;  // last week's mean minus first week's
};

TrendResult evaluate_trend(const std::vector<RatedDay>& sessions, int today,
                           const TrendConfig& config = {});

}  // namespace unfurl::core
