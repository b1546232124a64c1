// What the clinician's report sums up from the history, apart from its words:
// the weekly table on its first page. The report itself (src/model/exports.cpp,
// laid out by web/report.js) lists every session after it, however many pages
// that takes; nothing here depends on how the pages fall.
#pragma once
#include <optional>
#include <vector>

#include "core/history/history.h"

namespace unfurl::core {

struct WeekSummary {
  int first_day = 0;  // its Monday, in local days since 1970-01-01 (the week runs to Sunday)
  int sessions = 0, completed = 0, stopped = 0, blocked = 0;  // stopped: "Stop — it hurts"
  std::optional<double> before{}, after{};  // mean stiffness, over the sessions rated
};

// The `weeks` weeks up to today's, newest first: a week with no session is
// listed too (a gap is worth seeing), but none from before the first session.
std::vector<WeekSummary> weekly_summary(const std::vector<SessionRecord>& sessions, int today, int weeks);

// The Monday of the week holding `day`.
int week_start(int day);

}  // namespace unfurl::core
