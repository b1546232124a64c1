// A language is one file in assets/i18n/, and every file must say everything
// English says: the same keys, the same placeholders in the same order, the
// same number of lines in each passage, every glyph in the subset font — and
// no user-facing words left in the code that would stay English.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/assets.h"
#include "core/routine/routine.h"
#include "core/text/text.h"
#include "core/triage/trend.h"
#include "core/triage/triage.h"
#include "languages.h"

using namespace unfurl::core;
using nlohmann::json;

namespace {

json language(const std::string& code) { return json::parse(language_file(code)); }

std::vector<std::string> placeholders(const json& v) {
  std::string text;
  if (v.is_string()) text = v.get<std::string>();
  else for (const json& line : v) text += line.get<std::string>() + "\n";
  static const std::regex spec(R"(%[-+ #0]*\d*(?:\.\d+)?[sdf%])");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), spec); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Code points of a UTF-8 string.
std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

}  // namespace

TEST(I18n, SpanishShipsAlongsideEnglish) {
  std::vector<std::string> langs = Catalogue::available();
  EXPECT_NE(std::find(langs.begin(), langs.end(), "en"), langs.end());
  EXPECT_NE(std::find(langs.begin(), langs.end(), "es"), langs.end());
}

// English is in the app; every other language is a file fetched when chosen,
// and only the list of languages, with their names, is built in.
TEST(I18n, OnlyEnglishIsBuiltInAndEveryLanguageIsListedWithItsName) {
  EXPECT_FALSE(embedded_asset("assets/i18n/en.json").empty());
  ASSERT_EQ(Catalogue::available(), (std::vector<std::string>{"de", "en", "es", "fr", "it", "nl", "pl", "pt"}));
  for (const ShippedLanguage& l : shipped_languages()) {
    SCOPED_TRACE(std::string(l.code));
    if (l.code != "en") EXPECT_TRUE(embedded_asset("assets/i18n/" + std::string(l.code) + ".json").empty());
    EXPECT_EQ(l.name, language(std::string(l.code))["language.name"].get<std::string>());
  }
}

TEST(I18n, ALanguageHandedInAtRunTimeLoadsWithEnglishBeneathIt) {
  // A language that lacks a word shows the English one rather than nothing.
  ASSERT_TRUE(Catalogue::hand_in("es", R"({"language.name": "Español", "page.title": "Hola"})"));
  Catalogue es;
  ASSERT_TRUE(es.load("es"));
  EXPECT_EQ(es.lang(), "es");
  EXPECT_STREQ(es.get("page.title"), "Hola");
  EXPECT_STREQ(es.get("routine.name"), english().get("routine.name"));
  // Handed in again, the whole file replaces it.
  ASSERT_TRUE(Catalogue::hand_in("es", language_file("es")));
  ASSERT_TRUE(es.load("es"));
  EXPECT_STREQ(es.get("routine.name"), "Espalda por la mañana");
}

TEST(I18n, HandingInRefusesWhatIsNotALanguageFileOfUnfurls) {
  const std::string spanish = language_file("es");
  EXPECT_FALSE(Catalogue::hand_in("es", "")) << "a failed fetch";
  EXPECT_FALSE(Catalogue::hand_in("es", "<html><body>502 Bad Gateway</body></html>")) << "a server's error page";
  EXPECT_FALSE(Catalogue::hand_in("es", spanish.substr(0, spanish.size() / 2))) << "a download cut short";
  EXPECT_FALSE(Catalogue::hand_in("es", R"({"page.title": "Hola"})")) << "not a language file";
  EXPECT_FALSE(Catalogue::hand_in("xx", spanish)) << "not a language Unfurl has";
  EXPECT_FALSE(Catalogue::hand_in("en", spanish)) << "another language's file, served as English's";
  EXPECT_FALSE(Catalogue::hand_in("fr", spanish)) << "another language's file, served as French";
  Catalogue xx;
  EXPECT_FALSE(xx.load("xx"));
  EXPECT_EQ(xx.lang(), "en");
  EXPECT_STREQ(english().get("language.name"), "English");
}

// A clinic reading an error finds the field as its link names it; the person
// reads the sentence around it in their own language.
TEST(I18n, AnErrorNamesTheFieldAndIsWordedInTheReadersLanguage) {
  ASSERT_TRUE(Catalogue::hand_in("es", language_file("es")));
  Catalogue es;
  ASSERT_TRUE(es.load("es"));
  const FieldError e{"exercises[0].hold_s", "error.outside_s", {"90", "20", "30"}};
  EXPECT_EQ(describe(e), "exercises[0].hold_s: 90 is outside 20–30 s");
  EXPECT_EQ(describe(e, es), "exercises[0].hold_s: 90 está fuera de 20–30 s");
  EXPECT_EQ(describe(FieldError{"", "error.rx_base64", {}}, es), "no está en base64url");
  EXPECT_EQ(describe(FieldError{}), "") << "no error, no words";
  EXPECT_EQ(fill("%s: %s (%d)", {"a", "b", "3"}), "a: b (3)");
  EXPECT_EQ(fill("%s and %s", std::vector<std::string>{"one"}), "one and %s") << "a missing argument stays visible";
  EXPECT_EQ(fill("%d%%", "80"), "80%") << "a percent sign, as printf writes it";
  EXPECT_EQ(fill("%d %s", std::vector<std::string>{"3", "x", "surplus"}), "3 x") << "an extra argument is ignored";
  // The shell completes a sentence from its words around the placeholders, cut by the same rule.
  EXPECT_EQ(words_around_placeholders("Page %d of %d"), (std::vector<std::string>{"Page ", " of ", ""}));
  EXPECT_EQ(words_around_placeholders("%d%% done"), (std::vector<std::string>{"", "% done"}));
  EXPECT_EQ(words_around_placeholders("no placeholder"), (std::vector<std::string>{"no placeholder"}));
}

TEST(I18n, EveryLanguageHasEveryKeyWithTheSamePlaceholders) {
  const json en = language("en");
  for (const std::string& code : Catalogue::available()) {
    SCOPED_TRACE(code);
    const json other = language(code);
    for (auto it = en.begin(); it != en.end(); ++it) {
      ASSERT_TRUE(other.contains(it.key())) << code << " lacks " << it.key();
      const json& v = other[it.key()];
      EXPECT_EQ(v.type(), it.value().type()) << it.key();
      EXPECT_EQ(placeholders(v), placeholders(it.value())) << it.key();
      if (v.is_array()) EXPECT_EQ(v.size(), it.value().size()) << it.key() << ": a passage needs every line";
      if (v.is_string()) EXPECT_FALSE(v.get<std::string>().empty()) << it.key();
    }
    // A language may need more plural forms than English has (Polish: few, many):
    // those are the only keys English lacks, and the rule its file names must use each.
    const Catalogue alone = Catalogue::standalone(code, language_file(code));
    for (auto it = other.begin(); it != other.end(); ++it) {
      if (en.contains(it.key())) continue;
      const std::string& key = it.key();
      const size_t dot = key.rfind('.');
      const std::string stem = key.substr(0, dot), form = key.substr(dot);
      const bool plural_form = (form == ".few" || form == ".many") && en.contains(stem + ".one");
      EXPECT_TRUE(plural_form) << "unknown key " << key;
      EXPECT_EQ(placeholders(it.value()), placeholders(en[stem + ".other"])) << key;
    }
    for (auto it = en.begin(); it != en.end(); ++it) {
      const std::string& key = it.key();
      if (key.size() < 4 || key.substr(key.size() - 4) != ".one") continue;
      const std::string stem = key.substr(0, key.size() - 4);
      for (long n : {0, 1, 2, 3, 5, 12, 22, 25, 101, 112})
        EXPECT_TRUE(other.contains(alone.plural_key(stem, n))) << code << " has no " << alone.plural_key(stem, n);
    }
  }
}

// CLDR's rules for whole numbers, by the rule each file names.
TEST(I18n, CountedSentencesTakeTheirLanguagesPluralForm) {
  auto form = [](std::string_view rule, long n) {
    const Catalogue c = Catalogue::standalone("xx", std::string(R"({"language.plural": ")") + std::string(rule) + "\"}");
    const std::string key = c.plural_key("k", n);
    return key.substr(2);
  };
  EXPECT_EQ(form("one-is-1", 1), "one");
  EXPECT_EQ(form("one-is-1", 0), "other");
  EXPECT_EQ(form("one-is-1", 2), "other");
  EXPECT_EQ(form("one-is-0-or-1", 0), "one") << "French: 0 séance";
  EXPECT_EQ(form("one-is-0-or-1", 1), "one");
  EXPECT_EQ(form("one-is-0-or-1", 2), "other");
  EXPECT_EQ(form("one-few-many", 1), "one") << "1 sesja";
  for (long n : {2, 3, 4, 22, 23, 24, 102}) EXPECT_EQ(form("one-few-many", n), "few") << n << " sesje";
  for (long n : {0, 5, 11, 12, 13, 14, 21, 25, 112}) EXPECT_EQ(form("one-few-many", n), "many") << n << " sesji";
  // Each shipped language names a rule this code knows.
  for (const std::string& code : Catalogue::available()) {
    const std::string rule = language(code)["language.plural"].get<std::string>();
    EXPECT_TRUE(rule == "one-is-1" || rule == "one-is-0-or-1" || rule == "one-few-many") << code << ": " << rule;
  }
}

TEST(I18n, EachLanguageAloneCarriesTheRoutineAndEverySafetySentence) {
  for (const std::string& code : Catalogue::available()) {
    SCOPED_TRACE(code);
    // No English to fall back on: a missing word would be an error here, not a silent English sentence.
    Catalogue alone = Catalogue::standalone(code, language_file(code));
    RoutineResult r = load_routine(default_routine_json(), alone);
    ASSERT_TRUE(r.routine) << describe(r.error);
    TriageResult t = load_triage(embedded_asset("assets/triage/red-flags.json"), alone);
    ASSERT_TRUE(t.triage) << t.error;
    EXPECT_EQ(t.triage->flags.size(), default_triage().flags.size());
  }
}

// Home says which trend rule holds in the words keyed by the name state()
// reports (home.trend.<name>, src/ui/home.cpp): every rule has them.
TEST(I18n, EveryTrendRuleHasItsWordsUnderItsName) {
  int rules = 0;
  for (const Named<Trend>& t : kTrendNames) {
    if (t.value == Trend::none) continue;
    EXPECT_NE(english().find("home.trend." + std::string(t.name)), nullptr) << t.name;
    ++rules;
  }
  EXPECT_EQ(rules, 3);
}

// Start-up used to parse English seven times; every catalogue of a language
// now reads one shared copy, whoever loads it and however often.
TEST(I18n, EachLanguageFileIsReadOnceAndShared) {
  hand_in_every_language();
  for (const std::string code : {"en", "es"}) {
    Catalogue a, b;
    ASSERT_TRUE(a.load(code));
    ASSERT_TRUE(b.load(code));
    const Catalogue copy = a;
    ASSERT_NE(a.find("page.title"), nullptr);
    EXPECT_EQ(a.find("page.title"), b.find("page.title")) << code;
    EXPECT_EQ(a.find("page.title"), copy.find("page.title")) << code;
  }
  Catalogue es, en;
  es.load("es");
  en.load("en");
  EXPECT_NE(*es.find("language.name"), *en.find("language.name")) << "each language keeps its own words";
  EXPECT_EQ(en.find("language.name"), english().find("language.name")) << "english() shares the same copy";
}

TEST(I18n, SpanishKeepsTheEmergencyAnEmergency) {
  hand_in_every_language();
  Catalogue es;
  ASSERT_TRUE(es.load("es"));
  const Triage t = default_triage(es);
  // The emergency tier names emergency services and forbids the stretches, as the English does.
  EXPECT_NE(t.for_tier(Tier::emergency).title.find("emergencia"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::emergency).action.find("urgencias"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::emergency).action.find("No hagas los estiramientos"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::urgent).action.find("No hagas los estiramientos"), std::string::npos);
  EXPECT_NE(t.for_tier(Tier::clinician).action.find("No hagas los estiramientos hasta que te revisen"), std::string::npos);
  EXPECT_TRUE(t.for_tier(Tier::emergency).blocked);
  EXPECT_NE(std::string(es.get("session.stop")).find("me duele"), std::string::npos);
}

// docs/languages.md, Spanish: the words the people this app is for read
// right. Numbness is never bare "adormecimiento" (also drowsiness) and never
// "entumecimiento" (read as stiffness); "promptly" is "cuanto antes", not
// "pronto"; cues fit any gender (no "quieto", "listo", "tumbado").
TEST(I18n, SpanishNamesNumbnessAsLossOfFeelingAndSpeaksToAnyGender) {
  const json es = json::parse(language_file("es"));
  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& [key, value] : es.items()) {
    if (value.is_string()) texts.emplace_back(key, value.get<std::string>());
    else if (value.is_array())
      for (const json& line : value)
        if (line.is_string()) texts.emplace_back(key, line.get<std::string>());
  }
  for (const auto& [key, text] : texts) {
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("adormecimiento") != std::string::npos)
      EXPECT_NE(lower.find("pérdida de sensibilidad"), std::string::npos) << key << ": " << text;
    for (const char* word : {"entumec", "pronto", "quieto", "listo", "tumbad"})
      EXPECT_EQ(lower.find(word), std::string::npos) << key << " has \"" << word << "\": " << text;
  }
  EXPECT_NE(es["flag.leg_numb_weak.action"].get<std::string>().find("cuanto antes"), std::string::npos);
}

// The figure-four stretches the buttock of the crossed leg (piriformis and
// gluteals), not the hip flexors the article names (docs/clinical-sources.md).
TEST(I18n, TheFigureFourNamesTheMusclesItStretches) {
  for (const std::string lang : {"en", "es"}) {
    const json file = json::parse(language_file(lang));
    std::string all;
    for (const auto& [key, value] : file.items())
      if (key.rfind("ex.figure_four.", 0) == 0) all += value.dump();
    EXPECT_NE(all.find(lang == "en" ? "piriformis" : "piriforme"), std::string::npos) << lang;
    EXPECT_EQ(all.find(lang == "en" ? "flexor" : "flexores"), std::string::npos) << lang;
  }
}

// The preparation's rule about pain says what to do, as it is heard (no
// "means stop at once" without the Stop control).
TEST(I18n, ThePreparationTellsWhatToDoAboutSharpPain) {
  const json en = json::parse(language_file("en"));
  std::string lines = en["prepare.lines"].dump();
  EXPECT_NE(lines.find("stop at once and press Stop"), std::string::npos) << lines;
  EXPECT_EQ(lines.find("means stop"), std::string::npos) << lines;
  EXPECT_NE(json::parse(language_file("es"))["prepare.lines"].dump().find("detente de inmediato y pulsa Parar"), std::string::npos);
}

// In every language the emergency names the emergency department and
// forbids the stretches, and the urgent tier stays the same day, as the glossary
// in docs/languages.md records (its back-translations say the same).
TEST(I18n, EveryLanguageKeepsTheEmergencyAnEmergency) {
  hand_in_every_language();
  struct Words { const char* lang; const char* department; const char* no_stretching; const char* today; };
  for (const Words& w : {Words{"de", "Notaufnahme", "Machen Sie keine Dehnübungen", "heute"},
                         Words{"fr", "urgences", "Ne faites pas les étirements", "aujourd'hui"},
                         Words{"it", "pronto soccorso", "Non fare gli allungamenti", "oggi"},
                         Words{"nl", "spoedeisende hulp", "Doe de rekoefeningen niet", "vandaag"},
                         Words{"pl", "oddział ratunkowy", "Nie wykonuj ćwiczeń", "dziś"},
                         Words{"pt", "pronto-socorro", "Não faça os alongamentos", "hoje"}}) {
    SCOPED_TRACE(w.lang);
    Catalogue c;
    ASSERT_TRUE(c.load(w.lang));
    const Triage t = default_triage(c);
    EXPECT_NE(t.for_tier(Tier::emergency).action.find(w.department), std::string::npos);
    for (Tier tier : {Tier::emergency, Tier::urgent, Tier::clinician}) {
      EXPECT_NE(t.for_tier(tier).action.find(w.no_stretching), std::string::npos) << static_cast<int>(tier);
      EXPECT_TRUE(t.for_tier(tier).blocked);
    }
    EXPECT_NE(t.for_tier(Tier::urgent).action.find(w.today), std::string::npos);
    EXPECT_NE(t.for_tier(Tier::emergency).action, english().get("triage.emergency.action")) << "translated";
  }
}

TEST(I18n, NumbersAndDatesFollowTheLanguage) {
  hand_in_every_language();
  Catalogue es, en;
  ASSERT_TRUE(es.load("es"));
  ASSERT_TRUE(en.load("en"));
  EXPECT_EQ(es.number(2.5, 1), "2,5");
  EXPECT_EQ(en.number(2.5, 1), "2.5");
  EXPECT_EQ(es.number(-1.25, 1, true), "-1,2");
  EXPECT_EQ(en.number(1, 1, true), "+1.0");
  EXPECT_EQ(es.date("2026-11-22T07:30:00Z"), "22/11/2026");
  EXPECT_EQ(en.date("2026-11-22T07:30:00Z"), "2026-11-22");
  struct Written { const char* lang; const char* number; const char* date; };
  for (const Written& w : {Written{"de", "2,5", "22.11.2026"}, Written{"fr", "2,5", "22/11/2026"},
                           Written{"it", "2,5", "22/11/2026"}, Written{"nl", "2,5", "22-11-2026"},
                           Written{"pl", "2,5", "22.11.2026"}, Written{"pt", "2,5", "22/11/2026"}}) {
    Catalogue c;
    ASSERT_TRUE(c.load(w.lang));
    EXPECT_EQ(c.number(2.5, 1), w.number) << w.lang;
    EXPECT_EQ(c.date("2026-11-22T07:30:00Z"), w.date) << w.lang;
  }
}

// The subset font and ImGui's atlas (both from assets/fonts/glyphs.txt) must
// draw every character of every language file.
TEST(I18n, TheFontCoversEveryCharacterOfEveryLanguage) {
  std::stringstream list(read(std::filesystem::path(UNFURL_SOURCE_DIR) / "assets" / "fonts" / "glyphs.txt"));
  std::vector<std::pair<char32_t, char32_t>> ranges;
  for (std::string line; std::getline(list, line);) {
    if (line.empty() || !std::isxdigit(static_cast<unsigned char>(line[0]))) continue;
    const std::string range = line.substr(0, line.find(' '));
    const size_t dash = range.find('-');
    const char32_t lo = std::stoul(range.substr(0, dash), nullptr, 16);
    const char32_t hi = dash == std::string::npos ? lo : std::stoul(range.substr(dash + 1), nullptr, 16);
    ranges.push_back({lo, hi});
  }
  ASSERT_GT(ranges.size(), 5u);
  for (const std::string& code : Catalogue::available()) {
    std::set<char32_t> missing;
    for (char32_t cp : code_points(language_file(code))) {
      if (cp == '\n' || cp == ' ') continue;
      bool covered = std::any_of(ranges.begin(), ranges.end(), [&](auto r) { return cp >= r.first && cp <= r.second; });
      if (!covered) missing.insert(cp);
    }
    EXPECT_TRUE(missing.empty()) << code << " uses " << missing.size() << " character(s) the font lacks, first U+"
                                 << std::hex << (missing.empty() ? 0 : static_cast<unsigned>(*missing.begin()));
  }
}

// User-facing words in code would stay English whatever the language: the
// screens, the app and the page's shell must take every sentence from the
// catalogue. A string literal with two or more words of letters is a sentence;
// comments, identifiers, formats and the few technical strings are not.
TEST(I18n, NoUserFacingWordsInTheCode) {
  const std::filesystem::path root(UNFURL_SOURCE_DIR);
  static const std::regex literal(R"re("((?:[^"\\\n]|\\.)*)")re");
  static const std::regex js_literal(R"re('((?:[^'\\\n]|\\.)*)')re");
  static const std::regex sentence(R"re([A-Za-z]{2,}[,.:;!?]? [A-Za-z]{2,})re");
  std::vector<std::string> found;
  auto scan = [&](const std::filesystem::path& file, bool js) {
    std::ifstream in(file);
    int n = 0;
    for (std::string line; std::getline(in, line);) {
      ++n;
      std::string code = line.substr(0, line.find("//"));
      if (code.find_first_not_of(" \t") != std::string::npos && code.substr(code.find_first_not_of(" \t"), 1) == "*") continue;
      for (const std::regex* re : {&literal, js ? &js_literal : &literal}) {
        for (auto it = std::sregex_iterator(code.begin(), code.end(), *re); it != std::sregex_iterator(); ++it) {
          const std::string s = (*it)[1].str();
          if (s.rfind("(", 0) == 0) continue;  // a CSS media query, "(prefers-color-scheme: light)"
          if (std::regex_search(s, sentence))
            found.push_back(std::filesystem::relative(file, root).string() + ":" + std::to_string(n) + ": " + s);
        }
      }
    }
  };
  // Errors about the app's own built-in data (the poses, the red-flag table)
  // reach only developers and these tests, never a person; figure.cpp matches
  // the routine file's muscle ids ("hip flexors"), which are never shown; a
  // shader that fails to build goes to the console (the person sees page.load_failed).
  const std::set<std::string> developers_only = {"src/core/body/animator.cpp", "src/core/triage/triage.cpp",
                                                 "src/core/body/figure.cpp", "src/render/gl/program.cpp"};
  // Every folder under src/: notices and exports are made in src/model, labels could be drawn in src/render.
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root / "src"))
    if ((e.path().extension() == ".cpp" || e.path().extension() == ".h") &&
        !developers_only.count(std::filesystem::relative(e.path(), root).string())) {
      scan(e.path(), false);
      ++files;
    }
  EXPECT_GT(files, 60u) << "the scan read the sources";
  // embed-example.js is a clinic's page showing how to embed Unfurl: its words are the clinic's.
  for (const auto& e : std::filesystem::directory_iterator(root / "web"))
    if (e.path().extension() == ".js" && e.path().filename() != "embed-example.js") scan(e.path(), true);
  EXPECT_TRUE(found.empty()) << "English in the code; move it to assets/i18n/:\n" << [&] {
    std::string all;
    for (const std::string& f : found) all += "  " + f + "\n";
    return all;
  }();
}
