// A shader program compiled without waiting for it. With the browser's
// KHR_parallel_shader_compile the driver compiles in the background and we
// only ask whether it is done (a query that does not stall); its status is
// read once, when it is done, and never again.
#pragma once
#include <string>

namespace unfurl::render::gl {

class Program {
 public:
  // Starts compiling and linking the two embedded shaders (see CMakeLists.txt).
  void Start(const char* vert, const char* frag);
  // True once the browser has finished compiling (always true without the extension).
  bool Done(bool parallel) const;
  // Reads the link status once; on failure names the shaders and gives GL's log.
  bool Check(std::string& error);
  unsigned id() const { return id_; }

 private:
  unsigned id_ = 0, vs_ = 0, fs_ = 0;
  const char* vert_ = "", *frag_ = "";
};

}  // namespace unfurl::render::gl
