// The number to call (docs/clinical.md): the clinic's number first, then the
// region of the browser's first language that names one, else none — never a
// country guessed from a language alone.
#include <gtest/gtest.h>

#include "core/triage/emergency.h"

using namespace unfurl::core;

namespace {
std::string first(const EmergencyNumber& e) { return e.known() ? e.numbers[0] : ""; }
}  // namespace

TEST(Emergency, TheTableAnswersEachRegionsAmbulanceNumber) {
  struct Row { const char* tag; const char* number; };
  for (const Row& r : {Row{"en-GB", "999"}, Row{"en-US", "911"}, Row{"pt-BR", "192"}, Row{"pt-PT", "112"},
                       Row{"fr-FR", "15"}, Row{"fr-CA", "911"}, Row{"es-ES", "112"}, Row{"es-MX", "911"},
                       Row{"de-AT", "144"}, Row{"de-CH", "144"}, Row{"en-AU", "000"}, Row{"en-NZ", "111"},
                       Row{"es-AR", "107"}, Row{"es-CO", "123"}, Row{"es-CL", "131"}, Row{"it-IT", "112"}}) {
    SCOPED_TRACE(r.tag);
    const EmergencyNumber e = choose_emergency_number("", {r.tag});
    EXPECT_EQ(first(e), r.number);
    EXPECT_EQ(e.source, NumberSource::region);
  }
  // Where the table gives two, both are kept: the first is called, the second named.
  EXPECT_EQ(choose_emergency_number("", {"fr-FR"}).numbers, (std::vector<std::string>{"15", "112"}));
  EXPECT_EQ(choose_emergency_number("", {"en-GB"}).region, "GB");
}

TEST(Emergency, TheClinicsNumberWins) {
  const EmergencyNumber e = choose_emergency_number("2222", {"en-GB"});
  EXPECT_EQ(first(e), "2222");
  EXPECT_EQ(e.source, NumberSource::clinic);
  EXPECT_EQ(e.numbers.size(), 1u);
}

TEST(Emergency, WithNoRegionOrOneTheTableLacksTheGenericWordingStays) {
  for (const std::vector<std::string>& tags : {std::vector<std::string>{"es"}, {"en"}, {"pt", "fr"}, {},
                                                {"en-ZA"}, {"es-419"}, {"xx-YY"}}) {
    const EmergencyNumber e = choose_emergency_number("", tags);
    EXPECT_FALSE(e.known()) << (tags.empty() ? "(none)" : tags[0]);
    EXPECT_EQ(e.source, NumberSource::none);
  }
  // The first language that has a region decides, after any that have none.
  EXPECT_EQ(first(choose_emergency_number("", {"de", "en-GB", "en-US"})), "999");
  // …and a region the table lacks is not skipped for a later one: that would guess.
  EXPECT_FALSE(choose_emergency_number("", {"en-ZA", "en-GB"}).known());
}

TEST(Emergency, ANumberIsDigitsOnlyAndAtMostSix) {
  for (const char* ok : {"1", "112", "999999"}) EXPECT_TRUE(valid_emergency_number(ok)) << ok;
  for (const char* bad : {"", "1234567", "+44", "11 2", "112;", "１１２", "-1", "0x1"})
    EXPECT_FALSE(valid_emergency_number(bad)) << bad;
  // An invalid clinic number is not used: the region decides.
  EXPECT_EQ(first(choose_emergency_number("call-me", {"en-GB"})), "999");
}

TEST(Emergency, TheRegionIsTheRegionSubtag) {
  EXPECT_EQ(region_of("en-GB"), "GB");
  EXPECT_EQ(region_of("en_gb"), "GB");
  EXPECT_EQ(region_of("zh-Hant-TW"), "TW");
  EXPECT_EQ(region_of("es-419"), "419");
  EXPECT_EQ(region_of("en"), "");
  EXPECT_EQ(region_of("sr-Latn"), "");
  EXPECT_EQ(region_of("de-1996"), "");  // a variant, not a region
}

TEST(Emergency, EveryNumberInTheTableIsOneAPageCouldSet) {
  for (const char* region : {"GB", "IE", "US", "CA", "AU", "NZ", "IN", "NL", "FR", "BE", "CH", "LU", "DE", "AT", "IT",
                             "PL", "ES", "MX", "AR", "CO", "CL", "PT", "BR"}) {
    const auto numbers = ambulance_numbers(region);
    ASSERT_TRUE(numbers) << region << " is in docs/clinical.md's table";
    for (const std::string& n : *numbers) EXPECT_TRUE(valid_emergency_number(n)) << region << " " << n;
  }
}

TEST(Emergency, ANumberIsSaidDigitByDigit) {
  EXPECT_EQ(spoken_digits("112"), "1 1 2");
  EXPECT_EQ(spoken_digits("999"), "9 9 9");
  EXPECT_EQ(spoken_digits("15"), "1 5");
}
