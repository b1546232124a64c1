// The WebGL2 renderer for the room: one shader program, a handful of unit
// meshes, and a flat list of draws per frame. It knows nothing of exercises:
// the scene (render/scene.h) turns the bed and the mannequin into draws.
//
// The shaders (shaders/scene.*, kept short: they ship as text): every solid
// is a unit mesh placed by u_model. A body segment (u_capsule.x > 0: length,
// radius at each end, thickness) is the split sphere stretched along +y, each
// half sized by its end's radius and flattened across z for a palm or a sole.
// Light is a soft dawn: a warm key from the window side with a wrapped
// falloff, a sky/floor fill, and on the figure (mode 2) a faint sheen and a
// cool rim so its silhouette reads on a dark screen. Mode 1 is the contact
// shadow, shaded per vertex of a fine grid (u_capsule.x < 0): dark where a
// segment (u_casters: its ends on the bed's plane, radius, height of its
// underside) lies close above the mattress, softer the higher.
//
// It sets every piece of GL state it relies on and never reads any back: a
// query waits for the GPU and stalls the page (docs/toolchain.md, item 14).
#pragma once
#include <glm/glm.hpp>

#include <array>
#include <string>
#include <vector>

#include "render/draws.h"
#include "render/gl/program.h"

namespace unfurl::render::gl {

class SceneRenderer {
 public:
  void Start();  // starts compiling; uploads the meshes
  bool Done(bool parallel) const { return program_.Done(parallel); }
  bool Finish(std::string& error);  // once Done: checks the program, binds its uniforms

  void Clear(int width_px, int height_px, glm::vec3 background);
  // scale ≤ 1: the view is drawn at that fraction of its device pixels into an
  // offscreen buffer and stretched into place — a dpr-3 phone need not shade
  // nine pixels per CSS pixel for soft shapes, while the panel's text stays sharp.
  void Render(const View& view, const std::vector<Draw>& draws, bool dim, float scale, glm::vec3 background);

 private:
  void Target(int width_px, int height_px);
  glm::ivec2 Scaled(const glm::ivec4& dest, float scale) const;  // the view's size in the offscreen target
  void BeginTarget(const glm::ivec4& dest, bool offscreen, float scale, glm::vec3 background);
  void SetState(const View& view, bool dim);
  void SendCasters(const std::vector<Draw>& draws);
  void DrawPasses(const std::vector<Draw>& draws);
  void BlitToCanvas(const glm::ivec4& dest, float scale);
  struct Mesh { unsigned vao = 0, vbo = 0, ibo = 0; int count = 0; };
  static constexpr int kMeshes = 4, kMaxCasters = 24;
  Mesh meshes_[kMeshes];
  std::array<glm::vec4, 2 * kMaxCasters> casters_{};
  Program program_;
  int u_view_proj_ = -1, u_model_ = -1, u_color_ = -1, u_glow_ = -1, u_alpha_ = -1, u_mode_ = -1,
      u_eye_ = -1, u_key_dir_ = -1, u_rim_ = -1, u_capsule_ = -1, u_casters_ = -1, u_caster_count_ = -1;
  // The offscreen target, sized for the whole canvas so a change of screen
  // (a taller or shorter view) never reallocates it.
  unsigned fbo_ = 0, color_ = 0, depth_ = 0;
  int target_w_ = 0, target_h_ = 0, canvas_w_ = 0, canvas_h_ = 0;
};

}  // namespace unfurl::render::gl
