#include "render/camera.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

#include "core/ease.h"

namespace unfurl::render {

namespace {
constexpr float kGlide_s = 1.5f;
constexpr float kFovDeg = 35;
// The share of the view's half-width and half-height the hold is fitted in,
// and the start's: where the exercise starts may reach a little past the edge
// for the first moments of its move; the hold, which lasts, must be large.
constexpr float kHoldShare = 0.86f;
constexpr float kStartShare = 1.05f;

CameraPose Lerp(const CameraPose& a, const CameraPose& b, float t) {
  CameraPose p;
  p.yaw_deg = a.yaw_deg + (b.yaw_deg - a.yaw_deg) * t;
  p.pitch_deg = a.pitch_deg + (b.pitch_deg - a.pitch_deg) * t;
  p.distance = a.distance + (b.distance - a.distance) * t;
  p.target = a.target + (b.target - a.target) * t;
  return p;
}
}  // namespace

CameraPose Preset(std::string_view name, bool left, float aspect) {
  // Yaw 0 looks at the bed's long side from the person's left (+z), 180 from
  // their right, −90 from the foot end. Each is written for the right side.
  struct Named { std::string_view name; float yaw, pitch; };
  static constexpr Named kPresets[] = {
      {"side", 0, 14},            // the preparation and anything unnamed: the whole body from the side
      {"low_back", 8, 4},         // pelvic tilt: at bed height, the low back meeting the mattress
      {"leg_side", 215, 22},      // knee-to-chest: from the drawn-up leg's side toward the feet: the foot clear of the other knee
      {"three_quarter", -138, 34},// figure-four: from the crossed side toward the foot end: the "4" in the legs
      {"above_knees", -78, 30},   // twist: low from the foot end: the knees' drop to one side, both shoulders
      {"bed_height", 12, 5},      // press-up: the lift of head and chest against the room
      {"curl", 125, 56},          // fetal: from behind over the head end: head on the pillow, the rounded back, the knees up (docs/poses.md)
      {"above", 0, 62},           // the finish and anything unnamed that lies flat
  };
  CameraPose p;
  p.yaw_deg = 0;
  p.pitch_deg = 14;
  for (const Named& n : kPresets)
    if (n.name == name) p.yaw_deg = n.yaw, p.pitch_deg = n.pitch;
  // A portrait view is narrow: turn a little toward the foot end and look a
  // little more from above, so the lying body spans the view's height as well.
  if (aspect < 1) {
    const float toward_feet = std::sin(glm::radians(p.yaw_deg)) < -0.5f ? 0.0f : 12 * (1 - aspect) / 0.4f;
    p.yaw_deg += std::cos(glm::radians(p.yaw_deg)) >= 0 ? -toward_feet : toward_feet;
    p.pitch_deg += 6 * std::min(1.0f, (1 - aspect) / 0.4f);
  }
  // The left side is the mirror image across the bed's long axis.
  if (left) p.yaw_deg = 180 - p.yaw_deg;
  return p;
}

float VerticalFovDeg(float aspect) {
  if (aspect >= 1.3f) return kFovDeg;
  return std::min(80.0f, glm::degrees(2 * std::atan(std::tan(glm::radians(kFovDeg) / 2) * 1.3f / aspect)));
}

CameraPose Fitted(const CameraPose& preset, const std::vector<glm::vec4>& focus, const std::vector<glm::vec4>& also,
                  float aspect) {
  if (focus.empty() || aspect <= 0) return preset;
  const float yaw = glm::radians(preset.yaw_deg), pitch = glm::radians(preset.pitch_deg);
  const glm::vec3 to_eye(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
  const glm::vec3 forward = -to_eye;
  const glm::vec3 right = glm::normalize(glm::cross(forward, std::abs(to_eye.y) > 0.99f ? glm::vec3(-1, 0, 0) : glm::vec3(0, 1, 0)));
  const glm::vec3 up = glm::cross(right, forward);
  // Each list's extent as the camera sees it: the hold's, then its start's
  // (empty with no start, adding nothing).
  glm::vec3 lo[2] = {glm::vec3(1e9f), glm::vec3(1e9f)}, hi[2] = {glm::vec3(-1e9f), glm::vec3(-1e9f)};
  for (int i = 0; i < 2; ++i)
    for (const glm::vec4& s : i ? also : focus) {
      const glm::vec3 v(glm::dot(glm::vec3(s), right), glm::dot(glm::vec3(s), up), glm::dot(glm::vec3(s), forward));
      lo[i] = glm::min(lo[i], v - glm::vec3(s.w));
      hi[i] = glm::max(hi[i], v + glm::vec3(s.w));
    }
  // The nearest distance from a target at which every sphere is inside its
  // share of the view.
  const float tan_y = std::tan(glm::radians(VerticalFovDeg(aspect)) / 2);
  auto distance_from = [&](glm::vec3 target) {
    float distance = 0.5f;
    for (int i = 0; i < 2; ++i) {
      const float ty = tan_y * (i ? kStartShare : kHoldShare), tx = ty * aspect;
      for (const glm::vec4& s : i ? also : focus) {
        const glm::vec3 d = glm::vec3(s) - target;
        const float x = std::abs(glm::dot(d, right)) + s.w, y = std::abs(glm::dot(d, up)) + s.w;
        const float depth = glm::dot(d, forward);
        distance = std::max({distance, x / tx - depth + s.w, y / ty - depth + s.w});
      }
    }
    return distance;
  };
  // Centred on the hold and its start together as the camera sees them, or
  // on the hold alone where the start lies mostly to one side of it (the
  // fetal curl seen from above its head): whichever brings the camera
  // nearer, so shows the hold larger.
  CameraPose out = preset;
  out.distance = 1e9f;
  for (const glm::vec3 mid : {(glm::min(lo[0], lo[1]) + glm::max(hi[0], hi[1])) * 0.5f, (lo[0] + hi[0]) * 0.5f}) {
    const glm::vec3 target = right * mid.x + up * mid.y + forward * mid.z;
    if (const float d = distance_from(target); d < out.distance) out.target = target, out.distance = d;
  }
  return out;
}

void Camera::SetPreset(const CameraPose& pose, bool cut) {
  if (pose.yaw_deg == to_.yaw_deg && pose.pitch_deg == to_.pitch_deg && pose.distance == to_.distance &&
      pose.target == to_.target)
    return;
  cut = cut || !placed_;  // the first view appears in place, it does not glide in
  placed_ = true;
  from_ = now_;
  to_ = pose;
  t_ = cut ? 1 : 0;
  if (cut) now_ = to_;
}

bool Camera::Update(float dt_s) {
  if (t_ >= 1) { now_ = to_; return false; }
  t_ = std::min(1.0f, t_ + dt_s / kGlide_s);
  now_ = Lerp(from_, to_, core::ease(t_));
  return true;
}

void Camera::Orbit(float dx_css, float dy_css) {
  user_yaw_ += dx_css * 0.4f;
  user_pitch_ = std::clamp(user_pitch_ + dy_css * 0.3f, -10.0f, 60.0f);
}

void Camera::Zoom(float factor) { user_zoom_ = std::clamp(user_zoom_ / factor, 0.5f, 1.8f); }

void Camera::Reset() { user_yaw_ = user_pitch_ = 0; user_zoom_ = 1; }

View Camera::Build(glm::ivec4 viewport) const {
  float yaw = glm::radians(now_.yaw_deg + user_yaw_);
  float pitch = glm::radians(std::clamp(now_.pitch_deg + user_pitch_, -5.0f, 85.0f));
  float dist = now_.distance * user_zoom_;
  glm::vec3 dir(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
  View v;
  v.eye = now_.target + dir * dist;
  float aspect = viewport.w > 0 ? static_cast<float>(viewport.z) / viewport.w : 1;
  glm::mat4 proj = glm::perspective(glm::radians(VerticalFovDeg(aspect)), aspect, 0.05f, 30.0f);
  glm::vec3 up = std::abs(dir.y) > 0.99f ? glm::vec3(-1, 0, 0) : glm::vec3(0, 1, 0);
  v.view_proj = proj * glm::lookAt(v.eye, now_.target, up);
  v.viewport = viewport;
  return v;
}

}  // namespace unfurl::render
