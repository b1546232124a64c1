// The number to call from the emergency result (docs/clinical.md, "The number
// to call"): a frightened, half-awake person should not have to remember it.
// First that applies: the clinic's page configuration, then the region of the
// browser's first language that names one, else none — and the language's own
// generic wording. A country is never guessed from a language ("es" is Spain
// and Mexico). The table is data: assets/triage/emergency-numbers.json.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unfurl::core {

enum class NumberSource { none, clinic, region };
std::string_view number_source_name(NumberSource s);

struct EmergencyNumber {
  std::vector<std::string> numbers;  // the first is shown and called; a second is named in words
  NumberSource source = NumberSource::none;
  std::string region;  // the browser's region it came from ("GB"), when it did
  bool known() const { return !numbers.empty(); }
};

// A number a page may set: digits only, one to six of them.
bool valid_emergency_number(std::string_view digits);
// The region subtag of a language tag, upper-cased: "en-GB" → "GB",
// "zh-Hant-TW" → "TW", "es-419" → "419"; "" when it has none.
std::string region_of(std::string_view tag);
// The table's numbers for a region, or none.
std::optional<std::vector<std::string>> ambulance_numbers(std::string_view region);
// clinic: the page's valid emergency= ("" when unset); tags: the browser's languages in order.
EmergencyNumber choose_emergency_number(std::string_view clinic, const std::vector<std::string>& tags);
// Said digit by digit ("112" → "1 1 2"): a voice reads "112" as a hundred and twelve.
std::string spoken_digits(std::string_view digits);

}  // namespace unfurl::core
