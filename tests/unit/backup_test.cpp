// Backups (docs/architecture.md, "Backup and restore"): the stored document
// wrapped byte for byte, read back by the same codec, merged in by session id
// without overwriting anything, and refused whole when it is not a backup
// this version can read; Home's monthly offer and the steps to the Home
// Screen, at the edges of their rules.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/history/backup.h"
#include "core/history/history.h"
#include "model/model.h"
#include "languages.h"

using namespace unfurl::core;
using unfurl::model::Model;
using unfurl::model::Screen;
using nlohmann::json;

namespace {
constexpr int kToday = 20000;
constexpr double kNow = kToday * 86400000.0 + 8 * 3600000.0;  // 08:00 UTC on day kToday

std::string record(const std::string& id, int day, const std::string& outcome = "completed") {
  return R"({"id":")" + id + R"(","routine":"morning-back","started":"2024-10-01T07:00:00Z","ended":"2024-10-01T07:09:00Z","day":)" +
         std::to_string(day) + R"(,"outcome":")" + outcome + R"(","before":5,"after":3})";
}

// A stored document with these records, as text (the way storage holds it).
std::string document(const std::vector<std::string>& records, const std::string& rest = "") {
  std::string sessions;
  for (const std::string& r : records) sessions += (sessions.empty() ? "" : ",") + r;
  return R"({"schema":1,"sessions":[)" + sessions + "]" + rest + "}";
}

std::vector<std::string> completed(int n, int last_day, const std::string& prefix = "s") {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(record(prefix + std::to_string(i), last_day - n + 1 + i));
  return out;
}

HistoryDoc decoded(const std::string& text) { return decode_history(text).doc; }
}  // namespace

TEST(Backup, WrapsTheStoredDocumentByteForByteAndReadsItBack) {
  // Spaces, a future record, unknown members: nothing is re-encoded on the way.
  const std::string doc = R"({ "schema": 1, "notes": {"from": "v2"}, "sessions": [)" + record("a", 5) +
                          R"(, {"id":"f","outcome":"completed-with-coach","day":6}], "acks": {"intro": true, "tour": 1} })";
  const std::string file = wrap_backup(doc, "2026-12-06T08:00:00Z");
  EXPECT_EQ(file, R"({"unfurl_backup":1,"saved":"2026-12-06T08:00:00Z","app":")" + std::string(kAppVersion) +
                      R"(","document":)" + doc + "}");
  const json parsed = json::parse(file);
  EXPECT_EQ(parsed["unfurl_backup"], 1);
  const ReadBackup back = read_backup(file);
  ASSERT_EQ(back.refused, BackupRefusal::none);
  EXPECT_EQ(back.document, doc) << "the document's own bytes";
  EXPECT_EQ(back.saved, "2026-12-06T08:00:00Z");
  ASSERT_EQ(back.doc.sessions.size(), 1u);
  EXPECT_EQ(back.doc.unreadable.size(), 1u);
}

TEST(Backup, RefusesWhatItCannotRestoreAndSaysWhy) {
  EXPECT_EQ(read_backup("").refused, BackupRefusal::not_json);
  EXPECT_EQ(read_backup("PK\x03\x04 a zip file").refused, BackupRefusal::not_json);
  EXPECT_EQ(read_backup(R"({"unfurl_backup":1,"document":{"schema":1})").refused, BackupRefusal::not_json) << "cut off";
  EXPECT_EQ(read_backup("[1,2,3]").refused, BackupRefusal::not_backup);
  EXPECT_EQ(read_backup(document({record("a", 5)})).refused, BackupRefusal::not_backup) << "the bare document";
  EXPECT_EQ(read_backup(R"({"unfurl_backup":"1","document":{"schema":1}})").refused, BackupRefusal::not_backup);
  EXPECT_EQ(read_backup(R"({"unfurl_backup":1})").refused, BackupRefusal::damaged) << "no document";
  EXPECT_EQ(read_backup(R"({"unfurl_backup":1,"document":"{\"schema\":1}"})").refused, BackupRefusal::damaged);
  EXPECT_EQ(read_backup(R"({"unfurl_backup":1,"document":{"sessions":[]}})").refused, BackupRefusal::damaged) << "no schema";
  EXPECT_EQ(read_backup(R"({"unfurl_backup":1,"document":{"schema":2,"sessions":[]}})").refused, BackupRefusal::newer);
  EXPECT_EQ(read_backup(R"({"unfurl_backup":2,"document":{"schema":1}})").refused, BackupRefusal::newer);
  EXPECT_EQ(refusal_name(BackupRefusal::not_json), "not-json");
  EXPECT_EQ(refusal_name(BackupRefusal::not_backup), "not-backup");
}

TEST(Backup, RestoreAddsWhatIsNewAndOverwritesNothing) {
  // Here: a and b, b rated differently from the backup's b. The backup: b, c, d and a record kept unread.
  std::string here_b = record("b", 6);
  here_b.replace(here_b.find("\"after\":3"), 9, "\"after\":1");
  const HistoryDoc here = decoded(document({record("a", 5), here_b}, R"(,"acks":{"intro":true,"mine":1})"));
  const std::string future = R"({"id":"f","outcome":"completed-with-coach","day":9})";
  const ReadBackup backup = read_backup(wrap_backup(
      document({record("b", 6), record("c", 7), record("d", 8), future}, R"(,"acks":{"mine":2,"theirs":3},"extra":[1])"), "2024-10-02T00:00:00Z"));
  ASSERT_EQ(backup.refused, BackupRefusal::none);
  RestoreCounts counts;
  const HistoryDoc out = restore_history(here, backup, counts);
  EXPECT_EQ(counts.added, 3) << "c, d and the record kept unread";
  EXPECT_EQ(counts.present, 1) << "b";
  ASSERT_EQ(out.sessions.size(), 4u);
  EXPECT_EQ(out.sessions[1].id, "b");
  EXPECT_EQ(out.sessions[1].after, 1) << "the one here stays as it is";
  const std::string text = encode_history(out);
  EXPECT_NE(text.find(future), std::string::npos) << text;
  EXPECT_NE(text.find(here_b), std::string::npos) << "written back byte for byte";
  EXPECT_NE(text.find(R"("mine":1)"), std::string::npos);
  EXPECT_EQ(text.find(R"("mine":2)"), std::string::npos);
  EXPECT_NE(text.find(R"("theirs":3)"), std::string::npos);
  EXPECT_NE(text.find(R"("extra":[1])"), std::string::npos);
  EXPECT_TRUE(out.intro_ack);
  // Written over what storage holds (the merge every write goes through), nothing the backup brought is dropped.
  const std::string written = encode_history(merge_history(here, out, here));
  for (const std::string& part : {future, std::string(R"("theirs":3)"), std::string(R"("extra":[1])"), record("c", 7)})
    EXPECT_NE(written.find(part), std::string::npos) << part << " in " << written;

  // Restoring the same file again adds nothing.
  RestoreCounts again;
  const ReadBackup same = read_backup(wrap_backup(text, "2024-10-03T00:00:00Z"));
  restore_history(out, same, again);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.present, 5);
}

TEST(Backup, TheNewerDocumentsSettingsWin) {
  const std::string old_settings = R"(,"settings":{"voice":false})", new_settings = R"(,"settings":{"voice":true,"volume":0.2})";
  // The backup was saved after everything here happened: its settings come over.
  {
    const HistoryDoc here = decoded(document({record("a", 5)}, old_settings));
    const ReadBackup backup = read_backup(wrap_backup(document({}, new_settings), "2030-01-01T00:00:00Z"));
    RestoreCounts c;
    const HistoryDoc out = restore_history(here, backup, c);
    EXPECT_TRUE(out.settings.voice);
    EXPECT_DOUBLE_EQ(out.settings.volume, 0.2);
  }
  // Sessions here are newer than the backup: the settings here stay.
  {
    std::string later = record("z", 9);
    later.replace(later.find("2024-10-01T07:09:00Z"), 20, "2031-01-01T07:09:00Z");
    const HistoryDoc here = decoded(document({later}, old_settings));
    const ReadBackup backup = read_backup(wrap_backup(document({}, new_settings), "2030-01-01T00:00:00Z"));
    RestoreCounts c;
    EXPECT_FALSE(restore_history(here, backup, c).settings.voice);
  }
}

TEST(BackupOffer, TenCompletedSessionsNoBackupInThirtyDaysNotPersisted) {
  const std::string acks = R"(,"acks":{"intro":true})";
  EXPECT_FALSE(backup_offer_due(decoded(document(completed(9, kToday), acks)), kToday, false)) << "9 sessions";
  EXPECT_TRUE(backup_offer_due(decoded(document(completed(10, kToday), acks)), kToday, false)) << "10 sessions";
  EXPECT_TRUE(backup_offer_due(decoded(document(completed(10, kToday), acks)), kToday, std::nullopt)) << "the browser cannot say";
  EXPECT_FALSE(backup_offer_due(decoded(document(completed(10, kToday), acks)), kToday, true)) << "storage is kept";
  // Blocked checks and stopped sessions are not sessions done.
  std::vector<std::string> nine = completed(9, kToday);
  nine.push_back(record("x", kToday, "blocked"));
  EXPECT_FALSE(backup_offer_due(decoded(document(nine, acks)), kToday, false));

  auto with = [&](const std::string& member) { return decoded(document(completed(10, kToday), R"(,"acks":{)" + member + "}")); };
  EXPECT_FALSE(backup_offer_due(with(R"("backup_day":)" + std::to_string(kToday - 29)), kToday, false)) << "a backup 29 days ago";
  EXPECT_TRUE(backup_offer_due(with(R"("backup_day":)" + std::to_string(kToday - 30)), kToday, false)) << "30 days ago";
  EXPECT_FALSE(backup_offer_due(with(R"("backup_offer_day":)" + std::to_string(kToday - 29)), kToday, false)) << "put aside 29 days ago";
  EXPECT_TRUE(backup_offer_due(with(R"("backup_offer_day":)" + std::to_string(kToday - 30)), kToday, false)) << "a month later";
}

TEST(InstallHint, AfterTheThirdCompletedSessionOnlyWithoutAPromptAndNotInstalled) {
  const HistoryDoc two = decoded(document(completed(2, kToday))), three = decoded(document(completed(3, kToday)));
  EXPECT_FALSE(install_hint_due(two, false, false));
  EXPECT_TRUE(install_hint_due(three, false, false));
  EXPECT_FALSE(install_hint_due(three, true, false)) << "the browser's own install prompt";
  EXPECT_FALSE(install_hint_due(three, false, true)) << "already the installed app";
  EXPECT_FALSE(install_hint_due(decoded(document(completed(3, kToday), R"(,"acks":{"install":true})")), false, false)) << "said once";
}

TEST(BackupModel, SavingWrapsTheStoredTextAndKeepsTheDate) {
  const std::string stored = document(completed(3, kToday), R"(,"acks":{"intro":true},"notes":{ "kept" : true })");
  Model m;
  m.Load(stored, R"({"share":"0"})");
  m.SetClock(kNow, 0);
  ASSERT_TRUE(m.Act("open", "\"settings\""));
  m.TakeOutbox();
  ASSERT_TRUE(m.Act("backup"));
  const auto out = m.TakeOutbox();
  ASSERT_TRUE(out.download);
  EXPECT_EQ(out.download->name, "unfurl-backup-2024-10-04.json");
  EXPECT_EQ(out.download->type, "application/json");
  EXPECT_FALSE(out.share);
  EXPECT_NE(out.download->text.find(R"("document":)" + stored + "}"), std::string::npos) << out.download->text;
  ASSERT_TRUE(out.store);
  EXPECT_EQ(json::parse(*out.store)["acks"]["backup_day"], kToday);
  EXPECT_EQ(json::parse(m.StateJson())["storage"]["last_backup"], "2024-10-04T08:00:00Z");
}

TEST(BackupModel, RestoringSaysWhatHappenedAndARefusalChangesNothing) {
  Model m;
  m.Load(document(completed(2, kToday, "here")), "{}");
  m.SetClock(kNow, 0);
  ASSERT_TRUE(m.Act("open", "\"settings\""));
  m.TakeOutbox();
  const std::string file = wrap_backup(document(completed(3, kToday, "here")), "2024-10-04T07:00:00Z");
  ASSERT_TRUE(m.Act("restore", json(file).dump()));
  json s = json::parse(m.StateJson());
  EXPECT_EQ(s["storage"]["restore"], json({{"added", 1}, {"present", 2}}));
  EXPECT_EQ(m.doc().sessions.size(), 3u);
  EXPECT_TRUE(m.TakeOutbox().store);

  ASSERT_TRUE(m.Act("restore", json("not a backup").dump()));
  s = json::parse(m.StateJson());
  EXPECT_EQ(s["storage"]["restore"], json({{"refused", "not-json"}}));
  EXPECT_EQ(m.doc().sessions.size(), 3u);
  EXPECT_FALSE(m.TakeOutbox().store) << "nothing to write";
  EXPECT_FALSE(m.Act("restore")) << "no file";
  // Leaving the screen leaves what it said behind.
  ASSERT_TRUE(m.Act("open", "\"home\""));
  EXPECT_TRUE(json::parse(m.StateJson())["storage"]["restore"].is_null());
}

TEST(BackupModel, AKioskKeepsNothingAndOffersNeitherBackupNorReminder) {
  Model m;
  m.Load(document(completed(12, kToday)), R"({"history":"0","caps":{"install_prompt":false,"storage":true}})");
  m.SetClock(kNow, 0);
  EXPECT_FALSE(m.Act("backup"));
  EXPECT_FALSE(m.Act("restore", json(wrap_backup(document({}), "x")).dump()));
  const json s = json::parse(m.StateJson());
  EXPECT_FALSE(s["storage"]["offer"]);
  EXPECT_FALSE(s["storage"]["install_hint"]);
}

TEST(BackupModel, TheFirstFinishedSessionAsksStorageToLastOnce) {
  Model m;
  m.Load("", R"({"caps":{"storage":true}})");
  m.SetClock(kNow, 0);
  m.SetPersisted(false);
  for (int round = 0; round < 2; ++round) {
    ASSERT_TRUE(m.Act("start"));
    if (m.screen() == Screen::screening) ASSERT_TRUE(m.Act("answer", "\"none\""));
    ASSERT_TRUE(m.Act("answer", "\"none\""));
    ASSERT_TRUE(m.Act("skip"));
    for (int i = 0; i < 20000 && m.screen() == Screen::session; ++i) m.Update(0.1);
    ASSERT_EQ(m.screen(), Screen::finish);
    m.TakeOutbox();
    ASSERT_TRUE(m.Act("finish"));
    EXPECT_EQ(m.TakeOutbox().persist, round == 0) << "round " << round;
  }
  EXPECT_EQ(json::parse(m.StateJson())["storage"]["persisted"], false);
  m.SetPersisted(std::nullopt);
  EXPECT_EQ(json::parse(m.StateJson())["storage"]["persisted"], "unknown");
}
