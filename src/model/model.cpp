#include "model/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/assets.h"
#include "core/history/calendar.h"
#include "core/history/export.h"
#include "core/history/report.h"
#include "core/json.h"
#include "core/routine/prescription.h"
#include "core/routine/progression.h"

namespace unfurl::model {

namespace {
using nlohmann::json;
using core::Phase;

constexpr int kReportWeeks = 12;  // the weekly table: what fits the report's first page beside the rest

json parse_arg(std::string_view arg) {
  if (arg.empty()) return json();
  json j = core::parse_json(arg);
  // A bare word is as good as a JSON string: act('open', 'history').
  return j.is_discarded() ? json(std::string(arg)) : j;
}

// An action's argument when it names something ("intro", "csv"): "" when it is not a string.
std::string string_arg(const json& a) { return a.is_string() ? a.get<std::string>() : std::string(); }

std::optional<int> rating_arg(const json& j) {
  double v;
  if (j.is_number()) v = j.get<double>();
  else if (j.is_object() && j.contains("value") && j["value"].is_number()) v = j["value"].get<double>();
  else return std::nullopt;
  if (v < 0 || v > 10 || v != std::floor(v)) return std::nullopt;
  return static_cast<int>(v);
}

// "es-MX" → "es": a language file serves every region of its language.
std::string language_code(const std::string& tag) {
  std::string code = tag.substr(0, tag.find('-'));
  for (char& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return code;
}

bool has_language(const std::string& code) {
  if (code.empty()) return false;
  for (const std::string& l : core::Catalogue::available())
    if (l == code) return true;
  return false;
}

bool valid_lang(const std::string& s) {
  if (s.size() < 2 || s.size() > 8) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; });
}
// The one-time history questions are asked again after about six months (docs/clinical.md).
constexpr int kScreeningReaskDays = 183;

// A screen whose answer counts only once its whole list has been seen.
bool has_list(Screen s) { return s == Screen::check || s == Screen::screening || s == Screen::pattern; }
// The one-time health questions and the inflammatory-pattern questions, each
// question with its answer, for the report: [{title, rows: [[label, value]…]}].
json report_sections(const Model& m) {
  json sections = json::array();
  auto yes_no = [&](bool yes) { return m.T(yes ? "report.yes" : "report.no"); };
  auto said = [](const core::Answered& a, const std::string& id) {
    return std::find(a.yes.begin(), a.yes.end(), id) != a.yes.end();
  };
  if (const auto& s = m.doc().screening) {
    json rows = json::array({json::array({m.T("report.asked_label"), core::fill(m.T("report.asked"), m.text().date(s->asked))})});
    for (const core::RedFlag& q : m.triage().history) rows.push_back(json::array({q.question, yes_no(said(*s, q.id))}));
    if (!s->cleared.empty())
      rows.push_back(json::array({m.T("screening.cleared"), core::fill(m.T("report.asked"), m.text().date(s->cleared))}));
    sections.push_back({{"title", m.T("report.screening")}, {"rows", rows}});
  }
  if (const auto& a = m.doc().pattern) {
    json rows = json::array({json::array({m.T("report.asked_label"), core::fill(m.T("report.asked"), m.text().date(a->asked))})});
    if (a->result != "skipped")
      for (std::string_view q : core::kPatternQuestions)
        rows.push_back(json::array({m.T("pattern.q." + std::string(q)), yes_no(said(*a, std::string(q)))}));
    rows.push_back(json::array({m.T("report.result"), m.T("pattern.result." + a->result)}));
    sections.push_back({{"title", m.T("report.pattern")}, {"rows", rows}});
  }
  return sections;
}

}  // namespace

std::string_view screen_name(Screen s) {
  switch (s) {
    case Screen::home: return "home";
    case Screen::check: return "check";
    case Screen::check_result: return "check-result";
    case Screen::rating_before: return "rating-before";
    case Screen::session: return "session";
    case Screen::finish: return "finish";
    case Screen::history: return "history";
    case Screen::settings: return "settings";
    case Screen::screening: return "screening";
    case Screen::pattern: return "pattern";
    case Screen::about: return "about";
  }
  return "home";
}

Model::Model() : base_routine_(core::default_routine()), routine_(base_routine_), triage_(core::default_triage()) {
  text_.load("en");
  Replan();
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
  routine_ = base_routine_;
  if (!prescribed_) {
    const core::Settings& s = doc_.settings;
    std::vector<core::Exercise> kept;
    for (core::Exercise e : routine_.exercises) {
      if (s.exercises_off.count(e.id)) continue;
      if (auto h = s.holds.find(e.id); h != s.holds.end())
        e.hold_s = std::clamp(std::round(h->second), e.hold_range.min_s, e.hold_range.max_s);
      if (auto r = s.reps.find(e.id); r != s.reps.end()) e.reps = std::clamp(r->second, e.reps_range.min, e.reps_range.max);
      kept.push_back(std::move(e));
    }
    if (!kept.empty()) routine_.exercises = std::move(kept);
  }
  Replan();
}

void Model::Replan() {
  core::Session plan(routine_, core::kRangeStart, core::VoicePlan{doc_.settings.voice_rate, &text_});
  minutes_ = static_cast<int>(std::lround(plan.total_s() / 60));
}

void Model::Fetch(const std::string& lang) {
  asked_ = lang;
  outbox_.language = lang;
}

void Model::LanguageArrived(std::string_view lang, std::string_view json_text) {
  const std::string code(lang);
  const bool wanted = !code.empty() && code == asked_;
  if (wanted) {
    asked_.clear();
    outbox_.language.clear();
  }
  auto failed = [](const Notice& n) { return n.id == "lang.failed"; };
  const bool here = at_hand_.count(code) || (!json_text.empty() && core::Catalogue::hand_in(code, json_text));
  if (!here) {
    if (!wanted) return;
    // The language on screen stays, and the person is told why nothing changed.
    if (chosen_ == code) chosen_.clear();
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(), failed), notices_.end());
    std::string name = code;
    for (const Language& l : languages())
      if (l.code == code) name = l.name;
    AddNotice("lang.failed", "notice.lang_failed", name);
    return;
  }
  at_hand_.insert(code);
  if (!wanted) return;  // the shell's guess, kept for when it is chosen
  notices_.erase(std::remove_if(notices_.begin(), notices_.end(), failed), notices_.end());
  if (chosen_ == code) {
    chosen_.clear();
    doc_.settings.lang = code;
    core::forget_kept(doc_.settings, "lang");  // the person's choice replaces a stored value this version could not read
    Save();
  }
  ChooseLanguage();
  ++version_;
}

void Model::AddNotice(std::string_view id, std::string_view key, std::string_view arg) {
  Notify(std::string(id), std::string(key), std::string(arg));
  ++version_;
}

void Model::Unnotify(std::string_view id) {
  std::erase_if(notices_, [&](const Notice& n) { return n.id == id; });
}

void Model::Notify(std::string id, std::string key, std::string arg) {
  for (const Notice& n : notices_)
    if (n.id == id) return;
  std::string text = core::fill(T(key), arg);
  notices_.push_back({std::move(id), std::move(key), std::move(arg), std::move(text)});
}

void Model::Load(std::string_view stored, std::string_view config_json) {
  json c = core::parse_json(config_json);
  if (!c.is_object()) c = json::object();
  auto get = [&](const char* k) -> std::optional<std::string> {
    auto it = c.find(k);
    if (it == c.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  auto yes_no = [&](const char* k, bool fallback) {
    auto v = get(k);
    if (!v) return fallback;
    if (*v == "1" || *v == "true") return true;
    if (*v == "0" || *v == "false") return false;
    Notify(std::string("config.") + k, "notice.config_yes_no", std::string(k) + "=\"" + v->substr(0, 16) + "\"");
    return fallback;
  };

  if (auto tab = get("tab"); tab && tab->size() <= 12 &&
      std::all_of(tab->begin(), tab->end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); }))
    tab_ = *tab + "-";
  // The app's own address, set by the shell (never from the query): the reminder links back to it.
  if (auto href = get("href"); href && (href->rfind("https://", 0) == 0 || href->rfind("http://", 0) == 0) &&
                               href->size() < 512 && href->find_first_of("\r\n") == std::string::npos)
    config_.href = *href;
  config_.test = yes_no("test", false);
  config_.embed = yes_no("embed", false);
  config_.keep_history = yes_no("history", true);
  config_.can_share = get("share") == "1";
  std::string unknown_lang;
  if (auto lang = get("lang")) {
    std::string code = language_code(*lang);
    if (valid_lang(*lang) && has_language(code)) {
      config_.lang_asked = code;
    } else {
      // Unfurl stays in English (or the person's own choice), and says so in it: the
      // notice's words are filled in once the language is chosen, below.
      unknown_lang = lang->substr(0, 16);
      Notify("config.lang", "notice.lang_unknown", unknown_lang);
    }
  }
  if (auto langs = get("langs")) {
    for (size_t start = 0; start < langs->size();) {
      size_t end = std::min(langs->find(',', start), langs->size());
      std::string one = langs->substr(start, end - start);
      if (valid_lang(one) && config_.browser_langs.size() < 16) config_.browser_langs.push_back(language_code(one));
      start = end + 1;
    }
  }
  if (auto clinic = get("clinic")) {
    bool printable = std::none_of(clinic->begin(), clinic->end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == '<' || ch == '>'; });
    if (!clinic->empty() && clinic->size() <= 60 && printable) config_.clinic = *clinic;
    else Notify("config.clinic", "notice.config_clinic");
  }
  if (auto theme = get("theme")) {
    if (*theme == "dim" || *theme == "light") config_.theme = *theme;
    else Notify("config.theme", "notice.config_theme", theme->substr(0, 16));
  }
  if (auto ts = get("timescale")) {
    char* end = nullptr;
    double v = std::strtod(ts->c_str(), &end);
    if (!config_.test) Notify("config.timescale", "notice.config_timescale_test");
    else if (end && *end == '\0' && v >= 0.1 && v <= 1000) config_.timescale = v;
    else Notify("config.timescale", "notice.config_timescale", ts->substr(0, 16));
  }

  core::Decoded d = core::decode_history(stored);
  switch (d.status) {
    case core::DecodeStatus::empty:
    case core::DecodeStatus::ok:
      doc_ = std::move(d.doc);
      break;
    case core::DecodeStatus::unreadable:
      // The shell moves unreadable data aside before calling Load; this is the
      // second line of defence and changes nothing on disk until the next save.
      Notify("history.unreadable", "notice.history_unreadable");
      break;
    case core::DecodeStatus::newer_schema:
      doc_ = std::move(d.doc);
      read_only_ = true;
      Notify("history.newer", "notice.history_newer");
      break;
  }
  if (d.kept > 0) Notify("history.kept", "notice.history_kept", std::to_string(d.kept));
  base_ = doc_;
  // The first theme follows the device's light or dark preference; after that, the person's setting.
  if (d.status == core::DecodeStatus::empty && get("scheme") == "light") doc_.settings.dim = false;
  if (!config_.theme.empty()) doc_.settings.dim = config_.theme == "dim";
  if (!unknown_lang.empty()) config_.lang_asked = "en";
  rx_ = get("rx").value_or("");
  ChooseLanguage();
  if (!rx_.empty() && !prescribed_) {
    // The reason names the link's field in its own format, for the clinic; the sentence around it is the person's.
    core::PrescriptionResult p = core::read_prescription_link(core::default_routine_json(), rx_, text_);
    Notify("config.rx", "notice.rx_unusable", core::describe(p.error, text_).substr(0, 120));
  }
}

void Model::ChooseLanguage() {
  std::string lang = "en";
  if (has_language(doc_.settings.lang)) lang = doc_.settings.lang;
  else if (!config_.lang_asked.empty()) lang = config_.lang_asked;
  else
    for (const std::string& b : config_.browser_langs)
      if (has_language(b)) { lang = b; break; }
  if (!at_hand_.count(lang)) {
    // Its file is fetched; until it arrives, the language on screen stays.
    Fetch(lang);
    lang = text_.lang();
  }
  text_.load(lang);
  config_.lang = text_.lang();
  for (Notice& n : notices_) n.text = core::fill(T(n.key), n.arg);
  triage_ = core::default_triage(text_);
  prescribed_ = false;
  note_.clear();
  prescription_changes_.clear();
  base_routine_ = core::default_routine(text_);
  if (!rx_.empty()) {
    core::PrescriptionResult p = core::read_prescription_link(core::default_routine_json(), rx_, text_);
    if (p.prescription) {
      base_routine_ = std::move(p.prescription->routine);
      prescribed_ = true;
      note_ = std::move(p.prescription->note);
      DescribePrescription();
    }
  }
  Personalise();
}

void Model::SetClock(double epoch_ms, int utc_offset_min) {
  epoch_ms_ = epoch_ms;
  utc_offset_min_ = utc_offset_min;
  today_ = static_cast<int>(std::floor((epoch_ms / 1000.0 + utc_offset_min * 60.0) / 86400.0));
}

double Model::range_now() const {
  if (session_ && !session_->finished()) return session_->range();
  return std::clamp(doc_.range, core::kRangeMin,
                    core::range_cap(doc_.settings.soft_mattress, routine_.range_cap));
}

// What a clinic's prescription changes from the standard routine, in plain
// words for Home: doses that differ, stretches left out, a smaller range.
void Model::DescribePrescription() {
  const core::Routine standard = core::default_routine(text_);
  for (const core::Exercise& e : base_routine_.exercises) {
    const core::Exercise* usual = standard.find(e.id);
    if (!usual) continue;
    if (e.hold_s != usual->hold_s) {
      prescription_changes_.push_back(core::fill(
          T("home.rx_hold"), {e.name, std::to_string(static_cast<int>(e.hold_s)), std::to_string(static_cast<int>(usual->hold_s))}));
    }
    if (e.reps != usual->reps) {
      prescription_changes_.push_back(
          core::fill(T("home.rx_reps"), {e.name, std::to_string(e.reps), std::to_string(usual->reps)}));
    }
  }
  std::string left_out;
  for (const core::Exercise& e : standard.exercises)
    if (!base_routine_.find(e.id)) left_out += (left_out.empty() ? "" : ", ") + e.name;
  if (!left_out.empty()) prescription_changes_.push_back(core::fill(T("home.rx_left_out"), left_out));
  if (base_routine_.range_cap < 1) {
    prescription_changes_.push_back(
        core::fill(T("home.rx_cap"), std::to_string(std::lround(base_routine_.range_cap * 100))));
  }
}

const Model::DerivedHistory& Model::Derived() const {
  DerivedHistory& d = derived_;
  if (d.version == version_ && d.day == today_ && d.sessions == doc_.sessions.size()) return d;
  std::vector<core::RatedDay> days;
  days.reserve(doc_.sessions.size());
  for (const core::SessionRecord& r : doc_.sessions)
    days.push_back({r.day, r.before, r.after, r.pain == "back" || r.hurt.value_or(false)});
  d.trend = core::evaluate_trend(days, today_);
  d.stats = core::history_stats(doc_.sessions, today_);
  d.pattern_due = core::pattern_due(days, today_, doc_.pattern ? std::optional<int>(doc_.pattern->day) : std::nullopt);
  d.version = version_;
  d.day = today_;
  d.sessions = doc_.sessions.size();
  return d;
}

bool Model::review_banner() const {
  if (outcome_ && outcome_->level == core::Tier::review) return true;
  // The last check said "several weeks": keep saying so on Home until a later check does not.
  if (!doc_.sessions.empty() && doc_.sessions.back().check_level == "review") return true;
  if (!trend().review()) return false;
  // Acknowledged advice returns after 14 days if the rule still holds.
  return !doc_.trend_ack_day || today_ - *doc_.trend_ack_day >= 14;
}

bool Model::wants_wake_lock() const {
  return screen_ == Screen::session && session_ && !session_->finished();
}

void Model::Drain() {
  if (!session_) return;
  for (core::Cue& c : session_->take_cues()) {
    if (!visible_) continue;  // nobody hears a hidden page; "Paused" is said on return
    outbox_.cues.push_back({std::move(c), config_.lang});
  }
}

void Model::Update(double dt_s) {
  if (!session_ || screen_ != Screen::session) return;
  session_->advance(dt_s * config_.timescale);
  Drain();
  // For screen readers, the time left in a hold or a rest, written to a live
  // region every ten seconds and at five — not every second, which would
  // drown the voice's own words.
  const core::Phase ph = session_->phase();
  if ((ph == core::Phase::hold || ph == core::Phase::rest) && !session_->paused() && visible_) {
    const int left = static_cast<int>(std::ceil(session_->phase_remaining_s()));
    if (left != last_left_ && left > 0 && (left % 10 == 0 || left == 5))
      outbox_.announce.push_back(core::fill(T("session.seconds_left"), std::to_string(left)));
    last_left_ = left;
  }
  if (session_->phase() == Phase::done && !record_saved_) {
    EndSession("completed");
    screen_ = Screen::finish;
  }
}

void Model::SetVisible(bool visible) {
  if (visible == visible_) return;
  visible_ = visible;
  if (!session_ || session_->finished() || screen_ != Screen::session) return;
  if (!visible && !session_->paused()) {
    session_->pause();
    session_->take_cues();
    auto_paused_ = true;
  } else if (visible && auto_paused_ && session_->paused()) {
    outbox_.cues.push_back({{core::CueKind::speak, "paused", T("cue.paused_return")}, config_.lang});
  }
}

void Model::SetVoiceBusy(bool busy) {
  voice_busy_ = busy;
  if (session_) session_->set_voice_busy(busy);
}

void Model::Say(const std::string& key, const std::string& text) {
  outbox_.cues.push_back({{core::CueKind::speak, key, text}, config_.lang});
}

// Results are spoken as well as shown, plainly: someone may have their eyes closed.
void Model::SpeakResult() {
  if (screen_ == Screen::screening && screening_outcome_) {
    std::string text = T("screening." + std::string(core::tier_name(screening_outcome_->level)) + ".title");
    text += ".";
    for (const std::string& id : screening_outcome_->flags)
      if (const core::RedFlag* f = triage().find_history(id); f && text.find(f->action) == std::string::npos)
        text += " " + f->action;
    Say("screening.result", text + " " + T("screening.wait"));
    return;
  }
  const core::TierAdvice& a = triage().for_tier(outcome_->level);
  std::string text = core::fill(T("text.two_sentences"), {a.title, a.action});
  for (const std::string& id : outcome_->flags)
    if (const core::RedFlag* f = triage().find(id); f && !f->action.empty()) text += " " + f->action;
  Say("result." + std::string(core::tier_name(outcome_->level)), text);
}

void Model::Post(const std::string& type, const std::string& extra_json) {
  json e = {{"type", "unfurl:" + type}};
  if (!extra_json.empty()) {
    json x = core::parse_json(extra_json);
    if (x.is_object()) e.update(x);
  }
  outbox_.events.push_back(e.dump());
}

void Model::Save() {
  ++version_;  // the history changed: what is derived from it, and the screen, are out of date
  if (!config_.keep_history || read_only_) return;
  outbox_.store = core::encode_history(doc_);
}

std::string Model::MergeStored(std::string_view stored) {
  core::Decoded d = core::decode_history(stored);
  if (d.status == core::DecodeStatus::newer_schema) {
    read_only_ = true;  // another tab runs a newer Unfurl: its document is not ours to overwrite
    Notify("history.newer", "notice.history_newer");
    ++version_;
    return {};
  }
  if (d.status == core::DecodeStatus::ok) {
    doc_ = core::merge_history(base_, doc_, d.doc);
    ++version_;
  }
  // What storage holds stays the common ancestor until the shell says the
  // merged document was written: a refused write leaves this tab's new
  // sessions "new here", so the next write carries them instead of reading
  // their absence from storage as a deletion.
  base_ = d.status == core::DecodeStatus::ok ? std::move(d.doc) : core::HistoryDoc{};
  if (!session_) Personalise();
  return core::encode_history(doc_);
}

void Model::WriteResult(bool ok, std::string_view reason) {
  // The shell merges, writes and reports in one go, so nothing has changed since MergeStored.
  if (ok) base_ = doc_;
  Unnotify("storage.unsaved");
  unsaved_ = ok ? 0 : core::changed_sessions(base_, doc_);
  if (!ok) {
    const std::string why = reason == "full" ? "full" : "refused";
    if (unsaved_ > 0)
      Notify("storage.unsaved", text_.plural_key("notice.unsaved_" + why, unsaved_), std::to_string(unsaved_));
    else
      Notify("storage.unsaved", "notice.unsaved_changes_" + why);
  }
  ++version_;
}

void Model::RestoreUnsaved(std::string_view unsaved) {
  if (read_only_ || !config_.keep_history) return;
  core::Decoded u = core::decode_history(unsaved);
  if (u.status != core::DecodeStatus::ok) return;
  // No common ancestor is known: every session it holds counts as this tab's
  // own, and what storage gained since (another tab's sessions) is kept too.
  doc_ = core::merge_history(core::HistoryDoc{}, u.doc, doc_);
  if (!session_) Personalise();
  Save();
}

core::SessionRecord* Model::Current() {
  for (core::SessionRecord& r : doc_.sessions)
    if (!current_id_.empty() && r.id == current_id_) return &r;
  return nullptr;
}

// The record of this session or check, written as it stands now.
void Model::WriteRecord(const std::string& outcome) {
  core::SessionRecord* r = Current();
  if (!r) {
    // The tab's own mark keeps ids apart when two tabs start in the same millisecond.
    current_id_ = "s" + std::to_string(static_cast<long long>(epoch_ms_)) + "-" + tab_ + std::to_string(next_id_++);
    doc_.sessions.emplace_back();
    r = &doc_.sessions.back();
    r->id = current_id_;
    r->started = started_iso_.empty() ? core::iso8601(epoch_ms_) : started_iso_;
    r->day = today_;
  }
  r->routine = routine_.id;
  r->ended = core::iso8601(epoch_ms_);
  r->outcome = outcome;
  if (outcome_) {
    r->check_level = std::string(core::tier_name(outcome_->level));
    r->check_flags = outcome_->flags;
    r->check_flags.insert(r->check_flags.end(), outcome_->also.begin(), outcome_->also.end());
  }
  r->before = before_;
  r->range = range_now();
  if (session_) r->exercises = session_->exercises_done();
  if (stop_answer_) r->pain = *stop_answer_;
}

void Model::EndSession(const std::string& outcome) {
  if (record_saved_) return;
  record_saved_ = true;
  WriteRecord(outcome);

  if (outcome == "completed") {
    Post("session-completed", json({{"duration_s", std::lround(session_->elapsed_s())},
                                    {"exercises_done", session_->exercises_done().size()}}).dump());
  } else if (outcome == "stopped-pain") {
    Post("session-stopped");
  } else if (outcome == "blocked") {
    Post("check-blocked");
  }
  Save();
}

bool Model::Start() {
  switch (screen_) {
    case Screen::home:
      if (!doc_.intro_ack) { doc_.intro_ack = true; Save(); }
      answers_.clear();
      outcome_.reset();
      stop_answer_.reset();
      if (ShowStandingBlock()) return true;
      if (screening_due()) { OpenScreening(Screen::check); return true; }
      screen_ = Screen::check;
      return true;
    case Screen::check_result:
      if (!outcome_ || outcome_->blocked) return false;
      screen_ = Screen::rating_before;
      return true;
    case Screen::rating_before:
      return BeginSession();
    default:
      return false;
  }
}

// Earlier today's block, shown again with what was answered: nothing but
// "I answered by mistake" gets past it, and that leads to a fresh check.
bool Model::ShowStandingBlock() {
  const core::SessionRecord* b = core::standing_block(doc_.sessions, today_);
  if (!b) return false;
  core::CheckOutcome o;
  if (!b->pain.empty() && b->outcome != "blocked") {
    const auto stop = core::evaluate_stop(triage(), b->pain);
    o.level = stop && stop->level != core::Tier::none ? stop->level : core::Tier::clinician;
    stop_answer_ = b->pain;
  } else {
    o.level = core::tier_from_name(b->check_level).value_or(core::Tier::emergency);
    for (const std::string& id : b->check_flags)
      if (const core::RedFlag* f = triage().find(id)) (f->tier == o.level ? o.flags : o.also).push_back(id);
  }
  o.blocked = true;
  outcome_ = std::move(o);
  remembered_ = true;
  screen_ = Screen::check_result;
  SpeakResult();
  return true;
}

bool Model::Withdraw() {
  if (screen_ != Screen::check_result || !remembered_) return false;
  // Every block of today is withdrawn, and the history keeps when.
  for (core::SessionRecord& r : doc_.sessions)
    if (r.day == today_ && r.withdrawn.empty() && core::is_block(r)) r.withdrawn = core::iso8601(epoch_ms_);
  Save();
  remembered_ = false;
  answers_.clear();
  outcome_.reset();
  stop_answer_.reset();
  screen_ = Screen::check;
  return true;
}

bool Model::Answer(std::string_view arg) {
  json a = parse_arg(arg);
  // A question on the check, the history or the pattern screen: its id (which
  // toggles it) or {id, value}.
  std::string id;
  std::optional<bool> value;
  if (a.is_string()) id = a.get<std::string>();
  else if (a.is_object() && a.contains("id") && a["id"].is_string()) {
    id = a["id"].get<std::string>();
    if (a.contains("value") && a["value"].is_boolean()) value = a["value"].get<bool>();
  }
  auto tick = [&](std::set<std::string>& ticked) {
    if (value.value_or(!ticked.count(id))) ticked.insert(id); else ticked.erase(id);
    return true;
  };
  if (screen_ == Screen::check) {
    if (a.is_string() && id == "none") {
      if (!answers_.empty()) return false;  // "None" while flags are ticked is a contradiction
      if (list_ == ListSeen::unseen) return false;  // not before every sign has been on screen
      return Continue();
    }
    return triage().find(id) && tick(answers_);
  }
  if (screen_ == Screen::screening || screen_ == Screen::pattern) {
    if (screen_ == Screen::screening) return AnswerScreening(id, value);
    // The nine questions after the gate; the gate itself is its own yes or no.
    if (pattern_step() != PatternStep::questions || id == core::kPatternGate ||
        std::find(std::begin(core::kPatternQuestions), std::end(core::kPatternQuestions), id) ==
            std::end(core::kPatternQuestions))
      return false;
    return tick(pattern_answers_);
  }
  if (screen_ == Screen::session && session_ && session_->phase() == Phase::stopped && !stop_answer_) {
    if (!a.is_string()) return false;
    std::string id = a.get<std::string>();
    auto out = core::evaluate_stop(triage(), id);
    if (!out) return false;
    stop_answer_ = id;
    doc_.range = std::clamp(doc_.range + out->range_change, core::kRangeMin, core::kRangeMax);
    if (core::SessionRecord* r = Current()) r->pain = id;
    Save();
    if (out->level != core::Tier::none) {
      outcome_ = core::CheckOutcome{out->level, {}, {}, triage().for_tier(out->level).blocked};
      screen_ = Screen::check_result;
      SpeakResult();
    } else {
      Say("stop.rest", core::fill(T("text.two_sentences"), {triage().rest_title, triage().rest_action}));
    }
    return true;
  }
  if (screen_ == Screen::finish) {
    // {"hurt": true|false}
    if (a.is_object() && a.contains("hurt") && a["hurt"].is_boolean()) {
      hurt_ = a["hurt"].get<bool>();
      return true;
    }
    return false;
  }
  return false;
}

bool Model::Continue() {
  if (screen_ == Screen::check) {
    std::vector<std::string> answers(answers_.begin(), answers_.end());
    outcome_ = core::evaluate_check(triage(), answers);
    if (outcome_->level == core::Tier::none) {
      screen_ = Screen::rating_before;
      return true;
    }
    screen_ = Screen::check_result;
    SpeakResult();
    if (outcome_->blocked) {
      record_saved_ = false;
      current_id_.clear();
      started_iso_.clear();
      session_.reset();
      before_.reset();
      EndSession("blocked");
    }
    return true;
  }
  if (screen_ == Screen::check_result) return Start();
  if (screen_ == Screen::rating_before) return BeginSession();
  if (screen_ == Screen::screening) return ContinueScreening();
  if (screen_ == Screen::pattern) return Pattern("done");
  return false;
}

bool Model::screening_due() const {
  const std::optional<core::Answered>& s = doc_.screening;
  if (!s) return true;
  if (!s->yes.empty() && s->cleared.empty()) return true;  // the routine waits for a doctor's word
  return today_ - s->day >= kScreeningReaskDays;
}

core::Answered Model::MakeAnswered(std::vector<std::string> yes, std::string result) const {
  core::Answered a;
  a.asked = core::iso8601(epoch_ms_);
  a.day = today_;
  a.yes = std::move(yes);
  a.result = std::move(result);
  return a;
}

// after: where the questions lead once answered (the check before a session, or Settings).
void Model::OpenScreening(Screen after) {
  after_screening_ = after;
  screening_answers_.clear();
  screening_outcome_.reset();
  const std::optional<core::Answered>& s = doc_.screening;
  // A "yes" not yet cleared by a doctor or physiotherapist: its result again, and the routine still waits.
  if (after == Screen::check && s && !s->yes.empty() && s->cleared.empty() && today_ - s->day < kScreeningReaskDays) {
    screening_answers_.insert(s->yes.begin(), s->yes.end());
    screening_outcome_ = core::evaluate_history(triage(), s->yes);
  }
  screen_ = Screen::screening;
  if (screening_outcome_) SpeakResult();
}

bool Model::AnswerScreening(const std::string& id, std::optional<bool> value) {
  if (screening_outcome_) return false;
  if (id == "none") {
    if (!screening_answers_.empty() || list_ == ListSeen::unseen) return false;
    doc_.screening = MakeAnswered({});
    Save();
    return LeaveScreening();
  }
  if (!triage().find_history(id)) return false;
  const bool on = value.value_or(!screening_answers_.count(id));
  if (on) screening_answers_.insert(id); else screening_answers_.erase(id);
  return true;
}

bool Model::ContinueScreening() {
  if (screening_outcome_ || screening_answers_.empty()) return false;
  std::vector<std::string> yes(screening_answers_.begin(), screening_answers_.end());
  screening_outcome_ = core::evaluate_history(triage(), yes);
  doc_.screening = MakeAnswered(screening_outcome_->flags);
  doc_.screening->yes.insert(doc_.screening->yes.end(), screening_outcome_->also.begin(), screening_outcome_->also.end());
  Save();
  SpeakResult();
  return true;
}

// "A doctor or physiotherapist has checked my back and said these stretches are fine": recorded with its date.
bool Model::Cleared() {
  if (screen_ != Screen::screening || !screening_outcome_ || !doc_.screening) return false;
  doc_.screening->cleared = core::iso8601(epoch_ms_);
  Save();
  return LeaveScreening();
}

bool Model::LeaveScreening() {
  screening_outcome_.reset();
  screening_answers_.clear();
  screen_ = after_screening_;
  if (screen_ == Screen::check) answers_.clear();
  return true;
}

Model::PatternStep Model::pattern_step() const {
  if (screen_ != Screen::pattern) return PatternStep::none;
  if (pattern_result_) return PatternStep::result;
  return pattern_answers_.count(std::string(core::kPatternGate)) ? PatternStep::questions : PatternStep::gate;
}

bool Model::pattern_offered() const {
  return screen_ == Screen::home && !session_ && Derived().pattern_due;
}

// The NG65 questions: "open" from Home's offer; the age gate answered "yes"
// (the nine questions follow) or "no" (which ends it); "done" for the result;
// "skip" from anywhere before the result.
bool Model::Pattern(std::string_view step) {
  if (step == "open") {
    if (!pattern_offered()) return false;
    pattern_answers_.clear();
    pattern_result_.reset();
    screen_ = Screen::pattern;
    return true;
  }
  if (step == "skip") {
    if (!pattern_offered() && !(screen_ == Screen::pattern && !pattern_result_)) return false;
    doc_.pattern = MakeAnswered({}, "skipped");
    Save();
    screen_ = Screen::home;
    return true;
  }
  const PatternStep now = pattern_step();
  if (step == "yes" && now == PatternStep::gate) {
    pattern_answers_.insert(std::string(core::kPatternGate));
    list_ = ListSeen::unknown;  // the nine questions are a new list to be seen
    return true;
  }
  const bool ended_at_gate = step == "no" && now == PatternStep::gate;
  if (!ended_at_gate && !(step == "done" && now == PatternStep::questions && list_ != ListSeen::unseen)) return false;
  std::vector<std::string> yes;
  for (std::string_view q : core::kPatternQuestions)
    if (pattern_answers_.count(std::string(q))) yes.emplace_back(q);
  pattern_result_ = core::evaluate_pattern(yes);
  doc_.pattern = MakeAnswered(yes, std::string(core::pattern_result_name(*pattern_result_)));
  Save();
  Say("pattern.result", std::string(T("pattern.result." + doc_.pattern->result)) + " " + T("pattern.not_diagnosis"));
  return true;
}

bool Model::BeginSession() {
  if (screen_ != Screen::rating_before || !outcome_ || outcome_->blocked) return false;
  session_.emplace(routine_,
                   std::clamp(doc_.range, core::kRangeMin, core::range_cap(doc_.settings.soft_mattress, routine_.range_cap)),
                   core::VoicePlan{doc_.settings.voice_rate, &text_});
  session_->set_voice_busy(voice_busy_);
  screen_ = Screen::session;
  stop_answer_.reset();
  after_.reset();
  hurt_.reset();
  auto_paused_ = false;
  record_saved_ = false;
  started_iso_ = core::iso8601(epoch_ms_);
  // Saved as abandoned from the first second: a crash or a closed tab loses
  // nothing but the end of this session, and the record says so.
  current_id_.clear();
  WriteRecord("abandoned");
  Save();
  Post("session-started");
  Drain();
  return true;
}

bool Model::StopForPain() {
  if (screen_ != Screen::session || !session_ || !session_->stop()) return false;
  Drain();
  Say("stop.question", triage().stop_question);
  EndSession("stopped-pain");
  return true;
}

bool Model::Finish() {
  if (screen_ != Screen::finish) return false;
  core::SessionRecord* current = Current();
  if (!current) return false;
  core::SessionRecord& r = *current;
  r.after = after_;
  r.hurt = hurt_;
  core::RangeInputs in;
  in.completed = r.outcome == "completed";
  in.hurt = hurt_;
  // While the trend rule asks for a clinician, the range does not grow.
  in.review = (outcome_ && outcome_->level == core::Tier::review) || trend().review();
  in.soft_mattress = doc_.settings.soft_mattress;
  in.prescription_cap = routine_.range_cap;
  doc_.range = core::next_range(doc_.range, in);
  Save();
  session_.reset();
  outcome_.reset();
  screen_ = Screen::home;
  return true;
}

bool Model::Set(std::string_view arg) {
  json a = parse_arg(arg);
  if (!a.is_object() || !a.contains("key") || !a["key"].is_string() || !a.contains("value")) return false;
  std::string key = a["key"].get<std::string>();
  const json& v = a["value"];
  core::Settings& s = doc_.settings;
  if (const core::ScalarSetting* d = core::find_setting(key)) {
    if (d->flag) {
      if (!v.is_boolean()) return false;
      s.*d->flag = v.get<bool>();
    } else {
      if (d->whole ? !v.is_number_integer() : !v.is_number()) return false;
      const double x = v.get<double>();
      if (x < d->min || x > d->max) return false;
      if (d->whole) s.*d->whole = static_cast<int>(x); else s.*d->number = x;
    }
    if (key == "eyes_closed" && s.eyes_closed) s.dim = true;
    if (key == "voice_rate") Replan();
  } else if (key == "lang") {
    if (!v.is_string() || !has_language(v.get<std::string>()) || (session_ && !session_->finished())) return false;
    const std::string code = v.get<std::string>();
    if (!at_hand_.count(code)) {
      // Chosen once its file has arrived (LanguageArrived); nothing changes before.
      chosen_ = code;
      Fetch(code);
      return true;
    }
    chosen_.clear();
    s.lang = code;
    ChooseLanguage();
  } else if (key.rfind("hold.", 0) == 0 || key.rfind("reps.", 0) == 0 || key.rfind("exercise.", 0) == 0) {
    // Per exercise, only inside the catalogue's range; a prescription is the clinic's to change.
    const std::string id = key.substr(key.find('.') + 1);
    const core::Exercise* e = base_routine_.find(id);
    if (!e || prescribed_) return false;
    if (key[0] == 'h') {
      if (!v.is_number() || v.get<double>() < e->hold_range.min_s || v.get<double>() > e->hold_range.max_s) return false;
      s.holds[id] = v.get<double>();
    } else if (key[0] == 'r') {
      if (!v.is_number_integer() || v.get<int>() < e->reps_range.min || v.get<int>() > e->reps_range.max) return false;
      s.reps[id] = v.get<int>();
    } else {
      if (!v.is_boolean()) return false;
      if (v.get<bool>()) s.exercises_off.erase(id);
      else if (s.exercises_off.size() + 1 < base_routine_.exercises.size()) s.exercises_off.insert(id);
      else return false;  // at least one stretch stays
    }
    Personalise();
  } else {
    return false;
  }
  // Whatever was kept verbatim for this setting (a type this version could not read) gives way to the choice.
  const std::string id = key.substr(key.find('.') + 1);
  core::forget_kept(s, key.rfind("hold.", 0) == 0 ? "holds." + id : key.rfind("reps.", 0) == 0 ? key
                       : key.rfind("exercise.", 0) == 0 ? "exercises_off" : key);
  if (key == "eyes_closed" && s.eyes_closed) core::forget_kept(s, "dim");
  Save();
  return true;
}

// "Delete all my data": asked first, with the export offered; then everything
// this device keeps for Unfurl is erased, including data kept aside as unreadable.
bool Model::DeleteData(std::string_view step) {
  if (screen_ != Screen::settings) return false;
  if (step.empty()) return !confirm_delete_ && (confirm_delete_ = true);
  if (!confirm_delete_) return false;
  confirm_delete_ = false;
  if (step == "cancel") return true;
  if (step != "confirm") return false;
  doc_ = core::HistoryDoc{};
  base_ = doc_;
  unsaved_ = 0;
  Unnotify("storage.unsaved");
  current_id_.clear();
  outbox_.erase = true;
  Personalise();
  Notify("history.deleted", "notice.deleted");
  return true;
}

// What the person takes to a clinician, made here from their own history.
bool Model::Export(std::string_view what) {
  if (what == "aside") {
    const bool kept = std::any_of(notices_.begin(), notices_.end(), [](const Notice& n) { return n.id == "history.unreadable"; });
    return kept && (outbox_.download_asides = true);
  }
  if (what == "ics") {
    const std::string uid = tab_ + std::to_string(static_cast<long long>(epoch_ms_)) + "@unfurl";
    outbox_.download = Outbox::File{T("ics.filename"), "text/calendar",
                                    core::reminder_ics(doc_.settings.reminder_min, today_ + 1, epoch_ms_, uid, config_.href, text_)};
    return true;
  }
  if (doc_.sessions.empty()) return false;
  if (what == "csv") {
    outbox_.download = Outbox::File{T("csv.filename"), "text/csv", core::sessions_csv(doc_, text_)};
    return true;
  }
  if (what != "report") return false;
  // Everything the history holds, however long: the layout (web/report.js)
  // pages it; nothing here is cut to fit a page.
  const core::HistoryStats& st = stats();
  auto date_of = [&](int day) { return text_.date(core::iso8601(day * 86400000.0)); };
  auto cell = [](std::optional<int> v) { return v ? std::to_string(*v) : std::string("–"); };
  auto mean = [&](std::optional<double> v) { return v ? text_.number(*v, 1) : std::string("–"); };
  json routine = json::array();
  for (const core::Exercise& e : routine_.exercises) {
    std::string dose = e.reps > 1 ? core::fill(T("report.reps"), std::to_string(e.reps)) + " " : "";
    dose += core::fill(T("report.hold"), std::to_string(static_cast<int>(e.hold_s)));
    if (e.sided) dose += std::string(" ") + T("report.sides");
    routine.push_back({{"name", e.name}, {"dose", dose}});
  }
  json weeks = json::array();
  for (const core::WeekSummary& w : core::weekly_summary(doc_.sessions, today_, kReportWeeks))
    weeks.push_back(std::vector<std::string>{date_of(w.first_day) + " – " + date_of(w.first_day + 6),
                                             std::to_string(w.sessions), std::to_string(w.completed),
                                             std::to_string(w.stopped), std::to_string(w.blocked), mean(w.before),
                                             mean(w.after)});
  json plot = json::array(), sessions = json::array(), safety = json::array();
  auto rating = [](std::optional<int> v) { return v ? json(*v) : json(nullptr); };
  // In the order they happened, whatever order merges from other tabs left them in.
  std::vector<const core::SessionRecord*> ordered;
  for (const core::SessionRecord& r : doc_.sessions) ordered.push_back(&r);
  std::sort(ordered.begin(), ordered.end(), [](const core::SessionRecord* a, const core::SessionRecord* b) {
    return a->day != b->day ? a->day < b->day : a->started != b->started ? a->started < b->started : a < b;
  });
  for (const core::SessionRecord* p : ordered) {
    const core::SessionRecord& r = *p;
    const std::string date = date_of(r.day);
    if (r.before || r.after) plot.push_back({{"date", date}, {"before", rating(r.before)}, {"after", rating(r.after)}});
    // The check as answered: the signs named, or none of them.
    std::string flags;
    for (const std::string& id : r.check_flags)
      if (const core::RedFlag* f = triage().find(id)) flags += (flags.empty() ? "" : T("text.list_separator")) + f->short_text;
    std::string check = r.check_level == "none" ? T("report.check_none") : T(("tier." + r.check_level).c_str());
    if (!flags.empty()) check += ": " + flags;
    if (!r.withdrawn.empty()) check += core::fill(T("report.withdrawn"), text_.date(r.withdrawn));
    const std::string stop = !r.pain.empty() ? T(("history.pain_" + r.pain).c_str()) : "–";
    const std::string percent = core::fill(T("report.percent"), std::to_string(std::lround(r.range * 100)));
    sessions.push_back(std::vector<std::string>{date, T(("outcome." + r.outcome).c_str()), check,
                                                cell(r.before) + " → " + cell(r.after),
                                                r.hurt ? T(*r.hurt ? "finish.yes" : "finish.no") : "–", stop,
                                                r.outcome == "blocked" ? "–" : percent, std::to_string(r.exercises.size())});
    std::string said = flags;
    if (stop != "–") said += (said.empty() ? "" : T("text.list_separator")) + stop;
    if (!r.withdrawn.empty()) said += core::fill(T("report.withdrawn"), text_.date(r.withdrawn));
    if (!said.empty()) safety.push_back({{"date", date}, {"text", said}});
  }
  std::reverse(sessions.begin(), sessions.end());  // the latest first
  const std::string summary =
      core::fill(T("report.summary"), {std::to_string(st.sessions), std::to_string(st.completed),
                                       std::to_string(st.current_streak), std::to_string(st.best_streak)});
  const std::string made = core::fill(T("report.made"), text_.date(core::iso8601(epoch_ms_ + utc_offset_min_ * 60000.0)));
  const std::string period = core::fill(T("report.period"), {date_of(ordered.front()->day), date_of(ordered.back()->day)});
  json labels;
  for (const char* k : {"title", "routine", "plot", "sessions", "safety", "none", "print", "close", "share", "name",
                        "dob", "remember", "page", "weeks", "patient"})
    labels[k] = T(std::string("report.") + k);
  labels["weeks"] = core::fill(T("report.weeks"), std::to_string(kReportWeeks));
  labels["prescribed"] = T("home.prescribed");
  labels["before"] = T("history.before");
  labels["after"] = T("history.after");
  std::vector<std::string> week_head, session_head;
  for (const char* k : {"week", "count", "completed", "stopped", "blocked", "before", "after"})
    week_head.push_back(T(std::string("report.weeks_") + k));
  for (const char* k : {"date", "outcome", "check", "stiffness", "hurt", "stop", "range", "done"})
    session_head.push_back(T(std::string("report.sessions_") + k));
  outbox_.report = json({{"labels", labels}, {"made", made}, {"summary", summary}, {"period", period}, {"note", note_},
                         {"routine_name", routine_.name}, {"routine", routine},
                         {"prescribed", prescribed_}, {"changes", prescription_changes_},
                         {"weeks", {{"head", week_head}, {"rows", weeks}}}, {"plot", plot},
                         {"sessions", {{"head", session_head}, {"rows", sessions}}}, {"safety", safety},
                         {"sections", report_sections(*this)}, {"file", T("report.filename")}, {"lang", config_.lang},
                         // A shared tablet (history=0) keeps no name either, and shows none left by someone else.
                         {"remember", config_.keep_history}}).dump();
  return true;
}

bool Model::Open(std::string_view where) {
  // Leaving a running session goes through Stop or End, never a side door.
  if (screen_ == Screen::session && session_ && !session_->finished()) return false;
  static const Screen targets[] = {Screen::home, Screen::history, Screen::settings, Screen::about};
  for (Screen s : targets) {
    if (screen_name(s) != where) continue;
    if (screen_ == Screen::finish && !record_saved_) return false;
    if (screen_ == Screen::finish) Finish();
    screen_ = s;
    if (s == Screen::home) { session_.reset(); outcome_.reset(); stop_answer_.reset(); remembered_ = false; pattern_result_.reset(); }
    return true;
  }
  return false;
}

// Every action, once: its name (docs/automation.md), whether it hushes the
// voice, and what it does. Only the person cuts the voice off
// (docs/clinical.md): pausing, stopping, skipping, going back or leaving
// silences what was being said, and what was about to be said for the old
// step is dropped with it.
struct Model::Action {
  std::string_view name;
  bool hushes;
  bool (*run)(Model& m, const json& a, std::string_view arg);
};

const std::vector<Model::Action>& Model::Actions() {
  static const std::vector<Action> table = {
      {"start", false, [](Model& m, const json&, std::string_view) { return m.Start(); }},
      // Ticking a question is not leaving (see Act): only an answer that leads on hushes.
      {"answer", true, [](Model& m, const json&, std::string_view arg) { return m.Answer(arg); }},
      {"continue", false, [](Model& m, const json&, std::string_view) { return m.Continue(); }},
      {"rate", false, [](Model& m, const json& a, std::string_view) {
         const std::optional<int> v = rating_arg(a);
         if (!v) return false;
         if (m.screen_ == Screen::rating_before) { m.before_ = v; return m.BeginSession(); }
         if (m.screen_ == Screen::finish) { m.after_ = v; return true; }
         return false;
       }},
      {"skip", false, [](Model& m, const json&, std::string_view) {
         return m.screen_ == Screen::rating_before && m.BeginSession();
       }},
      {"pause", true, [](Model& m, const json&, std::string_view) { return m.InSession() && m.session_->pause(); }},
      {"resume", true, [](Model& m, const json&, std::string_view) {
         const bool ok = m.InSession() && m.session_->resume();
         if (ok) m.auto_paused_ = false;
         return ok;
       }},
      {"toggle", true, [](Model& m, const json&, std::string_view) {
         const bool ok = m.InSession() && (m.session_->paused() ? m.session_->resume() : m.session_->pause());
         if (ok) m.auto_paused_ = false;
         return ok;
       }},
      {"next", true, [](Model& m, const json&, std::string_view) { return m.InSession() && m.session_->next(); }},
      {"back", true, [](Model& m, const json&, std::string_view) { return m.InSession() && m.session_->back(); }},
      {"stop-pain", true, [](Model& m, const json&, std::string_view) { return m.StopForPain(); }},
      // Never mid-session: a new version takes over only from Home, when asked.
      {"restart", false, [](Model& m, const json&, std::string_view) {
         const bool ok = m.update_ready_ && m.screen_ == Screen::home && !m.session_;
         if (ok) m.outbox_.restart = true;
         return ok;
       }},
      // Leaving without pain: only from pause, so a stray tap cannot end a session.
      {"end", true, [](Model& m, const json&, std::string_view) {
         const bool ok = m.InSession() && m.session_->paused() && m.session_->stop();
         if (ok) {
           m.session_->take_cues();
           m.EndSession("abandoned");
           m.session_.reset();
           m.screen_ = Screen::home;
         }
         return ok;
       }},
      {"finish", false, [](Model& m, const json&, std::string_view) { return m.Finish(); }},
      {"open", true, [](Model& m, const json& a, std::string_view) { return m.Open(string_arg(a)); }},
      {"home", true, [](Model& m, const json&, std::string_view) { return m.Open("home"); }},
      {"set", false, [](Model& m, const json&, std::string_view arg) { return m.Set(arg); }},
      {"reset-view", false, [](Model& m, const json&, std::string_view) { return ++m.camera_resets_, true; }},
      {"ack", false, [](Model& m, const json& a, std::string_view) {
         const std::string what = string_arg(a);
         bool ok = false;
         if (what == "intro") { ok = !m.doc_.intro_ack; m.doc_.intro_ack = true; }
         else if (what == "trend") { ok = m.review_banner(); m.doc_.trend_ack_day = m.today_; }
         if (ok) m.Save();
         return ok;
       }},
      {"withdraw", true, [](Model& m, const json&, std::string_view) { return m.Withdraw(); }},
      {"cleared", true, [](Model& m, const json&, std::string_view) { return m.Cleared(); }},
      {"screening", false, [](Model& m, const json&, std::string_view) {
         const bool ok = m.screen_ == Screen::settings;
         if (ok) m.OpenScreening(Screen::settings);
         return ok;
       }},
      {"pattern", false, [](Model& m, const json& a, std::string_view) { return m.Pattern(string_arg(a)); }},
      // The screen reports whether its list has been on screen to its end; once seen, it stays seen.
      {"list-seen", false, [](Model& m, const json& a, std::string_view) {
         const bool ok = has_list(m.screen_) && a.is_boolean() && m.list_ != ListSeen::seen &&
                         m.list_ != (a.get<bool>() ? ListSeen::seen : ListSeen::unseen);
         if (ok) m.list_ = a.get<bool>() ? ListSeen::seen : ListSeen::unseen;
         return ok;
       }},
      {"reveal", false, [](Model& m, const json& a, std::string_view) {
         const std::string what = string_arg(a);
         if (what.empty()) return false;
         m.reveal_ = what;
         ++m.reveal_serial_;
         return true;
       }},
      {"export", false, [](Model& m, const json& a, std::string_view) {
         return (m.screen_ == Screen::history || m.screen_ == Screen::settings) && m.Export(string_arg(a));
       }},
      // Where the browser has a share sheet: the same files, handed to whoever the person picks there.
      {"share", false, [](Model& m, const json& a, std::string_view) {
         const std::string what = string_arg(a);
         const bool ok = m.screen_ == Screen::history && m.config_.can_share && (what == "csv" || what == "report") &&
                         m.Export(what);
         if (ok) m.outbox_.share = true;
         return ok;
       }},
      {"delete-data", false, [](Model& m, const json& a, std::string_view) { return m.DeleteData(string_arg(a)); }},
  };
  return table;
}

std::vector<std::string_view> Model::ActionNames() {
  std::vector<std::string_view> out;
  for (const Action& a : Actions()) out.push_back(a.name);
  return out;
}

bool Model::InSession() const { return screen_ == Screen::session && session_; }

bool Model::Act(std::string_view name, std::string_view arg) {
  const std::vector<Action>& actions = Actions();
  const auto action = std::find_if(actions.begin(), actions.end(), [&](const Action& x) { return x.name == name; });
  if (action == actions.end()) return false;
  const json a = parse_arg(arg);
  const Screen screen_before = screen_;
  const size_t queued = outbox_.cues.size();  // cues from before this action
  const bool ok = action->run(*this, a, arg);
  // Ticking a question is not leaving: what is being said goes on.
  const bool ticking = screen_ == Screen::check || screen_ == Screen::finish || screen_ == Screen::screening ||
                       screen_ == Screen::pattern;
  if (ok && action->hushes && (name != "answer" || !ticking)) {
    outbox_.hush = true;
    auto old_end = outbox_.cues.begin() + static_cast<long>(queued);
    outbox_.cues.erase(std::remove_if(outbox_.cues.begin(), old_end,
                                      [](const Outbox::CueOut& c) { return c.cue.kind == core::CueKind::speak; }),
                       old_end);
  }
  Drain();
  if (screen_ != screen_before) {
    list_ = ListSeen::unknown;  // a new screen's list is yet to be seen
    reveal_.clear();
  }
  if (ok) ++version_;
  return ok;
}

Outbox Model::TakeOutbox() {
  Outbox out;
  std::swap(out, outbox_);
  return out;
}

std::string Model::StateJson() const {
  json s;
  s["screen"] = screen_name(screen_);
  json ex = json::array();
  for (const core::Exercise& e : routine_.exercises) ex.push_back(e.id);
  s["routine"] = {{"id", routine_.id}, {"name", routine_.name},
                  {"minutes", minutes_}, {"exercises", ex},
                  {"range_cap", routine_.range_cap}, {"note", note_}};
  s["prescribed"] = prescribed_;
  s["prescription_changes"] = prescription_changes_;
  if (session_) {
    const core::Session& ss = *session_;
    const core::Exercise* e = ss.exercise();
    s["session"] = {
        {"step", ss.exercise_index() + 1}, {"steps", routine_.exercises.size()},
        {"exercise", e ? json(e->id) : json(nullptr)}, {"exercise_name", e ? json(e->name) : json(nullptr)},
        {"side", ss.side() == core::Side::none ? json(nullptr) : json(core::side_name(ss.side()))},
        {"rep", ss.rep()}, {"reps", e ? e->reps : 1}, {"phase", core::phase_name(ss.phase())},
        {"phase_remaining_s", ss.phase_remaining_s()}, {"phase_duration_s", ss.phase_duration_s()},
        {"elapsed_s", ss.elapsed_s()}, {"remaining_s", ss.remaining_s()}, {"total_s", ss.total_s()},
        {"paused", ss.paused()}, {"auto_paused", auto_paused_}, {"range", ss.range()},
        {"breath", ss.inhaling() ? "in" : "out"}, {"segment", ss.segment()},
        {"stop_answer", stop_answer_ ? json(*stop_answer_) : json(nullptr)},
        {"waiting_for_voice", ss.waiting_for_voice()}};
  } else {
    s["session"] = nullptr;
  }
  if (outcome_) {
    s["check"] = {{"level", core::tier_name(outcome_->level)}, {"flags", outcome_->flags},
                  {"also", outcome_->also}, {"blocked", outcome_->blocked}, {"remembered", remembered_}};
  } else {
    s["check"] = nullptr;
  }
  s["answers"] = json(std::vector<std::string>(answers_.begin(), answers_.end()));
  static constexpr const char* kListNames[] = {"unknown", "unseen", "seen"};
  s["list"] = kListNames[static_cast<int>(list_)];
  auto answered = [](const std::optional<core::Answered>& a) {
    return a ? json({{"asked", a->asked}, {"yes", a->yes}, {"result", a->result}, {"cleared", a->cleared}}) : json(nullptr);
  };
  s["screening"] = {{"due", screening_due()},
                    {"answers", std::vector<std::string>(screening_answers_.begin(), screening_answers_.end())},
                    {"level", screening_outcome_ ? json(core::tier_name(screening_outcome_->level)) : json(nullptr)},
                    {"flags", screening_outcome_ ? json(screening_outcome_->flags) : json::array()},
                    {"stored", answered(doc_.screening)}};
  static constexpr const char* kPatternSteps[] = {nullptr, "gate", "questions", "result"};
  const PatternStep step = pattern_step();
  s["pattern"] = {{"offered", pattern_offered()},
                  {"step", step == PatternStep::none ? json(nullptr) : json(kPatternSteps[static_cast<int>(step)])},
                  {"answers", std::vector<std::string>(pattern_answers_.begin(), pattern_answers_.end())},
                  {"result", pattern_result_ ? json(core::pattern_result_name(*pattern_result_)) : json(nullptr)},
                  {"stored", answered(doc_.pattern)}};
  const core::Settings& st = doc_.settings;
  s["settings"] = {{"lang", st.lang}, {"holds", st.holds}, {"reps", st.reps}, {"exercises_off", st.exercises_off},
                   {"confirm_delete", confirm_delete_}};
  for (const core::ScalarSetting& d : core::kScalarSettings)
    s["settings"][std::string(d.key)] = d.flag ? json(st.*d.flag) : d.number ? json(st.*d.number) : json(st.*d.whole);
  s["lang"] = config_.lang;
  s["embed"] = config_.embed;
  s["clinic"] = config_.clinic;
  s["range"] = range_now();
  s["streak"] = streak();
  s["update_ready"] = update_ready_;
  s["review"] = review_banner();
  static constexpr const char* kTrendNames[] = {"none", "persists", "worsens", "keeps-hurting"};
  s["trend"] = kTrendNames[static_cast<int>(trend().kind)];
  s["intro"] = show_intro();
  s["ratings"] = {{"before", before_ ? json(*before_) : json(nullptr)},
                  {"after", after_ ? json(*after_) : json(nullptr)},
                  {"hurt", hurt_ ? json(*hurt_) : json(nullptr)}};
  s["storage"] = {{"read_only", read_only_}, {"keep", config_.keep_history}};
  json n = json::array();
  for (const Notice& x : notices_) n.push_back({{"id", x.id}, {"text", x.text}});
  s["notices"] = n;
  json langs = json::array();
  for (const std::string& code : core::Catalogue::available()) langs.push_back(code);
  s["languages"] = langs;
  return s.dump();
}

}  // namespace unfurl::model
