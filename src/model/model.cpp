// The model's life: its clock and session tick, visibility, the voice, notices and the outbox
// the shell drains after each frame.
#include "model/model.h"

#include <algorithm>
#include <cmath>

#include "core/history/calendar.h"
#include "core/json.h"

namespace unfurl::model {

namespace {
using core::Phase;
// A frame moves the routine by the time since the last one, so a phone that
// draws slowly still holds for true seconds; but never by more than a second
// (a page the browser froze comes back where it was, and no countdown second
// is stepped over) or, at a test's speed, a tenth of a real second (so every
// phase still gets frames).
constexpr double kMaxStep_s = 1, kMaxTestStep_real_s = 0.1;
}  // namespace

Model::Model() : base_routine_(core::default_routine()), routine_(base_routine_), triage_(core::default_triage()) {
  if (text_.load("en")) at_hand_.insert("en");
  Replan();
}

void Model::AddNotice(std::string_view id, std::string_view key, std::string_view arg) {
  Notify(std::string(id), std::string(key), std::string(arg));
  ++version_;
}

void Model::Unnotify(std::string_view id) {
  std::erase_if(notices_, [&](const Notice& n) { return n.id == id; });
}

void Model::Notify(std::string id, std::string key, std::string arg) {
  for (const Notice& n : notices_)
    if (n.id == id) return;
  std::string text = core::fill(T(key), arg);
  notices_.push_back({std::move(id), std::move(key), std::move(arg), std::move(text)});
}

void Model::SetClock(double epoch_ms, int utc_offset_min) {
  epoch_ms_ = epoch_ms;
  utc_offset_min_ = utc_offset_min;
  today_ = static_cast<int>(std::floor((epoch_ms / 1000.0 + utc_offset_min * 60.0) / core::kSecondsPerDay));
}

void Model::Drain() {
  if (!session_) return;
  for (core::Cue& c : session_->take_cues()) {
    if (!visible_) continue;  // nobody hears a hidden page; "Paused" is said on return
    outbox_.cues.push_back({std::move(c), config_.lang});
  }
}

void Model::Update(double dt_s) {
  if (!session_ || screen_ != Screen::session) return;
  session_->advance(std::min(dt_s * config_.timescale, std::max(kMaxStep_s, kMaxTestStep_real_s * config_.timescale)));
  Drain();
  // For screen readers, the time left in a hold or a rest, written to a live
  // region every ten seconds and at five — not every second, which would
  // drown the voice's own words.
  const core::Phase ph = session_->phase();
  if ((ph == core::Phase::hold || ph == core::Phase::rest) && !session_->paused() && visible_) {
    const int left = static_cast<int>(std::ceil(session_->phase_remaining_s()));
    if (left != last_left_ && left > 0 && (left % 10 == 0 || left == 5))
      outbox_.announce.push_back(core::fill(T("session.seconds_left"), std::to_string(left)));
    last_left_ = left;
  }
  if (session_->phase() == Phase::done && !record_saved_) {
    EndSession(core::Outcome::completed);
    screen_ = Screen::finish;
  }
}

void Model::SetVisible(bool visible) {
  if (visible == visible_) return;
  visible_ = visible;
  if (!session_ || session_->finished() || screen_ != Screen::session) return;
  if (!visible && !session_->paused()) {
    session_->pause();
    session_->take_cues();
    auto_paused_ = true;
  } else if (visible && auto_paused_ && session_->paused()) {
    outbox_.cues.push_back({{core::CueKind::speak, "paused", T("cue.paused_return")}, config_.lang});
  }
}

void Model::SetVoiceBusy(bool busy) {
  voice_busy_ = busy;
  if (session_) session_->set_voice_busy(busy);
}

void Model::Say(const std::string& key, const std::string& text) {
  outbox_.cues.push_back({{core::CueKind::speak, key, text}, config_.lang});
}

// Results are spoken as well as shown, plainly: someone may have their eyes closed.
void Model::SpeakResult() {
  if (screen_ == Screen::screening && screening_outcome_) {
    std::string text = T("screening." + std::string(core::tier_name(screening_outcome_->level)) + ".title");
    text += ".";
    for (const std::string& id : screening_outcome_->flags)
      if (const core::RedFlag* f = triage().find_history(id); f && text.find(f->action) == std::string::npos)
        text += " " + f->action;
    Say("screening.result", text + " " + T("screening.wait"));
    return;
  }
  const core::TierAdvice& a = triage().for_tier(outcome_->level);
  std::string text = core::fill(T("text.two_sentences"), {a.title, AdviceAction(outcome_->level, true)});
  for (const std::string& id : outcome_->flags)
    if (const core::RedFlag* f = triage().find(id); f && !f->action.empty()) text += " " + f->action;
  Say("result." + std::string(core::tier_name(outcome_->level)), text);
}

void Model::Post(const std::string& type, std::initializer_list<std::pair<std::string_view, long long>> numbers) {
  core::json::Writer e;
  e.begin_object().field("type", "unfurl:" + type);
  for (const auto& [key, n] : numbers) e.field(key, n);
  outbox_.events.push_back(e.end_object().text());
}

Outbox Model::TakeOutbox() {
  Outbox out;
  std::swap(out, outbox_);
  return out;
}

}  // namespace unfurl::model
