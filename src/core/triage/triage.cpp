#include "core/triage/triage.h"

#include <algorithm>

#include "core/assets.h"
#include "core/json.h"

namespace unfurl::core {

namespace {

// The table's words come from the catalogue (assets/i18n/), keyed by flag and
// tier id, so every language carries every safety sentence; a missing one is
// an error naming its key, never a blank on the check screen.
std::string words(const Catalogue& text, const std::string& key, std::string& error) {
  const std::string* s = text.find(key);
  if (s && !s->empty()) return *s;
  if (error.empty()) error = key + ": missing from the language file";
  return {};
}

std::string text_of(const json::Value& obj, const char* key, std::string& error, const std::string& where) {
  std::optional<std::string> s = json::string(json::member(obj, key));
  if (!s || s->empty()) {
    if (error.empty()) error = where + "." + key + ": missing text";
    return {};
  }
  return *s;
}
}  // namespace

const RedFlag* Triage::find(std::string_view id) const {
  for (const RedFlag& f : flags)
    if (f.id == id) return &f;
  return nullptr;
}

const RedFlag* Triage::find_history(std::string_view id) const {
  for (const RedFlag& f : history)
    if (f.id == id) return &f;
  return nullptr;
}

namespace {

// Each tier's advice, in words, and whether it blocks the session. Returns
// the error that ends the reading at once; a missing word goes into `error`.
std::string read_tiers(const json::Value& doc, const Catalogue& text, Triage& t, std::string& error) {
  const json::Value* tiers = json::member(doc, "tiers");
  if (!json::is_object(tiers)) return "tiers: missing";
  for (Tier tier : {Tier::review, Tier::clinician, Tier::urgent, Tier::emergency}) {
    std::string name(tier_name(tier));
    const json::Value* entry = json::member(tiers, name);
    if (!json::is_object(entry)) return "tiers." + name + ": missing";
    TierAdvice& a = t.advice[static_cast<int>(tier)];
    a.title = words(text, "triage." + name + ".title", error);
    a.action = words(text, "triage." + name + ".action", error);
    a.why = words(text, "triage." + name + ".why", error);
    const std::optional<bool> blocked = json::boolean(json::member(entry, "blocked"));
    if (!blocked) return "tiers." + name + ".blocked: must be true or false";
    a.blocked = *blocked;
  }
  return {};
}

// The daily check and the one-time history questions are one kind of table:
// an id and its tier, with words under "flag." and "hist." in the catalogue.
void read_flags(const json::Value& doc, const char* member, const std::string& prefix, const Catalogue& text,
                std::vector<RedFlag>& out, std::string& error) {
  const json::Value* list = json::member(doc, member);
  if (!json::is_array(list)) { error = std::string(member) + ": missing"; return; }
  for (rapidjson::SizeType i = 0; i < list->Size() && error.empty(); ++i) {
    const json::Value& f = (*list)[i];
    std::string where = std::string(member) + "[" + std::to_string(i) + "]";
    if (!f.IsObject()) { error = where + ": must be an object"; return; }
    RedFlag flag;
    flag.id = text_of(f, "id", error, where);
    flag.question = words(text, prefix + flag.id + ".question", error);
    flag.short_text = words(text, prefix + flag.id + ".short", error);
    if (const std::string* a = text.find(prefix + flag.id + ".action")) flag.action = *a;
    auto tier = tier_from_name(text_of(f, "tier", error, where));
    if (!error.empty()) return;
    if (!tier || *tier == Tier::none) { error = where + ".tier: unknown"; return; }
    flag.tier = *tier;
    out.push_back(std::move(flag));
  }
}

// One answer to "where does it hurt?" after a stop: its words, its outcome
// ("rest", or a tier) and the signs of the check it stands for.
StopAnswer read_stop_answer(const json::Value& a, const Catalogue& text, const Triage& t, std::string& error) {
  StopAnswer s;
  s.id = text_of(a, "id", error, "stop.answers");
  s.label = words(text, "stop." + s.id + ".label", error);
  std::string outcome = text_of(a, "outcome", error, "stop.answers");
  s.outcome = outcome == "rest" ? Tier::none : tier_from_name(outcome).value_or(Tier::clinician);
  if (const json::Value* flags = json::member(a, "flags"); json::is_array(flags)) {
    for (const json::Value& id : flags->GetArray()) {
      const std::optional<std::string> flag = json::string(&id);
      if (!flag || !t.find(*flag)) { error = "stop.answers." + s.id + ".flags: not a sign of the check"; break; }
      s.flags.push_back(*flag);
    }
  }
  return s;
}

// The stop question, its answers and the advice to rest. Returns the error
// that ends the reading at once, as read_tiers does.
std::string read_stop(const json::Value& doc, const Catalogue& text, Triage& t, std::string& error) {
  const json::Value* stop = json::member(doc, "stop");
  if (!json::is_object(stop)) return "stop: missing";
  t.stop_question = words(text, "stop.question", error);
  t.rest_title = words(text, "stop.rest_title", error);
  t.rest_action = words(text, "stop.rest_action", error);
  const json::Value* answers = json::member(stop, "answers");
  if (!json::is_array(answers)) return "stop.answers: missing";
  for (const json::Value& a : answers->GetArray()) {
    if (!a.IsObject()) return "stop.answers: must be objects";
    t.stop_answers.push_back(read_stop_answer(a, text, t, error));
  }
  return {};
}

TriageResult refused(std::string error) { return {std::nullopt, std::move(error)}; }

}  // namespace

TriageResult load_triage(std::string_view json_text, const Catalogue& text) {
  const std::optional<json::Document> parsed = json::parse(json_text);
  if (!parsed || !parsed->IsObject()) return refused("red flags: not a JSON object");
  const json::Value& doc = *parsed;
  // A table's shape that is wrong ends the reading at once; a missing word is
  // kept in `error` while the rest is read, and reported at the end of its part.
  std::string error;
  Triage t;
  if (std::string e = read_tiers(doc, text, t, error); !e.empty()) return refused(std::move(e));
  read_flags(doc, "flags", "flag.", text, t.flags, error);
  read_flags(doc, "history", "hist.", text, t.history, error);
  if (!error.empty()) return refused(std::move(error));
  if (std::string e = read_stop(doc, text, t, error); !e.empty()) return refused(std::move(e));
  if (!error.empty()) return refused(std::move(error));
  return {std::move(t), {}};
}

Triage default_triage(const Catalogue& text) {
  return load_triage(embedded_asset("assets/triage/red-flags.json"), text).triage.value_or(Triage{});
}

const Triage& default_triage() {
  static const Triage triage = default_triage(english());
  return triage;
}

namespace {
CheckOutcome evaluate(const Triage& triage, const std::vector<RedFlag>& table, const std::vector<std::string>& answers) {
  CheckOutcome out;
  auto answered = [&](const std::string& id) {
    return std::find(answers.begin(), answers.end(), id) != answers.end();
  };
  for (const RedFlag& f : table)
    if (answered(f.id)) out.level = std::max(out.level, f.tier);
  for (const RedFlag& f : table) {
    if (!answered(f.id)) continue;
    (f.tier == out.level ? out.flags : out.also).push_back(f.id);
  }
  out.blocked = out.level != Tier::none && triage.for_tier(out.level).blocked;
  return out;
}
}  // namespace

CheckOutcome evaluate_check(const Triage& triage, const std::vector<std::string>& answers) {
  return evaluate(triage, triage.flags, answers);
}

CheckOutcome evaluate_history(const Triage& triage, const std::vector<std::string>& answers) {
  return evaluate(triage, triage.history, answers);
}

std::optional<StopOutcome> evaluate_stop(const Triage& triage, std::string_view answer_id) {
  for (const StopAnswer& a : triage.stop_answers) {
    if (a.id != answer_id) continue;
    StopOutcome out;
    out.level = a.outcome;
    // Back-only pain: rest, and the next session's movements are smaller.
    // Leg symptoms are a clinician matter; range is moot until then, but
    // smaller is still the safe direction.
    out.range_change = -0.10;
    return out;
  }
  return std::nullopt;
}

}  // namespace unfurl::core
