// Includes run one way, top to bottom (docs/architecture.md, "Layers"):
// platform → app → ui, render → model → core. A lower room that names a
// higher one would drag the browser, ImGui or GL into code that is tested
// natively without them; this reads every include under src/ and says which
// one points up.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

// What each room may include besides itself (and system or package headers).
const std::map<std::string, std::set<std::string>> kMayInclude = {
    {"core", {}},
    {"model", {"core"}},
    {"render", {"core"}},
    {"ui", {"model", "core"}},
    {"app", {"ui", "render", "model", "core"}},
    {"platform", {"app", "ui", "render", "model", "core"}},
};

}  // namespace

TEST(Layers, NoIncludeRunsUpward) {
  const std::filesystem::path src = std::filesystem::path(UNFURL_SOURCE_DIR) / "src";
  static const std::regex include(R"re(^\s*#\s*include\s+"([a-z_]+)/)re");
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const std::string room = std::filesystem::relative(entry.path(), src).begin()->string();
    ASSERT_TRUE(kMayInclude.count(room)) << "a room the layers do not name: src/" << room;
    ++files;
    std::ifstream in(entry.path());
    int n = 0;
    for (std::string line; std::getline(in, line);) {
      ++n;
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      const std::string to = m[1];
      if (to == room || !kMayInclude.count(to)) continue;
      EXPECT_TRUE(kMayInclude.at(room).count(to))
          << std::filesystem::relative(entry.path(), src).string() << ":" << n << " includes " << to << "/ ("
          << room << " may not)";
    }
  }
  EXPECT_GT(files, 40) << "every source file read";
}

// docs/architecture.md names every crossing of the bridge: each export the
// shell can call and each shell function the app calls, and no other. A
// crossing added or removed in src/platform/web/bridge.cpp without the docs
// fails here, and so does an export missing from the link's list in CMakeLists.txt.
TEST(Layers, TheBridgeIsDocumentedAsItIs) {
  const std::filesystem::path root(UNFURL_SOURCE_DIR);
  auto read = [&](const char* path) {
    std::ifstream in(root / path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  auto between = [](const std::string& text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    const size_t end = text.find(to, at);
    EXPECT_NE(end, std::string::npos) << to;
    return at == std::string::npos || end == std::string::npos ? std::string() : text.substr(at + from.size(), end - at - from.size());
  };
  auto names = [](const std::string& text, const std::regex& re) {
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
    return out;
  };
  const std::string bridge = read("src/platform/web/bridge.cpp");
  const std::string docs = read("docs/architecture.md");
  const std::string section = between(docs, "### The bridge", "### The stored history");
  const std::regex quoted(R"(`(\w+)`)");
  const std::set<std::string> exports = names(bridge, std::regex(R"(EMSCRIPTEN_KEEPALIVE[^(]*?unfurl_(\w+)\()"));
  const std::set<std::string> shell = names(bridge, std::regex(R"(Module\.shell\.(\w+)\()"));
  EXPECT_GT(exports.size(), 10u);
  EXPECT_GT(shell.size(), 10u);
  EXPECT_EQ(names(between(section, "exports prefixed `unfurl_`:", "`tests/unit/layers_test.cpp`"), quoted), exports)
      << "the exports docs/architecture.md lists";
  EXPECT_EQ(names(between(section, "calling `Module.shell`:", "JS → C++"), quoted), shell)
      << "the shell functions docs/architecture.md lists";
  std::set<std::string> linked = names(between(read("CMakeLists.txt"), "set(UNFURL_EXPORTS", ")"), std::regex(R"(_unfurl_(\w+))"));
  EXPECT_EQ(linked, exports) << "CMakeLists.txt's UNFURL_EXPORTS";
}
