// How long a sentence takes to say. The session plans its timeline with this,
// so that no spoken sentence is still running when the next one is due: a
// person with eyes closed follows the voice, and a cut-off "…stop" is worse
// than none. The estimate is calibrated against espeak-ng (the voice the
// real-speech tests use, and many Linux and Android devices' fallback) and
// errs long; tests/speech/check-espeak checks it against real audio.
#pragma once
#include <string_view>

namespace unfurl::core {

// The voice rates the app offers (web speech's `rate`; 1 is the voice's normal pace).
constexpr double kVoiceRateMin = 0.5, kVoiceRateMax = 1.5, kVoiceRateDefault = 0.9;

// Seconds to say `text` at `rate`, including the voice's start-up latency.
double speech_seconds(std::string_view text, double rate);

// Quiet after a sentence before the next may begin: a breath, not a gap.
constexpr double kSpeechGap_s = 0.6;

}  // namespace unfurl::core
