// The safety check, the one-time history questions and the inflammatory-pattern
// questions (docs/clinical.md): answers, results and what each leads to.
#include "model/model.h"

#include <algorithm>

#include "core/history/calendar.h"
#include "core/routine/progression.h"
#include "model/parts.h"

namespace unfurl::model {

namespace {
namespace json = core::json;
using core::Phase;

// The one-time history questions are asked again after about six months (docs/clinical.md).
constexpr int kScreeningReaskDays = 183;
}  // namespace

bool Model::Answer(std::string_view arg) {
  const json::Document a = parse_arg(arg);
  // A question on the check, the history or the pattern screen: its id (which
  // toggles it) or {id, value}.
  std::string id;
  std::optional<bool> value;
  if (a.IsString()) id = json::view(a);
  else if (std::optional<std::string> named = json::string(json::member(a, "id"))) {
    id = std::move(*named);
    value = json::boolean(json::member(a, "value"));
  }
  auto tick = [&](std::set<std::string>& ticked) {
    if (value.value_or(!ticked.count(id))) ticked.insert(id); else ticked.erase(id);
    return true;
  };
  if (screen_ == Screen::check) {
    if (a.IsString() && id == "none") {
      if (!answers_.empty()) return false;  // "None" while flags are ticked is a contradiction
      if (list_ == ListSeen::unseen) return false;  // not before every sign has been on screen
      return Continue();
    }
    return triage().find(id) && tick(answers_);
  }
  if (screen_ == Screen::screening || screen_ == Screen::pattern) {
    if (screen_ == Screen::screening) return AnswerScreening(id, value);
    // The nine questions after the gate; the gate itself is its own yes or no.
    if (pattern_step() != PatternStep::questions || id == core::kPatternGate ||
        std::find(std::begin(core::kPatternQuestions), std::end(core::kPatternQuestions), id) ==
            std::end(core::kPatternQuestions))
      return false;
    return tick(pattern_answers_);
  }
  if (screen_ == Screen::session && session_ && session_->phase() == Phase::stopped && !stop_answer_) {
    if (!a.IsString()) return false;
    auto out = core::evaluate_stop(triage(), id);
    if (!out) return false;
    stop_answer_ = id;
    doc_.range = std::clamp(doc_.range + out->range_change, core::kRangeMin, core::kRangeMax);
    if (core::SessionRecord* r = Current()) r->pain = id;
    Save();
    if (out->level != core::Tier::none) {
      outcome_ = core::CheckOutcome{out->level, {}, {}, triage().for_tier(out->level).blocked};
      screen_ = Screen::check_result;
      SpeakResult();
    } else {
      Say("stop.rest", core::fill(T("text.two_sentences"), {triage().rest_title, triage().rest_action}));
    }
    return true;
  }
  if (screen_ == Screen::finish) {
    // {"hurt": true|false}
    const std::optional<bool> hurt = json::boolean(json::member(a, "hurt"));
    if (hurt) hurt_ = hurt;
    return hurt.has_value();
  }
  return false;
}

bool Model::Continue() {
  if (screen_ == Screen::check) {
    std::vector<std::string> answers(answers_.begin(), answers_.end());
    outcome_ = core::evaluate_check(triage(), answers);
    if (outcome_->level == core::Tier::none) {
      screen_ = Screen::rating_before;
      return true;
    }
    screen_ = Screen::check_result;
    SpeakResult();
    if (outcome_->blocked) {
      record_saved_ = false;
      current_id_.clear();
      started_iso_.clear();
      session_.reset();
      before_.reset();
      EndSession(core::Outcome::blocked);
    }
    return true;
  }
  if (screen_ == Screen::check_result) return Start();
  if (screen_ == Screen::rating_before) return BeginSession();
  if (screen_ == Screen::screening) return ContinueScreening();
  if (screen_ == Screen::pattern) return Pattern("done");
  return false;
}

bool Model::screening_due() const {
  const std::optional<core::Answered>& s = doc_.screening;
  if (!s) return true;
  if (!s->yes.empty() && s->cleared.empty()) return true;  // the routine waits for a doctor's word
  return today_ - s->day >= kScreeningReaskDays;
}

core::Answered Model::MakeAnswered(std::vector<std::string> yes, std::string result) const {
  core::Answered a;
  a.asked = core::iso8601(epoch_ms_);
  a.day = today_;
  a.yes = std::move(yes);
  a.result = std::move(result);
  return a;
}

// after: where the questions lead once answered (the check before a session, or Settings).
void Model::OpenScreening(Screen after) {
  after_screening_ = after;
  screening_answers_.clear();
  screening_outcome_.reset();
  const std::optional<core::Answered>& s = doc_.screening;
  // A "yes" not yet cleared by a doctor or physiotherapist: its result again, and the routine still waits.
  if (after == Screen::check && s && !s->yes.empty() && s->cleared.empty() && today_ - s->day < kScreeningReaskDays) {
    screening_answers_.insert(s->yes.begin(), s->yes.end());
    screening_outcome_ = core::evaluate_history(triage(), s->yes);
  }
  screen_ = Screen::screening;
  if (screening_outcome_) SpeakResult();
}

bool Model::AnswerScreening(const std::string& id, std::optional<bool> value) {
  if (screening_outcome_) return false;
  if (id == "none") {
    if (!screening_answers_.empty() || list_ == ListSeen::unseen) return false;
    doc_.screening = MakeAnswered({});
    Save();
    return LeaveScreening();
  }
  if (!triage().find_history(id)) return false;
  const bool on = value.value_or(!screening_answers_.count(id));
  if (on) screening_answers_.insert(id); else screening_answers_.erase(id);
  return true;
}

bool Model::ContinueScreening() {
  if (screening_outcome_ || screening_answers_.empty()) return false;
  std::vector<std::string> yes(screening_answers_.begin(), screening_answers_.end());
  screening_outcome_ = core::evaluate_history(triage(), yes);
  doc_.screening = MakeAnswered(screening_outcome_->flags);
  doc_.screening->yes.insert(doc_.screening->yes.end(), screening_outcome_->also.begin(), screening_outcome_->also.end());
  Save();
  SpeakResult();
  return true;
}

// "A doctor or physiotherapist has checked my back and said these stretches are fine": recorded with its date.
bool Model::Cleared() {
  if (screen_ != Screen::screening || !screening_outcome_ || !doc_.screening) return false;
  doc_.screening->cleared = core::iso8601(epoch_ms_);
  Save();
  return LeaveScreening();
}

bool Model::LeaveScreening() {
  screening_outcome_.reset();
  screening_answers_.clear();
  screen_ = after_screening_;
  if (screen_ == Screen::check) answers_.clear();
  return true;
}

Model::PatternStep Model::pattern_step() const {
  if (screen_ != Screen::pattern) return PatternStep::none;
  if (pattern_result_) return PatternStep::result;
  return pattern_answers_.count(std::string(core::kPatternGate)) ? PatternStep::questions : PatternStep::gate;
}

bool Model::pattern_offered() const {
  return screen_ == Screen::home && !session_ && Derived().pattern_due;
}

// The NG65 questions: "open" from Home's offer; the age gate answered "yes"
// (the nine questions follow) or "no" (which ends it); "done" for the result;
// "skip" from anywhere before the result.
bool Model::Pattern(std::string_view step) {
  if (step == "open") {
    if (!pattern_offered()) return false;
    pattern_answers_.clear();
    pattern_result_.reset();
    screen_ = Screen::pattern;
    return true;
  }
  if (step == "skip") {
    if (!pattern_offered() && !(screen_ == Screen::pattern && !pattern_result_)) return false;
    doc_.pattern = MakeAnswered({}, "skipped");
    Save();
    screen_ = Screen::home;
    return true;
  }
  const PatternStep now = pattern_step();
  if (step == "yes" && now == PatternStep::gate) {
    pattern_answers_.insert(std::string(core::kPatternGate));
    list_ = ListSeen::unknown;  // the nine questions are a new list to be seen
    return true;
  }
  const bool ended_at_gate = step == "no" && now == PatternStep::gate;
  if (!ended_at_gate && !(step == "done" && now == PatternStep::questions && list_ != ListSeen::unseen)) return false;
  std::vector<std::string> yes;
  for (std::string_view q : core::kPatternQuestions)
    if (pattern_answers_.count(std::string(q))) yes.emplace_back(q);
  pattern_result_ = core::evaluate_pattern(yes);
  doc_.pattern = MakeAnswered(yes, std::string(core::pattern_result_name(*pattern_result_)));
  Save();
  Say("pattern.result", std::string(T("pattern.result." + doc_.pattern->result)) + " " + T("pattern.not_diagnosis"));
  return true;
}

std::string Model::EmergencyNumberText(bool spoken) const {
  const std::vector<std::string>& n = emergency_.numbers;
  if (n.empty()) return {};
  auto say = [spoken](const std::string& digits) { return spoken ? core::spoken_digits(digits) : digits; };
  if (n.size() == 1) return say(n[0]);
  return core::fill(T("triage.emergency.number_or"), std::vector<std::string>{say(n[0]), say(n[1])});
}

std::string Model::AdviceAction(core::Tier tier, bool spoken) const {
  if (tier == core::Tier::emergency && emergency_.known())
    return core::fill(T("triage.emergency.action_number"), EmergencyNumberText(spoken));
  return triage().for_tier(tier).action;
}

}  // namespace unfurl::model
