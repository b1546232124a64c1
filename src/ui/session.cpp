// The session screen: where in the routine you are, what to do now, the hold
// ring, Back / Pause / Next, and "Stop — it hurts" always in the same place at
// the bottom. After a stop, the one question, then what to do.
#include <algorithm>
#include <cmath>

#include "core/ease.h"
#include "core/json.h"
#include "ui/screens.h"

#include <imgui_internal.h>  // IM_PI

namespace unfurl::ui {

namespace {
using core::Phase;

// What to read now. While an exercise is introduced and performed, its full
// instruction from the article and its cautions; while preparing, the
// article's rules; in a hold, the hold cue with the cautions kept in sight.
void Instruction(Panel& f, const core::Session& s) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  const core::Exercise* e = s.exercise();
  auto cautions = [&] {
    for (const std::string& c : e->cautions) Text(f, f.fonts.body, p.caution, c.c_str());
  };
  switch (s.phase()) {
    case Phase::prepare:
      Text(f, f.fonts.body, p.quiet, m.T(s.inhaling() ? "session.breathe_in" : "session.breathe_out"));
      for (const std::string& line : m.routine().preparation.lines) Caption(f, line.c_str());
      return;
    case Phase::rest:
      if (s.rep() > 1) return Text(f, f.fonts.body, p.quiet, m.T("phase.rest"));
      [[fallthrough]];
    case Phase::switch_side:
    case Phase::move:
      if (s.phase() == Phase::switch_side) Text(f, f.fonts.body, p.text, m.T("phase.switch"));
      if (s.phase() == Phase::move) Text(f, f.fonts.body, p.text, (s.rep() > 1 && !e->repeat_move.empty() ? e->repeat_move : e->move).c_str());
      cautions();
      for (const std::string& line : e->lines) Caption(f, line.c_str());
      return;
    case Phase::hold:
      Text(f, f.fonts.body, p.quiet, e->hold_cue.c_str());
      cautions();
      return;
    case Phase::release: return Text(f, f.fonts.body, p.quiet, m.T("phase.release"));
    default: return;
  }
}

void StoppedPanel(Panel& f) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  if (!m.stop_answer()) {
    // The answers are the list: it scrolls, with "More below" while one is out
    // of sight. The question is the heading: every line goes to the answers,
    // so all three fit on a small phone at 200 % text.
    BeginScrollArea(f, 0);
    Text(f, f.fonts.title, p.stop, m.triage().stop_question.c_str());
    for (const core::StopAnswer& a : m.triage().stop_answers)
      ActionButton(f, ("pain-" + a.id).c_str(), a.label.c_str(), Kind::secondary, "answer", core::json::quoted(a.id));
    EndScrollArea(f);
  } else {
    BeginScrollArea(f, FooterHeight({Kind::primary}));
    Text(f, f.fonts.title, p.stop, m.T("stop.stopped"));
    Text(f, f.fonts.body, p.text, m.triage().rest_title.c_str());
    Caption(f, m.triage().rest_action.c_str());
    Caption(f, m.T("result.disclaimer"));
    EndScrollArea(f);
    ActionButton(f, "home", m.T("common.home"), Kind::primary, "open", core::json::quoted("home"));
  }
}
}  // namespace

void HoldRing(Panel& f, float diameter_css) {
  const core::Session& s = *f.model.session();
  const Palette& p = f.colors();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float d = f.px(diameter_css), r = d / 2, thick = f.px(10);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 c(pos.x + r, pos.y + r);
  ImGui::Dummy(ImVec2(d, d));
  dl->AddCircle(c, r - thick / 2, p.raised, 64, thick);

  if (s.phase() == Phase::hold) {
    float frac = static_cast<float>(s.phase_remaining_s() / std::max(0.001, s.phase_duration_s()));
    const float a0 = -IM_PI / 2;
    if (frac > 0.001f) {
      dl->PathArcTo(c, r - thick / 2, a0, a0 + frac * 2 * IM_PI, 64);
      dl->PathStroke(p.calm, 0, thick);
    }
    int secs = static_cast<int>(std::ceil(s.phase_remaining_s() - 1e-6));
    std::string n = std::to_string(std::max(secs, 0));
    // The last three seconds pulse softly with the 3-2-1 tones.
    float pulse = 1;
    if (secs <= 3 && !f.reduced_motion) {
      double frac_s = s.phase_remaining_s() - std::floor(s.phase_remaining_s());
      pulse = 1 + 0.06f * static_cast<float>(frac_s);
    }
    ImFont* font = f.fonts.countdown;
    float size = font->FontSize * std::min(1.0f, d * 0.62f / font->FontSize) * pulse;
    ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, n.c_str());
    dl->AddText(font, size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), p.text, n.c_str());
    return;
  }
  // Breathing guide: the circle grows on the in-breath and shrinks on the out-breath.
  float t = static_cast<float>(s.breath_progress());
  float eased = core::ease(t);
  float k = s.inhaling() ? eased : 1 - eased;
  if (s.paused()) k = 0.5f;
  dl->AddCircleFilled(c, (r - thick) * (0.35f + 0.6f * k),
                      (p.calm & 0x00FFFFFF) | (static_cast<ImU32>(90) << IM_COL32_A_SHIFT), 64);
  const char* word = f.model.T(s.inhaling() ? "breath.in" : "breath.out");
  ImVec2 ts = ImGui::CalcTextSize(word);
  dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), p.text, word);
}

namespace {

// Where am I: "2 of 6 · Right side" and the minutes left.
void Progress(Panel& f, const core::Session& s) {
  const model::Model& m = f.model;
  const char* where = s.exercise_index() < 0
      ? m.T("session.prepare")
      : Fill(m.T("session.step"), {std::to_string(s.exercise_index() + 1), std::to_string(m.routine().exercises.size())});
  if (s.side() != core::Side::none)
    where = Format("%s%s", where, Fill(m.T("session.side"), {m.T(s.side() == core::Side::right ? "session.right" : "session.left")}));
  if (const core::Exercise* e = s.exercise(); e && e->reps > 1) where = Format("%s · %d/%d", where, s.rep(), e->reps);
  const char* left = Fill(m.T("session.min_left"), {std::to_string(static_cast<int>(std::ceil(s.remaining_s() / 60)))});
  const ImVec4 quiet = ImGui::ColorConvertU32ToFloat4(f.colors().quiet);
  ImGui::PushFont(f.fonts.caption);
  ImGui::TextColored(quiet, "%s", where);
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(left).x);
  ImGui::TextColored(quiet, "%s", left);
  ImGui::PopFont();
}

// Where the controls sit. They never move: Stop sits at the bottom of the
// panel, the row of Back / Pause / Next just above it, whatever the
// instruction text does. Each is as tall as its label needs at the person's
// text size, so none overlaps.
struct Controls {
  float third = 0, row_h = 0;                 // each of the row's buttons: its width (CSS px) and their height
  float stop_y = 0, row_y = 0, extra_y = 0;   // extra_y: End session, while paused
  const char* middle = nullptr;               // Pause, or Resume
};
Controls PlaceControls(Panel& f, const core::Session& s) {
  const model::Model& m = f.model;
  const ImGuiStyle& st = ImGui::GetStyle();
  Controls c;
  c.third = (ImGui::GetContentRegionAvail().x - 2 * st.ItemSpacing.x) / 3 / f.dpr;
  c.middle = s.paused() ? m.T("session.resume") : m.T("session.pause");
  c.row_h = std::max({ButtonHeight(f, m.T("session.back"), Kind::secondary, c.third),
                      ButtonHeight(f, c.middle, s.paused() ? Kind::primary : Kind::secondary, c.third),
                      ButtonHeight(f, m.T("session.next"), Kind::secondary, c.third)});
  c.stop_y = ImGui::GetWindowHeight() - st.WindowPadding.y - ButtonHeight(f, m.T("session.stop"), Kind::stop);
  c.row_y = c.stop_y - st.ItemSpacing.y - c.row_h;
  c.extra_y = c.row_y - st.ItemSpacing.y - ButtonHeight(f, m.T("session.end"), Kind::quiet);
  return c;
}

// The ring, the exercise's name and what to do now. The words scroll (a drag
// or the wheel) while the controls below stay put.
void Now(Panel& f, const core::Session& s) {
  const model::Model& m = f.model;
  const Palette& p = f.colors();
  const float room = BeginScrollArea(f, s.paused() ? FooterHeight({Kind::quiet, Kind::secondary, Kind::stop})
                                                   : FooterHeight({Kind::secondary, Kind::stop}));
  // Small phones: the ring shrinks before anything is cut off.
  HoldRing(f, std::clamp(room / f.dpr, 56.0f, 104.0f));
  ImGui::SameLine();
  ImGui::BeginGroup();
  const core::Exercise* e = s.exercise();
  Text(f, f.fonts.title, p.text, e ? e->name.c_str() : m.T("phase.prepare"));
  if (s.paused()) Text(f, f.fonts.body, p.quiet, m.T("session.paused"));
  if (m.settings().eyes_closed) Caption(f, m.T("session.tap_hint"));
  ImGui::EndGroup();
  Instruction(f, s);
  Notices(f);
  EndScrollArea(f);
}

void DrawControls(Panel& f, const core::Session& s, const Controls& c) {
  const model::Model& m = f.model;
  if (s.paused()) {
    ImGui::SetCursorPosY(c.extra_y);
    ActionButton(f, "end", m.T("session.end"), Kind::quiet, "end");
  }
  ImGui::SetCursorPosY(c.row_y);
  ActionButton(f, "back", m.T("session.back"), Kind::secondary, "back", {}, c.third, true, c.row_h);
  ImGui::SameLine();
  if (s.paused())
    ActionButton(f, "resume", c.middle, Kind::primary, "resume", {}, c.third, true, c.row_h);
  else
    ActionButton(f, "pause", c.middle, Kind::secondary, "pause", {}, c.third, true, c.row_h);
  ImGui::SameLine();
  ActionButton(f, "next", m.T("session.next"), Kind::secondary, "next", {}, c.third, true, c.row_h);
  ImGui::SetCursorPosY(c.stop_y);
  ActionButton(f, "stop-pain", m.T("session.stop"), Kind::stop, "stop-pain");
}

}  // namespace

void SessionScreen(Panel& f) {
  const core::Session& s = *f.model.session();
  if (s.phase() == Phase::stopped) return StoppedPanel(f);
  Progress(f, s);
  const Controls controls = PlaceControls(f, s);
  Now(f, s);
  DrawControls(f, s, controls);
}

}  // namespace unfurl::ui
