// The browser side of the app, in one file: EM_JS calls out to the shell
// (web/app.js keeps Module.shell), the unfurl_* exports it calls in, the
// canvas size, and pointer input taken straight from the DOM.
//
// Input: touches are handled here and the callbacks return true, which
// cancels the browser's compatibility mouse events — so one tap is exactly
// one activation (emscripten 3.1.6's GLFW maps touch to mouse and fires twice).
#include "platform/web/bridge.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "app/app.h"

namespace {

unfurl::app::App g_app;
std::string g_out;  // the last string handed to JS; valid until the next call

// A cue carries the settings that decide how it is played, so the shell never
// has to ask the app for them while the app is calling it.
EM_JS(void, js_cue, (const char* kind, const char* key, const char* text, const char* lang, int voice, int tones,
                     int vibration, double rate, double volume), {
  Module.shell.cue(UTF8ToString(kind), UTF8ToString(key), UTF8ToString(text), UTF8ToString(lang),
                   { voice: !!voice, tones: !!tones, vibration: !!vibration, voice_rate: rate, volume: volume });
});
EM_JS(void, js_hush, (), { Module.shell.hush(); });
EM_JS(void, js_store, (const char* json), { Module.shell.store(UTF8ToString(json)); });
EM_JS(void, js_download, (const char* name, const char* type, const char* text), {
  Module.shell.download(UTF8ToString(name), UTF8ToString(type), UTF8ToString(text));
});
EM_JS(void, js_report, (const char* json), { Module.shell.report(UTF8ToString(json)); });
EM_JS(void, js_erase_all, (), { Module.shell.eraseAll(); });
EM_JS(void, js_download_asides, (), { Module.shell.downloadAsides(); });
EM_JS(void, js_wake_lock, (int on), { Module.shell.wakeLock(!!on); });
EM_JS(void, js_widgets, (const char* json), { Module.shell.widgets(UTF8ToString(json)); });
EM_JS(void, js_post_event, (const char* json), { Module.shell.postEvent(UTF8ToString(json)); });
EM_JS(void, js_first_frame, (), { Module.shell.firstFrame(); });
EM_JS(double, js_epoch_ms, (), { return Date.now(); });
EM_JS(int, js_utc_offset_min, (), { return -new Date().getTimezoneOffset(); });
EM_JS(int, js_reduced_motion, (), {
  return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});

constexpr const char* kCanvas = "#canvas";

// Touch positions relative to the canvas, in CSS px.
EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void*) {
  auto& in = g_app.input();
  // The first finger points; a second one pinches.
  static float pinch_distance = 0;
  // Fingers still on the glass after this event: on end and cancel, the
  // lifted ones are the changed ones.
  const bool lifting = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
  int down = 0;
  const EmscriptenTouchPoint* pts[2] = {nullptr, nullptr};
  for (int i = 0; i < e->numTouches && down < 2; ++i)
    if (!(lifting && e->touches[i].isChanged)) pts[down++] = &e->touches[i];
  const EmscriptenTouchPoint* changed = nullptr;
  for (int i = 0; i < e->numTouches; ++i)
    if (e->touches[i].isChanged) { changed = &e->touches[i]; break; }
  if (!changed) return EM_TRUE;
  float x = static_cast<float>(changed->targetX), y = static_cast<float>(changed->targetY);
  switch (type) {
    case EMSCRIPTEN_EVENT_TOUCHSTART:
      if (down >= 2) {
        pinch_distance = std::hypot(static_cast<float>(pts[0]->targetX - pts[1]->targetX),
                                    static_cast<float>(pts[0]->targetY - pts[1]->targetY));
        in.Pinch(1);
      } else {
        in.Down(x, y, true);
      }
      break;
    case EMSCRIPTEN_EVENT_TOUCHMOVE:
      if (down >= 2 && pinch_distance > 0) {
        float d = std::hypot(static_cast<float>(pts[0]->targetX - pts[1]->targetX),
                             static_cast<float>(pts[0]->targetY - pts[1]->targetY));
        in.Pinch(d / pinch_distance);
        pinch_distance = d;
      } else {
        in.Move(x, y);
      }
      break;
    case EMSCRIPTEN_EVENT_TOUCHEND:
      if (pinch_distance > 0 && down == 0) pinch_distance = 0;
      if (down == 0) in.Up(x, y);
      break;
    default:
      pinch_distance = 0;
      in.Cancel();
  }
  g_app.Wake();
  return EM_TRUE;
}

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void*) {
  if (e->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_FALSE;
  auto& in = g_app.input();
  float x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) in.Down(x, y, false);
  else if (type == EMSCRIPTEN_EVENT_MOUSEUP) in.Up(x, y);
  else in.Move(x, y);
  g_app.Wake(type == EMSCRIPTEN_EVENT_MOUSEMOVE ? 1 : 3);
  return EM_FALSE;
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
  g_app.input().Wheel(static_cast<float>(e->deltaMode == DOM_DELTA_LINE ? e->deltaY * 40 : e->deltaY));
  g_app.Wake();
  return EM_TRUE;
}

void MainLoop() { g_app.Tick(); }

}  // namespace

namespace unfurl::platform {

void Cue(const std::string& kind, const std::string& key, const std::string& text, const std::string& lang,
         const core::Settings& s) {
  js_cue(kind.c_str(), key.c_str(), text.c_str(), lang.c_str(), s.voice, s.tones, s.vibration, s.voice_rate, s.volume);
}
void Hush() { js_hush(); }
void Store(const std::string& json) { js_store(json.c_str()); }
void Download(const std::string& name, const std::string& type, const std::string& text) {
  js_download(name.c_str(), type.c_str(), text.c_str());
}
void ShowReport(const std::string& json) { js_report(json.c_str()); }
void EraseAll() { js_erase_all(); }
void DownloadAsides() { js_download_asides(); }
void WakeLock(bool on) { js_wake_lock(on ? 1 : 0); }
void Widgets(const std::string& json) { js_widgets(json.c_str()); }
void PostEvent(const std::string& json) { js_post_event(json.c_str()); }
void FirstFrameDrawn() { js_first_frame(); }
double NowMs() { return emscripten_performance_now(); }
double EpochMs() { return js_epoch_ms(); }
int UtcOffsetMin() { return js_utc_offset_min(); }
bool PrefersReducedMotion() { return js_reduced_motion() != 0; }

bool SyncCanvasSize(Viewport& v) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  if (w == v.width_px && h == v.height_px && dpr == v.dpr) return false;
  // No GLFW here, so setting the drawing-buffer size directly is safe; the CSS
  // size stays in the stylesheet.
  emscripten_set_canvas_element_size(kCanvas, w, h);
  v = {w, h, static_cast<float>(css_w), static_cast<float>(css_h), dpr};
  return true;
}

}  // namespace unfurl::platform

extern "C" {

// Called once by web/app.js with the font bytes (owned by the caller's
// malloc, kept for font rebuilds), the page configuration and the stored
// history. Returns 0 on success, or a pointer to an error message.
EMSCRIPTEN_KEEPALIVE const char* unfurl_start(void* font, int font_len, const char* config, const char* stored) {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // at 2x and 3x MSAA is invisible and costs battery; the rim light keeps edges soft
  attrs.depth = EM_TRUE;
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(kCanvas, &attrs);
  if (ctx <= 0) { g_out = "WebGL2 is not available"; return g_out.c_str(); }
  emscripten_webgl_make_context_current(ctx);

  emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, OnMouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnMouse);
  emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, OnMouse);
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, OnWheel);

  std::string error;
  if (!g_app.Start(font, font_len, config ? config : "{}", stored ? stored : "", error)) {
    g_out = error;
    return g_out.c_str();
  }
  emscripten_set_main_loop(MainLoop, 0, 0);
  return nullptr;
}

EMSCRIPTEN_KEEPALIVE int unfurl_act(const char* name, const char* arg) {
  return g_app.Act(name ? name : "", arg ? arg : "") ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* unfurl_state() {
  g_out = g_app.State();
  return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* unfurl_widgets() { return g_app.WidgetsJson().c_str(); }

EMSCRIPTEN_KEEPALIVE void unfurl_visibility(int visible) { g_app.SetVisible(visible != 0); }

// What is stored now, written by another tab or about to be overwritten by
// this one: merged into the app's history. Returns the merged document to
// store, or "" when the stored one must not be overwritten (a newer schema).
EMSCRIPTEN_KEEPALIVE const char* unfurl_merge(const char* stored) {
  g_out = g_app.MergeStored(stored ? stored : "");
  return g_out.c_str();
}

// The voice started (1) or finished everything it was given (0).
EMSCRIPTEN_KEEPALIVE void unfurl_voice(int busy) { g_app.SetVoiceBusy(busy != 0); }

// Something only the shell can know (storage blocked or full, no wake lock).
EMSCRIPTEN_KEEPALIVE void unfurl_notice(const char* id, const char* text) {
  g_app.Notice(id ? id : "", text ? text : "");
}

}  // extern "C"
