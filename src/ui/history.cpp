// History: what the person did and how it felt, told back — the streak, a
// calendar of the last five weeks (done, stopped and blocked days drawn as
// different shapes, not only colours), stiffness before and after over time,
// the current range in words, every session, and the ways to take it all to
// a clinician (a CSV and a printable report, shared from the phone where it can).
#include <algorithm>
#include <cmath>

#include "core/json.h"
#include "ui/screens.h"

namespace unfurl::ui {

namespace {

enum class Mark { none, done, stopped, blocked };

Mark MarkOf(const core::SessionRecord& r) {
  switch (r.outcome) {
    case core::Outcome::blocked: return r.withdrawn.empty() ? Mark::blocked : Mark::none;
    case core::Outcome::stopped_pain: return Mark::stopped;
    case core::Outcome::completed: return Mark::done;
    case core::Outcome::abandoned: return Mark::none;
  }
  return Mark::none;
}

// done: a filled disc; stopped: a triangle; blocked: a crossed square.
void DrawMark(ImDrawList* dl, ImVec2 c, float r, Mark m, const Palette& p) {
  switch (m) {
    case Mark::done: dl->AddCircleFilled(c, r, p.calm, 20); break;
    case Mark::stopped:
      dl->AddTriangle(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r * 0.8f), ImVec2(c.x - r, c.y + r * 0.8f), p.caution, r * 0.3f);
      break;
    case Mark::blocked:
      dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), p.stop, 0, 0, r * 0.3f);
      dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), p.stop, r * 0.3f);
      dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), p.stop, r * 0.3f);
      break;
    case Mark::none: break;
  }
}

void Calendar(Panel& f, int today) {
  const Palette& p = f.colors();
  constexpr int kWeeks = 5;
  const float w = ImGui::GetContentRegionAvail().x, cell = w / 7, h = cell * 0.8f * kWeeks;
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Days since 1970-01-01 (a Thursday): weeks run Monday to Sunday.
  const int last_monday = today - ((today + 3) % 7);
  const int first = last_monday - 7 * (kWeeks - 1);
  std::vector<Mark> marks(kWeeks * 7, Mark::none);
  for (const core::SessionRecord& r : f.model.doc().sessions) {
    int i = r.day - first;
    if (i >= 0 && i < kWeeks * 7) marks[i] = std::max(marks[i], MarkOf(r));  // the most serious of the day
  }
  for (int i = 0; i < kWeeks * 7; ++i) {
    ImVec2 c(o.x + cell * (i % 7 + 0.5f), o.y + cell * 0.8f * (i / 7 + 0.5f));
    const float r = cell * 0.22f;
    if (first + i > today) continue;
    if (marks[i] == Mark::none) dl->AddCircle(c, r * 0.35f, p.quiet, 12, f.px(1));
    else DrawMark(dl, c, r, marks[i], p);
    if (first + i == today) dl->AddCircle(c, r * 1.45f, p.accent, 24, f.px(1.5f));
  }
  // The legend: shapes and words, so colour is never the only signal.
  const Mark kinds[] = {Mark::done, Mark::stopped, Mark::blocked};
  const char* words[] = {"history.legend_done", "history.legend_stopped", "history.legend_blocked"};
  ImGui::PushFont(f.fonts.caption);
  for (int k = 0; k < 3; ++k) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float s = f.fonts.caption->FontSize;
    ImGui::Dummy(ImVec2(s * 1.2f, s));
    DrawMark(dl, ImVec2(at.x + s * 0.5f, at.y + s * 0.55f), s * 0.35f, kinds[k], p);
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.quiet), "%s", f.model.T(words[k]));
    if (k < 2) ImGui::SameLine(0, f.px(16));
  }
  ImGui::PopFont();
}

// Stiffness before (circles) and after (squares), 0–10, for the last rated sessions.
void Plot(Panel& f) {
  const Palette& p = f.colors();
  constexpr size_t kMost = 30;
  std::vector<const core::SessionRecord*> rated;
  for (const core::SessionRecord& r : f.model.doc().sessions)
    if (r.before || r.after) rated.push_back(&r);
  if (rated.size() > kMost) rated.erase(rated.begin(), rated.end() - kMost);
  Text(f, f.fonts.body, p.text, f.model.T("history.plot_title"));
  if (rated.empty()) return Caption(f, f.model.T("history.plot_empty"));

  ImFont* font = f.fonts.caption;
  const float w = ImGui::GetContentRegionAvail().x, h = f.px(150), axis = f.px(26);
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h + font->FontSize));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = o.x + axis, x1 = o.x + w - f.px(8);
  auto y_of = [&](int v) { return o.y + h - v * h / 10; };
  for (int v : {0, 5, 10}) {
    dl->AddLine(ImVec2(x0, y_of(v)), ImVec2(x1, y_of(v)), p.raised, f.px(1));
    std::string label = std::to_string(v);
    dl->AddText(font, font->FontSize, ImVec2(o.x, y_of(v) - font->FontSize / 2), p.quiet, label.c_str());
  }
  const float step = rated.size() > 1 ? (x1 - x0) / static_cast<float>(rated.size() - 1) : 0;
  auto series = [&](bool before, ImU32 color) {
    ImVec2 last;
    bool have_last = false;
    for (size_t i = 0; i < rated.size(); ++i) {
      std::optional<int> v = before ? rated[i]->before : rated[i]->after;
      if (!v) { have_last = false; continue; }
      ImVec2 pt(rated.size() > 1 ? x0 + step * i : (x0 + x1) / 2, y_of(*v));
      if (have_last) dl->AddLine(last, pt, color, f.px(2));
      const float r = f.px(4.5f);
      if (before) dl->AddCircleFilled(pt, r, color, 12);
      else dl->AddRectFilled(ImVec2(pt.x - r, pt.y - r), ImVec2(pt.x + r, pt.y + r), color);
      last = pt;
      have_last = true;
    }
  };
  series(true, p.accent);
  series(false, p.calm);
  // Legend under the plot: the first and last dates, and which mark is which.
  const core::Catalogue& words = f.model.text();
  std::string span = words.date(rated.front()->started) + "  –  " + words.date(rated.back()->started);
  dl->AddText(font, font->FontSize, ImVec2(x0, o.y + h + f.px(2)), p.quiet, span.c_str());
  ImGui::PushFont(font);
  ImVec2 at = ImGui::GetCursorScreenPos();
  const float s = font->FontSize;
  ImGui::Dummy(ImVec2(s, s));
  dl->AddCircleFilled(ImVec2(at.x + s / 2, at.y + s / 2), s * 0.3f, p.accent, 12);
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.quiet), "%s", f.model.T("history.before"));
  ImGui::SameLine(0, f.px(16));
  at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(s, s));
  dl->AddRectFilled(ImVec2(at.x + s * 0.2f, at.y + s * 0.2f), ImVec2(at.x + s * 0.8f, at.y + s * 0.8f), p.calm);
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.quiet), "%s", f.model.T("history.after"));
  ImGui::PopFont();
}

// The streak, the sessions a week and the average change in stiffness.
void Summary(Panel& f) {
  const model::Model& m = f.model;
  const core::HistoryStats& st = m.stats();
  Text(f, f.fonts.body, f.colors().text, Fill(m.T("history.streak"), {std::to_string(st.current_streak), std::to_string(st.best_streak)}));
  Caption(f, Fill(m.T("history.per_week"), {m.text().number(st.per_week, 1)}));
  if (st.average_change)
    Caption(f, Fill(m.T("history.average_change"), {m.text().number(*st.average_change, 1, true)}));
}

// The range now, as a number and in words.
void RangeNow(Panel& f) {
  const model::Model& m = f.model;
  Text(f, f.fonts.body, f.colors().text, Fill(m.T("history.range"), {std::to_string(std::lround(m.range_now() * 100))}));
  Caption(f, m.T(m.trend().review() ? "history.range_held" : m.settings().soft_mattress ? "history.range_soft" : "history.range_words"));
}

// The ways to take the sessions to a clinician, once there are any.
void Exports(Panel& f) {
  const model::Model& m = f.model;
  if (m.doc().sessions.empty()) return Caption(f, m.T("history.empty"));
  // First where the browser can hand a file to the share sheet (phones): the person picks who gets it.
  if (m.config().can_share) {
    ActionButton(f, "share-report", m.T("history.share_report"), Kind::secondary, "share", core::json::quoted("report"));
    ActionButton(f, "share-csv", m.T("history.share_csv"), Kind::secondary, "share", core::json::quoted("csv"));
  }
  ActionButton(f, "export-csv", m.T("history.export_csv"), Kind::secondary, "export", core::json::quoted("csv"));
  ActionButton(f, "report", m.T("history.report"), Kind::secondary, "export", core::json::quoted("report"));
}

// The one-time health questions and the inflammatory-pattern questions, when answered.
// The health questions only when something applied: "none of these" needs no line of its own.
void Answers(Panel& f) {
  const model::Model& m = f.model;
  if (const auto& s = m.doc().screening; s && !s->yes.empty()) {
    std::string yes;
    for (const std::string& id : s->yes)
      if (const core::RedFlag* q = m.triage().find_history(id)) yes += (yes.empty() ? "" : m.T("text.list_separator")) + q->short_text;
    Caption(f, Fill(m.T("history.screening"), {m.text().date(s->asked), yes.empty() ? m.T("history.screening_none") : yes}));
    if (!s->cleared.empty()) Caption(f, Fill(m.T("history.screening_cleared"), {m.text().date(s->cleared)}));
  }
  if (const auto& a = m.doc().pattern; a && a->result)
    Caption(f, Fill(m.T("history.pattern"), {m.text().date(a->asked), m.T(Format("pattern.result.%s", core::pattern_result_name(*a->result).data()))}));
}

// Every session, the latest first, each on one line.
void Sessions(Panel& f) {
  const model::Model& m = f.model;
  const auto& sessions = m.doc().sessions;
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
    auto r = [](std::optional<int> v) { return v ? Format("%d", *v) : "–"; };
    const char* line = Format("%s  %s", m.text().date(it->started).c_str(), m.T(Format("outcome.%s", core::outcome_name(it->outcome).data())));
    if (it->before || it->after) line = Format("%s%s", line, Fill(m.T("history.stiffness"), {r(it->before), r(it->after)}));
    if (it->check_level != core::Tier::none)
      line = Format("%s%s", line, Fill(m.T("history.check"), {m.T(Format("tier.%s", core::tier_name(it->check_level).data()))}));
    if (!it->pain.empty())
      line = Format("%s%s", line, Fill(m.T("history.pain"), {m.T(Format("history.pain_%s", it->pain.c_str()))}));
    if (!it->withdrawn.empty()) line = Format("%s  ·  %s", line, m.T("history.withdrawn"));
    if (it->outcome != core::Outcome::blocked)
      line = Format("%s%s", line, Fill(m.T("history.range_used"), {std::to_string(std::lround(it->range * 100))}));
    Text(f, f.fonts.body, f.colors().text, line);
  }
}

// The whole history as one file to keep elsewhere (the share sheet where it takes files),
// beside Home: the list above keeps its length.
void Footer(Panel& f) {
  const model::Model& m = f.model;
  float home_w = 0;
  if (!m.doc().sessions.empty() && m.can_backup()) {
    home_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2 / f.dpr;
    ActionButton(f, "backup", m.T("backup.save"), Kind::secondary, "backup", {}, home_w);
    ImGui::SameLine();
  }
  ActionButton(f, "home", m.T("common.home"), Kind::secondary, "open", core::json::quoted("home"), home_w);
}

}  // namespace

void HistoryScreen(Panel& f) {
  const model::Model& m = f.model;
  Text(f, f.fonts.title, f.colors().text, m.T("history.title"));
  Notices(f);
  // Data kept aside as unreadable is the person's: offered right under the notice that says so.
  for (const model::Notice& n : m.notices())
    if (n.id == "history.unreadable")
      ActionButton(f, "export-aside", m.T("history.export_aside"), Kind::secondary, "export", core::json::quoted("aside"));
  Summary(f);
  Calendar(f, m.today());
  ImGui::Spacing();
  Plot(f);
  ImGui::Spacing();
  RangeNow(f);
  Exports(f);
  Answers(f);
  Sessions(f);
  Footer(f);
}

}  // namespace unfurl::ui
