// Unfurl's controls on top of Dear ImGui. Each one records itself in the
// widget registry (what window.unfurl.widgets() and the accessible DOM mirror
// read) together with the act() call it performs, so a tap on the canvas, a
// screen reader's click on the mirror and an automated test all take the
// same path into model::Model::Act.
//
// A tap never changes the model while the screen is being laid out: the
// control records its action, and the app applies it after the frame ends.
#pragma once
#include <imgui.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "model/model.h"
#include "ui/input.h"
#include "ui/theme.h"

namespace unfurl::ui {

struct Widget {
  std::string id, label, role;  // role: button | checkbox | radio | link
  std::string href;             // a link's target (tel:112): the mirror makes it a real link
  std::string group;            // a radio's group, named as the caption above it reads
  std::string action, arg;      // act(action, arg) does what the control does; arg is JSON or ""
  float x = 0, y = 0, w = 0, h = 0;  // CSS px to a tenth, clipped to what is on screen
  bool enabled = true, checked = false;
  // Scrolled out of sight: still listed for the accessible mirror, which must
  // read every sign of a check (its x, y, w, h are then where it would be).
  bool visible = true;
  bool clipped = false;  // partly out of sight: the mirror brings it on screen when the keyboard reaches it
  bool operator==(const Widget&) const = default;
};

// A passage of the screen's words, for the accessible mirror: its heading and
// paragraphs, in reading order (`at`: how many controls come before it).
struct TextItem {
  std::string role, text;  // role: heading | text
  size_t at = 0;
  bool operator==(const TextItem&) const = default;
};

// This frame's controls, compared by value with the last published list so
// the shell hears only of changes. Slots are reused frame after frame: once
// the screens have been seen, registering allocates nothing.
class WidgetRegistry {
 public:
  void Begin(float dpr) { count_ = 0; text_count_ = 0; dpr_ = dpr; }
  // min/max in device px.
  void Add(std::string_view id, std::string_view label, const char* role, std::string_view action,
           std::string_view arg, ImVec2 min, ImVec2 max, bool enabled, bool checked, bool visible = true,
           bool clipped = false);
  void AddText(std::string_view role, std::string_view text);
  // A fuller name for the control just added, for the mirror and automation:
  // a "+" on the canvas sits beside its label, a "+" read aloud does not.
  void NameLast(std::string_view name) {
    if (count_ > 0) current_[count_ - 1].label.assign(name);
  }
  // The control just added opens an address (the phone's dialler): a link, not a button.
  void LinkLast(std::string_view href) {
    if (count_ > 0) {
      current_[count_ - 1].role = "link";
      current_[count_ - 1].href.assign(href);
    }
  }
  void GroupLast(std::string_view group) {
    if (count_ > 0) current_[count_ - 1].group.assign(group);
  }
  // True when this frame's lists differ from the published ones (which they then become).
  bool Publish();
  const std::vector<Widget>& published() const { return published_; }
  const std::vector<TextItem>& published_texts() const { return texts_published_; }

 private:
  std::vector<Widget> current_, published_;
  std::vector<TextItem> texts_current_, texts_published_;
  size_t count_ = 0, text_count_ = 0;
  float dpr_ = 1;
};

// An action a control asked for during the frame, applied after it.
struct Pending {
  std::string action, arg;
};

enum class Kind { primary, secondary, stop, quiet };

// A screen being drawn: what it reads (the model, fonts, scale) and where its
// controls and taps go. "Frame" is the tick (App::Frame); this is what one tick draws.
struct Panel {
  const model::Model& model;
  WidgetRegistry& widgets;
  std::vector<Pending>& actions;
  const Fonts& fonts;
  float dpr;
  bool reduced_motion;
  float scroll_css = 0;  // this frame's one-finger drag on the panel: scrolls what is under it
  bool entered = false;  // the screen's first frame: it opens at its top, not where the last screen was scrolled
  TapGuard* taps = nullptr;  // holds back a control that appeared under a finger still tapping (input.h)
  const Palette& colors() const { return Colors(model.settings().dim); }
  float px(float css) const { return css * dpr; }
  void Act(std::string_view action, std::string_view arg = {}) const {
    actions.push_back({std::string(action), std::string(arg)});
  }
};

// A full-width (or given width) button that performs act(action, arg) when
// tapped; at least `height` device px tall (a row's buttons share the tallest's).
bool ActionButton(Panel& f, const char* id, const char* label, Kind kind, const char* action,
                  std::string_view arg = {}, float width_css = 0, bool enabled = true, float height = 0);
// How tall that button is: its label wraps at large text.
float ButtonHeight(const Panel& f, const char* label, Kind kind, float width_css = 0);
// Call right after a list's last row. The answer below a list counts only once
// the whole list has been on screen (docs/clinical.md): this tells the model when
// it first is, and returns whether the answer may be offered now.
bool ListEndSeen(Panel& f);
// A large tappable row with a check box, for the red-flag questions.
bool CheckRow(Panel& f, const char* id, const char* label, bool checked, const char* action,
              std::string_view arg);
// One of a set of choices of which exactly one is chosen (a radio button):
// a row of width_css (0: the whole width), in the group named `group`.
bool RadioRow(Panel& f, const char* id, const char* label, bool chosen, const char* group, const char* action,
              std::string_view arg, float width_css = 0);
// Wrapped text in a font and colour, also given to the accessible mirror
// (the title font as the screen's heading).
void Text(Panel& f, ImFont* font, ImU32 color, const char* text);
void Caption(Panel& f, const char* text);
// The 0–10 scale, as two rows of large buttons.
void RatingScale(Panel& f, const char* id_prefix, std::optional<int> value);

// The words of a screen scroll between BeginScrollArea and EndScrollArea,
// while its main answer stays pinned below, always on screen, however small
// the phone or the clinic's frame: footer_css is the pinned part's height
// (FooterHeight of its buttons). A "More below" sign shows while words are hidden.
float FooterHeight(std::initializer_list<Kind> buttons);
// After a screen is laid out: how tall its pinned controls really were, for
// the next frame's scrolled area.
void MeasureFooter();
// Returns the scrolling area's height in device px.
float BeginScrollArea(Panel& f, float footer_css);
void EndScrollArea(Panel& f);

// A full-screen (or bottom/side) panel. Scrolls with a one-finger drag.
bool BeginPanel(Panel& f, const char* name, ImVec2 pos, ImVec2 size, float scroll_css);
void EndPanel();

}  // namespace unfurl::ui
