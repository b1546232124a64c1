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
// Lays the body on the bed: pelvis a little toward the foot end, head on the pillow.
constexpr glm::vec3 kBodyOnBed(0.2f, 0, 0);
}  // namespace

void AddFigure(std::vector<Draw>& d, const core::body::Figure& figure, const std::vector<std::string>& muscles,
               float glow, bool dim) {
  const glm::vec3 wood = dim ? Rgb(0xd9b99b) : Rgb(0xe6cdb4);
  const glm::vec3 accent = Rgb(0xf2a65a);
  for (const core::body::Capsule& c : figure.capsules) {
    glm::vec3 a = c.a + kBodyOnBed, b = c.b + kBodyOnBed;
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
  glm::vec3 centre = (j[core::body::kPelvis] + j[core::body::kThorax]) * 0.5f + kBodyOnBed;
  centre.y = 0.004f;
  d.push_back({Shape::shadow, glm::scale(glm::translate(glm::mat4(1), centre), glm::vec3(0.75f, 0.001f, 0.32f)),
               glm::vec3(0), glm::vec3(0), dim ? 0.45f : 0.25f});
}

void AddBed(std::vector<Draw>& d, bool dim) {
  const glm::vec3 duvet = dim ? Rgb(0x3a4660) : Rgb(0x7d8ba6);
  const glm::vec3 base = dim ? Rgb(0x2c3447) : Rgb(0x66728a);
  const glm::vec3 pillow = dim ? Rgb(0xd8d6d0) : Rgb(0xf4f2ee);
  const glm::vec3 wood = dim ? Rgb(0x2a2522) : Rgb(0x9b8470);
  // Base, then a slightly wider duvet layer on top of it.
  d.push_back({Shape::rounded_box, Box({0, -kMattressDepth * 0.6f, 0}, {kBedLength / 2, kMattressDepth * 0.4f, kBedWidth / 2}), base});
  d.push_back({Shape::rounded_box, Box({0, -0.05f, 0}, {kBedLength / 2 + 0.01f, 0.05f, kBedWidth / 2 + 0.01f}), duvet});
  d.push_back({Shape::rounded_box, Box({kBedLength / 2 - 0.22f, 0.04f, 0}, {0.16f, 0.055f, 0.3f}), pillow});
  d.push_back({Shape::rounded_box, Box({kBedLength / 2 + 0.05f, 0.2f, 0}, {0.03f, 0.45f, kBedWidth / 2 + 0.02f}), wood});
}

}  // namespace unfurl::render
