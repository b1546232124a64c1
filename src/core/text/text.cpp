#include "core/text/text.h"

#include <algorithm>
#include <cstdio>
#include <list>

#include "core/assets.h"
#include "core/json.h"

namespace unfurl::core {

namespace {
constexpr std::string_view kEnglish = "assets/i18n/en.json";
}

// A list (a passage's lines) is kept as one text with a newline between lines:
// one map serves both, and the placeholder test reads them alike.
const Catalogue::Strings* Catalogue::parse(std::string_view json_text) {
  static std::list<Strings> kept;
  Strings& out = kept.emplace_back();
  const std::optional<json::Document> doc = json::parse(json_text);
  if (!doc || !doc->IsObject()) return &out;
  for (const auto& m : doc->GetObject()) {
    if (m.value.IsString()) {
      out[std::string(json::view(m.name))] = json::view(m.value);
    } else if (m.value.IsArray()) {
      std::string joined;
      for (const json::Value& line : m.value.GetArray()) {
        if (!line.IsString()) continue;
        if (!joined.empty()) joined += '\n';
        joined += json::view(line);
      }
      out[std::string(json::view(m.name))] = std::move(joined);
    }
  }
  return &out;
}

std::map<std::string, const Catalogue::Strings*, std::less<>>& Catalogue::loaded() {
  static std::map<std::string, const Strings*, std::less<>> by_lang;
  return by_lang;
}

const Catalogue::Strings* Catalogue::at_hand(std::string_view lang) {
  auto& by_lang = loaded();
  if (auto it = by_lang.find(lang); it != by_lang.end()) return it->second;
  if (lang != "en" || embedded_asset(kEnglish).empty()) return nullptr;
  return by_lang["en"] = parse(embedded_asset(kEnglish));
}

bool Catalogue::hand_in(std::string_view lang, std::string_view json_text) {
  const auto& all = shipped_languages();
  const auto shipped = std::find_if(all.begin(), all.end(), [&](const ShippedLanguage& l) { return l.code == lang; });
  if (shipped == all.end()) return false;
  const Strings* s = parse(json_text);
  if (auto name = s->find("language.name"); name == s->end() || name->second != shipped->name) return false;
  loaded()[std::string(lang)] = s;
  return true;
}

bool Catalogue::load(std::string_view lang) {
  english_ = at_hand("en");
  strings_ = at_hand(lang);
  if (!strings_) {
    strings_ = english_;
    lang_ = "en";
    return false;
  }
  lang_ = std::string(lang);
  return true;
}

Catalogue Catalogue::standalone(std::string_view lang, std::string_view json_text) {
  Catalogue c;
  c.strings_ = parse(json_text);
  c.lang_ = std::string(lang);
  return c;
}

const Catalogue& english() {
  static const Catalogue c = [] {
    Catalogue x;
    x.load("en");
    return x;
  }();
  return c;
}

std::vector<std::string> Catalogue::available() {
  std::vector<std::string> out;
  for (const ShippedLanguage& l : shipped_languages()) out.emplace_back(l.code);
  return out;
}

std::string Catalogue::date(std::string_view iso) const {
  if (iso.size() < 10) return std::string(iso);
  std::string out = get("date.pattern");
  auto put = [&](std::string_view token, std::string_view value) {
    if (size_t at = out.find(token); at != std::string::npos) out.replace(at, token.size(), value);
  };
  put("YYYY", iso.substr(0, 4));
  put("MM", iso.substr(5, 2));
  put("DD", iso.substr(8, 2));
  return out;
}

// CLDR's integer rules, named in each file's "language.plural". A rule is
// grammar, not words, so it lives here; a language whose rule is not listed
// yet falls back to the English one and still reads correctly for 1.
std::string Catalogue::plural_key(std::string_view key, long n) const {
  const std::string_view rule = get("language.plural");
  const long units = n % 10, tens = n % 100;
  const char* form = ".other";
  if (rule == "one-few-many") {
    form = n == 1 ? ".one" : (units >= 2 && units <= 4 && !(tens >= 12 && tens <= 14)) ? ".few" : ".many";
  } else if (rule == "one-is-0-or-1") {
    form = n == 0 || n == 1 ? ".one" : ".other";
  } else {
    form = n == 1 ? ".one" : ".other";
  }
  return std::string(key) + form;
}

std::string Catalogue::number(double v, int places, bool signed_) const {
  char buf[48];
  std::snprintf(buf, sizeof buf, signed_ ? "%+.*f" : "%.*f", places, v);
  std::string out = buf;
  if (size_t dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, get("number.decimal_point"));
  return out;
}

std::string fill(std::string_view fmt, std::string_view arg) { return fill(fmt, std::vector<std::string>{std::string(arg)}); }

namespace {
// printf's shape without printf: the words around each %s or %d, and which
// letter each placeholder was. "%%" is a percent sign.
struct Cut {
  std::vector<std::string> words{1};
  std::string marks;
};
Cut cut(std::string_view fmt) {
  Cut c;
  for (size_t i = 0; i < fmt.size(); ++i) {
    const char next = i + 1 < fmt.size() ? fmt[i + 1] : '\0';
    if (fmt[i] == '%' && next == '%') {
      c.words.back() += '%';
      ++i;
    } else if (fmt[i] == '%' && (next == 's' || next == 'd')) {
      c.marks += next;
      c.words.emplace_back();
      ++i;
    } else {
      c.words.back() += fmt[i];
    }
  }
  return c;
}
}  // namespace

// A translation whose placeholders are wrong shows them: it never reads past its arguments.
std::string fill(std::string_view fmt, const std::vector<std::string>& args) {
  const Cut c = cut(fmt);
  std::string out = c.words[0];
  for (size_t i = 0; i < c.marks.size(); ++i) {
    out += i < args.size() ? args[i] : std::string{'%', c.marks[i]};
    out += c.words[i + 1];
  }
  return out;
}

std::vector<std::string> words_around_placeholders(std::string_view fmt) { return cut(fmt).words; }

std::string describe(const FieldError& e, const Catalogue& text) {
  if (e.empty()) return {};
  std::string sentence = fill(text.get(e.key), e.args);
  return e.field.empty() ? sentence : fill(text.get("error.field"), {e.field, sentence});
}

const std::string* Catalogue::find(std::string_view key) const {
  for (const Strings* m : {strings_, english_})
    if (m)
      if (auto it = m->find(key); it != m->end()) return &it->second;
  return nullptr;
}

const char* Catalogue::get(std::string_view key) const {
  if (const std::string* s = find(key)) return s->c_str();
  static thread_local std::string fallback;
  fallback = std::string(key);
  return fallback.c_str();
}

std::vector<std::string> Catalogue::lines(std::string_view key) const {
  std::vector<std::string> out;
  const std::string* s = find(key);
  if (!s || s->empty()) return out;
  size_t start = 0;
  while (start <= s->size()) {
    size_t end = s->find('\n', start);
    if (end == std::string::npos) end = s->size();
    out.push_back(s->substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace unfurl::core
