// What the person takes away: the CSV, the clinician's report, history kept
// aside and the morning reminder.
#include "model/model.h"

#include <algorithm>
#include <cmath>

#include "core/history/calendar.h"
#include "core/history/export.h"
#include "core/history/report.h"
#include "core/json.h"

namespace unfurl::model {

namespace {
namespace json = core::json;

constexpr int kReportWeeks = 12;  // the weekly table: what fits the report's first page beside the rest

// The one-time health questions and the inflammatory-pattern questions, each
// question with its answer, for the report: [{title, rows: [[label, value]…]}].
void report_sections(const Model& m, json::Writer& out) {
  auto yes_no = [&](bool yes) { return m.T(yes ? "report.yes" : "report.no"); };
  auto said = [](const core::Answered& a, const std::string& id) {
    return std::find(a.yes.begin(), a.yes.end(), id) != a.yes.end();
  };
  auto row = [&](std::string_view label, std::string_view value) { out.begin_array().value(label).value(value).end_array(); };
  out.begin_array();
  if (const auto& s = m.doc().screening) {
    out.begin_object().field("title", m.T("report.screening")).key("rows").begin_array();
    row(m.T("report.asked_label"), core::fill(m.T("report.asked"), m.text().date(s->asked)));
    for (const core::RedFlag& q : m.triage().history) row(q.question, yes_no(said(*s, q.id)));
    if (!s->cleared.empty()) row(m.T("screening.cleared"), core::fill(m.T("report.asked"), m.text().date(s->cleared)));
    out.end_array().end_object();
  }
  if (const auto& a = m.doc().pattern) {
    out.begin_object().field("title", m.T("report.pattern")).key("rows").begin_array();
    row(m.T("report.asked_label"), core::fill(m.T("report.asked"), m.text().date(a->asked)));
    if (a->result != core::PatternResult::skipped)
      for (std::string_view q : core::kPatternQuestions)
        row(m.T("pattern.q." + std::string(q)), yes_no(said(*a, std::string(q))));
    if (a->result) row(m.T("report.result"), m.T("pattern.result." + std::string(core::pattern_result_name(*a->result))));
    out.end_array().end_object();
  }
  out.end_array();
}
// The date of a local day, as the report writes it.
std::string date_of(const Model& m, int day) { return m.text().date(core::iso8601(day * core::kSecondsPerDay * 1000.0)); }

// The report's fixed words, in the page's language.
void report_labels(const Model& m, json::Writer& out) {
  out.key("labels").begin_object();
  for (const char* k : {"title", "routine", "plot", "sessions", "safety", "none", "print", "close", "share", "name",
                        "dob", "remember"})
    out.field(k, m.T(std::string("report.") + k));
  // Completed by the shell (the name typed on the report, the printed page's
  // number): cut at their placeholders here, so the shell reads none itself.
  for (const char* k : {"page", "patient"}) out.field(k, core::words_around_placeholders(m.T(std::string("report.") + k)));
  out.field("weeks", core::fill(m.T("report.weeks"), std::to_string(kReportWeeks)));
  out.field("prescribed", m.T("home.prescribed")).field("before", m.T("history.before")).field("after", m.T("history.after"));
  out.end_object();
}

// The routine as prescribed (or the standard one), one dose line per exercise.
void report_routine(const Model& m, json::Writer& out) {
  out.field("routine_name", m.routine().name).key("routine").begin_array();
  for (const core::Exercise& e : m.routine().exercises) {
    std::string dose = e.reps > 1 ? core::fill(m.T("report.reps"), std::to_string(e.reps)) + " " : "";
    dose += core::fill(m.T("report.hold"), std::to_string(static_cast<int>(e.hold_s)));
    if (e.sided) dose += std::string(" ") + m.T("report.sides");
    out.begin_object().field("name", e.name).field("dose", dose).end_object();
  }
  out.end_array().field("prescribed", m.prescribed()).field("changes", m.prescription_changes());
}

// The last weeks, one row each: sessions, how they ended, mean stiffness before and after.
void report_weeks(const Model& m, json::Writer& out) {
  auto mean = [&](std::optional<double> v) { return v ? m.text().number(*v, 1) : std::string("–"); };
  std::vector<std::string> head;
  for (const char* k : {"week", "count", "completed", "stopped", "blocked", "before", "after"})
    head.push_back(m.T(std::string("report.weeks_") + k));
  out.key("weeks").begin_object().field("head", head).key("rows").begin_array();
  for (const core::WeekSummary& w : core::weekly_summary(m.doc().sessions, m.today(), kReportWeeks))
    out.value(std::vector<std::string>{date_of(m, w.first_day) + " – " + date_of(m, w.first_day + 6),
                                       std::to_string(w.sessions), std::to_string(w.completed),
                                       std::to_string(w.stopped), std::to_string(w.blocked), mean(w.before),
                                       mean(w.after)});
  out.end_array().end_object();
}

// Every session in the order they happened, whatever order merges from other tabs left them in.
std::vector<const core::SessionRecord*> in_order(const std::vector<core::SessionRecord>& sessions) {
  std::vector<const core::SessionRecord*> ordered;
  for (const core::SessionRecord& r : sessions) ordered.push_back(&r);
  std::sort(ordered.begin(), ordered.end(), [](const core::SessionRecord* a, const core::SessionRecord* b) {
    return a->day != b->day ? a->day < b->day : a->started != b->started ? a->started < b->started : a < b;
  });
  return ordered;
}

// The sessions three ways: the stiffness plot, the table (the latest first)
// and the safety lines (what each check or stop said).
void report_sessions(const Model& m, const std::vector<const core::SessionRecord*>& ordered, json::Writer& out) {
  auto cell = [](std::optional<int> v) { return v ? std::to_string(*v) : std::string("–"); };
  json::Writer plot, safety;
  std::vector<std::vector<std::string>> rows;
  plot.begin_array();
  safety.begin_array();
  for (const core::SessionRecord* p : ordered) {
    const core::SessionRecord& r = *p;
    const std::string date = date_of(m, r.day);
    if (r.before || r.after) plot.begin_object().field("date", date).field("before", r.before).field("after", r.after).end_object();
    // The check as answered: the signs named, or none of them.
    std::string flags;
    for (const std::string& id : r.check_flags)
      if (const core::RedFlag* f = m.triage().find(id)) flags += (flags.empty() ? "" : m.T("text.list_separator")) + f->short_text;
    std::string check = r.check_level == core::Tier::none ? m.T("report.check_none") : m.T("tier." + std::string(core::tier_name(r.check_level)));
    if (!flags.empty()) check += ": " + flags;
    const std::string withdrawn = r.withdrawn.empty() ? "" : core::fill(m.T("report.withdrawn"), m.text().date(r.withdrawn));
    check += withdrawn;
    const std::string stop = !r.pain.empty() ? m.T("history.pain_" + r.pain) : "–";
    const std::string percent = core::fill(m.T("report.percent"), std::to_string(std::lround(r.range * 100)));
    rows.push_back({date, m.T("outcome." + std::string(core::outcome_name(r.outcome))), check,
                    cell(r.before) + " → " + cell(r.after), r.hurt ? m.T(*r.hurt ? "finish.yes" : "finish.no") : "–", stop,
                    r.outcome == core::Outcome::blocked ? "–" : percent, std::to_string(r.exercises.size())});
    std::string said = flags;
    if (stop != "–") said += (said.empty() ? "" : m.T("text.list_separator")) + stop;
    said += withdrawn;
    if (!said.empty()) safety.begin_object().field("date", date).field("text", said).end_object();
  }
  plot.end_array();
  safety.end_array();
  std::vector<std::string> head;
  for (const char* k : {"date", "outcome", "check", "stiffness", "hurt", "stop", "range", "done"})
    head.push_back(m.T(std::string("report.sessions_") + k));
  out.key("plot").raw(plot.text());
  out.key("sessions").begin_object().field("head", head).key("rows").begin_array();
  for (auto row = rows.rbegin(); row != rows.rend(); ++row) out.value(*row);
  out.end_array().end_object();
  out.key("safety").raw(safety.text());
}
}  // namespace

// Each kind of file the person can take away, by the name export and share use.
bool Model::Export(std::string_view what) {
  static constexpr struct {
    std::string_view name;
    bool (Model::*make)();
  } kKinds[] = {{"aside", &Model::ExportAsides}, {"ics", &Model::ExportReminder}, {"csv", &Model::ExportCsv},
                {"report", &Model::ExportReport}};
  for (const auto& kind : kKinds)
    if (kind.name == what) return (this->*kind.make)();
  return false;
}

// The stored documents the shell kept aside as unreadable, as files.
bool Model::ExportAsides() {
  const bool kept = std::any_of(notices_.begin(), notices_.end(), [](const Notice& n) { return n.id == "history.unreadable"; });
  if (kept) outbox_.download_asides = true;
  return kept;
}

// The morning reminder, for the phone's calendar.
bool Model::ExportReminder() {
  const std::string uid = store_.tab + std::to_string(static_cast<long long>(clock_.epoch_ms)) + "@unfurl";
  outbox_.download = Outbox::File{T("ics.filename"), "text/calendar",
                                  core::reminder_ics(store_.doc.settings.reminder_min, clock_.today + 1, clock_.epoch_ms, uid,
                                                     page_.config.href, lang_.text)};
  return true;
}

bool Model::ExportCsv() {
  if (store_.doc.sessions.empty()) return false;
  outbox_.download = Outbox::File{T("csv.filename"), "text/csv", core::sessions_csv(store_.doc, lang_.text)};
  return true;
}

// What the person takes to a clinician, made here from their own history:
// everything it holds, however long — the layout (web/report.js) pages it;
// nothing here is cut to fit a page.
bool Model::ExportReport() {
  if (store_.doc.sessions.empty()) return false;
  const std::vector<const core::SessionRecord*> ordered = in_order(store_.doc.sessions);
  const core::HistoryStats& st = stats();
  json::Writer out;
  out.begin_object();
  report_labels(*this, out);
  out.field("made", core::fill(T("report.made"), lang_.text.date(core::iso8601(clock_.epoch_ms + clock_.utc_offset_min * 60000.0))));
  out.field("summary", core::fill(T("report.summary"), {std::to_string(st.sessions), std::to_string(st.completed),
                                                        std::to_string(st.current_streak), std::to_string(st.best_streak)}));
  out.field("period", core::fill(T("report.period"), {date_of(*this, ordered.front()->day), date_of(*this, ordered.back()->day)}));
  out.field("note", plan_.note);
  report_routine(*this, out);
  report_weeks(*this, out);
  report_sessions(*this, ordered, out);
  out.key("sections");
  report_sections(*this, out);
  out.field("file", T("report.filename")).field("lang", page_.config.lang);
  // A shared tablet (history=0) keeps no name either, and shows none left by someone else.
  out.field("remember", page_.config.keep_history).end_object();
  outbox_.report = out.text();
  return true;
}

}  // namespace unfurl::model
