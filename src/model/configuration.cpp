// The page's configuration and the stored document read at start, the language
// chosen and fetched, and the routine the person runs (a clinic's prescription
// or the standard one with their own settings).
#include "model/model.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "core/assets.h"
#include "core/routine/prescription.h"
#include "core/routine/progression.h"
#include "model/parts.h"

namespace unfurl::model {

namespace {
namespace json = core::json;

// "es-MX" → "es": a language file serves every region of its language.
std::string language_code(const std::string& tag) {
  std::string code = tag.substr(0, tag.find('-'));
  for (char& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return code;
}

bool valid_lang(const std::string& s) {
  if (s.size() < 2 || s.size() > 8) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; });
}

// The page's language wishes: lang= when Unfurl has that language, else what
// it asked for (for the notice), and the browser's languages in order.
struct LanguageAsked {
  std::string lang, unknown;
  std::vector<std::string> browser;
  std::vector<std::string> tags;  // the browser's languages whole ("en-GB"): their regions give the number to call
};
LanguageAsked read_language_asked(const json::Value* page) {
  LanguageAsked out;
  if (auto lang = json::string(json::member(page, "lang"))) {
    std::string code = language_code(*lang);
    if (valid_lang(*lang) && has_language(code)) out.lang = code;
    else out.unknown = lang->substr(0, 16);
  }
  if (auto langs = json::string(json::member(page, "langs"))) {
    for (size_t start = 0; start < langs->size();) {
      size_t end = std::min(langs->find(',', start), langs->size());
      std::string one = langs->substr(start, end - start);
      if (valid_lang(one) && out.browser.size() < 16) {
        out.browser.push_back(language_code(one));
        out.tags.push_back(one);
      }
      start = end + 1;
    }
  }
  return out;
}
}  // namespace

bool has_language(const std::string& code) {
  if (code.empty()) return false;
  for (const std::string& l : core::Catalogue::available())
    if (l == code) return true;
  return false;
}

// The names come with the build's list of languages: offering one fetches nothing.
const std::vector<Model::Language>& Model::languages() const {
  static const std::vector<Language> all = [] {
    std::vector<Language> out;
    for (const core::ShippedLanguage& l : core::shipped_languages()) out.push_back({std::string(l.code), std::string(l.name)});
    return out;
  }();
  return all;
}

// The routine the person runs: a clinic's prescription as written, or the
// standard one with their own holds, repetitions and exercises — each kept
// inside the catalogue's range (docs/clinical.md), the order always the article's.
void Model::Personalise() {
  plan_.routine = plan_.base_routine;
  if (!plan_.prescribed) {
    const core::Settings& s = store_.doc.settings;
    std::vector<core::Exercise> kept;
    for (core::Exercise e : plan_.routine.exercises) {
      if (s.exercises_off.count(e.id)) continue;
      if (auto h = s.holds.find(e.id); h != s.holds.end())
        e.hold_s = std::clamp(std::round(h->second), e.hold_range.min_s, e.hold_range.max_s);
      if (auto r = s.reps.find(e.id); r != s.reps.end()) e.reps = std::clamp(r->second, e.reps_range.min, e.reps_range.max);
      kept.push_back(std::move(e));
    }
    if (!kept.empty()) plan_.routine.exercises = std::move(kept);
  }
  Replan();
}

void Model::Replan() {
  core::Session plan(plan_.routine, core::kRangeStart, core::VoicePlan{store_.doc.settings.voice_rate, &lang_.text});
  plan_.minutes = static_cast<int>(std::lround(plan.total_s() / 60));
}

void Model::Fetch(const std::string& lang) {
  lang_.asked = lang;
  outbox_.language = lang;
}

void Model::LanguageArrived(std::string_view lang, std::string_view json_text) {
  const std::string code(lang);
  const bool wanted = !code.empty() && code == lang_.asked;
  if (wanted) {
    lang_.asked.clear();
    outbox_.language.clear();
  }
  auto failed = [](const Notice& n) { return n.id == "lang.failed"; };
  const bool here = lang_.at_hand.count(code) || (!json_text.empty() && core::Catalogue::hand_in(code, json_text));
  if (!here) {
    if (!wanted) return;
    // The language on screen stays, and the person is told why nothing changed.
    if (lang_.chosen == code) lang_.chosen.clear();
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(), failed), notices_.end());
    std::string name = code;
    for (const Language& l : languages())
      if (l.code == code) name = l.name;
    AddNotice("lang.failed", "notice.lang_failed", name);
    return;
  }
  lang_.at_hand.insert(code);
  if (!wanted) return;  // the shell's guess, kept for when it is chosen
  notices_.erase(std::remove_if(notices_.begin(), notices_.end(), failed), notices_.end());
  if (lang_.chosen == code) {
    lang_.chosen.clear();
    store_.doc.settings.lang = code;
    core::forget_kept(store_.doc.settings, "lang");  // the person's choice replaces a stored value this version could not read
    Save();
  }
  ChooseLanguage();
  ++version_;
}

// The configuration first (the language asked for, the theme), then the
// history it applies to, then the words in the language they choose together.
void Model::Load(std::string_view stored, std::string_view config_json) {
  ReadConfiguration(config_json);
  ReadHistory(stored);
  ChooseLanguage();
  if (!lang_.rx.empty() && !plan_.prescribed) {
    // The reason names the link's field in its own format, for the clinic; the sentence around it is the person's.
    core::PrescriptionResult p = core::read_prescription_link(core::default_routine_json(), lang_.rx, lang_.text);
    Notify("config.rx", "notice.rx_unusable", core::describe(p.error, lang_.text).substr(0, 120));
  }
}

namespace {
// The query's value of `k`, when it is text.
std::optional<std::string> value_of(const json::Value* page, const char* k) { return json::string(json::member(page, k)); }

// What the shell sets itself (web/app.js), whatever the query says.
void read_shell_facts(const json::Value* page, PageConfig& c) {
  // The app's own address (never from the query): the reminder links back to it.
  if (auto href = value_of(page, "href"); href && (href->rfind("https://", 0) == 0 || href->rfind("http://", 0) == 0) &&
                                        href->size() < 512 && href->find_first_of("\r\n") == std::string::npos)
    c.href = *href;
  c.can_share = value_of(page, "share") == "1";
  // A value missing or of another type keeps its default.
  if (const json::Value* caps = json::member(page, "caps"); json::is_object(caps)) {
    for (auto [key, into] : {std::pair{"vibrate", &c.caps.vibrate}, {"storage", &c.caps.storage}, {"wake_lock", &c.caps.wake_lock},
                             {"install_prompt", &c.caps.install_prompt}, {"standalone", &c.caps.standalone}})
      *into = json::boolean(json::member(*caps, key)).value_or(*into);
  }
  c.light_scheme = value_of(page, "scheme") == "light";
}

// The yes/no switches, 1 or true, 0 or false, read alike by Load and by
// early_look (the shell asks, and decides nothing by the query's letters).
// One that is neither keeps PageConfig's default; each is returned, key and
// value, for its notice.
std::vector<std::pair<const char*, std::string>> read_switches(const json::Value* page, PageConfig& c) {
  std::vector<std::pair<const char*, std::string>> refused;
  for (auto [key, into] : {std::pair{"test", &c.test}, {"embed", &c.embed}, {"history", &c.keep_history}}) {
    const std::optional<std::string> v = value_of(page, key);
    if (!v) continue;
    if (*v == "1" || *v == "true") *into = true;
    else if (*v == "0" || *v == "false") *into = false;
    else refused.emplace_back(key, *v);
  }
  return refused;
}
}  // namespace

// The page's query, as the shell hands it over: each value checked, and a
// notice for each one that cannot be used, in the order they are read here.
void Model::ReadConfiguration(std::string_view config_json) {
  const std::optional<json::Document> parsed = json::parse(config_json);
  const json::Value* page = parsed ? &*parsed : nullptr;
  if (auto tab = value_of(page, "tab"); tab && tab->size() <= 12 &&
      std::all_of(tab->begin(), tab->end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); }))
    store_.tab = *tab + "-";
  read_shell_facts(page, page_.config);
  for (const auto& [key, said] : read_switches(page, page_.config))
    Notify(std::string("config.") + key, "notice.config_yes_no", std::string(key) + "=\"" + said.substr(0, 16) + "\"");
  const LanguageAsked asked = read_language_asked(page);
  page_.config.lang_asked = asked.unknown.empty() ? asked.lang : "en";
  page_.config.browser_langs = asked.browser;
  page_.config.browser_tags = asked.tags;
  // Unfurl stays in English (or the person's own choice), and says so in it: the
  // notice's words are filled in once the language is chosen (ChooseLanguage).
  if (!asked.unknown.empty()) Notify("config.lang", "notice.lang_unknown", asked.unknown);
  ReadClinic(value_of(page, "clinic"), value_of(page, "emergency"));
  ReadTheme(value_of(page, "theme"));
  ReadTimescale(value_of(page, "timescale"));
  lang_.rx = value_of(page, "rx").value_or("");
}

// The clinic's name and number, and from the number and the browser's regions the one to call.
void Model::ReadClinic(const std::optional<std::string>& clinic, const std::optional<std::string>& emergency) {
  if (clinic) {
    bool printable = std::none_of(clinic->begin(), clinic->end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == '<' || ch == '>'; });
    if (!clinic->empty() && clinic->size() <= 60 && printable) page_.config.clinic = *clinic;
    else Notify("config.clinic", "notice.config_clinic");
  }
  if (emergency) {
    if (core::valid_emergency_number(*emergency)) page_.config.emergency = *emergency;
    else Notify("config.emergency", "notice.config_emergency");
  }
  page_.emergency = core::choose_emergency_number(page_.config.emergency, page_.config.browser_tags);
}

void Model::ReadTheme(const std::optional<std::string>& theme) {
  if (!theme) return;
  if (*theme == "dim" || *theme == "light") page_.config.theme = *theme;
  else Notify("config.theme", "notice.config_theme", theme->substr(0, 16));
}

// For tests only (test=1): how many times faster the session's clock runs.
void Model::ReadTimescale(const std::optional<std::string>& timescale) {
  if (!timescale) return;
  // Read as a JSON number by RapidJSON's own reader: libc's strtod is left out of the wasm.
  const std::optional<json::Document> number = json::parse(*timescale);
  const std::optional<double> v = number ? json::number(&*number) : std::nullopt;
  if (!page_.config.test) Notify("config.timescale", "notice.config_timescale_test");
  else if (v && *v >= 0.1 && *v <= 1000) page_.config.timescale = *v;
  else Notify("config.timescale", "notice.config_timescale", timescale->substr(0, 16));
}

// The stored history, as the codec reads it; what it cannot read stays where it is.
void Model::ReadHistory(std::string_view stored) {
  core::Decoded d = core::decode_history(stored);
  if (d.status == core::DecodeStatus::ok || d.status == core::DecodeStatus::newer_schema) store_.stored_text = stored;
  switch (d.status) {
    case core::DecodeStatus::empty:
    case core::DecodeStatus::ok:
      store_.doc = std::move(d.doc);
      break;
    case core::DecodeStatus::unreadable:
      // The shell moves unreadable data aside before calling Load; this is the
      // second line of defence and changes nothing on disk until the next save.
      Notify("history.unreadable", "notice.history_unreadable");
      break;
    case core::DecodeStatus::newer_schema:
      store_.doc = std::move(d.doc);
      store_.read_only = true;
      Notify("history.newer", "notice.history_newer");
      break;
  }
  if (d.kept > 0) Notify("history.kept", "notice.history_kept", std::to_string(d.kept));
  store_.base = store_.doc;
  // The first theme follows the device's light or dark preference; after that, the person's setting.
  if (d.status == core::DecodeStatus::empty && page_.config.light_scheme) store_.doc.settings.dim = false;
  if (!page_.config.theme.empty()) store_.doc.settings.dim = page_.config.theme == "dim";
}

std::string choose_language(const std::string& chosen, const std::string& asked, const std::vector<std::string>& browser) {
  if (has_language(chosen)) return chosen;
  if (!asked.empty()) return asked;
  for (const std::string& b : browser)
    if (has_language(b)) return b;
  return "en";
}

// The same readings as Load and ChooseLanguage make, and nothing else: the
// history through the codec, the query through read_language_asked,
// core::valid_emergency_number and read_switches.
EarlyLook early_look(std::string_view stored, std::string_view config_json) {
  const std::optional<json::Document> parsed = json::parse(config_json);
  const json::Value* page = parsed ? &*parsed : nullptr;
  LanguageAsked asked = read_language_asked(page);
  if (!asked.unknown.empty()) asked.lang = "en";
  core::Decoded d = core::decode_history(stored);
  const bool read = d.status == core::DecodeStatus::ok || d.status == core::DecodeStatus::newer_schema;
  const std::optional<std::string> emergency = value_of(page, "emergency");
  PageConfig switches;
  read_switches(page, switches);
  return {d.status, choose_language(read ? d.doc.settings.lang : std::string(), asked.lang, asked.browser),
          emergency && core::valid_emergency_number(*emergency) ? *emergency : std::string(), switches.keep_history,
          switches.test};
}

void Model::ChooseLanguage() {
  std::string lang = choose_language(store_.doc.settings.lang, page_.config.lang_asked, page_.config.browser_langs);
  if (!lang_.at_hand.count(lang)) {
    // Its file is fetched; until it arrives, the language on screen stays
    // (at start, the one the shell handed in with the page).
    Fetch(lang);
    lang = lang_.at_hand.count(lang_.text.lang()) || lang_.at_hand.empty() ? lang_.text.lang() : *lang_.at_hand.begin();
  }
  lang_.text.load(lang);
  page_.config.lang = lang_.text.lang();
  for (Notice& n : notices_) n.text = core::fill(T(n.key), n.arg);
  lang_.triage = core::default_triage(lang_.text);
  plan_.prescribed = false;
  plan_.note.clear();
  plan_.prescription_changes.clear();
  plan_.base_routine = core::default_routine(lang_.text);
  if (!lang_.rx.empty()) {
    core::PrescriptionResult p = core::read_prescription_link(core::default_routine_json(), lang_.rx, lang_.text);
    if (p.prescription) {
      plan_.base_routine = std::move(p.prescription->routine);
      plan_.prescribed = true;
      plan_.note = std::move(p.prescription->note);
      DescribePrescription();
    }
  }
  Personalise();
}

// What a clinic's prescription changes from the standard routine, in plain
// words for Home: doses that differ, stretches left out, a smaller range.
void Model::DescribePrescription() {
  const core::Routine standard = core::default_routine(lang_.text);
  for (const core::Exercise& e : plan_.base_routine.exercises) {
    const core::Exercise* usual = standard.find(e.id);
    if (!usual) continue;
    if (e.hold_s != usual->hold_s) {
      plan_.prescription_changes.push_back(core::fill(
          T("home.rx_hold"), {e.name, std::to_string(static_cast<int>(e.hold_s)), std::to_string(static_cast<int>(usual->hold_s))}));
    }
    if (e.reps != usual->reps) {
      plan_.prescription_changes.push_back(
          core::fill(T("home.rx_reps"), {e.name, std::to_string(e.reps), std::to_string(usual->reps)}));
    }
  }
  std::string left_out;
  for (const core::Exercise& e : standard.exercises)
    if (!plan_.base_routine.find(e.id)) left_out += (left_out.empty() ? "" : ", ") + e.name;
  if (!left_out.empty()) plan_.prescription_changes.push_back(core::fill(T("home.rx_left_out"), left_out));
  if (plan_.base_routine.range_cap < 1) {
    plan_.prescription_changes.push_back(
        core::fill(T("home.rx_cap"), std::to_string(std::lround(plan_.base_routine.range_cap * 100))));
  }
}

}  // namespace unfurl::model
