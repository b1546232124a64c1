#include "app/app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>


namespace unfurl::app {

namespace {
glm::vec3 ToVec3(ImU32 packed) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(packed);  // Dear ImGui's own unpacking of what the theme packed
  return glm::vec3(c.x, c.y, c.z);
}
// Holds and rests move slowly (breath, the ring): 30 frames a second look as
// smooth as 60 there and cost half the battery. Moves and glides get every refresh.
constexpr double kCalmFrame_s = 1.0 / 30;
}  // namespace

App::App() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
}

App::~App() { ImGui::DestroyContext(); }

void App::Start(const StartInput& in) {
  font_ = in.font;
  font_len_ = in.font_len;
  reduced_motion_ = in.reduced_motion;
  if (!in.lang.empty()) model_.LanguageArrived(in.lang, in.lang_text);
  model_.Load(in.stored, in.config_json);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; nothing to remember
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  started_ = true;
  Wake();
}

double App::NextFrame() const {
  if (pending_frames_ > 0 || input_.Busy() || stage_.camera().moving()) return 0;
  const core::Session* s = model_.session();
  if (model_.screen() == model::Screen::session && s && !s->finished() && !s->paused()) {
    const core::Phase ph = s->phase();
    const bool calm = ph == core::Phase::hold || ph == core::Phase::rest || ph == core::Phase::prepare;
    return calm && !stage_.moving() ? kCalmFrame_s : 0;
  }
  return stage_.moving() ? 0 : -1;
}

void App::Frame(const FrameInput& in, FrameOutput& out) {
  out = FrameOutput();
  if (!started_) return;
  // No time passes for what is drawn while the loop sleeps: the frame that
  // wakes it (a tap on Resume) starts from where the last one left off.
  const double dt = last_ms_ < 0 ? 0 : std::max(0.0, (in.now_ms - last_ms_) / 1000.0);
  model_.SetClock(in.epoch_ms, in.utc_offset_min);
  if (in.events) {
    for (const PointerEvent& e : *in.events) {
      switch (e.type) {
        case PointerEvent::Type::down: input_.Down(e.x, e.y, e.touch, e.t_ms / 1000); break;
        case PointerEvent::Type::move: input_.Move(e.x, e.y); break;
        case PointerEvent::Type::up: input_.Up(e.x, e.y, e.t_ms / 1000); break;
        case PointerEvent::Type::cancel: input_.Cancel(); break;
        case PointerEvent::Type::wheel: input_.Wheel(e.y); break;
        case PointerEvent::Type::pinch: input_.Pinch(e.x); break;
      }
    }
    if (!in.events->empty()) Wake(1);
  }
  const model::Screen before = model_.screen();
  const long version = model_.version();
  model_.Update(dt);
  if (model_.screen() != before || model_.version() != version) Wake();
  if (in.width_px != width_px_ || in.height_px != height_px_ || in.dpr != style_dpr_) Wake();
  if (model_.camera_resets() != camera_resets_) {
    camera_resets_ = model_.camera_resets();
    stage_.camera().Reset();
    Wake();
  }
  const core::Session* s = model_.session();
  const bool running = model_.screen() == model::Screen::session && s && !s->finished() && !s->paused();
  if (running || NextFrame() >= 0) {
    const long drawn_version = model_.version();
    Draw(in, dt, out);
    // A tap acted after the screen was laid out: lay out the screen it leads
    // to now, so the widgets and the state agree when the frame ends.
    if (model_.version() != drawn_version) Draw(in, 0, out);
  }

  out.out = model_.TakeOutbox();
  out.wake_lock = model_.wants_wake_lock();
  out.next_frame_s = NextFrame();
  last_ms_ = out.next_frame_s < 0 ? -1 : in.now_ms;
}

// Eyes-closed mode: a tap anywhere that is not a control pauses or resumes,
// so nobody has to find a button in the dark.
void App::EyesClosedTap(ui::Panel& f, const ui::Layout& layout) {
  const core::Session* s = model_.session();
  if (!model_.settings().eyes_closed || model_.screen() != model::Screen::session || !s || s->finished()) return;
  if (layout.has_view)
    widgets_.Add("tap-anywhere", model_.T("session.tap_hint"), "button", "toggle", "", layout.view_min,
                 layout.view_max, true, false);
  if (ImGui::IsMouseReleased(0) && ImGui::IsMousePosValid() && !ImGui::IsAnyItemHovered() &&
      !ImGui::IsAnyItemActive())
    f.Act("toggle");
}

void App::BakeFonts(float dpr) {
  const float text_size = static_cast<float>(model_.settings().text_size);
  if (!started_ || (dpr == font_dpr_ && text_size == font_text_size_)) return;
  // Crisp text at any pixel ratio: the atlas is rasterised at px × dpr.
  fonts_ = ui::BuildFonts(font_, font_len_, dpr, text_size);
  font_dpr_ = dpr;
  font_text_size_ = text_size;
  fonts_unsent_ = true;
}

void App::Draw(const FrameInput& in, double dt_s, FrameOutput& out) {
  ImGuiIO& io = ImGui::GetIO();
  const float dpr = in.dpr;
  const bool dim = model_.settings().dim;
  BakeFonts(dpr);
  out.fonts_changed = fonts_unsent_;
  fonts_unsent_ = false;
  if (dpr != style_dpr_ || dim != style_dim_) {
    ui::ApplyStyle(dpr, dim);
    style_dpr_ = dpr;
    style_dim_ = dim;
  }
  width_px_ = in.width_px;
  height_px_ = in.height_px;
  io.DisplaySize = ImVec2(static_cast<float>(in.width_px), static_cast<float>(in.height_px));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = static_cast<float>(std::max(dt_s, 1e-3));
  input_.Apply(io, dpr);
  ImGui::NewFrame();
  taps_.Track(io, in.now_ms / 1000, input_.applied_s(), input_.dragging());

  const bool portrait = in.height_px >= in.width_px;
  const ui::Layout layout = ui::ComputeLayout(model_, io.DisplaySize, portrait, dpr);
  const float scroll_css = RouteGesture(layout, portrait, dpr);

  widgets_.Begin(dpr);
  actions_.clear();
  ui::Panel panel{model_, widgets_, actions_, fonts_, dpr, reduced_motion_};
  panel.taps = &taps_;
  ui::DrawScreen(panel, layout, scroll_css);
  ui::ViewControls(panel, layout, stage_.camera().user_moved());
  EyesClosedTap(panel, layout);
  taps_.EndFrame();
  ImGui::Render();

  const ui::Palette& pal = ui::Colors(dim);
  out.drawn = true;
  out.dim = dim;
  out.background = ToVec3(pal.background);
  DrawView(layout, in.height_px, dt_s, dpr, dim, out);

  ++frames_;
  out.first_frame = frames_ == 1;
  if (pending_frames_ > 0) --pending_frames_;
  // The layout changed: let it settle for a frame.
  if (widgets_.Publish()) {
    out.widgets_changed = true;  // stays set if a second layout in this frame changes nothing
    Wake(1);
  }
  // Taps apply now that the screen has been drawn from one consistent state;
  // the next frame shows where they lead.
  for (const ui::Pending& a : actions_)
    if (model_.Act(a.action, a.arg)) Wake();
}

// A one-finger drag scrolls the panel it began on (returned, in CSS px), or
// turns the camera in the 3D view; a wheel or a pinch there zooms it.
float App::RouteGesture(const ui::Layout& layout, bool portrait, float dpr) {
  const ui::PointerInput::Gesture g = input_.TakeGesture();
  const ImVec2 start(g.start.x * dpr, g.start.y * dpr);
  const bool in_view = layout.has_view && start.x >= layout.view_min.x && start.x < layout.view_max.x &&
                       start.y >= layout.view_min.y && start.y < layout.panel_pos.y + (portrait ? 0 : layout.view_max.y);
  if (!in_view) {
    ImGui::GetIO().MouseWheel -= g.wheel / 100;
    return g.drag_dy;
  }
  render::Camera& camera = stage_.camera();
  if (g.dragging) camera.Orbit(g.drag_dx, g.drag_dy);
  if (g.wheel != 0) camera.Zoom(std::pow(1.0015f, -g.wheel));
  if (g.pinch != 1) camera.Zoom(g.pinch);
  return 0;
}

// The 3D view's part of the frame: the body posed for this moment and the camera on it.
void App::DrawView(const ui::Layout& layout, int height_px, double dt_s, float dpr, bool dim, FrameOutput& out) {
  out.has_view = layout.has_view;
  if (!layout.has_view) {
    stage_.Hide();
    return;
  }
  const glm::ivec4 vp(static_cast<int>(layout.view_min.x), static_cast<int>(height_px - layout.view_max.y),
                      static_cast<int>(layout.view_max.x - layout.view_min.x),
                      static_cast<int>(layout.view_max.y - layout.view_min.y));
  stage_.Update(model_.session(), static_cast<float>(dt_s), vp.w > 0 ? static_cast<float>(vp.z) / vp.w : 1, dim,
                reduced_motion_);
  out.view = stage_.camera().Build(vp);
  out.draws = &stage_.draws();
  // Soft shapes need no more than 2 device pixels per CSS pixel; the text
  // above them is drawn at full resolution.
  out.scene_scale = std::min(1.0f, 2.0f / dpr);
}

bool App::Act(std::string_view name, std::string_view arg) {
  if (!started_) return false;
  const bool ok = model_.Act(name, arg);
  if (ok) Wake();
  return ok;
}

std::string App::State() const { return model_.StateJson(frames_); }

void App::SetVoiceBusy(bool busy) {
  model_.SetVoiceBusy(busy);
  Wake(1);
}

void App::SetVisible(bool visible) {
  model_.SetVisible(visible);
  last_ms_ = -1;  // the time hidden is not session time
  Wake();
}

std::string App::MergeStored(std::string_view stored) {
  Wake();
  return model_.MergeStored(stored);
}

void App::Notice(std::string_view id, std::string_view key, std::string_view arg) {
  if (key.empty()) model_.DropNotice(id);
  else model_.AddNotice(id, key, arg);
  Wake();
}

}  // namespace unfurl::app
