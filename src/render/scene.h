// What is in the room: a mattress with rounded edges, a pillow, a hint of a
// headboard — and the mannequin lying on it. Turns them into renderer draws.
// The bed's top surface is the plane y = 0; the bed runs along x, head at +x.
#pragma once
#include <string>
#include <vector>

#include "core/body/figure.h"
#include "render/draws.h"

namespace unfurl::render {

constexpr float kBedLength = 2.0f, kBedWidth = 1.0f, kMattressDepth = 0.24f;

void AddBed(std::vector<Draw>& draws, bool dim);

// The mannequin: each capsule is a cylinder between two spheres (uniform
// spheres keep the ends round however long the segment). Parts that hold the
// exercise's targeted muscles glow in the accent colour by `glow` (0..1).
void AddFigure(std::vector<Draw>& draws, const core::body::Figure& figure,
               const std::vector<std::string>& muscles, float glow, bool dim);

}  // namespace unfurl::render
