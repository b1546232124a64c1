// What the model's own files share with one another; nothing outside
// src/model includes this.
#pragma once
#include <string>
#include <string_view>

#include "core/json.h"

namespace unfurl::model {

// An action's argument as JSON (null when there is none); a bare word is read
// as a string (actions.cpp).
core::json::Document parse_arg(std::string_view arg);

// Whether Unfurl has a language of this code (configuration.cpp).
bool has_language(const std::string& code);

}  // namespace unfurl::model
