// state(): the JSON snapshot window.unfurl and the tests read (docs/automation.md).
#include "model/model.h"

#include "core/json.h"
#include "core/names.h"

namespace unfurl::model {

namespace {
using core::Named;
constexpr Named<Screen> kScreens[] = {
    {Screen::home, "home"},         {Screen::check, "check"},         {Screen::check_result, "check-result"},
    {Screen::rating_before, "rating-before"}, {Screen::session, "session"}, {Screen::finish, "finish"},
    {Screen::history, "history"},   {Screen::settings, "settings"},   {Screen::screening, "screening"},
    {Screen::pattern, "pattern"},   {Screen::about, "about"}};
constexpr Named<ListSeen> kListSeen[] = {
    {ListSeen::unknown, "unknown"}, {ListSeen::unseen, "unseen"}, {ListSeen::seen, "seen"}};
constexpr Named<Model::PatternStep> kPatternSteps[] = {{Model::PatternStep::gate, "gate"},
                                                       {Model::PatternStep::questions, "questions"},
                                                       {Model::PatternStep::result, "result"}};
}  // namespace

std::string_view screen_name(Screen s) { return core::name_in(kScreens, s); }

std::string Model::StateJson(std::optional<long> frame) const {
  core::json::Writer out;
  out.begin_object();
  if (frame) out.field("frame", *frame);
  auto strings = [&](const auto& list) {
    out.begin_array();
    for (const std::string& s : list) out.value(s);
    out.end_array();
  };
  auto answered = [&](const std::optional<core::Answered>& a) {
    if (!a) {
      out.value(nullptr);
      return;
    }
    out.begin_object().field("asked", a->asked).field("yes", a->yes).field("result", a->result);
    out.field("cleared", a->cleared).end_object();
  };
  out.field("screen", screen_name(screen_));
  out.key("routine").begin_object().field("id", routine_.id).field("name", routine_.name).field("minutes", minutes_);
  out.key("exercises").begin_array();
  for (const core::Exercise& e : routine_.exercises) out.value(e.id);
  out.end_array().field("range_cap", routine_.range_cap).field("note", note_).end_object();
  out.field("prescribed", prescribed_).field("prescription_changes", prescription_changes_);
  out.key("session");
  if (session_) {
    const core::Session& ss = *session_;
    const core::Exercise* e = ss.exercise();
    out.begin_object().field("step", ss.exercise_index() + 1).field("steps", routine_.exercises.size());
    out.key("exercise"), e ? out.value(e->id) : out.value(nullptr);
    out.key("exercise_name"), e ? out.value(e->name) : out.value(nullptr);
    out.key("side"), ss.side() == core::Side::none ? out.value(nullptr) : out.value(core::side_name(ss.side()));
    out.field("rep", ss.rep()).field("reps", e ? e->reps : 1).field("phase", core::phase_name(ss.phase()));
    out.field("phase_remaining_s", ss.phase_remaining_s()).field("phase_duration_s", ss.phase_duration_s());
    out.field("elapsed_s", ss.elapsed_s()).field("remaining_s", ss.remaining_s()).field("total_s", ss.total_s());
    out.field("paused", ss.paused()).field("auto_paused", auto_paused_).field("range", ss.range());
    out.field("breath", ss.inhaling() ? "in" : "out").field("segment", ss.segment());
    out.field("stop_answer", stop_answer_).field("waiting_for_voice", ss.waiting_for_voice()).end_object();
  } else {
    out.value(nullptr);
  }
  out.key("check");
  if (outcome_) {
    out.begin_object().field("level", core::tier_name(outcome_->level)).field("flags", outcome_->flags);
    out.field("also", outcome_->also).field("blocked", outcome_->blocked).field("remembered", remembered_).end_object();
  } else {
    out.value(nullptr);
  }
  out.key("emergency").begin_object();
  out.key("number"), emergency_.known() ? out.value(emergency_.numbers[0]) : out.value(nullptr);
  out.field("numbers", emergency_.numbers).field("source", core::number_source_name(emergency_.source));
  out.key("region"), emergency_.region.empty() ? out.value(nullptr) : out.value(emergency_.region);
  out.end_object();
  out.key("answers");
  strings(answers_);
  out.field("list", core::name_in(kListSeen, list_));
  out.key("screening").begin_object().field("due", screening_due()).key("answers");
  strings(screening_answers_);
  out.key("level"), screening_outcome_ ? out.value(core::tier_name(screening_outcome_->level)) : out.value(nullptr);
  out.key("flags");
  strings(screening_outcome_ ? screening_outcome_->flags : std::vector<std::string>());
  out.key("stored");
  answered(doc_.screening);
  out.end_object();
  const PatternStep step = pattern_step();
  out.key("pattern").begin_object().field("offered", pattern_offered());
  out.key("step"), step == PatternStep::none ? out.value(nullptr) : out.value(core::name_in(kPatternSteps, step));
  out.key("answers");
  strings(pattern_answers_);
  out.key("result"), pattern_result_ ? out.value(core::pattern_result_name(*pattern_result_)) : out.value(nullptr);
  out.key("stored");
  answered(doc_.pattern);
  out.end_object();
  const core::Settings& st = doc_.settings;
  out.key("settings").begin_object().field("lang", st.lang).key("holds").begin_object();
  for (const auto& [id, s] : st.holds) out.field(id, s);
  out.end_object().key("reps").begin_object();
  for (const auto& [id, n] : st.reps) out.field(id, n);
  out.end_object().key("exercises_off");
  strings(st.exercises_off);
  out.field("confirm_delete", confirm_delete_);
  for (const core::ScalarSetting& d : core::kScalarSettings)
    out.key(d.key), d.flag ? out.value(st.*d.flag) : d.number ? out.value(st.*d.number) : out.value(st.*d.whole);
  out.end_object();
  out.field("lang", config_.lang).field("embed", config_.embed).field("clinic", config_.clinic);
  out.field("range", range_now()).field("streak", streak()).field("update_ready", update_ready_);
  out.field("review", review_banner());
  static constexpr const char* kTrendNames[] = {"none", "persists", "worsens", "keeps-hurting"};
  out.field("trend", kTrendNames[static_cast<int>(trend().kind)]).field("intro", show_intro());
  out.key("ratings").begin_object().field("before", before_).field("after", after_).field("hurt", hurt_).end_object();
  out.key("storage").begin_object().field("read_only", read_only_).field("keep", config_.keep_history);
  out.key("persisted"), persisted_ ? out.value(*persisted_) : out.value("unknown");
  out.key("last_backup"), doc_.backup_saved.empty() ? out.value(nullptr) : out.value(doc_.backup_saved);
  out.key("restore");
  if (!restored_) out.value(nullptr);
  else if (restored_->refused != core::BackupRefusal::none) out.begin_object().field("refused", core::refusal_name(restored_->refused)).end_object();
  else out.begin_object().field("added", restored_->counts.added).field("present", restored_->counts.present).end_object();
  out.field("offer", backup_offered()).field("install_hint", install_hint()).field("bring", bring_history()).end_object();
  out.key("notices").begin_array();
  for (const Notice& x : notices_) out.begin_object().field("id", x.id).field("text", x.text).end_object();
  out.end_array().field("languages", core::Catalogue::available());
  return out.end_object().text();
}

}  // namespace unfurl::model
