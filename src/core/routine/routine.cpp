// Routine loading. User-reachable data (a clinic's prescription, an edited
// routine file) flows through here, and the wasm has no exceptions: every value
// is type-checked before it is read, and the first problem found is returned
// as a value naming the field, its sentence a key in assets/i18n ("error.*").
#include "core/routine/routine.h"

#include <cstdio>

#include "core/assets.h"
#include "core/json.h"

namespace unfurl::core {

namespace {

// What docs/clinical.md allows for each exercise the app knows how to show. A
// routine may narrow these, never widen them: doses outside are not ours to give.
struct Limits { const char* id; IntRange reps; SecondsRange hold; };
constexpr Limits kCatalogue[] = {
    {"knee_to_chest", {1, 1}, {20, 30}}, {"pelvic_tilt", {5, 10}, {3, 5}},
    {"figure_four", {1, 1}, {20, 30}},   {"spinal_twist", {1, 1}, {20, 30}},
    {"press_up", {3, 10}, {1, 5}},       {"fetal", {1, 1}, {10, 30}},
};

const Limits* catalogue_limits(std::string_view id) {
  for (const Limits& l : kCatalogue)
    if (id == l.id) return &l;
  return nullptr;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Reads fields from one JSON object, remembering the first error with its path.
class Reader {
 public:
  Reader(const json::Value& obj, std::string path, FieldError& error)
      : obj_(obj), path_(std::move(path)), error_(error) {}

  bool ok() const { return error_.empty(); }
  std::string where(const char* key) const { return path_.empty() ? key : path_ + "." + key; }
  void fail(FieldError e) {
    if (error_.empty()) error_ = std::move(e);
  }
  void fail(const char* key, const char* sentence, std::vector<std::string> args = {}) {
    fail({where(key), sentence, std::move(args)});
  }

  const json::Value* field(const char* key, bool required) {
    const json::Value* v = json::member(obj_, key);
    if (!v && required) fail(key, "error.missing");
    return v;
  }

  std::string text(const char* key, bool required = true) {
    const json::Value* v = field(key, required);
    if (!v) return {};
    if (!v->IsString()) { fail(key, "error.text"); return {}; }
    std::string s(json::view(*v));
    if (required && s.empty()) fail(key, "error.empty");
    return s;
  }

  double number(const char* key, double fallback, bool required = true) {
    const json::Value* v = field(key, required);
    if (!v) return fallback;
    if (!v->IsNumber()) { fail(key, "error.number"); return fallback; }
    return v->GetDouble();
  }

  bool boolean(const char* key, bool fallback) {
    const json::Value* v = field(key, false);
    if (!v) return fallback;
    if (!v->IsBool()) { fail(key, "error.boolean"); return fallback; }
    return v->GetBool();
  }

  std::vector<std::string> lines(const char* key, bool required = true) {
    std::vector<std::string> out;
    const json::Value* v = field(key, required);
    if (!v) return out;
    if (!v->IsArray()) { fail(key, "error.lines"); return out; }
    for (const json::Value& line : v->GetArray()) {
      if (!line.IsString()) { fail(key, "error.lines"); return out; }
      out.emplace_back(json::view(line));
    }
    return out;
  }

  std::pair<double, double> pair(const char* key) {
    const json::Value* v = field(key, true);
    if (!v) return {0, 0};
    if (!v->IsArray() || v->Size() != 2 || !(*v)[0].IsNumber() || !(*v)[1].IsNumber()) {
      fail(key, "error.min_max");
      return {0, 0};
    }
    return {(*v)[0].GetDouble(), (*v)[1].GetDouble()};
  }

 private:
  const json::Value& obj_;
  std::string path_;
  FieldError& error_;
};

// The words of the routine come from the catalogue (assets/i18n/), keyed by
// what they describe, so a language is one file; the routine file holds only
// doses and structure. A missing word is an error that names its key.
class Words {
 public:
  Words(const Catalogue& text, FieldError& error) : text_(text), error_(error) {}
  std::string text(const std::string& key, bool required = true) {
    const std::string* s = text_.find(key);
    if (s && !s->empty()) return *s;
    if (required && error_.empty()) error_ = {key, "error.word_missing", {}};
    return {};
  }
  std::vector<std::string> lines(const std::string& key) {
    std::vector<std::string> out = text_.lines(key);
    if (out.empty() && error_.empty()) error_ = {key, "error.word_missing", {}};
    return out;
  }

 private:
  const Catalogue& text_;
  FieldError& error_;
};

void read_exercise(const json::Value& j, const std::string& path, Exercise& e, const Catalogue& text, FieldError& error) {
  if (!j.IsObject()) { error = {path, "error.object", {}}; return; }
  Reader r(j, path, error);
  e.id = r.text("id");
  if (!r.ok()) return;
  const Limits* limits = catalogue_limits(e.id);
  if (!limits) { r.fail("id", "error.unknown_exercise", {e.id}); return; }
  e.position = r.text("position");
  if (r.ok() && e.position != "supine" && e.position != "prone" && e.position != "side")
    r.fail("position", "error.position");
  e.sided = r.boolean("sided", false);
  Words w(text, error);
  const std::string key = "ex." + e.id + ".";
  e.name = w.text(key + "name");
  e.intro = w.text(key + "intro");
  e.move = w.text(key + "move");
  e.repeat_move = w.text(key + "repeat_move", false);
  e.hold_cue = w.text(key + "hold_cue");
  e.lines = w.lines(key + "lines");
  if (e.sided) {
    e.side_names = w.lines(key + "sides");
    if (r.ok() && e.side_names.size() != 2) r.fail({key + "sides", "error.two_sides", {}});
  }
  e.muscles = r.lines("muscles", false);
  e.cautions = text.lines(key + "cautions");  // optional: most stretches need no more than their lines
  auto [rmin, rmax] = r.pair("reps_range");
  auto [hmin, hmax] = r.pair("hold_range");
  e.reps = static_cast<int>(r.number("reps", 1));
  e.hold_s = r.number("hold_s", 0);
  e.rest_s = r.number("rest_s", 5);
  e.move_s = r.number("move_s", 4);
  if (!r.ok()) return;

  e.reps_range = {static_cast<int>(rmin), static_cast<int>(rmax)};
  e.hold_range = {hmin, hmax};
  if (rmin > rmax || rmin < limits->reps.min || rmax > limits->reps.max)
    return r.fail("reps_range", "error.within", {fmt(limits->reps.min), fmt(limits->reps.max)});
  if (hmin > hmax || hmin < limits->hold.min_s || hmax > limits->hold.max_s)
    return r.fail("hold_range", "error.within_s", {fmt(limits->hold.min_s), fmt(limits->hold.max_s)});
  if (e.reps < rmin || e.reps > rmax)
    return r.fail("reps", "error.outside", {fmt(e.reps), fmt(rmin), fmt(rmax)});
  if (e.hold_s < hmin || e.hold_s > hmax)
    return r.fail("hold_s", "error.outside_s", {fmt(e.hold_s), fmt(hmin), fmt(hmax)});
  // The article: move slowly, never rush. 3–5 s in docs/clinical.md; a little slack for reps.
  if (e.move_s < 2 || e.move_s > 8)
    return r.fail("move_s", "error.outside_s", {fmt(e.move_s), "2", "8"});
  if (e.rest_s < 1 || e.rest_s > 30)
    return r.fail("rest_s", "error.outside_s", {fmt(e.rest_s), "1", "30"});
}

}  // namespace

double Routine::total_s() const {
  const Preparation& p = preparation;
  double t = p.breaths * (p.inhale_s + p.exhale_s);
  for (const Exercise& e : exercises) {
    int sides = e.sided ? 2 : 1;
    t += between_s;                                             // announcement
    t += sides * e.reps * (2 * e.move_s + e.hold_s);            // move, hold, release
    t += sides * (e.reps - 1) * e.rest_s;                       // rest between reps
    t += (sides - 1) * between_s;                               // switch sides
  }
  return t;
}

const Exercise* Routine::find(std::string_view id) const {
  for (const Exercise& e : exercises)
    if (e.id == id) return &e;
  return nullptr;
}

RoutineResult load_routine(std::string_view json_text, const Catalogue& text) {
  RoutineResult result;
  const std::optional<json::Document> parsed = json::parse(json_text);
  if (!parsed) { result.error = {"routine", "error.not_json", {}}; return result; }
  const json::Value& doc = *parsed;
  if (!doc.IsObject()) { result.error = {"routine", "error.not_object", {}}; return result; }

  FieldError error;
  Routine routine;
  Reader r(doc, "", error);
  Words w(text, error);
  routine.id = r.text("id");
  routine.name = w.text("routine.name");
  routine.purpose = w.text("routine.purpose", false);
  routine.between_s = r.number("between_s", 5, false);
  if (r.ok() && (routine.between_s < 3 || routine.between_s > 30)) r.fail("between_s", "error.range_s", {"3", "30"});

  if (const json::Value* prep = r.field("preparation", true); prep && r.ok()) {
    if (!prep->IsObject()) {
      r.fail("preparation", "error.object");
    } else {
      Reader p(*prep, "preparation", error);
      routine.preparation.breaths = static_cast<int>(p.number("breaths", 3));
      routine.preparation.inhale_s = p.number("inhale_s", 5);
      routine.preparation.exhale_s = p.number("exhale_s", 5);
      routine.preparation.lines = w.lines("prepare.lines");
      if (p.ok() && (routine.preparation.breaths < 1 || routine.preparation.breaths > 10))
        p.fail("breaths", "error.range", {"1", "10"});
    }
  }

  if (const json::Value* list = r.field("exercises", true); list && r.ok()) {
    if (!list->IsArray() || list->Empty()) {
      r.fail("exercises", "error.non_empty_list");
    } else {
      for (rapidjson::SizeType i = 0; i < list->Size() && error.empty(); ++i) {
        Exercise e;
        read_exercise((*list)[i], "exercises[" + std::to_string(i) + "]", e, text, error);
        if (error.empty() && routine.find(e.id))
          error = {"exercises[" + std::to_string(i) + "].id", "error.twice", {e.id}};
        routine.exercises.push_back(std::move(e));
      }
    }
  }

  if (r.ok()) routine.closing_lines = w.lines("closing.lines");

  if (!error.empty()) { result.error = std::move(error); return result; }
  result.routine = std::move(routine);
  return result;
}

std::string_view default_routine_json() { return embedded_asset("assets/routines/morning-back.json"); }

Routine default_routine(const Catalogue& text) {
  // The shipped files are checked by the unit tests in every language; a broken build would fail there.
  return load_routine(default_routine_json(), text).routine.value_or(Routine{});
}

const Routine& default_routine() {
  static const Routine routine = default_routine(english());
  return routine;
}

}  // namespace unfurl::core
