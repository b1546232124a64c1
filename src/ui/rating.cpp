// "How stiff do you feel?" before the session: optional, one tap starts.
#include "ui/screens.h"

namespace unfurl::ui {

void RatingScreen(Panel& f) {
  const model::Model& m = f.model;
  BeginScrollArea(f, FooterHeight({Kind::secondary}));
  Text(f, f.fonts.title, f.colors().text, m.T("rating.title"));
  Caption(f, m.T("rating.subtitle"));
  RatingScale(f, "before", m.before());
  EndScrollArea(f);
  ActionButton(f, "skip", m.T("rating.skip"), Kind::secondary, "skip");
}

}  // namespace unfurl::ui
