#include "core/routine/session.h"

#include <algorithm>
#include <cmath>

namespace unfurl::core {

namespace {

constexpr int kTicks[] = {3, 2, 1};

std::vector<PhaseSpan> unroll(const Routine& r) {
  std::vector<PhaseSpan> t;
  const Preparation& p = r.preparation;
  int segment = 0;
  t.push_back({Phase::prepare, -1, Side::none, 1, p.breaths * (p.inhale_s + p.exhale_s), segment});
  for (size_t i = 0; i < r.exercises.size(); ++i) {
    const Exercise& e = r.exercises[i];
    const int ex = static_cast<int>(i);
    const Side sides[] = {e.sided ? Side::right : Side::none, Side::left};
    for (int s = 0; s < (e.sided ? 2 : 1); ++s) {
      ++segment;
      // The first side opens with a rest in which the exercise is announced;
      // the second with an announced switch. Both are where Back/Next land.
      t.push_back({s == 0 ? Phase::rest : Phase::switch_side, ex, sides[s], 1, r.between_s, segment});
      for (int rep = 1; rep <= e.reps; ++rep) {
        if (rep > 1) t.push_back({Phase::rest, ex, sides[s], rep, e.rest_s, segment});
        t.push_back({Phase::move, ex, sides[s], rep, e.move_s, segment});
        t.push_back({Phase::hold, ex, sides[s], rep, e.hold_s, segment});
        t.push_back({Phase::release, ex, sides[s], rep, e.move_s, segment});
      }
    }
  }
  t.push_back({Phase::done, -1, Side::none, 1, 0, segment + 1});
  return t;
}

}  // namespace

std::string_view phase_name(Phase p) {
  switch (p) {
    case Phase::prepare: return "prepare";
    case Phase::move: return "move";
    case Phase::hold: return "hold";
    case Phase::release: return "release";
    case Phase::rest: return "rest";
    case Phase::switch_side: return "switch";
    case Phase::done: return "done";
    case Phase::stopped: return "stopped";
  }
  return "";
}

std::string_view cue_kind_name(CueKind k) {
  switch (k) {
    case CueKind::speak: return "speak";
    case CueKind::tone: return "tone";
    case CueKind::vibrate: return "vibrate";
  }
  return "";
}

std::string_view side_name(Side s) {
  switch (s) {
    case Side::right: return "right";
    case Side::left: return "left";
    case Side::none: return "";
  }
  return "";
}

Session::Session(const Routine& routine, double range)
    : routine_(routine),
      range_(std::clamp(range, 0.5, std::min(1.0, routine.range_cap))),
      timeline_(unroll(routine_)),
      held_(routine_.exercises.size(), false) {
  for (const PhaseSpan& s : timeline_) total_s_ += s.duration_s;
  enter(0);
}

const Exercise* Session::exercise() const {
  int i = span().exercise;
  return i < 0 ? nullptr : &routine_.exercises[i];
}

double Session::phase_remaining_s() const {
  return std::max(0.0, span().duration_s - in_span_s_);
}

double Session::remaining_s() const {
  if (finished()) return 0;
  double r = phase_remaining_s();
  for (size_t i = index_ + 1; i < timeline_.size(); ++i) r += timeline_[i].duration_s;
  return r;
}

bool Session::inhaling() const {
  const Preparation& p = routine_.preparation;
  double cycle = p.inhale_s + p.exhale_s;
  // Movements begin on the exhale: a move phase is all out-breath.
  if (phase() == Phase::move) return false;
  return std::fmod(in_span_s_, cycle) < p.inhale_s;
}

double Session::breath_progress() const {
  const Preparation& p = routine_.preparation;
  if (phase() == Phase::move) return std::min(1.0, in_span_s_ / std::max(0.01, span().duration_s));
  double t = std::fmod(in_span_s_, p.inhale_s + p.exhale_s);
  return t < p.inhale_s ? t / p.inhale_s : (t - p.inhale_s) / p.exhale_s;
}

std::vector<std::string> Session::exercises_done() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < held_.size(); ++i)
    if (held_[i]) out.push_back(routine_.exercises[i].id);
  return out;
}

std::vector<Cue> Session::take_cues() {
  std::vector<Cue> out;
  out.swap(cues_);
  return out;
}

void Session::emit(CueKind kind, std::string key, std::string text) {
  cues_.push_back({kind, std::move(key), std::move(text)});
}

void Session::emit_ticks(double from_s, double to_s, bool inclusive_start) {
  const double hold = span().duration_s;
  for (int k : kTicks) {
    double at = hold - k;
    if (at < 0) continue;
    bool due = inclusive_start ? (from_s <= at && at <= to_s) : (from_s < at && at <= to_s);
    if (due) emit(CueKind::tone, "tick", std::to_string(k));
  }
}

void Session::enter(size_t index) {
  index_ = index;
  in_span_s_ = 0;
  const PhaseSpan& s = span();
  const Exercise* e = exercise();
  const int side_i = s.side == Side::left ? 1 : 0;
  switch (s.phase) {
    case Phase::prepare: {
      emit(CueKind::speak, "prepare",
           "Let's begin. Lie flat on your back. Breathe in slowly and deeply, and breathe out. "
           "Every stretch starts on a breath out.");
      break;
    }
    case Phase::rest:
      if (s.rep == 1) {
        std::string text = e->name + ". " + e->intro;
        if (e->sided) text += " " + e->side_names[0] + " first.";
        emit(CueKind::speak, "exercise." + e->id, text);
      }
      break;
    case Phase::switch_side:
      emit(CueKind::tone, "switch");
      emit(CueKind::vibrate, "switch");
      emit(CueKind::speak, "switch", "Switch sides. " + e->side_names[side_i] + ".");
      break;
    case Phase::move:
      emit(CueKind::tone, "begin");
      emit(CueKind::speak, "move." + e->id,
           s.rep > 1 && !e->repeat_move.empty() ? e->repeat_move : e->move);
      break;
    case Phase::hold:
      held_[s.exercise] = true;
      emit(CueKind::tone, "hold");
      emit(CueKind::vibrate, "hold");
      // CLINICAL.md: the voice says "only as far as is comfortable" — once per side, not every repetition.
      emit(CueKind::speak, "hold." + e->id, s.rep == 1 ? e->hold_cue + " Only as far as is comfortable." : e->hold_cue);
      emit_ticks(0, 0, true);
      break;
    case Phase::release:
      emit(CueKind::tone, "release");
      emit(CueKind::speak, "release", "And slowly release.");
      break;
    case Phase::done:
      emit(CueKind::tone, "done");
      emit(CueKind::vibrate, "done");
      emit(CueKind::speak, "done",
           "Well done. That's the routine. Take your time, and sit up slowly from your side.");
      break;
    case Phase::stopped:
      break;
  }
}

void Session::advance(double dt_s) {
  if (paused_ || dt_s <= 0) return;
  while (dt_s > 0 && !finished()) {
    const PhaseSpan& s = span();
    double take = std::min(dt_s, s.duration_s - in_span_s_);
    double from = in_span_s_;
    in_span_s_ += take;
    elapsed_s_ += take;
    dt_s -= take;
    if (s.phase == Phase::prepare) {
      // Pace the opening breaths aloud: in, then out.
      const Preparation& p = routine_.preparation;
      const double cycle = p.inhale_s + p.exhale_s;
      for (int b = 0; b < p.breaths; ++b) {
        double in_at = b * cycle, out_at = in_at + p.inhale_s;
        if (b > 0 && from < in_at && in_at <= in_span_s_) emit(CueKind::speak, "breathe-in", "Breathe in.");
        if (from < out_at && out_at <= in_span_s_) emit(CueKind::speak, "breathe-out", "And out.");
      }
    }
    if (s.phase == Phase::hold) emit_ticks(from, in_span_s_, false);
    if (in_span_s_ >= s.duration_s - 1e-9) enter(index_ + 1);
  }
}

bool Session::pause() {
  if (paused_ || finished()) return false;
  paused_ = true;
  emit(CueKind::speak, "paused", "Paused.");
  return true;
}

bool Session::resume() {
  if (!paused_ || finished()) return false;
  paused_ = false;
  emit(CueKind::speak, "resumed", "Carry on when you are ready.");
  return true;
}

void Session::jump_to_segment(int segment) {
  for (size_t i = 0; i < timeline_.size(); ++i)
    if (timeline_[i].segment == segment) return enter(i);
}

bool Session::next() {
  if (finished()) return false;
  jump_to_segment(segment() + 1);
  return true;
}

bool Session::back() {
  if (finished()) return false;
  jump_to_segment(std::max(0, segment() - 1));
  return true;
}

bool Session::stop() {
  if (finished()) return false;
  // Replace the current span with a terminal one: nothing after a stop plays.
  timeline_.resize(index_ + 1);
  timeline_.push_back({Phase::stopped, span().exercise, span().side, span().rep, 0, span().segment});
  index_ = timeline_.size() - 1;
  in_span_s_ = 0;
  paused_ = false;
  emit(CueKind::speak, "stopped", "Stopped. Lie still and rest.");
  return true;
}

}  // namespace unfurl::core
