// What the shell learns before the app starts (model::early_look, behind
// unfurl_early): the codec's verdict on the stored text, the language the
// app will choose and the clinic's number it takes. A stored value of the wrong type is "not set", never a
// reason not to start; and the answer is the model's own, so the first frame
// is in the language the app then shows.
#include <gtest/gtest.h>

#include "model/model.h"

using unfurl::core::DecodeStatus;
using unfurl::model::early_look;

namespace {
std::string stored_lang(const std::string& value) {
  return R"({"schema":1,"sessions":[],"settings":{"lang":)" + value + "}}";
}
}  // namespace

TEST(EarlyLook, ThePersonsChoiceThenLangThenTheBrowserThenEnglish) {
  EXPECT_EQ(early_look(stored_lang(R"("de")"), R"({"lang":"es","langs":"fr"})").lang, "de");
  EXPECT_EQ(early_look("", R"({"lang":"es-MX","langs":"fr"})").lang, "es");
  EXPECT_EQ(early_look("", R"({"langs":"xx,pt-BR,fr"})").lang, "pt");
  EXPECT_EQ(early_look("", R"({"langs":"xx"})").lang, "en");
  EXPECT_EQ(early_look("", "{}").lang, "en");
  // An unknown lang= means English, whatever the browser says (the app says so in a notice).
  EXPECT_EQ(early_look("", R"({"lang":"tlh","langs":"fr"})").lang, "en");
  EXPECT_EQ(early_look(stored_lang(R"("nl")"), R"({"lang":"tlh"})").lang, "nl");
}

TEST(EarlyLook, AStoredLanguageOfTheWrongTypeIsNotSet) {
  for (const char* wrong : {"7", "true", "null", "[\"de\"]", "{\"code\":\"de\"}", "\"\"", "\"klingon\"", "\"de-AT-x-long\"", "1e400"}) {
    SCOPED_TRACE(wrong);
    const auto look = early_look(stored_lang(wrong), R"({"langs":"fr"})");
    EXPECT_EQ(look.lang, "fr");
  }
  // Wrong types elsewhere never stand in the way either.
  EXPECT_EQ(early_look(R"({"schema":1,"settings":{"lang":"it","voice":"loud","holds":7},"acks":{"intro":"yes"}})", "{}").lang, "it");
}

TEST(EarlyLook, WhatTheCodecCannotReadIsSaidSoAndGivesNoLanguage) {
  EXPECT_EQ(early_look("", "{}").history, DecodeStatus::empty);
  EXPECT_EQ(early_look(stored_lang(R"("de")"), "{}").history, DecodeStatus::ok);
  for (const char* bad : {"{", "[]", "\"x\"", R"({"schema":"1"})", R"({"schema":1,"sessions":{}})", R"({"schema":1,"settings":"de"})",
                          R"({"schema":1,"progress":[0.7]})", R"({"schema":1,"acks":true})", R"({"schema":1,"sessions":null})",
                          R"({"schema":1,"settings":{"lang":"de"},"x":1e400})"}) {
    SCOPED_TRACE(bad);
    const auto look = early_look(bad, R"({"langs":"pl"})");
    EXPECT_EQ(look.history, DecodeStatus::unreadable);
    EXPECT_EQ(look.lang, "pl");
  }
  const auto newer = early_look(R"({"schema":2,"settings":{"lang":"fr"}})", "{}");
  EXPECT_EQ(newer.history, DecodeStatus::newer_schema);
  EXPECT_EQ(newer.lang, "fr") << "a newer document is read, only never overwritten";
}

TEST(EarlyLook, AgreesWithTheModelOnEveryCombination) {
  const std::vector<std::string> stored = {"", stored_lang(R"("de")"), stored_lang("5"), stored_lang(R"("xx")"), "{broken"};
  const std::vector<std::string> configs = {"{}", R"({"lang":"es"})", R"({"lang":"zz","langs":"it"})", R"({"langs":"nl-BE,de"})",
                                            R"({"lang":7})", "not json"};
  for (const std::string& s : stored)
    for (const std::string& c : configs) {
      SCOPED_TRACE(s + " " + c);
      unfurl::model::Model m;
      m.Load(s, c);
      // Natively only English is at hand, so the model asks for the file of the language it chose.
      const std::string wanted = m.TakeOutbox().language;
      const std::string asked = wanted.empty() ? m.config().lang : wanted;
      EXPECT_EQ(early_look(s, c).lang, asked);
    }
}

// The page shown when the app cannot start offers the same number the app
// would call: the model's own rule, never the shell's copy of it.
TEST(EarlyLook, TheClinicsNumberIsTheOneTheModelTakes) {
  int offered = 0;
  for (const char* config : {R"({"emergency":"999"})", R"({"emergency":"112233"})", R"({"emergency":"1122334"})",
                             R"({"emergency":"99-9"})", R"({"emergency":""})", R"({"emergency":9})", R"({"langs":"en-GB"})", "{}"}) {
    SCOPED_TRACE(config);
    unfurl::model::Model m;
    m.Load("", config);
    EXPECT_EQ(early_look("", config).emergency, m.config().emergency);
    offered += !m.config().emergency.empty();
  }
  EXPECT_EQ(offered, 2) << "999 and 112233; a region's number is the app's alone";
}

// Whether the shell reads the stored document at all (history=) and whether
// the page is a test (test=): the model's reading of the switch, asked, so
// history=false keeps nothing in the shell as in the model, and test=0 is no test.
TEST(EarlyLook, TheSwitchesAreTheOnesTheModelReads) {
  int kept = 0, tests = 0, configs = 0;
  for (const char* history : {"", "0", "1", "false", "true", "no", "FALSE", "7"})
    for (const char* test : {"", "0", "1", "false", "true", "yes"}) {
      std::string config = "{";
      if (*history) config += std::string(R"("history":")") + history + "\"";
      if (*test) config += std::string(config.size() > 1 ? "," : "") + R"("test":")" + test + "\"";
      config += "}";
      SCOPED_TRACE(config);
      unfurl::model::Model m;
      m.Load("", config);
      const auto look = early_look("", config);
      EXPECT_EQ(look.keep_history, m.config().keep_history);
      EXPECT_EQ(look.test, m.config().test);
      kept += look.keep_history;
      tests += look.test;
      ++configs;
    }
  EXPECT_EQ(configs, 48);
  EXPECT_EQ(kept, 6 * 6) << "all but 0 and false keep the history";
  EXPECT_EQ(tests, 2 * 8) << "only 1 and true make a test";
}
