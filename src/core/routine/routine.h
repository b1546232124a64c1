// The routine as data: what the article prescribes, in the shape the session
// engine and the mannequin read. Loaded from assets/routines/*.json (and later
// from a clinic's prescription) by load_routine, which rejects bad data with a
// message that names the field instead of guessing.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/text.h"

namespace unfurl::core {

struct IntRange { int min = 0, max = 0; };
struct SecondsRange { double min_s = 0, max_s = 0; };

struct Exercise {
  std::string id, name, position;  // position: supine | prone | side
  std::string intro;               // spoken when the exercise is announced
  std::string move;                // spoken as the movement begins (on the exhale)
  std::string repeat_move;         // shorter move cue for the 2nd+ repetition
  std::string hold_cue;            // spoken as the hold starts
  std::vector<std::string> lines;  // the article's instructions, shown on screen
  bool sided = false;
  std::vector<std::string> side_names;  // two, right first: "Right leg", "Left leg"
  int reps = 1;
  IntRange reps_range;
  double hold_s = 0;
  SecondsRange hold_range;
  double rest_s = 5, move_s = 4;  // rest_s: between repetitions
  std::vector<std::string> muscles, cautions;
};

struct Preparation {
  int breaths = 3;
  double inhale_s = 5, exhale_s = 5;
  std::vector<std::string> lines;
};

struct Routine {
  std::string id, name, purpose;
  Preparation preparation;
  std::vector<Exercise> exercises;
  std::vector<std::string> closing_lines;
  double between_s = 5;  // rest between exercises and between sides (docs/clinical.md)
  // Upper bound on range of movement from a prescription, in [0.5, 1].
  double range_cap = 1.0;

  // Seconds the whole guided session takes at these doses.
  double total_s() const;
  const Exercise* find(std::string_view id) const;
};

struct RoutineResult {
  std::optional<Routine> routine;
  FieldError error;  // the field and its problem: describe() gives "exercises[2].hold_s: 45 is outside 20–30 s"
};

// Doses and structure from json_text, words from text (assets/i18n/).
RoutineResult load_routine(std::string_view json_text, const Catalogue& text = english());

// The routine shipped with the app: its file, and the routine in a language.
std::string_view default_routine_json();
Routine default_routine(const Catalogue& text);
const Routine& default_routine();  // in English

}  // namespace unfurl::core
