#include "render/mesh.h"

#include <cmath>

namespace unfurl::render {

namespace {
float SignedPow(float v, float e) { return std::copysign(std::pow(std::fabs(v), e), v); }
}

MeshData MakeSuperellipsoid(int stacks, int slices, float e) {
  MeshData m;
  const float pi = 3.14159265f;
  for (int i = 0; i <= stacks; ++i) {
    float phi = -pi / 2 + pi * i / stacks;
    for (int j = 0; j <= slices; ++j) {
      float theta = -pi + 2 * pi * j / slices;
      float cp = std::cos(phi), sp = std::sin(phi), ct = std::cos(theta), st = std::sin(theta);
      glm::vec3 p(SignedPow(cp, e) * SignedPow(ct, e), SignedPow(sp, e), SignedPow(cp, e) * SignedPow(st, e));
      // Normal of |x|^(2/e)+|y|^(2/e)+|z|^(2/e)=1: the gradient, from the angles.
      glm::vec3 n(SignedPow(cp, 2 - e) * SignedPow(ct, 2 - e), SignedPow(sp, 2 - e),
                  SignedPow(cp, 2 - e) * SignedPow(st, 2 - e));
      float len = glm::length(n);
      m.positions.push_back(p);
      m.normals.push_back(len > 1e-6f ? n / len : glm::vec3(0, sp > 0 ? 1 : -1, 0));
    }
  }
  for (int i = 0; i < stacks; ++i)
    for (int j = 0; j < slices; ++j) {
      uint16_t a = static_cast<uint16_t>(i * (slices + 1) + j), b = static_cast<uint16_t>(a + slices + 1);
      m.indices.insert(m.indices.end(), {a, b, static_cast<uint16_t>(a + 1), static_cast<uint16_t>(a + 1), b,
                                         static_cast<uint16_t>(b + 1)});
    }
  return m;
}

MeshData MakeCapsule(int stacks, int slices) {
  MeshData m;
  const float pi = 3.14159265f;
  const int half = stacks / 2;
  for (int row = 0; row <= stacks + 1; ++row) {
    const bool upper = row > half;
    const int i = upper ? row - 1 : row;  // the equator (i = half) comes twice
    const float phi = -pi / 2 + pi * i / stacks;
    for (int j = 0; j <= slices; ++j) {
      const float theta = -pi + 2 * pi * j / slices;
      const glm::vec3 n(std::cos(phi) * std::cos(theta), std::sin(phi), std::cos(phi) * std::sin(theta));
      m.positions.push_back(n + glm::vec3(0, upper ? 2.0f : 0.0f, 0));
      m.normals.push_back(n);
    }
  }
  for (int i = 0; i <= stacks; ++i)
    for (int j = 0; j < slices; ++j) {
      uint16_t a = static_cast<uint16_t>(i * (slices + 1) + j), b = static_cast<uint16_t>(a + slices + 1);
      m.indices.insert(m.indices.end(), {a, b, static_cast<uint16_t>(a + 1), static_cast<uint16_t>(a + 1), b,
                                         static_cast<uint16_t>(b + 1)});
    }
  return m;
}

MeshData MakeGrid(int nx, int nz) {
  MeshData m;
  for (int i = 0; i <= nz; ++i)
    for (int j = 0; j <= nx; ++j) {
      m.positions.emplace_back(-1 + 2.0f * j / nx, 0, -1 + 2.0f * i / nz);
      m.normals.emplace_back(0, 1, 0);
    }
  for (int i = 0; i < nz; ++i)
    for (int j = 0; j < nx; ++j) {
      uint16_t a = static_cast<uint16_t>(i * (nx + 1) + j), b = static_cast<uint16_t>(a + nx + 1);
      m.indices.insert(m.indices.end(), {a, b, static_cast<uint16_t>(a + 1), static_cast<uint16_t>(a + 1), b,
                                         static_cast<uint16_t>(b + 1)});
    }
  return m;
}

}  // namespace unfurl::render
