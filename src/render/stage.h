// The mannequin's staging: from where the session is to what the 3D view
// shows. Each frame it asks the animator for the pose, eases the shown pose
// toward it (so a jump — Back, Next, Stop — glides instead of snapping),
// builds the figure and the scene's draws, and aims the camera at the
// exercise's hold. The frame loop (src/app) only hands it the session and
// the view's size, and reads back the draws, the view and whether anything
// still moves.
#pragma once
#include <string>
#include <vector>

#include "core/body/animator.h"
#include "core/routine/session.h"
#include "render/camera.h"
#include "render/draws.h"

namespace unfurl::render {

class Stage {
 public:
  // The scene for this frame: the bed and the body posed for `session`
  // (nullptr: no session, the body rests at home). reduced_motion: the body
  // goes straight to each phase's pose and the camera cuts.
  void Update(const core::Session* session, float dt_s, float aspect, bool dim, bool reduced_motion);
  const std::vector<Draw>& draws() const { return draws_; }
  // True while the shown body is still easing toward its pose.
  bool moving() const { return moving_; }
  // Nothing to show (no 3D view on this screen): the body counts as still.
  void Hide() { moving_ = false; }
  Camera& camera() { return camera_; }
  const Camera& camera() const { return camera_; }

 private:
  core::body::Moment MomentOf(const core::Session* s, bool reduced_motion);
  void AimCamera(const core::body::Moment& m, const core::body::Animated& a, float aspect, bool reduced_motion);

  core::body::Animator animator_;
  core::body::Keyframe shown_;  // what is drawn: eases toward the animator's pose
  bool moving_ = true, shown_once_ = false;
  std::string exercise_, previous_exercise_;
  Camera camera_;
  // What the camera is aimed at; recomputed only when this changes.
  struct AimKey {
    std::string exercise;
    core::Side side;
    float range;
    std::string camera;
    float aspect;
    int still;  // home, finish
  };
  AimKey aim_key_{};
  bool aimed_once_ = false;
  CameraPose aimed_;
  core::body::Figure aim_figure_;
  std::vector<glm::vec4> aim_focus_, aim_also_;
  core::body::Figure figure_;  // the mannequin's capsules, reused frame after frame
  std::vector<Draw> draws_;    // the scene, likewise
};

}  // namespace unfurl::render
