// One frame, one way (docs/architecture.md): the platform owns the loop and hands
// the app a FrameInput; the app hands back a FrameOutput. Nothing else crosses
// between them during a frame, so the app never calls the platform and the
// whole loop runs natively under GoogleTest.
#pragma once
#include <glm/glm.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/draws.h"

namespace unfurl::app {

// Pointer input since the last frame, in CSS px from the canvas's top left.
struct PointerEvent {
  enum class Type : std::uint8_t { down, move, up, cancel, wheel, pinch };
  Type type;
  float x = 0, y = 0;  // wheel: y is the scroll in CSS px; pinch: x is the change of finger distance (×)
  bool touch = false;
  // When the browser delivered it (the monotonic clock of FrameInput::now_ms),
  // 0 when unknown: frames come late on a busy phone, and the rhythm of a
  // finger's taps is judged by the taps, not by the frames (ui::TapGuard).
  double t_ms = 0;
};

struct StartInput {
  const void* font = nullptr;  // the Inter subset; the caller keeps it alive for font rebuilds
  int font_len = 0;
  std::string_view config_json = "{}", stored;
  // The page's language file (assets/i18n/<lang>.json), fetched by the shell
  // before start so the first frame speaks it; the binary carries no words.
  std::string_view lang, lang_text;
  bool reduced_motion = false;  // prefers-reduced-motion: camera moves cut, the body goes straight to its pose
};

struct FrameInput {
  double now_ms = 0;    // monotonic: the session clock
  double epoch_ms = 0;  // wall clock: dates in the history
  int utc_offset_min = 0;
  int width_px = 1, height_px = 1;  // the canvas's drawing buffer
  float dpr = 1;
  const std::vector<PointerEvent>* events = nullptr;
};

struct FrameOutput {
  model::Outbox out;              // cues, the document to store, events for the parent page…
  bool wake_lock = false;
  bool widgets_changed = false;  // App::widgets() holds a new list
  bool fonts_changed = false;    // upload ImGui's font atlas before drawing
  bool drawn = false;            // ImGui's draw data and the scene below are this frame's
  bool first_frame = false;
  // The 3D view, when drawn and on screen.
  bool has_view = false;
  render::View view{};
  const std::vector<render::Draw>* draws = nullptr;
  float scene_scale = 1;  // fraction of device pixels the 3D view is shaded at
  glm::vec3 background{0};
  bool dim = true;
  // When the next frame is due: < 0 nothing moves (wait for input or a state
  // change), 0 the next display refresh, > 0 after that many seconds.
  double next_frame_s = -1;
};

}  // namespace unfurl::app
