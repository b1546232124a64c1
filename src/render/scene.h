// What is in the room: a mattress with rounded edges, a pillow, a hint of a
// headboard — and the mannequin lying on it. Turns them into renderer draws.
// The bed's measures are the core's (core/body/bed.h): the body is placed
// and tested against the same mattress and pillow that are drawn.
#pragma once
#include <string>
#include <vector>

#include "core/body/bed.h"
#include "core/body/figure.h"
#include "render/draws.h"

namespace unfurl::render {

void AddBed(std::vector<Draw>& draws, bool dim);

// The mannequin: one capsule draw per segment (tapered, hands and feet
// flattened), one colour, and a soft contact shadow under it. Parts that
// hold the exercise's targeted muscles warm toward the accent by `glow` (0..1).
void AddFigure(std::vector<Draw>& draws, const core::body::Figure& figure,
               const std::vector<std::string>& muscles, float glow, bool dim);

}  // namespace unfurl::render
