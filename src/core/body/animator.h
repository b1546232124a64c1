// Session moment → pose. The poses are data (assets/poses/poses.json, in
// degrees: [flexion, abduction, rotation] per joint, signs as in skeleton.h):
// resting bases — log_roll is how the body turns over, arms at the sides and
// legs together — and per exercise a start base and a full-range target for
// the right side; the left is the mirror image. The target actually shown is the start blended toward
// the full pose by the user's range, so range 0.6 moves visibly less than 1.0.
// Moving in eases over the move time, the hold stays still but for breathing,
// the release eases back, and the intro of an exercise rolls the body into its
// position (onto the stomach for the press-up, onto the side for the fetal).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/body/figure.h"
#include "core/ease.h"
#include "core/routine/session.h"

namespace unfurl::core::body {

struct ExercisePoses {
  std::string start;      // a base name
  Keyframe full;          // right side
  std::string camera;     // a camera preset name (render/camera.h)
  bool arrow = false;     // an arrow round the pelvis shows its turn, which a still body cannot
};

struct PoseLibrary {
  float height_m = 1.70f;
  std::map<std::string, Keyframe, std::less<>> bases;
  std::map<std::string, ExercisePoses, std::less<>> exercises;
};

struct PoseLibraryResult {
  std::optional<PoseLibrary> library;
  std::string error;
};
PoseLibraryResult load_poses(std::string_view json_text);
const PoseLibrary& default_poses();

Keyframe mirrored(const Keyframe& k);
Keyframe blend(const Keyframe& a, const Keyframe& b, float t);

// What the session is doing right now, as the animator needs it.
struct Moment {
  std::string_view exercise;      // "" for the preparation, home and finish
  std::string_view previous;      // the exercise before, for the roll into position
  Side side = Side::none;
  Phase phase = Phase::prepare;
  int rep = 1;
  float progress = 0;             // 0..1 through the phase
  float phase_s = 0;              // the phase's length, for fades
  float range = 0.6f;
  float breath = 0;               // 0 = out, 1 = in
  bool home = false;              // no session: the figure rests with knees bent
};

struct Animated {
  Keyframe key;
  std::string camera;
  float glow = 0;                 // targeted muscles, 0..1, during holds
  // The pelvis arrow (render/scene.h) as the glow fades: < 0 where the hold
  // turns the pelvis back from its start, > 0 forward, 0 for no arrow.
  float arrow = 0;
};

class Animator {
 public:
  explicit Animator(const PoseLibrary& library = default_poses()) : lib_(library) {}
  Animated at(const Moment& m) const;
  Keyframe start(std::string_view exercise) const;
  Keyframe target(std::string_view exercise, Side side, float range) const;
  Body body() const;

 private:
  Keyframe roll(const Keyframe& from, const Keyframe& to, float progress) const;
  const Keyframe* base(std::string_view name) const;
  const PoseLibrary& lib_;
};

}  // namespace unfurl::core::body
