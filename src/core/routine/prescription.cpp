#include "core/routine/prescription.h"

#include <algorithm>

#include "core/raw_json.h"
#include "core/json.h"

namespace unfurl::core {

namespace {

// The first member named `key`: the one json::member finds.
const RawMember* find(const std::vector<RawMember>& members, std::string_view key) {
  for (const RawMember& m : members)
    if (m.key == key) return &m;
  return nullptr;
}

// The elements of the array `key` among `members`, each as written; nullopt when there is no such array.
std::optional<std::vector<std::string>> elements(const std::optional<std::vector<RawMember>>& members, std::string_view key) {
  const RawMember* list = members ? find(*members, key) : nullptr;
  return list ? raw_elements(list->raw) : std::nullopt;
}

// What a string value written as `text` says; nullopt for any other value.
std::optional<std::string> string_written(std::string_view text) {
  const std::optional<json::Document> doc = json::parse(text);
  return doc ? json::string(&*doc) : std::nullopt;
}

// One of the routine's exercises, its members as the file writes them.
struct Entry {
  std::optional<std::string> id;
  std::vector<RawMember> members;
};

// The routine file's exercises, each as written, with the id it names.
std::vector<Entry> entries_of(const std::vector<std::string>& listed) {
  std::vector<Entry> entries;
  for (const std::string& e : listed) {
    std::optional<std::vector<RawMember>> members = raw_members(e);
    if (!members) continue;
    const RawMember* id = find(*members, "id");
    entries.push_back({id ? string_written(id->raw) : std::nullopt, std::move(*members)});
  }
  return entries;
}

// The link's holds and repetitions in place of the exercise's own; their type
// and range are checked by the routine loader. Of several fields a link
// cannot set, the first in key order is named: the same one however the
// link's writer ordered them.
FieldError set_doses(const std::vector<RawMember>& fields, const std::string& where, std::vector<RawMember>& exercise) {
  const RawMember* unknown = nullptr;
  for (const RawMember& f : fields) {
    if (f.key == "id") continue;
    if (f.key != "hold_s" && f.key != "reps") {
      if (!unknown || f.key < unknown->key) unknown = &f;
      continue;
    }
    auto same = std::find_if(exercise.begin(), exercise.end(), [&](const RawMember& m) { return m.key == f.key; });
    if (same == exercise.end()) exercise.push_back(f);
    else same->raw = f.raw;
  }
  if (unknown) return {where + "." + unknown->key, "error.rx_field", {}};
  return {};
}

// One item of the link's list, a bare id or an object naming one: the
// routine's exercise of that id, into `exercise`, with the doses the item sets.
FieldError pick(const std::string& item, const std::string& where, const std::vector<Entry>& entries,
                std::vector<RawMember>& exercise) {
  const std::optional<std::vector<RawMember>> fields = raw_members(item);  // nullopt for a bare id
  const RawMember* id_field = fields ? find(*fields, "id") : nullptr;
  const std::optional<std::string> id = fields ? (id_field ? string_written(id_field->raw) : std::nullopt)
                                               : string_written(item);
  if (!id) return {where, "error.rx_item", {}};
  const Entry* found = nullptr;
  for (const Entry& e : entries)
    if (e.id == *id) found = &e;
  if (!found) return {where, "error.unknown_exercise", {*id}};
  exercise = found->members;
  return fields ? set_doses(*fields, where, exercise) : FieldError{};
}

// range_cap, when the link sets one: a number from 0.5 to 1.
FieldError read_range_cap(const json::Value& rx, double& cap) {
  const json::Value* value = json::member(rx, "range_cap");
  if (!value) return {};
  const std::optional<double> v = json::number(value);
  if (!v || *v < 0.5 || *v > 1.0) return {"range_cap", "error.range_cap", {}};
  cap = *v;
  return {};
}

// note, when the link has one: text of at most kNoteCharacters characters —
// characters, as docs/embedding.md says and the builder's field counts
// (web/prescribe.html): a UTF-8 continuation byte is no new character.
FieldError read_note(const json::Value& rx, std::string& note) {
  const json::Value* value = json::member(rx, "note");
  if (!value) return {};
  std::optional<std::string> s = json::string(value);
  const auto characters = [](const std::string& t) {
    return std::count_if(t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  };
  if (!s || characters(*s) > kNoteCharacters) return {"note", "error.note", {std::to_string(kNoteCharacters)}};
  note = std::move(*s);
  return {};
}

PrescriptionResult refused(FieldError error) { return {std::nullopt, std::move(error)}; }

// The routine's own members with `exercises` in place of its list.
std::string with_exercises(const std::vector<RawMember>& routine, const std::vector<std::vector<RawMember>>& exercises) {
  json::Writer out;
  out.begin_object();
  for (const RawMember& m : routine) {
    out.key(m.key);
    if (m.key != "exercises") {
      out.raw(m.raw);
      continue;
    }
    out.begin_array();
    for (const std::vector<RawMember>& e : exercises) {
      out.begin_object();
      for (const RawMember& f : e) out.key(f.key).raw(f.raw);
      out.end_object();
    }
    out.end_array();
  }
  out.end_object();
  return out.text();
}

}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-' || c == '+') return 62;
    if (c == '_' || c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

PrescriptionResult apply_prescription(std::string_view routine_json, std::string_view rx_json, const Catalogue& text) {
  const std::optional<json::Document> rx = json::parse(rx_json);
  if (!rx || !rx->IsObject()) return refused({"", "error.rx_json", {}});
  // The loader is given the routine file's own text but for the exercises the
  // link picks, and the doses it sets as the link writes them: every number is
  // read as written, once, by the loader.
  const std::optional<std::vector<RawMember>> routine = raw_members(routine_json);
  const std::optional<std::vector<std::string>> listed = elements(routine, "exercises");
  if (!listed) return refused({"", "error.routine_unreadable", {}});
  const std::vector<Entry> entries = entries_of(*listed);
  const std::optional<std::vector<std::string>> items = elements(raw_members(rx_json), "exercises");
  if (!items || items->empty()) return refused({"exercises", "error.non_empty_list", {}});
  std::vector<std::vector<RawMember>> picked;
  for (size_t i = 0; i < items->size(); ++i) {
    std::vector<RawMember> exercise;
    if (FieldError e = pick((*items)[i], "exercises[" + std::to_string(i) + "]", entries, exercise); !e.empty())
      return refused(std::move(e));
    picked.push_back(std::move(exercise));
  }
  RoutineResult r = load_routine(with_exercises(*routine, picked), text);
  if (!r.routine) return refused(std::move(r.error));

  Prescription p{std::move(*r.routine), {}};
  if (FieldError e = read_range_cap(*rx, p.routine.range_cap); !e.empty()) return refused(std::move(e));
  if (FieldError e = read_note(*rx, p.note); !e.empty()) return refused(std::move(e));
  return {std::move(p), {}};
}

PrescriptionResult read_prescription_link(std::string_view routine_json, std::string_view rx_param, const Catalogue& text) {
  auto decoded = base64url_decode(rx_param);
  if (!decoded) return {std::nullopt, {"", "error.rx_base64", {}}};
  return apply_prescription(routine_json, *decoded, text);
}

}  // namespace unfurl::core
