// What the scene hands the GPU each frame: a flat list of solids placed by a
// matrix, and the camera's view. Plain data, no GL, so the app that builds it
// runs natively under GoogleTest.
#pragma once
#include <glm/glm.hpp>

namespace unfurl::render {

// capsule: one draw per body segment — round ends of two radii joined by a
// taper, flattened across its local z (a palm, a sole); the vertex shader
// shapes it. shadow: the soft contact shadow, cast by the frame's capsules.
enum class Shape { sphere, rounded_box, capsule, shadow };

struct Draw {
  Shape shape;
  glm::mat4 model;  // capsule: rigid, its local +y from end a toward end b
  glm::vec3 color;
  glm::vec3 glow{0};
  float alpha = 1;
  glm::vec4 capsule{0};  // capsule: length, radius at a, radius at b, thickness (share of width)
};

struct View {
  glm::mat4 view_proj;
  glm::vec3 eye;
  glm::ivec4 viewport;  // x, y (from the bottom), w, h in device px
};

}  // namespace unfurl::render
