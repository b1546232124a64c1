#include "core/body/skeleton.h"

#include <glm/gtc/matrix_transform.hpp>

namespace unfurl::core::body {

namespace {
constexpr glm::vec3 kS(1, 0, 0), kA(0, 1, 0), kL(0, 0, 1);
// Where the toes and the heel lie from the ankle, as fractions of the foot's length.
constexpr float kToeForward = 0.75f, kHeelBack = 0.12f, kHeelDrop = 0.1f;

glm::quat axis_angle(glm::vec3 axis, float deg) { return glm::angleAxis(glm::radians(deg), axis); }

bool is_left(Joint j) {
  return j == kShoulderL || j == kElbowL || j == kWristL || j == kHipL || j == kKneeL || j == kAnkleL;
}

// The rotation a joint's angles describe, in its parent's frame. Signs follow
// the body frame so that + is always the anatomical direction, for either side.
glm::quat joint_rotation(Joint j, const Angles& a) {
  const float side = is_left(j) ? 1.f : -1.f;
  switch (j) {
    case kLumbar: case kThorax: case kNeck: case kHead:
      // Spine flexion bends the trunk toward anterior; rotation turns it about its long axis.
      return axis_angle(kL, a.flex) * axis_angle(kS, a.rot);
    case kKneeL: case kKneeR:
      return axis_angle(kL, a.flex);  // the shank folds back under the thigh
    case kElbowL: case kElbowR:
      return axis_angle(-kL, a.flex);
    case kAnkleL: case kAnkleR: case kWristL: case kWristR:
      return axis_angle(-kL, a.flex);
    default:  // hips and shoulders: flexion carries the limb anterior
      return axis_angle(-kL, a.flex) * axis_angle(kA, side * a.abd) * axis_angle(kS, side * a.rot);
  }
}
}  // namespace

std::string_view joint_name(Joint j) {
  static constexpr std::string_view names[] = {
      "pelvis", "lumbar", "thorax", "neck", "head", "shoulder_l", "elbow_l", "wrist_l", "shoulder_r",
      "elbow_r", "wrist_r", "hip_l", "knee_l", "ankle_l", "hip_r", "knee_r", "ankle_r"};
  return j < kJointCount ? names[j] : "";
}

Joint mirror(Joint j) {
  switch (j) {
    case kShoulderL: return kShoulderR; case kShoulderR: return kShoulderL;
    case kElbowL: return kElbowR;       case kElbowR: return kElbowL;
    case kWristL: return kWristR;       case kWristR: return kWristL;
    case kHipL: return kHipR;           case kHipR: return kHipL;
    case kKneeL: return kKneeR;         case kKneeR: return kKneeL;
    case kAnkleL: return kAnkleR;       case kAnkleR: return kAnkleL;
    default: return j;
  }
}

Lengths Lengths::from_height(float h) {
  return {0.245f * h, 0.246f * h, 0.288f * h, 0.186f * h, 0.146f * h,
          0.108f * h, 0.259f * h, 0.191f * h, 0.100f * h, 0.152f * h, 0.130f * h};
}

const JointLimits& limits(Joint j) {
  static const JointLimits wide{{-180, 180}, {-180, 180}, {-180, 180}};
  static const JointLimits hip{{-20, 120}, {-20, 40}, {-40, 45}};
  static const JointLimits knee{{0, 135}, {0, 0}, {0, 0}};
  static const JointLimits lumbar{{-25, 50}, {0, 0}, {-7, 7}};
  static const JointLimits thorax{{-15, 30}, {0, 0}, {-35, 35}};
  static const JointLimits shoulder{{-60, 180}, {-30, 180}, {-90, 90}};
  static const JointLimits elbow{{0, 145}, {0, 0}, {0, 0}};
  switch (j) {
    case kHipL: case kHipR: return hip;
    case kKneeL: case kKneeR: return knee;
    case kLumbar: return lumbar;
    case kThorax: return thorax;
    case kShoulderL: case kShoulderR: return shoulder;
    case kElbowL: case kElbowR: return elbow;
    default: return wide;
  }
}

glm::quat lying_rotation(Lying l) {
  // Columns are where the body's superior, anterior and left axes point in the world.
  glm::mat3 m(1);
  switch (l) {
    case Lying::supine: m = glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, 1, 0), glm::vec3(0, 0, 1)); break;
    case Lying::prone: m = glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, -1, 0), glm::vec3(0, 0, -1)); break;
    // On the left side, facing the room (+z): left points down, anterior toward the viewer.
    case Lying::side: m = glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(0, -1, 0)); break;
  }
  return glm::quat_cast(m);
}

Skeleton forward_kinematics(const Pose& pose, const Lengths& len) {
  Skeleton s;
  const auto& a = pose.angles;
  glm::quat lying = glm::slerp(pose.root.blend_from, lying_rotation(pose.root.lying), pose.root.blend);
  glm::quat pelvis = lying * axis_angle(kS, pose.root.roll_deg) * axis_angle(kL, pose.root.pitch_deg);
  s.pelvis_rotation = pelvis;
  s.joint[kPelvis] = glm::vec3(0);

  // Trunk: hip line → L5/S1 → thorax → base of the neck adds up to the trunk length.
  glm::quat lumbar = pelvis * joint_rotation(kLumbar, a[kLumbar]);
  s.joint[kLumbar] = s.joint[kPelvis] + pelvis * (kS * (0.15f * len.trunk));
  glm::quat thorax = lumbar * joint_rotation(kThorax, a[kThorax]);
  s.joint[kThorax] = s.joint[kLumbar] + lumbar * (kS * (0.35f * len.trunk));
  s.thorax_rotation = thorax;
  s.joint[kNeck] = s.joint[kThorax] + thorax * (kS * (0.5f * len.trunk));
  glm::quat neck = thorax * joint_rotation(kNeck, a[kNeck]);
  s.joint[kHead] = s.joint[kNeck] + neck * (kS * (0.2f * len.head));
  glm::quat head = neck * joint_rotation(kHead, a[kHead]);
  s.head_top = s.joint[kHead] + head * (kS * len.head);
  s.face = head * kA;

  auto arm = [&](Joint sh, Joint el, Joint wr, float side, glm::vec3& tip, glm::vec3& palm) {
    s.joint[sh] = s.joint[kNeck] + thorax * (kL * (side * len.shoulder_width / 2) - kS * (0.02f * len.trunk));
    glm::quat q_sh = thorax * joint_rotation(sh, a[sh]);
    s.joint[el] = s.joint[sh] + q_sh * (-kS * len.upper_arm);
    glm::quat q_el = q_sh * joint_rotation(el, a[el]);
    s.joint[wr] = s.joint[el] + q_el * (-kS * len.forearm);
    glm::quat q_wr = q_el * joint_rotation(wr, a[wr]);
    tip = s.joint[wr] + q_wr * (-kS * len.hand);
    palm = q_wr * kA;  // in the anatomical position the palms face forward
  };
  arm(kShoulderL, kElbowL, kWristL, 1, s.hand_tip_l, s.palm_l);
  arm(kShoulderR, kElbowR, kWristR, -1, s.hand_tip_r, s.palm_r);

  // The foot: toes forward of the ankle, the heel a little behind and below it.
  auto leg = [&](Joint hip, Joint knee, Joint ankle, float side, glm::vec3& toe, glm::vec3& heel) {
    s.joint[hip] = s.joint[kPelvis] + pelvis * (kL * (side * len.hip_joints / 2));
    glm::quat q_hip = pelvis * joint_rotation(hip, a[hip]);
    s.joint[knee] = s.joint[hip] + q_hip * (-kS * len.thigh);
    glm::quat q_knee = q_hip * joint_rotation(knee, a[knee]);
    s.joint[ankle] = s.joint[knee] + q_knee * (-kS * len.shank);
    glm::quat q_ankle = q_knee * joint_rotation(ankle, a[ankle]);
    toe = s.joint[ankle] + q_ankle * (kA * (kToeForward * len.foot));
    heel = s.joint[ankle] + q_ankle * (kA * (-kHeelBack * len.foot) - kS * (kHeelDrop * len.foot));
  };
  leg(kHipL, kKneeL, kAnkleL, 1, s.toe_l, s.heel_l);
  leg(kHipR, kKneeR, kAnkleR, -1, s.toe_r, s.heel_r);
  return s;
}

}  // namespace unfurl::core::body
