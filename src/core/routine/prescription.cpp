#include "core/routine/prescription.h"

#include <nlohmann/json.hpp>

#include "core/legacy_json.h"

namespace unfurl::core {

using nlohmann::json;

std::optional<std::string> base64url_decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-' || c == '+') return 62;
    if (c == '_' || c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

PrescriptionResult apply_prescription(std::string_view routine_json, std::string_view rx_json, const Catalogue& text) {
  PrescriptionResult result;
  json rx = parse_json(rx_json);
  if (rx.is_discarded() || !rx.is_object()) { result.error = {"", "error.rx_json", {}}; return result; }
  json base = parse_json(routine_json);
  if (base.is_discarded() || !base.is_object() || !base.contains("exercises") || !base["exercises"].is_array()) {
    result.error = {"", "error.routine_unreadable", {}};
    return result;
  }
  json picked = json::array();
  auto list = rx.find("exercises");
  if (list == rx.end() || !list->is_array() || list->empty()) {
    result.error = {"exercises", "error.non_empty_list", {}};
    return result;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const std::string where = "exercises[" + std::to_string(i) + "]";
    std::string id;
    if (item.is_string()) id = item.get<std::string>();
    else if (item.is_object() && item.contains("id") && item["id"].is_string()) id = item["id"].get<std::string>();
    else { result.error = {where, "error.rx_item", {}}; return result; }
    json found;
    for (const json& e : base["exercises"])
      if (e.is_object() && e.value("id", std::string()) == id) found = e;
    if (found.is_null()) { result.error = {where, "error.unknown_exercise", {id}}; return result; }
    if (item.is_object()) {
      for (auto it = item.begin(); it != item.end(); ++it) {
        if (it.key() == "id") continue;
        if (it.key() != "hold_s" && it.key() != "reps") {
          result.error = {where + "." + it.key(), "error.rx_field", {}};
          return result;
        }
        found[it.key()] = it.value();  // type and range are checked by the routine loader
      }
    }
    picked.push_back(found);
  }
  base["exercises"] = picked;
  RoutineResult r = load_routine(base.dump(), text);
  if (!r.routine) { result.error = r.error; return result; }

  Prescription p;
  p.routine = std::move(*r.routine);
  if (auto cap = rx.find("range_cap"); cap != rx.end()) {
    if (!cap->is_number() || cap->get<double>() < 0.5 || cap->get<double>() > 1.0) {
      result.error = {"range_cap", "error.range_cap", {}};
      return result;
    }
    p.routine.range_cap = cap->get<double>();
  }
  if (auto note = rx.find("note"); note != rx.end()) {
    if (!note->is_string() || note->get<std::string>().size() > 200) {
      result.error = {"note", "error.note", {"200"}};
      return result;
    }
    p.note = note->get<std::string>();
  }
  result.prescription = std::move(p);
  return result;
}

PrescriptionResult read_prescription_link(std::string_view routine_json, std::string_view rx_param, const Catalogue& text) {
  auto decoded = base64url_decode(rx_param);
  if (!decoded) return {std::nullopt, {"", "error.rx_base64", {}}};
  return apply_prescription(routine_json, *decoded, text);
}

}  // namespace unfurl::core
