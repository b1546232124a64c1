// The text assets (routine, red flags, translations, shaders) are compiled
// into the binary by cmake/embed.cmake, so the wasm needs no file system and
// the native tests read the very bytes the app ships.
#pragma once
#include <string_view>
#include <vector>

namespace unfurl::core {

// Empty view when no asset has that path (relative to the repository root).
std::string_view embedded_asset(std::string_view path);
// Every embedded path that starts with prefix, e.g. the languages under "assets/i18n/".
std::vector<std::string_view> embedded_paths(std::string_view prefix);

}  // namespace unfurl::core
