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
  out.field("screen", screen_name(view_.screen));
  out.key("routine").begin_object().field("id", plan_.routine.id).field("name", plan_.routine.name).field("minutes", plan_.minutes);
  out.key("exercises").begin_array();
  for (const core::Exercise& e : plan_.routine.exercises) out.value(e.id);
  out.end_array().field("range_cap", plan_.routine.range_cap).field("note", plan_.note).end_object();
  out.field("prescribed", plan_.prescribed).field("prescription_changes", plan_.prescription_changes);
  out.key("session");
  if (run_.session) {
    const core::Session& ss = *run_.session;
    const core::Exercise* e = ss.exercise();
    out.begin_object().field("step", ss.exercise_index() + 1).field("steps", plan_.routine.exercises.size());
    out.key("exercise"), e ? out.value(e->id) : out.value(nullptr);
    out.key("exercise_name"), e ? out.value(e->name) : out.value(nullptr);
    out.key("side"), ss.side() == core::Side::none ? out.value(nullptr) : out.value(core::side_name(ss.side()));
    out.field("rep", ss.rep()).field("reps", e ? e->reps : 1).field("phase", core::phase_name(ss.phase()));
    out.field("phase_remaining_s", ss.phase_remaining_s()).field("phase_duration_s", ss.phase_duration_s());
    out.field("elapsed_s", ss.elapsed_s()).field("remaining_s", ss.remaining_s()).field("total_s", ss.total_s());
    out.field("paused", ss.paused()).field("auto_paused", run_.auto_paused).field("range", ss.range());
    out.field("breath", ss.inhaling() ? "in" : "out").field("segment", ss.segment());
    out.field("stop_answer", check_.stop_answer).field("waiting_for_voice", ss.waiting_for_voice()).end_object();
  } else {
    out.value(nullptr);
  }
  out.key("check");
  if (check_.outcome) {
    out.begin_object().field("level", core::tier_name(check_.outcome->level)).field("flags", check_.outcome->flags);
    out.field("also", check_.outcome->also).field("blocked", check_.outcome->blocked).field("remembered", check_.remembered).end_object();
  } else {
    out.value(nullptr);
  }
  out.key("emergency").begin_object();
  out.key("number"), page_.emergency.known() ? out.value(page_.emergency.numbers[0]) : out.value(nullptr);
  out.field("numbers", page_.emergency.numbers).field("source", core::number_source_name(page_.emergency.source));
  out.key("region"), page_.emergency.region.empty() ? out.value(nullptr) : out.value(page_.emergency.region);
  out.end_object();
  out.key("answers");
  strings(check_.answers);
  out.field("list", core::name_in(kListSeen, view_.list));
  out.key("screening").begin_object().field("due", screening_due()).key("answers");
  strings(questions_.screening_answers);
  out.key("level"), questions_.screening_outcome ? out.value(core::tier_name(questions_.screening_outcome->level)) : out.value(nullptr);
  out.key("flags");
  strings(questions_.screening_outcome ? questions_.screening_outcome->flags : std::vector<std::string>());
  out.key("stored");
  answered(store_.doc.screening);
  out.end_object();
  const PatternStep step = pattern_step();
  out.key("pattern").begin_object().field("offered", pattern_offered());
  out.key("step"), step == PatternStep::none ? out.value(nullptr) : out.value(core::name_in(kPatternSteps, step));
  out.key("answers");
  strings(questions_.pattern_answers);
  out.key("result"), questions_.pattern_result ? out.value(core::pattern_result_name(*questions_.pattern_result)) : out.value(nullptr);
  out.key("stored");
  answered(store_.doc.pattern);
  out.end_object();
  const core::Settings& st = store_.doc.settings;
  out.key("settings").begin_object().field("lang", st.lang).key("holds").begin_object();
  for (const auto& [id, s] : st.holds) out.field(id, s);
  out.end_object().key("reps").begin_object();
  for (const auto& [id, n] : st.reps) out.field(id, n);
  out.end_object().key("exercises_off");
  strings(st.exercises_off);
  out.field("confirm_delete", store_.confirm_delete);
  for (const core::ScalarSetting& d : core::kScalarSettings)
    out.key(d.key), d.flag ? out.value(st.*d.flag) : d.number ? out.value(st.*d.number) : out.value(st.*d.whole);
  out.end_object();
  out.field("lang", page_.config.lang).field("embed", page_.config.embed).field("clinic", page_.config.clinic);
  out.field("range", range_now()).field("streak", streak()).field("update_ready", update_ready_);
  out.field("review", review_banner());
  static constexpr const char* kTrendNames[] = {"none", "persists", "worsens", "keeps-hurting"};
  out.field("trend", kTrendNames[static_cast<int>(trend().kind)]).field("intro", show_intro());
  out.key("ratings").begin_object().field("before", run_.before).field("after", run_.after).field("hurt", run_.hurt).end_object();
  out.key("storage").begin_object().field("read_only", store_.read_only).field("keep", page_.config.keep_history);
  out.key("persisted"), store_.persisted ? out.value(*store_.persisted) : out.value("unknown");
  out.key("last_backup"), store_.doc.backup_saved.empty() ? out.value(nullptr) : out.value(store_.doc.backup_saved);
  out.key("restore");
  if (!store_.restored) out.value(nullptr);
  else if (store_.restored->refused != core::BackupRefusal::none) out.begin_object().field("refused", core::refusal_name(store_.restored->refused)).end_object();
  else out.begin_object().field("added", store_.restored->counts.added).field("present", store_.restored->counts.present).end_object();
  out.field("offer", backup_offered()).field("install_hint", install_hint()).field("bring", bring_history()).end_object();
  out.key("notices").begin_array();
  for (const Notice& x : notices_) out.begin_object().field("id", x.id).field("text", x.text).end_object();
  out.end_array().field("languages", core::Catalogue::available());
  return out.end_object().text();
}

}  // namespace unfurl::model
