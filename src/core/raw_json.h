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
  // The key's exact text, quotes included, when it was read ("" when made
  // here): written back in place of `key`, so a key is kept byte for byte too.
  std::string key_raw;
  bool operator==(const RawMember&) const = default;
};

// Members of the object `text` (whitespace around it allowed), in order; nullopt if it is not an object.
std::optional<std::vector<RawMember>> raw_members(std::string_view text);
// Elements of the array `text`, in order; nullopt if it is not an array.
std::optional<std::vector<std::string>> raw_elements(std::string_view text);

// JSON.stringify writes a UTF-16 surrogate without its pair (a name typed
// into a field and cut inside an emoji) as an escape, "\ud800", which
// RapidJSON refuses as strict JSON does, while every browser reads it. Both
// functions above read such text as if each of those escapes were "\ufffd" —
// the same length, so every span is the same in either, and the bytes they
// return are always the original's. mend_lone_surrogates returns that text,
// or nullopt when there is nothing to mend; a string read from it holds
// U+FFFD where the original held half a character, so a reader that
// interprets a string asks has_lone_surrogate of its bytes first.
bool has_lone_surrogate(std::string_view text);
std::optional<std::string> mend_lone_surrogates(std::string_view text);

}  // namespace unfurl::core
