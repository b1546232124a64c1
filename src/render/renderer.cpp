#include "render/renderer.h"

#include <GLES3/gl3.h>

#include <glm/gtc/type_ptr.hpp>

#include "core/assets.h"
#include "render/mesh.h"

namespace unfurl::render {

namespace {
unsigned Compile(GLenum type, const char* name, std::string& error) {
  std::string_view src = core::embedded_asset(name);
  if (src.empty()) { error = std::string(name) + ": not embedded"; return 0; }
  unsigned s = glCreateShader(type);
  const char* text = src.data();
  GLint len = static_cast<GLint>(src.size());
  glShaderSource(s, 1, &text, &len);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    error = std::string(name) + ": " + log;
    glDeleteShader(s);
    return 0;
  }
  return s;
}

}  // namespace

bool Renderer::Init(std::string& error) {
  unsigned vs = Compile(GL_VERTEX_SHADER, "shaders/scene.vert", error);
  unsigned fs = vs ? Compile(GL_FRAGMENT_SHADER, "shaders/scene.frag", error) : 0;
  if (!vs || !fs) return false;
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program_, sizeof log, nullptr, log);
    error = std::string("scene.vert + scene.frag: link failed: ") + log;
    return false;
  }
  u_view_proj_ = glGetUniformLocation(program_, "u_view_proj");
  u_model_ = glGetUniformLocation(program_, "u_model");
  u_color_ = glGetUniformLocation(program_, "u_color");
  u_glow_ = glGetUniformLocation(program_, "u_glow");
  u_alpha_ = glGetUniformLocation(program_, "u_alpha");
  u_mode_ = glGetUniformLocation(program_, "u_mode");
  u_eye_ = glGetUniformLocation(program_, "u_eye");
  u_key_dir_ = glGetUniformLocation(program_, "u_key_dir");
  u_rim_ = glGetUniformLocation(program_, "u_rim");

  const MeshData data[3] = {MakeSuperellipsoid(12, 18, 1.0f), MakeCylinder(18),
                            MakeSuperellipsoid(16, 24, 0.22f)};
  for (int i = 0; i < 3; ++i) {
    const MeshData& d = data[i];
    Gpu& g = meshes_[i];
    std::vector<float> interleaved;
    for (size_t v = 0; v < d.positions.size(); ++v) {
      interleaved.insert(interleaved.end(), {d.positions[v].x, d.positions[v].y, d.positions[v].z,
                                             d.normals[v].x, d.normals[v].y, d.normals[v].z});
    }
    glGenVertexArrays(1, &g.vao);
    glBindVertexArray(g.vao);
    glGenBuffers(1, &g.vbo);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBufferData(GL_ARRAY_BUFFER, interleaved.size() * sizeof(float), interleaved.data(), GL_STATIC_DRAW);
    glGenBuffers(1, &g.ibo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, d.indices.size() * 2, d.indices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 24, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 24, reinterpret_cast<void*>(12));
    g.count = static_cast<int>(d.indices.size());
  }
  glBindVertexArray(0);
  return true;
}

void Renderer::Clear(int width_px, int height_px, glm::vec3 bg) {
  glViewport(0, 0, width_px, height_px);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

void Renderer::Render(const View& view, const std::vector<Draw>& draws, bool dim) {
  glViewport(view.viewport.x, view.viewport.y, view.viewport.z, view.viewport.w);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDisable(GL_BLEND);
  glUseProgram(program_);
  glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, glm::value_ptr(view.view_proj));
  glUniform3fv(u_eye_, 1, glm::value_ptr(view.eye));
  const glm::vec3 key_dir(0.35f, 0.9f, 0.55f);
  glUniform3fv(u_key_dir_, 1, glm::value_ptr(key_dir));
  glUniform1f(u_rim_, dim ? 0.55f : 0.25f);
  // Opaque first, then the translucent shadow on top of the mattress.
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glDepthMask(GL_FALSE);
    }
    for (const Draw& d : draws) {
      bool shadow = d.shape == Shape::shadow;
      if (shadow != (pass == 1)) continue;
      const Gpu& g = meshes_[shadow ? 0 : static_cast<int>(d.shape)];
      glUniformMatrix4fv(u_model_, 1, GL_FALSE, glm::value_ptr(d.model));
      glUniform3fv(u_color_, 1, glm::value_ptr(d.color));
      glUniform3fv(u_glow_, 1, glm::value_ptr(d.glow));
      glUniform1f(u_alpha_, d.alpha);
      glUniform1i(u_mode_, shadow ? 1 : 0);
      glBindVertexArray(g.vao);
      glDrawElements(GL_TRIANGLES, g.count, GL_UNSIGNED_SHORT, nullptr);
    }
  }
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_DEPTH_TEST);
  glBindVertexArray(0);
}

}  // namespace unfurl::render
