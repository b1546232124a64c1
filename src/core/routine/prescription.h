// A clinic's prescription, carried in the page link (?rx=…) so no server ever
// sees it: base64url-encoded JSON that picks exercises from the routine and
// sets their holds and repetitions, a range cap and a note. It is applied to
// the shipped routine file and then read by the same loader, so every limit
// in docs/clinical.md still holds and every error names the field.
//
//   {"exercises": ["knee_to_chest", {"id": "pelvic_tilt", "reps": 6, "hold_s": 5}],
//    "range_cap": 0.8, "note": "Gently, every morning for two weeks."}
//
// Sided exercises always do both sides: the article says to repeat on the other side.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/routine/routine.h"

namespace unfurl::core {

// The note's length in characters (not bytes). The builder's field takes it
// from here at build time (cmake/page_text.cmake, {{@constant}}), so keep
// the form `constexpr int kNoteCharacters = N;`.
constexpr int kNoteCharacters = 200;

struct Prescription {
  Routine routine;
  std::string note;
};

struct PrescriptionResult {
  std::optional<Prescription> prescription;
  FieldError error;  // named in the link's own terms; its sentence in the reader's language
};

std::optional<std::string> base64url_decode(std::string_view text);
// Words come from text, as for the routine itself.
PrescriptionResult apply_prescription(std::string_view routine_json, std::string_view rx_json,
                                      const Catalogue& text = english());
// The link form: base64url first, then the JSON above.
PrescriptionResult read_prescription_link(std::string_view routine_json, std::string_view rx_param,
                                          const Catalogue& text = english());

}  // namespace unfurl::core
