// The browser side of the app, in one file: it owns the frame loop, turns DOM
// input into frame input, draws what a frame returns, and carries the frame's
// output to the shell (web/app.js keeps Module.shell) through EM_JS calls.
// The unfurl_* exports at the bottom are how the shell calls in.
//
// The loop sleeps: a frame is requested only when the app asks for one (a
// session runs, something glides) or when input, a resize or a call from the
// shell arrives. No WebGL state is ever read back during a frame.
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/history/history.h"
#include "core/json.h"
#include "core/routine/speech.h"
#include "core/text/text.h"
#include "render/gl/imgui_renderer.h"
#include "render/gl/scene_renderer.h"

namespace {

using unfurl::app::PointerEvent;

// --- Out to the shell -----------------------------------------------------------
// A cue carries the settings that decide how it is played, so the shell never
// has to ask the app for them while the app is calling it, and how long the
// app expects its sentence to take (core::speech_seconds), so the shell keeps
// no estimate of its own.
EM_JS(void, js_cue, (const char* kind, const char* key, const char* text, const char* lang, int voice, int tones,
                     int vibration, double rate, double volume, double seconds), {
  Module.shell.cue(UTF8ToString(kind), UTF8ToString(key), UTF8ToString(text), UTF8ToString(lang),
                   { voice: !!voice, tones: !!tones, vibration: !!vibration, voice_rate: rate, volume: volume, seconds: seconds });
});
EM_JS(void, js_hush, (), { Module.shell.hush(); });
EM_JS(void, js_store, (const char* json), { Module.shell.store(UTF8ToString(json)); });
// share: to the share sheet as a file instead (the person's tap is still the page's transient activation).
EM_JS(void, js_download, (const char* name, const char* type, const char* text, int share), {
  Module.shell.download(UTF8ToString(name), UTF8ToString(type), UTF8ToString(text), !!share);
});
EM_JS(void, js_report, (const char* json, int share), { Module.shell.report(UTF8ToString(json), !!share); });
EM_JS(void, js_erase_all, (), { Module.shell.eraseAll(); });
EM_JS(void, js_download_asides, (), { Module.shell.downloadAsides(); });
EM_JS(void, js_dial, (const char* number), { Module.shell.dial(UTF8ToString(number)); });
EM_JS(void, js_restart, (), { Module.shell.restart(); });
// On the tap that finished the first session: a browser that asks the person (Firefox) may show its question.
EM_JS(void, js_persist, (), { Module.shell.persist(); });
EM_JS(void, js_wake_lock, (int on), { Module.shell.wakeLock(!!on); });
EM_JS(void, js_widgets, (const char* json, const char* screen, const char* texts, const char* lang), {
  Module.shell.widgets(UTF8ToString(json), UTF8ToString(screen), UTF8ToString(texts), UTF8ToString(lang));
});
EM_JS(void, js_announce, (const char* text), { Module.shell.announce(UTF8ToString(text)); });
EM_JS(void, js_post_event, (const char* json), { Module.shell.postEvent(UTF8ToString(json)); });
EM_JS(void, js_first_frame, (), { Module.shell.firstFrame(); });
EM_JS(void, js_language, (const char* code), { Module.shell.language(UTF8ToString(code)); });
EM_JS(void, js_fail, (const char* text), { Module.shell.fail(UTF8ToString(text)); });
EM_JS(double, js_epoch_ms, (), { return Date.now(); });
EM_JS(int, js_utc_offset_min, (), { return -new Date().getTimezoneOffset(); });
EM_JS(int, js_reduced_motion, (), {
  return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});

constexpr const char* kCanvas = "#canvas";

struct Platform {
  unfurl::app::App app;
  unfurl::render::gl::SceneRenderer scene;
  unfurl::render::gl::ImGuiRenderer imgui;
  bool parallel_compile = false, gpu_ready = false, failed = false;
  std::vector<PointerEvent> events;  // since the last frame; reused
  unfurl::app::FrameOutput out;
  int width_px = 0, height_px = 0;
  float dpr = 1;
  bool in_frame = false;
  // Notices the shell raised while a frame was sending its output (a missing
  // wake lock is known the moment it is asked for): applied once the frame has
  // ended, as an action would be, so the app never changes while it is calling out.
  struct Notice { std::string id, key, arg; };
  std::vector<Notice> notices_in_frame;
  long frame_request = 0;  // the pending requestAnimationFrame, 0 when none
  double due_ms = 0;       // when the next frame is due (performance.now() time)
  double refresh_ms = 0;   // the start of the display refresh being drawn
  float pinch_distance = 0;
  int wake_lock = -1;  // what the shell was last told (-1: nothing yet)
  // Frame timings for the benchmark (scripts/bench), read through unfurl_perf.
  std::vector<float> frame_ms;
};
Platform* g = nullptr;  // the started app: every call from the shell waits for it
Platform* g_unstarted = nullptr;  // from unfurl_gpu until unfurl_start
std::string g_out;  // the last string handed to JS; valid until the next call

void RunFrame();
// The next frame is due at due_ms: display refreshes before it are skipped
// with a callback that does nothing else (30 frames a second in a hold is
// every second refresh of a 60 Hz screen, without a timer's drift).
EM_BOOL OnAnimationFrame(double now_ms, void*) {
  g->frame_request = 0;
  g->refresh_ms = now_ms;
  if (now_ms + 4 < g->due_ms) {
    g->frame_request = emscripten_request_animation_frame(OnAnimationFrame, nullptr);
    return EM_FALSE;
  }
  RunFrame();
  return EM_FALSE;
}
void RequestFrame() {
  g->due_ms = 0;  // input or a change: draw at the next refresh
  if (g->frame_request || g->failed) return;
  g->frame_request = emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}
void Schedule(double next_frame_s) {
  if (next_frame_s < 0) return;  // nothing moves: no frame until something happens
  if (g->frame_request) return;
  // Counted from this refresh's start, not from when the frame's work ended,
  // so a frame that took a few milliseconds does not slip a whole refresh.
  g->due_ms = g->refresh_ms + next_frame_s * 1000;
  g->frame_request = emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

std::string TextsJson(const std::vector<unfurl::ui::TextItem>& list) {
  unfurl::core::json::Writer o;
  o.begin_array();
  for (const unfurl::ui::TextItem& t : list)
    o.begin_object().field("role", t.role).field("text", t.text).field("at", t.at).end_object();
  return o.end_array().text();
}

std::string WidgetsJson(const std::vector<unfurl::ui::Widget>& list) {
  // Laid out to a tenth of a CSS px: a float's binary tail would only lengthen the text.
  auto tenth = [](float v) { return std::round(static_cast<double>(v) * 10) / 10; };
  unfurl::core::json::Writer o;
  o.begin_array();
  for (const unfurl::ui::Widget& w : list) {
    o.begin_object().field("id", w.id).field("label", w.label).field("role", w.role);
    o.field("x", tenth(w.x)).field("y", tenth(w.y)).field("w", tenth(w.w)).field("h", tenth(w.h));
    o.field("enabled", w.enabled).field("action", w.action);
    // arg is JSON text already (a number, a string, an object) or absent.
    o.key("arg"), w.arg.empty() ? o.value(nullptr) : o.raw(w.arg);
    if (w.role == "checkbox" || w.role == "radio") o.field("checked", w.checked);
    if (!w.href.empty()) o.field("href", w.href);
    if (!w.group.empty()) o.field("group", w.group);
    if (!w.visible) o.field("visible", false);
    if (w.clipped) o.field("clipped", true);
    o.end_object();
  }
  return o.end_array().text();
}

// Sends what the frame produced to the shell. The shell answers later (events,
// microtasks), never from inside these calls.
void Dispatch(unfurl::app::FrameOutput& out) {
  unfurl::model::Outbox& box = out.out;
  const unfurl::core::Settings& s = g->app.model().settings();
  if (box.hush) js_hush();
  for (const unfurl::model::Outbox::CueOut& c : box.cues)
    js_cue(std::string(unfurl::core::cue_kind_name(c.cue.kind)).c_str(), c.cue.key.c_str(), c.cue.text.c_str(),
           c.lang.c_str(), s.voice, s.tones, s.vibration, s.voice_rate, s.volume,
           c.cue.kind == unfurl::core::CueKind::speak ? unfurl::core::speech_seconds(c.cue.text, s.voice_rate) : 0);
  if (box.store) js_store(box.store->c_str());
  if (box.download)
    js_download(box.download->name.c_str(), box.download->type.c_str(), box.download->text.c_str(), box.share);
  if (box.report) js_report(box.report->c_str(), box.share);
  if (box.erase) js_erase_all();
  if (box.download_asides) js_download_asides();
  if (box.dial) js_dial(box.dial->c_str());
  if (box.restart) js_restart();
  if (box.persist) js_persist();
  if (!box.language.empty()) js_language(box.language.c_str());
  for (const std::string& e : box.events) js_post_event(e.c_str());
  for (const std::string& a : box.announce) js_announce(a.c_str());
  if (g->wake_lock != (out.wake_lock ? 1 : 0)) {
    g->wake_lock = out.wake_lock ? 1 : 0;
    js_wake_lock(g->wake_lock);
  }
  if (out.widgets_changed)
    js_widgets(WidgetsJson(g->app.widgets()).c_str(), std::string(g->app.screen_name()).c_str(),
               TextsJson(g->app.texts()).c_str(), g->app.model().config().lang.c_str());
  if (out.first_frame) js_first_frame();
}

void RunFrame() {
  if (g->failed || g->in_frame) return;
  if (!g->gpu_ready) {
    // Shaders compile in the background where the browser allows: the text is
    // baked meanwhile, then the loading screen stays up and the main thread
    // stays free until they are done.
    g->app.BakeFonts(g->dpr);
    if (!g->scene.Done(g->parallel_compile) || !g->imgui.Done(g->parallel_compile)) { RequestFrame(); return; }
    std::string error;
    if (!g->scene.Finish(error) || !g->imgui.Finish(error)) {
      g->failed = true;
      js_fail(error.c_str());
      return;
    }
    g->gpu_ready = true;
  }
  g->in_frame = true;
  const double start = emscripten_get_now();
  unfurl::app::FrameInput in;
  in.now_ms = emscripten_get_now();
  in.epoch_ms = js_epoch_ms();
  in.utc_offset_min = js_utc_offset_min();
  in.width_px = g->width_px;
  in.height_px = g->height_px;
  in.dpr = g->dpr;
  in.events = &g->events;
  g->app.Frame(in, g->out);
  g->events.clear();
  unfurl::app::FrameOutput& out = g->out;
  if (out.fonts_changed) g->imgui.UploadFonts();
  if (out.drawn) {
    g->scene.Clear(g->width_px, g->height_px, out.background);
    if (out.has_view && out.draws) g->scene.Render(out.view, *out.draws, out.dim, out.scene_scale, out.background);
    g->imgui.Render(*ImGui::GetDrawData(), g->width_px, g->height_px);
    if (g->frame_ms.size() < 4096) g->frame_ms.push_back(static_cast<float>(emscripten_get_now() - start));
  }
  Dispatch(out);
  g->in_frame = false;
  Schedule(out.next_frame_s);
  if (g->notices_in_frame.empty()) return;
  for (const Platform::Notice& n : g->notices_in_frame) g->app.Notice(n.id, n.key, n.arg);
  g->notices_in_frame.clear();
  RequestFrame();
}

// --- Input -----------------------------------------------------------------------
// Touches are handled here and the callbacks return true, which cancels the
// browser's compatibility mouse events: one tap is exactly one activation.
void Push(PointerEvent::Type type, float x, float y, bool touch) {
  g->events.push_back({type, x, y, touch, emscripten_get_now()});
  RequestFrame();
}

EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void*) {
  // Fingers still on the glass after this event: on end and cancel, the lifted ones are the changed ones.
  const bool lifting = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
  int down = 0;
  const EmscriptenTouchPoint* pts[2] = {nullptr, nullptr};
  for (int i = 0; i < e->numTouches && down < 2; ++i)
    if (!(lifting && e->touches[i].isChanged)) pts[down++] = &e->touches[i];
  const EmscriptenTouchPoint* changed = nullptr;
  for (int i = 0; i < e->numTouches; ++i)
    if (e->touches[i].isChanged) { changed = &e->touches[i]; break; }
  if (!changed) return EM_TRUE;
  const float x = static_cast<float>(changed->targetX), y = static_cast<float>(changed->targetY);
  auto distance = [&] {
    return std::hypot(static_cast<float>(pts[0]->targetX - pts[1]->targetX),
                      static_cast<float>(pts[0]->targetY - pts[1]->targetY));
  };
  // The first finger points; a second one pinches.
  switch (type) {
    case EMSCRIPTEN_EVENT_TOUCHSTART:
      if (down >= 2) {
        g->pinch_distance = distance();
        Push(PointerEvent::Type::pinch, 1, 0, true);
      } else {
        Push(PointerEvent::Type::down, x, y, true);
      }
      break;
    case EMSCRIPTEN_EVENT_TOUCHMOVE:
      if (down >= 2 && g->pinch_distance > 0) {
        const float d = distance();
        Push(PointerEvent::Type::pinch, d / g->pinch_distance, 0, true);
        g->pinch_distance = d;
      } else {
        Push(PointerEvent::Type::move, x, y, true);
      }
      break;
    case EMSCRIPTEN_EVENT_TOUCHEND:
      if (down == 0) {
        g->pinch_distance = 0;
        Push(PointerEvent::Type::up, x, y, true);
      }
      break;
    default:
      g->pinch_distance = 0;
      Push(PointerEvent::Type::cancel, 0, 0, true);
  }
  return EM_TRUE;
}

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void*) {
  if (e->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_FALSE;
  const float x = static_cast<float>(e->targetX), y = static_cast<float>(e->targetY);
  // Hover does nothing on Unfurl's screens: a moving mouse with no button down wakes no frame.
  if (type == EMSCRIPTEN_EVENT_MOUSEMOVE && !(e->buttons & 1)) return EM_FALSE;
  Push(type == EMSCRIPTEN_EVENT_MOUSEDOWN ? PointerEvent::Type::down
       : type == EMSCRIPTEN_EVENT_MOUSEUP ? PointerEvent::Type::up
                                           : PointerEvent::Type::move,
       x, y, false);
  return EM_FALSE;
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
  const float dy = static_cast<float>(e->deltaMode == DOM_DELTA_LINE ? e->deltaY * 40 : e->deltaY);
  Push(PointerEvent::Type::wheel, static_cast<float>(e->mouse.targetX), dy, false);
  return EM_TRUE;
}

}  // namespace

extern "C" {

// Asked by web/app.js before anything else, and before each write: what the
// codec makes of the stored text ("ok", "empty", "unreadable" or "newer": an
// unreadable one is moved aside before anything is written over it) and the
// language the app will choose from it and the page's configuration, whose
// file is fetched while the app starts (docs/architecture.md, Languages), and
// the clinic's number as the app takes it ("" for none), which the page shown
// when the app cannot start offers; and the page's switches as the model reads
// them: keep (history=: the shell reads no stored document where it is false)
// and test. The shell reads nothing out of the stored document itself, and
// checks no value of the query.
EMSCRIPTEN_KEEPALIVE const char* unfurl_early(const char* stored, const char* config) {
  const unfurl::model::EarlyLook look = unfurl::model::early_look(stored ? stored : "", config ? config : "{}");
  using unfurl::core::DecodeStatus;
  const char* history = look.history == DecodeStatus::ok             ? "ok"
                        : look.history == DecodeStatus::unreadable   ? "unreadable"
                        : look.history == DecodeStatus::newer_schema ? "newer"
                                                                     : "empty";
  g_out = unfurl::core::json::Writer()
              .begin_object()
              .field("history", history)
              .field("lang", look.lang)
              .field("emergency", look.emergency)
              .field("keep", look.keep_history)
              .field("test", look.test)
              .end_object()
              .text();
  return g_out.c_str();
}

// A sentence of the language's file with its placeholder filled (core::fill),
// for the page shown when the app cannot start: the shell fills none itself.
// It changes nothing, so it may be called at any time, before unfurl_start too.
EMSCRIPTEN_KEEPALIVE const char* unfurl_fill(const char* text, const char* value) {
  g_out = unfurl::core::fill(text ? text : "", value ? value : "");
  return g_out.c_str();
}

// Called by web/app.js as soon as the module is instantiated, before the font
// and the language file have arrived: the GPU compiles the shaders while they
// do (on software GL it is the GPU process, not the page, that the first frame
// waits for). Returns 0 when there is no WebGL2.
EMSCRIPTEN_KEEPALIVE int unfurl_gpu() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = EM_FALSE;  // at 2x and 3x MSAA is invisible and costs battery; the rim light keeps edges soft
  attrs.depth = EM_TRUE;
  attrs.stencil = EM_FALSE;
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  // The shell made this context early (web/app.js, same attributes) so its
  // start-up overlapped the download; asking again returns it. No second
  // context is ever made just to probe for WebGL2.
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(kCanvas, &attrs);
  if (ctx <= 0) return 0;
  emscripten_webgl_make_context_current(ctx);
  Platform* p = g_unstarted = new Platform();
  p->frame_ms.reserve(4096);
  p->parallel_compile = emscripten_webgl_enable_extension(ctx, "KHR_parallel_shader_compile");
  p->scene.Start();
  p->imgui.Start();
  return 1;
}

// Called once by web/app.js after unfurl_gpu, with the font bytes (kept by the
// caller for font rebuilds), the page configuration, the stored history and
// the page's language file.
EMSCRIPTEN_KEEPALIVE void unfurl_start(const void* font, int font_len, const char* config, const char* stored,
                                       const char* lang, const char* lang_text) {
  if (!g_unstarted) return;
  g = g_unstarted;
  g_unstarted = nullptr;
  emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, OnTouch);
  emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, OnMouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnMouse);
  emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, OnMouse);
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, OnWheel);

  unfurl::app::StartInput in;
  in.font = font;
  in.font_len = font_len;
  in.config_json = config ? config : "{}";
  in.stored = stored ? stored : "";
  in.lang = lang ? lang : "";
  in.lang_text = lang_text ? lang_text : "";
  in.reduced_motion = js_reduced_motion() != 0;
  g->app.Start(in);
}

// The canvas's CSS size or the pixel ratio changed (a ResizeObserver in the shell).
EMSCRIPTEN_KEEPALIVE void unfurl_resize(double css_w, double css_h, double dpr) {
  if (!g) return;
  const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  if (w == g->width_px && h == g->height_px && static_cast<float>(dpr) == g->dpr) return;
  // The drawing buffer follows; the CSS size stays in the stylesheet. Setting
  // a canvas's size reallocates its buffer even when unchanged, so only on a change.
  int now_w = 0, now_h = 0;
  emscripten_get_canvas_element_size(kCanvas, &now_w, &now_h);
  if (now_w != w || now_h != h) emscripten_set_canvas_element_size(kCanvas, w, h);
  g->width_px = w;
  g->height_px = h;
  g->dpr = static_cast<float>(dpr);
  g->app.Wake();
  RequestFrame();
}

// Performs an action and draws its result at once, so state(), widgets() and
// the screen agree as soon as act() returns.
EMSCRIPTEN_KEEPALIVE int unfurl_act(const char* name, const char* arg) {
  if (!g || g->in_frame) return 0;
  const bool ok = g->app.Act(name ? name : "", arg ? arg : "");
  if (g->gpu_ready) RunFrame();
  return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* unfurl_state() {
  g_out = g ? g->app.State() : "{}";
  return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE void unfurl_visibility(int visible) {
  if (!g) return;
  g->app.SetVisible(visible != 0);
  if (g->gpu_ready && !g->in_frame) RunFrame();
}

// What is stored now, written by another tab or about to be overwritten by
// this one: merged into the app's history. Returns the merged document to
// store, or "" when the stored one must not be overwritten (a newer schema).
EMSCRIPTEN_KEEPALIVE const char* unfurl_merge(const char* stored) {
  g_out = g ? g->app.MergeStored(stored ? stored : "") : "";
  if (g) RequestFrame();
  return g_out.c_str();
}

// Another tab removed the stored document ("delete all my data" there): it is
// merged as the codec's empty document, so this tab's next write does not
// bring back what the person deleted.
EMSCRIPTEN_KEEPALIVE void unfurl_removed() {
  if (!g) return;
  g->app.MergeStored(unfurl::core::empty_history());
  RequestFrame();
}

// The shell tried to write what unfurl_merge returned: refused is "" when it
// was stored, else why not ("full" for the quota, "refused" otherwise).
EMSCRIPTEN_KEEPALIVE void unfurl_stored(const char* refused) {
  if (!g) return;
  const std::string why = refused ? refused : "";
  g->app.WriteResult(why.empty(), why);
  RequestFrame();
}

// What this tab could not store before a reload (kept in sessionStorage), given back once at start.
EMSCRIPTEN_KEEPALIVE void unfurl_restore(const char* unsaved) {
  if (!g || !unsaved) return;
  g->app.RestoreUnsaved(unsaved);
  RequestFrame();
}

// The voice started (1) or finished everything it was given (0).
EMSCRIPTEN_KEEPALIVE void unfurl_voice(int busy) {
  if (!g) return;
  g->app.SetVoiceBusy(busy != 0);
  RequestFrame();
}

// Something only the shell can know (storage blocked or full, no wake lock,
// a report that could not be fetched); with no key, that it no longer holds.
EMSCRIPTEN_KEEPALIVE void unfurl_notice(const char* id, const char* key, const char* arg) {
  if (!g) return;
  if (g->in_frame) {
    g->notices_in_frame.push_back({id ? id : "", key ? key : "", arg ? arg : ""});
    return;
  }
  g->app.Notice(id ? id : "", key ? key : "", arg ? arg : "");
  RequestFrame();
}

// A language file the shell fetched, for the app's request or for the
// language it expects the app to choose: its text, or "" when the fetch failed.
EMSCRIPTEN_KEEPALIVE void unfurl_language(const char* code, const char* text) {
  if (!g) return;
  g->app.LanguageArrived(code ? code : "", text ? text : "");
  // Laid out at once, as after act(): state() and widgets() then agree on the language.
  if (g->gpu_ready && !g->in_frame) RunFrame();
  else RequestFrame();
}

// What the browser says about keeping this origin's storage (navigator.storage.persisted()
// at start, persist() when asked): 1 kept, 0 may be cleared, -1 it cannot say.
EMSCRIPTEN_KEEPALIVE void unfurl_storage(int persisted) {
  if (!g) return;
  g->app.SetPersisted(persisted < 0 ? std::nullopt : std::optional<bool>(persisted != 0));
  if (g->gpu_ready && !g->in_frame) RunFrame();
  else RequestFrame();
}

// A new version is installed and waiting (the service worker): Home offers a restart.
EMSCRIPTEN_KEEPALIVE void unfurl_update_ready() {
  if (!g) return;
  g->app.UpdateReady();
  RequestFrame();
}

// For scripts/bench: every drawn frame's time in the wasm and GL calls (ms),
// and the heap's size. Not used by the app itself.
EMSCRIPTEN_KEEPALIVE const char* unfurl_perf(int reset) {
  unfurl::core::json::Writer o;
  o.begin_object().field("heap", emscripten_get_heap_size()).key("frames_ms").begin_array();
  if (g) {
    // To a microsecond, finer than the browser's clock: a float's binary tail would only lengthen the text.
    for (float ms : g->frame_ms) o.value(std::round(static_cast<double>(ms) * 1000) / 1000);
    if (reset) g->frame_ms.clear();
  }
  g_out = o.end_array().end_object().text();
  return g_out.c_str();
}

}  // extern "C"
