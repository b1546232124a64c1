// The mannequin's skeleton: joints, segment lengths from body height (the
// fractions of Drillis & Contini, in Winter, listed in docs/clinical.md), joint
// limits, and forward kinematics from anatomical angles to world positions.
//
// Frames: the body's own frame is x = superior (toward the head), y =
// anterior (the way the face looks), z = the person's left. The world has y
// up, the bed's top at y = 0, and the bed running along x with the head at +x.
#pragma once
#include <array>
#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>
#include <string_view>

namespace unfurl::core::body {

enum Joint {
  kPelvis, kLumbar, kThorax, kNeck, kHead,
  kShoulderL, kElbowL, kWristL, kShoulderR, kElbowR, kWristR,
  kHipL, kKneeL, kAnkleL, kHipR, kKneeR, kAnkleR,
  kJointCount
};
std::string_view joint_name(Joint j);
Joint mirror(Joint j);  // left ↔ right; the spine maps to itself

// Anatomical angles of one joint relative to its parent, in degrees.
// flex: flexion (+) / extension (−); abd: abduction (+) / adduction (−);
// rot: external (+) / internal (−) for limbs, toward the left (+) for the spine.
struct Angles {
  float flex = 0, abd = 0, rot = 0;
};

// hip_width is the body's breadth across the hips, as drawn; the hip joints
// sit nearer each other, inside it (hip_joints, docs/poses.md).
struct Lengths {
  float thigh, shank, trunk, upper_arm, forearm, hand, shoulder_width, hip_width, hip_joints, foot, head;
  static Lengths from_height(float height_m);
};

struct Limit { float min_deg, max_deg; };
struct JointLimits { Limit flex, abd, rot; };
// From docs/clinical.md; joints the table does not name get wide limits.
const JointLimits& limits(Joint j);

// Where the body lies, as a rotation of the body frame into the world, plus
// pelvis roll (twist) and pitch (pelvic tilt) on top, in degrees.
enum class Lying { supine, prone, side };
struct Root {
  Lying lying = Lying::supine;
  float roll_deg = 0, pitch_deg = 0;
  glm::quat blend_from{1, 0, 0, 0};  // orientation being left while rolling over
  float blend = 1;                   // 0 = still at blend_from, 1 = at lying
};
glm::quat lying_rotation(Lying l);

struct Pose {
  Root root;
  std::array<Angles, kJointCount> angles{};
};

// World positions of every joint, plus the ends of the hands, feet and head,
// and the ways the palms and the face look (unit vectors).
struct Skeleton {
  std::array<glm::vec3, kJointCount> joint{};
  glm::vec3 hand_tip_l{}, hand_tip_r{}, toe_l{}, toe_r{}, head_top{};
  glm::vec3 heel_l{}, heel_r{};
  glm::vec3 palm_l{0, 1, 0}, palm_r{0, 1, 0}, face{0, 1, 0};
  glm::quat pelvis_rotation{1, 0, 0, 0}, thorax_rotation{1, 0, 0, 0};
};

Skeleton forward_kinematics(const Pose& pose, const Lengths& len);

}  // namespace unfurl::core::body
