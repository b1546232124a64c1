// From a pose to a body lying on the bed: forward kinematics, then the body
// lowered until it rests on the mattress (nothing sinks through it), then
// two-bone IK for the limbs the article places: feet flat on the bed, hands
// behind the thigh or on the shin, an ankle crossed over the opposite thigh, hands beside
// the shoulders. The result is a set of capsules, ready to draw or test.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "core/body/skeleton.h"

namespace unfurl::core::body {

// Where a limb is put, and how strongly (0 = where FK left it, 1 = on target).
enum class Goal {
  foot_on_bed_l, foot_on_bed_r,
  hands_behind_thigh_l, hands_behind_thigh_r,  // both hands hold the back of that thigh, fingers interlaced
  hands_on_shin_l, hands_on_shin_r,            // both hands hold the front of that shin, just below the knee
  ankle_on_thigh_l, ankle_on_thigh_r,          // that ankle crosses over the other thigh, near its knee
  hands_beside_shoulders,                      // lying on the stomach: palms flat, ready to press
  hand_on_bed_l, hand_on_bed_r,                // the arm rests where FK points it, hand on the mattress
  kCount
};
std::string_view goal_name(Goal g);
Goal mirror(Goal g);

struct Goals {
  float weight[static_cast<int>(Goal::kCount)] = {};
  float& operator[](Goal g) { return weight[static_cast<int>(g)]; }
  float operator[](Goal g) const { return weight[static_cast<int>(g)]; }
};

// Body parts, for drawing and for the muscles that glow during a hold.
enum class Part { pelvis, lumbar, chest, shoulders, neck, head, upper_arm, forearm, hand, thigh, shank, foot };

// Whether a part holds any of the named muscles (docs/clinical.md's list), so it
// can glow during the hold.
bool holds_muscle(const std::vector<std::string>& muscles, Part part);

// A segment of the body: round at both ends, tapering from `radius` at a to
// `radius_b` at b. Hands and feet are flattened across `flat_dir` (palm or
// sole) to `flat` of their width — drawn so; the tests take them round.
struct Capsule {
  glm::vec3 a, b;
  float radius;
  Part part;
  int side;  // -1 right, 0 centre, +1 left
  float radius_b = -1;  // < 0: the same as radius
  glm::vec3 flat_dir{0};
  float flat = 1;
  float end_radius() const { return radius_b < 0 ? radius : radius_b; }
  float radius_at(float t) const { return radius + (end_radius() - radius) * t; }
  // The lowest point of its surface.
  float bottom() const { return std::min(a.y - radius, b.y - end_radius()); }
};

struct Figure {
  Skeleton skeleton;
  std::vector<Capsule> capsules;
};

struct Body {
  float height_m = 1.70f;
  Lengths lengths = Lengths::from_height(1.70f);
};

// How the body meets the mattress. Lying flat, the pelvis and the chest each
// rest on it (so a rolled pelvis in the twist lifts without lifting the
// shoulders); in the press-up the whole body pivots on its lowest point, the
// pelvis, while the chest rises.
enum class Contact { pelvis_and_chest, lowest_point };

// A pose with where its limbs go and how it meets the mattress: what the
// animator blends and the figure is built from.
struct Keyframe {
  Pose pose;
  Goals goals;
  Contact contact = Contact::pelvis_and_chest;
};

// The body on the bed (bed.h): rested on the mattress, limbs put where the
// goals say, placed along the bed, the head on the pillow. breath in [0, 1]:
// the chest rises and falls with the breathing cue.
Figure pose_figure(const Keyframe& key, const Body& body, float breath);
// The same into a figure the caller keeps: its capsule list is reused, so a frame allocates nothing.
void pose_figure(const Keyframe& key, const Body& body, float breath, Figure& out);

// Capsules that meet at a joint (or are parts of the one trunk, or a thigh
// folded against the belly at the groin) may overlap;
// any other pair overlapping is a limb through the body.
bool joined(const Capsule& a, const Capsule& b);
// How far two capsules' surfaces are apart (negative: they overlap by that much).
float gap(const Capsule& a, const Capsule& b);

// Two-bone IK: moves `mid` and `end` so that end reaches target (or as close as
// the bone lengths and the hinge's limit allow), bending toward `pole`.
// Lengths are preserved; the hinge never folds past max_flex_deg.
void two_bone_ik(const glm::vec3& root, glm::vec3& mid, glm::vec3& end, const glm::vec3& target,
                 const glm::vec3& pole, float max_flex_deg);

}  // namespace unfurl::core::body
