// The one easing in Unfurl: smoothstep, in and out. Poses, the camera's
// glides and the breathing ring all use it, so nothing starts or stops
// abruptly and all of it moves alike.
#pragma once
#include <algorithm>

namespace unfurl::core {

inline float ease(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}

}  // namespace unfurl::core
