// Range of movement over sessions. The article: keep movements small at
// first, progress slightly only with comfortable tension, not discomfort.
// One number per user in [0.5, 1.0], starting at 0.6 (docs/clinical.md).
#pragma once
#include <optional>

namespace unfurl::core {

constexpr double kRangeMin = 0.5, kRangeMax = 1.0, kRangeStart = 0.6;
constexpr double kSoftMattressCap = 0.8;
constexpr double kRangeGrow = 0.05, kRangeShrink = 0.10;

struct RangeInputs {
  bool completed = false;        // the whole routine ran to the end
  std::optional<bool> hurt;      // "did anything hurt?" — unanswered is not "no"
  bool stopped_for_pain = false;
  bool review = false;           // a review-tier flag: no growth until seen
  bool soft_mattress = false;
  double prescription_cap = 1.0;
};

// The cap that applies now: soft mattress and a clinic's prescription both limit.
double range_cap(bool soft_mattress, double prescription_cap);

double next_range(double range, const RangeInputs& in);

}  // namespace unfurl::core
