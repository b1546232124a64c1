#include "core/history/history.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/routine/progression.h"

namespace unfurl::core {

namespace {
using nlohmann::json;

std::string str(const json& o, const char* k) {
  auto it = o.find(k);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::optional<int> rating(const json& o, const char* k) {
  auto it = o.find(k);
  if (it == o.end() || !it->is_number()) return std::nullopt;
  double v = it->get<double>();
  if (v < 0 || v > 10) return std::nullopt;
  return static_cast<int>(v);
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
std::vector<std::string> strings(const json& o, const char* k) {
  std::vector<std::string> out;
  auto it = o.find(k);
  if (it == o.end() || !it->is_array()) return out;
  for (const json& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}
json to_json(const SessionRecord& r) {
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
}  // namespace

Decoded decode_history(std::string_view text) {
  Decoded d;
  if (text.empty()) return d;
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("schema") || !doc["schema"].is_number()) {
    d.status = DecodeStatus::unreadable;
    return d;
  }
  d.status = doc["schema"].get<double>() > kSchema ? DecodeStatus::newer_schema : DecodeStatus::ok;

  static const std::set<std::string> outcomes = {"completed", "stopped-pain", "abandoned", "blocked"};
  if (auto s = doc.find("sessions"); s != doc.end() && s->is_array()) {
    for (const json& j : *s) {
      if (!j.is_object() || !outcomes.count(str(j, "outcome")) || !j.contains("day") || !j["day"].is_number()) {
        ++d.dropped;
        continue;
      }
      SessionRecord r;
      r.id = str(j, "id");
      r.routine = str(j, "routine");
      r.started = str(j, "started");
      r.ended = str(j, "ended");
      r.day = static_cast<int>(j["day"].get<double>());
      r.outcome = str(j, "outcome");
      if (auto c = j.find("check"); c != j.end() && c->is_object()) {
        r.check_level = str(*c, "level");
        r.check_flags = strings(*c, "flags");
      }
      if (r.check_level.empty()) r.check_level = "none";
      r.before = rating(j, "before");
      r.after = rating(j, "after");
      if (auto h = j.find("hurt"); h != j.end() && h->is_boolean()) r.hurt = h->get<bool>();
      r.pain = str(j, "pain");
      r.withdrawn = str(j, "withdrawn");
      r.range = num(j, "range", kRangeStart, kRangeMin, kRangeMax);
      r.exercises = strings(j, "exercises");
      d.doc.sessions.push_back(std::move(r));
    }
  }
  if (auto p = doc.find("progress"); p != doc.end() && p->is_object())
    d.doc.range = num(*p, "range", kRangeStart, kRangeMin, kRangeMax);
  if (auto s = doc.find("settings"); s != doc.end() && s->is_object()) {
    Settings& st = d.doc.settings;
    st.voice = flag(*s, "voice", st.voice);
    st.tones = flag(*s, "tones", st.tones);
    st.vibration = flag(*s, "vibration", st.vibration);
    st.dim = flag(*s, "dim", st.dim);
    st.eyes_closed = flag(*s, "eyes_closed", st.eyes_closed);
    st.soft_mattress = flag(*s, "soft_mattress", st.soft_mattress);
    st.voice_rate = num(*s, "voice_rate", st.voice_rate, 0.5, 1.5);
    st.volume = num(*s, "volume", st.volume, 0, 1);
  }
  if (auto a = doc.find("acks"); a != doc.end() && a->is_object()) {
    d.doc.intro_ack = flag(*a, "intro", false);
    if (auto t = a->find("trend_day"); t != a->end() && t->is_number())
      d.doc.trend_ack_day = static_cast<int>(t->get<double>());
  }
  return d;
}

std::string encode_history(const HistoryDoc& doc) {
  json sessions = json::array();
  for (const SessionRecord& r : doc.sessions) sessions.push_back(to_json(r));
  const Settings& s = doc.settings;
  json acks = {{"intro", doc.intro_ack}};
  if (doc.trend_ack_day) acks["trend_day"] = *doc.trend_ack_day;
  json j = {{"schema", kSchema},
            {"sessions", sessions},
            {"progress", {{"range", doc.range}}},
            {"settings", {{"voice", s.voice}, {"tones", s.tones}, {"vibration", s.vibration},
                          {"voice_rate", s.voice_rate}, {"volume", s.volume}, {"dim", s.dim},
                          {"eyes_closed", s.eyes_closed}, {"soft_mattress", s.soft_mattress}}},
            {"acks", acks}};
  return j.dump();
}

const SessionRecord* standing_block(const std::vector<SessionRecord>& sessions, int today) {
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
    if (it->day != today || !it->withdrawn.empty()) continue;
    const bool checked_out = it->outcome == "blocked" && it->check_level != "review" && it->check_level != "none";
    if (checked_out || it->pain == "leg") return &*it;
  }
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

}  // namespace unfurl::core
