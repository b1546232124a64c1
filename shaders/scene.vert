#version 300 es
// Every solid in the scene: mattress, pillow, headboard and the mannequin's
// capsules and ellipsoids, each a unit mesh placed by u_model.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;

uniform mat4 u_view_proj;
uniform mat4 u_model;

out vec3 v_normal;
out vec3 v_world;
out vec3 v_local;

void main() {
  vec4 world = u_model * vec4(a_pos, 1.0);
  v_world = world.xyz;
  v_local = a_pos;
  // Segments are scaled unevenly (an ellipsoid is a scaled sphere), so normals
  // need the inverse transpose to stay perpendicular to the surface.
  v_normal = transpose(inverse(mat3(u_model))) * a_normal;
  gl_Position = u_view_proj * world;
}
