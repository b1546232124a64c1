// The settings that are one value each are defined once (core::kScalarSettings):
// the stored document, set(), state() and docs/automation.md all follow that
// table, so a new setting is one row and its range one pair of numbers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/history/history.h"
#include "model/model.h"

using namespace unfurl::core;
using unfurl::model::Model;
using nlohmann::json;

namespace {
Model Fresh(const std::string& stored = "") {
  Model m;
  m.Load(stored, "{}");
  m.SetClock(1.7e12, 0);
  return m;
}
json SetIn(Model& m, const ScalarSetting& d, const json& value) {
  const bool ok = m.Act("set", json({{"key", d.key}, {"value", value}}).dump());
  return ok ? json::parse(m.StateJson())["settings"][std::string(d.key)] : json("refused");
}
}  // namespace

TEST(Settings, EachOneIsSetInsideItsRangeRefusedOutsideItAndReportedInState) {
  for (const ScalarSetting& d : kScalarSettings) {
    Model m = Fresh();
    if (d.flag) {
      EXPECT_EQ(SetIn(m, d, !(Settings{}.*d.flag)), !(Settings{}.*d.flag)) << d.key;
      EXPECT_EQ(SetIn(m, d, 1), "refused") << d.key << ": only true or false";
      continue;
    }
    // A whole number is sent as one, as a script or the Settings screen sends it.
    auto value = [&](double x) { return d.whole ? json(static_cast<int>(x)) : json(x); };
    EXPECT_EQ(SetIn(m, d, value(d.min)), d.min) << d.key;
    EXPECT_EQ(SetIn(m, d, value(d.max)), d.max) << d.key;
    EXPECT_EQ(SetIn(m, d, value(d.min - d.step)), "refused") << d.key << " below its range";
    EXPECT_EQ(SetIn(m, d, value(d.max + d.step)), "refused") << d.key << " above its range";
    EXPECT_EQ(SetIn(m, d, "fast"), "refused") << d.key << ": a number";
    if (d.whole) EXPECT_EQ(SetIn(m, d, d.min + 0.5), "refused") << d.key << ": a whole number";
  }
}

TEST(Settings, EachOneIsStoredAndReadBackAndAStoredValueOutOfRangeIsClampedIntoIt) {
  for (const ScalarSetting& d : kScalarSettings) {
    Settings s;
    if (d.flag) s.*d.flag = !(s.*d.flag);
    else if (d.number) s.*d.number = d.max;
    else s.*d.whole = static_cast<int>(d.max);
    HistoryDoc doc;
    doc.settings = s;
    EXPECT_EQ(decode_history(encode_history(doc)).doc.settings, s) << d.key;
    if (d.flag) continue;
    json stored = json::parse(encode_history(HistoryDoc{}));
    stored["settings"][std::string(d.key)] = d.max + 100;
    const Settings read = decode_history(stored.dump()).doc.settings;
    EXPECT_DOUBLE_EQ(d.number ? read.*d.number : read.*d.whole, d.max) << d.key;
  }
}

// docs/automation.md names every setting state().settings holds.
TEST(Settings, TheDocumentationNamesEverySettingStateReports) {
  std::ifstream in(std::filesystem::path(UNFURL_SOURCE_DIR) / "docs" / "automation.md");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const size_t from = text.find("  settings: {");
  ASSERT_NE(from, std::string::npos);
  const std::string block = text.substr(from + 12, text.find("},\n", from) - from - 12);
  std::set<std::string> reported;
  const json settings = json::parse(Fresh().StateJson())["settings"];
  for (const auto& [key, value] : settings.items()) reported.insert(key);
  for (const std::string& k : reported)
    EXPECT_TRUE(std::regex_search(block, std::regex("\\b" + k + "\\b"))) << k << " is reported but not documented";
  for (const ScalarSetting& d : kScalarSettings) EXPECT_TRUE(reported.count(std::string(d.key))) << d.key;
}
