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

// An arrow round the pelvis for the turn a still body cannot show (the
// pelvic tilt): `arrow` < 0 turns the pelvis back (the low back flattens,
// the tailbone lifts), > 0 forward; its size, 0..1, is how far it has faded
// in. In the calm colour, apart from the glow of the muscles that do it.
void AddPelvisArrow(std::vector<Draw>& draws, const core::body::Figure& figure, float arrow, bool dim);

}  // namespace unfurl::render
