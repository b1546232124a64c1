// state(): the JSON snapshot window.unfurl and the tests read (docs/automation.md).
#include "model/model.h"

#include "model/parts.h"

namespace unfurl::model {

namespace {
using nlohmann::json;
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
