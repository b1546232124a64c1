#include "core/routine/session.h"

#include "core/names.h"

#include <algorithm>
#include <cmath>

namespace unfurl::core {

namespace {

constexpr int kTicks[] = {3, 2, 1};

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

// What a span needs so that its sentence ends before the next one begins.
double spoken_s(const std::string& text, double rate) {
  return text.empty() ? 0 : speech_seconds(text, rate) + kSpeechGap_s;
}

class Planner {
 public:
  Planner(const Routine& r, const VoicePlan& v, const Catalogue& t) : r_(r), rate_(v.rate), t_(t) {}

  std::vector<PhaseSpan> plan() {
    const Preparation& p = r_.preparation;
    const double cycle = p.inhale_s + p.exhale_s;
    // The rules are said first; the paced breaths start on a whole breath so the
    // breathing guide never jumps.
    std::string rules = t_.get("cue.prepare");
    double lead = std::ceil(spoken_s(rules, rate_) / cycle) * cycle;
    add({Phase::prepare, -1, Side::none, 1, lead + p.breaths * cycle, segment_, "prepare", rules, lead});
    for (size_t i = 0; i < r_.exercises.size(); ++i) exercise(static_cast<int>(i));
    t.push_back({Phase::done, -1, Side::none, 1, 0, segment_ + 1, "done", t_.get("cue.done")});
    return std::move(t);
  }

 private:
  void exercise(int ex) {
    const Exercise& e = r_.exercises[ex];
    const Side sides[] = {e.sided ? Side::right : Side::none, Side::left};
    for (int s = 0; s < (e.sided ? 2 : 1); ++s) {
      ++segment_;
      // The first side opens with a rest in which the exercise, its set-up and
      // its cautions are announced; the second with an announced switch. Both
      // are where Back/Next land, and both stretch to fit what they say.
      if (s == 0) {
        std::string intro = join(e.name + ".", e.intro);
        // An exercise's own cautions already say how far (the twist, the press-up):
        // the general reminder would say the same caution twice.
        for (const std::string& c : e.cautions) intro = join(intro, c);
        if (e.cautions.empty()) intro = join(intro, t_.get("cue.comfortable"));
        if (e.sided) intro = join(intro, fill(t_.get("cue.side_first"), e.side_names[0]));
        add({Phase::rest, ex, sides[s], 1, r_.between_s, segment_, "exercise." + e.id, intro});
      } else {
        add({Phase::switch_side, ex, sides[s], 1, r_.between_s, segment_, "switch",
             fill(t_.get("cue.switch"), e.side_names[1])});
      }
      for (int rep = 1; rep <= e.reps; ++rep) {
        if (rep > 1) add({Phase::rest, ex, sides[s], rep, e.rest_s, segment_});
        std::string move = rep > 1 && !e.repeat_move.empty() ? e.repeat_move : e.move;
        std::string hold = e.hold_cue;
        // Holds keep their prescribed length: a sentence too long for the hold is said with the move.
        if (spoken_s(hold, rate_) > e.hold_s) move = join(move, hold), hold.clear();
        add({Phase::move, ex, sides[s], rep, e.move_s, segment_, "move." + e.id, move});
        t.push_back({Phase::hold, ex, sides[s], rep, e.hold_s, segment_, hold.empty() ? "" : "hold." + e.id, hold});
        add({Phase::release, ex, sides[s], rep, e.move_s, segment_, "release", t_.get("cue.release")});
      }
    }
  }

  void add(PhaseSpan span) {
    span.duration_s = std::max(span.duration_s, span.lead_s > 0 ? span.duration_s : spoken_s(span.speech, rate_));
    t.push_back(std::move(span));
  }

  const Routine& r_;
  double rate_;
  const Catalogue& t_;
  int segment_ = 0;
  std::vector<PhaseSpan> t;
};

}  // namespace

namespace {
constexpr Named<Phase> kPhases[] = {{Phase::prepare, "prepare"}, {Phase::move, "move"}, {Phase::hold, "hold"},
                                    {Phase::release, "release"}, {Phase::rest, "rest"}, {Phase::switch_side, "switch"},
                                    {Phase::done, "done"},       {Phase::stopped, "stopped"}};
constexpr Named<CueKind> kCueKinds[] = {{CueKind::speak, "speak"}, {CueKind::tone, "tone"}, {CueKind::vibrate, "vibrate"}};
constexpr Named<Side> kSides[] = {{Side::none, ""}, {Side::right, "right"}, {Side::left, "left"}};
}  // namespace

std::string_view phase_name(Phase p) { return name_in(kPhases, p); }
std::string_view cue_kind_name(CueKind k) { return name_in(kCueKinds, k); }
std::string_view side_name(Side s) { return name_in(kSides, s); }

Session::Session(const Routine& routine, double range, const VoicePlan& voice)
    : routine_(routine),
      voice_(voice),
      range_(std::clamp(range, 0.5, std::min(1.0, routine.range_cap))),
      timeline_(Planner(routine_, voice_, voice_.text ? *voice_.text : english()).plan()),
      held_(routine_.exercises.size(), false) {
  for (const PhaseSpan& s : timeline_) total_s_ += s.duration_s;
  enter(0);
}

const Exercise* Session::exercise() const {
  int i = span().exercise;
  return i < 0 ? nullptr : &routine_.exercises[i];
}

const char* Session::T(std::string_view key) const {
  return (voice_.text ? *voice_.text : english()).get(key);
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
  waiting_s_ = 0;
  const PhaseSpan& s = span();
  switch (s.phase) {
    case Phase::switch_side:
      emit(CueKind::tone, "switch");
      emit(CueKind::vibrate, "switch");
      break;
    case Phase::move:
      emit(CueKind::tone, "begin");
      break;
    case Phase::hold:
      held_[s.exercise] = true;
      emit(CueKind::tone, "hold");
      emit(CueKind::vibrate, "hold");
      break;
    case Phase::release:
      emit(CueKind::tone, "release");
      break;
    case Phase::done:
      emit(CueKind::tone, "done");
      emit(CueKind::vibrate, "done");
      break;
    default:
      break;
  }
  if (!s.speech.empty()) emit(CueKind::speak, s.speech_key, s.speech);
  if (s.phase == Phase::hold) emit_ticks(0, 0, true);
}

void Session::advance(double dt_s) {
  if (paused_ || dt_s <= 0) return;
  while (dt_s > 0 && !finished()) {
    const PhaseSpan& s = span();
    if (in_span_s_ >= s.duration_s - 1e-9) {
      // The span is over, but the voice is not: wait for it rather than start
      // the next sentence over it (or a hold's countdown under it).
      if (voice_busy_ && waiting_s_ < kMaxVoiceWait_s) {
        waiting_s_ += dt_s;
        return;
      }
      enter(index_ + 1);
      continue;
    }
    double take = std::min(dt_s, s.duration_s - in_span_s_);
    double from = in_span_s_;
    in_span_s_ += take;
    elapsed_s_ += take;
    dt_s -= take;
    if (s.phase == Phase::prepare) {
      // Pace the breaths aloud once the rules have been said: in, then out.
      const Preparation& p = routine_.preparation;
      const double cycle = p.inhale_s + p.exhale_s;
      for (int b = 0; b < p.breaths; ++b) {
        double in_at = s.lead_s + b * cycle, out_at = in_at + p.inhale_s;
        if (from < in_at && in_at <= in_span_s_) emit(CueKind::speak, "breathe-in", T("cue.breathe_in"));
        if (from < out_at && out_at <= in_span_s_) emit(CueKind::speak, "breathe-out", T("cue.breathe_out"));
      }
    }
    if (s.phase == Phase::hold) emit_ticks(from, in_span_s_, false);
  }
  // A span that has just run out moves on now, unless the voice holds it.
  if (!finished() && in_span_s_ >= span().duration_s - 1e-9 && !voice_busy_) enter(index_ + 1);
}

bool Session::pause() {
  if (paused_ || finished()) return false;
  paused_ = true;
  emit(CueKind::speak, "paused", T("cue.paused"));
  return true;
}

bool Session::resume() {
  if (!paused_ || finished()) return false;
  paused_ = false;
  emit(CueKind::speak, "resumed", T("cue.resumed"));
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
  timeline_.push_back({Phase::stopped, span().exercise, span().side, span().rep, 0, span().segment, "", ""});
  index_ = timeline_.size() - 1;
  in_span_s_ = 0;
  paused_ = false;
  emit(CueKind::speak, "stopped", T("cue.stopped"));
  return true;
}

}  // namespace unfurl::core
