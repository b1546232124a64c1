// An orbit camera around the bed. Each exercise has a preset chosen so its
// defining movement reads best (the drawn-up leg's side toward the feet for
// knee-to-chest, the crossed leg's side for the figure-four, low from the feet
// for the twist, bed height for the press-up's lift and the pelvic tilt, from
// behind over the head end for the fetal curl), per side and per view shape,
// aimed so the body fills the view at any aspect; the camera glides
// between presets over ~1.5 s with ease-in-out (or cuts, with
// prefers-reduced-motion), and the user's drag and pinch add an offset on
// top until Reset.
#pragma once
#include <glm/glm.hpp>
#include <string_view>
#include <vector>

#include "render/draws.h"

namespace unfurl::render {

struct CameraPose {
  float yaw_deg = 0;     // 0 looks at the bed's long side
  float pitch_deg = 18;  // above the horizon
  float distance = 2.9f; // metres from the target
  glm::vec3 target{0.05f, 0.2f, 0};
};

// The preset for a name from assets/poses/poses.json ("side", "leg_side",
// "above_knees", …), for the exercise's right side or, with `left`, its
// mirror image, and for a view of that aspect (width / height): a tall view
// looks a little more along the bed, so the body fills its height too.
CameraPose Preset(std::string_view name, bool left, float aspect);

// The preset's direction, with its target and distance chosen so the
// `focus` spheres (x, y, z, radius: the body in the exercise's hold) fill 86 %
// of the view's width or height, whichever is tighter, at that aspect, and
// the `also` spheres (its start) stay inside the view.
CameraPose Fitted(const CameraPose& preset, const std::vector<glm::vec4>& focus, const std::vector<glm::vec4>& also,
                  float aspect);

// The vertical field of view for a view of that aspect (width / height):
// tall, narrow views widen it so a lying body still fits across.
float VerticalFovDeg(float aspect);

class Camera {
 public:
  void SetPreset(const CameraPose& pose, bool cut);
  // Returns true while it is still moving (the app keeps drawing).
  bool Update(float dt_s);
  void Orbit(float dx_css, float dy_css);
  void Zoom(float factor);
  void Reset();
  bool moving() const { return t_ < 1; }
  bool user_moved() const { return user_yaw_ != 0 || user_pitch_ != 0 || user_zoom_ != 1; }
  View Build(glm::ivec4 viewport) const;

 private:
  CameraPose from_, to_, now_;
  float t_ = 1;
  bool placed_ = false;
  float user_yaw_ = 0, user_pitch_ = 0, user_zoom_ = 1;
};

}  // namespace unfurl::render
