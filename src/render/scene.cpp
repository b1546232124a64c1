#include "render/scene.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

namespace unfurl::render {

namespace {
glm::vec3 Rgb(unsigned hex) {
  return glm::vec3((hex >> 16) & 255, (hex >> 8) & 255, hex & 255) / 255.0f;
}
glm::mat4 Box(glm::vec3 center, glm::vec3 half) {
  return glm::scale(glm::translate(glm::mat4(1), center), half);
}
}  // namespace

void AddFigure(std::vector<Draw>& d, const core::body::Figure& figure, const std::vector<std::string>& muscles,
               float glow, bool dim) {
  const glm::vec3 wood = dim ? Rgb(0xd9b99b) : Rgb(0xe6cdb4);
  const glm::vec3 accent = Rgb(0xf2a65a);
  for (const core::body::Capsule& c : figure.capsules) {
    const glm::vec3 a = c.a, b = c.b;
    glm::vec3 g = core::body::holds_muscle(muscles, c.part) ? accent * (0.28f * glow) : glm::vec3(0);
    glm::mat4 sa = glm::scale(glm::translate(glm::mat4(1), a), glm::vec3(c.radius));
    d.push_back({Shape::sphere, sa, wood, g});
    glm::vec3 axis = b - a;
    float len = glm::length(axis);
    if (len < 1e-4f) continue;
    d.push_back({Shape::sphere, glm::scale(glm::translate(glm::mat4(1), b), glm::vec3(c.radius)), wood, g});
    glm::quat q(glm::vec3(0, 1, 0), axis / len);  // the rotation taking +y onto the segment
    glm::mat4 m = glm::translate(glm::mat4(1), a) * glm::mat4_cast(q) * glm::scale(glm::mat4(1), glm::vec3(c.radius, len, c.radius));
    d.push_back({Shape::cylinder, m, wood, g});
  }
  // A soft contact shadow under the trunk.
  const auto& j = figure.skeleton.joint;
  glm::vec3 centre = (j[core::body::kPelvis] + j[core::body::kThorax]) * 0.5f;
  centre.y = 0.004f;
  d.push_back({Shape::shadow, glm::scale(glm::translate(glm::mat4(1), centre), glm::vec3(0.75f, 0.001f, 0.32f)),
               glm::vec3(0), glm::vec3(0), dim ? 0.45f : 0.25f});
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
