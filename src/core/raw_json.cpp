#include "core/raw_json.h"

#include "core/json.h"  // first: it sets how RapidJSON checks itself

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace unfurl::core {

namespace {

// RapidJSON's iterative reader says where each value is: a container's event
// fires with the stream at its bracket, a scalar's once it has been read; a
// scalar starts at the first byte after the separator before it. So the
// spans are the parser's own, for any JSON.
class Spans : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Spans> {
 public:
  Spans(std::string_view text, const rapidjson::MemoryStream& in) : text_(text), in_(in) {}

  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ != 1) return true;
    key_.assign(s, n);
    const size_t start = Start();
    key_raw_ = std::string(text_.substr(start, in_.Tell() - start));
    after_ = in_.Tell();
    return true;
  }
  bool StartObject() { return Open(); }
  bool StartArray() { return Open(); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }
  bool Default() { return depth_ == 1 ? Item() : true; }  // any scalar

  std::vector<RawMember> items;

 private:
  bool Open() {
    if (depth_ == 0) after_ = in_.Tell() + 1;
    else if (depth_ == 1) start_ = in_.Tell();
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    if (depth_ == 1) return Emit(start_, in_.Tell() + 1);
    return true;
  }
  bool Item() { return Emit(Start(), in_.Tell()); }
  // The first byte of the value that follows `after_`: past whitespace, and the ':' or ',' before it.
  size_t Start() const {
    size_t i = after_;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\n' || text_[i] == '\r' || text_[i] == '\t' ||
                                text_[i] == ':' || text_[i] == ','))
      ++i;
    return i;
  }
  bool Emit(size_t start, size_t end) {
    after_ = end;
    items.push_back({std::move(key_), std::string(text_.substr(start, after_ - start)), std::move(key_raw_)});
    key_.clear();
    key_raw_.clear();
    return true;
  }

  std::string_view text_;
  const rapidjson::MemoryStream& in_;
  int depth_ = 0;
  size_t after_ = 0, start_ = 0;
  std::string key_, key_raw_;
};

int hex4(std::string_view t, size_t at) {
  if (at + 4 > t.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const char c = t[i];
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// Calls lone(i) for each escaped surrogate without its pair inside a string,
// `i` at its backslash. Text that is not JSON gives whatever it gives: the
// parser refuses it afterwards anyway.
template <typename F>
void each_lone_surrogate(std::string_view t, F&& lone) {
  bool in_string = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (!in_string) {
      in_string = c == '"';
      continue;
    }
    if (c == '"') {
      in_string = false;
      continue;
    }
    if (c != '\\') continue;
    const int u = i + 1 < t.size() && t[i + 1] == 'u' ? hex4(t, i + 2) : -1;
    if (u < 0) {
      ++i;  // the escaped character, a quote perhaps
      continue;
    }
    if (u >= 0xD800 && u <= 0xDBFF && i + 7 < t.size() && t[i + 6] == '\\' && t[i + 7] == 'u') {
      const int low = hex4(t, i + 8);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 11;  // a whole pair
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) lone(i);
    i += 5;
  }
}

std::optional<std::vector<RawMember>> spans(std::string_view text, char open) {
  size_t first = 0;
  while (first < text.size() && (text[first] == ' ' || text[first] == '\n' || text[first] == '\r' || text[first] == '\t')) ++first;
  if (first >= text.size() || text[first] != open) return std::nullopt;
  const std::optional<std::string> mended = mend_lone_surrogates(text);
  const std::string_view parsed = mended ? std::string_view(*mended) : text;
  rapidjson::MemoryStream in(parsed.data(), parsed.size());
  Spans spans(text, in);
  rapidjson::Reader reader;
  if (reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(in, spans).IsError())
    return std::nullopt;
  return std::move(spans.items);
}

}  // namespace

bool has_lone_surrogate(std::string_view text) {
  bool found = false;
  each_lone_surrogate(text, [&](size_t) { found = true; });
  return found;
}

std::optional<std::string> mend_lone_surrogates(std::string_view text) {
  std::optional<std::string> out;
  each_lone_surrogate(text, [&](size_t i) {
    if (!out) out.emplace(text);
    out->replace(i, 6, "\\ufffd");
  });
  return out;
}

std::optional<std::vector<RawMember>> raw_members(std::string_view text) { return spans(text, '{'); }

std::optional<std::vector<std::string>> raw_elements(std::string_view text) {
  auto items = spans(text, '[');
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  for (RawMember& m : *items) out.push_back(std::move(m.raw));
  return out;
}

}  // namespace unfurl::core
