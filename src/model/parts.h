// What the model's own files share with one another; nothing outside
// src/model includes this.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace unfurl::model {

// An action's argument as JSON; a bare word is read as a string (actions.cpp).
nlohmann::json parse_arg(std::string_view arg);

// Whether Unfurl has a language of this code (configuration.cpp).
bool has_language(const std::string& code);

}  // namespace unfurl::model
