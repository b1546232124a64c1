// A session from its start to its end: the standing block, the rating, the
// running session, stopping for pain and Finish.
#include "model/model.h"

#include <algorithm>
#include <cmath>

#include "core/history/calendar.h"
#include "core/routine/progression.h"

namespace unfurl::model {

double Model::range_now() const {
  if (session_ && !session_->finished()) return session_->range();
  return std::clamp(doc_.range, core::kRangeMin,
                    core::range_cap(doc_.settings.soft_mattress, routine_.range_cap));
}

bool Model::wants_wake_lock() const {
  return screen_ == Screen::session && session_ && !session_->finished();
}

void Model::EndSession(core::Outcome outcome) {
  if (record_saved_) return;
  record_saved_ = true;
  WriteRecord(outcome);

  switch (outcome) {
    case core::Outcome::completed:
      Post("session-completed", {{"duration_s", std::lround(session_->elapsed_s())},
                                 {"exercises_done", session_->exercises_done().size()}});
      break;
    case core::Outcome::stopped_pain: Post("session-stopped"); break;
    case core::Outcome::blocked: Post("check-blocked"); break;
    case core::Outcome::abandoned: break;
  }
  Save();
}

bool Model::Start() {
  switch (screen_) {
    case Screen::home:
      if (!doc_.intro_ack) { doc_.intro_ack = true; Save(); }
      answers_.clear();
      outcome_.reset();
      stop_answer_.reset();
      if (ShowStandingBlock()) return true;
      if (screening_due()) { OpenScreening(Screen::check); return true; }
      screen_ = Screen::check;
      return true;
    case Screen::check_result:
      if (!outcome_ || outcome_->blocked) return false;
      screen_ = Screen::rating_before;
      return true;
    case Screen::rating_before:
      return BeginSession();
    default:
      return false;
  }
}

// Earlier today's block, shown again with what was answered: nothing but
// "I answered by mistake" gets past it, and that leads to a fresh check.
bool Model::ShowStandingBlock() {
  const core::SessionRecord* b = core::standing_block(doc_.sessions, today_);
  if (!b) return false;
  core::CheckOutcome o;
  if (!b->pain.empty() && b->outcome != core::Outcome::blocked) {
    const auto stop = core::evaluate_stop(triage(), b->pain);
    o.level = stop && stop->level != core::Tier::none ? stop->level : core::Tier::clinician;
    stop_answer_ = b->pain;
  } else {
    o.level = b->check_level;
    for (const std::string& id : b->check_flags)
      if (const core::RedFlag* f = triage().find(id)) (f->tier == o.level ? o.flags : o.also).push_back(id);
  }
  o.blocked = true;
  outcome_ = std::move(o);
  remembered_ = true;
  screen_ = Screen::check_result;
  SpeakResult();
  return true;
}

bool Model::Withdraw() {
  if (screen_ != Screen::check_result || !remembered_) return false;
  // Every block of today is withdrawn, and the history keeps when.
  for (core::SessionRecord& r : doc_.sessions)
    if (r.day == today_ && r.withdrawn.empty() && core::is_block(r)) r.withdrawn = core::iso8601(epoch_ms_);
  Save();
  remembered_ = false;
  answers_.clear();
  outcome_.reset();
  stop_answer_.reset();
  screen_ = Screen::check;
  return true;
}

bool Model::BeginSession() {
  if (screen_ != Screen::rating_before || !outcome_ || outcome_->blocked) return false;
  session_.emplace(routine_,
                   std::clamp(doc_.range, core::kRangeMin, core::range_cap(doc_.settings.soft_mattress, routine_.range_cap)),
                   core::VoicePlan{doc_.settings.voice_rate, &text_});
  session_->set_voice_busy(voice_busy_);
  screen_ = Screen::session;
  stop_answer_.reset();
  after_.reset();
  hurt_.reset();
  auto_paused_ = false;
  record_saved_ = false;
  started_iso_ = core::iso8601(epoch_ms_);
  // Saved as abandoned from the first second: a crash or a closed tab loses
  // nothing but the end of this session, and the record says so.
  current_id_.clear();
  WriteRecord(core::Outcome::abandoned);
  Save();
  Post("session-started");
  Drain();
  return true;
}

bool Model::StopForPain() {
  if (screen_ != Screen::session || !session_ || !session_->stop()) return false;
  Drain();
  Say("stop.question", triage().stop_question);
  EndSession(core::Outcome::stopped_pain);
  return true;
}

bool Model::Finish() {
  if (screen_ != Screen::finish) return false;
  core::SessionRecord* current = Current();
  if (!current) return false;
  core::SessionRecord& r = *current;
  r.after = after_;
  r.hurt = hurt_;
  core::RangeInputs in;
  in.completed = r.outcome == core::Outcome::completed;
  in.hurt = hurt_;
  // While the trend rule asks for a clinician, the range does not grow.
  in.review = (outcome_ && outcome_->level == core::Tier::review) || trend().review();
  in.soft_mattress = doc_.settings.soft_mattress;
  in.prescription_cap = routine_.range_cap;
  doc_.range = core::next_range(doc_.range, in);
  // Months of history start with the first finished session: on this tap (the
  // only moment a browser that asks the person will show its question), the
  // browser is asked once to keep storage.
  if (in.completed && config_.keep_history && !read_only_ && config_.caps.storage && persisted_ != true &&
      !doc_.persist_day) {
    outbox_.persist = true;
    doc_.persist_day = today_;
  }
  Save();
  session_.reset();
  outcome_.reset();
  screen_ = Screen::home;
  return true;
}

}  // namespace unfurl::model
