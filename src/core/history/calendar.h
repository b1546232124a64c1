// Dates without a time-zone database (the wasm has none): days since
// 1970-01-01 to a civil date, and the ISO 8601 stamps the history stores.
#pragma once
#include <string>

namespace unfurl::core {

// A civil day, as every date in the history counts it (no leap seconds).
constexpr long long kSecondsPerDay = 86400;

struct CivilDate {
  long long year;
  int month, day;  // 1-based
};
CivilDate civil_from_days(long long days);
// UTC, to the second: "2026-11-22T07:31:05Z".
std::string iso8601(double epoch_ms);

}  // namespace unfurl::core
