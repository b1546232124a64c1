#include "core/history/calendar.h"

#include <cmath>
#include <cstdio>

namespace unfurl::core {

// Howard Hinnant's civil_from_days.
CivilDate civil_from_days(long long days) {
  const long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1), m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

std::string iso8601(double epoch_ms) {
  const long long secs = static_cast<long long>(std::floor(epoch_ms / 1000));
  const long long days = secs >= 0 ? secs / kSecondsPerDay : (secs - kSecondsPerDay + 1) / kSecondsPerDay;
  const long long rem = secs - days * kSecondsPerDay;
  const CivilDate c = civil_from_days(days);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02lld:%02lld:%02lldZ", c.year, c.month, c.day, rem / 3600,
                rem / 60 % 60, rem % 60);
  return buf;
}

}  // namespace unfurl::core
