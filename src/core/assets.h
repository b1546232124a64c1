// The text assets (routine, red flags, poses, shaders) are compiled into the
// binary by cmake/embed.cmake, so the wasm needs no file system and the native
// tests read the very bytes the app ships. Languages are files of their own,
// fetched by the shell; only their list is compiled in (and, natively, English,
// for the tests: CMakeLists.txt).
#pragma once
#include <string_view>
#include <vector>

namespace unfurl::core {

// Empty view when no asset has that path (relative to the repository root).
std::string_view embedded_asset(std::string_view path);

// Every language Unfurl has — one file each in assets/i18n, built in or not —
// with its name in itself ("Español"), known at build time: offering a
// language never needs its file.
struct ShippedLanguage {
  std::string_view code, name;
};
const std::vector<ShippedLanguage>& shipped_languages();

}  // namespace unfurl::core
