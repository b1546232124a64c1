// What one frame of the mannequin costs on the CPU: animator (session moment
// → pose), forward kinematics, bed contact and IK, and the capsules to draw.
// Run with ./scripts/bench; numbers go in the closing notes, never in tests.
#include <benchmark/benchmark.h>

#include "core/body/animator.h"

using namespace unfurl::core;
using namespace unfurl::core::body;

namespace {
void PoseFrame(benchmark::State& state, const char* exercise, Phase phase) {
  const Animator animator;
  const Body body = animator.body();
  Moment m;
  m.exercise = exercise;
  m.previous = "knee_to_chest";
  m.side = Side::left;
  m.phase = phase;
  m.phase_s = 5;
  m.range = 0.8f;
  float t = 0;
  for (auto _ : state) {
    m.progress = t;
    m.breath = t;
    t = t > 0.99f ? 0 : t + 0.01f;
    Animated a = animator.at(m);
    Figure f = pose_figure(a.key, body, m.breath);
    benchmark::DoNotOptimize(f.capsules.data());
  }
}
}  // namespace

BENCHMARK_CAPTURE(PoseFrame, knee_to_chest_move, "knee_to_chest", Phase::move);
BENCHMARK_CAPTURE(PoseFrame, figure_four_hold, "figure_four", Phase::hold);
BENCHMARK_CAPTURE(PoseFrame, spinal_twist_move, "spinal_twist", Phase::move);
BENCHMARK_CAPTURE(PoseFrame, press_up_roll_in, "press_up", Phase::rest);

BENCHMARK_MAIN();
