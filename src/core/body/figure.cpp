#include "core/body/figure.h"

#include "core/body/bed.h"
#include "core/ease.h"

#include <algorithm>
#include <cmath>
#include <utility>
#define GLM_ENABLE_EXPERIMENTAL
#include <glm/gtx/quaternion.hpp>

namespace unfurl::core::body {

namespace {
// The mannequin's build: every number that shapes the body or places a limb,
// in one table. Lengths are fractions of body height unless named otherwise;
// radii taper from a segment's near end to its far end.
struct Taper { float near, far; };
struct BodyBuild {
  // Trunk and head (round).
  float pelvis = 0.058f, lumbar = 0.05f, chest = 0.068f, shoulders = 0.03f, neck = 0.024f, head = 0.056f;
  float chest_breath = 0.035f;    // the chest's radius grows by this share at a full in-breath
  float chest_to_neck = 0.65f;    // the chest spans this much of thorax → neck
  float head_from = 0.42f, head_to = 0.58f;  // the head's capsule, along neck-top → crown
  // The sacrum and buttocks, from the hip line down and back toward the
  // tailbone: the one part that shows which way the pelvis tips.
  float sacrum = 0.035f, sacrum_down = 0.032f, sacrum_back = 0.024f;
  // Limbs, tapering; hands are mittens, feet have a heel and a toe.
  Taper upper_arm{0.022f, 0.019f}, forearm{0.019f, 0.015f}, hand{0.016f, 0.019f};
  Taper thigh{0.040f, 0.029f}, shank{0.030f, 0.020f}, foot{0.017f, 0.019f};
  float hand_flat = 0.55f, foot_flat = 0.65f;  // thickness across the palm, the sole
  // The face: a nose on the head's front, so face up and face down differ.
  float nose = 0.011f, nose_out = 0.03f, nose_at = 0.85f;  // radius, length, where on the head's radius
  // Placing the body along the bed and the limbs on it.
  float clearance = 0.002f;        // metres between a resting surface and the mattress
  float side_head_forward = 0.05f; // metres: on the side, the head toward the pillow's front edge
  float ankle_on_thigh = 0.8f;     // where a crossing ankle rests, along the other thigh from the hip
  float crossing_lift = 0.5f, crossing_out = 0.4f;  // the foot's way over the knee, in shank lengths
  float crossing_onward = 0.25f;   // the crossed foot's turn away from the thigh: relaxed, not flexed to the ceiling
  float elbow_straight = 0.005f;   // metres: an elbow this near the shoulder–wrist line counts as straight
  float hand_turn_lateral = 0.35f; // how far across the bed a hand near its edge still points
  float hand_turn_over = 0.1f;     // metres past the edge over which it turns
  float hand_edge_in = 0.04f;      // metres a resting hand's side keeps inside the mattress's flat top
  float protraction_max = 0.08f;   // how far a reaching shoulder blade comes forward
  float reach_slack = 0.99f;       // the share of full reach before the shoulder follows
  float grip_touch_deg = 50;       // where a hand holds a leg, round from its side toward the back of a thigh, the front of a shin
  float grip_from = 0.55f, grip_min = 0.3f, grip_step = 0.025f;  // along the thigh, hip → knee
  float shin_grip_from = 0.3f, shin_grip_min = 0.1f;             // along the shin, knee → ankle
  float grip_reach_slack = 0.06f;  // how far beyond arm's length a grip may be (the shoulder follows)
  float grip_wrist_back = 0.35f;   // the wrist lies this many hand lengths short of the touch
  float grip_off = 0.020f;         // the hand's middle off the thigh's surface (round, as the tests take it)
  float hands_over = 0.8f, hands_over_down = 0.1f, hands_over_out = 0.1f;  // the way up, in arm lengths
  float hands_beside = 0.2f;       // the way down beside the thigh
  float press_hands_along = 0.93f; // beside the shoulders: along the trunk from the pelvis, trunk lengths
  float press_hands_out = 0.1f;    // and outside the shoulders, clear of the pillow
  int push_passes = 3;             // tries at taking a hand round a leg in its way
  float push_margin = 0.006f, push_tolerance = 0.004f;  // metres
};
constexpr BodyBuild kBuild{};

glm::vec3 safe_normalize(glm::vec3 v, glm::vec3 fallback) {
  float l = glm::length(v);
  return l > 1e-6f ? v / l : fallback;
}
glm::vec3 flat(glm::vec3 v) { return glm::vec3(v.x, 0, v.z); }
// v with its part along `axis` (a unit vector) taken out, made unit.
glm::vec3 across(glm::vec3 v, glm::vec3 axis, glm::vec3 fallback) {
  return safe_normalize(v - axis * glm::dot(v, axis), fallback);
}

// build_capsules lays the trunk out first: pelvis, lumbar, chest, shoulders, neck, head, nose; the sacrum comes last.
constexpr int kChestCapsule = 2, kHeadCapsule = 5;

[[gnu::noinline]] void build_capsules(Figure& f, const Body& body, float breath) {
  const Skeleton& s = f.skeleton;
  const BodyBuild& k = kBuild;
  const float h = body.height_m;
  auto& c = f.capsules;
  c.clear();
  const float chest = k.chest * h * (1 + k.chest_breath * breath);
  // The pelvis is drawn as wide as the body across the hips, its rounded ends
  // stopping there; the hip joints lie inside it, nearer the middle.
  const glm::vec3 pelvis_half = s.pelvis_rotation * glm::vec3(0, 0, std::max(0.f, 0.5f * body.lengths.hip_width - k.pelvis * h));
  c.push_back({s.joint[kPelvis] + pelvis_half, s.joint[kPelvis] - pelvis_half, k.pelvis * h, Part::pelvis, 0});
  // From L5/S1, not the hip line: a pelvis tipping back lowers the low back
  // onto the mattress, and the pelvic tilt shows (docs/poses.md).
  c.push_back({s.joint[kLumbar], s.joint[kThorax], k.lumbar * h, Part::lumbar, 0});
  c.push_back({s.joint[kThorax], glm::mix(s.joint[kThorax], s.joint[kNeck], k.chest_to_neck), chest, Part::chest, 0});
  c.push_back({s.joint[kShoulderL], s.joint[kShoulderR], k.shoulders * h, Part::shoulders, 0});
  c.push_back({s.joint[kNeck], s.joint[kHead], k.neck * h, Part::neck, 0});
  const glm::vec3 head_a = glm::mix(s.joint[kHead], s.head_top, k.head_from), head_b = glm::mix(s.joint[kHead], s.head_top, k.head_to);
  c.push_back({head_a, head_b, k.head * h, Part::head, 0});
  const glm::vec3 nose = (head_a + head_b) * 0.5f + s.face * (k.nose_at * k.head * h);
  c.push_back({nose, nose + s.face * k.nose_out, k.nose * h, Part::head, 0});
  auto limb = [&](glm::vec3 a, glm::vec3 b, Taper t, Part part, int side) {
    c.push_back({a, b, t.near * h, part, side, t.far * h});
  };
  for (int side : {1, -1}) {
    const bool left = side > 0;
    const Joint sh = left ? kShoulderL : kShoulderR, el = left ? kElbowL : kElbowR, wr = left ? kWristL : kWristR;
    const Joint hp = left ? kHipL : kHipR, kn = left ? kKneeL : kKneeR, an = left ? kAnkleL : kAnkleR;
    limb(s.joint[sh], s.joint[el], k.upper_arm, Part::upper_arm, side);
    limb(s.joint[el], s.joint[wr], k.forearm, Part::forearm, side);
    limb(s.joint[wr], left ? s.hand_tip_l : s.hand_tip_r, k.hand, Part::hand, side);
    c.back().flat_dir = left ? s.palm_l : s.palm_r;
    c.back().flat = k.hand_flat;
    limb(s.joint[hp], s.joint[kn], k.thigh, Part::thigh, side);
    limb(s.joint[kn], s.joint[an], k.shank, Part::shank, side);
    const glm::vec3 heel = left ? s.heel_l : s.heel_r, toe = left ? s.toe_l : s.toe_r;
    limb(heel, toe, k.foot, Part::foot, side);
    // The sole faces away from the shin.
    c.back().flat_dir = across(s.joint[an] - s.joint[kn], safe_normalize(toe - heel, glm::vec3(1, 0, 0)), glm::vec3(0, 1, 0));
    c.back().flat = k.foot_flat;
  }
  // Last, so the trunk's indices above stay put.
  const glm::vec3 down = s.pelvis_rotation * glm::vec3(-1, 0, 0), back = s.pelvis_rotation * glm::vec3(0, -1, 0);
  c.push_back({s.joint[kPelvis], s.joint[kPelvis] + (down * k.sacrum_down + back * k.sacrum_back) * h, k.sacrum * h, Part::pelvis, 0});
}

void translate(Skeleton& s, glm::vec3 d) {
  for (glm::vec3& j : s.joint) j += d;
  s.hand_tip_l += d; s.hand_tip_r += d; s.toe_l += d; s.toe_r += d; s.head_top += d;
  s.heel_l += d; s.heel_r += d;
}

float lowest(const Capsule& c) { return c.bottom(); }

// Lying on the back, the chest and the pelvis each rest on the bed: the upper
// half (chest, head, arms) and the lower half (pelvis, legs) move down by
// their own amounts, and the lumbar segment spans the two.
void lower_halves(Skeleton& s, float upper_by, float lower_by) {
  for (Joint j : {kThorax, kNeck, kHead, kShoulderL, kElbowL, kWristL, kShoulderR, kElbowR, kWristR}) s.joint[j].y -= upper_by;
  s.hand_tip_l.y -= upper_by; s.hand_tip_r.y -= upper_by; s.head_top.y -= upper_by;
  for (Joint j : {kPelvis, kLumbar, kHipL, kKneeL, kAnkleL, kHipR, kKneeR, kAnkleR}) s.joint[j].y -= lower_by;
  s.toe_l.y -= lower_by; s.toe_r.y -= lower_by; s.heel_l.y -= lower_by; s.heel_r.y -= lower_by;
}
bool in_upper_half(Part p) {
  return p == Part::chest || p == Part::shoulders || p == Part::neck || p == Part::head || p == Part::upper_arm ||
         p == Part::forearm || p == Part::hand;
}

// The way a limb bends as a goal takes it over: from the way it bends now
// (weight 0) to the goal's pole (weight 1), so a goal fading in never flips a
// knee or elbow across in one frame.
glm::vec3 blend_pole(glm::vec3 root, glm::vec3 mid, glm::vec3 end, glm::vec3 pole, float w) {
  const glm::vec3 now = mid - (root + end) * 0.5f;
  const float len = glm::length(now);
  if (len < 1e-4f) return pole;
  return glm::mix(now / len, glm::normalize(pole), std::clamp(w, 0.0f, 1.0f));
}
bool is_arm(Part p) { return p == Part::upper_arm || p == Part::forearm || p == Part::hand; }
bool is_leg(Part p) { return p == Part::thigh || p == Part::shank || p == Part::foot; }

// How much a limb is about to be placed by IK (0 = left where it lies).
float limb_goal_weight(const Goals& g, Part part, int side) {
  if (is_leg(part)) {
    if (side > 0) return std::max(g[Goal::foot_on_bed_l], g[Goal::ankle_on_thigh_l]);
    return std::max(g[Goal::foot_on_bed_r], g[Goal::ankle_on_thigh_r]);
  }
  if (is_arm(part))
    return std::max({g[Goal::hands_behind_thigh_l], g[Goal::hands_behind_thigh_r], g[Goal::hands_on_shin_l],
                     g[Goal::hands_on_shin_r], g[Goal::hands_beside_shoulders],
                     g[side > 0 ? Goal::hand_on_bed_l : Goal::hand_on_bed_r]});
  return 0;
}

// The closest points of segments p0p1 and q0q1, and how far along each they
// lie (Ericson, Real-Time Collision Detection, 5.1.9).
struct Closest { glm::vec3 p, q; float s, t; };
Closest closest_points(glm::vec3 p0, glm::vec3 p1, glm::vec3 q0, glm::vec3 q1) {
  const glm::vec3 d1 = p1 - p0, d2 = q1 - q0, r = p0 - q0;
  const float a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
  float s = 0, t = 0;
  if (a <= 1e-9f && e <= 1e-9f) return {p0, q0, 0, 0};
  if (a <= 1e-9f) {
    t = std::clamp(f / e, 0.0f, 1.0f);
  } else {
    const float c = glm::dot(d1, r);
    if (e <= 1e-9f) {
      s = std::clamp(-c / a, 0.0f, 1.0f);
    } else {
      const float b = glm::dot(d1, d2), denom = a * e - b * b;
      s = denom > 1e-9f ? std::clamp((b * f - c * e) / denom, 0.0f, 1.0f) : 0.0f;
      t = (b * s + f) / e;
      if (t < 0) { t = 0; s = std::clamp(-c / a, 0.0f, 1.0f); }
      else if (t > 1) { t = 1; s = std::clamp((b - c) / a, 0.0f, 1.0f); }
    }
  }
  return {p0 + d1 * s, q0 + d2 * t, s, t};
}
}  // namespace

bool holds_muscle(const std::vector<std::string>& muscles, Part part) {
  for (const std::string& m : muscles) {
    if ((m == "gluteus maximus" || m == "gluteals" || m == "piriformis") && part == Part::pelvis) return true;
    if ((m == "low-back extensors" || m == "obliques" || m == "quadratus lumborum" || m == "abdominals") &&
        part == Part::lumbar)
      return true;
    if (m == "hip flexors" && (part == Part::pelvis || part == Part::thigh)) return true;
  }
  return false;
}

std::string_view goal_name(Goal g) {
  static constexpr std::string_view names[] = {
      "foot_on_bed_l",    "foot_on_bed_r",    "hands_behind_thigh_l",   "hands_behind_thigh_r", "hands_on_shin_l",
      "hands_on_shin_r",  "ankle_on_thigh_l", "ankle_on_thigh_r", "hands_beside_shoulders", "hand_on_bed_l",
      "hand_on_bed_r"};
  return g < Goal::kCount ? names[static_cast<int>(g)] : "";
}

Goal mirror(Goal g) {
  switch (g) {
    case Goal::foot_on_bed_l: return Goal::foot_on_bed_r;
    case Goal::foot_on_bed_r: return Goal::foot_on_bed_l;
    case Goal::hands_behind_thigh_l: return Goal::hands_behind_thigh_r;
    case Goal::hands_behind_thigh_r: return Goal::hands_behind_thigh_l;
    case Goal::hands_on_shin_l: return Goal::hands_on_shin_r;
    case Goal::hands_on_shin_r: return Goal::hands_on_shin_l;
    case Goal::ankle_on_thigh_l: return Goal::ankle_on_thigh_r;
    case Goal::ankle_on_thigh_r: return Goal::ankle_on_thigh_l;
    case Goal::hand_on_bed_l: return Goal::hand_on_bed_r;
    case Goal::hand_on_bed_r: return Goal::hand_on_bed_l;
    default: return g;
  }
}

bool joined(const Capsule& a, const Capsule& b) {
  auto trunk = [](Part p) {
    return p == Part::pelvis || p == Part::lumbar || p == Part::chest || p == Part::shoulders || p == Part::neck;
  };
  auto pair = [&](Part x, Part y) { return (a.part == x && b.part == y) || (a.part == y && b.part == x); };
  if (trunk(a.part) && trunk(b.part)) return true;  // one trunk, drawn as overlapping pieces
  // The neck joins the head to the shoulder girdle; lying on the side the
  // head leans on the lower shoulder's muscle.
  if (pair(Part::neck, Part::head) || pair(Part::shoulders, Part::head) || pair(Part::head, Part::head)) return true;
  if (pair(Part::hand, Part::hand)) return true;  // clasped hands interlace their fingers
  if (pair(Part::pelvis, Part::thigh) || pair(Part::shoulders, Part::upper_arm)) return true;  // hip and shoulder joints
  // The groin: a thigh leaves the hip just below the belly and, drawn up,
  // folds against it as a real one does; further out the two never meet.
  if (pair(Part::lumbar, Part::thigh)) {
    const Capsule& thigh = a.part == Part::thigh ? a : b;
    const Capsule& belly = a.part == Part::thigh ? b : a;
    const Closest c = closest_points(thigh.a, thigh.b, belly.a, belly.b);
    return c.s * glm::length(thigh.b - thigh.a) < 2 * thigh.radius;
  }
  if (a.side != b.side) return false;
  return pair(Part::thigh, Part::shank) || pair(Part::shank, Part::foot) || pair(Part::upper_arm, Part::forearm) ||
         pair(Part::forearm, Part::hand);
}

float gap(const Capsule& a, const Capsule& b) {
  const Closest c = closest_points(a.a, a.b, b.a, b.b);
  return glm::length(c.p - c.q) - a.radius_at(c.s) - b.radius_at(c.t);
}

void two_bone_ik(const glm::vec3& root, glm::vec3& mid, glm::vec3& end, const glm::vec3& target,
                 const glm::vec3& pole, float max_flex_deg) {
  const float l1 = glm::length(mid - root), l2 = glm::length(end - mid);
  glm::vec3 to = target - root;
  float d = glm::length(to);
  glm::vec3 dir = safe_normalize(to, safe_normalize(end - root, glm::vec3(1, 0, 0)));
  // The closest the end may come: the hinge folded to its limit.
  const float d_min = std::sqrt(l1 * l1 + l2 * l2 + 2 * l1 * l2 * std::cos(glm::radians(max_flex_deg)));
  d = std::clamp(d, d_min + 1e-4f, l1 + l2 - 1e-4f);
  float cos_a = std::clamp((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d), -1.0f, 1.0f);
  glm::vec3 bend = pole - dir * glm::dot(pole, dir);
  bend = safe_normalize(bend, safe_normalize(glm::cross(dir, glm::vec3(0, 0, 1)), glm::vec3(0, 1, 0)));
  mid = root + dir * (l1 * cos_a) + bend * (l1 * std::sqrt(1 - cos_a * cos_a));
  end = root + dir * d;
}

Figure pose_figure(const Keyframe& key, const Body& body, float breath) {
  Figure f;
  pose_figure(key, body, breath, f);
  return f;
}

namespace {
// pose_figure's steps, in order, over one figure.
class Posing {
 public:
  Posing(const Keyframe& key, const Body& body, float breath, Figure& f)
      : key_(key), goals_(key.goals), body_(body), breath_(breath), f_(f), s_(f.skeleton), h_(body.height_m) {}

  void Run() {
    s_ = forward_kinematics(key_.pose, body_.lengths);
    // The pelvis's axes: the body only moves, never turns, from here on.
    anterior_ = s_.pelvis_rotation * glm::vec3(0, 1, 0);
    superior_ = s_.pelvis_rotation * glm::vec3(1, 0, 0);
    left_ = s_.pelvis_rotation * glm::vec3(0, 0, 1);
    RestOnMattress();
    PlaceAlongBed();
    FeetOnBed();
    AnkleOnThigh();
    HandsOnBed();
    HandsHoldLeg();
    HandsBesideShoulders();
    HeadOnPillow();
    LiftOutOfMattress();
  }

 private:
  void Capsules() { build_capsules(f_, body_, breath_); }
  float ArmReach() const { return body_.lengths.upper_arm + body_.lengths.forearm; }
  // Height above the mattress of a wrist whose hand lies flat on it.
  float HandRestY() const { return std::max(kBuild.hand.far, kBuild.forearm.far) * h_ + kBuild.clearance; }

  // Its lowest point, among the parts that are not about to be placed by IK
  // (nor the head, which the pillow takes), touches y = 0.
  void RestOnMattress() {
    Capsules();
    float low_all = 1e9f, low_upper = 1e9f, low_pelvis = 1e9f;
    auto rests = [](const Capsule& c) { return c.part != Part::lumbar && c.part != Part::neck && c.part != Part::head; };
    for (const Capsule& c : f_.capsules) {
      if (!rests(c) || limb_goal_weight(goals_, c.part, c.side) > 0) continue;
      low_all = std::min(low_all, lowest(c));
      float& low = in_upper_half(c.part) ? low_upper : low_pelvis;
      low = std::min(low, lowest(c));
    }
    // A limb a goal is taking over counts less the more the goal has it, so
    // the body does not drop the moment a goal lets go.
    const float base_all = low_all, base_upper = low_upper, base_pelvis = low_pelvis;
    for (const Capsule& c : f_.capsules) {
      const float w = limb_goal_weight(goals_, c.part, c.side);
      if (!rests(c) || w <= 0) continue;
      auto counted = [&](float base) { return lowest(c) + w * std::max(0.0f, base - lowest(c)); };
      low_all = std::min(low_all, counted(base_all));
      float& low = in_upper_half(c.part) ? low_upper : low_pelvis;
      low = std::min(low, counted(in_upper_half(c.part) ? base_upper : base_pelvis));
    }
    if (key_.contact == Contact::lowest_point) translate(s_, glm::vec3(0, -low_all, 0));
    else lower_halves(s_, low_upper, low_pelvis);
  }

  // On the back or side the head stays put on the pillow whatever the legs
  // and spine do (curling up draws the hips back); on the stomach the pelvis
  // does, so the press-up pivots on it. Mid-roll, the two blend.
  void PlaceAlongBed() {
    const Bed& bed = kBed;
    prone_ = std::clamp(-anterior_.y, 0.0f, 1.0f);
    const glm::vec3 head_now = glm::mix(s_.joint[kHead], s_.head_top, 0.5f);
    const float pelvis_to_head = body_.lengths.trunk + 0.2f * body_.lengths.head + 0.5f * body_.lengths.head;
    // On the side the shoulder sits lower than the head: the head lies a
    // little nearer the pillow's front edge so the shoulder stays clear of it.
    const float on_side = std::fabs(left_.y);
    const glm::vec3 by_head = glm::vec3(kHeadX - kBuild.side_head_forward * on_side, 0, bed.pillow_centre.z) - head_now;
    const glm::vec3 by_pelvis = glm::vec3(kHeadX - pelvis_to_head, 0, bed.pillow_centre.z) - s_.joint[kPelvis];
    const glm::vec3 shift = glm::mix(by_head, by_pelvis, prone_);
    translate(s_, glm::vec3(shift.x, 0, shift.z));
  }

  // Two-bone IK for a leg toward `target` (blended by w), the foot carried along.
  void LegIk(bool left, glm::vec3 target, float w, glm::vec3 pole, float pole_w) {
    const Joint hp = left ? kHipL : kHipR, kn = left ? kKneeL : kKneeR, an = left ? kAnkleL : kAnkleR;
    glm::vec3& toe = left ? s_.toe_l : s_.toe_r;
    glm::vec3& heel = left ? s_.heel_l : s_.heel_r;
    const glm::vec3 to_toe = toe - s_.joint[an], to_heel = heel - s_.joint[an];
    const glm::vec3 t = glm::mix(s_.joint[an], target, w);
    two_bone_ik(s_.joint[hp], s_.joint[kn], s_.joint[an], t, blend_pole(s_.joint[hp], s_.joint[kn], s_.joint[an], pole, pole_w),
                limits(kn).flex.max_deg);
    toe = s_.joint[an] + to_toe;
    heel = s_.joint[an] + to_heel;
  }

  // Feet flat on the bed where the bent leg puts them: heel and toe down.
  void FeetOnBed() {
    const glm::vec3 up(0, 1, 0);
    const float foot = body_.lengths.foot;
    for (bool left : {true, false}) {
      const float w = goals_[left ? Goal::foot_on_bed_l : Goal::foot_on_bed_r];
      if (w <= 0) continue;
      const Joint an = left ? kAnkleL : kAnkleR;
      glm::vec3 target = s_.joint[an];
      // The ankle sits above the heel, the shank's end clear of the mattress.
      target.y = std::max(0.1f * foot + kBuild.foot.near * h_, kBuild.shank.far * h_) + kBuild.clearance;
      LegIk(left, target, w, anterior_ + up, w);
      glm::vec3& toe = left ? s_.toe_l : s_.toe_r;
      glm::vec3& heel = left ? s_.heel_l : s_.heel_r;
      // The sole comes down as the foot does: toes forward along the bed, the heel behind.
      const glm::vec3 along = safe_normalize(flat(toe - s_.joint[an]), flat(superior_) * -1.0f);
      const glm::vec3 ankle = s_.joint[an];
      const glm::vec3 toe_flat = glm::vec3(ankle.x, kBuild.foot.far * h_ + kBuild.clearance, ankle.z) + along * (0.75f * foot);
      const glm::vec3 heel_flat = glm::vec3(ankle.x, kBuild.foot.near * h_ + kBuild.clearance, ankle.z) - along * (0.12f * foot);
      toe = glm::mix(toe, toe_flat, w);
      heel = glm::mix(heel, heel_flat, w);
    }
  }

  // Figure-four: the crossing ankle rests on the front of the other thigh
  // (the side away from its bent shank), just above the knee.
  void AnkleOnThigh() {
    const glm::vec3 up(0, 1, 0);
    const BodyBuild& k = kBuild;
    for (bool left : {true, false}) {
      const float w = goals_[left ? Goal::ankle_on_thigh_l : Goal::ankle_on_thigh_r];
      if (w <= 0) continue;
      const Joint other_hip = left ? kHipR : kHipL, other_knee = left ? kKneeR : kKneeL;
      const Joint other_ankle = left ? kAnkleR : kAnkleL;
      const glm::vec3 on_thigh = glm::mix(s_.joint[other_hip], s_.joint[other_knee], k.ankle_on_thigh);
      const glm::vec3 thigh_dir = safe_normalize(s_.joint[other_knee] - s_.joint[other_hip], up);
      const glm::vec3 fold = s_.joint[other_ankle] - s_.joint[other_knee];
      const glm::vec3 front = safe_normalize(thigh_dir * glm::dot(fold, thigh_dir) - fold, up);
      const float thigh_r = (k.thigh.near + (k.thigh.far - k.thigh.near) * k.ankle_on_thigh) * h_;
      const glm::vec3 target = on_thigh + front * (thigh_r + k.shank.far * h_);
      const glm::vec3 lateral = left ? left_ : -left_;
      // The foot lifts clear of the other knee before it crosses onto the thigh.
      const glm::vec3 above = s_.joint[other_knee] + (front + up) * (k.crossing_lift * body_.lengths.shank) +
                              lateral * (k.crossing_out * body_.lengths.shank);
      const Joint an = left ? kAnkleL : kAnkleR;
      const glm::vec3 via = w < 0.5f ? glm::mix(s_.joint[an], above, ease(2 * w)) : glm::mix(above, target, ease(2 * w - 1));
      LegIk(left, via, 1, lateral * 1.5f + up, w);
      // The foot carries on past the thigh, in line with the shin, clear of it.
      if (w > 0.5f) {
        glm::vec3& toe = left ? s_.toe_l : s_.toe_r;
        glm::vec3& heel = left ? s_.heel_l : s_.heel_r;
        const Joint kn = left ? kKneeL : kKneeR;
        const glm::vec3 shin = safe_normalize(s_.joint[an] - s_.joint[kn], lateral);
        const glm::vec3 onward = safe_normalize(shin + front * k.crossing_onward, front);
        const float t = 2 * w - 1;
        toe = glm::mix(toe, s_.joint[an] + onward * glm::length(toe - s_.joint[an]), t);
        heel = glm::mix(heel, s_.joint[an] - onward * (0.12f * body_.lengths.foot) + front * (0.1f * body_.lengths.foot), t);
      }
    }
  }

  // An arm reaches its wrist target (blended by w) with the elbow bending
  // toward `pole`; the hand then lies from the wrist toward `tip`, its palm
  // turned toward `palm` (or kept as it was, made square to the hand). A
  // target just out of reach brings the shoulder blade forward, as a person
  // reaching does.
  void ArmIk(bool left, glm::vec3 wrist, glm::vec3 tip, float w, glm::vec3 pole, float pole_w, glm::vec3 palm = glm::vec3(0),
             bool protract = true) {
    const Joint sh = left ? kShoulderL : kShoulderR, el = left ? kElbowL : kElbowR, wr = left ? kWristL : kWristR;
    glm::vec3& hand_tip = left ? s_.hand_tip_l : s_.hand_tip_r;
    glm::vec3& palm_now = left ? s_.palm_l : s_.palm_r;
    const float hand_len = glm::length(hand_tip - s_.joint[wr]);
    const glm::vec3 tip_to = glm::mix(hand_tip, tip, w), wrist_to = glm::mix(s_.joint[wr], wrist, w);
    const glm::vec3 reach = wrist_to - s_.joint[sh];
    // Reaching forward, the shoulder comes off the bed toward the hand.
    const float beyond = glm::length(reach) - kBuild.reach_slack * ArmReach();
    if (beyond > 0 && protract)
      s_.joint[sh] += safe_normalize(safe_normalize(reach, superior_) + anterior_, anterior_) *
                      std::min(beyond + 0.02f, kBuild.protraction_max * h_ / 1.7f);
    two_bone_ik(s_.joint[sh], s_.joint[el], s_.joint[wr], wrist_to, blend_pole(s_.joint[sh], s_.joint[el], s_.joint[wr], pole, pole_w),
                limits(el).flex.max_deg);
    hand_tip = s_.joint[wr] + safe_normalize(tip_to - s_.joint[wr], superior_) * hand_len;
    const glm::vec3 dir = safe_normalize(hand_tip - s_.joint[wr], superior_);
    const glm::vec3 want = glm::length(palm) > 0 ? glm::mix(palm_now, palm, w) : palm_now;
    palm_now = across(want, dir, across(anterior_, dir, glm::vec3(0, 1, 0)));
  }

  // Resting on the mattress where the arm points, never past its edge: the
  // elbow bends rather than the hand hanging off the bed.
  void HandsOnBed() {
    const glm::vec3 up(0, 1, 0);
    const Bed& bed = kBed;
    for (bool left : {true, false}) {
      const float w = goals_[left ? Goal::hand_on_bed_l : Goal::hand_on_bed_r];
      if (w <= 0) continue;
      const Joint sh = left ? kShoulderL : kShoulderR, el = left ? kElbowL : kElbowR, wr = left ? kWristL : kWristR;
      const glm::vec3 tip_fk = left ? s_.hand_tip_l : s_.hand_tip_r;
      const float hand_len = glm::length(tip_fk - s_.joint[wr]);
      glm::vec3 along = safe_normalize(flat(tip_fk - s_.joint[wr]), safe_normalize(flat(s_.joint[wr] - s_.joint[sh]), superior_));
      // Near the edge the hand turns toward the head first (as far as
      // hand_turn_lateral), then the elbow bends: an arm out in a T stays straight.
      // A hand on the rounded edge reads as hanging off the bed: the hand's
      // whole width stays on the flat top, a little inside it.
      const float usable = bed.usable_half_width() - kBuild.hand_edge_in - kBuild.hand.far * h_;
      const float room = usable - std::fabs(s_.joint[wr].z);
      // (Blended in over the first few centimetres, so the hand never snaps round.)
      if (const float over = hand_len * std::fabs(along.z) - room; over > 0) {
        const float lateral = std::max(room / hand_len, kBuild.hand_turn_lateral);
        const glm::vec3 out = glm::vec3(0, 0, along.z < 0 ? -1.0f : 1.0f);
        const glm::vec3 turned = out * lateral + safe_normalize(flat(superior_), glm::vec3(1, 0, 0)) * std::sqrt(1 - lateral * lateral);
        along = safe_normalize(glm::mix(along, turned, ease(over / kBuild.hand_turn_over)), out);
      }
      const float edge = usable - hand_len * std::fabs(along.z);
      const glm::vec3 wrist(s_.joint[wr].x, HandRestY(), std::clamp(s_.joint[wr].z, -edge, edge));
      // The elbow keeps bending the way it bends, in the mattress's plane
      // (straight arms bend outward), so it never digs into the bed.
      // Arms out in a T bend toward the head, so the hands stay at shoulder height.
      const glm::vec3 reach = safe_normalize(flat(wrist - s_.joint[sh]), flat(superior_));
      const glm::vec3 outward = across(flat(left ? left_ : -left_), reach, flat(superior_));
      // How far the elbow stands off the shoulder–wrist line, in the bed's plane.
      const glm::vec3 chord = safe_normalize(s_.joint[wr] - s_.joint[sh], reach);
      const glm::vec3 off = s_.joint[el] - s_.joint[sh];
      const glm::vec3 bent = flat(off - chord * glm::dot(off, chord));
      const glm::vec3 bend = glm::length(bent) > kBuild.elbow_straight ? glm::normalize(bent) : outward;
      // The palm lies flat: up or down, whichever it is nearer.
      const glm::vec3 palm = (left ? s_.palm_l : s_.palm_r).y >= 0 ? up : -up;
      ArmIk(left, wrist, wrist + along * hand_len, w, bend + up * 0.05f, w, palm, false);
    }
  }

  // Holding the back of a thigh, or the front of a shin just below the knee:
  // each hand lies flat against it, from the wrist at its side around toward
  // the back (the front), fingers interlaced with the other hand's — on a
  // thigh as near the knee as the arms reach. On the way there the hands
  // rise in front of the chest first, then come down beside the leg, so they
  // never cut through a leg or the pelvis.
  void HandsHoldLeg() {
    const glm::vec3 up(0, 1, 0);
    const BodyBuild& k = kBuild;
    for (bool leg_left : {true, false}) {
      const float on_shin = goals_[leg_left ? Goal::hands_on_shin_l : Goal::hands_on_shin_r];
      const float w = std::max(on_shin, goals_[leg_left ? Goal::hands_behind_thigh_l : Goal::hands_behind_thigh_r]);
      if (w <= 0) continue;
      const bool shin = on_shin > 0;
      const Joint hp = leg_left ? kHipL : kHipR, kn = leg_left ? kKneeL : kKneeR, an = leg_left ? kAnkleL : kAnkleR;
      const glm::vec3 from = s_.joint[shin ? kn : hp], to = s_.joint[shin ? an : kn];
      const glm::vec3 along = safe_normalize(to - from, up);
      // The back of the thigh is the side the shank folds toward; the front
      // of the shin faces away from the thigh.
      const glm::vec3 face = shin ? -across(s_.joint[hp] - s_.joint[kn], along, anterior_)
                                  : across(s_.joint[an] - s_.joint[kn], along, -anterior_);
      const glm::vec3 side_axis = safe_normalize(glm::cross(along, face) * (shin ? -1.f : 1.f), left_);  // toward the body's left
      const Taper& taper = shin ? k.shank : k.thigh;
      const float hand_len = body_.lengths.hand;
      const float length = glm::length(to - from);
      const float touch = glm::radians(k.grip_touch_deg);
      struct Grip { glm::vec3 wrist, dir, side, palm; };
      // The hand touches the leg `touch` round from its side toward the
      // face and lies along the tangent there: flat against it, never into it.
      auto grip_at = [&](float t, bool hand_left) {
        const glm::vec3 side = side_axis * (hand_left ? 1.f : -1.f);
        const float around = (taper.near + (taper.far - taper.near) * t + k.grip_off) * h_;
        const glm::vec3 centre = from + along * (t * length);
        const glm::vec3 normal = side * std::cos(touch) + face * std::sin(touch);
        const glm::vec3 tangent = -side * std::sin(touch) + face * std::cos(touch);
        return Grip{centre + normal * around - tangent * (k.grip_wrist_back * hand_len), tangent, side, -normal};
      };
      auto reachable = [&](float t) {
        for (bool hand_left : {true, false})
          if (glm::length(grip_at(t, hand_left).wrist - s_.joint[hand_left ? kShoulderL : kShoulderR]) >
              ArmReach() + k.grip_reach_slack * h_ / 1.7f)
            return false;
        return true;
      };
      // On a thigh no nearer the knee than grip_from: beyond it the folded
      // calf fills the space behind. Out of reach, toward the shoulders.
      float t = shin ? k.shin_grip_from : k.grip_from;
      while (t > (shin ? k.shin_grip_min : k.grip_min) && !reachable(t)) t -= k.grip_step;
      for (bool hand_left : {true, false}) {
        const Grip g = grip_at(t, hand_left);
        ReachGrip(hand_left, g.wrist, g.dir, g.side, g.palm, w);
      }
    }
  }

  void ReachGrip(bool hand_left, glm::vec3 grip_wrist, glm::vec3 grip_dir, glm::vec3 grip_side, glm::vec3 grip_palm, float w) {
    const glm::vec3 up(0, 1, 0);
    const BodyBuild& k = kBuild;
    const Joint sh = hand_left ? kShoulderL : kShoulderR, wr = hand_left ? kWristL : kWristR;
    const glm::vec3 from = s_.joint[wr];
    const glm::vec3 from_dir = safe_normalize((hand_left ? s_.hand_tip_l : s_.hand_tip_r) - from, superior_);
    // The way there: up in front of the chest, down beside the thigh with
    // the hand already turned, then in against it.
    const float reach = ArmReach();
    const glm::vec3 above = s_.joint[sh] + anterior_ * (k.hands_over * reach) - superior_ * (k.hands_over_down * reach) +
                            grip_side * (k.hands_over_out * reach);
    const glm::vec3 beside = grip_wrist + grip_side * (k.hands_beside * h_ / 1.7f);
    glm::vec3 wrist, dir;
    if (w < 0.4f) {
      const float e = ease(w / 0.4f);
      wrist = glm::mix(from, above, e);
      dir = safe_normalize(glm::mix(from_dir, grip_dir, e), grip_dir);
    } else if (w < 0.8f) {
      wrist = glm::mix(above, beside, ease((w - 0.4f) / 0.4f));
      dir = grip_dir;
    } else {
      wrist = glm::mix(beside, grip_wrist, ease((w - 0.8f) / 0.2f));
      dir = grip_dir;
    }
    const glm::vec3 side = hand_left ? left_ : -left_;
    // The elbow bends out and a little up from the start of the reach:
    // blended from the way a nearly straight arm lying on the bed happens
    // to bend, it flipped across mid-reach.
    const glm::vec3 pole = side * 1.5f + up * 0.5f - superior_ * 0.2f;
    const float hand_len = body_.lengths.hand;
    const glm::vec3 palm_was = hand_left ? s_.palm_l : s_.palm_r;
    ArmIk(hand_left, wrist, wrist + dir * hand_len, 1, pole, 1, glm::mix(palm_was, grip_palm, ease(w / 0.8f)));
    // On the way the legs are still moving: where the forearm or hand would
    // cut into a leg, the hand goes round it instead.
    for (int pass = 0; pass < k.push_passes; ++pass) {
      Capsules();
      glm::vec3 push(0);
      float deepest = -k.push_tolerance;
      for (const Capsule& arm : f_.capsules) {
        if ((arm.part != Part::forearm && arm.part != Part::hand) || arm.side != (hand_left ? 1 : -1)) continue;
        for (const Capsule& leg : f_.capsules) {
          if (leg.part != Part::thigh && leg.part != Part::shank) continue;
          const Closest c = closest_points(arm.a, arm.b, leg.a, leg.b);
          const float g = glm::length(c.p - c.q) - arm.radius_at(c.s) - leg.radius_at(c.t);
          if (g < deepest) {
            deepest = g;
            // Out on the side the grip lies: a hand deep in a leg whose axis it
            // crosses would otherwise be pushed out one side, then the other.
            glm::vec3 out = safe_normalize(c.p - c.q, side);
            const glm::vec3 axis = safe_normalize(leg.b - leg.a, superior_);
            if (glm::dot(out, across(grip_wrist - c.q, axis, out)) < 0) out = -out;
            push = out * (k.push_margin - g);
          }
        }
      }
      if (deepest >= -k.push_tolerance) break;
      glm::vec3& tip = hand_left ? s_.hand_tip_l : s_.hand_tip_r;
      ArmIk(hand_left, s_.joint[hand_left ? kWristL : kWristR] + push, tip + push, 1, pole, 1);
    }
  }

  // Lying on the stomach: palms flat beside the shoulders, planted where the
  // shoulders are when lying flat, so they stay put while the chest rises.
  void HandsBesideShoulders() {
    const float w = goals_[Goal::hands_beside_shoulders];
    if (w <= 0) return;
    const glm::vec3 up(0, 1, 0);
    for (bool left : {true, false}) {
      const glm::vec3 lateral = left ? left_ : -left_;
      glm::vec3 wrist = s_.joint[kPelvis] + flat(superior_) * (kBuild.press_hands_along * body_.lengths.trunk) +
                        lateral * (body_.lengths.shoulder_width / 2 + kBuild.press_hands_out * h_);
      wrist.y = HandRestY();
      ArmIk(left, wrist, wrist + flat(superior_) * body_.lengths.hand, w, lateral * 0.4f - superior_ + up * 0.9f, w, -up);
    }
  }

  // The head rests on the pillow lying on the back or side (the neck bends to
  // lay it there), and is never pushed into it lying on the stomach.
  void HeadOnPillow() {
    const Bed& bed = kBed;
    const glm::vec3 up(0, 1, 0);
    Capsules();
    const glm::vec3 pivot = s_.joint[kNeck];
    for (int pass = 0; pass < 3; ++pass) {
      const Capsule& head = f_.capsules[kHeadCapsule];
      const glm::vec3 centre = (head.a + head.b) * 0.5f;
      if (!bed.over_pillow(centre)) break;
      const float on_pillow = bed.pillow_top + (centre.y - lowest(head));
      const float want = glm::mix(std::max(centre.y, on_pillow), on_pillow, 1 - prone_);
      // Swing the head about the base of the neck, in the vertical plane it
      // already lies in, until its centre is at that height.
      const glm::vec3 v = centre - pivot;
      const float len = glm::length(v), run = glm::length(flat(v));
      if (run < 1e-4f || std::fabs(want - centre.y) < 1e-4f) break;
      const float rise = std::clamp(want - pivot.y, -0.9f * len, 0.9f * len);
      const glm::vec3 to = flat(v) / run * std::sqrt(len * len - rise * rise) + up * rise;
      const glm::quat full = glm::rotation(v / len, to / len);
      const glm::vec3 head_was = s_.joint[kHead], top_was = s_.head_top, face_was = s_.face;
      const float chest_gap = std::min(0.0f, gap(f_.capsules[kHeadCapsule], f_.capsules[kChestCapsule]));
      auto swing = [&](float part) {
        const glm::quat q = glm::slerp(glm::quat(1, 0, 0, 0), full, part);
        s_.joint[kHead] = pivot + q * (head_was - pivot);
        s_.head_top = pivot + q * (top_was - pivot);
        s_.face = q * face_was;
        Capsules();
        return gap(f_.capsules[kHeadCapsule], f_.capsules[kChestCapsule]) >= chest_gap;
      };
      // Mid-roll the plane can lean toward the chest: swing as far as it
      // goes without going into it (found by halving, so it changes smoothly).
      if (!swing(1)) {
        float lo = 0, hi = 1;
        for (int i = 0; i < 10; ++i) {
          const float mid = (lo + hi) / 2;
          if (swing(mid)) lo = mid;
          else hi = mid;
        }
        swing(lo);
      }
    }
  }

  // Limbs on their way to a target can dip: lift so that nothing ever passes
  // through the mattress — on the back, only the half that dips (a thigh
  // dropping to the side in the twist lifts the pelvis, not the head).
  void LiftOutOfMattress() {
    Capsules();
    float low = 0, low_upper = 0, low_lower = 0;
    for (const Capsule& c : f_.capsules) {
      low = std::min(low, lowest(c));
      float& half = in_upper_half(c.part) ? low_upper : low_lower;
      half = std::min(half, lowest(c));
    }
    if (low >= 0) return;
    if (key_.contact == Contact::lowest_point) translate(s_, glm::vec3(0, -low, 0));
    else lower_halves(s_, low_upper, low_lower);
    Capsules();
  }

  const Keyframe& key_;
  const Goals& goals_;
  const Body& body_;
  const float breath_;
  Figure& f_;
  Skeleton& s_;
  const float h_;
  float prone_ = 0;
  glm::vec3 anterior_{0, 1, 0}, superior_{1, 0, 0}, left_{0, 0, 1};
};
}  // namespace

void pose_figure(const Keyframe& key, const Body& body, float breath, Figure& f) {
  Posing(key, body, breath, f).Run();
}

}  // namespace unfurl::core::body
