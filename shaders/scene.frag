#version 300 es
// Soft dawn light: a warm key light from the window side, a sky/floor
// hemisphere fill, and a cool rim so the silhouette reads on a dark screen.
// Mode 1 draws the soft contact shadow under the body.
precision mediump float;

in vec3 v_normal;
in vec3 v_world;
in vec3 v_local;

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
    float d = length(v_local.xz);
    frag = vec4(0.0, 0.0, 0.0, u_alpha * (1.0 - smoothstep(0.15, 1.0, d)));
    return;
  }
  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - v_world);
  float key = max(dot(n, normalize(u_key_dir)), 0.0);
  float wrap = max(dot(n, normalize(u_key_dir)) * 0.5 + 0.5, 0.0);
  float hemi = 0.5 + 0.5 * n.y;
  vec3 warm = vec3(1.0, 0.93, 0.84);
  vec3 c = u_color * (0.22 + 0.20 * hemi + 0.45 * key * warm + 0.15 * wrap);
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0);
  c += rim * u_rim * vec3(0.55, 0.62, 0.75);
  c += u_glow;
  frag = vec4(c, u_alpha);
}
