#version 300 es
// What it does and why: src/render/gl/scene_renderer.h.
precision mediump float;

in vec3 v_normal;
in vec3 v_world;
in float v_shade;

uniform vec3 u_color;
uniform vec3 u_glow;
uniform float u_alpha;
uniform int u_mode;
uniform vec3 u_eye;
uniform vec3 u_key_dir;
uniform float u_rim;

out vec4 frag;

void main() {
  if (u_mode == 1) {
    frag = vec4(0.0, 0.0, 0.0, u_alpha * v_shade);
    return;
  }
  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - v_world);
  vec3 l = normalize(u_key_dir);
  float ndl = dot(n, l);
  float key = max(ndl, 0.0), wrap = max(ndl * 0.5 + 0.5, 0.0);
  float hemi = 0.5 + 0.5 * n.y;
  vec3 c = u_color * (0.34 + 0.14 * hemi + 0.38 * key * vec3(1.0, 0.93, 0.84) + 0.14 * wrap);
  if (u_mode == 2) {
    c += vec3(1.0, 0.95, 0.88) * 0.06 * pow(max(dot(n, normalize(l + v)), 0.0), 24.0);
    c += u_rim * vec3(0.55, 0.62, 0.75) * pow(1.0 - max(dot(n, v), 0.0), 3.0);
  }
  frag = vec4(c + u_glow, u_alpha);
}
