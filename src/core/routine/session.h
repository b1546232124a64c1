// The guided session as a state machine driven only by time passed in
// (advance) and by the user's actions. It never reads a clock, so the tests
// can run a whole routine in microseconds and the app can scale time.
//
// The routine is unrolled once into a timeline of phase spans; each span knows
// its exercise, side, repetition and the sentence said as it begins. Cues are
// emitted on entering a span and at the 3-2-1 before a hold ends, and
// collected with take_cues().
//
// Every sentence is heard to its end (docs/clinical.md): the timeline is planned
// from each sentence's spoken length at the user's voice rate, so a span that
// speaks lasts at least as long as its sentence. Holds keep their prescribed
// length: a hold sentence too long for its hold is said with the move instead.
// And because real voices differ from any estimate, the session also waits at
// the end of a span while the shell reports the voice still speaking.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/routine/routine.h"
#include "core/routine/speech.h"
#include "core/text/text.h"

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
  std::string speech_key, speech;  // said on entering the span; empty for none
  double lead_s = 0;  // prepare: the article's rules are said before the paced breaths
};

// How the voice is planned for: its rate, and the catalogue its words come from.
struct VoicePlan {
  double rate = kVoiceRateDefault;
  const Catalogue* text = nullptr;  // English when null
};

// A session gives up waiting for a voice that never reports its end after this long.
constexpr double kMaxVoiceWait_s = 20;

class Session {
 public:
  Session(const Routine& routine, double range, const VoicePlan& voice = {});

  void advance(double dt_s);
  // The shell says whether an utterance is still being spoken; while it is,
  // a finished span waits instead of starting the next (and its sentence).
  void set_voice_busy(bool busy) { voice_busy_ = busy; }
  bool waiting_for_voice() const { return waiting_s_ > 0; }
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
  const char* T(std::string_view key) const;

  Routine routine_;
  VoicePlan voice_;
  double range_;
  std::vector<PhaseSpan> timeline_;
  size_t index_ = 0;
  double in_span_s_ = 0;
  double elapsed_s_ = 0;
  double total_s_ = 0;
  bool paused_ = false;
  bool voice_busy_ = false;
  double waiting_s_ = 0;  // how long this span's end has waited for the voice
  std::vector<bool> held_;  // per exercise: a hold was reached, so it counts as done
  std::vector<Cue> cues_;
};

}  // namespace unfurl::core
