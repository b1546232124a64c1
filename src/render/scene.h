// What is in the room: a mattress with rounded edges, a pillow, a hint of a
// headboard — and the mannequin lying on it. Turns them into renderer draws.
// The bed's top surface is the plane y = 0; the bed runs along x, head at +x.
#pragma once
#include <vector>

#include "render/renderer.h"

namespace unfurl::render {

constexpr float kBedLength = 2.0f, kBedWidth = 1.0f, kMattressDepth = 0.24f;

void AddBed(std::vector<Draw>& draws, bool dim);

}  // namespace unfurl::render
