// The person's sessions as a CSV file they can keep or hand to a clinician:
// one row per readable session, oldest first, RFC 4180 quoting. The column
// names come from the language file, like every other word.
#pragma once
#include <string>

#include "core/history/history.h"
#include "core/text/text.h"

namespace unfurl::core {

std::string sessions_csv(const HistoryDoc& doc, const Catalogue& text);

// A morning reminder for the person's calendar (RFC 5545): a daily event at
// minute_of_day in their own local time (a "floating" time, so it follows them
// across time zones as an alarm clock does), from first_day (local days since
// 1970-01-01), with an alarm and a link back to the app. now_ms: the wall
// clock, for the event's stamp.
std::string reminder_ics(int minute_of_day, int first_day, double now_ms, std::string_view uid, std::string_view app_url,
                         const Catalogue& text);

}  // namespace unfurl::core
