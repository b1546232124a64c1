#include "ui/input.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace unfurl::ui {

namespace {
// A finger wobbles a little on a tap; past this (CSS px) it is a drag.
constexpr float kDragSlop = 10;
}

void PointerInput::Down(float x, float y, bool touch, double t_s) { queue_.push_back({Type::down, x, y, touch, t_s}); }
void PointerInput::Move(float x, float y) { queue_.push_back({Type::move, x, y, touch_}); }
void PointerInput::Up(float x, float y, double t_s) { queue_.push_back({Type::up, x, y, touch_, t_s}); }
void PointerInput::Cancel() { queue_.push_back({Type::cancel, 0, 0, touch_}); }
void PointerInput::Wheel(float dy) { gesture_.wheel += dy; }
void PointerInput::Pinch(float scale_change) {
  gesture_.pinch *= scale_change;
  // A second finger means this was never a tap.
  if (down_) dragging_ = true;
}

void PointerInput::Apply(ImGuiIO& io, float dpr) {
  const ImVec2 hidden(-FLT_MAX, -FLT_MAX);
  if (hide_after_up_) {
    // Touch has no hover: once the finger lifts, nothing stays highlighted.
    io.MousePos = hidden;
    hide_after_up_ = false;
  }
  size_t used = 0;
  applied_s_ = 0;
  for (; used < queue_.size(); ++used) {
    const Event& e = queue_[used];
    ImVec2 p(e.x * dpr, e.y * dpr);
    if (e.type == Type::move) {
      if (!down_) { if (!e.touch) io.MousePos = p; continue; }
      gesture_.drag_dx += e.x - last_.x;
      gesture_.drag_dy += e.y - last_.y;
      last_ = ImVec2(e.x, e.y);
      if (!dragging_ && std::hypot(e.x - start_.x, e.y - start_.y) > kDragSlop) dragging_ = true;
      // A drag must not activate the control it began on: ImGui sees the
      // pointer leave, so the release lands on nothing.
      io.MousePos = dragging_ ? hidden : p;
      continue;
    }
    if (e.type == Type::down) {
      if (down_) continue;
      if (io.MouseDown[0]) break;  // the previous release has not been seen yet
      down_ = true;
      touch_ = e.touch;
      dragging_ = false;
      start_ = last_ = ImVec2(e.x, e.y);
      gesture_.start = start_;
      io.MousePos = p;
      io.MouseDown[0] = true;
      applied_s_ = e.t_s;
      ++used;
      break;
    }
    // up or cancel
    if (!down_) continue;
    if (!io.MouseDown[0]) break;
    if (e.type == Type::cancel || dragging_) io.MousePos = hidden;
    else io.MousePos = p;
    io.MouseDown[0] = false;
    applied_s_ = e.t_s;
    down_ = false;
    hide_after_up_ = touch_;
    ++used;
    break;
  }
  queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(used));
  gesture_.dragging = down_ && dragging_;
}

PointerInput::Gesture PointerInput::TakeGesture() {
  Gesture g = gesture_;
  gesture_ = Gesture();
  gesture_.start = g.start;
  return g;
}

void TapGuard::Track(const ImGuiIO& io, double now_s, double event_s, bool dragging) {
  now_s_ = now_s;
  if (event_s > 0) now_s = event_s;  // the finger's own time, however late the frame
  if (dragging)
    for (Control& c : controls_) c.armed = true;
  if (io.MouseClicked[0]) {
    // A press begins: a control held back counts from now on if the finger
    // rested off the screen for long enough since it appeared, or if this
    // press is somewhere else (the finger has left the place it was tapping).
    const ImVec2 at = io.MousePos;
    for (Control& c : controls_) {
      const bool inside = at.x >= c.min.x && at.x < c.max.x && at.y >= c.min.y && at.y < c.max.y;
      if (!c.armed && (!inside || now_s - std::max(c.appeared_s, released_s_) >= kRest_s)) c.armed = true;
    }
    pressed_at_ = io.MousePos;
    down_ = true;
  }
  if (io.MouseReleased[0]) {
    released_s_ = now_s;
    down_ = false;
  }
  for (Control& c : controls_) c.drawn = false;
}

bool TapGuard::Counts(std::string_view id, std::string_view action, ImVec2 min, ImVec2 max) {
  // A control is the same while its id and what it does stay: a stepper whose
  // argument carries the next value is one control through quick taps.
  key_.assign(id).append(1, '\n').append(action);
  for (Control& c : controls_) {
    if (c.key != key_) continue;
    c.drawn = true;
    c.min = min;
    c.max = max;
    return c.armed;
  }
  const bool finger_near = down_ || now_s_ - released_s_ < kRest_s;
  const bool under_it = pressed_at_.x >= min.x && pressed_at_.x < max.x && pressed_at_.y >= min.y && pressed_at_.y < max.y;
  controls_.push_back({key_, now_s_, !(finger_near && under_it), true, min, max});
  return controls_.back().armed;
}

void TapGuard::EndFrame() {
  controls_.erase(std::remove_if(controls_.begin(), controls_.end(), [](const Control& c) { return !c.drawn; }),
                  controls_.end());
}

}  // namespace unfurl::ui
