#include "ui/screens.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <iterator>

namespace unfurl::ui {

using model::Screen;

namespace {
char g_format[16384];
size_t g_format_used = 0;
}  // namespace

void ResetFormat() { g_format_used = 0; }

const char* Format(const char* fmt, ...) {
  // A screen with more text than the buffer (a long history) starts over at
  // its beginning: only strings already drawn are overwritten.
  if (sizeof g_format - g_format_used < 1024) g_format_used = 0;
  char* out = g_format + g_format_used;
  const size_t room = sizeof g_format - g_format_used;
  va_list args;
  va_start(args, fmt);
  const int n = std::vsnprintf(out, room, fmt, args);
  va_end(args);
  g_format_used += std::min(room - 1, static_cast<size_t>(std::max(n, 0))) + 1;
  return out;
}

const char* Fill(std::string_view words, std::initializer_list<std::string> args) {
  return Format("%s", core::fill(words, std::vector<std::string>(args)).c_str());
}

Layout ComputeLayout(const model::Model& model, ImVec2 display, bool portrait, float dpr) {
  const Screen screen = model.screen();
  Layout l;
  l.has_view = screen == Screen::home || screen == Screen::session || screen == Screen::finish;
  // While "What did you feel?" waits for its answer, the question and its
  // answers take the whole screen: at large text they would not fit beside the view.
  const core::Session* s = model.session();
  if (screen == Screen::session && s && s->phase() == core::Phase::stopped && !model.stop_answer()) l.has_view = false;
  if (!l.has_view) {
    l.panel_pos = ImVec2(0, 0);
    l.panel_size = display;
    return l;
  }
  if (portrait) {
    // Finish, and Home on a first visit, have the most to read; their view can be smaller.
    bool wordy = screen == Screen::finish || (screen == Screen::home && model.show_intro());
    // Embedded in a clinic's page the frame is usually short: a smaller view, more panel.
    float split = display.y * (wordy ? 0.36f : model.config().embed ? 0.45f : 0.55f);
    // Small phones: the panel keeps enough room for its words; the view gives way (to 30 % at most).
    split = std::max(display.y * 0.3f, std::min(split, display.y - 340 * dpr));
    l.view_min = ImVec2(0, 0);
    l.view_max = ImVec2(display.x, split);
    // The panel's rounded top overlaps the view a little, as in the mock-ups.
    l.panel_pos = ImVec2(0, split - 16 * dpr);
    l.panel_size = ImVec2(display.x, display.y - l.panel_pos.y);
  } else {
    float split = display.x * 0.6f;
    l.view_min = ImVec2(0, 0);
    l.view_max = ImVec2(split, display.y);
    l.panel_pos = ImVec2(split, 0);
    l.panel_size = ImVec2(display.x - split, display.y);
  }
  return l;
}

void Notices(Panel& f) {
  for (const model::Notice& n : f.model.notices()) Text(f, f.fonts.caption, f.colors().caution, n.text.c_str());
}

void RestoreResult(Panel& f) {
  const model::Model& m = f.model;
  const auto& r = m.restored();
  if (!r) return;
  if (r->refused != core::BackupRefusal::none)
    return Text(f, f.fonts.body, f.colors().caution, m.T(Format("backup.refused.%s", std::string(core::refusal_name(r->refused)).c_str())));
  const std::string added = Fill(m.T(m.text().plural_key("backup.added", r->counts.added)), {std::to_string(r->counts.added)});
  const std::string present = Fill(m.T(m.text().plural_key("backup.present", r->counts.present)), {std::to_string(r->counts.present)});
  Text(f, f.fonts.body, f.colors().calm, Fill(m.T("backup.restored"), {added, present}));
}

void RestoreButton(Panel& f, const char* id, const char* label) {
  ActionButton(f, id, label, Kind::secondary, "restore");
}

void ViewControls(Panel& f, const Layout& layout, bool camera_moved) {
  if (!layout.has_view || !camera_moved) return;
  const float w = f.px(132), pad = f.px(12);
  ImGui::SetNextWindowPos(ImVec2(layout.view_max.x - w - pad, layout.view_min.y + pad));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysAutoResize);
  ActionButton(f, "reset-view", f.model.T("view.reset"), Kind::secondary, "reset-view", {}, 132);
  ImGui::End();
  ImGui::PopStyleVar();
}

// A table, not a switch: through a switch the optimiser inlines all nine
// screens into the frame, and the browser compiles a wasm function whole on
// its first call, so the first frame would compile every screen to show one.
using ScreenFn = void (*)(Panel&);
constexpr ScreenFn kScreens[] = {HomeScreen,    CheckScreen,   CheckResultScreen, RatingScreen,  SessionScreen, FinishScreen,
                                 HistoryScreen, SettingsScreen, ScreeningScreen,  PatternScreen, AboutScreen};
static_assert(static_cast<int>(Screen::home) == 0 && std::size(kScreens) == static_cast<size_t>(Screen::about) + 1);

void DrawScreen(Panel& f, const Layout& layout, float scroll_css) {
  const Palette& p = f.colors();
  f.scroll_css = scroll_css;
  // Every screen opens at its top: a check must never open scrolled past its
  // first sign because the screen before it was scrolled.
  static model::Screen drawn = model::Screen::about;
  static const model::Model* drawn_by = nullptr;
  f.entered = f.model.screen() != drawn || &f.model != drawn_by;
  drawn = f.model.screen();
  drawn_by = &f.model;
  ResetFormat();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, layout.has_view ? p.surface : p.background);
  if (BeginPanel(f, "panel", layout.panel_pos, layout.panel_size, scroll_css)) {
    kScreens[static_cast<int>(f.model.screen())](f);
    MeasureFooter();
  }
  EndPanel();
  ImGui::PopStyleColor();
}

}  // namespace unfurl::ui
