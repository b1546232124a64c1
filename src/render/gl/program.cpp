#include "render/gl/program.h"

#include <GLES3/gl3.h>

#include <string_view>

#include "core/assets.h"

namespace unfurl::render::gl {

namespace {
constexpr GLenum kCompletionStatus = 0x91B1;  // COMPLETION_STATUS_KHR

unsigned Compile(GLenum type, const char* name) {
  std::string_view src = core::embedded_asset(name);
  unsigned s = glCreateShader(type);
  const char* text = src.data();
  GLint len = static_cast<GLint>(src.size());
  glShaderSource(s, 1, &text, &len);
  glCompileShader(s);
  return s;
}

std::string Log(unsigned shader) {
  char log[1024] = {};
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  return log;
}
}  // namespace

void Program::Start(const char* vert, const char* frag) {
  vert_ = vert;
  frag_ = frag;
  vs_ = Compile(GL_VERTEX_SHADER, vert);
  fs_ = Compile(GL_FRAGMENT_SHADER, frag);
  id_ = glCreateProgram();
  glAttachShader(id_, vs_);
  glAttachShader(id_, fs_);
  glLinkProgram(id_);
}

bool Program::Done(bool parallel) const {
  if (!parallel) return true;
  GLint done = 0;
  glGetProgramiv(id_, kCompletionStatus, &done);
  return done != 0;
}

bool Program::Check(std::string& error) {
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    // Only now, on failure, is it worth asking which shader broke.
    GLint compiled = 0;
    glGetShaderiv(vs_, GL_COMPILE_STATUS, &compiled);
    if (!compiled) {
      error = std::string(vert_) + ": " + Log(vs_);
    } else {
      glGetShaderiv(fs_, GL_COMPILE_STATUS, &compiled);
      if (!compiled) {
        error = std::string(frag_) + ": " + Log(fs_);
      } else {
        char log[1024] = {};
        glGetProgramInfoLog(id_, sizeof log, nullptr, log);
        error = std::string(vert_) + " + " + frag_ + ": link failed: " + log;
      }
    }
  }
  glDeleteShader(vs_);
  glDeleteShader(fs_);
  return ok != 0;
}

}  // namespace unfurl::render::gl
