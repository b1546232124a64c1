#include "core/body/figure.h"

#include <algorithm>
#include <cmath>

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

void build_capsules(Figure& f, const Body& body, float breath) {
  const Skeleton& s = f.skeleton;
  const Radii r = radii(body.height_m);
  auto& c = f.capsules;
  c.clear();
  const float chest = r.chest * (1 + 0.035f * breath);
  c.push_back({s.joint[kHipL], s.joint[kHipR], r.pelvis, Part::pelvis, 0});
  c.push_back({s.joint[kPelvis], s.joint[kThorax], r.lumbar, Part::lumbar, 0});
  c.push_back({s.joint[kThorax], glm::mix(s.joint[kThorax], s.joint[kNeck], 0.72f), chest, Part::chest, 0});
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

bool limb_has_goal(const Goals& g, Part part, int side) {
  bool leg = part == Part::thigh || part == Part::shank || part == Part::foot;
  bool arm = part == Part::upper_arm || part == Part::forearm || part == Part::hand;
  if (leg) {
    if (side > 0) return g[Goal::foot_on_bed_l] > 0 || g[Goal::ankle_on_thigh_l] > 0;
    return g[Goal::foot_on_bed_r] > 0 || g[Goal::ankle_on_thigh_r] > 0;
  }
  if (arm) return g[Goal::hands_behind_thigh_l] > 0 || g[Goal::hands_behind_thigh_r] > 0 || g[Goal::hands_beside_shoulders] > 0;
  return false;
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
  static constexpr std::string_view names[] = {"foot_on_bed_l", "foot_on_bed_r", "hands_behind_thigh_l",
                                               "hands_behind_thigh_r", "ankle_on_thigh_l", "ankle_on_thigh_r",
                                               "hands_beside_shoulders"};
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
    default: return g;
  }
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

Figure pose_figure(const Pose& pose, const Goals& goals, Contact contact, const Body& body, float breath) {
  Figure f;
  pose_figure(pose, goals, contact, body, breath, f);
  return f;
}

void pose_figure(const Pose& pose, const Goals& goals, Contact contact, const Body& body, float breath, Figure& f) {
  f.skeleton = forward_kinematics(pose, body.lengths);
  Skeleton& s = f.skeleton;
  const Radii r = radii(body.height_m);

  // Rest the body on the mattress: its lowest point, among the parts that are
  // not about to be placed by IK, touches y = 0.
  build_capsules(f, body, breath);
  auto is_trunk = [](Part p) {
    return p == Part::chest || p == Part::shoulders || p == Part::neck || p == Part::head ||
           p == Part::upper_arm || p == Part::forearm || p == Part::hand;
  };
  float low_all = 1e9f, low_trunk = 1e9f, low_pelvis = 1e9f;
  for (const Capsule& c : f.capsules) {
    if (limb_has_goal(goals, c.part, c.side) || c.part == Part::lumbar) continue;
    low_all = std::min(low_all, lowest(c));
    (is_trunk(c.part) ? low_trunk : low_pelvis) = std::min(is_trunk(c.part) ? low_trunk : low_pelvis, lowest(c));
  }
  if (contact == Contact::lowest_point) {
    translate(s, glm::vec3(0, -low_all, 0));
  } else {
    // Each group rests on the bed; the lumbar segment spans the two.
    const Joint trunk[] = {kThorax, kNeck, kHead, kShoulderL, kElbowL, kWristL, kShoulderR, kElbowR, kWristR};
    for (Joint j : trunk) s.joint[j].y -= low_trunk;
    s.hand_tip_l.y -= low_trunk; s.hand_tip_r.y -= low_trunk; s.head_top.y -= low_trunk;
    const Joint pelvis[] = {kPelvis, kLumbar, kHipL, kKneeL, kAnkleL, kHipR, kKneeR, kAnkleR};
    for (Joint j : pelvis) s.joint[j].y -= low_pelvis;
    s.toe_l.y -= low_pelvis; s.toe_r.y -= low_pelvis;
  }

  const glm::vec3 up(0, 1, 0);
  const glm::vec3 anterior = s.pelvis_rotation * glm::vec3(0, 1, 0);
  const glm::vec3 superior = s.pelvis_rotation * glm::vec3(1, 0, 0);
  const glm::vec3 left = s.pelvis_rotation * glm::vec3(0, 0, 1);

  auto leg_ik = [&](bool is_left, glm::vec3 target, float w, glm::vec3 pole) {
    Joint hp = is_left ? kHipL : kHipR, kn = is_left ? kKneeL : kKneeR, an = is_left ? kAnkleL : kAnkleR;
    glm::vec3& toe = is_left ? s.toe_l : s.toe_r;
    glm::vec3 foot = toe - s.joint[an];
    glm::vec3 t = glm::mix(s.joint[an], target, w);
    two_bone_ik(s.joint[hp], s.joint[kn], s.joint[an], t, pole, limits(kn).flex.max_deg);
    toe = s.joint[an] + foot;
  };
  // Feet flat on the bed, where the bent leg puts them.
  for (bool is_left : {true, false}) {
    float w = goals[is_left ? Goal::foot_on_bed_l : Goal::foot_on_bed_r];
    if (w <= 0) continue;
    Joint an = is_left ? kAnkleL : kAnkleR;
    glm::vec3 target = s.joint[an];
    target.y = std::max(r.foot, r.shank) + 0.002f;  // the ankle end of the shank is the widest
    leg_ik(is_left, target, w, anterior + up);
    glm::vec3& toe = is_left ? s.toe_l : s.toe_r;
    toe.y = s.joint[an].y;
  }
  // Figure-four: the crossing ankle rests on the other thigh, just above the knee.
  for (bool is_left : {true, false}) {
    float w = goals[is_left ? Goal::ankle_on_thigh_l : Goal::ankle_on_thigh_r];
    if (w <= 0) continue;
    Joint other_hip = is_left ? kHipR : kHipL, other_knee = is_left ? kKneeR : kKneeL;
    glm::vec3 on_thigh = glm::mix(s.joint[other_hip], s.joint[other_knee], 0.82f);
    glm::vec3 thigh_dir = safe_normalize(s.joint[other_knee] - s.joint[other_hip], up);
    glm::vec3 outward = safe_normalize(up - thigh_dir * glm::dot(up, thigh_dir), up);
    glm::vec3 target = on_thigh + outward * (r.thigh + r.shank * 0.8f);
    glm::vec3 lateral = is_left ? left : -left;
    leg_ik(is_left, target, w, lateral * 1.5f + up);
  }
  // Hands: behind a thigh near the knee (knee-to-chest, figure-four), or flat
  // on the mattress beside the shoulders (press-up).
  auto arm_ik = [&](bool is_left, glm::vec3 target, float w, glm::vec3 pole) {
    Joint sh = is_left ? kShoulderL : kShoulderR, el = is_left ? kElbowL : kElbowR, wr = is_left ? kWristL : kWristR;
    glm::vec3& tip = is_left ? s.hand_tip_l : s.hand_tip_r;
    float hand_len = glm::length(tip - s.joint[wr]);
    two_bone_ik(s.joint[sh], s.joint[el], s.joint[wr], glm::mix(s.joint[wr], target, w), pole, limits(el).flex.max_deg);
    tip = s.joint[wr] + safe_normalize(s.joint[wr] - s.joint[el], superior) * hand_len;
  };
  for (bool thigh_left : {true, false}) {
    float w = goals[thigh_left ? Goal::hands_behind_thigh_l : Goal::hands_behind_thigh_r];
    if (w <= 0) continue;
    Joint hp = thigh_left ? kHipL : kHipR, kn = thigh_left ? kKneeL : kKneeR;
    glm::vec3 grip = glm::mix(s.joint[hp], s.joint[kn], 0.78f);
    glm::vec3 thigh_dir = safe_normalize(s.joint[kn] - s.joint[hp], up);
    // Behind the thigh: on its underside, toward the bed.
    glm::vec3 under = safe_normalize(-up - thigh_dir * glm::dot(-up, thigh_dir), -up);
    grip += under * r.thigh;
    for (bool hand_left : {true, false}) {
      glm::vec3 across = (hand_left ? left : -left) * (r.thigh * 0.9f);
      arm_ik(hand_left, grip + across, w, (hand_left ? left : -left) + up * 0.3f - superior * 0.3f);
    }
  }
  if (float w = goals[Goal::hands_beside_shoulders]; w > 0) {
    for (bool is_left : {true, false}) {
      Joint sh = is_left ? kShoulderL : kShoulderR;
      glm::vec3 lateral = is_left ? left : -left;
      glm::vec3 target = s.joint[sh] + lateral * 0.1f * body.height_m - superior * 0.05f * body.height_m;
      target.y = std::max(r.hand, r.forearm) + 0.002f;
      arm_ik(is_left, target, w, lateral * 0.6f - superior + up * 0.2f);
      glm::vec3& tip = is_left ? s.hand_tip_l : s.hand_tip_r;
      tip = s.joint[is_left ? kWristL : kWristR] + superior * glm::length(tip - s.joint[is_left ? kWristL : kWristR]);
      tip.y = target.y;
    }
  }
  build_capsules(f, body, breath);
  // Mid-roll, limbs on their way to a target can dip: lift the whole body so
  // that nothing ever passes through the mattress.
  float low = 1e9f;
  for (const Capsule& c : f.capsules) low = std::min(low, lowest(c));
  if (low < 0) {
    translate(s, glm::vec3(0, -low, 0));
    build_capsules(f, body, breath);
  }
}

}  // namespace unfurl::core::body
