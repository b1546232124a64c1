#include "render/gl/imgui_renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstddef>

namespace unfurl::render::gl {

void ImGuiRenderer::Start() {
  program_.Start("shaders/imgui.vert", "shaders/imgui.frag");
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glBindVertexArray(0);
  // Large draw lists are drawn in parts, each from its own vertex offset.
  ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  ImGui::GetIO().BackendRendererName = "unfurl_webgl2";
}

bool ImGuiRenderer::Finish(std::string& error) {
  if (!program_.Check(error)) return false;
  u_scale_ = glGetUniformLocation(program_.id(), "u_scale");
  u_atlas_ = glGetUniformLocation(program_.id(), "u_atlas");
  // Resolve both locations now (emscripten does it on first use, synchronously).
  glUseProgram(program_.id());
  glUniform2f(u_scale_, 1, 1);
  glUniform1i(u_atlas_, 0);
  glUseProgram(0);
  return true;
}

void ImGuiRenderer::UploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  if (!atlas_) glGenTextures(1, &atlas_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, atlas_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(atlas_)));
  // The pixels live on in the GPU; the CPU copy would only cost heap.
  io.Fonts->ClearTexData();
}

// Every state the draw lists need, set, never read back.
void ImGuiRenderer::SetState(const ImDrawData& data, int width_px, int height_px) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width_px, height_px);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(program_.id());
  glUniform2f(u_scale_, 2.0f / data.DisplaySize.x, 2.0f / data.DisplaySize.y);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
}

void ImGuiRenderer::Upload(const ImDrawList& list) {
  const long vbytes = static_cast<long>(list.VtxBuffer.Size) * static_cast<long>(sizeof(ImDrawVert));
  const long ibytes = static_cast<long>(list.IdxBuffer.Size) * static_cast<long>(sizeof(ImDrawIdx));
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  if (vbytes > vbo_bytes_) {
    vbo_bytes_ = vbytes * 2;
    glBufferData(GL_ARRAY_BUFFER, vbo_bytes_, nullptr, GL_STREAM_DRAW);
  }
  glBufferSubData(GL_ARRAY_BUFFER, 0, vbytes, list.VtxBuffer.Data);
  if (ibytes > ibo_bytes_) {
    ibo_bytes_ = ibytes * 2;
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, ibo_bytes_, nullptr, GL_STREAM_DRAW);
  }
  glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, ibytes, list.IdxBuffer.Data);
}

namespace {
// One uploaded list's commands, each inside its clip rectangle; the texture
// is bound only when it changes (bound_texture carries over between lists).
void DrawCommands(const ImDrawList& list, ImVec2 origin, int height_px, unsigned& bound_texture) {
  unsigned vtx_offset = ~0u;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback) continue;  // Unfurl registers none
    const float x0 = cmd.ClipRect.x - origin.x, y0 = cmd.ClipRect.y - origin.y;
    const float x1 = cmd.ClipRect.z - origin.x, y1 = cmd.ClipRect.w - origin.y;
    if (x1 <= x0 || y1 <= y0) continue;
    glScissor(static_cast<int>(x0), static_cast<int>(height_px - y1), static_cast<int>(x1 - x0),
              static_cast<int>(y1 - y0));
    const unsigned tex = static_cast<unsigned>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
    if (tex != bound_texture) {
      glBindTexture(GL_TEXTURE_2D, tex);
      bound_texture = tex;
    }
    if (cmd.VtxOffset != vtx_offset) {
      // WebGL2 has no base vertex: point the attributes at the part's first vertex instead.
      vtx_offset = cmd.VtxOffset;
      const char* base = reinterpret_cast<const char*>(static_cast<uintptr_t>(vtx_offset) * sizeof(ImDrawVert));
      glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), base + offsetof(ImDrawVert, pos));
      glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), base + offsetof(ImDrawVert, uv));
      glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), base + offsetof(ImDrawVert, col));
    }
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                   sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
  }
}
}  // namespace

void ImGuiRenderer::Render(const ImDrawData& data, int width_px, int height_px) {
  if (data.CmdListsCount == 0) return;
  SetState(data, width_px, height_px);
  unsigned bound_texture = 0;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    Upload(*data.CmdLists[n]);
    DrawCommands(*data.CmdLists[n], data.DisplayPos, height_px, bound_texture);
  }
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);
}

}  // namespace unfurl::render::gl
