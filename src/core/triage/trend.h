// The article: "If pain persists or worsens over several weeks despite rest and
// gentle movement, professional advice ... is necessary." docs/clinical.md makes that
// three rules over the stored sessions; this is those rules, pure.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/names.h"

namespace unfurl::core {

struct RatedDay {
  int day;                    // days since 1970-01-01, local date of the session
  std::optional<int> before;  // stiffness 0–10 before the session, if given
  std::optional<int> after;   // … and after; stands in when before was skipped
  bool hurt = false;          // back-only "Stop — it hurts", or "did anything hurt?" yes
};

struct TrendConfig {
  int lookback_days = 42;     // older sessions say nothing about now
  int min_sessions = 6;       // rated sessions needed to judge
  int min_span_days = 21;     // between the first and the last rated session
  int week_days = 7;          // "the first 7 days" and "the last 7 days"
  double persist_mean = 4.0;  // stiffness that is real…
  double persist_drop = 1.0;  // …and fell by less than this: it persists
  double worsening = 2.0;     // first week's mean → last week's mean
  int hurt_days = 14;         // "keeps hurting": this many days back…
  int hurt_sessions = 3;      // …at least this many sessions that hurt
};

enum class Trend { none, persists, worsens, keeps_hurting };
// As state().trend reports it (docs/automation.md); Home's words for each are "home.trend.<name>".
inline constexpr Named<Trend> kTrendNames[] = {
    {Trend::none, "none"}, {Trend::persists, "persists"}, {Trend::worsens, "worsens"}, {Trend::keeps_hurting, "keeps-hurting"}};
constexpr std::string_view trend_name(Trend t) { return name_in(kTrendNames, t); }

struct TrendResult {
  Trend kind = Trend::none;   // the first rule that holds, in the order above
  bool review() const { return kind != Trend::none; }
  int sessions = 0;           // rated sessions considered
  std::optional<double> first_mean, last_mean;
  int hurt_sessions = 0;      // in the last hurt_days
};

TrendResult evaluate_trend(const std::vector<RatedDay>& sessions, int today,
                           const TrendConfig& config = {});

}  // namespace unfurl::core
