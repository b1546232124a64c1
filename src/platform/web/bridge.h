// The only door between the app and the browser. Everything the shell
// (web/*.js) does for us goes out through these calls; everything it asks of
// us comes in through the unfurl_* exports in bridge.cpp.
#pragma once
#include <string>

#include "core/history/history.h"

namespace unfurl::platform {

void Cue(const std::string& kind, const std::string& key, const std::string& text, const std::string& lang,
         const core::Settings& settings);
void Hush();  // stop speaking now: the user paused, stopped, skipped or left
void Store(const std::string& json);
void Download(const std::string& name, const std::string& type, const std::string& text);
void ShowReport(const std::string& json);  // the shell lays it out as a printable page
void EraseAll();
void DownloadAsides();  // each document kept aside as unreadable, as a file  // "delete all my data": every key Unfurl keeps on this device
void WakeLock(bool on);
void Widgets(const std::string& json);
void PostEvent(const std::string& json);
void FirstFrameDrawn();

struct Viewport {
  int width_px = 1, height_px = 1;  // drawing buffer
  float css_width = 1, css_height = 1;
  float dpr = 1;
};
// Measures the canvas and resizes its drawing buffer when the CSS size or the
// device pixel ratio changed; returns true when it did.
bool SyncCanvasSize(Viewport& v);
double NowMs();       // monotonic, for the session clock
double EpochMs();     // wall clock, for dates in the history
int UtcOffsetMin();   // local time minus UTC
bool PrefersReducedMotion();

}  // namespace unfurl::platform
