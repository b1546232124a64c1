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

namespace {
void strings(core::json::Writer& out, const auto& list) {
  out.begin_array();
  for (const std::string& s : list) out.value(s);
  out.end_array();
}

// One of the stored answer sets (the one-time questions, the pattern's), or null.
void answered(core::json::Writer& out, const std::optional<core::Answered>& a) {
  if (!a) {
    out.value(nullptr);
    return;
  }
  out.begin_object().field("asked", a->asked).field("yes", a->yes).field("result", a->result ? core::pattern_result_name(*a->result) : "");
  out.field("cleared", a->cleared).end_object();
}
}  // namespace

struct Model::StateParts {
  // The routine this morning runs, and how a prescription changed it.
  static void routine(const Model& m, core::json::Writer& out) {
    out.key("routine").begin_object().field("id", m.plan_.routine.id).field("name", m.plan_.routine.name).field("minutes", m.plan_.minutes);
    out.key("exercises").begin_array();
    for (const core::Exercise& e : m.plan_.routine.exercises) out.value(e.id);
    out.end_array().field("range_cap", m.plan_.routine.range_cap).field("note", m.plan_.note).end_object();
    out.field("prescribed", m.plan_.prescribed).field("prescription_changes", m.plan_.prescription_changes);
  }

  // Where the running session is: exercise, side, repetition, phase and its clock.
  static void session(const Model& m, core::json::Writer& out) {
    out.key("session");
    if (!m.run_.session) {
      out.value(nullptr);
      return;
    }
    const core::Session& ss = *m.run_.session;
    const core::Exercise* e = ss.exercise();
    out.begin_object().field("step", ss.exercise_index() + 1).field("steps", m.plan_.routine.exercises.size());
    out.key("exercise"), e ? out.value(e->id) : out.value(nullptr);
    out.key("exercise_name"), e ? out.value(e->name) : out.value(nullptr);
    out.key("side"), ss.side() == core::Side::none ? out.value(nullptr) : out.value(core::side_name(ss.side()));
    out.field("rep", ss.rep()).field("reps", e ? e->reps : 1).field("phase", core::phase_name(ss.phase()));
    out.field("phase_remaining_s", ss.phase_remaining_s()).field("phase_duration_s", ss.phase_duration_s());
    out.field("elapsed_s", ss.elapsed_s()).field("remaining_s", ss.remaining_s()).field("total_s", ss.total_s());
    out.field("paused", ss.paused()).field("auto_paused", m.run_.auto_paused).field("range", ss.range());
    out.field("breath", ss.inhaling() ? "in" : "out").field("segment", ss.segment());
    out.field("stop_answer", m.check_.stop_answer).field("waiting_for_voice", ss.waiting_for_voice()).end_object();
  }

  // Today's check, the number to call, and the answers ticked.
  static void check(const Model& m, core::json::Writer& out) {
    out.key("check");
    if (m.check_.outcome) {
      out.begin_object().field("level", core::tier_name(m.check_.outcome->level)).field("flags", m.check_.outcome->flags);
      out.field("also", m.check_.outcome->also).field("blocked", m.check_.outcome->blocked).field("remembered", m.check_.remembered).end_object();
    } else {
      out.value(nullptr);
    }
    out.key("emergency").begin_object();
    out.key("number"), m.page_.emergency.known() ? out.value(m.page_.emergency.numbers[0]) : out.value(nullptr);
    out.field("numbers", m.page_.emergency.numbers).field("source", core::number_source_name(m.page_.emergency.source));
    out.key("region"), m.page_.emergency.region.empty() ? out.value(nullptr) : out.value(m.page_.emergency.region);
    out.end_object();
    out.key("answers");
    strings(out, m.check_.answers);
    out.field("list", core::name_in(kListSeen, m.view_.list));
  }

  // The one-time history questions and the inflammatory pattern's.
  static void questions(const Model& m, core::json::Writer& out) {
    out.key("screening").begin_object().field("due", m.screening_due()).key("answers");
    strings(out, m.questions_.screening_answers);
    out.key("level"), m.questions_.screening_outcome ? out.value(core::tier_name(m.questions_.screening_outcome->level)) : out.value(nullptr);
    out.key("flags");
    strings(out, m.questions_.screening_outcome ? m.questions_.screening_outcome->flags : std::vector<std::string>());
    out.key("stored");
    answered(out, m.store_.doc.screening);
    out.end_object();
    const PatternStep step = m.pattern_step();
    out.key("pattern").begin_object().field("offered", m.pattern_offered());
    out.key("step"), step == PatternStep::none ? out.value(nullptr) : out.value(core::name_in(kPatternSteps, step));
    out.key("answers");
    strings(out, m.questions_.pattern_answers);
    out.key("result"), m.questions_.pattern_result ? out.value(core::pattern_result_name(*m.questions_.pattern_result)) : out.value(nullptr);
    out.key("stored");
    answered(out, m.store_.doc.pattern);
    out.end_object();
  }

  static void settings(const Model& m, core::json::Writer& out) {
    const core::Settings& st = m.store_.doc.settings;
    out.key("settings").begin_object().field("lang", st.lang).key("holds").begin_object();
    for (const auto& [id, s] : st.holds) out.field(id, s);
    out.end_object().key("reps").begin_object();
    for (const auto& [id, n] : st.reps) out.field(id, n);
    out.end_object().key("exercises_off");
    strings(out, st.exercises_off);
    out.field("confirm_delete", m.store_.confirm_delete);
    for (const core::ScalarSetting& d : core::kScalarSettings)
      out.key(d.key), d.flag ? out.value(st.*d.flag) : d.number ? out.value(st.*d.number) : out.value(st.*d.whole);
    out.end_object();
  }

  // Whether the history can be written and kept, and what backups did.
  static void storage(const Model& m, core::json::Writer& out) {
    out.key("storage").begin_object().field("read_only", m.store_.read_only).field("keep", m.page_.config.keep_history);
    out.key("persisted"), m.store_.persisted ? out.value(*m.store_.persisted) : out.value("unknown");
    out.key("last_backup"), m.store_.doc.backup_saved.empty() ? out.value(nullptr) : out.value(m.store_.doc.backup_saved);
    out.key("restore");
    if (!m.store_.restored) out.value(nullptr);
    else if (m.store_.restored->refused != core::BackupRefusal::none) out.begin_object().field("refused", core::refusal_name(m.store_.restored->refused)).end_object();
    else out.begin_object().field("added", m.store_.restored->counts.added).field("present", m.store_.restored->counts.present).end_object();
    out.field("offer", m.backup_offered()).field("install_hint", m.install_hint()).field("bring", m.bring_history()).end_object();
  }
};

std::string Model::StateJson(std::optional<long> frame) const {
  core::json::Writer out;
  out.begin_object();
  if (frame) out.field("frame", *frame);
  out.field("screen", screen_name(view_.screen));
  StateParts::routine(*this, out);
  StateParts::session(*this, out);
  StateParts::check(*this, out);
  StateParts::questions(*this, out);
  StateParts::settings(*this, out);
  out.field("lang", page_.config.lang).field("embed", page_.config.embed).field("clinic", page_.config.clinic);
  out.field("range", range_now()).field("streak", streak()).field("update_ready", update_ready_);
  out.field("review", review_banner());
  out.field("trend", core::trend_name(trend().kind)).field("intro", show_intro());
  out.key("ratings").begin_object().field("before", run_.before).field("after", run_.after).field("hurt", run_.hurt).end_object();
  StateParts::storage(*this, out);
  out.key("notices").begin_array();
  for (const Notice& x : notices_) out.begin_object().field("id", x.id).field("text", x.text).end_object();
  out.end_array().field("languages", core::Catalogue::available());
  return out.end_object().text();
}

}  // namespace unfurl::model
