// JSON, the one way Unfurl reads and writes it: RapidJSON's reader and writer
// (Debian's rapidjson-dev). docs/performance.md has the measurement that chose
// it over nlohmann-json: less than half the wasm, and no libc strtod or
// long-double arithmetic. Text that is not JSON is an error value, never an
// abort: every reader below checks the type before it reads.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// Natively (the tests) a misuse of RapidJSON's API aborts at once instead of
// reading garbage; the wasm leaves the checks out.
#if !defined(__EMSCRIPTEN__) && !defined(RAPIDJSON_ASSERT)
#include <cstdlib>
#define RAPIDJSON_ASSERT(x) ((x) ? (void)0 : std::abort())
#endif
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace unfurl::core::json {

using Value = rapidjson::Value;
using Document = rapidjson::Document;

// The document, or nullopt when the text is not one JSON value (invalid
// UTF-8, trailing bytes, NaN and the like included). Parsing never recurses,
// so a hostile, deeply nested document cannot exhaust the stack.
std::optional<Document> parse(std::string_view text);

// An object's member, or nullptr when `object` is not an object or has none
// by that name. Never RapidJSON's operator[], which asserts on a missing key.
const Value* member(const Value& object, std::string_view key);
inline const Value* member(const Value* object, std::string_view key) { return object ? member(*object, key) : nullptr; }

// A value of the type asked for, or nullopt (absent, null or another type).
std::optional<std::string> string(const Value* v);
std::optional<bool> boolean(const Value* v);
std::optional<double> number(const Value* v);
std::optional<int> integer(const Value* v);  // written as an integer (3, not 3.0), within an int
inline bool is_object(const Value* v) { return v && v->IsObject(); }
inline bool is_array(const Value* v) { return v && v->IsArray(); }
// A string value's bytes (RapidJSON strings may hold NUL); only on a value known to be a string.
inline std::string_view view(const Value& string_value) { return {string_value.GetString(), string_value.GetStringLength()}; }

// Compact JSON text, written as it goes: keys in the order written, strings
// escaped, a number that is not finite written as null.
class Writer {
 public:
  Writer() : out_(buffer_) {}
  Writer& begin_object() { return out_.StartObject(), *this; }
  Writer& end_object() { return out_.EndObject(), *this; }
  Writer& begin_array() { return out_.StartArray(), *this; }
  Writer& end_array() { return out_.EndArray(), *this; }
  Writer& key(std::string_view k) { return out_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()), true), *this; }
  Writer& value(std::string_view s) { return out_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()), true), *this; }
  Writer& value(const char* s) { return value(std::string_view(s ? s : "")); }
  Writer& value(const std::string& s) { return value(std::string_view(s)); }
  Writer& value(bool b) { return out_.Bool(b), *this; }
  Writer& value(double d);
  Writer& value(std::nullptr_t) { return out_.Null(), *this; }
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Writer& value(T n) { return out_.Int64(static_cast<std::int64_t>(n)), *this; }
  template <typename T>
  Writer& value(const std::optional<T>& v) { return v ? value(*v) : value(nullptr); }
  Writer& value(const std::vector<std::string>& list);
  // Bytes that are already JSON (a member kept verbatim, or a document
  // another writer made), placed as one value.
  Writer& raw(std::string_view json) {
    return out_.RawValue(json.data(), json.size(), rapidjson::kObjectType), *this;
  }
  // A key that is already JSON text, quotes included (one kept as it was read).
  Writer& raw_key(std::string_view quoted) {
    return out_.RawValue(quoted.data(), quoted.size(), rapidjson::kStringType), *this;
  }
  template <typename T>
  Writer& field(std::string_view k, const T& v) { return key(k).value(v); }
  std::string text() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> out_;
};

// A string as a JSON string literal, quotes and escapes included.
std::string quoted(std::string_view s);

}  // namespace unfurl::core::json
