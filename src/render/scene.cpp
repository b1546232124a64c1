#include "render/scene.h"

#include <glm/gtc/matrix_transform.hpp>

namespace unfurl::render {

namespace {
glm::vec3 Rgb(unsigned hex) {
  return glm::vec3((hex >> 16) & 255, (hex >> 8) & 255, hex & 255) / 255.0f;
}
glm::mat4 Box(glm::vec3 center, glm::vec3 half) {
  return glm::scale(glm::translate(glm::mat4(1), center), half);
}
}  // namespace

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
