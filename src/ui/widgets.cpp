#include "ui/widgets.h"

#include "ui/screens.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace unfurl::ui {

void WidgetRegistry::Add(std::string_view id, std::string_view label, const char* role, std::string_view action,
                         std::string_view arg, ImVec2 min, ImVec2 max, bool enabled, bool checked, bool visible,
                         bool clipped) {
  if (count_ == current_.size()) current_.emplace_back();
  Widget& w = current_[count_++];
  // assign() reuses each string's capacity: no allocation once a screen has been seen.
  w.id.assign(id);
  w.label.assign(label);
  w.role.assign(role);
  w.action.assign(action);
  w.arg.assign(arg);
  w.group.clear();
  auto css = [&](float v) { return std::round(v / dpr_ * 10) / 10; };
  w.x = css(min.x);
  w.y = css(min.y);
  w.w = css(max.x - min.x);
  w.h = css(max.y - min.y);
  w.enabled = enabled;
  w.checked = checked;
  w.visible = visible;
  w.clipped = clipped;
}

void WidgetRegistry::AddText(std::string_view role, std::string_view text) {
  if (text_count_ == texts_current_.size()) texts_current_.emplace_back();
  TextItem& t = texts_current_[text_count_++];
  t.role.assign(role);
  t.text.assign(text);
  t.at = count_;
}

bool WidgetRegistry::Publish() {
  const bool same_widgets =
      count_ == published_.size() && std::equal(published_.begin(), published_.end(), current_.begin());
  const bool same_texts = text_count_ == texts_published_.size() &&
                          std::equal(texts_published_.begin(), texts_published_.end(), texts_current_.begin());
  if (same_widgets && same_texts) return false;
  published_.assign(current_.begin(), current_.begin() + static_cast<long>(count_));
  texts_published_.assign(texts_current_.begin(), texts_current_.begin() + static_cast<long>(text_count_));
  return true;
}

namespace {
long g_revealed = 0;  // the model's last reveal serial this screen has acted on
// The scrolled area being laid out, and the top (in its content) of its first
// control that runs past its foot: where "See the rest ↓" turns the page to.
ImGuiWindow* g_area = nullptr;
float g_first_cut = FLT_MAX;
// The pinned controls under the scrolled area, as tall as they were last
// frame: a long label at large text wraps, and its button grows past what its
// kind alone reserves. Kept only while the screen and its buttons stay the
// same (g_footer_for: what their kinds reserved when it was measured).
float g_footer_top = -1, g_footer_px = 0, g_footer_for = -1, g_footer_declared = 0;

// Brings into view what the model was asked to reveal, once per ask.
bool TakeReveal(const Panel& f, std::string_view id) {
  if (f.model.reveal_serial() == g_revealed || f.model.reveal() != id) return false;
  g_revealed = f.model.reveal_serial();
  return true;
}

// The part of the last item that is actually visible (scrolled panels clip).
void Register(Panel& f, std::string_view id, std::string_view label, const char* role, std::string_view action,
              std::string_view arg, bool enabled, bool checked) {
  const ImRect full(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (TakeReveal(f, id)) ImGui::SetScrollFromPosY(full.GetCenter().y - window->Pos.y, 0.5f);
  if (window == g_area && full.Max.y > window->ClipRect.Max.y + 0.5f && full.Min.y > window->ClipRect.Min.y + 0.5f)
    g_first_cut = std::min(g_first_cut, full.Min.y - window->Pos.y + window->Scroll.y);
  ImRect r = full;
  r.ClipWithFull(window->ClipRect);
  if (r.GetWidth() <= 0 || r.GetHeight() <= 0) {
    f.widgets.Add(id, label, role, action, arg, full.Min, full.Max, enabled, checked, false);
    return;
  }
  f.widgets.Add(id, label, role, action, arg, r.Min, r.Max, enabled, checked, true,
                r.GetHeight() < full.GetHeight() - 0.5f);
}

// Whether a tap on the control just laid out counts: not when it appeared
// under a finger still tapping (TapGuard, input.h). Asked every frame, tap or
// not, so the guard knows when each control appeared.
bool Counts(Panel& f, std::string_view id, std::string_view action) {
  return !f.taps || f.taps->Counts(id, action, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// Strips ImGui's "##id" suffix from what a screen reader hears.
std::string_view Visible(const char* label) {
  std::string_view s(label);
  return s.substr(0, s.find("##"));
}
}  // namespace

namespace {
// A button's label as laid out: its padding and wrapped size at width w (device px).
struct ButtonLabel {
  float pad;
  ImVec2 size;
};
ButtonLabel LayOutLabel(const Panel& f, std::string_view text, float w) {
  // Padding gives way before a word does: "Resume" in a third of a 320-px
  // phone stays whole. Long labels (a stop answer, say) still wrap onto more lines.
  const float one_line = f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, 0, text.data(),
                                                     text.data() + text.size()).x;
  const float pad = std::clamp((w - one_line) / 2 - f.px(1), f.px(4), f.px(16));
  return {pad, f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, w - 2 * pad, text.data(),
                                           text.data() + text.size())};
}

// At least its kind's height; taller where its label wraps.
float HeightFor(const Panel& f, Kind kind, const ButtonLabel& label) {
  const float min_h = f.px(kind == Kind::primary || kind == Kind::stop ? size::kPrimaryH : size::kSecondaryH);
  return std::max(min_h, label.size.y + 2 * f.px(12));
}
}  // namespace

float ButtonHeight(const Panel& f, const char* label, Kind kind, float width_css) {
  const float w = width_css > 0 ? f.px(width_css) : ImGui::GetContentRegionAvail().x;
  return HeightFor(f, kind, LayOutLabel(f, Visible(label), w));
}

bool ActionButton(Panel& f, const char* id, const char* label, Kind kind, const char* action,
                  std::string_view arg, float width_css, bool enabled, float height) {
  const Palette& p = f.colors();
  const std::string_view text = Visible(label);
  const float w = width_css > 0 ? f.px(width_css) : ImGui::GetContentRegionAvail().x;
  const ButtonLabel laid = LayOutLabel(f, text, w);
  const float pad = laid.pad;
  const ImVec2 ts = laid.size;
  const float h = std::max(height, HeightFor(f, kind, laid));
  ImGui::PushID(id);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::InvisibleButton("button", ImVec2(w, h));
  if (!enabled) ImGui::EndDisabled();
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();

  ImU32 fill = p.raised, ink = p.text, outline = 0;
  switch (kind) {
    case Kind::primary: fill = p.accent; ink = p.on_accent; break;
    case Kind::stop: fill = held ? p.stop : p.surface; ink = held ? p.on_accent : p.stop; outline = p.stop; break;  // outlined at rest, filled while pressed
    case Kind::quiet: fill = 0; ink = p.quiet; break;
    case Kind::secondary: break;
  }
  if (held && kind != Kind::stop && fill) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(fill);
    fill = ImGui::ColorConvertFloat4ToU32(ImVec4(c.x * 0.88f, c.y * 0.88f, c.z * 0.88f, c.w));
  }
  if (!enabled) ink = p.quiet;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + w, pos.y + h);
  const float radius = f.px(size::kButtonRadius);
  if (fill) dl->AddRectFilled(pos, end, fill, radius);
  if (outline) dl->AddRect(pos, end, outline, radius, 0, f.px(2));
  // Centre each wrapped line.
  ImFont* font = f.fonts.body;
  const char* s = text.data();
  const char* text_end = s + text.size();
  float y = pos.y + (h - ts.y) / 2;
  while (s < text_end) {
    const char* line_end = font->CalcWordWrapPositionA(1.0f, s, text_end, w - 2 * pad);
    if (line_end == s) line_end = s + 1;
    ImVec2 lw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, line_end);
    dl->AddText(font, font->FontSize, ImVec2(pos.x + (w - lw.x) / 2, y), ink, s, line_end);
    y += font->FontSize;
    s = line_end;
    while (s < text_end && (*s == ' ' || *s == '\n')) ++s;
  }
  Register(f, id, text, "button", action, arg, enabled, false);
  // Stop is never held back: pain does not wait for a finger to rest.
  if (kind != Kind::stop && !Counts(f, id, action)) pressed = false;
  if (pressed && enabled) f.Act(action, arg);
  return pressed && enabled;
}

bool ListEndSeen(Panel& f) {
  // Seen when most of the last row is on screen: scrolled to its end, the
  // area's clip still trims a pixel or two off the row's rounded edge.
  const ImRect row(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const float shown = std::min(row.Max.y, ImGui::GetCurrentWindow()->ClipRect.Max.y) - row.Min.y;
  const bool on_screen = shown >= 0.75f * row.GetHeight();
  const model::ListSeen seen = f.model.list_seen();
  if (on_screen && seen != model::ListSeen::seen) f.Act("list-seen", "true");
  else if (!on_screen && seen == model::ListSeen::unknown) f.Act("list-seen", "false");
  return on_screen || seen == model::ListSeen::seen;
}

bool CheckRow(Panel& f, const char* id, const char* label, bool checked, const char* action,
              std::string_view arg) {
  const Palette& p = f.colors();
  ImGui::PushID(id);
  ImGui::PushFont(f.fonts.body);
  const float box = f.px(24), pad = f.px(16), gap = f.px(14);
  const float w = ImGui::GetContentRegionAvail().x;
  const float wrap = w - pad * 2 - box - gap;
  ImVec2 text_size = ImGui::CalcTextSize(label, nullptr, false, wrap);
  const float h = std::max(f.px(size::kSecondaryH), text_size.y + f.px(20));
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton("row", ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), p.raised, f.px(size::kButtonRadius));
  if (checked) dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), p.accent, f.px(size::kButtonRadius), 0, f.px(2));
  ImVec2 b(pos.x + pad, pos.y + (h - box) / 2);
  if (checked) {
    dl->AddRectFilled(b, ImVec2(b.x + box, b.y + box), p.accent, f.px(5));
    dl->PathLineTo(ImVec2(b.x + box * 0.22f, b.y + box * 0.52f));
    dl->PathLineTo(ImVec2(b.x + box * 0.42f, b.y + box * 0.72f));
    dl->PathLineTo(ImVec2(b.x + box * 0.78f, b.y + box * 0.3f));
    dl->PathStroke(p.on_accent, 0, f.px(2.5f));
  } else {
    dl->AddRect(b, ImVec2(b.x + box, b.y + box), p.quiet, f.px(5), 0, f.px(1.5f));
  }
  dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(b.x + box + gap, pos.y + (h - text_size.y) / 2),
              p.text, label, nullptr, wrap);
  ImGui::PopFont();
  ImGui::PopID();
  Register(f, id, label, "checkbox", action, arg, true, checked);
  const bool counted = Counts(f, id, action) && pressed;
  if (counted) f.Act(action, arg);
  return counted;
}

bool RadioRow(Panel& f, const char* id, const char* label, bool chosen, const char* group, const char* action,
              std::string_view arg, float width_css) {
  const Palette& p = f.colors();
  ImGui::PushID(id);
  ImGui::PushFont(f.fonts.body);
  const float dot = f.px(22), pad = f.px(14), gap = f.px(12);
  const float w = width_css > 0 ? f.px(width_css) : ImGui::GetContentRegionAvail().x;
  const float wrap = w - pad * 2 - dot - gap;
  const ImVec2 text_size = ImGui::CalcTextSize(label, nullptr, false, wrap);
  const float h = std::max(f.px(size::kSecondaryH), text_size.y + f.px(20));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("row", ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), p.raised, f.px(size::kButtonRadius));
  if (chosen) dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), p.accent, f.px(size::kButtonRadius), 0, f.px(2));
  const ImVec2 c(pos.x + pad + dot / 2, pos.y + h / 2);
  dl->AddCircle(c, dot / 2, chosen ? p.accent : p.quiet, 0, f.px(chosen ? 2 : 1.5f));
  if (chosen) dl->AddCircleFilled(c, dot * 0.27f, p.accent);
  dl->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(pos.x + pad + dot + gap, pos.y + (h - text_size.y) / 2),
              p.text, label, nullptr, wrap);
  ImGui::PopFont();
  ImGui::PopID();
  Register(f, id, label, "radio", action, arg, true, chosen);
  f.widgets.GroupLast(group);
  const bool counted = Counts(f, id, action) && pressed;
  if (counted && !chosen) f.Act(action, arg);
  return counted;
}

void Text(Panel& f, ImFont* font, ImU32 color, const char* text) {
  f.widgets.AddText(font == f.fonts.title ? "heading" : "text", text);
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void Caption(Panel& f, const char* text) { Text(f, f.fonts.caption, f.colors().quiet, text); }

void RatingScale(Panel& f, const char* id_prefix, std::optional<int> value) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = 6;
  const float w = (avail - gap * (per_row - 1)) / per_row / f.dpr;
  for (int v = 0; v <= 10; ++v) {
    if (v % per_row != 0) ImGui::SameLine();
    const char* id = Format("%s-%d", id_prefix, v);
    const bool selected = value && *value == v;
    ActionButton(f, id, Format("%d##%s", v, id), selected ? Kind::primary : Kind::secondary, "rate", Format("%d", v), w);
  }
}

float FooterHeight(std::initializer_list<Kind> buttons) {
  float h = 0;
  for (Kind k : buttons) h += size::kGap + (k == Kind::primary || k == Kind::stop ? size::kPrimaryH : size::kSecondaryH);
  return h;
}

float BeginScrollArea(Panel& f, float footer_css) {
  g_footer_declared = f.px(footer_css);
  if (f.entered || g_footer_declared != g_footer_for) g_footer_px = 0;
  const float footer = std::max(g_footer_declared, g_footer_px);
  const float room = std::max(f.px(48), ImGui::GetContentRegionAvail().y - footer);
  if (f.entered) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  ImGui::BeginChild("words", ImVec2(0, room), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  if (f.scroll_css != 0) ImGui::SetScrollY(ImGui::GetScrollY() - f.scroll_css * f.dpr);
  g_area = ImGui::GetCurrentWindow();
  g_first_cut = FLT_MAX;
  return room;
}

// "More below ↓" at the foot of the scrolled area while words are hidden.
static void MoreBelow(Panel& f) {
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) return;
  const Palette& p = f.colors();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  const float fade = f.px(28), y1 = min.y + size.y;
  const ImU32 clear = p.surface & 0x00FFFFFF;
  dl->AddRectFilledMultiColor(ImVec2(min.x, y1 - fade), ImVec2(min.x + size.x, y1), clear, clear, p.surface, p.surface);
  const char* more = f.model.T("session.more");
  ImFont* font = f.fonts.caption;
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, more);
  dl->AddText(font, font->FontSize, ImVec2(min.x + size.x - ts.x - f.px(4), y1 - ts.y), p.accent, more);
}

void EndScrollArea(Panel& f) {
  // "See the rest ↓" turns one page at a time, the first control cut off at
  // the foot becoming the top: a jump to the end would skip the signs in the
  // middle of a list taller than two screens (large text on a small phone).
  if (TakeReveal(f, "end")) {
    const float now = ImGui::GetScrollY();
    float to = g_first_cut - f.px(8);
    if (g_first_cut == FLT_MAX || to <= now + 1) to = now + 0.8f * ImGui::GetWindowHeight();  // one taller than the area
    ImGui::SetScrollY(std::min(to, ImGui::GetScrollMaxY()));
  }
  g_area = nullptr;
  MoreBelow(f);
  ImGui::EndChild();
  g_footer_top = ImGui::GetCursorScreenPos().y;
}

void MeasureFooter() {
  if (g_footer_top >= 0) {
    g_footer_px = ImGui::GetCursorScreenPos().y - g_footer_top;
    g_footer_for = g_footer_declared;
  }
  g_footer_top = -1;
}

bool BeginPanel(Panel& f, const char* name, ImVec2 pos, ImVec2 size, float scroll_css) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  if (f.entered) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  bool open = ImGui::Begin(name, nullptr, flags);
  if (scroll_css != 0) ImGui::SetScrollY(ImGui::GetScrollY() - scroll_css * f.dpr);
  return open;
}

void EndPanel() { ImGui::End(); }

}  // namespace unfurl::ui
