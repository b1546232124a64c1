// The frame loop: wires the model, the ImGui screens and the renderer, owns
// the clock, and decides when a frame is worth drawing. Phones in bed run on
// battery, so nothing is drawn while nothing moves: a frame is drawn only for
// input, a running session, a gliding camera, or a change of size or state.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "core/body/animator.h"
#include "platform/web/bridge.h"
#include "render/camera.h"
#include "render/renderer.h"
#include "ui/input.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace unfurl::app {

class App {
 public:
  // font: the Inter subset (kept alive by the caller); stored: the history document.
  bool Start(void* font, int font_len, std::string_view config_json, std::string_view stored,
             std::string& error);
  void Tick();
  bool Act(std::string_view name, std::string_view arg);
  std::string State() const;
  const std::string& WidgetsJson() const { return widgets_json_; }
  void SetVisible(bool visible);
  void SetVoiceBusy(bool busy);
  std::string MergeStored(std::string_view stored) {
    Wake();
    return model_.MergeStored(stored);
  }
  void Notice(std::string_view id, std::string_view text) { model_.AddNotice(id, text); Wake(); }
  ui::PointerInput& input() { return input_; }
  void Wake(int frames = 3) { pending_frames_ = std::max(pending_frames_, frames); }

 private:
  void DrawFrame(double dt_s);
  void EyesClosedTap(ui::Frame& f, const ui::Layout& layout);
  // The mannequin for this frame; returns true while it is still moving.
  bool PoseBody(float dt_s, std::vector<render::Draw>& draws);
  void Flush();
  bool Animating() const;

  Model model_;
  core::body::Animator animator_;
  core::body::Keyframe shown_;   // what is drawn: eases toward the animator's pose
  bool body_moving_ = true, shown_once_ = false;
  std::string exercise_, previous_exercise_;
  long camera_resets_ = 0;
  render::Renderer renderer_;
  render::Camera camera_;
  ui::PointerInput input_;
  ui::WidgetRegistry widgets_;
  ui::Fonts fonts_;
  platform::Viewport viewport_;
  void* font_ = nullptr;
  int font_len_ = 0;
  float font_dpr_ = 0, font_text_size_ = 0;
  bool style_dim_ = true;
  int pending_frames_ = 3;
  long frames_ = 0;
  double last_ms_ = 0;
  bool wake_lock_ = false, started_ = false, first_frame_sent_ = false;
  bool reduced_motion_ = false;  // prefers-reduced-motion: camera moves cut instead of gliding
  std::string widgets_json_ = "[]";
};

}  // namespace unfurl::app
