// JSON text to a value, the one way Unfurl parses: nlohmann's SAX reader
// building the value directly. json::parse() with no callback still compiles
// its callback-driven builder into the wasm; this never does. Text that is not
// JSON gives a discarded value (is_discarded()), never an exception.
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

namespace unfurl::core {

inline nlohmann::json parse_json(std::string_view text) {
  nlohmann::json out;
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder(out, false);
  if (!nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &builder)) return nlohmann::json::value_t::discarded;
  return out;
}

}  // namespace unfurl::core
