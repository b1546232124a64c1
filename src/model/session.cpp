// A session from its start to its end: the standing block, the rating, the
// running session, stopping for pain and Finish.
#include "model/model.h"

#include <algorithm>
#include <cmath>

#include "core/history/calendar.h"
#include "core/routine/progression.h"

namespace unfurl::model {

double Model::range_now() const {
  if (run_.session && !run_.session->finished()) return run_.session->range();
  return std::clamp(store_.doc.range, core::kRangeMin,
                    core::range_cap(store_.doc.settings.soft_mattress, plan_.routine.range_cap));
}

bool Model::wants_wake_lock() const {
  return view_.screen == Screen::session && run_.session && !run_.session->finished();
}

void Model::EndSession(core::Outcome outcome) {
  if (run_.record_saved) return;
  run_.record_saved = true;
  WriteRecord(outcome);

  switch (outcome) {
    case core::Outcome::completed:
      Post("session-completed", {{"duration_s", std::lround(run_.session->elapsed_s())},
                                 {"exercises_done", run_.session->exercises_done().size()}});
      break;
    case core::Outcome::stopped_pain: Post("session-stopped"); break;
    case core::Outcome::blocked: Post("check-blocked"); break;
    case core::Outcome::abandoned: break;
  }
  Save();
}

bool Model::Start() {
  switch (view_.screen) {
    case Screen::home:
      if (!store_.doc.intro_ack) { store_.doc.intro_ack = true; Save(); }
      check_.answers.clear();
      check_.outcome.reset();
      check_.stop_answer.reset();
      if (ShowStandingBlock()) return true;
      if (screening_due()) { OpenScreening(Screen::check); return true; }
      view_.screen = Screen::check;
      return true;
    case Screen::check_result:
      if (!check_.outcome || check_.outcome->blocked) return false;
      view_.screen = Screen::rating_before;
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
  const core::SessionRecord* b = core::standing_block(store_.doc.sessions, clock_.today);
  if (!b) return false;
  core::CheckOutcome o;
  if (!b->pain.empty() && b->outcome != core::Outcome::blocked) {
    const auto stop = core::evaluate_stop(triage(), b->pain);
    o.level = stop && stop->level != core::Tier::none ? stop->level : core::Tier::clinician;
    check_.stop_answer = b->pain;
  } else {
    o.level = b->check_level;
    for (const std::string& id : b->check_flags)
      if (const core::RedFlag* f = triage().find(id)) (f->tier == o.level ? o.flags : o.also).push_back(id);
  }
  o.blocked = true;
  check_.outcome = std::move(o);
  check_.remembered = true;
  view_.screen = Screen::check_result;
  SpeakResult();
  return true;
}

bool Model::Withdraw() {
  if (view_.screen != Screen::check_result || !check_.remembered) return false;
  // Every block of today is withdrawn, and the history keeps when.
  for (core::SessionRecord& r : store_.doc.sessions)
    if (r.day == clock_.today && r.withdrawn.empty() && core::is_block(r)) r.withdrawn = core::iso8601(clock_.epoch_ms);
  Save();
  check_.remembered = false;
  check_.answers.clear();
  check_.outcome.reset();
  check_.stop_answer.reset();
  view_.screen = Screen::check;
  return true;
}

bool Model::BeginSession() {
  if (view_.screen != Screen::rating_before || !check_.outcome || check_.outcome->blocked) return false;
  run_.session.emplace(plan_.routine,
                   std::clamp(store_.doc.range, core::kRangeMin, core::range_cap(store_.doc.settings.soft_mattress, plan_.routine.range_cap)),
                   core::VoicePlan{store_.doc.settings.voice_rate, &lang_.text});
  run_.session->set_voice_busy(run_.voice_busy);
  view_.screen = Screen::session;
  check_.stop_answer.reset();
  run_.after.reset();
  run_.hurt.reset();
  run_.auto_paused = false;
  run_.record_saved = false;
  run_.started_iso = core::iso8601(clock_.epoch_ms);
  // Saved as abandoned from the first second: a crash or a closed tab loses
  // nothing but the end of this session, and the record says so.
  run_.current_id.clear();
  WriteRecord(core::Outcome::abandoned);
  Save();
  Post("session-started");
  Drain();
  return true;
}

bool Model::StopForPain() {
  if (view_.screen != Screen::session || !run_.session || !run_.session->stop()) return false;
  Drain();
  Say("stop.question", triage().stop_question);
  EndSession(core::Outcome::stopped_pain);
  return true;
}

bool Model::Finish() {
  if (view_.screen != Screen::finish) return false;
  core::SessionRecord* current = Current();
  if (!current) return false;
  core::SessionRecord& r = *current;
  r.after = run_.after;
  r.hurt = run_.hurt;
  core::RangeInputs in;
  in.completed = r.outcome == core::Outcome::completed;
  in.hurt = run_.hurt;
  // While the trend rule asks for a clinician, the range does not grow.
  in.review = (check_.outcome && check_.outcome->level == core::Tier::review) || trend().review();
  in.soft_mattress = store_.doc.settings.soft_mattress;
  in.prescription_cap = plan_.routine.range_cap;
  store_.doc.range = core::next_range(store_.doc.range, in);
  // Months of history start with the first finished session: on this tap (the
  // only moment a browser that asks the person will show its question), the
  // browser is asked once to keep storage.
  if (in.completed && page_.config.keep_history && !store_.read_only && page_.config.caps.storage && store_.persisted != true &&
      !store_.doc.persist_day) {
    outbox_.persist = true;
    store_.doc.persist_day = clock_.today;
  }
  Save();
  run_.session.reset();
  check_.outcome.reset();
  view_.screen = Screen::home;
  return true;
}

}  // namespace unfurl::model
