#include "core/body/figure.h"

#include "core/body/bed.h"

#include <algorithm>
#include <cmath>
#include <utility>
#define GLM_ENABLE_EXPERIMENTAL
#include <glm/gtx/quaternion.hpp>

namespace unfurl::core::body {

namespace {
// Segment radii as fractions of height: a wooden artist's mannequin, not an anatomy model.
struct Radii {
  float pelvis, lumbar, chest, shoulders, neck, head, upper_arm, forearm, hand, thigh, shank, foot;
};
Radii radii(float h) {
  return {0.058f * h, 0.05f * h, 0.068f * h, 0.03f * h, 0.024f * h, 0.056f * h,
          0.024f * h, 0.02f * h, 0.017f * h, 0.036f * h, 0.027f * h, 0.02f * h};
}

glm::vec3 safe_normalize(glm::vec3 v, glm::vec3 fallback) {
  float l = glm::length(v);
  return l > 1e-6f ? v / l : fallback;
}

// build_capsules lays the trunk out first: pelvis, lumbar, chest, shoulders, neck, head.
constexpr int kChestCapsule = 2, kHeadCapsule = 5;

void build_capsules(Figure& f, const Body& body, float breath) {
  const Skeleton& s = f.skeleton;
  const Radii r = radii(body.height_m);
  auto& c = f.capsules;
  c.clear();
  const float chest = r.chest * (1 + 0.035f * breath);
  // Hip width is the body's width across the hips, so the pelvis's rounded
  // ends stop there rather than a radius beyond the hip joints.
  const float pelvis_inset = std::min(0.9f, r.pelvis / (0.5f * body.lengths.hip_width));
  c.push_back({glm::mix(s.joint[kHipL], s.joint[kPelvis], pelvis_inset), glm::mix(s.joint[kHipR], s.joint[kPelvis], pelvis_inset),
               r.pelvis, Part::pelvis, 0});
  c.push_back({s.joint[kPelvis], s.joint[kThorax], r.lumbar, Part::lumbar, 0});
  c.push_back({s.joint[kThorax], glm::mix(s.joint[kThorax], s.joint[kNeck], 0.65f), chest, Part::chest, 0});
  c.push_back({s.joint[kShoulderL], s.joint[kShoulderR], r.shoulders, Part::shoulders, 0});
  c.push_back({s.joint[kNeck], s.joint[kHead], r.neck, Part::neck, 0});
  c.push_back({glm::mix(s.joint[kHead], s.head_top, 0.42f), glm::mix(s.joint[kHead], s.head_top, 0.58f), r.head, Part::head, 0});
  for (int side : {1, -1}) {
    bool left = side > 0;
    Joint sh = left ? kShoulderL : kShoulderR, el = left ? kElbowL : kElbowR, wr = left ? kWristL : kWristR;
    Joint hp = left ? kHipL : kHipR, kn = left ? kKneeL : kKneeR, an = left ? kAnkleL : kAnkleR;
    c.push_back({s.joint[sh], s.joint[el], r.upper_arm, Part::upper_arm, side});
    c.push_back({s.joint[el], s.joint[wr], r.forearm, Part::forearm, side});
    c.push_back({s.joint[wr], left ? s.hand_tip_l : s.hand_tip_r, r.hand, Part::hand, side});
    c.push_back({s.joint[hp], s.joint[kn], r.thigh, Part::thigh, side});
    c.push_back({s.joint[kn], s.joint[an], r.shank, Part::shank, side});
    c.push_back({s.joint[an], left ? s.toe_l : s.toe_r, r.foot, Part::foot, side});
  }
}

void translate(Skeleton& s, glm::vec3 d) {
  for (glm::vec3& j : s.joint) j += d;
  s.hand_tip_l += d; s.hand_tip_r += d; s.toe_l += d; s.toe_r += d; s.head_top += d;
}

float lowest(const Capsule& c) { return std::min(c.a.y, c.b.y) - c.radius; }

// Lying on the back, the chest and the pelvis each rest on the bed: the upper
// half (chest, head, arms) and the lower half (pelvis, legs) move down by
// their own amounts, and the lumbar segment spans the two.
void lower_halves(Skeleton& s, float upper_by, float lower_by) {
  for (Joint j : {kThorax, kNeck, kHead, kShoulderL, kElbowL, kWristL, kShoulderR, kElbowR, kWristR}) s.joint[j].y -= upper_by;
  s.hand_tip_l.y -= upper_by; s.hand_tip_r.y -= upper_by; s.head_top.y -= upper_by;
  for (Joint j : {kPelvis, kLumbar, kHipL, kKneeL, kAnkleL, kHipR, kKneeR, kAnkleR}) s.joint[j].y -= lower_by;
  s.toe_l.y -= lower_by; s.toe_r.y -= lower_by;
}
bool in_upper_half(Part p) {
  return p == Part::chest || p == Part::shoulders || p == Part::neck || p == Part::head || p == Part::upper_arm ||
         p == Part::forearm || p == Part::hand;
}

// The way a limb bends as a goal takes it over: from the way it bends now
// (weight 0) to the goal's pole (weight 1), so a goal fading in never flips a
// knee or elbow across in one frame.
float ease_in_out(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}

glm::vec3 blend_pole(glm::vec3 root, glm::vec3 mid, glm::vec3 end, glm::vec3 pole, float w) {
  const glm::vec3 now = mid - (root + end) * 0.5f;
  const float len = glm::length(now);
  if (len < 1e-4f) return pole;
  return glm::mix(now / len, glm::normalize(pole), std::clamp(w, 0.0f, 1.0f));
}
glm::vec3 flat(glm::vec3 v) { return glm::vec3(v.x, 0, v.z); }

bool is_arm(Part p) { return p == Part::upper_arm || p == Part::forearm || p == Part::hand; }
bool is_leg(Part p) { return p == Part::thigh || p == Part::shank || p == Part::foot; }

// How much a limb is about to be placed by IK (0 = left where it lies).
float limb_goal_weight(const Goals& g, Part part, int side) {
  if (is_leg(part)) {
    if (side > 0) return std::max(g[Goal::foot_on_bed_l], g[Goal::ankle_on_thigh_l]);
    return std::max(g[Goal::foot_on_bed_r], g[Goal::ankle_on_thigh_r]);
  }
  if (is_arm(part))
    return std::max({g[Goal::hands_behind_thigh_l], g[Goal::hands_behind_thigh_r], g[Goal::hands_beside_shoulders],
                     g[side > 0 ? Goal::hand_on_bed_l : Goal::hand_on_bed_r]});
  return 0;
}

// The closest points of segments p0p1 and q0q1 (Ericson, Real-Time Collision Detection, 5.1.9).
std::pair<glm::vec3, glm::vec3> closest_points(glm::vec3 p0, glm::vec3 p1, glm::vec3 q0, glm::vec3 q1) {
  const glm::vec3 d1 = p1 - p0, d2 = q1 - q0, r = p0 - q0;
  const float a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
  float s = 0, t = 0;
  if (a <= 1e-9f && e <= 1e-9f) return {p0, q0};
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
  return {p0 + d1 * s, q0 + d2 * t};
}
float segment_distance(glm::vec3 p0, glm::vec3 p1, glm::vec3 q0, glm::vec3 q1) {
  const auto [p, q] = closest_points(p0, p1, q0, q1);
  return glm::length(p - q);
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
      "foot_on_bed_l",    "foot_on_bed_r",    "hands_behind_thigh_l",   "hands_behind_thigh_r", "ankle_on_thigh_l",
      "ankle_on_thigh_r", "hands_beside_shoulders", "hand_on_bed_l", "hand_on_bed_r"};
  return g < Goal::kCount ? names[static_cast<int>(g)] : "";
}

Goal mirror(Goal g) {
  switch (g) {
    case Goal::foot_on_bed_l: return Goal::foot_on_bed_r;
    case Goal::foot_on_bed_r: return Goal::foot_on_bed_l;
    case Goal::hands_behind_thigh_l: return Goal::hands_behind_thigh_r;
    case Goal::hands_behind_thigh_r: return Goal::hands_behind_thigh_l;
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
  if (pair(Part::neck, Part::head) || pair(Part::shoulders, Part::head)) return true;
  if (pair(Part::hand, Part::hand)) return true;  // clasped hands interlace their fingers
  if (pair(Part::pelvis, Part::thigh) || pair(Part::shoulders, Part::upper_arm)) return true;  // hip and shoulder joints
  if (a.side != b.side) return false;
  return pair(Part::thigh, Part::shank) || pair(Part::shank, Part::foot) || pair(Part::upper_arm, Part::forearm) ||
         pair(Part::forearm, Part::hand);
}

float gap(const Capsule& a, const Capsule& b) {
  return segment_distance(a.a, a.b, b.a, b.b) - a.radius - b.radius;
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

void pose_figure(const Keyframe& key, const Body& body, float breath, Figure& f) {
  const Goals& goals = key.goals;
  f.skeleton = forward_kinematics(key.pose, body.lengths);
  Skeleton& s = f.skeleton;
  const Radii r = radii(body.height_m);
  const Bed& bed = kBed;

  // Rest the body on the mattress: its lowest point, among the parts that are
  // not about to be placed by IK (nor the head, which the pillow takes), touches y = 0.
  build_capsules(f, body, breath);
  float low_all = 1e9f, low_upper = 1e9f, low_pelvis = 1e9f;
  auto rests = [](const Capsule& c) { return c.part != Part::lumbar && c.part != Part::neck && c.part != Part::head; };
  for (const Capsule& c : f.capsules) {
    if (!rests(c) || limb_goal_weight(goals, c.part, c.side) > 0) continue;
    low_all = std::min(low_all, lowest(c));
    float& low = in_upper_half(c.part) ? low_upper : low_pelvis;
    low = std::min(low, lowest(c));
  }
  // A limb a goal is taking over counts less the more the goal has it, so
  // the body does not drop the moment a goal lets go.
  const float base_all = low_all, base_upper = low_upper, base_pelvis = low_pelvis;
  for (const Capsule& c : f.capsules) {
    const float w = limb_goal_weight(goals, c.part, c.side);
    if (!rests(c) || w <= 0) continue;
    auto counted = [&](float base) { return lowest(c) + w * std::max(0.0f, base - lowest(c)); };
    low_all = std::min(low_all, counted(base_all));
    float& low = in_upper_half(c.part) ? low_upper : low_pelvis;
    low = std::min(low, counted(in_upper_half(c.part) ? base_upper : base_pelvis));
  }
  if (key.contact == Contact::lowest_point) translate(s, glm::vec3(0, -low_all, 0));
  else lower_halves(s, low_upper, low_pelvis);

  const glm::vec3 up(0, 1, 0);
  const glm::vec3 anterior = s.pelvis_rotation * glm::vec3(0, 1, 0);
  const glm::vec3 superior = s.pelvis_rotation * glm::vec3(1, 0, 0);
  const glm::vec3 left = s.pelvis_rotation * glm::vec3(0, 0, 1);

  // Along and across the bed: on the back or side the head stays put on the
  // pillow whatever the legs and spine do (curling up draws the hips back);
  // on the stomach the pelvis does, so the press-up pivots on it. Mid-roll,
  // the two blend.
  const float prone = std::clamp(-anterior.y, 0.0f, 1.0f);
  const glm::vec3 head_now = glm::mix(s.joint[kHead], s.head_top, 0.5f);
  const float pelvis_to_head = body.lengths.trunk + 0.2f * body.lengths.head + 0.5f * body.lengths.head;
  // On the side the shoulder sits lower than the head: the head lies a
  // little nearer the pillow's front edge so the shoulder stays clear of it.
  const float on_side = std::fabs(left.y);
  const glm::vec3 by_head = glm::vec3(kHeadX - 0.05f * on_side, 0, bed.pillow_centre.z) - head_now;
  const glm::vec3 by_pelvis = glm::vec3(kHeadX - pelvis_to_head, 0, bed.pillow_centre.z) - s.joint[kPelvis];
  const glm::vec3 shift = glm::mix(by_head, by_pelvis, prone);
  translate(s, glm::vec3(shift.x, 0, shift.z));

  auto leg_ik = [&](bool is_left, glm::vec3 target, float w, glm::vec3 pole, float pole_w) {
    Joint hp = is_left ? kHipL : kHipR, kn = is_left ? kKneeL : kKneeR, an = is_left ? kAnkleL : kAnkleR;
    glm::vec3& toe = is_left ? s.toe_l : s.toe_r;
    glm::vec3 foot = toe - s.joint[an];
    glm::vec3 t = glm::mix(s.joint[an], target, w);
    two_bone_ik(s.joint[hp], s.joint[kn], s.joint[an], t, blend_pole(s.joint[hp], s.joint[kn], s.joint[an], pole, pole_w),
                limits(kn).flex.max_deg);
    toe = s.joint[an] + foot;
  };
  // Feet flat on the bed, where the bent leg puts them.
  for (bool is_left : {true, false}) {
    float w = goals[is_left ? Goal::foot_on_bed_l : Goal::foot_on_bed_r];
    if (w <= 0) continue;
    Joint an = is_left ? kAnkleL : kAnkleR;
    glm::vec3 target = s.joint[an];
    target.y = std::max(r.foot, r.shank) + 0.002f;  // the ankle end of the shank is the widest
    leg_ik(is_left, target, w, anterior + up, w);
    glm::vec3& toe = is_left ? s.toe_l : s.toe_r;
    toe.y = glm::mix(toe.y, s.joint[an].y, w);  // the sole comes down as the foot does
  }
  // Figure-four: the crossing ankle rests on the front of the other thigh
  // (the side away from its bent shank), just above the knee.
  for (bool is_left : {true, false}) {
    float w = goals[is_left ? Goal::ankle_on_thigh_l : Goal::ankle_on_thigh_r];
    if (w <= 0) continue;
    Joint other_hip = is_left ? kHipR : kHipL, other_knee = is_left ? kKneeR : kKneeL;
    Joint other_ankle = is_left ? kAnkleR : kAnkleL;
    glm::vec3 on_thigh = glm::mix(s.joint[other_hip], s.joint[other_knee], 0.8f);
    glm::vec3 thigh_dir = safe_normalize(s.joint[other_knee] - s.joint[other_hip], up);
    glm::vec3 fold = s.joint[other_ankle] - s.joint[other_knee];
    glm::vec3 front = safe_normalize(thigh_dir * glm::dot(fold, thigh_dir) - fold, up);
    glm::vec3 target = on_thigh + front * (r.thigh + r.shank);
    glm::vec3 lateral = is_left ? left : -left;
    // The foot lifts clear of the other knee before it crosses onto the thigh.
    const glm::vec3 above = s.joint[other_knee] + (front + up) * (0.5f * body.lengths.shank) + lateral * (0.4f * body.lengths.shank);
    const Joint an = is_left ? kAnkleL : kAnkleR;
    const glm::vec3 via = w < 0.5f ? glm::mix(s.joint[an], above, ease_in_out(2 * w)) : glm::mix(above, target, ease_in_out(2 * w - 1));
    leg_ik(is_left, via, 1, lateral * 1.5f + up, w);
    // The foot carries on past the thigh, in line with the shin, clear of it.
    if (w > 0.5f) {
      glm::vec3& toe = is_left ? s.toe_l : s.toe_r;
      const Joint kn = is_left ? kKneeL : kKneeR;
      const glm::vec3 onward = safe_normalize(s.joint[an] - s.joint[kn], lateral) + front * 0.6f;
      toe = glm::mix(toe, s.joint[an] + safe_normalize(onward, front) * glm::length(toe - s.joint[an]), 2 * w - 1);
    }
  }

  // Arms. Each reaches its wrist target (blended by the goal's weight) with
  // the elbow bending toward `pole`; the hand then lies from the wrist toward
  // `tip`. A target just out of reach brings the shoulder blade forward
  // (protraction, up to 7 cm) as a person reaching does.
  const float arm_reach = body.lengths.upper_arm + body.lengths.forearm;
  auto arm_ik = [&](bool is_left, glm::vec3 wrist, glm::vec3 tip, float w, glm::vec3 pole, float pole_w) {
    Joint sh = is_left ? kShoulderL : kShoulderR, el = is_left ? kElbowL : kElbowR, wr = is_left ? kWristL : kWristR;
    glm::vec3& hand_tip = is_left ? s.hand_tip_l : s.hand_tip_r;
    const float hand_len = glm::length(hand_tip - s.joint[wr]);
    const glm::vec3 tip_to = glm::mix(hand_tip, tip, w), wrist_to = glm::mix(s.joint[wr], wrist, w);
    const glm::vec3 reach = wrist_to - s.joint[sh];
    // Reaching forward, the shoulder comes off the bed toward the hand.
    const float beyond = glm::length(reach) - 0.99f * arm_reach;
    if (beyond > 0)
      s.joint[sh] += safe_normalize(safe_normalize(reach, superior) + anterior, anterior) *
                     std::min(beyond + 0.02f, 0.08f * body.height_m / 1.7f);
    two_bone_ik(s.joint[sh], s.joint[el], s.joint[wr], wrist_to, blend_pole(s.joint[sh], s.joint[el], s.joint[wr], pole, pole_w),
                limits(el).flex.max_deg);
    hand_tip = s.joint[wr] + safe_normalize(tip_to - s.joint[wr], superior) * hand_len;
  };
  const float hand_rest_y = std::max(r.hand, r.forearm) + 0.002f;
  // Resting on the mattress where the arm points, never past its edge: the
  // elbow bends rather than the hand hanging off the bed.
  for (bool is_left : {true, false}) {
    float w = goals[is_left ? Goal::hand_on_bed_l : Goal::hand_on_bed_r];
    if (w <= 0) continue;
    Joint sh = is_left ? kShoulderL : kShoulderR, el = is_left ? kElbowL : kElbowR, wr = is_left ? kWristL : kWristR;
    const glm::vec3 tip_fk = is_left ? s.hand_tip_l : s.hand_tip_r;
    const float hand_len = glm::length(tip_fk - s.joint[wr]);
    const float edge = bed.usable_half_width() - hand_len;
    glm::vec3 wrist(s.joint[wr].x, hand_rest_y, std::clamp(s.joint[wr].z, -edge, edge));
    glm::vec3 along = safe_normalize(flat(tip_fk - s.joint[wr]), safe_normalize(flat(wrist - s.joint[sh]), superior));
    // The elbow keeps bending the way it bends, in the mattress's plane
    // (straight arms bend outward), so it never digs into the bed.
    const glm::vec3 outward = flat(is_left ? left : -left);
    const glm::vec3 bend = safe_normalize(flat(s.joint[el] - (s.joint[sh] + s.joint[wr]) * 0.5f), outward);
    arm_ik(is_left, wrist, wrist + along * hand_len, w, bend + up * 0.05f, w);
  }
  // Holding the back of a thigh: each hand lies flat against it, from the
  // wrist at its side around toward the back, fingers interlaced with the
  // other hand's — as near the knee as the arms reach.
  // On the way there the hands rise in front of the chest first, then come
  // down beside the thigh, so they never cut through a leg or the pelvis.
  for (bool thigh_left : {true, false}) {
    float w = goals[thigh_left ? Goal::hands_behind_thigh_l : Goal::hands_behind_thigh_r];
    if (w <= 0) continue;
    Joint hp = thigh_left ? kHipL : kHipR, kn = thigh_left ? kKneeL : kKneeR, an = thigh_left ? kAnkleL : kAnkleR;
    const glm::vec3 along = safe_normalize(s.joint[kn] - s.joint[hp], up);
    // The back of the thigh is the side the shank folds toward.
    glm::vec3 fold = s.joint[an] - s.joint[kn];
    const glm::vec3 back = safe_normalize(fold - along * glm::dot(fold, along), -anterior);
    const glm::vec3 across = safe_normalize(glm::cross(along, back), left);  // toward the body's left
    const float hand_len = body.lengths.hand, around = r.thigh + r.hand;
    const float thigh_len = glm::length(s.joint[kn] - s.joint[hp]);
    // The hand touches the thigh 50° round from its side toward the back and
    // lies along the tangent there: flat against the thigh, never into it.
    constexpr float kTouch = glm::radians(50.0f);
    struct Grip { glm::vec3 wrist, dir, side; };
    auto grip_at = [&](float t, bool hand_left) {
      const glm::vec3 side = across * (hand_left ? 1.f : -1.f);
      const glm::vec3 centre = s.joint[hp] + along * (t * thigh_len);
      const glm::vec3 touch = centre + (side * std::cos(kTouch) + back * std::sin(kTouch)) * around;
      const glm::vec3 tangent = -side * std::sin(kTouch) + back * std::cos(kTouch);
      return Grip{touch - tangent * (0.35f * hand_len), tangent, side};
    };
    auto reachable = [&](float t) {
      for (bool hand_left : {true, false})
        if (glm::length(grip_at(t, hand_left).wrist - s.joint[hand_left ? kShoulderL : kShoulderR]) >
            arm_reach + 0.06f * body.height_m / 1.7f)
          return false;
      return true;
    };
    // No nearer the knee than 55 %: beyond it the folded calf fills the space behind.
    float t = 0.55f;
    while (t > 0.3f && !reachable(t)) t -= 0.025f;
    for (bool hand_left : {true, false}) {
      const Grip g = grip_at(t, hand_left);
      const Joint sh = hand_left ? kShoulderL : kShoulderR, wr = hand_left ? kWristL : kWristR;
      const glm::vec3 from = s.joint[wr];
      const glm::vec3 from_dir = safe_normalize((hand_left ? s.hand_tip_l : s.hand_tip_r) - from, superior);
      // The way there: up in front of the chest, down beside the thigh with
      // the hand already turned, then in against it.
      const glm::vec3 above = s.joint[sh] + anterior * (0.8f * arm_reach) - superior * (0.1f * arm_reach) +
                              g.side * (0.1f * arm_reach);
      const glm::vec3 beside = g.wrist + g.side * (0.2f * body.height_m / 1.7f);
      glm::vec3 wrist, dir;
      if (w < 0.4f) {
        const float k = ease_in_out(w / 0.4f);
        wrist = glm::mix(from, above, k);
        dir = safe_normalize(glm::mix(from_dir, g.dir, k), g.dir);
      } else if (w < 0.8f) {
        wrist = glm::mix(above, beside, ease_in_out((w - 0.4f) / 0.4f));
        dir = g.dir;
      } else {
        wrist = glm::mix(beside, g.wrist, ease_in_out((w - 0.8f) / 0.2f));
        dir = g.dir;
      }
      const glm::vec3 side = hand_left ? left : -left;
      // The elbow bends out and a little up from the start of the reach:
      // blended from the way a nearly straight arm lying on the bed happens
      // to bend, it flipped across mid-reach.
      const glm::vec3 pole = side * 1.5f + up * 0.5f - superior * 0.2f;
      arm_ik(hand_left, wrist, wrist + dir * hand_len, 1, pole, 1);
      // On the way the legs are still moving: where the forearm or hand would
      // cut into a leg, the hand goes round it instead.
      for (int pass = 0; pass < 3; ++pass) {
        build_capsules(f, body, breath);
        glm::vec3 push(0);
        float deepest = -0.004f;
        for (const Capsule& arm : f.capsules) {
          if ((arm.part != Part::forearm && arm.part != Part::hand) || arm.side != (hand_left ? 1 : -1)) continue;
          for (const Capsule& leg : f.capsules) {
            if (leg.part != Part::thigh && leg.part != Part::shank) continue;
            const auto [on_arm, on_leg] = closest_points(arm.a, arm.b, leg.a, leg.b);
            const float g = glm::length(on_arm - on_leg) - arm.radius - leg.radius;
            if (g < deepest) {
              deepest = g;
              push = safe_normalize(on_arm - on_leg, side) * (0.006f - g);
            }
          }
        }
        if (deepest >= -0.004f) break;
        glm::vec3& tip = hand_left ? s.hand_tip_l : s.hand_tip_r;
        arm_ik(hand_left, s.joint[hand_left ? kWristL : kWristR] + push, tip + push, 1, pole, 1);
      }
    }
  }
  // Lying on the stomach: palms flat beside the shoulders, planted where the
  // shoulders are when lying flat, so they stay put while the chest rises.
  if (float w = goals[Goal::hands_beside_shoulders]; w > 0) {
    for (bool is_left : {true, false}) {
      glm::vec3 lateral = is_left ? left : -left;
      glm::vec3 wrist = s.joint[kPelvis] + flat(superior) * (0.93f * body.lengths.trunk) +
                        lateral * (body.lengths.shoulder_width / 2 + 0.1f * body.height_m);
      wrist.y = hand_rest_y;
      arm_ik(is_left, wrist, wrist + flat(superior) * body.lengths.hand, w, lateral * 0.4f - superior + up * 0.6f, w);
    }
  }

  // The head rests on the pillow lying on the back or side (the neck bends to
  // lay it there), and is never pushed into it lying on the stomach.
  {
    build_capsules(f, body, breath);
    const glm::vec3 pivot = s.joint[kNeck];
    for (int pass = 0; pass < 3; ++pass) {
      const Capsule& head = f.capsules[kHeadCapsule];
      const glm::vec3 centre = (head.a + head.b) * 0.5f;
      if (!bed.over_pillow(centre)) break;
      const float on_pillow = bed.pillow_top + (centre.y - lowest(head));
      const float want = glm::mix(std::max(centre.y, on_pillow), on_pillow, 1 - prone);
      // Swing the head about the base of the neck, in the vertical plane it
      // already lies in, until its centre is at that height.
      const glm::vec3 v = centre - pivot;
      const float len = glm::length(v), run = glm::length(flat(v));
      if (run < 1e-4f || std::fabs(want - centre.y) < 1e-4f) break;
      const float rise = std::clamp(want - pivot.y, -0.9f * len, 0.9f * len);
      const glm::vec3 to = flat(v) / run * std::sqrt(len * len - rise * rise) + up * rise;
      const glm::quat full = glm::rotation(v / len, to / len);
      const glm::vec3 head_was = s.joint[kHead], top_was = s.head_top;
      const float chest_gap = std::min(0.0f, gap(f.capsules[kHeadCapsule], f.capsules[kChestCapsule]));
      auto swing = [&](float part) {
        const glm::quat q = glm::slerp(glm::quat(1, 0, 0, 0), full, part);
        s.joint[kHead] = pivot + q * (head_was - pivot);
        s.head_top = pivot + q * (top_was - pivot);
        build_capsules(f, body, breath);
        return gap(f.capsules[kHeadCapsule], f.capsules[kChestCapsule]) >= chest_gap;
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

  build_capsules(f, body, breath);
  // Limbs on their way to a target can dip: lift so that nothing ever passes
  // through the mattress — on the back, only the half that dips (a thigh
  // dropping to the side in the twist lifts the pelvis, not the head).
  float low = 0, low_upper_now = 0, low_lower_now = 0;
  for (const Capsule& c : f.capsules) {
    low = std::min(low, lowest(c));
    float& half = in_upper_half(c.part) ? low_upper_now : low_lower_now;
    half = std::min(half, lowest(c));
  }
  if (low < 0) {
    if (key.contact == Contact::lowest_point) translate(s, glm::vec3(0, -low, 0));
    else lower_halves(s, low_upper_now, low_lower_now);
    build_capsules(f, body, breath);
  }
}

}  // namespace unfurl::core::body
