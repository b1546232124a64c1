#include "core/text/text.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/assets.h"

namespace unfurl::core {

std::map<std::string, std::string, std::less<>> Catalogue::parse(std::string_view json_text) {
  std::map<std::string, std::string, std::less<>> out;
  auto doc = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return out;
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
  return out;
}

bool Catalogue::load(std::string_view lang) {
  if (english_.empty()) english_ = parse(embedded_asset("assets/i18n/en.json"));
  std::string_view text = embedded_asset("assets/i18n/" + std::string(lang) + ".json");
  if (text.empty()) {
    strings_ = english_;
    return false;
  }
  strings_ = parse(text);
  return true;
}

std::string fill(std::string_view fmt, std::string_view arg) {
  std::string out(fmt);
  size_t at = std::min(out.find("%s"), out.find("%d"));
  if (at != std::string::npos) out.replace(at, 2, arg);
  return out;
}

const char* Catalogue::get(std::string_view key) const {
  if (auto it = strings_.find(key); it != strings_.end()) return it->second.c_str();
  if (auto it = english_.find(key); it != english_.end()) return it->second.c_str();
  static thread_local std::string fallback;
  fallback = std::string(key);
  return fallback.c_str();
}

}  // namespace unfurl::core
