#include "core/json.h"

#include <cmath>
#include <rapidjson/memorystream.h>

namespace unfurl::core::json {

namespace {
// Iterative: no recursion however deep the document. Encoding validated, as
// a browser's JSON.parse would refuse what is not UTF-8. Full precision: a
// stored 1.1 must read back as the double that was written, or a setting
// would drift in its last digit with every save (RapidJSON's own arithmetic,
// not libc's strtod).
constexpr unsigned kFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseFullPrecisionFlag;
}  // namespace

std::optional<Document> parse(std::string_view text) {
  Document doc;
  rapidjson::MemoryStream in(text.data(), text.size());
  doc.ParseStream<kFlags>(in);
  if (doc.HasParseError()) return std::nullopt;
  return doc;
}

const Value* member(const Value& object, std::string_view key) {
  if (!object.IsObject()) return nullptr;
  const Value name(rapidjson::StringRef(key.data(), static_cast<rapidjson::SizeType>(key.size())));
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::optional<std::string> string(const Value* v) {
  if (!v || !v->IsString()) return std::nullopt;
  return std::string(view(*v));
}

std::optional<bool> boolean(const Value* v) {
  if (!v || !v->IsBool()) return std::nullopt;
  return v->GetBool();
}

std::optional<double> number(const Value* v) {
  if (!v || !v->IsNumber()) return std::nullopt;
  return v->GetDouble();
}

std::optional<int> integer(const Value* v) {
  if (!v || !v->IsInt()) return std::nullopt;
  return v->GetInt();
}

Writer& Writer::value(double d) {
  if (!std::isfinite(d)) return value(nullptr);
  return out_.Double(d), *this;
}

Writer& Writer::value(const std::vector<std::string>& list) {
  begin_array();
  for (const std::string& s : list) value(s);
  return end_array();
}

std::string quoted(std::string_view s) {
  Writer w;
  w.value(s);
  return w.text();
}

}  // namespace unfurl::core::json
