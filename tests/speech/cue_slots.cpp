// Prints every sentence the default routine says, with the seconds it has
// before the next sentence begins, as "slot_s<TAB>key<TAB>text" lines: the
// input of tests/speech/check-espeak, which says each one with espeak-ng and
// fails if real speech is longer than its place in the timeline.
// Usage: unfurl_cue_slots [voice rate, default 1]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/routine/routine.h"
#include "core/routine/session.h"

using namespace unfurl::core;

int main(int argc, char** argv) {
  const double rate = argc > 1 ? std::atof(argv[1]) : 1.0;
  Session s(default_routine(), 0.6, VoicePlan{rate, nullptr});
  struct Said { double t; Cue cue; };
  std::vector<Said> said;
  auto take = [&] {
    for (Cue& c : s.take_cues())
      if (c.kind == CueKind::speak) said.push_back({s.elapsed_s(), std::move(c)});
  };
  take();
  while (!s.finished()) { s.advance(0.01); take(); }
  for (size_t i = 0; i + 1 < said.size(); ++i)
    std::printf("%.2f\t%s\t%s\n", said[i + 1].t - said[i].t, said[i].cue.key.c_str(), said[i].cue.text.c_str());
  return 0;
}
