// The app's state and every action a control can take, with no GL, ImGui or
// browser in sight: the ImGui screens, window.unfurl.act() and the accessible
// DOM mirror all call Act(), so they cannot disagree, and the whole flow runs
// natively under GoogleTest.
#pragma once
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/history/backup.h"
#include "core/history/history.h"
#include "core/routine/routine.h"
#include "core/routine/session.h"
#include "core/text/text.h"
#include "core/triage/emergency.h"
#include "core/triage/triage.h"
#include "core/triage/pattern.h"
#include "core/triage/trend.h"

namespace unfurl::model {

enum class Screen { home, check, check_result, rating_before, session, finish, history, settings, screening, pattern, about };
std::string_view screen_name(Screen s);

// The page configuration (URL query), already split into strings by the shell.
struct PageConfig {
  std::string lang = "en", clinic, theme;
  std::string lang_asked;                  // lang= from the query, when it names a language Unfurl has
  std::vector<std::string> browser_langs;  // navigator.languages, set by the shell
  std::vector<std::string> browser_tags;   // the same, whole ("en-GB"): their regions give the number to call
  std::string emergency;  // emergency=: the clinic's number to call, digits only (validated)
  std::string href;  // where the app is served, for links back to it (the shell's own, never the query's)
  bool embed = false, keep_history = true, test = false;
  bool light_scheme = false;  // the device prefers light (scheme=, set by the shell): the first theme follows it
  bool can_share = false;  // the browser can hand files to the share sheet (set by the shell)
  // What the browser has, as the shell detected it once at start (never from
  // the user agent): a control whose feature is missing is not offered.
  struct Capabilities {
    bool vibrate = true;          // navigator.vibrate (WebKit and Firefox have none)
    bool storage = false;         // navigator.storage.persist: whether storage can be asked to last
    bool wake_lock = true;        // navigator.wakeLock
    bool install_prompt = true;   // the browser offers its own install (beforeinstallprompt)
    bool standalone = false;      // running as the installed app (display-mode standalone)
  } caps;
  double timescale = 1;
};

// The language the app shows: the person's choice (a code Unfurl has), then
// lang=, then the browser's, then English.
std::string choose_language(const std::string& chosen, const std::string& asked, const std::vector<std::string>& browser);

// What the shell must know before the app starts, asked of the same code the
// model runs (docs/architecture.md, Languages): whether the codec can read the
// stored document, the language the app will choose, so its file is fetched
// while the app starts, and the clinic's number (emergency=) as the app takes
// it, which the page shown when the app cannot start offers too; and the
// page's switches as the model reads them: whether anything is kept (the
// shell reads no stored document where it is not) and whether it is a test.
struct EarlyLook {
  core::DecodeStatus history = core::DecodeStatus::empty;
  std::string lang;
  std::string emergency;  // "" when the page sets none the app would take
  bool keep_history = true, test = false;
};
EarlyLook early_look(std::string_view stored, std::string_view config_json);

// A notice keeps its catalogue key and argument, so it is said again in a newly chosen language.
struct Notice {
  std::string id, key, arg, text;
};

// What the shell must do on the app's behalf, collected per frame.
struct Outbox {
  struct CueOut { core::Cue cue; std::string lang; };
  std::vector<CueOut> cues;
  std::optional<std::string> store;  // the whole history document to save
  std::vector<std::string> events;   // JSON for the embedding page: no health data
  bool hush = false;  // a user action: stop the voice mid-sentence before the cues that follow
  struct File { std::string name, type, text; };
  std::optional<File> download;       // a file for the person to keep (their sessions as CSV)
  std::optional<std::string> report;  // the clinician's report, as JSON for the shell to lay out and print
  bool share = false;                 // the download or the report goes to the share sheet, as a file
  bool erase = false;                 // "delete all my data": the shell erases every key Unfurl keeps
  bool restart = false;               // the person chose to restart into a new version that is waiting
  std::vector<std::string> announce;   // for screen readers only: the countdown, now and then
  std::optional<std::string> dial;     // the number to call, from the emergency result's "Call" control
  bool download_asides = false;       // the documents the shell kept aside as unreadable, as files
  bool persist = false;               // ask the browser to keep this origin's storage (navigator.storage.persist)
  // A language whose file the shell should fetch (i18n/<code>.json) and hand
  // back through LanguageArrived; "" when none is wanted.
  std::string language;
};

// Whether a screen's list of questions has been on screen to its end: its
// answer only counts once every question was seen (docs/clinical.md). The screen
// reports it ("list-seen"); unknown until it has been drawn.
enum class ListSeen { unknown, unseen, seen };

class Model {
 public:
  Model();

  // stored: the raw history document ("" when none); config: the page query as JSON.
  void Load(std::string_view stored, std::string_view config_json);
  void SetClock(double epoch_ms, int utc_offset_min);
  // Seconds of real time; the session sees them multiplied by the test timescale.
  void Update(double dt_s);
  void SetVisible(bool visible);
  // The shell reports whether the voice is still speaking; the session waits for it.
  void SetVoiceBusy(bool busy);
  // What is stored now (another tab wrote, or the shell is about to write):
  // merged into this tab's history by session id. Returns the merged document
  // to store, or "" when it must not be overwritten.
  std::string MergeStored(std::string_view stored);
  // The shell tried to store what MergeStored just returned: stored, or refused
  // ("full" when the quota is). Until a write succeeds, what it carried stays
  // in memory, goes with every later write, and History says how much is waiting.
  void WriteResult(bool ok, std::string_view reason);
  // A document this tab could not store before the page was reloaded (the
  // shell keeps it in sessionStorage): merged in as this tab's own unsaved
  // changes and written with the next write, which is asked for now.
  void RestoreUnsaved(std::string_view doc);
  // Sessions not in storage yet because the last write was refused (0 when it succeeded).
  int unsaved() const { return store_.unsaved; }
  // The shell has a new version installed and waiting: Home offers a restart.
  void SetUpdateReady() { update_ready_ = true; ++version_; }
  // What the browser said about keeping storage: yes, no, or nothing (no API).
  void SetPersisted(std::optional<bool> persisted) { store_.persisted = persisted; ++version_; }
  std::optional<bool> persisted() const { return store_.persisted; }
  bool update_ready() const { return update_ready_; }
  // A notice from the shell (storage, wake lock…), shown like the model's own:
  // key names its sentence in assets/i18n, arg fills its one placeholder.
  // DropNotice takes one away once it no longer holds.
  void AddNotice(std::string_view id, std::string_view key, std::string_view arg = {});
  void DropNotice(std::string_view id);
  // A language file the shell fetched (Outbox::language, or its own guess
  // before the first frame); "" when the fetch failed. A language asked for
  // is then shown, or the current one stays with a notice saying so.
  void LanguageArrived(std::string_view lang, std::string_view json_text);

  // name as in docs/automation.md; arg is JSON text ("" when none).
  bool Act(std::string_view name, std::string_view arg = {});
  // Every action Act() knows, in its table's order.
  static std::vector<std::string_view> ActionNames();

  // frame: how many frames the app has drawn, state()'s first member when given.
  std::string StateJson(std::optional<long> frame = std::nullopt) const;
  // Changes whenever an action succeeds: the frame loop redraws when it moves.
  long version() const { return version_; }
  // Counts "reset-view" taps; the frame loop owns the camera and resets it.
  long camera_resets() const { return view_.camera_resets; }
  Outbox TakeOutbox();

  // Read-only views for the screens.
  Screen screen() const { return view_.screen; }
  const core::Routine& routine() const { return plan_.routine; }
  const core::Routine& base_routine() const { return plan_.base_routine; }
  bool prescribed() const { return plan_.prescribed; }
  bool confirm_delete() const { return store_.confirm_delete; }
  const core::Triage& triage() const { return lang_.triage; }
  const core::Session* session() const { return run_.session ? &*run_.session : nullptr; }
  const core::HistoryDoc& doc() const { return store_.doc; }
  const core::Settings& settings() const { return store_.doc.settings; }
  const core::Catalogue& text() const { return lang_.text; }
  // The languages Unfurl speaks, each with its own name for itself (Settings lists them).
  struct Language { std::string code, name; };
  const std::vector<Language>& languages() const;
  const char* T(std::string_view key) const { return lang_.text.get(key); }
  const PageConfig& config() const { return page_.config; }
  const std::string& note() const { return plan_.note; }  // the clinic's note from a prescription
  // How the prescription differs from the standard routine, one line each.
  const std::vector<std::string>& prescription_changes() const { return plan_.prescription_changes; }
  const std::set<std::string>& answers() const { return check_.answers; }
  const std::optional<core::CheckOutcome>& outcome() const { return check_.outcome; }
  // The result on screen is an earlier one from today, remembered (docs/clinical.md).
  bool remembered() const { return check_.remembered; }
  const std::optional<std::string>& stop_answer() const { return check_.stop_answer; }
  // The number the emergency result offers to call (docs/clinical.md, "The number to call").
  const core::EmergencyNumber& emergency() const { return page_.emergency; }
  // "112", or "15, or 112"; spoken, digit by digit. "" when no number is known.
  std::string EmergencyNumberText(bool spoken) const;
  // A tier's action as shown (or said): the emergency's names the number to call, when one is known.
  std::string AdviceAction(core::Tier tier, bool spoken = false) const;
  const std::vector<Notice>& notices() const { return notices_; }
  std::optional<int> before() const { return run_.before; }
  std::optional<int> after() const { return run_.after; }
  std::optional<bool> hurt() const { return run_.hurt; }
  bool wants_wake_lock() const;
  bool review_banner() const;   // the trend rule or a review-tier answer asks to see a clinician
  bool show_intro() const { return !store_.doc.intro_ack; }
  int streak() const { return core::streak_days(store_.doc.sessions, clock_.today); }
  int today() const { return clock_.today; }  // local days since 1970-01-01
  // The range the next (or current) session uses.
  double range_now() const;
  // The whole session's length at today's doses and voice rate (sentences stretch it).
  int minutes() const { return plan_.minutes; }
  // Derived from the history; recomputed only when it or the day changes, not per drawn frame.
  const core::TrendResult& trend() const { return Derived().trend; }
  const core::HistoryStats& stats() const { return Derived().stats; }

  // Backups (docs/architecture.md, "Backup and restore"). Nothing is offered
  // where the page keeps nothing (history=0).
  bool can_backup() const { return page_.config.keep_history; }
  bool can_restore() const { return page_.config.keep_history && !store_.read_only; }
  // The last restore on this screen: what it added, or why the file changed nothing.
  struct Restored {
    core::BackupRefusal refused = core::BackupRefusal::none;
    core::RestoreCounts counts;
  };
  const std::optional<Restored>& restored() const { return store_.restored; }
  bool backup_offered() const;   // Home's monthly line (core::backup_offer_due)
  bool install_hint() const;     // Home's steps to the Home Screen (core::install_hint_due)
  bool bring_history() const;    // the installed app, empty: Home offers a restore

  ListSeen list_seen() const { return view_.list; }
  // A control to bring on screen ("end": the end of the list), asked for by
  // "See the rest" or by the accessible mirror; the serial tells a new ask.
  const std::string& reveal() const { return view_.reveal; }
  long reveal_serial() const { return view_.reveal_serial; }

  // The one-time history questions (asked again after six months, or from Settings).
  bool screening_due() const;
  const std::set<std::string>& screening_answers() const { return questions_.screening_answers; }
  // Set once answered with a "yes": the routine waits for a doctor's or physiotherapist's word.
  const std::optional<core::CheckOutcome>& screening_outcome() const { return questions_.screening_outcome; }

  // The inflammatory pattern (NICE NG65): offered on Home while the history shows it.
  bool pattern_offered() const;
  // Where the questions are: the age gate first, then the nine after it, then the result.
  enum class PatternStep { none, gate, questions, result };
  PatternStep pattern_step() const;
  const std::set<std::string>& pattern_answers() const { return questions_.pattern_answers; }
  const std::optional<core::PatternResult>& pattern_result() const { return questions_.pattern_result; }

 private:
  // state()'s parts, one per room (state.cpp).
  struct StateParts;
  // The table of every action Act() performs (actions.cpp).
  struct Action;
  static const std::vector<Action>& Actions();
  bool Start();
  bool ShowStandingBlock();
  bool Withdraw();
  bool Answer(std::string_view arg);
  bool Continue();
  bool BeginSession();
  bool StopForPain();
  bool Finish();
  bool Set(std::string_view arg);
  // What a setting's choice did: refused, waiting (a language whose file is on its way), or done and saved.
  enum class Applied { refused, pending, done };
  struct SettingFamily;
  static const std::vector<SettingFamily>& SettingFamilies();
  Applied SetLanguage(const std::string& code);
  template <typename Dose>
  Applied SetDose(const std::string& id, std::optional<Dose> v, Dose lo, Dose hi, std::map<std::string, Dose>& into);
  Applied SetExerciseOn(const std::string& id, std::optional<bool> on);
  const core::Exercise* Adjustable(const std::string& id) const;
  bool Open(std::string_view where);
  void OpenScreening(Screen after);
  bool AnswerScreening(const std::string& id, std::optional<bool> value);
  bool ContinueScreening();
  bool Cleared();
  bool LeaveScreening();
  bool Pattern(std::string_view step);
  core::Answered MakeAnswered(std::vector<std::string> yes, std::optional<core::PatternResult> result = {}) const;

  bool Export(std::string_view what);
  bool ExportAsides();
  bool ExportReminder();
  bool ExportCsv();
  bool ExportReport();
  bool Backup();
  bool Restore(std::string_view text);
  bool DeleteData(std::string_view step);
  void Personalise();
  void EndSession(core::Outcome outcome);
  void WriteRecord(core::Outcome outcome);
  core::SessionRecord* Current();
  void Save();
  // A message for the embedding page: its type and numbers, never health data (docs/embedding.md).
  void Post(const std::string& type, std::initializer_list<std::pair<std::string_view, long long>> numbers = {});
  void Say(const std::string& key, const std::string& text);
  void SpeakResult();
  void Notify(std::string id, std::string key, std::string arg = {});
  void Unnotify(std::string_view id);
  void Drain();
  void Replan();
  void DescribePrescription();
  // Chooses the language — the person's own choice in Settings, then the
  // page's lang=, then the browser's languages, then English — and puts the
  // routine, the red-flag table and every derived sentence into it.
  void ChooseLanguage();
  void ReadConfiguration(std::string_view config_json);
  // The query's values that can be refused, each with its notice (configuration.cpp).
  void ReadClinic(const std::optional<std::string>& clinic, const std::optional<std::string>& emergency);
  void ReadTheme(const std::optional<std::string>& theme);
  void ReadTimescale(const std::optional<std::string>& timescale);
  void ReadHistory(std::string_view stored);
  void Fetch(const std::string& lang);
  struct DerivedHistory {
    long version = -1;
    int day = -1;
    size_t sessions = 0;
    core::TrendResult trend;
    core::HistoryStats stats;
    bool pattern_due = false;
  };
  const DerivedHistory& Derived() const;
  mutable DerivedHistory derived_;

  // The model's state, one room per concern, each named after what it holds;
  // the file that changes it is named beside it.

  // What the page was opened with (configuration.cpp).
  struct Page {
    PageConfig config;
    core::EmergencyNumber emergency;
  } page_;

  // The words on screen and the red-flag table in them (configuration.cpp).
  struct Locale {
    core::Catalogue text;
    core::Triage triage = core::default_triage();
    std::set<std::string> at_hand;  // languages whose text this page holds: those handed in (and English, when built in)
    std::string asked;   // the language asked of the shell, until it arrives or fails
    std::string chosen;  // the person's choice in Settings, applied when its file arrives
    std::string rx;      // the prescription link, re-read in a newly chosen language
  } lang_;

  // The routine this morning runs (configuration.cpp).
  struct Plan {
    core::Routine base_routine = core::default_routine();  // the standard routine, or a clinic's prescription
    core::Routine routine = base_routine;                  // what runs: base_routine with the person's settings
    bool prescribed = false;
    std::string note;
    std::vector<std::string> prescription_changes;
    int minutes = 0;
  } plan_;

  // The stored history and its writes (history.cpp, backup.cpp).
  struct Store {
    core::HistoryDoc doc;
    core::HistoryDoc base;  // what was last read from or written to storage: the merge's common ancestor
    int unsaved = 0;
    std::string tab;  // set by the shell per tab, so two tabs never make the same session id
    int next_id = 1;
    bool read_only = false;
    bool confirm_delete = false;
    std::optional<bool> persisted;  // unknown until the shell says (never, without navigator.storage)
    std::optional<Restored> restored;
    // The stored document's text as storage holds it (read at start, seen in
    // another tab's write, or written by this tab): what a backup carries.
    std::string stored_text, writing;
  } store_;

  // Which screen is up, and how much of its list has been seen (actions.cpp).
  struct View {
    Screen screen = Screen::home;
    ListSeen list = ListSeen::unknown;
    std::string reveal;
    long reveal_serial = 0;
    long camera_resets = 0;
  } view_;

  // Today's safety check and the stop question (safety.cpp).
  struct Check {
    std::set<std::string> answers;
    std::optional<core::CheckOutcome> outcome;
    std::optional<std::string> stop_answer;
    bool remembered = false;
  } check_;

  // The one-time history questions and the inflammatory pattern's (safety.cpp).
  struct Questions {
    std::set<std::string> screening_answers, pattern_answers;
    std::optional<core::CheckOutcome> screening_outcome;
    Screen after_screening = Screen::check;
    std::optional<core::PatternResult> pattern_result;
  } questions_;

  // The session in progress and its record (session.cpp).
  struct InProgress {
    std::optional<core::Session> session;
    std::optional<int> before, after;
    std::optional<bool> hurt;
    std::string current_id;  // the record of the session (or check) in progress
    std::string started_iso;
    bool record_saved = false;
    bool visible = true, auto_paused = false, voice_busy = false;
    int last_left = -1;  // the countdown's last whole second, so each mark is announced once
  } run_;

  // The device's clock, as the shell reports it (model.cpp).
  struct Clock {
    double epoch_ms = 0;
    int utc_offset_min = 0;
    int today = 0;
  } clock_;

  Outbox outbox_;
  std::vector<Notice> notices_;
  bool update_ready_ = false;
  long version_ = 0;
};

}  // namespace unfurl::model
