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
    if (depth_ == 1) key_.assign(s, n);
    if (depth_ == 1) after_ = in_.Tell();
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
    items.push_back({std::move(key_), std::string(text_.substr(start, after_ - start))});
    key_.clear();
    return true;
  }

  std::string_view text_;
  const rapidjson::MemoryStream& in_;
  int depth_ = 0;
  size_t after_ = 0, start_ = 0;
  std::string key_;
};

std::optional<std::vector<RawMember>> spans(std::string_view text, char open) {
  size_t first = 0;
  while (first < text.size() && (text[first] == ' ' || text[first] == '\n' || text[first] == '\r' || text[first] == '\t')) ++first;
  if (first >= text.size() || text[first] != open) return std::nullopt;
  rapidjson::MemoryStream in(text.data(), text.size());
  Spans spans(text, in);
  rapidjson::Reader reader;
  if (reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(in, spans).IsError())
    return std::nullopt;
  return std::move(spans.items);
}

}  // namespace

std::optional<std::vector<RawMember>> raw_members(std::string_view text) { return spans(text, '{'); }

std::optional<std::vector<std::string>> raw_elements(std::string_view text) {
  auto items = spans(text, '[');
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  for (RawMember& m : *items) out.push_back(std::move(m.raw));
  return out;
}

}  // namespace unfurl::core
