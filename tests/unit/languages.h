// The language files as the shell fetches them: in the app every language
// reaches the model at run time as the text of its assets/i18n file, which is
// what these helpers read (natively English is built in as well).
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/text/text.h"

inline std::string language_file(const std::string& code) {
  std::ifstream in(std::filesystem::path(UNFURL_SOURCE_DIR) / "assets" / "i18n" / (code + ".json"));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every language handed in, as a shell whose every fetch succeeded leaves it.
inline void hand_in_every_language() {
  for (const std::string& code : unfurl::core::Catalogue::available())
    if (code != "en") unfurl::core::Catalogue::hand_in(code, language_file(code));
}
