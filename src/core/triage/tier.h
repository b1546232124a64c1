// How much a sign or an answer asks of the person, from rest to an emergency:
// what the check decides, what a session record stores as its check level,
// and what the catalogue's tier sentences are keyed by (assets/i18n/).
#pragma once
#include <optional>
#include <string_view>

#include "core/names.h"

namespace unfurl::core {

// Ordered by severity: a higher value always wins.
enum class Tier { none = 0, review = 1, clinician = 2, urgent = 3, emergency = 4 };

inline constexpr Named<Tier> kTierNames[] = {{Tier::none, "none"},
                                             {Tier::review, "review"},
                                             {Tier::clinician, "clinician"},
                                             {Tier::urgent, "urgent"},
                                             {Tier::emergency, "emergency"}};
constexpr std::string_view tier_name(Tier t) { return name_in(kTierNames, t); }
constexpr std::optional<Tier> tier_from_name(std::string_view name) { return value_in(kTierNames, name); }

}  // namespace unfurl::core
