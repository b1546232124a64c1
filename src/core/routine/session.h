// The guided session as a state machine driven only by time passed in
// (advance) and by the user's actions. It never reads a clock, so the tests
// can run a whole routine in microseconds and the app can scale time.
//
// The routine is unrolled once into a timeline of phase spans; each span knows
// its exercise, side and repetition. Cues are emitted on entering a span and at
// the 3-2-1 before a hold ends, and collected with take_cues().
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/routine/routine.h"

namespace unfurl::core {

enum class Phase { prepare, move, hold, release, rest, switch_side, done, stopped };
std::string_view phase_name(Phase p);  // "prepare", … "switch", …

enum class CueKind { speak, tone, vibrate };
std::string_view cue_kind_name(CueKind k);

// A tone key is one of begin, hold, tick, release, switch, done; a vibrate
// key names a pattern the shell knows (hold, switch, done).
struct Cue {
  CueKind kind;
  std::string key;
  std::string text;
};

enum class Side { none, right, left };
std::string_view side_name(Side s);

struct PhaseSpan {
  Phase phase;
  int exercise;   // index into the routine; -1 while preparing
  Side side;
  int rep;        // 1-based
  double duration_s;
  int segment;    // Next/Back move between segments: preparation, then each exercise side
};

class Session {
 public:
  Session(const Routine& routine, double range);

  void advance(double dt_s);
  bool pause();
  bool resume();
  bool next();
  bool back();
  bool stop();

  std::vector<Cue> take_cues();

  Phase phase() const { return span().phase; }
  bool paused() const { return paused_; }
  bool finished() const { return phase() == Phase::done || phase() == Phase::stopped; }
  const Exercise* exercise() const;
  int exercise_index() const { return span().exercise; }
  Side side() const { return span().side; }
  int rep() const { return span().rep; }
  int segment() const { return span().segment; }
  double range() const { return range_; }
  double phase_duration_s() const { return span().duration_s; }
  double phase_remaining_s() const;
  double elapsed_s() const { return elapsed_s_; }
  double total_s() const { return total_s_; }
  double remaining_s() const;
  // Breathing guide: true while breathing in, and progress within that breath in [0, 1].
  bool inhaling() const;
  double breath_progress() const;
  const Routine& routine() const { return routine_; }
  const std::vector<PhaseSpan>& timeline() const { return timeline_; }
  std::vector<std::string> exercises_done() const;

 private:
  const PhaseSpan& span() const { return timeline_[index_]; }
  void enter(size_t index);
  void jump_to_segment(int segment);
  void emit(CueKind kind, std::string key, std::string text = {});
  void emit_ticks(double from_s, double to_s, bool inclusive_start);

  Routine routine_;
  double range_;
  std::vector<PhaseSpan> timeline_;
  size_t index_ = 0;
  double in_span_s_ = 0;
  double elapsed_s_ = 0;
  double total_s_ = 0;
  bool paused_ = false;
  std::vector<bool> held_;  // per exercise: a hold was reached, so it counts as done
  std::vector<Cue> cues_;
};

}  // namespace unfurl::core
