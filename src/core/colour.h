// Colours are written once, as 0xRRGGBB, and read only through here: the
// screens pack them for Dear ImGui (ui/theme.cpp), the renderer takes them as
// floats (render/scene.cpp).
#pragma once

namespace unfurl::core {

struct Rgb {
  float r, g, b;
};
constexpr Rgb rgb(unsigned hex) {
  return {static_cast<float>((hex >> 16) & 255) / 255.0f, static_cast<float>((hex >> 8) & 255) / 255.0f,
          static_cast<float>(hex & 255) / 255.0f};
}

// The warm accent of the dim theme: its primary controls, and the glow of a
// held muscle on the figure in either theme.
constexpr unsigned kAccentDim = 0xf2a65a;
// Calm, in each theme: the hold ring and the breathing guide, and the arrow
// that shows the figure's movement where a still body cannot.
constexpr unsigned kCalmDim = 0x66c2b0, kCalmLight = 0x1f6f62;

}  // namespace unfurl::core
