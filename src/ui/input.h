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

#include <vector>

namespace unfurl::ui {

class PointerInput {
 public:
  // Positions in CSS px.
  void Down(float x, float y, bool touch);
  void Move(float x, float y);
  void Up(float x, float y);
  void Cancel();
  void Wheel(float dy);
  void Pinch(float scale_change);  // >1 spreads the fingers

  // Moves the queue into ImGui for this frame; call after NewFrame's input setup.
  void Apply(ImGuiIO& io, float dpr);
  bool Busy() const { return !queue_.empty() || down_; }

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
  struct Event { Type type; float x, y; bool touch; };
  std::vector<Event> queue_;
  bool down_ = false, touch_ = false, dragging_ = false, hide_after_up_ = false;
  ImVec2 start_, last_;
  Gesture gesture_;
};

}  // namespace unfurl::ui
