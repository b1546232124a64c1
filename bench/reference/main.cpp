// The reference Unfurl is measured against (scripts/bench): a bare Dear ImGui
// 1.86 app as its own examples build it — GLFW, imgui_impl_opengl3, a main
// loop that draws every display refresh — with one panel of text and a
// button. Built with the same emscripten and size flags as Unfurl.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace {
GLFWwindow* g_window = nullptr;
bool g_first = true;
int g_taps = 0;

void Frame() {
  int w = 0, h = 0;
  glfwGetFramebufferSize(g_window, &w, &h);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("Reference", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::TextWrapped("A bare Dear ImGui app: one panel, some text and a button.");
  if (ImGui::Button("Start", ImVec2(-1, 56))) ++g_taps;
  ImGui::Text("Taps: %d", g_taps);
  ImGui::End();
  ImGui::Render();
  glViewport(0, 0, w, h);
  glClearColor(0.07f, 0.08f, 0.1f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (g_first) {
    g_first = false;
    EM_ASM(performance.mark('first-frame'));
  }
}
}  // namespace

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  g_window = glfwCreateWindow(412, 915, "Reference", nullptr, nullptr);
  glfwMakeContextCurrent(g_window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(Frame, 0, false);
  return 0;
}
