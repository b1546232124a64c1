// The person's sessions as a CSV file they can keep or hand to a clinician:
// one row per readable session, oldest first, RFC 4180 quoting. The column
// names come from the language file, like every other word.
#pragma once
#include <string>

#include "core/history/history.h"
#include "core/text/text.h"

namespace unfurl::core {

std::string sessions_csv(const HistoryDoc& doc, const Catalogue& text);

}  // namespace unfurl::core
