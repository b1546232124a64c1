// Procedural meshes: everything in the scene is built from a few unit shapes
// made at start-up (nothing to download). A superellipsoid covers the sphere
// (exponent 1) and the soft rounded box of the mattress and pillow (small
// exponent); the capsule is a sphere split at its equator, which the vertex
// shader stretches and tapers into each body segment.
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
// A unit sphere split at its equator: the lower half as it is (y ≤ 0), the
// upper half raised by 2 (y ≥ 2), the equator twice, joined by a band.
MeshData MakeCapsule(int stacks, int slices);
// A flat grid over [-1, 1] in x and z at y = 0: the contact shadow, shaded per vertex.
MeshData MakeGrid(int nx, int nz);

}  // namespace unfurl::render
