// Translation catalogue: UI strings live in assets/i18n/<lang>.json as a flat
// key → text object. Lookup falls back to English, then to the key itself, so
// a missing string shows something readable instead of nothing.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace unfurl::core {

// A catalogue string with its one argument in place of its first %s or %d:
// the strings are printf-shaped so that screens can Format() them too.
std::string fill(std::string_view fmt, std::string_view arg);

class Catalogue {
 public:
  // Loads <lang>; returns false (and keeps English) when the language is unknown.
  bool load(std::string_view lang);
  const char* get(std::string_view key) const;

 private:
  static std::map<std::string, std::string, std::less<>> parse(std::string_view json_text);
  std::map<std::string, std::string, std::less<>> english_, strings_;
};

}  // namespace unfurl::core
