// What a long-kept history costs: five years of mornings (1 800 sessions)
// read from its stored text, the statistics Home and History show, a merge
// before a write, and the text written back. Run with ./scripts/bench.
#include <benchmark/benchmark.h>

#include "core/history/history.h"

using namespace unfurl::core;

namespace {
std::string FiveYears() {
  HistoryDoc d;
  for (int i = 0; i < 1800; ++i) {
    SessionRecord r;
    r.id = "s" + std::to_string(i);
    r.day = 18000 + i;
    r.started = "2020-01-01T07:00:00Z";
    r.outcome = i % 17 ? Outcome::completed : Outcome::stopped_pain;
    r.before = 3 + i % 5;
    r.after = 2 + i % 4;
    r.exercises = {"knee_to_chest", "pelvic_tilt", "figure_four", "spinal_twist", "press_up", "fetal"};
    d.sessions.push_back(r);
  }
  return encode_history(d);
}

void HistoryLoad(benchmark::State& state) {
  const std::string text = FiveYears();
  for (auto _ : state) benchmark::DoNotOptimize(decode_history(text).doc.sessions.size());
}

void HistoryStatistics(benchmark::State& state) {
  const HistoryDoc d = decode_history(FiveYears()).doc;
  for (auto _ : state) benchmark::DoNotOptimize(history_stats(d.sessions, 18000 + 1799).best_streak);
}

void HistoryMergeAndWrite(benchmark::State& state) {
  const HistoryDoc d = decode_history(FiveYears()).doc;
  HistoryDoc mine = d;
  mine.sessions.back().after = 1;
  for (auto _ : state) benchmark::DoNotOptimize(encode_history(merge_history(d, mine, d)).size());
}
}  // namespace

BENCHMARK(HistoryLoad)->Unit(benchmark::kMillisecond);
BENCHMARK(HistoryStatistics)->Unit(benchmark::kMicrosecond);
BENCHMARK(HistoryMergeAndWrite)->Unit(benchmark::kMillisecond);
