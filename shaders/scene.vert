#version 300 es
// What it does and why: src/render/gl/scene_renderer.h.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;

uniform mat4 u_view_proj;
uniform mat4 u_model;
uniform vec4 u_capsule;

out vec3 v_normal;
out vec3 v_world;

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
  v_normal = transpose(inverse(mat3(u_model))) * n;
  gl_Position = u_view_proj * world;
}
