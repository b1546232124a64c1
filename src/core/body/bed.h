// The bed the mannequin lies on, in world metres: the mattress's top is the
// plane y = 0, the bed runs along x with the head end at +x, z is across it.
// The body is placed on it and checked against it here in the core; the
// renderer draws the same numbers, so what is tested is what is seen.
#pragma once
#include <glm/glm.hpp>

namespace unfurl::core::body {

struct Bed {
  float length = 2.0f, width = 1.9f;  // a king-size mattress: room for arms out in a T
  float depth = 0.24f;
  // The pillow: a box on the mattress near the head end, plumped to `top`.
  glm::vec3 pillow_centre{0.81f, 0, 0};
  glm::vec2 pillow_half{0.16f, 0.36f};  // along x, across z
  float pillow_top = 0.10f;

  // The last 4 cm of a mattress's edge round off: limbs stay inside it.
  float usable_half_width() const { return width / 2 - 0.04f; }
  bool over_pillow(glm::vec3 p) const {
    return glm::abs(p.x - pillow_centre.x) <= pillow_half.x && glm::abs(p.z - pillow_centre.z) <= pillow_half.y;
  }
};

inline const Bed kBed{};

// Where the head's centre lies along the bed, on the back or side: on the
// pillow, with the shoulders clear of it. Lying on the stomach the pelvis
// stays where it is when lying flat on the back, so the press-up pivots on it.
inline constexpr float kHeadX = 0.74f;

}  // namespace unfurl::core::body
