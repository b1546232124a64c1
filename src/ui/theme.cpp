#include "ui/theme.h"

#include "core/colour.h"

namespace unfurl::ui {

namespace {
ImU32 Hex(unsigned hex) {
  const core::Rgb c = core::rgb(hex);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1));
}
ImVec4 V(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Every glyph the words use: assets/fonts/glyphs.txt, which CMakeLists.txt
// hands in as UNFURL_GLYPH_RANGES and also cuts the font to.
const ImWchar kTextRanges[] = {UNFURL_GLYPH_RANGES, 0};
const ImWchar kDigitRanges[] = {0x0030, 0x0039, 0};
}  // namespace

#ifdef __EMSCRIPTEN__
// The web build links sscanf to this (see -Wl,--wrap in CMakeLists.txt): its
// only caller is Dear ImGui's .ini reader, which never runs without an .ini.
extern "C" int __wrap_sscanf(const char*, const char*, ...) { return 0; }

// The web build links ImFontAtlas::AddFontDefault to this (see -Wl,--wrap in
// CMakeLists.txt): the atlas always has Inter, so ImGui's own font is never needed.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  return nullptr;
}
#endif

const Palette& Colors(bool dim) {
  static const Palette kDim = {Hex(0x12141a), Hex(0x1b1e26), Hex(0x262a35), Hex(0xece8e1), Hex(0x9aa1ad),
                               Hex(core::kAccentDim), Hex(core::kCalmDim), Hex(0xf47a72), Hex(0xe3b341), Hex(0x12141a)};
  static const Palette kLight = {Hex(0xf6f3ee), Hex(0xffffff), Hex(0xece7df), Hex(0x1d1f24), Hex(0x5d6470),
                                 Hex(0x9c4a0c), Hex(core::kCalmLight), Hex(0xb0241d), Hex(0x7d5700), Hex(0xffffff)};
  return dim ? kDim : kLight;
}

Fonts BuildFonts(const void* font_data, int font_size, float dpr, float text_size) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->TexDesiredWidth = 2048;
  Fonts f;
  auto add = [&](float px, const ImWchar* ranges) -> ImFont* {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    // Sub-pixel oversampling sharpens text at 1x; at 2x and 3x the pixels are
    // too small to tell, and it would double the first frame's glyph baking.
    cfg.OversampleH = dpr >= 2 ? 1 : 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    // Inter only: ImGui's built-in font is never referenced, so the linker drops its ~10 KB.
    return io.Fonts->AddFontFromMemoryTTF(const_cast<void*>(font_data), font_size, px * dpr, &cfg, ranges);
  };
  // The person's text size scales the words; the countdown is already large.
  f.body = add(size::kBody * text_size, kTextRanges);
  f.caption = add(size::kCaption * text_size, kTextRanges);
  f.title = add(size::kTitle * text_size, kTextRanges);
  f.countdown = add(size::kCountdown, kDigitRanges);
  io.FontDefault = f.body;
  io.Fonts->Build();
  return f;
}

void ApplyStyle(float dpr, bool dim) {
  const Palette& p = Colors(dim);
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(size::kPad, size::kPad);
  s.FramePadding = ImVec2(16, 12);
  s.ItemSpacing = ImVec2(size::kGap, size::kGap);
  s.ItemInnerSpacing = ImVec2(12, 8);
  s.WindowRounding = size::kPanelRadius;
  s.ChildRounding = size::kPanelRadius;
  s.FrameRounding = size::kButtonRadius;
  s.GrabRounding = size::kButtonRadius;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 0;
  s.FrameBorderSize = 0;
  s.ScrollbarSize = 6;
  s.ScrollbarRounding = 3;
  s.TouchExtraPadding = ImVec2(0, 0);
  s.AntiAliasedFill = true;
  s.AntiAliasedLines = true;
  s.ScaleAllSizes(dpr);

  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = V(p.text);
  c[ImGuiCol_TextDisabled] = V(p.quiet);
  c[ImGuiCol_WindowBg] = V(p.surface);
  c[ImGuiCol_ChildBg] = V(p.surface);
  c[ImGuiCol_PopupBg] = V(p.surface);
  c[ImGuiCol_Border] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = V(p.raised);
  c[ImGuiCol_FrameBgHovered] = V(p.raised);
  c[ImGuiCol_FrameBgActive] = V(p.raised);
  c[ImGuiCol_Button] = V(p.raised);
  // Phones have no hover: the hovered colour only shows on desktop, so keep it close.
  ImVec4 raised = V(p.raised);
  c[ImGuiCol_ButtonHovered] = ImVec4(raised.x * 1.08f, raised.y * 1.08f, raised.z * 1.08f, 1);
  c[ImGuiCol_ButtonActive] = ImVec4(raised.x * 1.2f, raised.y * 1.2f, raised.z * 1.2f, 1);
  c[ImGuiCol_CheckMark] = V(p.accent);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = V(p.raised);
  c[ImGuiCol_ScrollbarGrabHovered] = V(p.raised);
  c[ImGuiCol_ScrollbarGrabActive] = V(p.quiet);
  c[ImGuiCol_NavHighlight] = V(p.accent);
}

}  // namespace unfurl::ui
