// The WebGL2 renderer: one shader program, a handful of unit meshes, and a
// flat list of draws per frame. It knows nothing of exercises: the scene
// (render/scene.h) turns the bed and the mannequin's pose into draws.
#pragma once
#include <glm/glm.hpp>

#include <string>
#include <vector>

namespace unfurl::render {

enum class Shape { sphere, cylinder, rounded_box, shadow };

struct Draw {
  Shape shape;
  glm::mat4 model;
  glm::vec3 color;
  glm::vec3 glow{0};
  float alpha = 1;
};

struct View {
  glm::mat4 view_proj;
  glm::vec3 eye;
  glm::ivec4 viewport;  // x, y (from the bottom), w, h in device px
};

class Renderer {
 public:
  // Compiles the shaders; on failure the error names the shader and GL's log.
  bool Init(std::string& error);
  void Clear(int width_px, int height_px, glm::vec3 background);
  void Render(const View& view, const std::vector<Draw>& draws, bool dim);

 private:
  struct Gpu { unsigned vao = 0, vbo = 0, ibo = 0; int count = 0; };
  Gpu meshes_[3];
  unsigned program_ = 0;
  int u_view_proj_ = -1, u_model_ = -1, u_color_ = -1, u_glow_ = -1, u_alpha_ = -1, u_mode_ = -1,
      u_eye_ = -1, u_key_dir_ = -1, u_rim_ = -1;
};

}  // namespace unfurl::render
