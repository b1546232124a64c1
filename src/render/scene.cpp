#include "render/scene.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>

#include "core/colour.h"

namespace unfurl::render {

namespace {
glm::vec3 Rgb(unsigned hex) {
  const core::Rgb c = core::rgb(hex);
  return glm::vec3(c.r, c.g, c.b);
}
// How far past the body the contact shadow may reach, in metres.
constexpr float kShadowMargin = 0.12f;
// The arrow round the pelvis, in metres and degrees from straight out of the
// belly: an arc beside the pelvis, a few thin segments and a cone.
constexpr struct {
  float radius = 0.2f, beside = 0.04f, thickness = 0.013f;
  float from_deg = -80, to_deg = 95;
  int pieces = 7;
  float head_length = 0.09f, head_radius = 0.04f;
} kArrow;
glm::mat4 Box(glm::vec3 center, glm::vec3 half) {
  return glm::scale(glm::translate(glm::mat4(1), center), half);
}
// A capsule from a to b, its local +y along it and its local z across the
// palm or sole (any perpendicular for a round segment).
Draw Segment(glm::vec3 a, glm::vec3 b, float radius_a, float radius_b, glm::vec3 color, glm::vec3 glow,
             glm::vec3 flat_dir = glm::vec3(0), float flat = 1) {
  const glm::vec3 axis = b - a;
  const float len = glm::length(axis);
  const glm::vec3 y = len > 1e-5f ? axis / len : glm::vec3(0, 1, 0);
  glm::vec3 z = flat_dir - y * glm::dot(flat_dir, y);
  if (glm::length(z) < 1e-4f) z = glm::cross(y, std::fabs(y.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, 1));
  z = glm::normalize(z);
  const glm::mat4 m(glm::vec4(glm::cross(y, z), 0), glm::vec4(y, 0), glm::vec4(z, 0), glm::vec4(a, 1));
  return {Shape::capsule, m, color, glow, 1, glm::vec4(len, radius_a, radius_b, flat)};
}
}  // namespace

void AddFigure(std::vector<Draw>& d, const core::body::Figure& figure, const std::vector<std::string>& muscles,
               float glow, bool dim) {
  // One warm wood for the whole figure; a targeted muscle takes on the
  // accent's warmth during a hold rather than a band of paler colour.
  const glm::vec3 wood = dim ? Rgb(0xd9b99b) : Rgb(0xe2c7ab);
  const glm::vec3 accent = Rgb(core::kAccentDim);
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (const core::body::Capsule& c : figure.capsules) {
    const bool lit = core::body::holds_muscle(muscles, c.part);
    const glm::vec3 color = lit ? glm::mix(wood, accent, 0.45f * glow) : wood;
    d.push_back(Segment(c.a, c.b, c.radius, c.end_radius(), color, lit ? accent * (0.08f * glow) : glm::vec3(0), c.flat_dir, c.flat));
    // The shadow's quad covers only what lies near the mattress (as the renderer's casters do).
    if (c.bottom() > 0.25f) continue;
    const float r = std::max(c.radius, c.end_radius());
    lo = glm::min(lo, glm::min(glm::vec2(c.a.x, c.a.z), glm::vec2(c.b.x, c.b.z)) - r);
    hi = glm::max(hi, glm::max(glm::vec2(c.a.x, c.a.z), glm::vec2(c.b.x, c.b.z)) + r);
  }
  if (lo.x > hi.x) return;
  // The soft contact shadow: one flat quad on the mattress under the body,
  // darkened in the shader where a capsule lies near the bed.
  const glm::vec2 centre = (lo + hi) * 0.5f, half = (hi - lo) * 0.5f + glm::vec2(kShadowMargin);
  d.push_back({Shape::shadow, Box({centre.x, 0.003f, centre.y}, {half.x, 0.001f, half.y}), glm::vec3(0), glm::vec3(0),
               dim ? 0.55f : 0.32f});
}

void AddPelvisArrow(std::vector<Draw>& d, const core::body::Figure& figure, float arrow, bool dim) {
  const auto& j = figure.skeleton.joint;
  using core::body::kHipL, core::body::kHipR, core::body::kLumbar, core::body::kPelvis;
  // The pelvis's own axes: across it toward the body's left (where the
  // pelvic tilt's camera stands), toward the head, and out of the belly.
  const glm::vec3 left = glm::normalize(j[kHipL] - j[kHipR]);
  glm::vec3 head = j[kLumbar] - j[kPelvis];
  head = glm::normalize(head - left * glm::dot(head, left));
  glm::vec3 front = glm::cross(left, head);
  if (front.y < 0) front = -front;
  // Beside the pelvis as it is drawn, clear of it and of the near thigh.
  const glm::vec3 hips = (j[kHipL] + j[kHipR]) * 0.5f;
  float breadth = 0;
  for (const core::body::Capsule& c : figure.capsules)
    if (c.part == core::body::Part::pelvis)
      breadth = std::max({breadth, glm::dot(c.a - hips, left) + c.radius, glm::dot(c.b - hips, left) + c.end_radius()});
  const glm::vec3 centre = hips + left * (breadth + kArrow.beside);
  // Over the front of the pelvis, the way its front turns: toward the head
  // as the low back flattens and the tailbone lifts.
  const float sense = arrow < 0 ? 1.f : -1.f, size = std::fabs(arrow);
  auto at = [&](float deg) {
    const float a = glm::radians(deg * sense);
    return centre + (front * std::cos(a) + head * std::sin(a)) * kArrow.radius;
  };
  const glm::vec3 colour = Rgb(dim ? core::kCalmDim : core::kCalmLight);
  // The arc in a few thin segments, then the head: a cone along its last one.
  const float step = (kArrow.to_deg - kArrow.from_deg) / kArrow.pieces;
  for (int i = 0; i <= kArrow.pieces; ++i) {
    const bool head = i == kArrow.pieces;
    const glm::vec3 a = at(kArrow.from_deg + step * (head ? i - 1 : i)), b = at(kArrow.from_deg + step * (i + !head));
    const glm::vec3 from = head ? b : a, to = head ? b + glm::normalize(b - a) * (kArrow.head_length * size) : b;
    const float r = (head ? kArrow.head_radius : kArrow.thickness) * size;
    d.push_back(Segment(from, to, r, head ? 0.002f : r, colour, colour * 0.3f));
  }
}

void AddBed(std::vector<Draw>& d, bool dim) {
  const glm::vec3 duvet = dim ? Rgb(0x3a4660) : Rgb(0x7d8ba6);
  const glm::vec3 base = dim ? Rgb(0x2c3447) : Rgb(0x66728a);
  const glm::vec3 pillow = dim ? Rgb(0xd8d6d0) : Rgb(0xf4f2ee);
  const glm::vec3 wood = dim ? Rgb(0x2a2522) : Rgb(0x9b8470);
  const core::body::Bed& bed = core::body::kBed;
  const float half_len = bed.length / 2, half_w = bed.width / 2;
  // Base, then a slightly wider duvet layer on top of it, then the pillow
  // exactly where the core rests the head (core/body/bed.h).
  d.push_back({Shape::rounded_box, Box({0, -bed.depth * 0.6f, 0}, {half_len, bed.depth * 0.4f, half_w}), base});
  d.push_back({Shape::rounded_box, Box({0, -0.05f, 0}, {half_len + 0.01f, 0.05f, half_w + 0.01f}), duvet});
  const float pillow_h = bed.pillow_top / 2;
  d.push_back({Shape::rounded_box,
               Box(bed.pillow_centre + glm::vec3(0, pillow_h, 0), {bed.pillow_half.x, pillow_h, bed.pillow_half.y}),
               pillow});
  d.push_back({Shape::rounded_box, Box({half_len + 0.05f, 0.2f, 0}, {0.03f, 0.45f, half_w + 0.02f}), wood});
}

}  // namespace unfurl::render
