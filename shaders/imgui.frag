#version 300 es
precision mediump float;

uniform sampler2D u_atlas;  // R8: glyph coverage (1 on ImGui's white pixel)

in vec2 v_uv;
in vec4 v_color;
out vec4 frag;

void main() {
  frag = vec4(v_color.rgb, v_color.a * texture(u_atlas, v_uv).r);
}
