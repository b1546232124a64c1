// Prints every sentence the default routine says, with the seconds it has
// before the next sentence begins, as "slot_s<TAB>key<TAB>text" lines: the
// input of tests/speech/check-espeak, which says each one with espeak-ng and
// fails if real speech is longer than its place in the timeline.
// English is built into the native build; any other language is read from its
// assets/i18n file, handed in as the shell hands in a fetched language.
// Usage: unfurl_cue_slots [voice rate, default 1] [language, default en] [its assets/i18n file]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/routine/routine.h"
#include "core/routine/session.h"
#include "core/text/text.h"

using namespace unfurl::core;

int main(int argc, char** argv) {
  const double rate = argc > 1 ? std::atof(argv[1]) : 1.0;
  const std::string lang = argc > 2 ? argv[2] : "en";
  if (lang != "en") {
    std::ifstream in(argc > 3 ? argv[3] : "");
    std::stringstream file;
    file << in.rdbuf();
    if (!Catalogue::hand_in(lang, file.str())) {
      std::fprintf(stderr, "unfurl_cue_slots: no language file for \"%s\"\n", lang.c_str());
      return 1;
    }
  }
  Catalogue text;
  if (!text.load(lang)) return 1;
  Session s(default_routine(text), 0.6, VoicePlan{rate, &text});
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
