#version 300 es
// Dear ImGui's triangles: positions in device pixels, the font atlas's
// coverage in one channel, colour per vertex.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;

uniform vec2 u_scale;  // 2 / display size, so device pixels map to clip space

out vec2 v_uv;
out vec4 v_color;

void main() {
  v_uv = a_uv;
  v_color = a_color;
  gl_Position = vec4(a_pos * u_scale * vec2(1.0, -1.0) + vec2(-1.0, 1.0), 0.0, 1.0);
}
