// Translation catalogue: every user-facing word lives in assets/i18n/<lang>.json
// as a flat key → text object (a list of texts for multi-line passages), so a
// language is one file. Lookup falls back to English, then to the key itself,
// so a missing string shows something readable instead of nothing.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace unfurl::core {

// A catalogue string with its one argument in place of its first %s or %d:
// the strings are printf-shaped so that screens can Format() them too.
std::string fill(std::string_view fmt, std::string_view arg);

class Catalogue {
 public:
  // Loads <lang>; returns false (and keeps English) when the language is unknown.
  bool load(std::string_view lang);
  const std::string& lang() const { return lang_; }
  const char* get(std::string_view key) const;
  // The text in this language or English; nullptr when neither has it (the
  // routine and red-flag loaders report that as an error, naming the key).
  const std::string* find(std::string_view key) const;
  // A list entry's texts, one per line ({} when missing).
  std::vector<std::string> lines(std::string_view key) const;
  // An ISO date (YYYY-MM-DD…) as the language writes dates ("date.pattern").
  std::string date(std::string_view iso) const;
  // A number with `places` decimals and the language's decimal point; signed shows "+" too.
  std::string number(double v, int places, bool signed_ = false) const;
  // A counted sentence's key for n in this language: `key` + ".one" or ".other"
  // (CLDR's plural categories; English and Spanish have these two, "one" for
  // exactly 1). Each form carries its own %d, so no sentence says "session(s)".
  std::string plural_key(std::string_view key, long n) const;
  // One language file's text alone, with no English to fall back on: how the
  // tests prove that each language carries every word by itself.
  static Catalogue standalone(std::string_view lang, std::string_view json_text);
  // The languages shipped with the app, as their assets/i18n file names.
  static std::vector<std::string> available();

 private:
  using Strings = std::map<std::string, std::string, std::less<>>;
  // Parsed texts live as long as the process and catalogues point at them:
  // each shipped file is parsed once, and copying or reloading a catalogue
  // costs nothing (start-up used to parse English seven times).
  static const Strings* parse(std::string_view json_text);
  static const Strings* shipped(std::string_view lang);
  const Strings* english_ = nullptr;
  const Strings* strings_ = nullptr;
  std::string lang_ = "en";
};

// The English catalogue, loaded once: the fallback every language shares.
const Catalogue& english();

}  // namespace unfurl::core
