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

}  // namespace unfurl::core
