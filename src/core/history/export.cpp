#include "core/history/export.h"

namespace unfurl::core {

namespace {
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}
std::string number(std::optional<int> v) { return v ? std::to_string(*v) : std::string(); }
}  // namespace

std::string sessions_csv(const HistoryDoc& doc, const Catalogue& text) {
  std::string out = text.get("csv.header");
  out += "\r\n";
  for (const SessionRecord& r : doc.sessions) {
    const std::vector<std::string> row = {
        r.started.substr(0, 10), r.started, r.ended, r.outcome, r.check_level, join(r.check_flags),
        number(r.before), number(r.after), r.hurt ? (*r.hurt ? "yes" : "no") : "", r.pain,
        std::to_string(static_cast<int>(r.range * 100 + 0.5)), join(r.exercises), r.withdrawn};
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + field(row[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace unfurl::core
