// The exact text of each member of a JSON object, or element of an array.
// The history codec keeps what this version cannot read as the very bytes it
// was stored as (docs/architecture.md: never lose a byte), and a prescription
// is applied with the link's numbers exactly as written, so both need the
// spans that a parsed value forgets: RapidJSON's reader gives them (raw_json.cpp).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unfurl::core {

struct RawMember {
  std::string key;  // decoded, for lookup
  std::string raw;  // the value's exact text
  bool operator==(const RawMember&) const = default;
};

// Members of the object `text` (whitespace around it allowed), in order; nullopt if it is not an object.
std::optional<std::vector<RawMember>> raw_members(std::string_view text);
// Elements of the array `text`, in order; nullopt if it is not an array.
std::optional<std::vector<std::string>> raw_elements(std::string_view text);

}  // namespace unfurl::core
