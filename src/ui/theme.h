// Unfurl's look applied to Dear ImGui: palette,
// type scale and spacing, rebuilt whenever the device pixel ratio changes so
// text stays crisp at 1x, 2x and 3x.
#pragma once
#include <imgui.h>

namespace unfurl::ui {

struct Palette {
  ImU32 background, surface, raised, text, quiet, accent, calm, stop, caution, on_accent;
};
const Palette& Colors(bool dim);

struct Fonts {
  ImFont* body = nullptr;       // 19 px
  ImFont* caption = nullptr;    // 15 px
  ImFont* title = nullptr;      // 28 px (exercise names use it too)
  ImFont* countdown = nullptr;  // 72 px, digits only
};

// Sizes in CSS px at 100 % text size.
namespace size {
constexpr float kBody = 19, kCaption = 15, kTitle = 28, kCountdown = 72;
constexpr float kPad = 20, kGap = 12, kPrimaryH = 56, kSecondaryH = 48;
constexpr float kPanelRadius = 14, kButtonRadius = 12;
}  // namespace size

// font_data (the Inter subset, required) stays owned by the caller (it outlives every rebuild).
// text_size: the person's setting, 1–2.
Fonts BuildFonts(const void* font_data, int font_size, float dpr, float text_size);
void ApplyStyle(float dpr, bool dim);

}  // namespace unfurl::ui
