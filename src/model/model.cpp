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

Model::Model() {
  if (lang_.text.load("en")) lang_.at_hand.insert("en");
  Replan();
}

void Model::AddNotice(std::string_view id, std::string_view key, std::string_view arg) {
  Notify(std::string(id), std::string(key), std::string(arg));
  ++version_;
}

void Model::DropNotice(std::string_view id) {
  Unnotify(id);
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
  clock_.epoch_ms = epoch_ms;
  clock_.utc_offset_min = utc_offset_min;
  clock_.today = static_cast<int>(std::floor((epoch_ms / 1000.0 + utc_offset_min * 60.0) / core::kSecondsPerDay));
}

void Model::Drain() {
  if (!run_.session) return;
  for (core::Cue& c : run_.session->take_cues()) {
    if (!run_.visible) continue;  // nobody hears a hidden page; "Paused" is said on return
    outbox_.cues.push_back({std::move(c), page_.config.lang});
  }
}

void Model::Update(double dt_s) {
  if (!run_.session || view_.screen != Screen::session) return;
  run_.session->advance(std::min(dt_s * page_.config.timescale, std::max(kMaxStep_s, kMaxTestStep_real_s * page_.config.timescale)));
  Drain();
  // For screen readers, the time left in a hold or a rest, written to a live
  // region every ten seconds and at five — not every second, which would
  // drown the voice's own words.
  const core::Phase ph = run_.session->phase();
  if ((ph == core::Phase::hold || ph == core::Phase::rest) && !run_.session->paused() && run_.visible) {
    const int left = static_cast<int>(std::ceil(run_.session->phase_remaining_s()));
    if (left != run_.last_left && left > 0 && (left % 10 == 0 || left == 5))
      outbox_.announce.push_back(core::fill(T("session.seconds_left"), std::to_string(left)));
    run_.last_left = left;
  }
  if (run_.session->phase() == Phase::done && !run_.record_saved) {
    EndSession(core::Outcome::completed);
    view_.screen = Screen::finish;
  }
}

void Model::SetVisible(bool visible) {
  if (visible == run_.visible) return;
  run_.visible = visible;
  if (!run_.session || run_.session->finished() || view_.screen != Screen::session) return;
  if (!visible && !run_.session->paused()) {
    run_.session->pause();
    run_.session->take_cues();
    run_.auto_paused = true;
  } else if (visible && run_.auto_paused && run_.session->paused()) {
    outbox_.cues.push_back({{core::CueKind::speak, "paused", T("cue.paused_return")}, page_.config.lang});
  }
}

void Model::SetVoiceBusy(bool busy) {
  run_.voice_busy = busy;
  if (run_.session) run_.session->set_voice_busy(busy);
}

void Model::Say(const std::string& key, const std::string& text) {
  outbox_.cues.push_back({{core::CueKind::speak, key, text}, page_.config.lang});
}

// Results are spoken as well as shown, plainly: someone may have their eyes closed.
void Model::SpeakResult() {
  if (view_.screen == Screen::screening && questions_.screening_outcome) {
    std::string text = T("screening." + std::string(core::tier_name(questions_.screening_outcome->level)) + ".title");
    text += ".";
    for (const std::string& id : questions_.screening_outcome->flags)
      if (const core::RedFlag* f = triage().find_history(id); f && text.find(f->action) == std::string::npos)
        text += " " + f->action;
    Say("screening.result", text + " " + T("screening.wait"));
    return;
  }
  const core::TierAdvice& a = triage().for_tier(check_.outcome->level);
  std::string text = core::fill(T("text.two_sentences"), {a.title, AdviceAction(check_.outcome->level, true)});
  for (const std::string& id : check_.outcome->flags)
    if (const core::RedFlag* f = triage().find(id); f && !f->action.empty()) text += " " + f->action;
  Say("result." + std::string(core::tier_name(check_.outcome->level)), text);
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
