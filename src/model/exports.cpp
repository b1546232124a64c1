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
    if (a->result != "skipped")
      for (std::string_view q : core::kPatternQuestions)
        row(m.T("pattern.q." + std::string(q)), yes_no(said(*a, std::string(q))));
    row(m.T("report.result"), m.T("pattern.result." + a->result));
    out.end_array().end_object();
  }
  out.end_array();
}
}  // namespace

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
  auto date_of = [&](int day) { return text_.date(core::iso8601(day * core::kSecondsPerDay * 1000.0)); };
  auto cell = [](std::optional<int> v) { return v ? std::to_string(*v) : std::string("–"); };
  auto mean = [&](std::optional<double> v) { return v ? text_.number(*v, 1) : std::string("–"); };
  json::Writer plot, safety;
  std::vector<std::vector<std::string>> sessions;
  // In the order they happened, whatever order merges from other tabs left them in.
  std::vector<const core::SessionRecord*> ordered;
  for (const core::SessionRecord& r : doc_.sessions) ordered.push_back(&r);
  std::sort(ordered.begin(), ordered.end(), [](const core::SessionRecord* a, const core::SessionRecord* b) {
    return a->day != b->day ? a->day < b->day : a->started != b->started ? a->started < b->started : a < b;
  });
  plot.begin_array();
  safety.begin_array();
  for (const core::SessionRecord* p : ordered) {
    const core::SessionRecord& r = *p;
    const std::string date = date_of(r.day);
    if (r.before || r.after) plot.begin_object().field("date", date).field("before", r.before).field("after", r.after).end_object();
    // The check as answered: the signs named, or none of them.
    std::string flags;
    for (const std::string& id : r.check_flags)
      if (const core::RedFlag* f = triage().find(id)) flags += (flags.empty() ? "" : T("text.list_separator")) + f->short_text;
    std::string check = r.check_level == core::Tier::none ? T("report.check_none") : T("tier." + std::string(core::tier_name(r.check_level)));
    if (!flags.empty()) check += ": " + flags;
    if (!r.withdrawn.empty()) check += core::fill(T("report.withdrawn"), text_.date(r.withdrawn));
    const std::string stop = !r.pain.empty() ? T(("history.pain_" + r.pain).c_str()) : "–";
    const std::string percent = core::fill(T("report.percent"), std::to_string(std::lround(r.range * 100)));
    sessions.push_back(std::vector<std::string>{date, T("outcome." + std::string(core::outcome_name(r.outcome))), check,
                                                cell(r.before) + " → " + cell(r.after),
                                                r.hurt ? T(*r.hurt ? "finish.yes" : "finish.no") : "–", stop,
                                                r.outcome == core::Outcome::blocked ? "–" : percent, std::to_string(r.exercises.size())});
    std::string said = flags;
    if (stop != "–") said += (said.empty() ? "" : T("text.list_separator")) + stop;
    if (!r.withdrawn.empty()) said += core::fill(T("report.withdrawn"), text_.date(r.withdrawn));
    if (!said.empty()) safety.begin_object().field("date", date).field("text", said).end_object();
  }
  plot.end_array();
  safety.end_array();
  const std::string summary =
      core::fill(T("report.summary"), {std::to_string(st.sessions), std::to_string(st.completed),
                                       std::to_string(st.current_streak), std::to_string(st.best_streak)});
  const std::string made = core::fill(T("report.made"), text_.date(core::iso8601(epoch_ms_ + utc_offset_min_ * 60000.0)));
  const std::string period = core::fill(T("report.period"), {date_of(ordered.front()->day), date_of(ordered.back()->day)});

  json::Writer out;
  out.begin_object().key("labels").begin_object();
  for (const char* k : {"title", "routine", "plot", "sessions", "safety", "none", "print", "close", "share", "name",
                        "dob", "remember"})
    out.field(k, T(std::string("report.") + k));
  // Completed by the shell (the name typed on the report, the printed page's
  // number): cut at their placeholders here, so the shell reads none itself.
  for (const char* k : {"page", "patient"}) out.field(k, core::words_around_placeholders(T(std::string("report.") + k)));
  out.field("weeks", core::fill(T("report.weeks"), std::to_string(kReportWeeks)));
  out.field("prescribed", T("home.prescribed")).field("before", T("history.before")).field("after", T("history.after"));
  out.end_object();
  out.field("made", made).field("summary", summary).field("period", period).field("note", note_);
  out.field("routine_name", routine_.name).key("routine").begin_array();
  for (const core::Exercise& e : routine_.exercises) {
    std::string dose = e.reps > 1 ? core::fill(T("report.reps"), std::to_string(e.reps)) + " " : "";
    dose += core::fill(T("report.hold"), std::to_string(static_cast<int>(e.hold_s)));
    if (e.sided) dose += std::string(" ") + T("report.sides");
    out.begin_object().field("name", e.name).field("dose", dose).end_object();
  }
  out.end_array().field("prescribed", prescribed_).field("changes", prescription_changes_);
  std::vector<std::string> week_head, session_head;
  for (const char* k : {"week", "count", "completed", "stopped", "blocked", "before", "after"})
    week_head.push_back(T(std::string("report.weeks_") + k));
  for (const char* k : {"date", "outcome", "check", "stiffness", "hurt", "stop", "range", "done"})
    session_head.push_back(T(std::string("report.sessions_") + k));
  out.key("weeks").begin_object().field("head", week_head).key("rows").begin_array();
  for (const core::WeekSummary& w : core::weekly_summary(doc_.sessions, today_, kReportWeeks))
    out.value(std::vector<std::string>{date_of(w.first_day) + " – " + date_of(w.first_day + 6),
                                       std::to_string(w.sessions), std::to_string(w.completed),
                                       std::to_string(w.stopped), std::to_string(w.blocked), mean(w.before),
                                       mean(w.after)});
  out.end_array().end_object();
  out.key("plot").raw(plot.text());
  out.key("sessions").begin_object().field("head", session_head).key("rows").begin_array();
  // The latest first.
  for (auto row = sessions.rbegin(); row != sessions.rend(); ++row) out.value(*row);
  out.end_array().end_object();
  out.key("safety").raw(safety.text()).key("sections");
  report_sections(*this, out);
  out.field("file", T("report.filename")).field("lang", config_.lang);
  // A shared tablet (history=0) keeps no name either, and shows none left by someone else.
  out.field("remember", config_.keep_history).end_object();
  outbox_.report = out.text();
  return true;
}

}  // namespace unfurl::model
