#version 300 es
// What it does and why: src/render/gl/scene_renderer.h.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;

uniform mat4 u_view_proj;
uniform mat4 u_model;
uniform vec4 u_capsule;
uniform vec4 u_casters[48];
uniform int u_caster_count;

out vec3 v_normal;
out vec3 v_world;
out float v_shade;

void main() {
  vec3 p = a_pos, n = a_normal;
  if (u_capsule.x > 0.0) {
    float e = step(1.0, a_pos.y);
    vec3 flat_by = vec3(1.0, 1.0, u_capsule.w);
    p = vec3(0.0, e * u_capsule.x, 0.0) + n * flat_by * mix(u_capsule.y, u_capsule.z, e);
    n /= flat_by;
  }
  vec4 world = u_model * vec4(p, 1.0);
  v_world = world.xyz;
  v_shade = 0.0;
  if (u_capsule.x < 0.0) {
    for (int i = 0; i < 24; ++i) {
      if (i >= u_caster_count) break;
      vec4 a = u_casters[2 * i], b = u_casters[2 * i + 1];
      vec2 ab = b.xy - a.xy, ap = world.xz - a.xy;
      float t = clamp(dot(ap, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
      float h = max(mix(a.w, b.w, t), 0.0), r = mix(a.z, b.z, t);
      float d = length(ap - ab * t);
      v_shade = max(v_shade, (1.0 - smoothstep(0.4 * r, r + 0.03 + 0.8 * h, d)) * (1.0 - smoothstep(0.0, 0.25, h)));
    }
  }
  v_normal = transpose(inverse(mat3(u_model))) * n;
  gl_Position = u_view_proj * world;
}
