// One function per screen (one file each), and the layout they share: on a
// portrait phone the 3D view takes the top ~55 % and the panel the rest; in
// landscape the view is on the left ~60 %. Screens without the mannequin use
// the whole canvas for their panel.
#pragma once
#include <imgui.h>

#include "ui/widgets.h"

namespace unfurl::ui {

struct Layout {
  bool has_view = false;
  ImVec2 view_min, view_max;    // device px: where the renderer draws the scene
  ImVec2 panel_pos, panel_size;
};

Layout ComputeLayout(const model::Model& model, ImVec2 display, bool portrait, float dpr);

// Draws the current screen; scroll_css is this frame's one-finger drag on the panel.
void DrawScreen(Panel& f, const Layout& layout, float scroll_css);

void HomeScreen(Panel& f);
void CheckScreen(Panel& f);
void CheckResultScreen(Panel& f);
void RatingScreen(Panel& f);
void SessionScreen(Panel& f);
void FinishScreen(Panel& f);
void HistoryScreen(Panel& f);
void SettingsScreen(Panel& f);
void ScreeningScreen(Panel& f);
void PatternScreen(Panel& f);
void AboutScreen(Panel& f);

// The pinned answer under a list of questions: "See the rest ↓" until the
// list has been seen to its end, then the "none" answer, or Continue once
// anything is ticked.
void QuestionFooter(Panel& f, bool offered, bool any_ticked, const char* none_label, const char* continue_label);

// Over the 3D view: "Reset view" once the user has turned or zoomed the camera.
void ViewControls(Panel& f, const Layout& layout, bool camera_moved);

// Shared bits.
void Notices(Panel& f);
// What the last restore did ("23 sessions added, 41 already here"), or why the file changed nothing.
void RestoreResult(Panel& f);
// "Restore a backup": a button the shell covers with a real file input (web/mirror.js), since only a
// tap on one lets a page open the file picker; its action takes the picked file's text.
void RestoreButton(Panel& f, const char* id, const char* label);
void HoldRing(Panel& f, float diameter_css);
// The frame's strings, written into a buffer that lives until the next frame
// begins: no allocation per frame. Format takes the code's own printf formats
// (ids, joins); Fill takes the catalogue's words, whose placeholders a
// translator writes, through core::fill, which never reads past its arguments.
const char* Format(const char* fmt, ...) IM_FMTARGS(1);
const char* Fill(std::string_view words, std::initializer_list<std::string> args);
void ResetFormat();  // the frame's buffer is free again

}  // namespace unfurl::ui
