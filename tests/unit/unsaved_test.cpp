// Nothing is lost when storage refuses a write: what the write carried stays
// in the model, goes with every later write, is counted for History in the
// person's language, and comes back after a reload from the copy the shell
// keeps in sessionStorage. The shell's part is a few lines in web/storage.js;
// this is the queue itself, driven the way the shell drives it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "languages.h"

using unfurl::model::Model;
using unfurl::model::Screen;
using nlohmann::json;

namespace {
constexpr double kNow = 1.7e12;

// localStorage as the shell sees it: each write merges with what is there,
// then is stored — or refused while `full`.
struct Shelf {
  std::string stored;
  bool full = false;
  void Flush(Model& m) {
    std::optional<std::string> wanted = m.TakeOutbox().store;
    if (!wanted) return;
    const std::string text = m.MergeStored(stored);
    if (full) {
      m.WriteResult(false, "full");
    } else {
      stored = text;
      m.WriteResult(true, "");
    }
  }
};

Model Open(const Shelf& shelf, const std::string& config = "{}") {
  Model m;
  m.Load(shelf.stored, config);
  m.SetClock(kNow, 0);
  // As the shell does: every language file it fetched, handed in.
  for (const std::string& code : unfurl::core::Catalogue::available())
    if (code != "en") m.LanguageArrived(code, language_file(code));
  return m;
}

void FinishSession(Model& m, Shelf& shelf) {
  ASSERT_TRUE(m.Act("start"));
  if (m.screen() == Screen::screening) ASSERT_TRUE(m.Act("answer", "\"none\""));  // a first visit's history questions
  ASSERT_TRUE(m.Act("answer", "\"none\""));
  ASSERT_TRUE(m.Act("rate", "5"));
  shelf.Flush(m);  // saved as abandoned from its first second
  for (int i = 0; i < 20000 && m.screen() == Screen::session; ++i) m.Update(0.1);
  ASSERT_EQ(m.screen(), Screen::finish);
  shelf.Flush(m);
  ASSERT_TRUE(m.Act("rate", "3"));
  ASSERT_TRUE(m.Act("finish")) << "Done leaves the Finish screen, stored or not";
  shelf.Flush(m);
}

size_t Sessions(const std::string& stored, const char* outcome) {
  size_t n = 0;
  const json doc = json::parse(stored);  // kept alive: a range-for over a temporary's member would dangle
  for (const json& s : doc["sessions"]) n += s["outcome"] == outcome;
  return n;
}

std::string NoticeText(const Model& m) {
  for (const auto& n : m.notices())
    if (n.id == "storage.unsaved") return n.text;
  return "";
}

const char* kOld = R"({"schema":1,"sessions":[{"id":"old","day":19600,"outcome":"completed","before":4}],"acks":{"intro":true}})";
}  // namespace

TEST(Unsaved, ASessionFinishedWhileStorageIsFullIsCarriedByTheNextWrite) {
  Shelf shelf{kOld};
  Model m = Open(shelf);
  shelf.full = true;
  FinishSession(m, shelf);
  EXPECT_EQ(m.screen(), Screen::home);
  EXPECT_EQ(shelf.stored, kOld) << "nothing was written";
  EXPECT_EQ(m.unsaved(), 1);
  EXPECT_EQ(NoticeText(m), "1 session not saved yet: free some space on this device.");
  ASSERT_EQ(m.doc().sessions.size(), 2u) << "still in memory, still shown";

  // Another refused write (a setting) still carries it; then room returns.
  ASSERT_TRUE(m.Act("set", R"({"key":"voice","value":false})"));
  shelf.Flush(m);
  EXPECT_EQ(m.unsaved(), 1);
  shelf.full = false;
  ASSERT_TRUE(m.Act("set", R"({"key":"tones","value":false})"));
  shelf.Flush(m);
  EXPECT_EQ(Sessions(shelf.stored, "completed"), 2u) << shelf.stored;
  EXPECT_EQ(json::parse(shelf.stored)["sessions"][1]["after"], 3);
  EXPECT_FALSE(json::parse(shelf.stored)["settings"]["voice"]);
  EXPECT_EQ(m.unsaved(), 0);
  EXPECT_EQ(NoticeText(m), "") << "the notice goes once it is stored";
}

TEST(Unsaved, TheCountFollowsEachLanguagesPluralRules) {
  Shelf shelf{kOld};
  Model m = Open(shelf, R"({"lang":"es"})");
  shelf.full = true;
  FinishSession(m, shelf);
  EXPECT_EQ(NoticeText(m), "1 sesión sin guardar todavía: libera espacio en este dispositivo.");
  FinishSession(m, shelf);
  EXPECT_EQ(m.unsaved(), 2);
  EXPECT_EQ(NoticeText(m), "2 sesiones sin guardar todavía: libera espacio en este dispositivo.");
  ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"en"})"));
  shelf.Flush(m);
  EXPECT_EQ(NoticeText(m), "2 sessions not saved yet: free some space on this device.");
}

TEST(Unsaved, AWriteRefusedForAnotherReasonIsKeptTheSameWay) {
  Shelf shelf{kOld};
  Model m = Open(shelf);
  ASSERT_TRUE(m.Act("set", R"({"key":"voice","value":false})"));
  m.TakeOutbox();
  m.MergeStored(shelf.stored);
  m.WriteResult(false, "refused");
  EXPECT_EQ(m.unsaved(), 0);
  EXPECT_NE(NoticeText(m).find("not saved yet"), std::string::npos) << "a setting waits too";
  FinishSession(m, shelf);  // the shelf itself is fine again: this write goes in, with the setting
  EXPECT_EQ(Sessions(shelf.stored, "completed"), 2u);
  EXPECT_FALSE(json::parse(shelf.stored)["settings"]["voice"]);
  EXPECT_EQ(NoticeText(m), "");
}

TEST(Unsaved, AReloadGivesBackWhatWasRefusedAndKeepsWhatOtherTabsStoredMeanwhile) {
  Shelf shelf{kOld};
  std::string refused;
  {
    Model m = Open(shelf);
    shelf.full = true;
    FinishSession(m, shelf);
    refused = m.MergeStored(shelf.stored);  // what the shell kept in sessionStorage
  }
  // Meanwhile another tab stored a session of its own.
  json other = json::parse(kOld);
  other["sessions"].push_back({{"id", "other-tab"}, {"day", 19670}, {"outcome", "completed"}});
  shelf.stored = other.dump();
  shelf.full = false;

  Model m = Open(shelf);
  m.RestoreUnsaved(refused);
  shelf.Flush(m);  // restoring asks for a write at once
  EXPECT_EQ(Sessions(shelf.stored, "completed"), 3u) << shelf.stored;
  EXPECT_NE(shelf.stored.find("other-tab"), std::string::npos);
  EXPECT_EQ(m.unsaved(), 0);
}

TEST(Unsaved, DeletingEverythingAlsoDropsWhatWaited) {
  Shelf shelf{kOld};
  Model m = Open(shelf);
  shelf.full = true;
  FinishSession(m, shelf);
  ASSERT_EQ(m.unsaved(), 1);
  ASSERT_TRUE(m.Act("open", "settings"));
  ASSERT_TRUE(m.Act("delete-data"));
  ASSERT_TRUE(m.Act("delete-data", "confirm"));
  EXPECT_EQ(m.unsaved(), 0);
  EXPECT_EQ(NoticeText(m), "");
}

// A wrong-typed setting stays as stored until the person changes it (tests/unit/history_test.cpp for the codec).
TEST(Unsaved, AWrongTypedSettingIsWrittenBackUntilThePersonChangesIt) {
  Shelf shelf{R"({"schema":1,"sessions":[],"settings":{"voice_rate":"fast","holds":{"knee_to_chest":"long"}}})"};
  Model m = Open(shelf);
  EXPECT_DOUBLE_EQ(m.settings().voice_rate, unfurl::core::Settings{}.voice_rate);
  ASSERT_TRUE(m.Act("set", R"({"key":"voice","value":false})"));
  shelf.Flush(m);
  EXPECT_NE(shelf.stored.find(R"("voice_rate":"fast")"), std::string::npos) << shelf.stored;
  EXPECT_NE(shelf.stored.find(R"("knee_to_chest":"long")"), std::string::npos);
  ASSERT_TRUE(m.Act("set", R"({"key":"hold.knee_to_chest","value":20})"));
  ASSERT_TRUE(m.Act("set", R"({"key":"voice_rate","value":1.1})"));
  shelf.Flush(m);
  EXPECT_NE(shelf.stored.find(R"("voice_rate":1.1)"), std::string::npos) << shelf.stored;
  EXPECT_EQ(json::parse(shelf.stored)["settings"]["holds"]["knee_to_chest"], 20);
}

// A language chosen in Settings arrives later (its file is fetched): the choice
// replaces a stored language this version could not read, it does not give way to it.
TEST(Unsaved, ALanguageChosenOverAWrongTypedOneIsStoredWhenItsFileArrives) {
  Shelf shelf{R"({"schema":1,"sessions":[],"settings":{"lang":7}})"};
  Model m;  // only English at hand, as on a first visit
  m.Load(shelf.stored, "{}");
  m.SetClock(kNow, 0);
  ASSERT_TRUE(m.Act("open", "\"settings\""));
  ASSERT_TRUE(m.Act("set", R"({"key":"lang","value":"es"})"));
  EXPECT_EQ(m.TakeOutbox().language, "es");
  m.LanguageArrived("es", language_file("es"));
  shelf.Flush(m);
  EXPECT_EQ(json::parse(shelf.stored)["settings"]["lang"], "es") << shelf.stored;
  Model again = Open(shelf);
  EXPECT_EQ(again.settings().lang, "es");
}
