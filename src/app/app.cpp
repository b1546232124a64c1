#include "app/app.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

#include "render/scene.h"
#include "ui/screens.h"

namespace unfurl::app {

namespace {
glm::vec3 ToVec3(ImU32 c) {
  return glm::vec3((c >> IM_COL32_R_SHIFT) & 255, (c >> IM_COL32_G_SHIFT) & 255, (c >> IM_COL32_B_SHIFT) & 255) / 255.0f;
}
}  // namespace

bool App::Start(void* font, int font_len, std::string_view config_json, std::string_view stored,
                std::string& error) {
  font_ = font;
  font_len_ = font_len;
  model_.Load(stored, config_json);
  model_.SetClock(platform::EpochMs(), platform::UtcOffsetMin());
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; nothing to remember
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  if (!ImGui_ImplOpenGL3_Init("#version 300 es")) { error = "Dear ImGui's WebGL2 backend failed to start"; return false; }
  if (!renderer_.Init(error)) return false;
  last_ms_ = platform::NowMs();
  reduced_motion_ = platform::PrefersReducedMotion();
  started_ = true;
  Wake();
  DrawFrame(0);
  return true;
}

bool App::Animating() const {
  const core::Session* s = model_.session();
  bool session_running = model_.screen() == Screen::session && s && !s->finished() && !s->paused();
  return session_running || input_.Busy() || pending_frames_ > 0 || body_moving_;
}

bool App::PoseBody(float dt_s, std::vector<render::Draw>& draws) {
  namespace body = core::body;
  body::Moment m;
  const core::Session* s = model_.session();
  if (!s) {
    m.home = true;
    exercise_.clear();
    previous_exercise_.clear();
  } else {
    if (const core::Exercise* e = s->exercise(); e && e->id != exercise_) {
      previous_exercise_ = exercise_;
      exercise_ = e->id;
    }
    m.exercise = s->exercise() ? s->exercise()->id : "";
    m.previous = previous_exercise_;
    m.side = s->side();
    m.phase = s->phase();
    m.rep = s->rep();
    m.phase_s = static_cast<float>(s->phase_duration_s());
    m.progress = static_cast<float>(1 - s->phase_remaining_s() / std::max(1e-3, s->phase_duration_s()));
    m.range = static_cast<float>(s->range());
    float b = body::ease(static_cast<float>(s->breath_progress()));
    m.breath = s->finished() ? 0 : (s->inhaling() ? b : 1 - b);
  }
  body::Animated a = animator_.at(m);

  // Ease toward the animator's pose, so jumps (Back, Next, Stop) glide
  // instead of snapping; the animator's own motion is already smooth.
  const float k = shown_once_ ? 1 - std::exp(-dt_s / 0.18f) : 1;  // the first frame shows the pose as it is
  shown_once_ = true;
  float moved = 0;
  for (int j = 0; j < body::kJointCount; ++j) {
    body::Angles& cur = shown_.pose.angles[j];
    const body::Angles& to = a.key.pose.angles[j];
    moved = std::max({moved, std::fabs(to.flex - cur.flex), std::fabs(to.abd - cur.abd), std::fabs(to.rot - cur.rot)});
    cur.flex += (to.flex - cur.flex) * k;
    cur.abd += (to.abd - cur.abd) * k;
    cur.rot += (to.rot - cur.rot) * k;
  }
  for (int g = 0; g < static_cast<int>(body::Goal::kCount); ++g) {
    moved = std::max(moved, std::fabs(a.key.goals.weight[g] - shown_.goals.weight[g]) * 100);
    shown_.goals.weight[g] += (a.key.goals.weight[g] - shown_.goals.weight[g]) * k;
  }
  shown_.pose.root = a.key.pose.root;
  shown_.contact = a.key.contact;

  std::vector<std::string> muscles;
  if (s && s->exercise()) muscles = s->exercise()->muscles;
  body::Figure figure = body::pose_figure(shown_.pose, shown_.goals, shown_.contact, animator_.body(), m.breath);
  render::AddFigure(draws, figure, muscles, a.glow, model_.settings().dim);
  camera_.SetPreset(render::Preset(a.camera), reduced_motion_);
  return moved > 0.05f;
}

void App::Tick() {
  if (!started_) return;
  double now = platform::NowMs();
  // A long gap (a janky frame, a tab coming back) must not fast-forward the routine.
  double dt = std::min(0.1, std::max(0.0, (now - last_ms_) / 1000.0));
  last_ms_ = now;
  model_.SetClock(platform::EpochMs(), platform::UtcOffsetMin());
  Screen before = model_.screen();
  model_.Update(dt);
  if (model_.screen() != before) Wake();
  bool resized = platform::SyncCanvasSize(viewport_);
  if (resized) Wake();
  if (model_.camera_resets() != camera_resets_) {
    camera_resets_ = model_.camera_resets();
    camera_.Reset();
    Wake();
  }
  if (Animating() || camera_.moving()) DrawFrame(dt);
  Flush();
}

// Eyes-closed mode: a tap anywhere that is not a control pauses or resumes,
// so nobody has to find a button in the dark.
void App::EyesClosedTap(ui::Frame& f, const ui::Layout& layout) {
  const core::Session* s = model_.session();
  if (!model_.settings().eyes_closed || model_.screen() != Screen::session || !s || s->finished()) return;
  if (layout.has_view)
    widgets_.Add({"tap-anywhere", model_.T("session.tap_hint"), "button", "toggle", "", layout.view_min,
                  layout.view_max, true, false});
  if (ImGui::IsMouseReleased(0) && ImGui::IsMousePosValid() && !ImGui::IsAnyItemHovered() &&
      !ImGui::IsAnyItemActive())
    f.model.Act("toggle");
}

void App::DrawFrame(double dt_s) {
  platform::SyncCanvasSize(viewport_);
  ImGuiIO& io = ImGui::GetIO();
  const float dpr = viewport_.dpr;
  const bool dim = model_.settings().dim;
  const float text_size = static_cast<float>(model_.settings().text_size);
  if (dpr != font_dpr_ || dim != style_dim_ || text_size != font_text_size_) {
    // Crisp text at any pixel ratio: the atlas is rasterised at px × dpr.
    if (dpr != font_dpr_ || text_size != font_text_size_) {
      fonts_ = ui::BuildFonts(font_, font_len_, dpr, text_size);
      font_text_size_ = text_size;
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ui::ApplyStyle(dpr, dim);
    font_dpr_ = dpr;
    style_dim_ = dim;
  }
  io.DisplaySize = ImVec2(static_cast<float>(viewport_.width_px), static_cast<float>(viewport_.height_px));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = static_cast<float>(std::max(dt_s, 1e-3));

  ImGui_ImplOpenGL3_NewFrame();
  input_.Apply(io, dpr);
  ImGui::NewFrame();

  const bool portrait = viewport_.height_px >= viewport_.width_px;
  ui::Layout layout = ui::ComputeLayout(model_, io.DisplaySize, portrait, dpr);

  // A one-finger drag scrolls the panel it began on, or turns the camera in the 3D view.
  ui::PointerInput::Gesture g = input_.TakeGesture();
  ImVec2 start(g.start.x * dpr, g.start.y * dpr);
  bool in_view = layout.has_view && start.x >= layout.view_min.x && start.x < layout.view_max.x &&
                 start.y >= layout.view_min.y && start.y < layout.panel_pos.y + (portrait ? 0 : layout.view_max.y);
  float scroll_css = 0;
  if (in_view) {
    if (g.dragging) camera_.Orbit(g.drag_dx, g.drag_dy);
    if (g.wheel != 0) camera_.Zoom(std::pow(1.0015f, -g.wheel));
    if (g.pinch != 1) camera_.Zoom(g.pinch);
  } else {
    scroll_css = g.drag_dy;
    io.MouseWheel -= g.wheel / 100;
  }

  const long version = model_.version();
  widgets_.Clear();
  ui::Frame frame{model_, widgets_, fonts_, dpr, reduced_motion_};
  ui::DrawScreen(frame, layout, scroll_css);
  ui::ViewControls(frame, layout, camera_.user_moved());
  EyesClosedTap(frame, layout);
  ImGui::Render();

  const ui::Palette& pal = ui::Colors(dim);
  renderer_.Clear(viewport_.width_px, viewport_.height_px, ToVec3(pal.background));
  if (layout.has_view) {
    if (camera_.Update(static_cast<float>(dt_s))) Wake(1);
    std::vector<render::Draw> draws;
    render::AddBed(draws, dim);
    body_moving_ = PoseBody(static_cast<float>(dt_s), draws);
    glm::ivec4 vp(static_cast<int>(layout.view_min.x), static_cast<int>(viewport_.height_px - layout.view_max.y),
                  static_cast<int>(layout.view_max.x - layout.view_min.x),
                  static_cast<int>(layout.view_max.y - layout.view_min.y));
    renderer_.Render(camera_.Build(vp), draws, dim);
  }
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  ++frames_;
  if (pending_frames_ > 0) --pending_frames_;
  // A control acted during this frame: draw the screen it leads to.
  if (model_.version() != version) Wake();
  std::string json = widgets_.Json(dpr);
  if (json != widgets_json_) {
    widgets_json_ = std::move(json);
    platform::Widgets(widgets_json_);
    Wake(2);  // the layout changed: let it settle for a frame or two
  }
  if (!first_frame_sent_) {
    first_frame_sent_ = true;
    platform::FirstFrameDrawn();
  }
}

void App::Flush() {
  Outbox out = model_.TakeOutbox();
  if (out.hush) platform::Hush();
  for (const Outbox::CueOut& c : out.cues)
    platform::Cue(std::string(core::cue_kind_name(c.cue.kind)), c.cue.key, c.cue.text, c.lang, model_.settings());
  if (out.store) platform::Store(*out.store);
  if (out.download) platform::Download(out.download->name, out.download->type, out.download->text);
  if (out.report) platform::ShowReport(*out.report);
  if (out.erase) platform::EraseAll();
  if (out.download_asides) platform::DownloadAsides();
  for (const std::string& e : out.events) platform::PostEvent(e);
  bool wake = model_.wants_wake_lock();
  if (wake != wake_lock_) {
    wake_lock_ = wake;
    platform::WakeLock(wake);
  }
}

bool App::Act(std::string_view name, std::string_view arg) {
  if (!started_) return false;
  bool ok = model_.Act(name, arg);
  if (ok) {
    // Draw now, so state(), widgets() and the screen agree as soon as act() returns.
    Wake();
    DrawFrame(0);
  }
  Flush();
  return ok;
}

std::string App::State() const {
  std::string s = model_.StateJson();
  return "{\"frame\":" + std::to_string(frames_) + "," + s.substr(1);
}

void App::SetVoiceBusy(bool busy) {
  model_.SetVoiceBusy(busy);
  Wake();
}

void App::SetVisible(bool visible) {
  model_.SetVisible(visible);
  last_ms_ = platform::NowMs();
  Wake();
  Flush();
}

}  // namespace unfurl::app
