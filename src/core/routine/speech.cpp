#include "core/routine/speech.h"

#include <algorithm>

namespace unfurl::core {

namespace {
// Fitted to espeak-ng 1.51 at its default 175 words a minute over every
// sentence of the default routine and the results, then set so that no
// sentence is estimated shorter than espeak says it (the shortest margin is
// about 10 %, short sentences get more): speech-dispatcher drives espeak a
// little slower (170 wpm at rate 1), and an early end only means a slightly
// longer quiet. tests/speech/check-espeak keeps this true as texts change.
constexpr double kPerLetter_s = 0.066;   // letters and digits
constexpr double kPerComma_s = 0.30;     // , ; : — –
constexpr double kPerStop_s = 0.50;      // . ! ?
constexpr double kStartUp_s = 0.35;      // the engine's latency before the first sound

bool letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC0; }
}  // namespace

double speech_seconds(std::string_view text, double rate) {
  int letters = 0, commas = 0, stops = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation: one letter per code point
    if (letter(c)) ++letters;
    if (c == ',' || c == ';' || c == ':') ++commas;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x94 || static_cast<unsigned char>(text[i + 2]) == 0x93))
      ++commas;  // an em or en dash is said as a pause
    if (c == '.' || c == '!' || c == '?') ++stops;
  }
  if (letters == 0) return 0;
  const double at_normal = letters * kPerLetter_s + commas * kPerComma_s + stops * kPerStop_s;
  return kStartUp_s + at_normal / std::clamp(rate, kVoiceRateMin, kVoiceRateMax);
}

}  // namespace unfurl::core
