#include "core/history/raw_json.h"

#include <nlohmann/json.hpp>

#include "core/json.h"

namespace unfurl::core {

namespace {

size_t skip_space(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
  return i;
}

// One past the end of the value that starts at i (already known to be valid JSON).
size_t value_end(std::string_view t, size_t i) {
  if (t[i] == '"') {
    for (++i; i < t.size(); ++i) {
      if (t[i] == '\\') ++i;
      else if (t[i] == '"') return i + 1;
    }
    return t.size();
  }
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    for (; i < t.size(); ++i) {
      const char c = t[i];
      if (c == '"') { i = value_end(t, i) - 1; continue; }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return t.size();
  }
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' && t[i] != '\r' && t[i] != '\t') ++i;
  return i;
}

// Walks the members (or elements) of the container starting at `open`.
template <typename OnItem>
bool walk(std::string_view text, char open, char close, OnItem on_item) {
  size_t i = skip_space(text, 0);
  if (i >= text.size() || text[i] != open) return false;
  i = skip_space(text, i + 1);
  if (i < text.size() && text[i] == close) return true;
  while (i < text.size()) {
    std::string key;
    if (open == '{') {
      const size_t key_end = value_end(text, i);
      auto k = parse_json(text.substr(i, key_end - i));
      if (!k.is_string()) return false;
      key = k.get<std::string>();
      i = skip_space(text, key_end);
      if (i >= text.size() || text[i] != ':') return false;
      i = skip_space(text, i + 1);
    }
    const size_t end = value_end(text, i);
    on_item(std::move(key), std::string(text.substr(i, end - i)));
    i = skip_space(text, end);
    if (i < text.size() && text[i] == ',') i = skip_space(text, i + 1);
    else return i < text.size() && text[i] == close;
  }
  return false;
}

}  // namespace

std::optional<std::vector<RawMember>> raw_members(std::string_view text) {
  std::vector<RawMember> out;
  if (!walk(text, '{', '}', [&](std::string k, std::string v) { out.push_back({std::move(k), std::move(v)}); }))
    return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> raw_elements(std::string_view text) {
  std::vector<std::string> out;
  if (!walk(text, '[', ']', [&](std::string, std::string v) { out.push_back(std::move(v)); })) return std::nullopt;
  return out;
}

}  // namespace unfurl::core
