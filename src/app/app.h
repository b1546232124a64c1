// The frame loop's decisions: which screen shows which controls, when a
// frame is worth drawing; the mannequin and its camera are staged by
// render::Stage. Phones in bed run
// on battery, so nothing is drawn while nothing moves: the app asks for the
// next frame only for input, a running session, a gliding camera or body, or
// a change of size or state (FrameOutput::next_frame_s).
//
// No GL and no browser here: the platform (src/platform/web) owns the loop and
// draws what a frame returns; tests run the same frames natively.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/frame.h"
#include "model/model.h"
#include "render/stage.h"
#include "ui/input.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace unfurl::app {

class App {
 public:
  App();
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void Start(const StartInput& in);
  void Frame(const FrameInput& in, FrameOutput& out);

  // From outside a frame (window.unfurl.act, the accessible mirror, tests):
  // applied now; the next frame draws the screen it leads to.
  bool Act(std::string_view name, std::string_view arg);
  std::string State() const;
  const std::vector<ui::Widget>& widgets() const { return widgets_.published(); }
  const std::vector<ui::TextItem>& texts() const { return widgets_.published_texts(); }
  std::string_view screen_name() const { return model::screen_name(model_.screen()); }
  const model::Model& model() const { return model_; }

  void SetVisible(bool visible);
  void SetVoiceBusy(bool busy);
  std::string MergeStored(std::string_view stored);
  void WriteResult(bool ok, std::string_view reason) { model_.WriteResult(ok, reason); Wake(); }
  void RestoreUnsaved(std::string_view doc) { model_.RestoreUnsaved(doc); Wake(); }
  void Notice(std::string_view id, std::string_view key, std::string_view arg);
  void UpdateReady() { model_.SetUpdateReady(); Wake(); }
  void SetPersisted(std::optional<bool> persisted) { model_.SetPersisted(persisted); Wake(); }
  void LanguageArrived(std::string_view lang, std::string_view json_text) {
    model_.LanguageArrived(lang, json_text);
    Wake();
  }
  // Rasterises the text for this pixel ratio unless that is done already.
  // The platform calls it before the first frame while the GPU compiles its
  // shaders; a frame calls it too, for a new ratio or text size.
  void BakeFonts(float dpr);
  // Something changed outside a frame: draw the next one (and a couple after, while layout settles).
  void Wake(int frames = 2) { pending_frames_ = std::max(pending_frames_, frames); }

 private:
  void Draw(const FrameInput& in, double dt_s, FrameOutput& out);
  void EyesClosedTap(ui::Panel& f, const ui::Layout& layout);
  float RouteGesture(const ui::Layout& layout, bool portrait, float dpr);
  void DrawView(const ui::Layout& layout, int height_px, double dt_s, float dpr, bool dim, FrameOutput& out);
  double NextFrame() const;

  model::Model model_;
  long camera_resets_ = 0;
  render::Stage stage_;  // the mannequin, its pose easing and camera framing
  ui::PointerInput input_;
  ui::TapGuard taps_;
  ui::WidgetRegistry widgets_;
  std::vector<ui::Pending> actions_;  // recorded by controls during a frame, applied after it
  ui::Fonts fonts_;
  const void* font_ = nullptr;
  int font_len_ = 0;
  float font_dpr_ = 0, font_text_size_ = 0, style_dpr_ = 0;
  bool fonts_unsent_ = false;  // baked, not yet handed to the renderer in a frame's output
  int width_px_ = 0, height_px_ = 0;
  bool style_dim_ = true;
  int pending_frames_ = 2;
  long frames_ = 0;
  double last_ms_ = -1;
  bool started_ = false;
  bool reduced_motion_ = false;
};

}  // namespace unfurl::app
