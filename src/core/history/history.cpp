#include "core/history/history.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/legacy_json.h"
#include "core/routine/progression.h"

namespace unfurl::core {

namespace {
using nlohmann::json;

const std::set<std::string, std::less<>> kOutcomes = {"completed", "stopped-pain", "abandoned", "blocked"};

// Strict readers for one session record: a field of the wrong type makes the
// whole record unreadable (and so kept verbatim), never silently changed.
struct Strict {
  const json& o;
  bool ok = true;
  const json* get(const char* k) const {
    auto it = o.find(k);
    return it == o.end() || it->is_null() ? nullptr : &*it;
  }
  std::string str(const char* k) {
    const json* v = get(k);
    if (!v) return {};
    if (!v->is_string()) { ok = false; return {}; }
    return v->get<std::string>();
  }
  std::vector<std::string> strings(const json& from, const char* k) {
    std::vector<std::string> out;
    auto it = from.find(k);
    if (it == from.end() || it->is_null()) return out;
    if (!it->is_array()) { ok = false; return out; }
    for (const json& v : *it) {
      if (!v.is_string()) { ok = false; return {}; }
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  std::optional<int> rating(const char* k) {
    const json* v = get(k);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || v->get<int>() < 0 || v->get<int>() > 10) { ok = false; return std::nullopt; }
    return v->get<int>();
  }
};

const std::set<std::string, std::less<>> kRecordKeys = {"id", "routine", "started", "ended", "day", "outcome", "check",
                                                        "before", "after", "hurt", "pain", "withdrawn", "range", "exercises"};

json known_json(const SessionRecord& r) {
  json j = {{"id", r.id}, {"routine", r.routine}, {"started", r.started}, {"ended", r.ended},
            {"day", r.day}, {"outcome", r.outcome}, {"check", {{"level", r.check_level}, {"flags", r.check_flags}}},
            {"range", r.range}, {"exercises", r.exercises}};
  j["before"] = r.before ? json(*r.before) : json(nullptr);
  j["after"] = r.after ? json(*r.after) : json(nullptr);
  j["hurt"] = r.hurt ? json(*r.hurt) : json(nullptr);
  j["pain"] = r.pain.empty() ? json(nullptr) : json(r.pain);
  if (!r.withdrawn.empty()) j["withdrawn"] = r.withdrawn;
  return j;
}

// `{...known...}` with the unknown members spliced in, each as its own bytes.
std::string with_extra(std::string out, const std::vector<RawMember>& extra) {
  if (extra.empty()) return out;
  out.pop_back();
  for (const RawMember& m : extra) {
    if (out.size() > 1) out += ',';
    out += json(m.key).dump() + ':' + m.raw;
  }
  return out + '}';
}

std::string with_extra(const json& known, const std::vector<RawMember>& extra) { return with_extra(known.dump(), extra); }

// `known` as text, with each kept member's bytes (Settings::kept, keyed by path) in
// place of the value this version would write, or added where it writes none.
std::string with_kept(const json& known, const std::vector<RawMember>& kept, const std::string& prefix = "") {
  if (kept.empty()) return known.dump();
  std::string out = "{";
  auto member = [&](const std::string& key, const std::string& value) {
    if (out.size() > 1) out += ',';
    out += json(key).dump() + ':' + value;
  };
  auto find = [&](const std::string& path) -> const RawMember* {
    for (const RawMember& k : kept)
      if (k.key == path) return &k;
    return nullptr;
  };
  for (auto it = known.begin(); it != known.end(); ++it) {
    const std::string path = prefix + it.key();
    if (const RawMember* k = find(path)) member(it.key(), k->raw);
    else member(it.key(), it->is_object() ? with_kept(*it, kept, path + ".") : it->dump());
  }
  for (const RawMember& k : kept) {
    if (k.key.rfind(prefix, 0) != 0) continue;
    const std::string key = k.key.substr(prefix.size());
    if (key.find('.') == std::string::npos && !known.contains(key)) member(key, k.raw);
  }
  return out + '}';
}

std::vector<RawMember> unknown_members(std::string_view raw, const std::set<std::string, std::less<>>& known) {
  std::vector<RawMember> out;
  if (auto members = raw_members(raw))
    for (RawMember& m : *members)
      if (!known.count(m.key)) out.push_back(std::move(m));
  return out;
}

std::optional<SessionRecord> read_record(const std::string& raw) {
  json j = parse_json(raw);
  if (!j.is_object()) return std::nullopt;
  Strict s{j};
  SessionRecord r;
  r.outcome = s.str("outcome");
  const json* day = s.get("day");
  if (!kOutcomes.count(r.outcome) || !day || !day->is_number_integer()) return std::nullopt;
  r.day = day->get<int>();
  r.id = s.str("id");
  r.routine = s.str("routine");
  r.started = s.str("started");
  r.ended = s.str("ended");
  r.pain = s.str("pain");
  r.withdrawn = s.str("withdrawn");
  if (const json* c = s.get("check")) {
    if (!c->is_object()) return std::nullopt;
    Strict cs{*c};
    r.check_level = cs.str("level");
    r.check_flags = cs.strings(*c, "flags");
    if (!cs.ok) return std::nullopt;
  }
  if (r.check_level.empty()) r.check_level = "none";
  r.before = s.rating("before");
  r.after = s.rating("after");
  if (const json* h = s.get("hurt")) {
    if (!h->is_boolean()) return std::nullopt;
    r.hurt = h->get<bool>();
  }
  if (const json* g = s.get("range")) {
    if (!g->is_number()) return std::nullopt;
    r.range = std::clamp(g->get<double>(), kRangeMin, kRangeMax);
  }
  r.exercises = s.strings(j, "exercises");
  if (!s.ok) return std::nullopt;
  r.extra = unknown_members(raw, kRecordKeys);
  r.raw = raw;
  r.raw_known = known_json(r).dump();
  return r;
}

bool flag(const json& o, const char* k, bool fallback) {
  auto it = o.find(k);
  return it != o.end() && it->is_boolean() ? it->get<bool>() : fallback;
}
double num(const json& o, const char* k, double fallback, double lo, double hi) {
  auto it = o.find(k);
  if (it == o.end() || !it->is_number()) return fallback;
  return std::clamp(it->get<double>(), lo, hi);
}

const std::set<std::string, std::less<>> kAnsweredKeys = {"asked", "day", "yes", "result", "cleared"};

// One of the acks' answer sets; nullopt when absent or not one this version
// can read (then it stays in acks' unknown members, byte for byte).
std::optional<Answered> read_answered(std::string_view raw) {
  if (raw.empty()) return std::nullopt;
  json j = parse_json(raw);
  if (!j.is_object()) return std::nullopt;
  Strict s{j};
  Answered a;
  const json* day = s.get("day");
  if (!day || !day->is_number_integer()) return std::nullopt;
  a.day = day->get<int>();
  a.asked = s.str("asked");
  a.yes = s.strings(j, "yes");
  a.result = s.str("result");
  a.cleared = s.str("cleared");
  if (!s.ok) return std::nullopt;
  a.extra = unknown_members(raw, kAnsweredKeys);
  return a;
}

std::string write_answered(const Answered& a) {
  json j = {{"asked", a.asked}, {"day", a.day}, {"yes", a.yes}};
  if (!a.result.empty()) j["result"] = a.result;
  if (!a.cleared.empty()) j["cleared"] = a.cleared;
  return with_extra(j, a.extra);
}

const std::string& key_of(const SessionRecord& r) { return r.id.empty() ? r.raw : r.id; }
bool same(const SessionRecord& a, const SessionRecord& b) {
  return known_json(a) == known_json(b) && a.extra == b.extra;
}
}  // namespace

Decoded decode_history(std::string_view text) {
  Decoded d;
  if (text.empty()) return d;
  json doc = parse_json(text);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("schema") || !doc["schema"].is_number()) {
    d.status = DecodeStatus::unreadable;
    return d;
  }
  d.status = doc["schema"].get<double>() > kSchema ? DecodeStatus::newer_schema : DecodeStatus::ok;
  std::vector<RawMember> top = raw_members(text).value_or(std::vector<RawMember>{});
  auto raw_of = [&](const char* k) -> std::string_view {
    for (const RawMember& m : top) if (m.key == k) return m.raw;
    return {};
  };
  d.doc.extra = unknown_members(text, {"schema", "sessions", "progress", "settings", "acks"});

  if (auto elements = raw_elements(raw_of("sessions"))) {
    for (std::string& raw : *elements) {
      if (std::optional<SessionRecord> r = read_record(raw)) {
        d.doc.sessions.push_back(std::move(*r));
      } else {
        d.doc.unreadable.push_back({d.doc.sessions.size(), std::move(raw)});
        ++d.kept;
      }
    }
  }
  if (auto p = doc.find("progress"); p != doc.end() && p->is_object()) {
    d.doc.range = num(*p, "range", kRangeStart, kRangeMin, kRangeMax);
    d.doc.progress_extra = unknown_members(raw_of("progress"), {"range"});
  }
  if (auto s = doc.find("settings"); s != doc.end() && s->is_object()) {
    Settings& st = d.doc.settings;
    const std::vector<RawMember> raw = raw_members(raw_of("settings")).value_or(std::vector<RawMember>{});
    // A known setting of the wrong type is kept as its bytes, and the default stands meanwhile.
    auto keep = [&](const std::vector<RawMember>& from, const std::string& key, const std::string& path) {
      for (const RawMember& m : from)
        if (m.key == key) { st.kept.push_back({path, m.raw}); return; }
    };
    auto read_flag = [&](const char* k, bool& v) {
      auto it = s->find(k);
      if (it == s->end()) return;
      if (it->is_boolean()) v = it->get<bool>();
      else keep(raw, k, k);
    };
    auto read_num = [&](const char* k, double lo, double hi) -> std::optional<double> {
      auto it = s->find(k);
      if (it == s->end()) return std::nullopt;
      if (it->is_number()) return std::clamp(it->get<double>(), lo, hi);
      keep(raw, k, k);
      return std::nullopt;
    };
    for (const ScalarSetting& d : kScalarSettings) {
      const char* k = d.key.data();
      if (d.flag) read_flag(k, st.*d.flag);
      else if (d.number) st.*d.number = read_num(k, d.min, d.max).value_or(st.*d.number);
      else st.*d.whole = static_cast<int>(read_num(k, d.min, d.max).value_or(st.*d.whole));
    }
    if (auto l = s->find("lang"); l != s->end()) {
      if (l->is_string() && l->get<std::string>().size() <= 8) st.lang = l->get<std::string>();
      else keep(raw, "lang", "lang");
    }
    // Per exercise: one unreadable dose is kept on its own; the others are read.
    auto read_doses = [&](const char* k, bool whole) {
      std::map<std::string, double> doses;
      auto o = s->find(k);
      if (o == s->end()) return doses;
      if (!o->is_object()) { keep(raw, k, k); return doses; }
      std::vector<RawMember> entries;
      for (const RawMember& m : raw)
        if (m.key == k) entries = raw_members(m.raw).value_or(std::vector<RawMember>{});
      for (auto it = o->begin(); it != o->end(); ++it)
        if (whole ? it->is_number_integer() : it->is_number()) doses[it.key()] = it->get<double>();
        else keep(entries, it.key(), std::string(k) + "." + it.key());
      return doses;
    };
    st.holds = read_doses("holds", false);
    for (const auto& [id, n] : read_doses("reps", true)) st.reps[id] = static_cast<int>(std::clamp(n, -1e6, 1e6));
    if (auto o = s->find("exercises_off"); o != s->end()) {
      const bool strings = o->is_array() && std::all_of(o->begin(), o->end(), [](const json& v) { return v.is_string(); });
      if (!strings) keep(raw, "exercises_off", "exercises_off");
      else for (const json& v : *o) st.exercises_off.insert(v.get<std::string>());
    }
    std::set<std::string, std::less<>> known = {"lang", "holds", "reps", "exercises_off"};
    for (const ScalarSetting& d : kScalarSettings) known.emplace(d.key);
    d.doc.settings_extra = unknown_members(raw_of("settings"), known);
  }
  if (auto a = doc.find("acks"); a != doc.end() && a->is_object()) {
    d.doc.intro_ack = flag(*a, "intro", false);
    if (auto t = a->find("trend_day"); t != a->end() && t->is_number_integer())
      d.doc.trend_ack_day = t->get<int>();
    std::set<std::string, std::less<>> known = {"intro", "trend_day"};
    if (auto members = raw_members(raw_of("acks")))
      for (const RawMember& m : *members) {
        std::optional<Answered>* into = m.key == "history" ? &d.doc.screening : m.key == "inflammatory" ? &d.doc.pattern : nullptr;
        if (into && (*into = read_answered(m.raw))) known.insert(m.key);
      }
    d.doc.acks_extra = unknown_members(raw_of("acks"), known);
  }
  return d;
}

const ScalarSetting* find_setting(std::string_view key) {
  for (const ScalarSetting& d : kScalarSettings)
    if (d.key == key) return &d;
  return nullptr;
}

namespace {
json settings_json(const Settings& s) {
  json out = {{"holds", s.holds}, {"reps", s.reps}, {"exercises_off", s.exercises_off}};
  for (const ScalarSetting& d : kScalarSettings)
    out[std::string(d.key)] = d.flag ? json(s.*d.flag) : d.number ? json(s.*d.number) : json(s.*d.whole);
  return out;
}
}  // namespace

std::string encode_history(const HistoryDoc& doc) {
  std::string sessions = "[";
  size_t kept = 0;
  auto add = [&](const std::string& text) {
    if (sessions.size() > 1) sessions += ',';
    sessions += text;
  };
  for (size_t i = 0; i <= doc.sessions.size(); ++i) {
    for (; kept < doc.unreadable.size() && doc.unreadable[kept].position <= i; ++kept) add(doc.unreadable[kept].raw);
    if (i == doc.sessions.size()) break;
    const SessionRecord& r = doc.sessions[i];
    json known = known_json(r);
    add(!r.raw.empty() && known.dump() == r.raw_known ? r.raw : with_extra(known, r.extra));
  }
  for (; kept < doc.unreadable.size(); ++kept) add(doc.unreadable[kept].raw);
  sessions += ']';

  const Settings& s = doc.settings;
  json acks = {{"intro", doc.intro_ack}};
  if (doc.trend_ack_day) acks["trend_day"] = *doc.trend_ack_day;
  std::string out = "{\"schema\":" + std::to_string(kSchema) + ",\"sessions\":" + sessions;
  out += ",\"progress\":" + with_extra({{"range", doc.range}}, doc.progress_extra);
  json settings = settings_json(s);
  // Only once chosen, so documents from before languages existed are written back as they were.
  if (!s.lang.empty()) settings["lang"] = s.lang;
  out += ",\"settings\":" + with_extra(with_kept(settings, s.kept), doc.settings_extra);
  std::vector<RawMember> acks_extra = doc.acks_extra;
  // A newer answer replaces one this version could not read.
  auto put = [&](const char* key, const std::optional<Answered>& a) {
    if (!a) return;
    acks_extra.erase(std::remove_if(acks_extra.begin(), acks_extra.end(), [&](const RawMember& m) { return m.key == key; }),
                     acks_extra.end());
    acks_extra.push_back({key, write_answered(*a)});
  };
  put("history", doc.screening);
  put("inflammatory", doc.pattern);
  out += ",\"acks\":" + with_extra(acks, acks_extra);
  for (const RawMember& m : doc.extra) out += ',' + json(m.key).dump() + ':' + m.raw;
  return out + '}';
}

HistoryDoc merge_history(const HistoryDoc& base, const HistoryDoc& mine, const HistoryDoc& stored) {
  HistoryDoc out = stored;
  std::map<std::string, const SessionRecord*> in_base, in_mine;
  for (const SessionRecord& r : base.sessions) in_base[key_of(r)] = &r;
  for (const SessionRecord& r : mine.sessions) in_mine[key_of(r)] = &r;

  std::vector<SessionRecord> sessions;
  for (const SessionRecord& s : stored.sessions) {
    const std::string& k = key_of(s);
    auto m = in_mine.find(k);
    auto b = in_base.find(k);
    if (m == in_mine.end()) {
      if (b == in_base.end()) sessions.push_back(s);  // another tab's new session; one this tab deleted is gone
      continue;
    }
    const bool changed_here = b == in_base.end() || !same(*m->second, *b->second);
    sessions.push_back(changed_here ? *m->second : s);
  }
  std::set<std::string> in_stored;
  for (const SessionRecord& s : stored.sessions) in_stored.insert(key_of(s));
  for (const SessionRecord& m : mine.sessions)
    if (!in_stored.count(key_of(m)) && !in_base.count(key_of(m))) sessions.push_back(m);  // new here
  out.sessions = std::move(sessions);

  if (mine.range != base.range) out.range = mine.range;
  if (!(mine.settings == base.settings)) out.settings = mine.settings;
  out.intro_ack = stored.intro_ack || mine.intro_ack;
  if (mine.trend_ack_day != base.trend_ack_day) out.trend_ack_day = mine.trend_ack_day;
  if (mine.screening != base.screening) out.screening = mine.screening;
  if (mine.pattern != base.pattern) out.pattern = mine.pattern;
  return out;
}

int changed_sessions(const HistoryDoc& stored, const HistoryDoc& mine) {
  std::map<std::string, const SessionRecord*> there;
  for (const SessionRecord& r : stored.sessions) there[key_of(r)] = &r;
  int n = 0;
  for (const SessionRecord& r : mine.sessions) {
    auto it = there.find(key_of(r));
    if (it == there.end() || !same(r, *it->second)) ++n;
  }
  return n;
}

void forget_kept(Settings& s, std::string_view path) {
  // The setting itself, and the whole it belongs to ("holds" for "holds.knee_to_chest"): the new value is written instead.
  std::erase_if(s.kept, [&](const RawMember& k) {
    return k.key == path || (path.size() > k.key.size() && path.substr(0, k.key.size() + 1) == k.key + ".");
  });
}

bool is_block(const SessionRecord& r) {
  const bool checked_out = r.outcome == "blocked" && r.check_level != "review" && r.check_level != "none";
  // Every stop answer but back-only pain sends the person to a doctor first.
  return checked_out || (!r.pain.empty() && r.pain != "back");
}

const SessionRecord* standing_block(const std::vector<SessionRecord>& sessions, int today) {
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it)
    if (it->day == today && it->withdrawn.empty() && is_block(*it)) return &*it;
  return nullptr;
}

int streak_days(const std::vector<SessionRecord>& sessions, int today) {
  std::set<int> days;
  for (const SessionRecord& r : sessions)
    if (r.outcome == "completed") days.insert(r.day);
  int day = days.count(today) ? today : today - 1;
  int streak = 0;
  while (days.count(day)) { ++streak; --day; }
  return streak;
}

HistoryStats history_stats(const std::vector<SessionRecord>& sessions, int today) {
  HistoryStats st;
  std::set<int> days;
  double change_sum = 0;
  int changes = 0, recent = 0;
  for (const SessionRecord& r : sessions) {
    ++st.sessions;
    if (r.outcome != "completed") continue;
    ++st.completed;
    days.insert(r.day);
    if (r.day > today - 28 && r.day <= today) ++recent;
    if (r.before && r.after) { change_sum += *r.after - *r.before; ++changes; }
  }
  st.current_streak = streak_days(sessions, today);
  int run = 0, last = 0;
  for (int d : days) {
    run = run > 0 && d == last + 1 ? run + 1 : 1;
    last = d;
    st.best_streak = std::max(st.best_streak, run);
  }
  st.per_week = recent / 4.0;
  if (changes) st.average_change = change_sum / changes;
  return st;
}

}  // namespace unfurl::core
