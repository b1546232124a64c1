#include "core/history/history.h"

#include "core/json.h"  // first: it sets how RapidJSON checks itself

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/routine/progression.h"

namespace unfurl::core {

namespace {

// Strict readers for one session record: a field of the wrong type makes the
// whole record unreadable (and so kept verbatim), never silently changed.
struct Strict {
  const json::Value& o;
  bool ok = true;
  const json::Value* get(std::string_view k) const {
    const json::Value* v = json::member(o, k);
    return v && !v->IsNull() ? v : nullptr;
  }
  std::string str(std::string_view k) {
    const json::Value* v = get(k);
    if (!v) return {};
    if (!v->IsString()) { ok = false; return {}; }
    return std::string(json::view(*v));
  }
  std::vector<std::string> strings(std::string_view k) {
    std::vector<std::string> out;
    const json::Value* v = get(k);
    if (!v) return out;
    if (!v->IsArray()) { ok = false; return out; }
    for (const json::Value& e : v->GetArray()) {
      if (!e.IsString()) { ok = false; return {}; }
      out.emplace_back(json::view(e));
    }
    return out;
  }
  std::optional<int> rating(std::string_view k) {
    const json::Value* v = get(k);
    if (!v) return std::nullopt;
    const std::optional<int> n = json::integer(v);
    if (!n || *n < 0 || *n > 10) { ok = false; return std::nullopt; }
    return n;
  }
};

// Written as a whole number (5, not 5.0), however large: what a repetition count is read from.
bool integer_literal(const json::Value& v) { return v.IsInt64() || v.IsUint64(); }

// A session record's fields, each read and written by its own row: a new
// field is one row. In alphabetical order, as this codec has always written
// them, so a document an earlier version wrote is written back as the same
// text. A field of the wrong type makes the whole record unreadable (Strict).
struct RecordField {
  std::string_view key;
  void (*read)(Strict& s, std::string_view key, SessionRecord& r);
  void (*write)(json::Writer& w, std::string_view key, const SessionRecord& r);
};
using K = std::string_view;
constexpr RecordField kRecordFields[] = {
    {"after", [](Strict& s, K k, SessionRecord& r) { r.after = s.rating(k); },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.after); }},
    {"before", [](Strict& s, K k, SessionRecord& r) { r.before = s.rating(k); },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.before); }},
    {"check",
     [](Strict& s, K k, SessionRecord& r) {
       const json::Value* c = s.get(k);
       if (!c) return;
       if (!c->IsObject()) { s.ok = false; return; }
       Strict cs{*c};
       const std::string level = cs.str("level");
       r.check_flags = cs.strings("flags");
       // No level is no check's level ("none"); one this version does not know keeps the record as it was.
       const std::optional<Tier> tier = level.empty() ? Tier::none : tier_from_name(level);
       s.ok = s.ok && cs.ok && tier;
       r.check_level = tier.value_or(Tier::none);
     },
     [](json::Writer& w, K k, const SessionRecord& r) {
       w.key(k).begin_object().field("flags", r.check_flags).field("level", tier_name(r.check_level)).end_object();
     }},
    {"day",
     [](Strict& s, K k, SessionRecord& r) {
       const std::optional<int> day = json::integer(s.get(k));
       s.ok = s.ok && day;
       r.day = day.value_or(0);
     },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.day); }},
    {"ended", [](Strict& s, K k, SessionRecord& r) { r.ended = s.str(k); },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.ended); }},
    {"exercises", [](Strict& s, K k, SessionRecord& r) { r.exercises = s.strings(k); },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.exercises); }},
    {"hurt",
     [](Strict& s, K k, SessionRecord& r) {
       const json::Value* h = s.get(k);
       if (h && !h->IsBool()) s.ok = false;
       else if (h) r.hurt = h->GetBool();
     },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.hurt); }},
    {"id", [](Strict& s, K k, SessionRecord& r) { r.id = s.str(k); },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.id); }},
    {"outcome",
     [](Strict& s, K k, SessionRecord& r) {
       const std::optional<Outcome> outcome = value_in(kOutcomeNames, s.str(k));
       s.ok = s.ok && outcome;
       r.outcome = outcome.value_or(Outcome::abandoned);
     },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, outcome_name(r.outcome)); }},
    {"pain", [](Strict& s, K k, SessionRecord& r) { r.pain = s.str(k); },
     [](json::Writer& w, K k, const SessionRecord& r) {
       w.key(k);
       if (r.pain.empty()) w.value(nullptr);
       else w.value(r.pain);
     }},
    {"range",
     [](Strict& s, K k, SessionRecord& r) {
       const json::Value* g = s.get(k);
       if (g && !g->IsNumber()) s.ok = false;
       else if (g) r.range = std::clamp(g->GetDouble(), kRangeMin, kRangeMax);
     },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.range); }},
    {"routine", [](Strict& s, K k, SessionRecord& r) { r.routine = s.str(k); },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.routine); }},
    {"started", [](Strict& s, K k, SessionRecord& r) { r.started = s.str(k); },
     [](json::Writer& w, K k, const SessionRecord& r) { w.field(k, r.started); }},
    {"withdrawn", [](Strict& s, K k, SessionRecord& r) { r.withdrawn = s.str(k); },
     [](json::Writer& w, K k, const SessionRecord& r) {
       if (!r.withdrawn.empty()) w.field(k, r.withdrawn);
     }},
};

constexpr bool in_key_order() {
  for (size_t i = 1; i < std::size(kRecordFields); ++i)
    if (!(kRecordFields[i - 1].key < kRecordFields[i].key)) return false;
  return true;
}
static_assert(in_key_order());  // written in alphabetical order: see kRecordFields

const std::set<std::string, std::less<>>& record_keys() {
  static const std::set<std::string, std::less<>> keys = [] {
    std::set<std::string, std::less<>> k;
    for (const RecordField& f : kRecordFields) k.emplace(f.key);
    return k;
  }();
  return keys;
}

void write_known(json::Writer& w, const SessionRecord& r) {
  for (const RecordField& f : kRecordFields) f.write(w, f.key, r);
}

std::string known_text(const SessionRecord& r) {
  json::Writer w;
  w.begin_object();
  write_known(w, r);
  w.end_object();
  return w.text();
}

// A member's key as it was read, or as this version names it.
json::Writer& key_of_member(json::Writer& w, const RawMember& m) {
  return m.key_raw.empty() ? w.key(m.key) : w.raw_key(m.key_raw);
}

// The unknown members, each as its own bytes, after the known ones.
void write_extra(json::Writer& w, const std::vector<RawMember>& extra) {
  for (const RawMember& m : extra) key_of_member(w, m).raw(m.raw);
}

const RawMember* find_kept(const std::vector<RawMember>& kept, std::string_view path) {
  for (const RawMember& k : kept)
    if (k.key == path) return &k;
  return nullptr;
}

std::vector<RawMember> unknown_members(const std::vector<RawMember>& members, const std::set<std::string, std::less<>>& known) {
  std::vector<RawMember> out;
  for (const RawMember& m : members)
    if (!known.count(m.key)) out.push_back(m);
  return out;
}
std::vector<RawMember> unknown_members(std::string_view raw, const std::set<std::string, std::less<>>& known) {
  return unknown_members(raw_members(raw).value_or(std::vector<RawMember>{}), known);
}

// `j` is the record parsed, `raw` the text it was parsed from.
std::optional<SessionRecord> read_record(const json::Value* j, const std::string& raw) {
  if (!json::is_object(j)) return std::nullopt;
  // Half a character in a field this version reads would be written back as
  // U+FFFD once the record changed: such a record is kept as its bytes instead.
  // In a field it does not read (a note from a newer version), it is kept with that field's bytes.
  if (has_lone_surrogate(raw))
    for (const RawMember& m : raw_members(raw).value_or(std::vector<RawMember>{}))
      if (record_keys().count(m.key) && has_lone_surrogate(m.raw)) return std::nullopt;
  Strict s{*j};
  SessionRecord r;
  for (const RecordField& f : kRecordFields) f.read(s, f.key, r);
  if (!s.ok) return std::nullopt;
  // The record's own bytes are read again only for members this version does not know.
  const auto members = j->GetObject();
  if (std::any_of(members.begin(), members.end(), [](const auto& m) { return !record_keys().count(json::view(m.name)); }))
    r.extra = unknown_members(raw, record_keys());
  r.raw = raw;
  r.raw_known = known_text(r);
  return r;
}

// The range read from the stored value: a number within the routine's range, else the start.
double range_of(const json::Value* v) {
  const std::optional<double> n = json::number(v);
  return n ? std::clamp(*n, kRangeMin, kRangeMax) : kRangeStart;
}

// The bytes of `object_raw`'s member `key`, kept under `path`.
void keep_raw(std::vector<RawMember>& kept, std::string_view object_raw, std::string_view key, const std::string& path) {
  for (const RawMember& m : raw_members(object_raw).value_or(std::vector<RawMember>{}))
    if (m.key == key) {
      kept.push_back({path, m.raw, {}});
      return;
    }
}

const std::set<std::string, std::less<>> kAnsweredKeys = {"asked", "day", "yes", "result", "cleared"};

// One of the acks' answer sets; nullopt when absent or not one this version
// can read (then it stays in acks' unknown members, byte for byte).
std::optional<Answered> read_answered(std::string_view raw) {
  if (raw.empty()) return std::nullopt;
  const std::optional<json::Document> j = json::parse(raw);
  if (!j || !j->IsObject()) return std::nullopt;
  // This version never writes a null here: one that is there came from elsewhere, and stays as it is.
  for (const std::string& k : kAnsweredKeys)
    if (const json::Value* v = json::member(*j, k); v && v->IsNull()) return std::nullopt;
  Strict s{*j};
  Answered a;
  const std::optional<int> day = json::integer(s.get("day"));
  if (!day) return std::nullopt;
  a.day = *day;
  a.asked = s.str("asked");
  a.yes = s.strings("yes");
  // A result this version does not know keeps the whole answer set as it was stored.
  if (const std::string result = s.str("result"); !result.empty() && !(a.result = pattern_result_from_name(result))) return std::nullopt;
  a.cleared = s.str("cleared");
  if (!s.ok) return std::nullopt;
  a.extra = unknown_members(raw, kAnsweredKeys);
  return a;
}

void write_answered(json::Writer& w, const Answered& a) {
  w.begin_object().field("asked", a.asked);
  if (!a.cleared.empty()) w.field("cleared", a.cleared);
  w.field("day", a.day);
  if (a.result) w.field("result", pattern_result_name(*a.result));
  w.field("yes", a.yes);
  write_extra(w, a.extra);
  w.end_object();
}

const std::string& key_of(const SessionRecord& r) { return r.id.empty() ? r.raw : r.id; }
bool same(const SessionRecord& a, const SessionRecord& b) {
  return known_text(a) == known_text(b) && a.extra == b.extra;
}
}  // namespace

namespace {
// The session records, each read on its own: one this version cannot read is
// kept as its bytes where it stood.
void read_sessions(const json::Value* parsed, std::string_view raw, Decoded& d) {
  std::optional<std::vector<std::string>> elements = raw_elements(raw);
  if (!elements) return;
  // The array as parsed, element for element beside each one's bytes: a record is not parsed twice.
  const rapidjson::SizeType size = json::is_array(parsed) ? parsed->Size() : 0;
  for (size_t i = 0; i < elements->size(); ++i) {
    const json::Value* element = i < size ? &(*parsed)[static_cast<rapidjson::SizeType>(i)] : nullptr;
    if (std::optional<SessionRecord> r = read_record(element, (*elements)[i])) {
      d.doc.sessions.push_back(std::move(*r));
    } else {
      d.doc.unreadable.push_back({d.doc.sessions.size(), std::move((*elements)[i])});
      ++d.kept;
    }
  }
}

void read_progress(const json::Value& p, std::string_view raw, HistoryDoc& doc) {
  doc.range = range_of(json::member(p, "range"));
  doc.progress_extra = unknown_members(raw, {"range"});
  if (const json::Value* r = json::member(p, "range"); r && !(r->IsNumber() && r->GetDouble() == doc.range))
    keep_raw(doc.kept, raw, "range", "progress.range");
}

// Every key of the settings object, in the order they are written: the
// one-value settings (kScalarSettings) and those read on their own.
std::vector<std::string_view> settings_keys() {
  std::vector<std::string_view> keys = {"exercises_off", "holds", "lang", "reps"};
  for (const ScalarSetting& d : kScalarSettings) keys.push_back(d.key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

// The settings object being read: as parsed, as its members' bytes, and the
// settings it fills. A known setting of the wrong type is kept as its bytes
// (Settings::kept), and the default stands meanwhile.
struct SettingsReader {
  const json::Value& s;
  const std::vector<RawMember> raw;
  Settings& st;

  // The bytes of `from`'s member `key`, kept under `path`.
  void keep(const std::vector<RawMember>& from, std::string_view key, const std::string& path) {
    for (const RawMember& m : from)
      if (m.key == key) { st.kept.push_back({path, m.raw, {}}); return; }
  }
  // A setting holding half a character somewhere (in a language, an exercise
  // id) would be written back changed: it is kept as its bytes too.
  bool mended_at(std::string_view key) const {
    for (const RawMember& m : raw)
      if (m.key == key && has_lone_surrogate(m.raw)) return true;
    return false;
  }
  void read_flag(const char* k, bool& v) {
    const json::Value* f = json::member(s, k);
    if (!f) return;
    if (f->IsBool()) v = f->GetBool();
    else keep(raw, k, k);
  }
  // A number outside its range, or a fraction where a whole number goes, is
  // read as the nearest it can be, and its bytes kept until the person changes it.
  std::optional<double> read_number(const char* k, double lo, double hi, bool whole) {
    const json::Value* n = json::member(s, k);
    if (!n) return std::nullopt;
    if (n->IsNumber()) {
      const double v = n->GetDouble();
      if (v < lo || v > hi || (whole && v != std::floor(v))) keep(raw, k, k);
      return std::clamp(v, lo, hi);
    }
    keep(raw, k, k);
    return std::nullopt;
  }
  void read_scalars() {
    for (const ScalarSetting& d : kScalarSettings) {
      const char* k = d.key.data();
      if (d.flag) read_flag(k, st.*d.flag);
      else if (d.number) st.*d.number = read_number(k, d.min, d.max, false).value_or(st.*d.number);
      else st.*d.whole = static_cast<int>(read_number(k, d.min, d.max, true).value_or(st.*d.whole));
    }
  }
  void read_lang() {
    const json::Value* l = json::member(s, "lang");
    if (!l) return;
    // An empty one is "not chosen", as absent is, but it was stored: kept, as it was, too.
    if (l->IsString() && l->GetStringLength() <= 8 && l->GetStringLength() > 0 && !mended_at("lang")) st.lang = json::view(*l);
    else keep(raw, "lang", "lang");
  }
  // Per exercise: one unreadable dose is kept on its own; the others are read.
  std::map<std::string, double> read_doses(const char* k, bool whole) {
    std::map<std::string, double> doses;
    const json::Value* o = json::member(s, k);
    if (!o) return doses;
    if (!o->IsObject() || mended_at(k)) { keep(raw, k, k); return doses; }
    std::vector<RawMember> entries;
    for (const RawMember& m : raw)
      if (m.key == k) entries = raw_members(m.raw).value_or(std::vector<RawMember>{});
    // By id, the last of a repeated id standing, as they have always been read.
    std::map<std::string_view, const json::Value*> by_id;
    for (const auto& m : o->GetObject()) by_id[json::view(m.name)] = &m.value;
    for (const auto& [id, v] : by_id)
      // Beyond a million a number no longer reads back as it was written: kept as its bytes.
      if ((whole ? integer_literal(*v) : v->IsNumber()) && std::abs(v->GetDouble()) <= 1e6) doses[std::string(id)] = v->GetDouble();
      else keep(entries, id, std::string(k) + "." + std::string(id));
    return doses;
  }
  void read_exercises_off() {
    const json::Value* o = json::member(s, "exercises_off");
    if (!o) return;
    const bool strings = o->IsArray() && !mended_at("exercises_off") &&
                         std::all_of(o->Begin(), o->End(), [](const json::Value& v) { return v.IsString(); });
    if (!strings) keep(raw, "exercises_off", "exercises_off");
    else for (const json::Value& v : o->GetArray()) st.exercises_off.emplace(json::view(v));
  }
};

void read_settings(const json::Value& s, std::string_view settings_raw, HistoryDoc& doc) {
  SettingsReader r{s, raw_members(settings_raw).value_or(std::vector<RawMember>{}), doc.settings};
  r.read_scalars();
  r.read_lang();
  doc.settings.holds = r.read_doses("holds", false);
  for (const auto& [id, n] : r.read_doses("reps", true)) doc.settings.reps[id] = static_cast<int>(n);
  r.read_exercises_off();
  const std::vector<std::string_view> keys = settings_keys();
  doc.settings_extra = unknown_members(settings_raw, {keys.begin(), keys.end()});
}

void read_acks(const json::Value& a, std::string_view raw, HistoryDoc& doc) {
  doc.intro_ack = json::boolean(json::member(a, "intro")).value_or(false);
  doc.trend_ack_day = json::integer(json::member(a, "trend_day"));
  if (json::member(a, "intro") && !json::boolean(json::member(a, "intro")))
    keep_raw(doc.kept, raw, "intro", "acks.intro");
  if (json::member(a, "trend_day") && !doc.trend_ack_day)
    keep_raw(doc.kept, raw, "trend_day", "acks.trend_day");
  std::set<std::string, std::less<>> known = {"intro", "trend_day"};
  // Each is known only when this version can read it; else it stays among acks' unknown members, verbatim.
  auto read_day = [&](const char* k, std::optional<int>& into) {
    if ((into = json::integer(json::member(a, k)))) known.insert(k);
  };
  read_day("backup_day", doc.backup_day);
  read_day("backup_offer_day", doc.backup_offer_day);
  read_day("persist_day", doc.persist_day);
  if (std::optional<std::string> saved = json::string(json::member(a, "backup_saved"))) {
    doc.backup_saved = *saved;
    known.insert("backup_saved");
  }
  if (std::optional<bool> install = json::boolean(json::member(a, "install"))) {
    doc.install_ack = *install;
    known.insert("install");
  }
  if (auto members = raw_members(raw))
    for (const RawMember& m : *members) {
      std::optional<Answered>* into = m.key == "history" ? &doc.screening : m.key == "inflammatory" ? &doc.pattern : nullptr;
      if (into && (*into = read_answered(m.raw))) known.insert(m.key);
    }
  doc.acks_extra = unknown_members(raw, known);
}

}  // namespace

Decoded decode_history(std::string_view text) {
  Decoded d;
  if (text.empty()) return d;
  // Read with half characters mended (raw_json.h); every byte kept is the original's.
  const std::optional<std::string> mended = mend_lone_surrogates(text);
  const std::optional<json::Document> doc = json::parse(mended ? std::string_view(*mended) : text);
  const std::optional<double> schema = doc ? json::number(json::member(*doc, "schema")) : std::nullopt;
  if (!schema) {
    d.status = DecodeStatus::unreadable;
    return d;
  }
  d.status = *schema > kSchema ? DecodeStatus::newer_schema : DecodeStatus::ok;
  // A part that is not what it must be (the sessions not a list, the settings
  // not an object) could be neither read nor written back in its place: the
  // document is unreadable, and so kept aside as it is (docs/architecture.md).
  auto wrong = [&](const char* k, bool list) {
    const json::Value* v = json::member(*doc, k);
    return v && !(list ? v->IsArray() : v->IsObject());
  };
  if (d.status == DecodeStatus::ok &&
      (wrong("sessions", true) || wrong("progress", false) || wrong("settings", false) || wrong("acks", false))) {
    d.status = DecodeStatus::unreadable;
    return d;
  }
  std::vector<RawMember> top = raw_members(text).value_or(std::vector<RawMember>{});
  // The first member of a name, as json::member finds it: the bytes and the value read are the same member's.
  auto raw_of = [&](const char* k) -> std::string_view {
    for (const RawMember& m : top) if (m.key == k) return m.raw;
    return {};
  };
  d.doc.extra = unknown_members(top, {"schema", "sessions", "progress", "settings", "acks"});

  read_sessions(json::member(*doc, "sessions"), raw_of("sessions"), d);
  if (const json::Value* p = json::member(*doc, "progress"); json::is_object(p)) read_progress(*p, raw_of("progress"), d.doc);
  if (const json::Value* s = json::member(*doc, "settings"); json::is_object(s)) read_settings(*s, raw_of("settings"), d.doc);
  if (const json::Value* a = json::member(*doc, "acks"); json::is_object(a)) read_acks(*a, raw_of("acks"), d.doc);
  return d;
}

const ScalarSetting* find_setting(std::string_view key) {
  for (const ScalarSetting& d : kScalarSettings)
    if (d.key == key) return &d;
  return nullptr;
}

namespace {
// The settings object: each member by name, and in place of the value this
// version would write the bytes kept for it (Settings::kept, keyed by path),
// or, where it writes none, after the members it does write.
void write_settings(json::Writer& w, const Settings& s, const std::vector<RawMember>& extra) {
  const std::vector<RawMember>& kept = s.kept;
  // Per exercise: a dose kept in its place, or after the doses this version holds.
  auto doses = [&](std::string_view key, const auto& by_id) {
    const std::string prefix = std::string(key) + ".";
    w.begin_object();
    for (const auto& [id, n] : by_id) {
      w.key(id);
      if (const RawMember* k = find_kept(kept, prefix + id)) w.raw(k->raw);
      else w.value(n);
    }
    for (const RawMember& k : kept) {
      if (k.key.rfind(prefix, 0) != 0) continue;
      const std::string id = k.key.substr(prefix.size());
      if (!by_id.count(id)) w.key(id).raw(k.raw);
    }
    w.end_object();
  };
  std::vector<std::string_view> keys = settings_keys();
  // The language only once chosen, so documents from before languages existed are written back as they were.
  if (s.lang.empty()) keys.erase(std::find(keys.begin(), keys.end(), "lang"));

  w.begin_object();
  for (std::string_view key : keys) {
    w.key(key);
    const ScalarSetting* d = find_setting(key);
    if (const RawMember* k = find_kept(kept, key)) w.raw(k->raw);
    else if (d && d->flag) w.value(s.*d->flag);
    else if (d && d->number) w.value(s.*d->number);
    else if (d) w.value(s.*d->whole);
    else if (key == "holds") doses(key, s.holds);
    else if (key == "reps") doses(key, s.reps);
    else if (key == "exercises_off") w.value(std::vector<std::string>(s.exercises_off.begin(), s.exercises_off.end()));
    else w.value(s.lang);
  }
  for (const RawMember& k : kept)
    if (k.key.find('.') == std::string::npos && !std::binary_search(keys.begin(), keys.end(), std::string_view(k.key)))
      key_of_member(w, k).raw(k.raw);
  write_extra(w, extra);
  w.end_object();
}
}  // namespace

std::string empty_history() { return json::Writer().begin_object().field("schema", kSchema).end_object().text(); }

namespace {
// The records, each as it was read while what was read from it still stands,
// and those kept unread in their places among them.
void write_sessions(json::Writer& w, const HistoryDoc& doc) {
  w.key("sessions").begin_array();
  size_t kept = 0;
  for (size_t i = 0; i <= doc.sessions.size(); ++i) {
    for (; kept < doc.unreadable.size() && doc.unreadable[kept].position <= i; ++kept) w.raw(doc.unreadable[kept].raw);
    if (i == doc.sessions.size()) break;
    const SessionRecord& r = doc.sessions[i];
    if (!r.raw.empty() && known_text(r) == r.raw_known) {
      w.raw(r.raw);
      continue;
    }
    w.begin_object();
    write_known(w, r);
    write_extra(w, r.extra);
    w.end_object();
  }
  for (; kept < doc.unreadable.size(); ++kept) w.raw(doc.unreadable[kept].raw);
  w.end_array();
}

// A value kept verbatim goes back in its place while what was read for it still stands.
void write_progress(json::Writer& w, const HistoryDoc& doc) {
  const RawMember* range = find_kept(doc.kept, "progress.range");
  if (range) {
    const std::optional<json::Document> v = json::parse(range->raw);
    if (range_of(v ? &*v : nullptr) != doc.range) range = nullptr;
  }
  w.key("progress").begin_object().key("range");
  if (range) w.raw(range->raw);
  else w.value(doc.range);
  write_extra(w, doc.progress_extra);
  w.end_object();
}

void write_acks(json::Writer& w, const HistoryDoc& doc) {
  w.key("acks").begin_object().key("intro");
  const RawMember* intro = find_kept(doc.kept, "acks.intro");
  if (intro && !doc.intro_ack) w.raw(intro->raw);
  else w.value(doc.intro_ack);
  if (doc.trend_ack_day) w.field("trend_day", *doc.trend_ack_day);
  else if (const RawMember* day = find_kept(doc.kept, "acks.trend_day")) w.key("trend_day").raw(day->raw);
  // Only once set, so a document from before backups is written back as it was.
  if (!doc.backup_saved.empty()) w.field("backup_saved", doc.backup_saved);
  if (doc.backup_day) w.field("backup_day", *doc.backup_day);
  if (doc.backup_offer_day) w.field("backup_offer_day", *doc.backup_offer_day);
  if (doc.persist_day) w.field("persist_day", *doc.persist_day);
  if (doc.install_ack) w.field("install", true);
  // A newer answer replaces one this version could not read, after the members kept.
  auto answered = [&](std::string_view key) -> const std::optional<Answered>& {
    return key == "history" ? doc.screening : doc.pattern;
  };
  for (const RawMember& m : doc.acks_extra)
    if (!((m.key == "history" || m.key == "inflammatory") && answered(m.key))) key_of_member(w, m).raw(m.raw);
  for (const char* key : {"history", "inflammatory"})
    if (const std::optional<Answered>& a = answered(key)) {
      w.key(key);
      write_answered(w, *a);
    }
  w.end_object();
}
}  // namespace

std::string encode_history(const HistoryDoc& doc) {
  json::Writer w;
  w.begin_object().field("schema", kSchema);
  write_sessions(w, doc);
  write_progress(w, doc);
  w.key("settings");
  write_settings(w, doc.settings, doc.settings_extra);
  write_acks(w, doc);
  write_extra(w, doc.extra);
  w.end_object();
  return w.text();
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

  // What this tab holds that neither storage nor its base has — records kept
  // unread and unknown members a restored backup brought — goes in too.
  for (const KeptRecord& k : mine.unreadable) {
    auto in = [&](const std::vector<KeptRecord>& v) {
      return std::any_of(v.begin(), v.end(), [&](const KeptRecord& x) { return x.raw == k.raw; });
    };
    if (!in(base.unreadable) && !in(out.unreadable))
      out.unreadable.push_back({std::max(out.sessions.size(), out.unreadable.empty() ? 0 : out.unreadable.back().position), k.raw});
  }
  auto add_new = [](std::vector<RawMember>& into, const std::vector<RawMember>& from, const std::vector<RawMember>& old) {
    auto has = [](const std::vector<RawMember>& v, const std::string& key) {
      return std::any_of(v.begin(), v.end(), [&](const RawMember& m) { return m.key == key; });
    };
    for (const RawMember& m : from)
      if (!has(old, m.key) && !has(into, m.key)) into.push_back(m);
  };
  add_new(out.extra, mine.extra, base.extra);
  add_new(out.progress_extra, mine.progress_extra, base.progress_extra);
  add_new(out.settings_extra, mine.settings_extra, base.settings_extra);
  add_new(out.acks_extra, mine.acks_extra, base.acks_extra);

  if (mine.range != base.range) out.range = mine.range;
  if (!(mine.settings == base.settings)) out.settings = mine.settings;
  out.intro_ack = stored.intro_ack || mine.intro_ack;
  if (mine.trend_ack_day != base.trend_ack_day) out.trend_ack_day = mine.trend_ack_day;
  if (mine.backup_saved != base.backup_saved || mine.backup_day != base.backup_day) {
    out.backup_saved = mine.backup_saved;
    out.backup_day = mine.backup_day;
  }
  if (mine.backup_offer_day != base.backup_offer_day) out.backup_offer_day = mine.backup_offer_day;
  if (mine.persist_day != base.persist_day) out.persist_day = mine.persist_day;
  out.install_ack = stored.install_ack || mine.install_ack;
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
  const bool checked_out = r.outcome == Outcome::blocked && r.check_level != Tier::review && r.check_level != Tier::none;
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
    if (r.outcome == Outcome::completed) days.insert(r.day);
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
    if (r.outcome != Outcome::completed) continue;
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
