// Translation catalogue: every user-facing word lives in assets/i18n/<lang>.json
// as a flat key → text object (a list of texts for multi-line passages), so a
// language is one file. Lookup falls back to English, then to the key itself,
// so a missing string shows something readable instead of nothing.
//
// In the app every language, English too, arrives at run time: the shell
// fetches the file of the language the page shows and hands its text in
// before the first frame, and any other when it is chosen. Only the list of
// languages is known at build time. English is the fallback under another
// language once it is here; every shipped file carries every word itself, so
// a page in one language never needs a second. The native build has English
// built in, for the tests and benchmarks, which have no shell.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace unfurl::core {

// A catalogue string with its one argument in place of its first %s or %d
// (printf's shape, so a translator knows it; "%%" is a percent sign).
std::string fill(std::string_view fmt, std::string_view arg);
// The same with several arguments, each in place of the next %s or %d.
std::string fill(std::string_view fmt, const std::vector<std::string>& args);
// A catalogue string cut at its placeholders: the words before, between and
// after them (one more than there are placeholders), "%%" already a percent
// sign. For a sentence the shell completes with what only it holds (a
// patient's name typed on the report, the printed page's number), so the
// shell never reads a placeholder itself.
std::vector<std::string> words_around_placeholders(std::string_view fmt);

class Catalogue {
 public:
  // Loads <lang> when its text is here (handed in, or English built in);
  // returns false and holds English, if it is here, otherwise.
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
  // A counted sentence's key for n in this language: `key` + the CLDR plural
  // category of n (".one", ".other", and Polish's ".few" and ".many") by the
  // rule its file names in "language.plural". Each form carries its own %d, so
  // no sentence says "session(s)".
  std::string plural_key(std::string_view key, long n) const;
  // One language file's text alone, with no English to fall back on: how the
  // tests prove that each language carries every word by itself.
  static Catalogue standalone(std::string_view lang, std::string_view json_text);
  // The languages Unfurl has, as their assets/i18n file names: a build-time
  // list, so it names languages whose text has not been fetched.
  static std::vector<std::string> available();
  // A language's file, fetched at run time, parsed once and kept for load().
  // False, and nothing kept, for a language Unfurl does not have or a text
  // that is not that language's file (a server's error page, a cut-off
  // download, another language's file): its "language.name" must be the name
  // the build listed for it.
  static bool hand_in(std::string_view lang, std::string_view json_text);

 private:
  using Strings = std::map<std::string, std::string, std::less<>>;
  // Parsed texts live as long as the process and catalogues point at them:
  // each file is parsed once, and copying or reloading a catalogue costs
  // nothing (start-up used to parse English seven times).
  static const Strings* parse(std::string_view json_text);
  static const Strings* at_hand(std::string_view lang);
  static std::map<std::string, const Strings*, std::less<>>& loaded();
  const Strings* english_ = nullptr;
  const Strings* strings_ = nullptr;
  std::string lang_ = "en";
};

// The English catalogue, loaded on first use: the native build's fallback
// (in the app, whatever English was handed in by then).
const Catalogue& english();

// An error as a value: the field it is about, named as its file names it
// ("exercises[2].hold_s" — the same in every language, since that is what a
// clinic looks for in its link), and its sentence as a catalogue key with the
// values that fill it. The words are looked up only where someone reads them.
struct FieldError {
  std::string field;  // "" when the error is about the whole text
  std::string key;    // "error.outside_s"; "" when there is no error
  std::vector<std::string> args;
  bool empty() const { return key.empty(); }
};
// "exercises[2].hold_s: 45 is outside 20–30 s" in text's language; "" for no error.
std::string describe(const FieldError& e, const Catalogue& text = english());

}  // namespace unfurl::core
