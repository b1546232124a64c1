// Pointer input for phones, fed by the platform's own touch and mouse
// callbacks (never GLFW's, which fire a tap twice).
//
// Dear ImGui 1.86 samples the mouse once per frame, so a tap whose down and up
// arrive between two frames would be lost; events are therefore queued and
// applied at most one button change per frame. A finger that moves more than
// a few pixels becomes a drag: it scrolls the panel or turns the camera and
// never activates the control it started on. Two fingers pinch to zoom.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace unfurl::ui {

class PointerInput {
 public:
  // Positions in CSS px.
  // t_s: when the browser delivered it (0: unknown, the frame's time is used).
  void Down(float x, float y, bool touch, double t_s = 0);
  void Move(float x, float y);
  void Up(float x, float y, double t_s = 0);
  void Cancel();
  void Wheel(float dy);
  void Pinch(float scale_change);  // >1 spreads the fingers

  // Moves the queue into ImGui for this frame; call after NewFrame's input setup.
  void Apply(ImGuiIO& io, float dpr);
  bool Busy() const { return !queue_.empty() || down_; }
  // When the press or release that Apply gave ImGui this frame happened (0: unknown).
  double applied_s() const { return applied_s_; }
  // The finger down now has moved past a tap's wobble: a scroll or a turn of the camera.
  bool dragging() const { return down_ && dragging_; }

  // Per-frame gesture results, in CSS px. Consumed by whoever owns the area the
  // gesture started in (panel scroll or camera).
  struct Gesture {
    float drag_dx = 0, drag_dy = 0, wheel = 0, pinch = 1;
    bool dragging = false;
    ImVec2 start;  // where the current press began
  };
  Gesture TakeGesture();

 private:
  enum class Type { down, move, up, cancel };
  struct Event { Type type; float x, y; bool touch; double t_s = 0; };
  std::vector<Event> queue_;
  bool down_ = false, touch_ = false, dragging_ = false, hide_after_up_ = false;
  ImVec2 start_, last_;
  Gesture gesture_;
  double applied_s_ = 0;
};

// A tap is a choice, not momentum (docs/clinical.md, "Safety check"). A
// control that appears where a finger has just been tapping — "See the rest ↓"
// becoming "None of these today" at the list's end, or the next screen's
// button where the last one was — takes no tap until the finger has rested
// off the screen for kRest_s: someone tapping to scroll, a tap every quarter
// of a second, never answers the check or acts on the next screen, and a
// deliberate tap after a look at the new control always counts. Controls that
// appear anywhere else, or long after the last touch, count at once, and so
// does a control once the finger has pressed somewhere else or dragged (a
// scroll is no tap's momentum); the Stop control is never held back.
class TapGuard {
 public:
  // Longer than the gap between the taps of someone scrolling by tapping
  // (a quarter to a third of a second), shorter than reading a button's label.
  static constexpr double kRest_s = 0.6;

  // Each frame, once the pointer is applied to io (now: real seconds, never
  // the test's timescale; event_s: when this frame's press or release really
  // happened, 0 when unknown).
  void Track(const ImGuiIO& io, double now_s, double event_s = 0, bool dragging = false);
  // Whether a tap on this control counts. Called for each control as it is
  // drawn (min/max: its rectangle in device px): the first call notes when it appeared.
  bool Counts(std::string_view id, std::string_view action, ImVec2 min, ImVec2 max);
  // After the frame's controls are drawn: forgets the ones no longer on screen.
  void EndFrame();

 private:
  struct Control {
    std::string key;
    double appeared_s;
    bool armed, drawn;
    ImVec2 min, max;  // where it was last drawn, device px
  };
  std::vector<Control> controls_;
  std::string key_;  // reused: composing a control's key allocates nothing once it has grown
  double now_s_ = 0, released_s_ = -1e9;
  ImVec2 pressed_at_{-1e9f, -1e9f};
  bool down_ = false;
};

}  // namespace unfurl::ui
