#include "core/routine/progression.h"

#include <algorithm>

namespace unfurl::core {

double range_cap(bool soft_mattress, double prescription_cap) {
  double cap = std::clamp(prescription_cap, kRangeMin, kRangeMax);
  return soft_mattress ? std::min(cap, kSoftMattressCap) : cap;
}

double next_range(double range, const RangeInputs& in) {
  double r = range;
  if (in.stopped_for_pain || (in.hurt && *in.hurt)) r -= kRangeShrink;
  else if (in.completed && in.hurt && !*in.hurt && !in.review) r += kRangeGrow;
  // Round to the 0.05 grid so repeated steps never drift (0.6 + 0.05 + …).
  r = static_cast<double>(static_cast<long>(r * 100 + (r >= 0 ? 0.5 : -0.5))) / 100;
  return std::clamp(r, kRangeMin, range_cap(in.soft_mattress, in.prescription_cap));
}

}  // namespace unfurl::core
