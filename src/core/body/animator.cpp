#include "core/body/animator.h"

#include <algorithm>

#include "core/assets.h"
#include "core/json.h"

namespace unfurl::core::body {

namespace {

std::optional<Joint> joint_from(std::string_view name) {
  for (int j = 0; j < kJointCount; ++j)
    if (joint_name(static_cast<Joint>(j)) == name) return static_cast<Joint>(j);
  return std::nullopt;
}
std::optional<Goal> goal_from(std::string_view name) {
  for (int g = 0; g < static_cast<int>(Goal::kCount); ++g)
    if (goal_name(static_cast<Goal>(g)) == name) return static_cast<Goal>(g);
  return std::nullopt;
}

// Reads "angles" and "goals" (and roll/pitch) into k, on top of what k has.
bool read_key(const json::Value& j, Keyframe& k, const std::string& where, std::string& error) {
  if (!j.IsObject()) { error = where + ": must be an object"; return false; }
  if (const json::Value* a = json::member(j, "angles")) {
    if (!a->IsObject()) { error = where + ".angles: must be an object"; return false; }
    for (const auto& m : a->GetObject()) {
      const std::string name(json::view(m.name));
      auto joint = joint_from(name);
      const json::Value& v = m.value;
      if (!joint) { error = where + ".angles." + name + ": unknown joint"; return false; }
      if (!v.IsArray() || v.Size() != 3 || !v[0].IsNumber() || !v[1].IsNumber() || !v[2].IsNumber()) {
        error = where + ".angles." + name + ": must be [flexion, abduction, rotation]";
        return false;
      }
      k.pose.angles[*joint] = {static_cast<float>(v[0].GetDouble()), static_cast<float>(v[1].GetDouble()),
                               static_cast<float>(v[2].GetDouble())};
    }
  }
  if (const json::Value* g = json::member(j, "goals")) {
    if (!g->IsObject()) { error = where + ".goals: must be an object"; return false; }
    for (const auto& m : g->GetObject()) {
      const std::string name(json::view(m.name));
      auto goal = goal_from(name);
      if (!goal || !m.value.IsNumber()) { error = where + ".goals." + name + ": unknown goal or not a weight"; return false; }
      k.goals[*goal] = std::clamp(static_cast<float>(m.value.GetDouble()), 0.0f, 1.0f);
    }
  }
  for (const char* key : {"roll", "pitch"}) {
    if (const json::Value* r = json::member(j, key)) {
      if (!r->IsNumber()) { error = where + "." + key + ": must be a number"; return false; }
      (std::string(key) == "roll" ? k.pose.root.roll_deg : k.pose.root.pitch_deg) = static_cast<float>(r->GetDouble());
    }
  }
  return true;
}
}  // namespace

PoseLibraryResult load_poses(std::string_view text) {
  PoseLibraryResult result;
  const std::optional<json::Document> parsed = json::parse(text);
  if (!parsed || !parsed->IsObject()) { result.error = "poses: not a JSON object"; return result; }
  const json::Value& doc = *parsed;
  PoseLibrary lib;
  if (std::optional<double> h = json::number(json::member(doc, "height_m"))) lib.height_m = static_cast<float>(*h);
  const json::Value* bases = json::member(doc, "bases");
  if (!json::is_object(bases)) { result.error = "bases: missing"; return result; }
  for (const auto& m : bases->GetObject()) {
    Keyframe k;
    const std::string name(json::view(m.name));
    const json::Value& b = m.value;
    std::string where = "bases." + name;
    const std::optional<std::string> lying = json::string(json::member(b, "lying"));
    if (!lying) { result.error = where + ".lying: missing"; return result; }
    if (*lying == "supine") k.pose.root.lying = Lying::supine;
    else if (*lying == "prone") k.pose.root.lying = Lying::prone;
    else if (*lying == "side") k.pose.root.lying = Lying::side;
    else { result.error = where + ".lying: must be supine, prone or side"; return result; }
    k.contact = json::string(json::member(b, "contact")) == "lowest_point" ? Contact::lowest_point : Contact::pelvis_and_chest;
    if (!read_key(b, k, where, result.error)) return result;
    lib.bases[name] = k;
  }
  const json::Value* exercises = json::member(doc, "exercises");
  if (!json::is_object(exercises)) { result.error = "exercises: missing"; return result; }
  for (const auto& m : exercises->GetObject()) {
    const std::string name(json::view(m.name));
    const json::Value& e = m.value;
    std::string where = "exercises." + name;
    const std::optional<std::string> start = json::string(json::member(e, "start"));
    if (!start) { result.error = where + ".start: missing"; return result; }
    ExercisePoses ex;
    ex.start = *start;
    auto base = lib.bases.find(ex.start);
    if (base == lib.bases.end()) { result.error = where + ".start: unknown base \"" + ex.start + "\""; return result; }
    ex.camera = json::string(json::member(e, "camera")).value_or("side");
    ex.arrow = json::boolean(json::member(e, "arrow")).value_or(false);
    ex.full = base->second;
    const json::Value* full = json::member(e, "full");
    if (!full || !read_key(*full, ex.full, where + ".full", result.error)) {
      if (result.error.empty()) result.error = where + ".full: missing";
      return result;
    }
    lib.exercises[name] = ex;
  }
  result.library = std::move(lib);
  return result;
}

const PoseLibrary& default_poses() {
  static const PoseLibrary lib = load_poses(embedded_asset("assets/poses/poses.json")).library.value_or(PoseLibrary{});
  return lib;
}

Keyframe mirrored(const Keyframe& k) {
  Keyframe m = k;
  for (int j = 0; j < kJointCount; ++j) m.pose.angles[mirror(static_cast<Joint>(j))] = k.pose.angles[j];
  // Turning toward the left becomes turning toward the right.
  for (Joint j : {kLumbar, kThorax, kNeck, kHead}) m.pose.angles[j].rot = -k.pose.angles[j].rot;
  m.pose.root.roll_deg = -k.pose.root.roll_deg;
  for (int g = 0; g < static_cast<int>(Goal::kCount); ++g) m.goals[mirror(static_cast<Goal>(g))] = k.goals.weight[g];
  return m;
}

Keyframe blend(const Keyframe& a, const Keyframe& b, float t) {
  Keyframe k = b;
  auto lerp = [t](float x, float y) { return x + (y - x) * t; };
  for (int j = 0; j < kJointCount; ++j) {
    k.pose.angles[j] = {lerp(a.pose.angles[j].flex, b.pose.angles[j].flex),
                        lerp(a.pose.angles[j].abd, b.pose.angles[j].abd),
                        lerp(a.pose.angles[j].rot, b.pose.angles[j].rot)};
  }
  k.pose.root.roll_deg = lerp(a.pose.root.roll_deg, b.pose.root.roll_deg);
  k.pose.root.pitch_deg = lerp(a.pose.root.pitch_deg, b.pose.root.pitch_deg);
  if (a.pose.root.lying != b.pose.root.lying) {
    k.pose.root.blend_from = lying_rotation(a.pose.root.lying);
    k.pose.root.blend = t;
  }
  for (int g = 0; g < static_cast<int>(Goal::kCount); ++g) k.goals.weight[g] = lerp(a.goals.weight[g], b.goals.weight[g]);
  k.contact = t < 0.5f ? a.contact : b.contact;
  return k;
}

Keyframe Animator::roll(const Keyframe& from, const Keyframe& to, float progress) const {
  // Turning over, a person log-rolls: the arms come to the sides and the legs
  // together, the whole body turns as one, then settles into the new
  // position. Passing the side between back and stomach, the arms lie just
  // behind the body, so the turning trunk never lands on one. Coming onto
  // the side to stay, they reach further back and bend there, then come
  // forward past the waist — the bottom arm bent, the top one lifted over
  // the hip — so no forearm sweeps through a hip or a thigh.
  const Keyframe* ends = base("log_roll");
  const Keyframe* side = base("log_roll_side");
  const Keyframe* back = base("log_roll_back");
  const Keyframe* tuck = base("log_roll_tuck");
  if (from.pose.root.lying == to.pose.root.lying || !ends || !side || !back || !tuck)
    return blend(from, to, ease(progress));
  // Arms at the sides, lying as `lying_as` does. Hands that rest on the
  // mattress stay there while gathering (arms out in a T would otherwise
  // swing off the bed) and let go of it as the body turns; arriving, none
  // is held to it, or it would be pulled down through the hips.
  auto gathered = [&](const Keyframe& lying_as, bool hands_on_bed) {
    Keyframe k = *ends;
    k.pose.root = lying_as.pose.root;
    if (!hands_on_bed) k.goals[Goal::hand_on_bed_l] = k.goals[Goal::hand_on_bed_r] = 0;
    return k;
  };
  const bool hands_on_bed = from.goals[Goal::hand_on_bed_l] > 0 || from.goals[Goal::hand_on_bed_r] > 0;
  Keyframe keys[6];
  int n = 0;
  keys[n++] = from;
  keys[n++] = from.pose.root.lying == Lying::side ? *side : gathered(from, hands_on_bed);
  if (to.pose.root.lying == Lying::side) {
    keys[n++] = *back;
    keys[n++] = *tuck;
  } else {
    if (from.pose.root.lying != Lying::side) keys[n++] = *side;
    keys[n++] = gathered(to, false);
  }
  keys[n++] = to;
  const float t = std::clamp(progress, 0.0f, 1.0f) * static_cast<float>(n - 1);
  const int i = std::min(static_cast<int>(t), n - 2);
  return blend(keys[i], keys[i + 1], ease(t - static_cast<float>(i)));
}

const Keyframe* Animator::base(std::string_view name) const {
  auto b = lib_.bases.find(name);
  return b == lib_.bases.end() ? nullptr : &b->second;
}

Body Animator::body() const {
  Body b;
  b.height_m = lib_.height_m;
  b.lengths = Lengths::from_height(lib_.height_m);
  return b;
}

Keyframe Animator::start(std::string_view exercise) const {
  auto e = lib_.exercises.find(exercise);
  std::string_view base = e == lib_.exercises.end() ? std::string_view("flat") : std::string_view(e->second.start);
  auto b = lib_.bases.find(base);
  return b == lib_.bases.end() ? Keyframe{} : b->second;
}

Keyframe Animator::target(std::string_view exercise, Side side, float range) const {
  auto e = lib_.exercises.find(exercise);
  if (e == lib_.exercises.end()) return start(exercise);
  Keyframe full = side == Side::left ? mirrored(e->second.full) : e->second.full;
  // The range scales how far the joints move, not where the hands and feet
  // end up: at any range the hands hold the thigh, the foot leaves the bed.
  Keyframe k = blend(start(exercise), full, std::clamp(range, 0.0f, 1.0f));
  k.goals = full.goals;
  k.contact = full.contact;
  return k;
}

Animated Animator::at(const Moment& m) const {
  Animated out;
  auto e = lib_.exercises.find(m.exercise);
  out.camera = e == lib_.exercises.end() ? "side" : e->second.camera;
  if (m.home) {
    out.key = lib_.bases.count("hooklying") ? lib_.bases.find("hooklying")->second : Keyframe{};
    return out;
  }
  if (m.exercise.empty()) {
    // Preparation: lying flat and breathing. After the routine: curled on the side.
    out.key = m.phase == Phase::done ? target("fetal", Side::none, m.range) : start("");
    if (m.phase == Phase::done) out.camera = "curl";
    return out;
  }
  const Keyframe s = start(m.exercise), t = target(m.exercise, m.side, m.range);
  const float p = ease(m.progress);
  switch (m.phase) {
    case Phase::rest:
      // The announcement: roll or settle from the last position into this one.
      out.key = m.rep == 1 ? roll(start(m.previous), s, m.progress) : s;
      break;
    case Phase::move: out.key = blend(s, t, p); break;
    case Phase::hold: {
      out.key = t;
      // Targeted muscles glow, fading in and out over a second.
      float in = m.progress * m.phase_s, left = (1 - m.progress) * m.phase_s;
      out.glow = std::clamp(std::min(in, left), 0.0f, 1.0f);
      if (e != lib_.exercises.end() && e->second.arrow)
        out.arrow = t.pose.root.pitch_deg < s.pose.root.pitch_deg ? -out.glow : out.glow;
      break;
    }
    case Phase::release: out.key = blend(t, s, p); break;
    default: out.key = s; break;  // switch, rest between reps, stopped: at rest
  }
  return out;
}

}  // namespace unfurl::core::body
