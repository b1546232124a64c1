// Draws Dear ImGui's draw lists with WebGL2 — Unfurl's own backend, after
// floooh's sokol_imgui.h. Unlike imgui_impl_opengl3 it never backs up or
// queries GL state (each glGetIntegerv stalls the page until the GPU catches
// up): it sets all the state it needs, every time, and leaves it at that.
// The font atlas is one channel (coverage), a quarter of an RGBA atlas.
#pragma once
#include <string>

#include "render/gl/program.h"

struct ImDrawData;
struct ImDrawList;

namespace unfurl::render::gl {

class ImGuiRenderer {
 public:
  void Start();  // starts compiling; creates the buffers
  bool Done(bool parallel) const { return program_.Done(parallel); }
  bool Finish(std::string& error);
  // (Re)uploads ImGui's font atlas and gives ImGui its texture id.
  void UploadFonts();
  void Render(const ImDrawData& data, int width_px, int height_px);

 private:
  void SetState(const ImDrawData& data, int width_px, int height_px);
  void Upload(const ImDrawList& list);  // its vertices and indices, into buffers that only grow

  Program program_;
  unsigned vao_ = 0, vbo_ = 0, ibo_ = 0, atlas_ = 0;
  long vbo_bytes_ = 0, ibo_bytes_ = 0;  // buffers grow, never shrink: no reallocation per frame
  int u_scale_ = -1, u_atlas_ = -1;
};

}  // namespace unfurl::render::gl
