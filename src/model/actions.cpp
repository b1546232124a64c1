// Every action a control can take, in one table, and Act(), the one way in.
#include "model/model.h"

#include <algorithm>
#include <cmath>

#include "model/parts.h"

namespace unfurl::model {

namespace {
namespace json = core::json;
using Arg = json::Value;  // an action's argument, parsed (parse_arg)

// An action's argument when it names something ("intro", "csv"): "" when it is not a string.
std::string string_arg(const Arg& a) { return json::string(&a).value_or(""); }

std::optional<int> rating_arg(const Arg& a) {
  std::optional<double> v = json::number(&a);
  if (!v) v = json::number(json::member(a, "value"));
  if (!v || *v < 0 || *v > 10 || *v != std::floor(*v)) return std::nullopt;
  return static_cast<int>(*v);
}

// A screen whose answer counts only once its whole list has been seen.
bool has_list(Screen s) { return s == Screen::check || s == Screen::screening || s == Screen::pattern; }
}  // namespace

core::json::Document parse_arg(std::string_view arg) {
  if (arg.empty()) return {};
  if (std::optional<json::Document> d = json::parse(arg)) return std::move(*d);
  // A bare word is as good as a JSON string: act('open', 'history').
  json::Document word;
  word.SetString(arg.data(), static_cast<rapidjson::SizeType>(arg.size()), word.GetAllocator());
  return word;
}

bool Model::Open(std::string_view where) {
  // Leaving a running session goes through Stop or End, never a side door.
  if (view_.screen == Screen::session && run_.session && !run_.session->finished()) return false;
  static const Screen targets[] = {Screen::home, Screen::history, Screen::settings, Screen::about};
  for (Screen s : targets) {
    if (screen_name(s) != where) continue;
    if (view_.screen == Screen::finish && !run_.record_saved) return false;
    if (view_.screen == Screen::finish) Finish();
    view_.screen = s;
    if (s == Screen::home) { run_.session.reset(); check_.outcome.reset(); check_.stop_answer.reset(); check_.remembered = false; questions_.pattern_result.reset(); }
    return true;
  }
  return false;
}

// Whether an action silences the voice. Only the person cuts the voice off
// (docs/clinical.md): pausing, stopping, skipping, going back or leaving
// silences what was being said, and what was about to be said for the old
// step is dropped with it. Ticking a question is not leaving: an answer
// hushes only when it leads off the list of questions.
enum class Hush { no, yes, on_leaving_a_list };

// Every action, once: its name (docs/automation.md), when it is allowed, whether it hushes the
// voice, and what it does.
struct Model::Action {
  std::string_view name;
  bool (*allowed)(const Model& m);  // when it may run at all; the action itself refuses what its argument rules out
  Hush hush;
  bool (*run)(Model& m, const Arg& a, std::string_view arg);
};

namespace {
// When an action is allowed, as docs/automation.md's table says. "Always"
// actions check their own screen, because what they may do depends on it.
bool Always(const Model&) { return true; }
bool Running(const Model& m) { return m.screen() == Screen::session && m.session(); }
bool Paused(const Model& m) { return Running(m) && m.session()->paused(); }
bool Rating(const Model& m) { return m.screen() == Screen::rating_before || m.screen() == Screen::finish; }
bool BeforeRating(const Model& m) { return m.screen() == Screen::rating_before; }
bool InSettings(const Model& m) { return m.screen() == Screen::settings; }
bool WithList(const Model& m) { return has_list(m.screen()); }
bool Exporting(const Model& m) { return m.screen() == Screen::history || m.screen() == Screen::settings; }
bool Sharing(const Model& m) { return m.screen() == Screen::history && m.config().can_share; }
// Backups are saved and restored from Home, History and Settings, never in the middle of a session.
bool Backing(const Model& m) {
  return m.screen() == Screen::home || m.screen() == Screen::history || m.screen() == Screen::settings;
}
// The emergency result, with a number to call.
bool Calling(const Model& m) {
  return m.screen() == Screen::check_result && m.outcome() && m.outcome()->level == core::Tier::emergency &&
         m.emergency().known();
}
bool UpdateWaiting(const Model& m) { return m.update_ready() && m.screen() == Screen::home && !m.session(); }
}  // namespace

const std::vector<Model::Action>& Model::Actions() {
  static const std::vector<Action> table = {
      {"start", Always, Hush::no, [](Model& m, const Arg&, std::string_view) { return m.Start(); }},
      {"answer", Always, Hush::on_leaving_a_list, [](Model& m, const Arg&, std::string_view arg) { return m.Answer(arg); }},
      {"continue", Always, Hush::no, [](Model& m, const Arg&, std::string_view) { return m.Continue(); }},
      {"rate", Rating, Hush::no, [](Model& m, const Arg& a, std::string_view) {
         const std::optional<int> v = rating_arg(a);
         if (!v) return false;
         if (m.view_.screen != Screen::finish) {
           m.run_.before = v;
           return m.BeginSession();
         }
         m.run_.after = v;
         return true;
       }},
      {"skip", BeforeRating, Hush::no, [](Model& m, const Arg&, std::string_view) { return m.BeginSession(); }},
      {"pause", Running, Hush::yes, [](Model& m, const Arg&, std::string_view) { return m.run_.session->pause(); }},
      {"resume", Running, Hush::yes, [](Model& m, const Arg&, std::string_view) {
         const bool ok = m.run_.session->resume();
         if (ok) m.run_.auto_paused = false;
         return ok;
       }},
      {"toggle", Running, Hush::yes, [](Model& m, const Arg&, std::string_view) {
         const bool ok = m.run_.session->paused() ? m.run_.session->resume() : m.run_.session->pause();
         if (ok) m.run_.auto_paused = false;
         return ok;
       }},
      {"next", Running, Hush::yes, [](Model& m, const Arg&, std::string_view) { return m.run_.session->next(); }},
      {"back", Running, Hush::yes, [](Model& m, const Arg&, std::string_view) { return m.run_.session->back(); }},
      {"stop-pain", Running, Hush::yes, [](Model& m, const Arg&, std::string_view) { return m.StopForPain(); }},
      // Never mid-session: a new version takes over only from Home, when asked.
      {"restart", UpdateWaiting, Hush::no, [](Model& m, const Arg&, std::string_view) {
         m.outbox_.restart = true;
         return true;
       }},
      // Leaving without pain: only from pause, so a stray tap cannot end a session.
      {"end", Paused, Hush::yes, [](Model& m, const Arg&, std::string_view) {
         if (!m.run_.session->stop()) return false;
         m.run_.session->take_cues();
         m.EndSession(core::Outcome::abandoned);
         m.run_.session.reset();
         m.view_.screen = Screen::home;
         return true;
       }},
      // The phone's dialler, with the number: the person still presses call there.
      {"call", Calling, Hush::yes, [](Model& m, const Arg&, std::string_view) {
         m.outbox_.dial = m.page_.emergency.numbers[0];
         return true;
       }},
      {"finish", Always, Hush::no, [](Model& m, const Arg&, std::string_view) { return m.Finish(); }},
      {"open", Always, Hush::yes, [](Model& m, const Arg& a, std::string_view) { return m.Open(string_arg(a)); }},
      {"home", Always, Hush::yes, [](Model& m, const Arg&, std::string_view) { return m.Open("home"); }},
      {"set", Always, Hush::no, [](Model& m, const Arg&, std::string_view arg) { return m.Set(arg); }},
      {"reset-view", Always, Hush::no, [](Model& m, const Arg&, std::string_view) {
         ++m.view_.camera_resets;
         return true;
       }},
      {"ack", Always, Hush::no, [](Model& m, const Arg& a, std::string_view) {
         const std::string what = string_arg(a);
         bool ok = false;
         if (what == "intro") { ok = !m.store_.doc.intro_ack; m.store_.doc.intro_ack = true; }
         else if (what == "trend") { ok = m.review_banner(); m.store_.doc.trend_ack_day = m.clock_.today; }
         else if (what == "backup") { ok = m.backup_offered(); m.store_.doc.backup_offer_day = m.clock_.today; }
         else if (what == "install") { ok = m.install_hint(); m.store_.doc.install_ack = true; }
         if (ok) m.Save();
         return ok;
       }},
      {"withdraw", Always, Hush::yes, [](Model& m, const Arg&, std::string_view) { return m.Withdraw(); }},
      {"cleared", Always, Hush::yes, [](Model& m, const Arg&, std::string_view) { return m.Cleared(); }},
      {"screening", InSettings, Hush::no, [](Model& m, const Arg&, std::string_view) {
         m.OpenScreening(Screen::settings);
         return true;
       }},
      {"pattern", Always, Hush::no, [](Model& m, const Arg& a, std::string_view) { return m.Pattern(string_arg(a)); }},
      // The screen reports whether its list has been on screen to its end; once seen, it stays seen.
      {"list-seen", WithList, Hush::no, [](Model& m, const Arg& a, std::string_view) {
         const std::optional<bool> seen = json::boolean(&a);
         if (!seen || m.view_.list == ListSeen::seen) return false;
         const ListSeen now = *seen ? ListSeen::seen : ListSeen::unseen;
         if (m.view_.list == now) return false;
         m.view_.list = now;
         return true;
       }},
      {"reveal", Always, Hush::no, [](Model& m, const Arg& a, std::string_view) {
         const std::string what = string_arg(a);
         if (what.empty()) return false;
         m.view_.reveal = what;
         ++m.view_.reveal_serial;
         return true;
       }},
      {"export", Exporting, Hush::no, [](Model& m, const Arg& a, std::string_view) { return m.Export(string_arg(a)); }},
      // Where the browser has a share sheet: the same files, handed to whoever the person picks there.
      {"share", Sharing, Hush::no, [](Model& m, const Arg& a, std::string_view) {
         const std::string what = string_arg(a);
         const bool ok = (what == "csv" || what == "report") && m.Export(what);
         if (ok) m.outbox_.share = true;
         return ok;
       }},
      {"backup", Backing, Hush::no, [](Model& m, const Arg&, std::string_view) { return m.Backup(); }},
      // The file's text, as the file input or window.unfurl.act hands it over.
      {"restore", Backing, Hush::no, [](Model& m, const Arg& a, std::string_view) {
         return a.IsString() && m.Restore(json::view(a));
       }},
      {"delete-data", Always, Hush::no, [](Model& m, const Arg& a, std::string_view) { return m.DeleteData(string_arg(a)); }},
  };
  return table;
}

std::vector<std::string_view> Model::ActionNames() {
  std::vector<std::string_view> out;
  for (const Action& a : Actions()) out.push_back(a.name);
  return out;
}

bool Model::Act(std::string_view name, std::string_view arg) {
  const std::vector<Action>& actions = Actions();
  const auto action = std::find_if(actions.begin(), actions.end(), [&](const Action& x) { return x.name == name; });
  if (action == actions.end() || !action->allowed(*this)) return false;
  const json::Document a = parse_arg(arg);
  const Screen screen_before = view_.screen;
  const size_t queued = outbox_.cues.size();  // cues from before this action
  const bool ok = action->run(*this, a, arg);
  const bool on_a_list = view_.screen == Screen::check || view_.screen == Screen::finish ||
                         view_.screen == Screen::screening || view_.screen == Screen::pattern;
  if (ok && (action->hush == Hush::yes || (action->hush == Hush::on_leaving_a_list && !on_a_list))) {
    outbox_.hush = true;
    auto old_end = outbox_.cues.begin() + static_cast<long>(queued);
    outbox_.cues.erase(std::remove_if(outbox_.cues.begin(), old_end,
                                      [](const Outbox::CueOut& c) { return c.cue.kind == core::CueKind::speak; }),
                       old_end);
  }
  Drain();
  if (view_.screen != screen_before) {
    view_.list = ListSeen::unknown;  // a new screen's list is yet to be seen
    view_.reveal.clear();
    store_.restored.reset();  // what a restore did is said where it was done
  }
  if (ok) ++version_;
  return ok;
}

}  // namespace unfurl::model
