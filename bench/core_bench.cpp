// The core's per-frame and per-tap costs: a whole session advanced at 30
// frames a second (the hold rate), and the red-flag check evaluated for
// every answer. Run with ./scripts/bench; numbers go in docs/performance.md.
#include <benchmark/benchmark.h>

#include "core/routine/routine.h"
#include "core/routine/session.h"
#include "core/triage/triage.h"

using namespace unfurl::core;

namespace {
void SessionWholeRoutine(benchmark::State& state) {
  for (auto _ : state) {
    Session s(default_routine(), 0.6);
    long frames = 0;
    while (!s.finished()) {
      s.advance(1.0 / 30);
      benchmark::DoNotOptimize(s.take_cues());
      ++frames;
    }
    state.counters["frames"] = static_cast<double>(frames);
  }
}

void TriageAllFlags(benchmark::State& state) {
  const Triage& t = default_triage();
  std::vector<std::string> answers;
  for (const RedFlag& f : t.flags) answers.push_back(f.id);
  for (auto _ : state) benchmark::DoNotOptimize(evaluate_check(t, answers));
}
}  // namespace

BENCHMARK(SessionWholeRoutine)->Unit(benchmark::kMillisecond);
BENCHMARK(TriageAllFlags);
