#include "render/gl/scene_renderer.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <glm/gtc/type_ptr.hpp>

#include "render/mesh.h"

namespace unfurl::render::gl {

namespace {
// Metres: a segment whose underside is higher than this casts no contact shadow.
constexpr float kCastsBelow = 0.25f;
}  // namespace

void SceneRenderer::Start() {
  program_.Start("shaders/scene.vert", "shaders/scene.frag");
  // In Shape's order: sphere, rounded box, capsule, the shadow's grid (shaded per vertex: cheap on any GPU).
  const MeshData data[kMeshes] = {MakeSuperellipsoid(12, 18, 1.0f), MakeSuperellipsoid(16, 24, 0.22f), MakeCapsule(12, 18),
                                  MakeGrid(48, 40)};
  for (int i = 0; i < kMeshes; ++i) {
    const MeshData& d = data[i];
    Mesh& g = meshes_[i];
    std::vector<float> interleaved;
    interleaved.reserve(d.positions.size() * 6);
    for (size_t v = 0; v < d.positions.size(); ++v)
      interleaved.insert(interleaved.end(), {d.positions[v].x, d.positions[v].y, d.positions[v].z,
                                             d.normals[v].x, d.normals[v].y, d.normals[v].z});
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
}

bool SceneRenderer::Finish(std::string& error) {
  if (!program_.Check(error)) return false;
  const unsigned p = program_.id();
  u_view_proj_ = glGetUniformLocation(p, "u_view_proj");
  u_model_ = glGetUniformLocation(p, "u_model");
  u_color_ = glGetUniformLocation(p, "u_color");
  u_glow_ = glGetUniformLocation(p, "u_glow");
  u_alpha_ = glGetUniformLocation(p, "u_alpha");
  u_mode_ = glGetUniformLocation(p, "u_mode");
  u_eye_ = glGetUniformLocation(p, "u_eye");
  u_key_dir_ = glGetUniformLocation(p, "u_key_dir");
  u_rim_ = glGetUniformLocation(p, "u_rim");
  u_capsule_ = glGetUniformLocation(p, "u_capsule");
  u_casters_ = glGetUniformLocation(p, "u_casters");
  u_caster_count_ = glGetUniformLocation(p, "u_caster_count");
  // Emscripten resolves a uniform's location on its first glUniform call (a
  // synchronous getUniformLocation); setting each one here keeps that out of frames.
  glUseProgram(p);
  const glm::mat4 identity(1);
  glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, glm::value_ptr(identity));
  glUniformMatrix4fv(u_model_, 1, GL_FALSE, glm::value_ptr(identity));
  for (int u : {u_color_, u_glow_, u_eye_, u_key_dir_}) glUniform3f(u, 0, 0, 0);
  glUniform1f(u_alpha_, 1);
  glUniform1f(u_rim_, 0);
  glUniform1i(u_mode_, 0);
  glUniform4f(u_capsule_, 0, 0, 0, 0);
  casters_.fill(glm::vec4(0));
  glUniform4fv(u_casters_, 2 * kMaxCasters, &casters_[0].x);
  glUniform1i(u_caster_count_, 0);
  glUseProgram(0);
  return true;
}

void SceneRenderer::Clear(int width_px, int height_px, glm::vec3 bg) {
  canvas_w_ = width_px;
  canvas_h_ = height_px;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width_px, height_px);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

void SceneRenderer::Target(int w, int h) {
  if (w == target_w_ && h == target_h_) return;
  target_w_ = w;
  target_h_ = h;
  if (!fbo_) {
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &color_);
    glGenRenderbuffers(1, &depth_);
  }
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
  glBindRenderbuffer(GL_RENDERBUFFER, depth_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT16, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth_);
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
}

glm::ivec2 SceneRenderer::Scaled(const glm::ivec4& dest, float scale) const {
  return {std::min(target_w_, static_cast<int>(std::lround(dest.z * scale))),
          std::min(target_h_, static_cast<int>(std::lround(dest.w * scale)))};
}

void SceneRenderer::Render(const View& view, const std::vector<Draw>& draws, bool dim, float scale,
                           glm::vec3 bg) {
  const bool offscreen = scale < 0.99f;
  BeginTarget(view.viewport, offscreen, scale, bg);
  SetState(view, dim);
  SendCasters(draws);
  DrawPasses(draws);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_DEPTH_TEST);
  glBindVertexArray(0);
  if (offscreen) BlitToCanvas(view.viewport, scale);
}

// Drawn at a lower scale the view goes to the offscreen target first, cleared
// to the background; at full scale straight into its place on the canvas.
void SceneRenderer::BeginTarget(const glm::ivec4& dest, bool offscreen, float scale, glm::vec3 bg) {
  if (!offscreen) {
    glViewport(dest.x, dest.y, dest.z, dest.w);
    return;
  }
  Target(static_cast<int>(std::ceil(canvas_w_ * scale)), static_cast<int>(std::ceil(canvas_h_ * scale)));
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  const glm::ivec2 size = Scaled(dest, scale);
  glViewport(0, 0, size.x, size.y);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

void SceneRenderer::SetState(const View& view, bool dim) {
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  glUseProgram(program_.id());
  glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, glm::value_ptr(view.view_proj));
  glUniform3fv(u_eye_, 1, glm::value_ptr(view.eye));
  const glm::vec3 key_dir(0.35f, 0.9f, 0.55f);
  glUniform3fv(u_key_dir_, 1, glm::value_ptr(key_dir));
  glUniform1f(u_rim_, dim ? 0.6f : 0.3f);
}

// The shadow's casters: each capsule's ends on the bed's plane, with its
// radius and how high its underside is there. Sent once, as one array.
void SceneRenderer::SendCasters(const std::vector<Draw>& draws) {
  int casters = 0;
  for (const Draw& d : draws) {
    if (d.shape != Shape::capsule || casters == kMaxCasters) continue;
    const glm::vec3 a(d.model[3]), b = a + glm::vec3(d.model[1]) * d.capsule.x;
    // Only what lies near the mattress casts: fewer steps for every shadow pixel.
    if (std::min(a.y - d.capsule.y, b.y - d.capsule.z) > kCastsBelow) continue;
    casters_[2 * casters] = glm::vec4(a.x, a.z, d.capsule.y, a.y - d.capsule.y);
    casters_[2 * casters + 1] = glm::vec4(b.x, b.z, d.capsule.z, b.y - d.capsule.z);
    ++casters;
  }
  glUniform4fv(u_casters_, 2 * casters + (casters == 0), &casters_[0].x);
  glUniform1i(u_caster_count_, casters);
}

// Opaque first, then the translucent shadow on top of the mattress.
void SceneRenderer::DrawPasses(const std::vector<Draw>& draws) {
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glDepthMask(GL_FALSE);
    }
    for (const Draw& d : draws) {
      const bool shadow = d.shape == Shape::shadow;
      if (shadow != (pass == 1)) continue;
      const Mesh& g = meshes_[static_cast<int>(d.shape)];
      glUniformMatrix4fv(u_model_, 1, GL_FALSE, glm::value_ptr(d.model));
      glUniform3fv(u_color_, 1, glm::value_ptr(d.color));
      glUniform3fv(u_glow_, 1, glm::value_ptr(d.glow));
      glUniform1f(u_alpha_, d.alpha);
      glUniform1i(u_mode_, shadow ? 1 : d.shape == Shape::capsule ? 2 : 0);
      // The vertex shader tells a segment (length > 0) and the shadow (< 0) from the rest.
      const glm::vec4 capsule = shadow ? glm::vec4(-1, 0, 0, 0) : d.capsule;
      glUniform4fv(u_capsule_, 1, glm::value_ptr(capsule));
      glBindVertexArray(g.vao);
      glDrawElements(GL_TRIANGLES, g.count, GL_UNSIGNED_SHORT, nullptr);
    }
  }
}

void SceneRenderer::BlitToCanvas(const glm::ivec4& dest, float scale) {
  const glm::ivec2 size = Scaled(dest, scale);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, size.x, size.y, dest.x, dest.y, dest.x + dest.z, dest.y + dest.w, GL_COLOR_BUFFER_BIT, GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace unfurl::render::gl
