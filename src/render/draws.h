// What the scene hands the GPU each frame: a flat list of solids placed by a
// matrix, and the camera's view. Plain data, no GL, so the app that builds it
// runs natively under GoogleTest.
#pragma once
#include <glm/glm.hpp>

namespace unfurl::render {

enum class Shape { sphere, cylinder, rounded_box, shadow };

struct Draw {
  Shape shape;
  glm::mat4 model;
  glm::vec3 color;
  glm::vec3 glow{0};
  float alpha = 1;
};

struct View {
  glm::mat4 view_proj;
  glm::vec3 eye;
  glm::ivec4 viewport;  // x, y (from the bottom), w, h in device px
};

}  // namespace unfurl::render
