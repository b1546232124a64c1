// Unfurl's controls on top of Dear ImGui. Each one records itself in the
// widget registry (what window.unfurl.widgets() and the accessible DOM mirror
// read) together with the act() call it performs, so a tap on the canvas, a
// screen reader's click on the mirror and an automated test all take the
// same path into app::Model::Act.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "app/model.h"
#include "ui/theme.h"

namespace unfurl::ui {

struct Widget {
  std::string id, label, role;  // role: button | checkbox | radio
  std::string action, arg;      // act(action, arg) does what the control does
  ImVec2 min, max;              // device px
  bool enabled = true, checked = false;
};

class WidgetRegistry {
 public:
  void Clear() { widgets_.clear(); }
  void Add(Widget w) { widgets_.push_back(std::move(w)); }
  // CSS px, clipped to what is on screen.
  std::string Json(float dpr) const;

 private:
  std::vector<Widget> widgets_;
};

enum class Kind { primary, secondary, stop, quiet };

// Everything a screen needs for one frame.
struct Frame {
  app::Model& model;
  WidgetRegistry& widgets;
  const Fonts& fonts;
  float dpr;
  bool reduced_motion;
  float scroll_css = 0;  // this frame's one-finger drag on the panel: scrolls what is under it
  const Palette& colors() const { return Colors(model.settings().dim); }
  float px(float css) const { return css * dpr; }
};

// A full-width (or given width) button that performs act(action, arg) when tapped.
bool ActionButton(Frame& f, const char* id, const char* label, Kind kind, const char* action,
                  const std::string& arg = {}, float width_css = 0, bool enabled = true);
// A large tappable row with a check box, for the red-flag questions.
bool CheckRow(Frame& f, const char* id, const char* label, bool checked, const char* action,
              const std::string& arg);
// Wrapped text in a font and colour.
void Text(ImFont* font, ImU32 color, const char* text);
void Caption(Frame& f, const char* text);
// The 0–10 scale, as two rows of large buttons.
void RatingScale(Frame& f, const char* id_prefix, std::optional<int> value);

// A full-screen (or bottom/side) panel. Scrolls with a one-finger drag.
bool BeginPanel(Frame& f, const char* name, ImVec2 pos, ImVec2 size, float scroll_css);
void EndPanel();

}  // namespace unfurl::ui
