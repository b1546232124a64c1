#include "core/triage/emergency.h"

#include <algorithm>
#include <cctype>

#include "core/assets.h"
#include "core/json.h"

namespace unfurl::core {

namespace {
bool all_of(std::string_view s, int (*test)(int)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [test](char c) { return test(static_cast<unsigned char>(c)) != 0; });
}
}  // namespace

std::string_view number_source_name(NumberSource s) {
  switch (s) {
    case NumberSource::clinic: return "clinic";
    case NumberSource::region: return "region";
    case NumberSource::none: return "none";
  }
  return "none";
}

bool valid_emergency_number(std::string_view digits) {
  return digits.size() <= 6 && all_of(digits, [](int c) { return std::isdigit(c); });
}

std::string region_of(std::string_view tag) {
  // language[-script][-region]…: the region is the first later subtag of two
  // letters or three digits (BCP 47); "_" is how some systems write "-".
  size_t start = tag.find_first_of("-_");
  while (start != std::string_view::npos) {
    const size_t end = std::min(tag.find_first_of("-_", start + 1), tag.size());
    const std::string_view sub = tag.substr(start + 1, end - start - 1);
    if ((sub.size() == 2 && all_of(sub, [](int c) { return std::isalpha(c); })) ||
        (sub.size() == 3 && all_of(sub, [](int c) { return std::isdigit(c); }))) {
      std::string region(sub);
      for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return region;
    }
    if (sub.size() != 4) break;  // only a script may come between the language and the region
    start = end < tag.size() ? end : std::string_view::npos;
  }
  return {};
}

std::optional<std::vector<std::string>> ambulance_numbers(std::string_view region) {
  static const std::optional<json::Document> table = json::parse(embedded_asset("assets/triage/emergency-numbers.json"));
  const json::Value* row = table ? json::member(json::member(*table, "numbers"), region) : nullptr;
  if (!json::is_array(row) || row->Empty()) return std::nullopt;
  std::vector<std::string> out;
  for (const json::Value& n : row->GetArray())
    if (std::optional<std::string> s = json::string(&n); s && valid_emergency_number(*s)) out.push_back(*s);
  if (out.empty()) return std::nullopt;
  return out;
}

EmergencyNumber choose_emergency_number(std::string_view clinic, const std::vector<std::string>& tags) {
  if (valid_emergency_number(clinic)) return {{std::string(clinic)}, NumberSource::clinic, {}};
  for (const std::string& tag : tags) {
    const std::string region = region_of(tag);
    if (region.empty()) continue;
    // The first language with a region decides; one the table lacks leaves the generic wording.
    if (auto numbers = ambulance_numbers(region)) return {std::move(*numbers), NumberSource::region, region};
    return {};
  }
  return {};
}

std::string spoken_digits(std::string_view digits) {
  std::string out;
  for (char c : digits) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

}  // namespace unfurl::core
