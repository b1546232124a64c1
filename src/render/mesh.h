// Procedural meshes: everything in the scene is built from a few unit shapes
// made at start-up (nothing to download). A superellipsoid covers the sphere
// (exponent 1) and the soft rounded box of the mattress and pillow (small
// exponent); a cylinder closes the capsules between two spheres.
#pragma once
#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace unfurl::render {

struct MeshData {
  std::vector<glm::vec3> positions, normals;
  std::vector<uint16_t> indices;
};

// Unit superellipsoid in [-1, 1]^3; exponent 1 is a sphere, → 0 a box.
MeshData MakeSuperellipsoid(int stacks, int slices, float exponent);
// Unit cylinder along +y from y=0 to y=1, radius 1, open ends (spheres cap it).
MeshData MakeCylinder(int slices);

}  // namespace unfurl::render
