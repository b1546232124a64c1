#include "render/stage.h"

#include <algorithm>
#include <cmath>

#include "core/ease.h"
#include "render/scene.h"

namespace unfurl::render {

namespace body = core::body;

namespace {
// How quickly the shown pose catches up with the animator's after a jump:
// the time constant of its exponential approach.
constexpr float kCatchUp_s = 0.18f;
// Below this (degrees, or a goal's weight in hundredths) the body counts as still.
constexpr float kStill = 0.05f;
}  // namespace

body::Moment Stage::MomentOf(const core::Session* s, bool reduced_motion) {
  body::Moment m;
  if (!s) {
    m.home = true;
    exercise_.clear();
    previous_exercise_.clear();
    return m;
  }
  if (const core::Exercise* e = s->exercise(); e && e->id != exercise_) {
    previous_exercise_ = exercise_;
    exercise_ = e->id;
  }
  m.exercise = exercise_;
  m.previous = previous_exercise_;
  m.side = s->side();
  m.phase = s->phase();
  m.rep = s->rep();
  m.phase_s = static_cast<float>(s->phase_duration_s());
  m.progress = static_cast<float>(1 - s->phase_remaining_s() / std::max(1e-3, s->phase_duration_s()));
  m.range = static_cast<float>(s->range());
  // Reduced motion: the body goes straight to where each phase ends and lies
  // still — no limb sweeps across the screen; the breath ring keeps the pace.
  if (reduced_motion && m.phase != core::Phase::hold && m.phase != core::Phase::prepare) m.progress = 1;
  const float b = core::ease(static_cast<float>(s->breath_progress()));
  m.breath = s->finished() || reduced_motion ? 0 : (s->inhaling() ? b : 1 - b);
  return m;
}

void Stage::Update(const core::Session* s, float dt_s, float aspect, bool dim, bool reduced_motion) {
  camera_.Update(dt_s);
  draws_.clear();
  AddBed(draws_, dim);
  const body::Moment m = MomentOf(s, reduced_motion);
  const body::Animated a = animator_.at(m);

  // Ease toward the animator's pose; the animator's own motion is already
  // smooth. With reduced motion, or on the first frame, it is shown as it is.
  const float k = shown_once_ && !reduced_motion ? 1 - std::exp(-dt_s / kCatchUp_s) : 1;
  shown_once_ = true;
  float moved = 0;
  for (int j = 0; j < body::kJointCount; ++j) {
    body::Angles& cur = shown_.pose.angles[j];
    const body::Angles& to = a.key.pose.angles[j];
    moved = std::max({moved, std::fabs(to.flex - cur.flex), std::fabs(to.abd - cur.abd), std::fabs(to.rot - cur.rot)});
    cur.flex += (to.flex - cur.flex) * k;
    cur.abd += (to.abd - cur.abd) * k;
    cur.rot += (to.rot - cur.rot) * k;
  }
  for (int g = 0; g < static_cast<int>(body::Goal::kCount); ++g) {
    moved = std::max(moved, std::fabs(a.key.goals.weight[g] - shown_.goals.weight[g]) * 100);
    shown_.goals.weight[g] += (a.key.goals.weight[g] - shown_.goals.weight[g]) * k;
  }
  shown_.pose.root = a.key.pose.root;
  shown_.contact = a.key.contact;

  static const std::vector<std::string> kNoMuscles;
  const std::vector<std::string>& muscles = s && s->exercise() ? s->exercise()->muscles : kNoMuscles;
  body::pose_figure(shown_, animator_.body(), m.breath, figure_);
  AddFigure(draws_, figure_, muscles, a.glow, dim);
  if (a.arrow != 0) AddPelvisArrow(draws_, figure_, a.arrow, dim);
  AimCamera(m, a, aspect, reduced_motion);
  moving_ = moved > kStill;
}

void Stage::AimCamera(const body::Moment& m, const body::Animated& a, float aspect, bool reduced_motion) {
  // Aimed at the exercise's hold at this range (its start kept in view), not
  // on this frame's pose: the camera holds still while the body moves, and
  // glides only when the exercise, side, range or view changes.
  const bool still_pose = m.exercise.empty() || m.home;
  // Compared in place: the frame path copies no string unless the aim changes.
  const std::string_view exercise = still_pose ? std::string_view() : m.exercise;
  const int still = m.home ? 1 : m.phase == core::Phase::done ? 2 : 0;
  const AimKey& k = aim_key_;
  if (aimed_once_ && k.exercise == exercise && k.side == m.side && k.range == m.range && k.camera == a.camera &&
      k.aspect == aspect && k.still == still)
    return camera_.SetPreset(aimed_, reduced_motion);
  // A new view size (a rotated phone, a resized window) re-aims at once; a
  // new exercise glides there.
  const bool cut = reduced_motion || aspect != aim_key_.aspect;
  aim_key_ = {std::string(exercise), m.side, m.range, a.camera, aspect, still};
  aimed_once_ = true;
  auto add = [&](const body::Keyframe& key, std::vector<glm::vec4>& spheres) {
    spheres.clear();
    body::pose_figure(key, animator_.body(), 0, aim_figure_);
    for (const body::Capsule& c : aim_figure_.capsules) {
      spheres.emplace_back(c.a, c.radius);
      spheres.emplace_back(c.b, c.radius);
    }
  };
  if (still_pose) {
    add(a.key, aim_focus_);
    aim_also_.clear();
  } else {
    add(animator_.target(m.exercise, m.side, m.range), aim_focus_);
    add(animator_.start(m.exercise), aim_also_);
  }
  aimed_ = Fitted(Preset(a.camera, m.side == core::Side::left, aspect), aim_focus_, aim_also_, aspect);
  camera_.SetPreset(aimed_, cut);
}

}  // namespace unfurl::render
