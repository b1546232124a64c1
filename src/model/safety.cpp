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
  if (view_.screen == Screen::check) {
    if (a.IsString() && id == "none") {
      if (!check_.answers.empty()) return false;  // "None" while flags are ticked is a contradiction
      if (view_.list == ListSeen::unseen) return false;  // not before every sign has been on screen
      return Continue();
    }
    return triage().find(id) && tick(check_.answers);
  }
  if (view_.screen == Screen::screening || view_.screen == Screen::pattern) {
    if (view_.screen == Screen::screening) return AnswerScreening(id, value);
    // The nine questions after the gate; the gate itself is its own yes or no.
    if (pattern_step() != PatternStep::questions || id == core::kPatternGate ||
        std::find(std::begin(core::kPatternQuestions), std::end(core::kPatternQuestions), id) ==
            std::end(core::kPatternQuestions))
      return false;
    return tick(questions_.pattern_answers);
  }
  if (view_.screen == Screen::session && run_.session && run_.session->phase() == Phase::stopped && !check_.stop_answer) {
    if (!a.IsString()) return false;
    auto out = core::evaluate_stop(triage(), id);
    if (!out) return false;
    check_.stop_answer = id;
    store_.doc.range = std::clamp(store_.doc.range + out->range_change, core::kRangeMin, core::kRangeMax);
    if (core::SessionRecord* r = Current()) r->pain = id;
    Save();
    if (out->level != core::Tier::none) {
      check_.outcome = core::CheckOutcome{out->level, {}, {}, triage().for_tier(out->level).blocked};
      view_.screen = Screen::check_result;
      SpeakResult();
    } else {
      Say("stop.rest", core::fill(T("text.two_sentences"), {triage().rest_title, triage().rest_action}));
    }
    return true;
  }
  if (view_.screen == Screen::finish) {
    // {"hurt": true|false}
    const std::optional<bool> hurt = json::boolean(json::member(a, "hurt"));
    if (hurt) run_.hurt = hurt;
    return hurt.has_value();
  }
  return false;
}

bool Model::Continue() {
  if (view_.screen == Screen::check) {
    std::vector<std::string> answers(check_.answers.begin(), check_.answers.end());
    check_.outcome = core::evaluate_check(triage(), answers);
    if (check_.outcome->level == core::Tier::none) {
      view_.screen = Screen::rating_before;
      return true;
    }
    view_.screen = Screen::check_result;
    SpeakResult();
    if (check_.outcome->blocked) {
      run_.record_saved = false;
      run_.current_id.clear();
      run_.started_iso.clear();
      run_.session.reset();
      run_.before.reset();
      EndSession(core::Outcome::blocked);
    }
    return true;
  }
  if (view_.screen == Screen::check_result) return Start();
  if (view_.screen == Screen::rating_before) return BeginSession();
  if (view_.screen == Screen::screening) return ContinueScreening();
  if (view_.screen == Screen::pattern) return Pattern("done");
  return false;
}

bool Model::screening_due() const {
  const std::optional<core::Answered>& s = store_.doc.screening;
  if (!s) return true;
  if (!s->yes.empty() && s->cleared.empty()) return true;  // the routine waits for a doctor's word
  return clock_.today - s->day >= kScreeningReaskDays;
}

core::Answered Model::MakeAnswered(std::vector<std::string> yes, std::optional<core::PatternResult> result) const {
  core::Answered a;
  a.asked = core::iso8601(clock_.epoch_ms);
  a.day = clock_.today;
  a.yes = std::move(yes);
  a.result = result;
  return a;
}

// after: where the questions lead once answered (the check before a session, or Settings).
void Model::OpenScreening(Screen after) {
  questions_.after_screening = after;
  questions_.screening_answers.clear();
  questions_.screening_outcome.reset();
  const std::optional<core::Answered>& s = store_.doc.screening;
  // A "yes" not yet cleared by a doctor or physiotherapist: its result again, and the routine still waits.
  if (after == Screen::check && s && !s->yes.empty() && s->cleared.empty() && clock_.today - s->day < kScreeningReaskDays) {
    questions_.screening_answers.insert(s->yes.begin(), s->yes.end());
    questions_.screening_outcome = core::evaluate_history(triage(), s->yes);
  }
  view_.screen = Screen::screening;
  if (questions_.screening_outcome) SpeakResult();
}

bool Model::AnswerScreening(const std::string& id, std::optional<bool> value) {
  if (questions_.screening_outcome) return false;
  if (id == "none") {
    if (!questions_.screening_answers.empty() || view_.list == ListSeen::unseen) return false;
    store_.doc.screening = MakeAnswered({});
    Save();
    return LeaveScreening();
  }
  if (!triage().find_history(id)) return false;
  const bool on = value.value_or(!questions_.screening_answers.count(id));
  if (on) questions_.screening_answers.insert(id); else questions_.screening_answers.erase(id);
  return true;
}

bool Model::ContinueScreening() {
  if (questions_.screening_outcome || questions_.screening_answers.empty()) return false;
  std::vector<std::string> yes(questions_.screening_answers.begin(), questions_.screening_answers.end());
  questions_.screening_outcome = core::evaluate_history(triage(), yes);
  store_.doc.screening = MakeAnswered(questions_.screening_outcome->flags);
  store_.doc.screening->yes.insert(store_.doc.screening->yes.end(), questions_.screening_outcome->also.begin(), questions_.screening_outcome->also.end());
  Save();
  SpeakResult();
  return true;
}

// "A doctor or physiotherapist has checked my back and said these stretches are fine": recorded with its date.
bool Model::Cleared() {
  if (view_.screen != Screen::screening || !questions_.screening_outcome || !store_.doc.screening) return false;
  store_.doc.screening->cleared = core::iso8601(clock_.epoch_ms);
  Save();
  return LeaveScreening();
}

bool Model::LeaveScreening() {
  questions_.screening_outcome.reset();
  questions_.screening_answers.clear();
  view_.screen = questions_.after_screening;
  if (view_.screen == Screen::check) check_.answers.clear();
  return true;
}

Model::PatternStep Model::pattern_step() const {
  if (view_.screen != Screen::pattern) return PatternStep::none;
  if (questions_.pattern_result) return PatternStep::result;
  return questions_.pattern_answers.count(std::string(core::kPatternGate)) ? PatternStep::questions : PatternStep::gate;
}

bool Model::pattern_offered() const {
  return view_.screen == Screen::home && !run_.session && Derived().pattern_due;
}

// The NG65 questions: "open" from Home's offer; the age gate answered "yes"
// (the nine questions follow) or "no" (which ends it); "done" for the result;
// "skip" from anywhere before the result.
bool Model::Pattern(std::string_view step) {
  if (step == "open") {
    if (!pattern_offered()) return false;
    questions_.pattern_answers.clear();
    questions_.pattern_result.reset();
    view_.screen = Screen::pattern;
    return true;
  }
  if (step == "skip") {
    if (!pattern_offered() && !(view_.screen == Screen::pattern && !questions_.pattern_result)) return false;
    store_.doc.pattern = MakeAnswered({}, core::PatternResult::skipped);
    Save();
    view_.screen = Screen::home;
    return true;
  }
  const PatternStep now = pattern_step();
  if (step == "yes" && now == PatternStep::gate) {
    questions_.pattern_answers.insert(std::string(core::kPatternGate));
    view_.list = ListSeen::unknown;  // the nine questions are a new list to be seen
    return true;
  }
  const bool ended_at_gate = step == "no" && now == PatternStep::gate;
  if (!ended_at_gate && !(step == "done" && now == PatternStep::questions && view_.list != ListSeen::unseen)) return false;
  std::vector<std::string> yes;
  for (std::string_view q : core::kPatternQuestions)
    if (questions_.pattern_answers.count(std::string(q))) yes.emplace_back(q);
  questions_.pattern_result = core::evaluate_pattern(yes);
  store_.doc.pattern = MakeAnswered(yes, questions_.pattern_result);
  Save();
  Say("pattern.result", std::string(T("pattern.result." + std::string(core::pattern_result_name(*questions_.pattern_result)))) + " " + T("pattern.not_diagnosis"));
  return true;
}

std::string Model::EmergencyNumberText(bool spoken) const {
  const std::vector<std::string>& n = page_.emergency.numbers;
  if (n.empty()) return {};
  auto say = [spoken](const std::string& digits) { return spoken ? core::spoken_digits(digits) : digits; };
  if (n.size() == 1) return say(n[0]);
  return core::fill(T("triage.emergency.number_or"), std::vector<std::string>{say(n[0]), say(n[1])});
}

std::string Model::AdviceAction(core::Tier tier, bool spoken) const {
  if (tier == core::Tier::emergency && page_.emergency.known())
    return core::fill(T("triage.emergency.action_number"), EmergencyNumberText(spoken));
  return triage().for_tier(tier).action;
}

}  // namespace unfurl::model
