// Each language's safety words, pinned: tests/unit/safety-words/<lang>.json
// lists, per rule, the keys it covers, the words they must carry and the words
// they must never carry, with the reason (docs/languages.md records each
// language's second reading). A later edit that brings back a word a reader
// could misread — "Schüttelfrost" for feeling shivery, the word for "acute"
// where pain is sharp — fails here with the key and the reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/text/text.h"
#include "languages.h"

using nlohmann::json;

namespace {

std::filesystem::path rules_file(const std::string& lang) {
  return std::filesystem::path(UNFURL_SOURCE_DIR) / "tests" / "unit" / "safety-words" / (lang + ".json");
}

// The key's text, its lines joined, or nothing when it is not a string or a passage.
std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  if (v.is_array())
    for (const json& line : v)
      if (line.is_string()) out += line.get<std::string>() + "\n";
  return out;
}

bool covers(const std::string& pattern, const std::string& key) {
  if (!pattern.empty() && pattern.back() == '*') return key.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0;
  return key == pattern;
}

}  // namespace

TEST(SafetyWords, EveryLanguageHasItsPinnedWordsAndEachRuleHolds) {
  for (const std::string& lang : unfurl::core::Catalogue::available()) {
    SCOPED_TRACE(lang);
    std::ifstream in(rules_file(lang));
    ASSERT_TRUE(in) << "no " << rules_file(lang) << ": every language's safety words are pinned";
    std::stringstream s;
    s << in.rdbuf();
    const json rules = json::parse(s.str(), nullptr, false);
    ASSERT_TRUE(rules.is_object() && rules.contains("rules") && rules["rules"].is_array()) << "not a rules file";
    EXPECT_GE(rules["rules"].size(), 3u) << "a handful of rules at least";
    const json words = json::parse(language_file(lang));
    for (const json& rule : rules["rules"]) {
      const std::string why = rule.value("why", "");
      ASSERT_FALSE(why.empty()) << "a rule without its reason: " << rule.dump();
      size_t matched = 0;
      for (const json& pattern : rule["keys"]) {
        size_t matched_here = 0;
        for (const auto& [key, value] : words.items()) {
          if (!covers(pattern.get<std::string>(), key)) continue;
          ++matched_here;
          const std::string text = text_of(value);
          for (const json& w : rule.value("must", json::array()))
            EXPECT_NE(text.find(w.get<std::string>()), std::string::npos)
                << key << " must say \"" << w.get<std::string>() << "\" (" << why << "): " << text;
          for (const json& w : rule.value("must_not", json::array()))
            EXPECT_EQ(text.find(w.get<std::string>()), std::string::npos)
                << key << " must not say \"" << w.get<std::string>() << "\" (" << why << "): " << text;
        }
        EXPECT_GT(matched_here, 0u) << "no key matches " << pattern << ": a renamed key would leave its rule checking nothing";
        matched += matched_here;
      }
      EXPECT_GT(matched, 0u) << rule.dump();
    }
  }
}
