#include "crosscheck/claims.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "claims/dates.h"
#include "claims/phrase_index.h"
#include "claims/world_places.h"
#include "test_support.h"

namespace {

const crosscheck::Lexicon& lexicon() {
  static crosscheck::DiagnosticSink sink;
  static const crosscheck::Lexicon loaded = crosscheck::load_lexicon(crosscheck::default_lexicon_sources(), sink);
  return loaded;
}

std::vector<crosscheck::Claim> claims_of(const std::string& text, const std::string& published = "2024-05-13",
                                         const std::string& title = "") {
  static crosscheck::Segmenter segmenter(lexicon());
  static crosscheck::ClaimExtractor extractor(lexicon());
  crosscheck::Article article;
  article.id = "test";
  article.source = "Test Wire";
  article.title = title;
  article.published = crosscheck::parse_date(published);
  article.text = text;
  article.origin.file = "test.md";
  const crosscheck::SegmentedText parts = segmenter.segment(article.text);
  return extractor.extract(article, parts);
}

std::vector<std::string> dumps(const std::vector<crosscheck::Claim>& claims) {
  std::vector<std::string> out;
  for (const auto& claim : claims) out.push_back(fmt::format("{}", claim));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("the seed: every figure's metric, place, subgroup and source", "[claims][shared]") {
  const std::optional<std::string> seed = crosscheck::testing::seed_text();
  if (!seed) return;
  const auto claims = claims_of(*seed, "2024-05-12");
  CHECK(dumps(claims) ==
        V{
            "'over 35,000' deaths Gaza <unattributed>",
            "'over 1.4 million' population Rafah <unattributed>",
            "'more than 1,170' deaths Israel <unattributed>",
            "'at least 35,000' deaths Gaza <Gaza Health Ministry: according to>",
            "'78,500' injuries Gaza <Gaza Health Ministry: according to>",
            "'85%' displaced Gaza <United Nations: according to>",
            "'15,000' deaths Gaza (children) <Recep Tayyip Erdoğan: criticized>",
            "'nearly 80,000' injuries Gaza <Recep Tayyip Erdoğan: criticized>",
            "'2 million' displaced Gaza <Recep Tayyip Erdoğan: criticized>",
            "'approximately 54,000 tons' aid Gaza <Recep Tayyip Erdoğan: quote>",
            "'some 400' evacuated Gaza (patients) <unattributed>",
            "'150' deaths Gaza (journalists) <Recep Tayyip Erdoğan: censured>",
            "'54' trade Israel <Recep Tayyip Erdoğan: recalled>",
            "'about $9.5 billion' trade Israel <Recep Tayyip Erdoğan: quote>",  // the paragraph's: trade with Israel
            "'some 1.4 million' population Rafah <unattributed>",
            "'35,000' deaths Gaza <Recep Tayyip Erdoğan: quote, citing Gaza Health Ministry>",
        });
  REQUIRE(claims.size() == 16);
  // "over 35,000 people have died since Oct. 7": a scope that starts on Oct. 7, 2023.
  REQUIRE(claims[0].since.has_value());
  CHECK(fmt::format("{}", *claims[0].since) == "2023-10-07");
  CHECK(fmt::format("{}", *claims[0].reference_date) == "2024-05-12");
  CHECK(claims[3].attribution->text == "Palestinian health authorities");
  CHECK(claims[15].attribution->text == "he");
  CHECK(claims[15].in_quote);
  CHECK_FALSE(claims[3].in_quote);
}

TEST_CASE("attribution cues", "[claims]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"At least 40 people were killed, according to the Syrian Observatory for Human Rights.",
       "'At least 40' deaths - <Syrian Observatory for Human Rights: according to>"},
      {"The Health Ministry said 120 people were wounded in Rafah.",
       "'120' injuries Rafah <Gaza Health Ministry: said>"},
      {"Some 300 people died in Derna, citing figures from the Libyan Red Crescent.",
       "'Some 300' deaths Derna <Libyan Red Crescent: citing>"},
      {"The WHO's figures show 3,958 deaths in Libya.", "'3,958' deaths Libya <World Health Organization: 's figures>"},
      {"Rescuers found 200 bodies, per OCHA.", "'200' deaths - <UN OCHA: per>"},
      {"A toll of 5,000 dead was reported by the IOM.",
       "'5,000' deaths - <International Organization for Migration: reported by>"},
      {"More than 2,000 people fled, said Samira Abu Odeh.", "'More than 2,000' displaced - <Samira Abu Odeh: said>"},
      {"Police put the turnout at 338,000.", "'338,000' participants - <police: put>"},
      {"More than 5,800 people died in Syria.", "'More than 5,800' deaths Syria <unattributed>"},
      // A name with "of" inside is the whole source, not the place that ends it.
      {"The Bank of England said it provided 120 mln stg of help.", "'120 mln stg' - England <Bank of England: said>"},
      // A speech verb after "and" shares its clause's subject; "assessed" and "documented" report.
      {"Palestinian authorities had blamed the strike on Israel and said it killed 471 people.",
       "'471' deaths Palestinian Territory <Palestinian authorities: said>"},
      {"Rescuers dug through the rubble in Gaza and said 12 bodies were found.",
       "'12' deaths Gaza <Palestinian rescuers: said>"},
      // The subject after the verb in lower case, and two subjects, the first a source.
      {"A landslide in Aceh killed one man, said the official.", "'one' deaths Aceh <official: said>"},
      {"In Derna 30 people died, engineers told the agency.", "'30' deaths Derna <engineers: told>"},
      {"Around 40 houses were damaged in Aceh, said disaster agency official Fauzi.",
       "'Around 40' buildings_destroyed Aceh <Indonesian disaster agency: said>"},
      // A relative clause, or a description after a name, between the subject and its verb.
      {"A police official in Kabul, who spoke on condition of anonymity, said 14 people died.",
       "'14' deaths Kabul <Afghan police: said>"},

      {"At least 12 members of the family were killed in Gaza, medical officials and a surviving relative said.",
       "'At least 12' deaths Gaza <medical officials and a surviving relative: said>"},
      {"American intelligence agencies have assessed that between 100 and 300 people were killed.",
       "'between 100 and 300' deaths United States <American intelligence agencies: assessed>"},
      {"The Observatory has documented the killing of 5812 civilians in Syria.",
       "'5812' deaths Syria (civilians) <Syrian Observatory for Human Rights: documented>"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(dumps(claims_of(text)) == V{expected});
  }
  CHECK(dumps(claims_of("Townsend Thoresen, owners of the 7,951 tonne Herald of Free Enterprise, said 345 had been "
                        "rescued.")) ==
        V{"'7,951 tonne' aid - <Townsend Thoresen: said>", "'345' evacuated - <Townsend Thoresen: said>"});
  // Not an object of the verb before, nor a phrase naming a noun's company.
  CHECK(dumps(claims_of("Government critics marched through Kabul and said 40 protesters were arrested.")) ==
        V{"'40' participants - <unattributed>"});
  CHECK(dumps(claims_of("Troops opened fire on government officials and protesters said 6 people died in Kabul.")) ==
        V{"'6' deaths Kabul <unattributed>"});
  // A speech verb does not reach back into the subordinate clause that opens the sentence when it reports a
  // clause of its own; it does when it reports nothing else, or when the figure follows that clause.
  // (The army is Nigeria's: Borno is the state the figure was placed in, not the Italian town of that name.)
  CHECK(dumps(claims_of("After gunmen killed 250 villagers in Borno, the army said it had killed 40 of them.")) ==
        V{"'250' deaths Borno <unattributed>", "'40' deaths Borno [part] <Nigerian military: said>"});
  CHECK(dumps(claims_of("When the dam burst, 250 people died in Derna, the ministry said.")) ==
        V{"'250' deaths Derna <ministry: said>"});
  CHECK(dumps(claims_of("After the dam burst and killed 250 people in Derna, the ministry said.")) ==
        V{"'250' deaths Derna <ministry: said>"});
  // A news agency's tally is its source; a tally with no name before it is nobody's. A list a ministry
  // released reports its count.
  CHECK(dumps(claims_of("A Reuters tally of official figures stood at 3,100 deaths.")) ==
        V{"'3,100' deaths - <Reuters: tally>"});
  CHECK(dumps(claims_of("The official tally rose to 2,000 deaths.")) == V{"'2,000' deaths - <unattributed>"});
  CHECK(dumps(claims_of("The ministry released a list of the dead naming 87 people.")) ==
        V{"'87' deaths - <ministry: released>"});
  // Martyred is killed.
  CHECK(dumps(claims_of("Fourteen people were martyred in the shelling of Rafah, the agency said.")) ==
        V{"'Fourteen' deaths Rafah <agency: said>"});
  // A clause after "and" that names what it counts: the displaced, not more dead.
  CHECK(
      dumps(claims_of("More than 300000 people have been killed in Syria and millions forced to flee their homes.")) ==
      V{"'More than 300000' deaths Syria <unattributed>", "'millions' displaced Syria <unattributed>"});
}

TEST_CASE("generic sources are the ones of the article's country, named ones and people stay themselves", "[claims]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      // The same generic source in two countries: by the dateline, by the place the article is about.
      // (A dateline also places the figures whose sentence names no place: issue 17.)
      {"ATHENS, Greece \xE2\x80\x94 Police said 3 people were killed in the fire.",
       "'3' deaths Athens <Greek police: said>"},
      {"Police said 338,000 people marched in Hong Kong.", "'338,000' participants Hong Kong <Hong Kong police: said>"},
      {"The Red Crescent said 300 people died in Derna.", "'300' deaths Derna <Libyan Red Crescent: said>"},
      {"TEHRAN \xE2\x80\x94 The Red Crescent said 40 people were injured.",
       "'40' injuries Tehran <Iranian Red Crescent: said>"},
      // Israel's society is Magen David Adom: a Red Crescent in an Israel story is the Palestinian one.
      {"TEL AVIV, Israel \xE2\x80\x94 The Red Crescent said 40 people were injured.",
       "'40' injuries Tel Aviv <Palestinian Red Crescent: said>"},
      // A name news uses for one country's.
      {"The disaster agency said 31,643 people had been killed in Hatay.", "'31,643' deaths Hatay <AFAD: said>"},
      {"The Health Ministry said 120 people were wounded in Rafah.",
       "'120' injuries Rafah <Gaza Health Ministry: said>"},
      // A country in the phrase wins over the article's, for the source and
      // (a public body speaks of its own place) for the figure's place.
      {"ATHENS, Greece \xE2\x80\x94 Turkish police said 12 people were detained.",
       "'12' detained T\xC3\xBCrkiye <Turkish police: said>"},
      {"TEHRAN \xE2\x80\x94 Some 300 people died, citing figures from the Libyan Red Crescent.",
       "'Some 300' deaths Tehran <Libyan Red Crescent: citing>"},
      {"ISTANBUL \xE2\x80\x94 Gaza's health ministry said 35,034 people were killed.",
       "'35,034' deaths Gaza <Gaza Health Ministry: said>"},
      {"ATHENS, Greece \xE2\x80\x94 Lebanon's health ministry said 12 people were killed.",
       "'12' deaths Lebanon <Lebanese health ministry: said>"},
      // A town's own force; "the military" in a country's name.
      {"At least 18 people were killed, according to Chicago police.",
       "'At least 18' deaths - <Chicago police: according to>"},
      // Where a source sits is part of its name: "Police in Thessaloniki" are
      // the town's police, and the speaker is no longer "Thessaloniki" alone.
      {"ATHENS, Greece \xE2\x80\x94 Police in Thessaloniki said 12 people were arrested.",
       "'12' detained Thessaloniki <Thessaloniki police: said>"},
      {"The fire department in Piraeus said 3 people were hurt.",
       "'3' injuries Piraeus <fire department in Piraeus: said>"},
      {"The Russian Embassy in Tel Aviv said two Russian nationals were confirmed dead.",
       "'two' deaths Tel Aviv (foreign nationals (Russia)) <Russian Embassy in Tel Aviv: said>"},
      {"Another Hamas figure, a recognised military spokesman called Abu Ubaida, said 30 fighters were killed.",
       "'30' deaths - (soldiers) <Abu Ubaida: said>"},
      {"DAMASCUS \xE2\x80\x94 The army says 4 soldiers were killed.",
       "'4' deaths Damascus (soldiers) <Syrian military: says>"},
      // Named organizations and people are the same everywhere.
      {"ATHENS, Greece \xE2\x80\x94 At least 40 people were killed, according to the Syrian Observatory for Human "
       "Rights.",
       "'At least 40' deaths Athens <Syrian Observatory for Human Rights: according to>"},
      {"ATHENS, Greece \xE2\x80\x94 Erdogan said 15,000 children were killed.",
       "'15,000' deaths Athens (children) <Recep Tayyip Erdo\xC4\x9F"
       "an: said>"},
      // No country known: the generic name as it is.
      {"Police said 20 people were arrested.", "'20' detained - <police: said>"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(dumps(claims_of(text)) == V{expected});
  }
}

TEST_CASE("quotations: the speaker outside, in the next sentence, or resolved from 'he'", "[claims]") {
  // The speaker comes after the quotation, in the sentence where it ends.
  // (Where he spoke is no place of the aid's.)
  CHECK(dumps(claims_of("Erdoğan spoke in Istanbul. \"We sent 54,000 tons of aid. We will send more,\" he said.")) ==
        V{"'54,000 tons' aid - <Recep Tayyip Erdoğan: quote>"});
  // A sentence ending in a colon introduces the quotation.
  CHECK(dumps(claims_of("The mayor of Derna, Abdulmenam al-Ghaithi, spoke on Tuesday. He noted: \"We buried 700 "
                        "people.\"")) == V{"'700' - Derna <Abdulmenam al-Ghaithi: quote>"});
  // A cue inside a quotation does not leak to a figure outside it.
  CHECK(dumps(claims_of("\"The ministry said nothing,\" she added. Officials counted 15 dead in Gaza.")) ==
        V{"'15' deaths Gaza <Officials: counted>"});
  CHECK(dumps(claims_of("\"According to the U.N., it is bad,\" a resident said, as 300 people fled Gaza.")) ==
        V{"'300' displaced Gaza <resident: said>"});
}

TEST_CASE("a person named by surname is the one named in full in the article", "[claims]") {
  // One official's figures for two districts are one voice, not two.
  const auto claims = claims_of(
      "Twelve people died in Bener Meriah district, said Sutopo Purwo Nugroho of the disaster agency. In Central "
      "Aceh district, 10 people were killed, Nugroho said. Later Mr. Nugroho said 24 people had died in all.");
  REQUIRE(claims.size() == 3);
  for (const auto& claim : claims) {
    REQUIRE(claim.attribution);
    CHECK(claim.attribution->authority == "Sutopo Purwo Nugroho");
  }
  CHECK(claims[1].attribution->text == "Nugroho");  // as written
  // Two full names share the surname: which one "Smith" is cannot be told.
  const auto two =
      claims_of("John Smith said 30 people died. Anna Smith said 40 people were hurt. Smith said 12 were missing.");
  REQUIRE(two.size() == 3);
  REQUIRE(two[2].attribution);
  CHECK(two[2].attribution->authority == "Smith");
  // A sentence's first word is no first name.
  const auto starter = claims_of("But Seipp said 300 jobs would go. Seipp said 20 people had been hurt.");
  REQUIRE(starter.size() == 2);
  REQUIRE(starter[1].attribution);
  CHECK(starter[1].attribution->authority == "Seipp");
  // An organization's or a building's name is no person's: "Mr. Cross" is
  // not the British Red Cross, "Church" not the Catholic Church.
  const auto bodies = claims_of(
      "LONDON (Reuters) - Twelve people were rescued by boat, the British Red Cross said. Mr. Cross said 12 "
      "people were missing. The Catholic Church said 6 people died. Church said 7 people were missing.");
  REQUIRE(bodies.size() == 4);
  REQUIRE(bodies[1].attribution);
  CHECK(bodies[1].attribution->authority == "Cross");
  REQUIRE(bodies[3].attribution);
  CHECK(bodies[3].attribution->authority == "Church");
}

TEST_CASE("ages, captives, and the people a clause after 'and' counts", "[claims]") {
  // Ages are no counts of the dead.
  CHECK(dumps(claims_of("Six of her relatives, five cousins between the ages of 9 and 18, were killed in Gaza. A boy "
                        "aged 12 died.")) == V{"'Six' - Gaza <unattributed>", "'five' deaths Gaza <unattributed>"});
  CHECK(dumps(claims_of("Three men aged 40, 52 and 61 died in Gaza. Two brothers, aged 16 and 17, were among 45 "
                        "people wounded in Gaza. A girl aged 7 and 14 other children died in Gaza.")) ==
        V{"'Three' deaths Gaza <unattributed>", "'Two' - Gaza <unattributed>", "'45' injuries Gaza <unattributed>",
          "'14' deaths Gaza (children) [part] <unattributed>"});
  // A list of two ages closed by ", and": the count after it stands.
  CHECK(dumps(claims_of("Two soldiers, aged 19 and 21, and 4 others were killed in Gaza. Victims aged 4, 9, and 12 "
                        "were killed in Gaza.")) ==
        V{"'Two' deaths Gaza (soldiers) <unattributed>", "'4' deaths Gaza [part] <unattributed>"});
  // "taken captive" counts hostages, not the dead of the clause before.
  CHECK(dumps(claims_of(
            "Israeli authorities said 73 soldiers had been killed and more than 100 people taken captive.")) ==
        V{"'73' deaths Israel (soldiers) <Israeli authorities: said>",
          "'more than 100' hostages Israel <Israeli authorities: said>"});
  // A figure after "and" whose own clause says what it counts takes that,
  // not the word of the clause before: the 200 are hostages, not dead.
  // Not a participle describing the noun: the 4 soldiers are dead.
  CHECK(dumps(claims_of("The attack killed 9 civilians and 4 soldiers guarding a camp for the homeless in Gaza.")) ==
        V{"'9' deaths Gaza (civilians) <unattributed>", "'4' deaths Gaza (soldiers) <unattributed>"});
  CHECK(dumps(claims_of("At least 1,400 Israelis have been killed and about 200 are believed held as hostages in "
                        "Gaza. In Gaza 30 were killed and 12 were taken to hospital.")) ==
        V{"'At least 1,400' deaths Israel <unattributed>", "'about 200' hostages Gaza <unattributed>",
          "'30' deaths Gaza <unattributed>", "'12' injuries Gaza <unattributed>"});
  // "and 15 were missing": the Argentines of the clause before, not a second toll of the whole.
  CHECK(dumps(claims_of("Seven Argentines were killed in Israel and 15 were missing, the embassy said.")) ==
        V{"'Seven' deaths Israel (foreign nationals (Argentina)) <embassy: said>",
          "'15' missing Israel (foreign nationals (Argentina)) <embassy: said>"});
  CHECK(dumps(claims_of("In Israel 12 Thais were killed, 11 kidnapped and nine wounded, their government said.")) ==
        V{"'12' deaths Israel (foreign nationals (Thailand)) <government: said>",
          "'11' hostages Israel (foreign nationals (Thailand)) <government: said>",
          "'nine' injuries Israel (foreign nationals (Thailand)) <government: said>"});
  // Only foreigners named by the figure before, not one of a list, nor a state.
  const auto elided = claims_of(
      "In Israel, five French citizens and 3 Germans were killed, and 9 were missing. Of the 40 people rescued, 8 "
      "were in serious condition and 32 were unhurt. Three children died in Gaza and 40 were injured.");
  REQUIRE(elided.size() == 8);
  CHECK(elided[2].subject.empty());  // the 9 missing: French and Germans
  CHECK(elided[5].subject.empty());  // the 32 unhurt
  CHECK(elided[7].subject.empty());  // the 40 injured: not only children
  // "4 of them" counts what the figure before counts, not the next clause's
  // injured; unless its own clause says what ("4 of whom later died").
  CHECK(dumps(claims_of("The crash in Gaza killed 6 people, 4 of them from the same family, and injured 22.")) ==
        V{"'6' deaths Gaza <unattributed>", "'4' deaths Gaza [part] <unattributed>",
          "'22' injuries Gaza <unattributed>"});
  CHECK(dumps(claims_of("The blast injured 50 people in Gaza, 4 of whom later died.")) ==
        V{"'50' injuries Gaza <unattributed>", "'4' deaths Gaza [part] <unattributed>"});
  // Not a total after the foreigners, nor "critical care nurses" the critically injured.
  const auto totals = claims_of(
      "Twenty-one Thais were killed in Israel, and 1,200 were killed in total. 15 critical care nurses were "
      "killed in Gaza.");
  REQUIRE(totals.size() == 3);
  CHECK(totals[1].subject.empty());
  CHECK(totals[2].subject.empty());
  // Those in critical condition are a subgroup of the injured; "10 of
  // whom" a part of the 50 (no subgroup: "critical" alone names none, as
  // "15 critical care nurses" shows).
  const auto injured = claims_of(
      "The blast left more than 50 people with serious injuries in Gaza, 10 of whom remain critical. Of the "
      "injured, 51 were in critical condition. The UN counted 55 wounded, 15 of them critically. The fire killed "
      "40 people in Gaza, 12 of whom were firefighters, and 30 people, 12 of them children, in Rafah.");
  REQUIRE(injured.size() == 9);
  CHECK(injured[1].subject.empty());
  CHECK(injured[1].scope == crosscheck::Scope::part);
  CHECK(injured[2].subject == "seriously injured");
  CHECK(injured[4].subject == "seriously injured");
  CHECK(injured[6].subject.empty());
  CHECK(injured[6].scope == crosscheck::Scope::part);
  CHECK(injured[8].subject == "children");
  CHECK(injured[8].scope == crosscheck::Scope::story);
}

TEST_CASE("places: a town that keeps its own count, and two places joined by 'and'", "[claims][places]") {
  // A division of the article's country as the subject of "recorded" is the
  // figure's place and no source; a person's name is a source.
  const auto tally = claims_of(
      "RABAT, Morocco (Wire) - The quake killed 2,497 people in Morocco, the interior ministry said.\n\n"
      "Chichaoua recorded 202 deaths. Lawson recorded 30 deaths, the paper said.");
  REQUIRE(tally.size() == 3);
  CHECK(tally[1].entity == "Chichaoua");
  CHECK_FALSE(tally[1].attribution);
  REQUIRE(tally[2].attribution);
  CHECK(tally[2].attribution->authority == "Lawson");
  // A town after "and", "the province of" or before "has recorded" too; the
  // sentence's other source stands.
  const auto more = claims_of(
      "RABAT, Morocco (Reuters) - The quake killed 2,497 people in Morocco, the interior ministry said.\n\n"
      "Al Haouz province recorded 1,293 deaths and Chichaoua recorded 202. The province of Taroudant recorded "
      "121 deaths, the ministry said. Marrakech has recorded 18 deaths so far.");
  REQUIRE(more.size() == 5);
  CHECK(more[1].entity == "Al-Haouz");
  CHECK_FALSE(more[1].attribution);
  CHECK(more[2].entity == "Chichaoua");
  CHECK(more[3].entity == "Taroudant");
  REQUIRE(more[3].attribution);
  CHECK(more[3].attribution->authority == "ministry");
  CHECK(more[4].entity == "Marrakech");
  CHECK_FALSE(more[4].attribution);
  // Not a surname that some small town bears: "Smith counted" is Smith's word.
  const auto counted = claims_of("WASHINGTON (AP) - Smith counted 40 bodies, he said.");
  REQUIRE(counted.size() == 1);
  REQUIRE(counted[0].attribution);
  CHECK(counted[0].attribution->authority == "Smith");
  // A figure of two places joined by "and" is of the two as one place, not
  // of either alone nor of the dateline's; each place's own figure stays its own.
  const auto joint = claims_of(
      "BERLIN (Wire) - Floods in Germany swept away homes on Thursday.\n\n"
      "Rescue workers across Germany and Belgium rushed on Friday as the number of dead surpassed 125.\n\n"
      "The quake killed more than 50,000 people in Turkey and Syria.\n\n"
      "The toll in Germany rose to 143, while the toll in Belgium stood at 24.\n\n"
      "At least 56 Palestinians have been killed in the West Bank and East Jerusalem.");
  REQUIRE(joint.size() == 5);
  CHECK(joint[0].entity == "Belgium and Germany");  // as one place, whatever the order written
  CHECK(joint[1].entity == "Syria and Türkiye");
  CHECK(joint[2].entity == "Germany");
  CHECK(joint[3].entity == "Belgium");
  CHECK(joint[4].entity == "West Bank");  // East Jerusalem is a part of it, not another place
  // Not a name that opens a clause after "and"; the counted people stay foreigners.
  const auto clauses = claims_of(
      "Israeli strikes killed 20 people in Gaza and Israel said it would go on. Twenty-one Thai workers were "
      "killed in Israel and Gaza.");
  REQUIRE(clauses.size() == 2);
  CHECK(clauses[0].entity == "Gaza");
  CHECK(clauses[1].entity == "Gaza and Israel");
  CHECK(clauses[1].subject == "foreign nationals (Thailand)");
}

TEST_CASE("metrics from the words around the figure", "[claims]") {
  CHECK(dumps(claims_of("The quake killed at least 35,000 in Türkiye.")) ==
        V{"'at least 35,000' deaths Türkiye <unattributed>"});
  CHECK(dumps(claims_of("The death toll rose to 3,958 in Derna.")) == V{"'3,958' deaths Derna <unattributed>"});
  CHECK(dumps(claims_of("The shelling in Douma claimed the lives of at least 32 people.")) ==
        V{"'at least 32' deaths Douma <unattributed>"});
  // A threat to lives counts no dead.
  CHECK(dumps(claims_of("The disease has threatened the lives of over a million people in Douma.")) ==
        V{"'over a million' - Douma <unattributed>"});
  CHECK(dumps(claims_of("The storm left 30,000 homeless in Derna.")) == V{"'30,000' displaced Derna <unattributed>"});
  CHECK(dumps(claims_of("In Gaza 78,500 were injured and 10,000 are missing.")) ==
        V{"'78,500' injuries Gaza <unattributed>", "'10,000' missing Gaza <unattributed>"});
  CHECK(dumps(claims_of("Turnout in Hong Kong was 1.03 million.")) ==
        V{"'1.03 million' participants Hong Kong <unattributed>"});
  // A figure with no metric still comes out.
  CHECK(dumps(claims_of("The magnitude was 7.8 off the coast.")) == V{"'7.8' - - <unattributed>"});
  // A place the lexicon does not know still becomes the entity (a small town
  // when qualified or in a country the sentence names: see the places tests).
  CHECK(dumps(claims_of("The magnitude was 7.8 near Pazarcık in Kahramanmaraş.")) ==
        V{"'7.8' - Pazarcik <unattributed>"});
}

TEST_CASE("miners trapped, men sent to hospital, and the whole a part of it is counted from", "[claims]") {
  // Issue 17: once one event's wire stories were compared, these were false
  // conflicts among its death tolls.
  CHECK(dumps(claims_of("The mine fire trapped 44 miners and killed two.")) ==
        V{"'44' affected - <unattributed>", "'two' deaths - <unattributed>"});
  CHECK(dumps(claims_of("The mine fire has killed one and sent 17 to hospital.")) ==
        V{"'one' deaths - <unattributed>", "'17' injuries - <unattributed>"});
  // The verb of being after "32 of the 543 ..." is the 32's: the 543 were
  // aboard, and the words inside the whole's phrase are the whole's.
  CHECK(dumps(claims_of("The ferry's owners said 32 of the 543 passengers and crew were confirmed dead.")) ==
        V{"'32' deaths - <ferry's owners: said>", "'543' - - <unattributed>"});
  CHECK(dumps(claims_of("In Kabul, four of the 30 miners trapped underground were confirmed dead.")) ==
        V{"'four' deaths Kabul <unattributed>", "'30' affected Kabul <unattributed>"});
  CHECK(dumps(claims_of("Two of the four people confirmed dead in Kabul have been identified.")) ==
        V{"'Two' - Kabul <unattributed>", "'four' deaths Kabul <unattributed>"});
  // With no such verb the words do not tell whose verb is whose: the part
  // takes none rather than the whole's ("taken to hospital").
  CHECK(dumps(claims_of("In Kabul, two of the 12 people taken to hospital later died.")) ==
        V{"'two' - Kabul <unattributed>", "'12' injuries Kabul <unattributed>"});
  CHECK(dumps(claims_of("In Gaza, three of the four soldiers killed by friendly fire died in a tank.")) ==
        V{"'three' - Gaza <unattributed>", "'four' deaths Gaza (soldiers) <unattributed>"});
  // A verb of being in a clause of the whole's is not the part's predicate.
  CHECK(dumps(claims_of("In Kabul, two of the 18 people who were injured in the crash have died.")) ==
        V{"'two' - Kabul <unattributed>", "'18' injuries Kabul <unattributed>"});
  // Past its whole, a part's predicate may be claimed by a figure after it.
  // (The 22 takes "injured" through the list's verb, as before: not checked here.)
  CHECK(dumps(claims_of("In Kabul, seven of the 22 victims were children and 15 were injured.")).front() ==
        "'seven' - Kabul <unattributed>");
}

TEST_CASE("a quake's magnitude and an age are no toll", "[claims]") {
  // Issue 18: the magnitude before "earthquake ... killing" was read as a death toll.
  CHECK(dumps(claims_of("A magnitude 6.1 earthquake struck Aceh on Tuesday, killing at least 22 people.")) ==
        V{"'6.1' - Aceh <unattributed>", "'at least 22' deaths Aceh <unattributed>"});
  CHECK(dumps(claims_of("A 9.1 temblor off Aceh in 2004 killed more than 220,000 people.")) ==
        V{"'9.1' - Aceh [background] <unattributed>", "'more than 220,000' deaths Aceh [background] <unattributed>"});
  CHECK(dumps(claims_of("Maria Lopez, 23, and her son, 4, were killed in Aceh.")) == V{});
}

TEST_CASE("a subgroup after 'including' or 'among them' counts what the figure before it counts", "[claims]") {
  CHECK(dumps(claims_of("Shelling killed 31 people in Douma, including two medics and 11 children.")) ==
        V{"'31' deaths Douma <unattributed>", "'two' deaths Douma (medics) <unattributed>",
          "'11' deaths Douma (children) <unattributed>"});
  CHECK(dumps(claims_of("Ten people were killed in Douma, among them four children.")) ==
        V{"'Ten' deaths Douma <unattributed>", "'four' deaths Douma (children) <unattributed>"});
  // A part the lexicon names no subgroup for stays unkeyed: set against its
  // whole as a toll, it would be a false conflict.
  CHECK(dumps(claims_of("Shelling killed 31 people in Douma, including two brothers.")) ==
        V{"'31' deaths Douma <unattributed>", "'two' - Douma <unattributed>"});
}

TEST_CASE("a subgroup named after whose people they are: '13 US troops'", "[claims]") {
  // Compared with the whole toll as a toll, the 13 were a false conflict.
  CHECK(dumps(claims_of("A bombing in Kabul killed about 170 people, including 13 US troops.")) ==
        V{"'about 170' deaths Kabul <unattributed>", "'13' deaths Kabul (soldiers) <unattributed>"});
  CHECK(dumps(claims_of("The blast in Kabul killed 11 U.S. Marines.")) ==
        V{"'11' deaths Kabul (soldiers) <unattributed>"});
  CHECK(dumps(claims_of("The blast in Kabul killed 11 US Marines.")) ==
        V{"'11' deaths Kabul (soldiers) <unattributed>"});
  CHECK(dumps(claims_of("The blast in Kabul killed 11 Marines.")) == V{"'11' deaths Kabul (soldiers) <unattributed>"});
}

TEST_CASE("the month March is no protest march, and a sum of money counts no one", "[claims]") {
  // 1,442 Reuters claims counted participants because of "March" nearby.
  CHECK(dumps(claims_of("The trade surplus widened to 460 million dollars in March.")) ==
        V{"'460 million dollars' trade - <unattributed>"});
  CHECK(dumps(claims_of("The index rose 0.2 percent between February and March.")) ==
        V{"'0.2 percent' - - <unattributed>"});
  CHECK(dumps(claims_of("Some 5,000 people joined the march in Athens.")) ==
        V{"'Some 5,000' participants Athens <unattributed>"});
}

TEST_CASE("a negative count of people is no toll, other negative figures keep their metric", "[claims]") {
  // Issue 14: "-35 people killed" was a deaths claim of -35, set against real tolls.
  CHECK(dumps(claims_of("The toll in Gaza fell to -35 people killed.")) == V{"'-35' - Gaza <unattributed>"});
  CHECK(dumps(claims_of("Minus 40 people were injured in Gaza.")) == V{"'Minus 40' - Gaza <unattributed>"});
  CHECK(dumps(claims_of("35 people were killed in Gaza.")) == V{"'35' deaths Gaza <unattributed>"});
  // A share or an amount of money may fall below zero: its metric stays.
  CHECK(dumps(claims_of("Exports fell by -5% in Gaza, officials said.")) == V{"'-5%' trade Gaza <officials: said>"});
}

TEST_CASE("entities: a place the lexicon does not know, and the article's main place", "[claims]") {
  CHECK(dumps(claims_of("Rescuers pulled 12 survivors from the rubble in Hatay.")) ==
        V{"'12' evacuated Hatay <unattributed>"});
  CHECK(dumps(claims_of("Rescuers pulled 12 survivors from the rubble in Adıyaman.")) ==
        V{"'12' evacuated Adiyaman <unattributed>"});
  CHECK(dumps(claims_of("Officials said 40 more died overnight.", "2023-09-14", "Floods in Derna kill thousands")) ==
        V{"'40' deaths Derna [part] <Officials: said>"});  // 40 on top of an earlier count
  // A weekday or a month ends the place's name; a town that only begins
  // like a month is a place, a misspelt month is not.
  CHECK(dumps(claims_of("Officials said 3 people died in Sochi Thursday.")) == V{"'3' deaths Sochi <Officials: said>"});
  CHECK(dumps(claims_of("A fire killed 4 in Novosibirsk.")) == V{"'4' deaths Novosibirsk <unattributed>"});
  CHECK(dumps(claims_of("Sales rose 5 pct in Febuary.")) == V{"'5 pct' - - <unattributed>"});
}

namespace {

// "'5' deaths Paris < Ile-de-France < France (sentence)".
std::vector<std::string> placed(const std::vector<crosscheck::Claim>& claims) {
  std::vector<std::string> out;
  for (const auto& claim : claims) {
    std::string line = fmt::format("'{}' {}", claim.text, claim.entity.empty() ? "-" : claim.entity);
    for (const std::string& parent : claim.entity_parents.places()) line += " < " + parent;
    out.push_back(fmt::format("{} ({})", line, crosscheck::to_string(claim.entity_from)));
  }
  return out;
}

}  // namespace

TEST_CASE("places: namesakes are told apart by the qualifier, the dateline, then population", "[claims][places]") {
  CHECK(placed(claims_of("A tornado killed 5 people in Paris.")) == V{"'5' Paris < Ile-de-France < France (sentence)"});
  CHECK(placed(claims_of("A tornado killed 5 people in Paris, Texas.")) ==
        V{"'5' Paris < Texas < United States (sentence)"});
  CHECK(placed(claims_of("PARIS, Texas (Reuters) - A tornado killed 5 people in Paris on Monday.")) ==
        V{"'5' Paris < Texas < United States (sentence)"});
  // A state's abbreviation says which ("Bristol, Va." is Virginia's, not the English city).
  CHECK(placed(claims_of("A fire destroyed 12 homes in Bristol, Va., on Monday.")) ==
        V{"'12' Bristol < Virginia < United States (sentence)"});
  CHECK(placed(claims_of("Floods closed 3 schools in Trenton, N.J.")) ==
        V{"'3' Trenton < New Jersey < United States (sentence)"});
  // Divisions have no population in the data: the more populous country's wins.
  CHECK(placed(claims_of("A storm killed 4 people in Florida.")) == V{"'4' Florida < United States (sentence)"});
  CHECK(placed(claims_of("Qtly div 14 cts.", "1987-03-02", "FLORIDA COMMERCIAL BANKS INC QTLY DIV")) ==
        V{"'14' Florida < United States (article)"});
  // A town overshadowed by a big city of its name is not chosen for being in
  // the dateline's country: Washington in a London story is the U.S. capital,
  // not the English town of 53,000; a qualifier still names the town.
  CHECK(placed(claims_of("LONDON (Reuters) - Officials in Washington said 5 people died in the storm.")) ==
        V{"'5' Washington, D.C. < United States (sentence)"});
  CHECK(placed(claims_of("LONDON (Reuters) - A storm killed 5 people in Washington, England.")) ==
        V{"'5' Washington < England < United Kingdom (sentence)"});
  // The article's place is qualified as a sentence's is: Kimberley in
  // British Columbia, not the South African city ten times its size; named
  // with its division, the small town is the article's place.
  CHECK(placed(claims_of("Cominco said it will close its plant at Kimberley, British Columbia, next month.\n\n"
                         "The plant lost 7 mln dlrs in 1986.")) ==
        V{"'7 mln dlrs' Kimberley < British Columbia < Canada (article)"});
  // The lexicon's Derna is part of Libya: the Libyan city, not Derna in Romania.
  CHECK(placed(claims_of("Floods killed 5,300 people in Derna.")) == V{"'5,300' Derna < Libya (sentence)"});
}

TEST_CASE("places: the dateline places figures whose sentence and paragraph name none", "[claims][places]") {
  CHECK(placed(claims_of("KABUL, Afghanistan, May 3 (Reuters) - Ninety people have been killed, officials said.")) ==
        V{"'Ninety' Kabul < Afghanistan (dateline)"});
  CHECK(placed(claims_of("MECCA - More than 1,300 pilgrims died in the heat, officials said.")) ==
        V{"'More than 1,300' Mecca < Mecca Region < Saudi Arabia (dateline)"});
  // A sentence's own place wins; a later sentence of its paragraph takes it;
  // the next paragraph takes the article's (the lead names Kandahar; the
  // dateline is not counted).
  CHECK(placed(claims_of("KABUL (Reuters) - A blast killed 12 people in Kandahar. Another 30 were wounded.\n\n"
                         "Police said 4 died.")) == V{"'12' Kandahar < Afghanistan (sentence)",
                                                      "'30' Kandahar < Afghanistan (paragraph)",
                                                      "'4' Kandahar < Afghanistan (article)"});
  // The article's place before the dateline's: the reporter is in Marrakech,
  // the story is Morocco's.
  CHECK(placed(claims_of("MARRAKECH, Morocco (Reuters) - The toll rose to 2,946 dead, the ministry said.", "2023-09-13",
                         "Earthquake in Morocco: the toll rises")) == V{"'2,946' Morocco (article)"});
  CHECK(placed(claims_of("The toll rose to 2,946 dead, the ministry said.", "2023-09-13",
                         "Earthquake in Morocco: the toll rises")) == V{"'2,946' Morocco (article)"});
  // No dateline: the first words of a story are no place.
  CHECK(placed(claims_of("Officials said 4 people died.")) == V{"'4' - ()"});
}

TEST_CASE("places: a sentence counting place by place leaves the paragraph's place to the article",
          "[claims][places]") {
  // The third figure is the country's, not that of the last province named.
  CHECK(
      placed(claims_of("RABAT (Reuters) - The quake killed 2,900 people in Morocco.\n\nThe ministry said 1,452 died "
                       "in Al Haouz province and 492 in Taroudant province. Earlier it had put the toll at 2,497.")) ==
      V{"'2,900' Morocco (sentence)", "'1,452' Al-Haouz < Marrakesh-Safi < Morocco (sentence)",
        "'492' Taroudant < Souss-Massa < Morocco (sentence)", "'2,497' Morocco (article)"});
  // "N in PLACE" in a list is that N's place, not the figure's before it;
  // "killed 12 and wounded 70 in Gaza" places both.
  CHECK(placed(claims_of("RABAT (Reuters) - Al Haouz province accounted for 1,293 of the deaths, with 452 in Taroudant "
                         "and 191 in Chichaoua.")) == V{"'1,293' Al-Haouz < Marrakesh-Safi < Morocco (sentence)",
                                                        "'452' Taroudant < Souss-Massa < Morocco (sentence)",
                                                        "'191' Chichaoua < Marrakesh-Safi < Morocco (sentence)"});
  CHECK(placed(claims_of("The strikes killed 12 and wounded 70 in Gaza.")) ==
        V{"'12' Gaza < Palestinian Territory (sentence)", "'70' Gaza < Palestinian Territory (sentence)"});
  // A place's own toll: "Taroudant's toll".
  CHECK(placed(claims_of("RABAT (Reuters) - Taroudant's toll stood at 492, the ministry said.")) ==
        V{"'492' Taroudant < Souss-Massa < Morocco (sentence)"});
}

TEST_CASE("places: a demonym gives the counted people's place, not the agent's", "[claims][places]") {
  CHECK(placed(claims_of("An Israeli strike killed 40 Palestinians on Sunday.")) ==
        V{"'40' Palestinian Territory (sentence)"});
  CHECK(placed(claims_of("Gunmen killed 30 Israeli civilians on Sunday.")) == V{"'30' Israel (sentence)"});
  CHECK(placed(claims_of("The attack killed 30 Americans.")) == V{"'30' United States (sentence)"});
  // Palestinians in a story from Gaza are Gaza's.
  CHECK(placed(claims_of("GAZA (Reuters) - An Israeli strike killed 40 Palestinians on Sunday.")) ==
        V{"'40' Gaza < Palestinian Territory (dateline)"});
  CHECK(placed(claims_of("An Israeli strike on Khan Younis killed 40 Palestinians on Sunday.")) ==
        V{"'40' Khan Younis < Gaza < Palestinian Territory (sentence)"});
  // Whom a sentence blames or accuses is an agent: the figure is the story's place's.
  CHECK(placed(claims_of("A blast hit a hospital in Gaza City on Tuesday.\n\nOfficials blamed the strike on Israel "
                         "and said it killed 471 people. Hamas accused Israel of killing 500 people.")) ==
        V{"'471' Gaza City < Gaza < Palestinian Territory (article)",
          "'500' Gaza City < Gaza < Palestinian Territory (article)"});
  // "on" without a blame before it is no agent's, nor the target of what is blamed.
  CHECK(placed(claims_of("Rockets fell on Israel and killed 12 people.")) == V{"'12' Israel (sentence)"});
  CHECK(placed(claims_of("Hamas blamed Israel for a strike on Gaza City that killed 12 people.")) ==
        V{"'12' Gaza City < Gaza < Palestinian Territory (sentence)"});
}

TEST_CASE("places: a town beside its country is the figure's place and a country's total stays the country's",
          "[claims][places]") {
  CHECK(placed(claims_of("An earthquake killed six children in Indonesia's Aceh province, officials said.")) ==
        V{"'six' Aceh < Indonesia (sentence)"});
  CHECK(
      placed(claims_of("Floods killed 11,300 people across Libya, including 5,000 in Derna, the Red Crescent said.")) ==
      V{"'11,300' Libya (sentence)", "'5,000' Derna < Libya (sentence)"});
  // An article about a country is about the place in it that its lead names.
  CHECK(placed(claims_of("Rescuers said 24 people died and more than 200 were hurt.", "2013-07-03",
                         "Indonesia earthquake: 24 dead as quake hits Aceh province")) ==
        V{"'24' Aceh < Indonesia (article)", "'more than 200' Aceh < Indonesia (article)"});
}

TEST_CASE("places: the lead's part of a country, named after its possessive or with a compass word, is the article's",
          "[claims][places]") {
  // "Indonesia's West Papua province" names the province, with no "in" before it.
  CHECK(placed(claims_of("A strong earthquake rattled Indonesia's West Papua province on Wednesday, officials said.\n\n"
                         "Hundreds of buildings were damaged and 14,000 people fled to camps.")) ==
        V{"'Hundreds' West Papua < Indonesia (article)", "'14,000' West Papua < Indonesia (article)"});
  // "West Papua" is a division; "Central" alone is not (see the compass words).
  CHECK(placed(claims_of("A series of powerful earthquakes rocked Manokwari, the capital of West Papua, on Sunday. One "
                         "tremor was felt as far away as Australia.\n\nAbout 14,000 people fled to camps.")) ==
        V{"'One' West Papua < Indonesia (article)", "'About 14,000' West Papua < Indonesia (article)"});
}

TEST_CASE("places: a place noun or the division after a comma says a run is a place, without 'in'",
          "[claims][places]") {
  CHECK(placed(claims_of("Rescue teams from Jakarta arrived on Tuesday.\n\nAn earthquake hit Aceh "
                         "province, leaving 24 dead.")) == V{"'24' Aceh < Indonesia (sentence)"});
  // A small town's name before a place noun is no place unless its country is named ("Standard", Alberta).
  CHECK(placed(claims_of("The company owns 12 stores in the Standard district.")) == V{"'12' - ()"});
  CHECK(placed(claims_of("BP said its Grangemouth, Scotland, refinery would resume at half its 178,500 bpd "
                         "capacity.")) == V{"'half' Grangemouth < Scotland < United Kingdom (sentence)",
                                            "'178,500 bpd' Grangemouth < Scotland < United Kingdom (sentence)"});
  // Only a division or country that holds the run qualifies it: "Switzerland, Luxembourg" is a list.
  CHECK(placed(claims_of("Hundreds are missing. Germany and Belgium were hit hardest, while Switzerland, Luxembourg "
                         "and the Netherlands also had storms.\n\nMore than 100,000 homes were left without "
                         "power.")) == V{"'Hundreds' Germany (article)", "'More than 100,000' Germany (article)"});
  // "refugee camp" after a name says it is a place, and "el" joins an Arabic name as "al" does.
  CHECK(placed(claims_of("GAZA (Reuters) - Shells hit a school in the Jabalya refugee camp, killing 43 people.")) ==
        V{"'43' Jabalya < Gaza < Palestinian Territory (sentence)"});
  CHECK(placed(claims_of("CAIRO (Reuters) - A bus crash in Sharm el-Sheikh killed 13 people.")) ==
        V{"'13' Sharm el-Sheikh < South Sinai < Egypt (sentence)"});
}

TEST_CASE("places: a small town is a place where its sentence names its country, before or after it",
          "[claims][places]") {
  CHECK(placed(claims_of("Two people were killed at the refinery at Grangemouth in Scotland.")) ==
        V{"'Two' Grangemouth < Scotland < United Kingdom (sentence)"});
  // The lead's town is the article's place (named first, as often as its division).
  CHECK(placed(claims_of("BP said its refinery at Grangemouth in Scotland has been shut down.\n\nHe said the rest of "
                         "the 178,500 bpd refinery was undamaged.",
                         "1987-03-23", "BP GRANGEMOUTH REFINERY SHUT")) ==
        V{"'178,500 bpd' Grangemouth < Scotland < United Kingdom (article)"});
}

TEST_CASE("places: a small town in a division the article named is a place, though no country is named",
          "[claims][places]") {
  // Takengon has no population in the data: bare, it waits for its country;
  // after "Aceh province" it lies in a division the article named.
  CHECK(placed(claims_of("A quake struck Aceh province on Tuesday, killing one person.\n\nAt least five people "
                         "were injured in Takengon.")) ==
        V{"'one' Aceh < Indonesia (sentence)", "'At least five' Takengon < Aceh < Indonesia (sentence)"});
  // So it does where the article's place is the division.
  CHECK(placed(claims_of("A quake struck Aceh province on Tuesday.\n\nOne person died.\n\nAt least five people "
                         "were injured in Takengon.")) ==
        V{"'One' Aceh < Indonesia (article)", "'At least five' Takengon < Aceh < Indonesia (sentence)"});
  CHECK(placed(claims_of("At least five people were injured in Takengon.")) == V{"'At least five' - ()"});
  // A division of another country is no help: "in Congress" stays no town.
  CHECK(placed(claims_of("A quake struck Aceh province.\n\nThe bill won 60 votes in Congress.")) ==
        V{"'60' Aceh < Indonesia (article)"});
}

TEST_CASE("places: 'in the province', 'in the district', 'across the country' name the last place of that level",
          "[claims][places]") {
  CHECK(placed(claims_of(
            "A strong quake hit Indonesia's Aceh province on Tuesday, killing five.\n\nIt killed four "
            "people in Bener Meriah district.\n\nIn 2004 a tsunami killed 170,000 people in the province.")) ==
        V{"'five' Aceh < Indonesia (sentence)", "'four' Kabupaten Bener Meriah < Aceh < Indonesia (sentence)",
          "'170,000' Aceh < Indonesia (sentence)"});
  // With nothing of its level placed before it, the reference names nothing: the dateline stands.
  CHECK(placed(claims_of("MANOKWARI, Indonesia (Reuters) - A quake shook the city on Sunday.\n\nFour people died "
                         "in the province.")) == V{"'Four' Manokwari < West Papua < Indonesia (dateline)"});
  // A place named with a place noun is of that noun's level, whatever the
  // gazetteer's kind ("Adiyaman province" is the city there); the last one
  // named before the reference, not one named after it.
  CHECK(placed(claims_of("Rescuers in Hatay province pulled 12 survivors from the rubble.\n\nIn Adiyaman province, "
                         "40 people died.\n\nAnother 120 people were killed in the province, while rescuers in "
                         "Gaziantep province pulled 30 people out.")) ==
        V{"'12' Hatay < Türkiye (sentence)", "'40' Adiyaman < Türkiye (sentence)",
          "'120' Adiyaman < Türkiye (sentence)", "'30' Gaziantep < Türkiye (sentence)"});
  // Only a place something happened in: not a country that acts ("Egypt has taken in").
  CHECK(placed(claims_of("Fighting killed 30 people in Sudan on Monday.\n\nNeighbouring Egypt has taken in 450,000 "
                         "refugees.\n\nThe war has displaced 8 million people across the country.")) ==
        V{"'30' Sudan (sentence)", "'450,000' Sudan (article)", "'8 million' Sudan (sentence)"});
  // "the district court" is a court.
  CHECK(placed(claims_of("Floods killed 3 people in Miami-Dade County.\n\nA lawsuit filed in the district court "
                         "seeks 5 million dollars.")) ==
        V{"'3' Miami-Dade County < Florida < United States (sentence)",
          "'5 million dollars' Miami-Dade County < Florida < United States (article)"});
  CHECK(placed(claims_of("A strong quake hit Indonesia's Aceh province on Tuesday.\n\nIt killed four people in "
                         "Bener Meriah district.\n\nAt least 22 houses were damaged in the district.")) ==
        V{"'four' Kabupaten Bener Meriah < Aceh < Indonesia (sentence)",
          "'At least 22' Kabupaten Bener Meriah < Aceh < Indonesia (sentence)"});
  // Named, or another one, it is no reference back.
  CHECK(placed(claims_of("A quake hit Aceh province.\n\nTen people died in the neighbouring district.")) ==
        V{"'Ten' Aceh < Indonesia (article)"});
  // Nothing of its level named yet: no place from it.
  CHECK(placed(claims_of("Ten people died in the district.")) == V{"'Ten' - ()"});
}

TEST_CASE("places: a town in apposition, a count for a place, and where a speaker spoke", "[claims][places]") {
  // Amizmiz (14,000 people) named bare waits for its country; "a market town" says it is a place.
  CHECK(placed(claims_of("In Amizmiz, a market town in the mountains, 37 pupils were missing.")) ==
        V{"'37' Amizmiz < Marrakesh-Safi < Morocco (sentence)"});
  CHECK(placed(claims_of("In Amizmiz, 37 pupils were missing.")) == V{"'37' - ()"});
  // A place noun that modifies another is no apposition: "a district official" says nothing of Congress
  // (the United States' by its institutions' cue).
  CHECK(placed(claims_of("Speaking in Congress, a district official said 40 people had died.")) ==
        V{"'40' United States (article)"});
  // After "the city of" a place begins: its first word names it though the run goes on.
  CHECK(placed(claims_of("A truck bomb exploded in the city of Homs Tuesday morning, killing 48 people.")) ==
        V{"'48' Homs < Syria (sentence)"});
  CHECK(placed(claims_of("A truck bomb exploded near the headquarters in the city of Homs Hama, killing 48.")) ==
        V{"'48' Homs < Syria (sentence)"});
  // Only in a country the article named: "the village of Ain Dara" in Syria is no Ain in France.
  CHECK(placed(claims_of("Shelling in Syria hit the village of Ain Dara, killing 19 people.")) ==
        V{"'19' Syria (sentence)"});
  // A city's possessive before a building it has: the figure's place.
  CHECK(placed(claims_of("A bomb near the entrance of Kabul's main mosque killed at least eight people.")) ==
        V{"'at least eight' Kabul < Afghanistan (sentence)"});
  // "the figure for Taroudant" is Taroudant's count.
  CHECK(placed(claims_of("Authorities gave a death toll of 63 for Rhineland-Palatinate state.")) ==
        V{"'63' Rheinland-Pfalz < Germany (sentence)"});
  CHECK(placed(claims_of("Trump won 312 electoral votes to 226 for Harris.")) == V{"'312' - ()", "'226' - ()"});
  CHECK(placed(claims_of("The ministry's figure for Taroudant that day was still 452.")) ==
        V{"'452' Taroudant < Souss-Massa < Morocco (sentence)"});
  // "were reported in Rafah" is where the deaths were.
  CHECK(placed(claims_of("JERUSALEM (Reuters) - Another 40 deaths were reported in Rafah, medics said.")) ==
        V{"'40' Rafah < Gaza < Palestinian Territory (sentence)"});
  // "said in Paris" is where the ministry spoke, not where the two died.
  CHECK(placed(claims_of("An earthquake hit Morocco on Friday, killing 2,000 people.\n\nTwo French nationals were "
                         "killed, the French foreign ministry said in Paris.")) ==
        V{"'2,000' Morocco (article)", "'Two' Morocco (article)"});
}

TEST_CASE("places: a place named as its event's modifier says where the event lies", "[claims][places]") {
  // The article is Aceh's: "Indonesia quake" says no more than that Aceh is in Indonesia.
  CHECK(placed(claims_of("A strong quake hit Indonesia's Aceh province on Tuesday, killing one person.\n\nFive "
                         "dead, dozens injured in Indonesia quake.")) == V{"'one' Aceh < Indonesia (sentence)",
                                                                           "'Five' Aceh < Indonesia (article)",
                                                                           "'dozens' Aceh < Indonesia (article)"});
  // "Elsewhere in the country" after a province: its country.
  CHECK(placed(claims_of("In Al Haouz province, 1,293 people died.\n\nElsewhere in the country, 719 were killed.")) ==
        V{"'1,293' Al-Haouz < Marrakesh-Safi < Morocco (sentence)", "'719' Morocco (sentence)"});
  // A saint's name is no place owning a building.
  CHECK(placed(claims_of("Doctors at St. Mary's hospital treated 12 people.")) == V{"'12' - ()"});
  // Alone, the place stands (as the article's).
  CHECK(placed(claims_of("Five dead, dozens injured in Indonesia quake.")) ==
        V{"'Five' Indonesia (article)", "'dozens' Indonesia (article)"});
  // In a story of elsewhere, too.
  CHECK(placed(claims_of("A storm killed one person in Manila on Monday.\n\nRescuers searched the city.\n\nFive "
                         "dead, dozens injured in Indonesia quake.")) ==
        V{"'one' Manila < Metro Manila < Philippines (sentence)", "'Five' Indonesia (sentence)",
          "'dozens' Indonesia (paragraph)"});
}

TEST_CASE("places: a legislator's party and state name no place", "[claims][places]") {
  // The Senate is the United States' (a country cue), not New York's.
  CHECK(placed(claims_of("Senate Majority Leader Chuck Schumer (D., N.Y.) kept the Senate open to pass the $550 "
                         "billion package.")) == V{"'$550 billion' United States (article)"});
  CHECK(placed(claims_of("The package is worth $550 billion, officials in New York said.")) ==
        V{"'$550 billion' New York < United States (sentence)"});
}

TEST_CASE("places: a name joined by hyphens, and a place named as its source's", "[claims][places]") {
  CHECK(placed(claims_of("In Rhineland-Palatinate, 63 people died, police said.")) ==
        V{"'63' Rheinland-Pfalz < Germany (sentence)"});
  CHECK(placed(claims_of("The toll in North Rhine-Westphalia rose to 43.")) ==
        V{"'43' North Rhine-Westphalia < Germany (sentence)"});
  // "Kabul-based" is no place of its own.
  CHECK(placed(claims_of("A Kabul-based group said 12 people died.")) == V{"'12' - ()"});
  // "Police in Lagos" names the story's city, though not as where it happens.
  CHECK(placed(claims_of("Police in Lagos said 12 people were killed when a building collapsed.\n\nThe death toll "
                         "later rose to 15, rescuers said.")) ==
        V{"'12' Lagos < Nigeria (sentence)", "'15' Lagos < Nigeria (article)"});
  // The county's mayor and officials speak for Surfside, the story's town, in their county.
  CHECK(placed(claims_of("SURFSIDE, Fla. (Reuters) - Officials in Miami-Dade County ended the search for survivors at "
                         "the collapsed tower in Surfside.\n\nMiami-Dade County Mayor Daniella Levine Cava said 159 "
                         "people were unaccounted for.")) == V{"'159' Surfside < Florida < United States (article)"});
}

TEST_CASE("places: a dateline places the story when its title and lead name no place", "[claims][places]") {
  // Israel, named in passing further down ("from Israel's military"), is not what the story is about.
  CHECK(placed(claims_of("SURFSIDE, Fla., July 1 (Reuters) - The death toll from the collapse rose to 18 on Thursday, "
                         "officials said. Searchers were kept off the pile for hours.\n\nA rescue unit from Israel's "
                         "military arrived on Friday.\n\nLawyers filed at least four lawsuits this week.")) ==
        V{"'18' Surfside < Florida < United States (dateline)",
          "'at least four' Surfside < Florida < United States (dateline)"});
}

TEST_CASE("places: 'US' and 'U.S.' in a title or a lead, and a lead that names a country without 'in'",
          "[claims][places]") {
  CHECK(placed(claims_of("Employers added 943,000 jobs in July, the Labor Department said.", "2021-08-06",
                         "US Adds 943,000 Jobs in July")) == V{"'943,000' United States (article)"});
  CHECK(placed(claims_of("The U.S. economy added 943,000 jobs in July, the Labor Department said.")) ==
        V{"'943,000' United States (article)"});
  CHECK(placed(claims_of("At least 26 people died when a car ferry struck a pier as it left Belgium for Britain, a "
                         "nurse said.")) == V{"'At least 26' Belgium (article)"});
  // A title in capitals: "US" is a pronoun there.
  CHECK(placed(claims_of("Officials said 4 people died.", "2021-08-06", "HELP US NOW")) == V{"'4' - ()"});
}

TEST_CASE("places: a title that says nationwide makes the country the story's place", "[claims][places]") {
  const std::string lead =
      "Gunfire killed at least 120 people over the holiday weekend.\n\nIn Chicago, 70 people were shot, police said.";
  // The lead's first town is a part of the country's story, not its place.
  CHECK(placed(claims_of(lead, "2024-07-08", "Holiday weekend shootings leave 120 dead nationwide")) ==
        V{"'at least 120' United States (article)", "'70' Chicago < Illinois < United States (sentence)"});
  CHECK(placed(claims_of(lead, "2024-07-08", "Holiday weekend shootings across the country leave 120 dead")) ==
        V{"'at least 120' United States (article)", "'70' Chicago < Illinois < United States (sentence)"});
  // Without it, the town the lead names is the story's.
  CHECK(placed(claims_of(lead, "2024-07-08", "Holiday weekend shootings leave 120 dead")) ==
        V{"'at least 120' Chicago < Illinois < United States (article)",
          "'70' Chicago < Illinois < United States (sentence)"});
}

TEST_CASE("places: soldiers are counted where they fought, their country names their army", "[claims][places]") {
  // Israeli soldiers killed in a story of Gaza are Gaza's toll, like anyone's killed there.
  const auto abroad = claims_of(
      "Shelling killed 30 people in Gaza City on Tuesday, medics said.\n\nSix Israeli soldiers died on Wednesday, "
      "the army said.");
  CHECK(placed(abroad) == V{"'30' Gaza City < Gaza < Palestinian Territory (sentence)",
                            "'Six' Gaza City < Gaza < Palestinian Territory (article)"});
  REQUIRE(abroad.size() == 2);
  CHECK(abroad[1].subject == "soldiers");
  // "12 U.S. troops": the country named between the count and the noun is the army's too.
  CHECK(placed(claims_of("A suicide bomber killed 12 U.S. troops at the airport in Kabul, the Pentagon said.")) ==
        V{"'12' Kabul < Afghanistan (sentence)"});
  // At home they are counted as its people are: Moroccan soldiers in a story of a Moroccan province are the
  // province's, not Spain's, whose rescuers the sentence names first.
  CHECK(placed(claims_of("The quake killed 900 people in Al Haouz province.\n\nRescuers from Spain and Qatar "
                         "joined 4,000 Moroccan soldiers in the search.")) ==
        V{"'900' Al-Haouz < Marrakesh-Safi < Morocco (sentence)",
          "'4,000' Al-Haouz < Marrakesh-Safi < Morocco (article)"});
}

TEST_CASE("places: foreigners killed where the story is are a subgroup there and a country speaks of its own",
          "[claims][places]") {
  const auto claims = claims_of(
      "Hamas-led militants killed about 1,200 people in Israel on Oct. 7. At least 21 Thai laborers were among the "
      "dead, officials said.");
  CHECK(placed(claims) == V{"'about 1,200' Israel (sentence)", "'At least 21' Israel (paragraph)"});
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].subject == "foreign nationals (Thailand)");
  CHECK(claims[0].subject.empty());
  // Palestinians in a story that located something in Gaza are Gaza's.
  CHECK(placed(claims_of("Militants killed about 1,200 people in Israel on Oct. 7.\n\nAid trucks arrived in Gaza on "
                         "Monday.\n\nAn Israeli strike killed 40 Palestinians on Sunday.")) ==
        V{"'about 1,200' Israel (sentence)", "'40' Gaza < Palestinian Territory (sentence)"});
  // A country's foreign minister or embassy speaks for its citizens there.
  const auto abroad = claims_of(
      "Militants killed about 1,200 people in Israel. France's foreign minister said eight French citizens had been "
      "killed.");
  CHECK(placed(abroad) == V{"'about 1,200' Israel (sentence)", "'eight' Israel (paragraph)"});
  REQUIRE(abroad.size() == 2);
  CHECK(abroad[1].subject == "foreign nationals (France)");
  // A country that speaks of its citizens where the story is: its own place only where the story locates something.
  const auto citizens = claims_of(
      "Militants killed about 1,200 people in Israel.\n\nFrance said two of its nationals were killed and 14 were "
      "unaccounted for.");
  CHECK(placed(citizens) == V{"'about 1,200' Israel (sentence)", "'two' Israel (article)", "'14' Israel (article)"});
  REQUIRE(citizens.size() == 3);
  CHECK(citizens[1].subject == "foreign nationals (France)");
  CHECK(citizens[2].subject == "foreign nationals (France)");
  CHECK(placed(claims_of("Militants killed about 1,200 people in France.\n\nFrance said two of its nationals were "
                         "killed.")) == V{"'about 1,200' France (sentence)", "'two' France (sentence)"});
  // A ministry that counts its citizens killed where the story is speaks of
  // foreigners there, and so of the figures after them in its sentence.
  const auto ministry = claims_of(
      "Militants killed about 1,200 people in Israel.\n\nA spokesman for Ukraine's Foreign Ministry said that two "
      "Ukrainians were killed and nine were injured.\n\nCanadian officials said two Canadians have been killed and "
      "three are missing.");
  CHECK(placed(ministry) == V{"'about 1,200' Israel (sentence)", "'two' Israel (article)", "'nine' Israel (article)",
                              "'two' Israel (article)", "'three' Israel (article)"});
  REQUIRE(ministry.size() == 5);
  CHECK(ministry[1].subject == "foreign nationals (Ukraine)");
  CHECK(ministry[3].subject == "foreign nationals (Canada)");
  // With no other place, the people's noun places the figure (see the demonym test above).
  CHECK(placed(claims_of("The attack killed 30 Americans.")) == V{"'30' United States (sentence)"});
  // In a story from Gaza, "Israel says" places the toll it gives in Israel.
  CHECK(placed(claims_of("GAZA (Reuters) - The toll in Gaza passed 35,000, the Health Ministry said.\n\nIsrael says "
                         "Hamas-led militants killed about 1,200 people in the Oct. 7 attack.")) ==
        V{"'35,000' Gaza < Palestinian Territory (sentence)", "'about 1,200' Israel (sentence)"});
}

TEST_CASE("places: a count from a country is of people from there, where the story is", "[claims][places]") {
  const auto killed = claims_of(
      "Hamas militants killed more than 1,200 people in Israel on Saturday.\n\nOther foreign nationals have been "
      "killed, including at least four people from France and 18 from Thailand.");
  CHECK(placed(killed) ==
        V{"'more than 1,200' Israel (sentence)", "'at least four' Israel (article)", "'18' Israel (article)"});
  REQUIRE(killed.size() == 3);
  CHECK(killed[1].subject == "foreign nationals (France)");
  CHECK(killed[2].subject == "foreign nationals (Thailand)");
  // Where the story is in that country, the people are its own.
  CHECK(placed(claims_of("The airlift from Kabul went on.\n\nTroops evacuated 500 people from Afghanistan on "
                         "Monday.")) == V{"'500' Kabul < Afghanistan (article)"});
}

TEST_CASE("places: a public body that gives a figure its sentence places nowhere speaks of its own place",
          "[claims][places]") {
  CHECK(placed(claims_of("Hundreds of airstrikes have pounded the territory.\n\nMore than 2,808 people have been "
                         "killed, according to the Palestinian Ministry of Health.")) ==
        V{"'Hundreds' - ()", "'More than 2,808' Palestinian Territory (sentence)"});
  CHECK(placed(claims_of("The Gaza Government Press Office said at least 3,731 homes were destroyed.", "2023-10-15",
                         "Israel Orders Evacuation")) == V{"'at least 3,731' Gaza < Palestinian Territory (sentence)"});
  // A company is no public body; a foreign ministry speaks for its citizens where the story is.
  CHECK(placed(claims_of("Swiss Bank Corp said the notes raised 40 mln dlrs.")) == V{"'40 mln dlrs' - ()"});
  CHECK(placed(claims_of("Militants killed about 1,200 people in Israel.\n\nThe French foreign ministry said eight "
                         "people had been killed.")) ==
        V{"'about 1,200' Israel (sentence)", "'eight' Israel (article)"});
}

TEST_CASE("places: a sentence's opening preposition is no part of the place after it", "[claims][places]") {
  CHECK(placed(claims_of("In Chicago, 100 people were struck by gunfire.\n\nIn New York City, at least 26 people were "
                         "shot.")) == V{"'100' Chicago < Illinois < United States (sentence)",
                                        "'at least 26' New York City < New York < United States (sentence)"});
  // A title's "In Tel Aviv, ..." says where its reporter is, as a dateline does.
  CHECK(placed(claims_of("Hamas killed more than 1,400 people.", "2023-10-18", "In Tel Aviv, Biden Urges Restraint")) ==
        V{"'more than 1,400' - ()"});
  // "the Belgian port of Zeebrugge": a place noun before "of" says a place follows.
  CHECK(placed(claims_of("A ferry carrying 540 people sank off the Belgian port of Zeebrugge.")) ==
        V{"'540' Zeebrugge < Flanders < Belgium (sentence)"});
}

TEST_CASE("places: a town the gazetteer does not list is a place when named with its division or country",
          "[claims][places]") {
  // GeoNames keeps places of 1,000 people or more; Murdochville has fewer.
  CHECK(placed(claims_of("Noranda said the fire at its Murdochville, Quebec, copper mine trapped 44 miners.")) ==
        V{"'44' Murdochville < Quebec < Canada (sentence)"});
  CHECK(placed(claims_of("The venture was granted 14.5 square kilometers in Teberebie, Ghana, last year.")) ==
        V{"'14.5 square kilometers' Teberebie < Ghana (sentence)"});
  // The qualifier must close the name: a clause or a list goes on after it.
  CHECK(placed(claims_of("After the quake in the High Atlas, Morocco has paid 2,500 families.")) ==
        V{"'2,500' Morocco (article)"});
  // A namesake the qualifier does not hold is another town: GeoNames knows only England's Warminster.
  CHECK(placed(claims_of("It won a 2.7 mln dlr contract from the center in Warminster, Pa.")) ==
        V{"'2.7 mln dlr' Warminster < Pennsylvania < United States (sentence)"});
  CHECK(placed(claims_of("It will spend 70 mln dlrs at its plant in Westbrook, Me.")) ==
        V{"'70 mln dlrs' Westbrook < Maine < United States (sentence)"});
  // A qualifier that does not hold the town does not make it one: "Bear, Stearns" is a broker.
  CHECK(placed(claims_of("A partnership bought one mln shares from Bear, Stearns and Co Inc.")) == V{"'one' - ()"});
  // Nor is a country in a list a town of the next.
  for (const char* text : {"Sales in the Netherlands, Spain, Venezuela and France rose 12 pct.",
                           "The index covers 900 companies in Europe, Australia and Asia."}) {
    INFO(text);
    const auto listed = claims_of(text);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].entity_parents.empty());  // a country, no town made of a list's name
  }
}

TEST_CASE("places: a table's country label places the figure right after it", "[claims][places]") {
  CHECK(placed(claims_of("Plantings are forecast as follows, Albania 10 (9), Bulgaria 52 (50).")) ==
        V{"'10' Albania (sentence)", "'9' Albania (sentence)", "'52' Bulgaria (sentence)", "'50' Bulgaria (sentence)"});
  // A label places its row only: the next row's figure without a country is not Bulgaria's.
  CHECK(
      placed(claims_of("Plantings are forecast as follows, Bulgaria 52 (50), Oceania 12 (14).")) ==
      V{"'52' Bulgaria (sentence)", "'50' Bulgaria (sentence)", "'12' Bulgaria (article)", "'14' Bulgaria (article)"});
}

TEST_CASE("places: a place a distance is measured from is not where things happen", "[claims][places]") {
  CHECK(placed(claims_of("A well was drilled 65 miles southwest of Houston, Texas.\n\nIt flowed 1,440 barrels a "
                         "day.")) ==
        V{"'65 miles' Texas < United States (article)", "'1,440 barrels' Texas < United States (article)"});
  CHECK(placed(claims_of("Shelling killed 31 people in a town 60 kilometres north-east of Damascus.")) ==
        V{"'31' Syria (sentence)", "'60 kilometres' Syria (paragraph)"});  // somewhere in Damascus's country
  // After an article, a bearing names a part of the place: "the south of France" is in France.
  CHECK(placed(claims_of("Floods killed 12 people in the south of France.")) == V{"'12' France (article)"});
}

TEST_CASE("places: the Arabic article joined to a name is part of it", "[claims][places]") {
  // "Deir al-Balah" was "Deir", "Al-Qamishli" was "Al": neither a place.
  CHECK(placed(claims_of("An airstrike killed 9 people in Deir al-Balah.")) ==
        V{"'9' Deir Al Balah < Gaza < Palestinian Territory (sentence)"});
  CHECK(placed(claims_of("A bomb killed 12 people in Al-Qamishli on Tuesday.")) ==
        V{"'12' Al Qamishli < Al-Hasakah < Syria (sentence)"});
  // A hyphen between two names does not join them: "Israel-Gaza" is no one name.
  CHECK(placed(claims_of("Rockets killed 3 people in Israel-Gaza border towns.")) == V{"'3' Israel (sentence)"});
}

TEST_CASE("places: a mission's seat abroad stands for its country", "[claims][places]") {
  // The embassy speaks from Tel Aviv of its citizens anywhere in Israel: the story's place in that country.
  CHECK(placed(claims_of("Hamas gunmen attacked towns in southern Israel. Hundreds were killed.\n\nThe Russian "
                         "Embassy in Tel Aviv said two Russian nationals were confirmed dead.")) ==
        V{"'Hundreds' Israel (article)", "'two' Israel (article)"});
  // Before, the seat took the figure: "'two' Tel Aviv < Israel (sentence)". A consulate's seat is read the same way.
  CHECK(placed(claims_of("Hamas gunmen attacked towns in southern Israel. Hundreds were killed.\n\nThe Thai "
                         "consulate in Haifa said 18 Thai workers were killed.")) ==
        V{"'Hundreds' Israel (article)", "'18' Israel (article)"});
  // The article's main place still reads the seat: a story about the mission is the seat's.
  CHECK(placed(claims_of("Marines at the U.S. embassy in Moscow were replaced.\n\nAll 28 guards left.")) ==
        V{"'28' Moscow < Russia (article)"});
}

TEST_CASE("places: a country that names whose people were counted is the story's place last", "[claims][places]") {
  // The Kabul airport bombing killed 13 US troops: a Kabul story, not a US one ("airport" is a place noun).
  CHECK(placed(claims_of("Evacuation flights out of Kabul sped up after a bombing killed 13 US troops and 72 Afghans.",
                         "2021-08-27", "Biden vows retaliation for Kabul airport attack")) ==
        V{"'13' Kabul < Afghanistan (article)", "'72' Kabul < Afghanistan (article)"});
  CHECK(placed(claims_of("At least 13 U.S. service members were among dozens killed in twin explosions.", "2021-08-27",
                         "13 US service members killed in twin explosions outside Kabul airport")) ==
        V{"'At least 13' Kabul < Afghanistan (article)", "'dozens' Kabul < Afghanistan (article)"});
  // With no other place, the counted people's country is the story's.
  CHECK(placed(claims_of("A strike by 155,000 U.S. telephone workers entered its third week.")) ==
        V{"'155,000' United States (article)"});
  // A season, a year or a date before a name counts no people: "the 1986/87 Florida crop" is Florida's.
  CHECK(placed(claims_of("The 1986/87 Florida orange crop was put at 122.9 mln boxes.\n\nBrazil's crop is smaller.")) ==
        V{"'1986/87' Florida < United States (article)", "'122.9 mln' Florida < United States (article)"});
  CHECK(placed(claims_of("1987 Florida orange output was 122.9 mln boxes.\n\nBrazil's crop is smaller.")) ==
        V{"'122.9 mln' Florida < United States (article)"});
  CHECK(placed(claims_of("Officials said 13 troops died.", "2021-09-01",
                         "Pentagon reviews Aug. 26 Kabul airport bombing "
                         "in Afghanistan's capital")) == V{"'13' Kabul < Afghanistan (article)"});
}

TEST_CASE("places: a story that names no place is placed by its country's institutions", "[claims][places]") {
  // The lexicon's country_cues: read only when the title and the text name no place.
  CHECK(placed(claims_of("Senators unveiled a $1 trillion bill.\n\nThe Senate passed it 69-30, with 19 Republicans "
                         "joining all 50 Democrats.")) ==
        V{"'$1 trillion' United States (article)", "'19' United States (article)", "'50' United States (article)"});
  CHECK(placed(claims_of("The Kremlin said 12 soldiers were killed.")) == V{"'12' Russia (article)"});
  // A cue in a sentence with no figure counts too; a ticker in angle brackets is no cue.
  CHECK(placed(claims_of("Officials met at the White House on Monday.\n\nThe bill sets aside 12 billion dlrs.")) ==
        V{"'12 billion dlrs' United States (article)"});
  CHECK(placed(claims_of("Shares of &lt;FBI> rose 12 pct.")) == V{"'12 pct' - ()"});
  // A cue at the end of a longer name is another country's.
  CHECK(placed(claims_of("The Christian Democrats won 34 pct of the vote.")) == V{"'34 pct' - ()"});
  CHECK(placed(claims_of("The Philippine Senate approved a 13.2 billion dlr debt pact.")) ==
        V{"'13.2 billion dlr' - ()"});
  // A place the story names wins over any cue.
  CHECK(placed(claims_of("The White House said 12 aid workers were killed in Gaza.")) ==
        V{"'12' Gaza < Palestinian Territory (sentence)"});
  CHECK(placed(claims_of("Biden spoke to Congress.\n\nThe strike killed 12 people in Gaza.")) ==
        V{"'12' Gaza < Palestinian Territory (sentence)"});
  // A dateline stands before any cue.
  CHECK(placed(claims_of("ATHENS (Reuters) - The Senate said 12 people were hurt.")) ==
        V{"'12' Athens < Attica < Greece (dateline)"});
}

TEST_CASE("places: a country's acronym in parentheses is no stock ticker", "[claims][places]") {
  // A ticker in parentheses has an exchange's dot or follows a name in
  // capitals; "(UAE)" after the country's name took the country away.
  CHECK(dumps(claims_of("The United Arab Emirates (UAE) reported that 12 people were killed in the blast.")) ==
        V{"'12' deaths United Arab Emirates <United Arab Emirates: reported>"});
}

TEST_CASE("places: only names the lexicon or the gazetteer knows are places", "[claims][places]") {
  // Words of a company's or a region's name that are also some town's or division's:
  // "in Standard Oil" (Standard, Alberta), "at Rohr's plants" (Rohr, Bavaria), "the Gulf" (Gulf, Papua New Guinea).
  CHECK(placed(claims_of("BP owns a 55 pct interest in Standard Oil.")) == V{"'55 pct' - ()"});
  CHECK(placed(claims_of("Under the pact, 4,600 union members at Rohr's plants will receive payments.")) ==
        V{"'4,600' - ()"});
  CHECK(placed(claims_of("Freight rates firmed on the outlook for 12 vessel loadings at the Gulf.")) == V{"'12' - ()"});
  // A small town or a county named by one word, in a country nothing names: "in Congress" (Arizona),
  // "switched to Williams" (California), "Douglas Danforth" (Douglas, Isle of Man).
  CHECK(placed(claims_of("The bill won 60 votes in Congress.")) == V{"'60' United States (article)"});
  CHECK(placed(claims_of("Bunzl once held a 2.6 pct stake, then switched to Williams.")) == V{"'2.6 pct' - ()"});
  CHECK(placed(claims_of("The document describes discussions with Douglas Danforth on a 70 dlr offer.")) ==
        V{"'70 dlr' - ()"});
  // Qualified, or in a country the sentence names, a small town is a place.
  CHECK(placed(claims_of("Carmike opened a six-screen theater in Milledgeville, Ga.")) ==
        V{"'six' Milledgeville < Georgia < United States (sentence)"});
  // An acronym names a country or an organization: "interests in KEP" is no Kep province.
  CHECK(placed(claims_of("It sold 3,200,000 units representing interests in KEP.")) == V{"'3,200,000' - ()"});
  CHECK(placed(claims_of("The UAE exported 1.2 mln barrels.")) ==
        V{"'1.2 mln barrels' United Arab Emirates (article)"});
  // A title in capitals says nothing of names: "IN FERRY DISASTER" is no town called Ferry.
  CHECK(placed(claims_of("At least 26 people died when a car ferry struck a pier.", "1987-03-06",
                         "26 REPORTED DEAD IN FERRY DISASTER")) == V{"'At least 26' - ()"});
  CHECK(placed(claims_of("At least 26 people died when a car ferry struck a pier.", "1987-03-06",
                         "26 REPORTED DEAD IN BELGIUM FERRY DISASTER")) == V{"'At least 26' Belgium (article)"});
  // A division named only by bearings, in any language, is no place in a title in capitals: "NORD EST" (Haiti's
  // Nord-Est) is a French company.
  CHECK(placed(claims_of("Holding company Nord Est plans a bond issue of 400 mln francs.", "1987-03-06",
                         "NORD EST PLANS 400 MLN FRANC BOND ISSUE")) == V{"'400 mln francs' - ()"});
  // A country's old name that a division now bears: "Zaire" in a tin story is Congo's, not Angola's province.
  CHECK(placed(claims_of("Zaire agreed to limit its tin exports to 1,500 tonnes.")) ==
        V{"'1,500 tonnes' Democratic Republic of the Congo (article)"});
  // A title's run cut before a hyphen still begins with its country.
  CHECK(placed(claims_of("Finance Minister Michael Wilson said the reform cuts 12 pct of the tax.", "1987-06-18",
                         "CANADA SETS WIDE-RANGING PERSONAL TAX CHANGES")) == V{"'12 pct' Canada (article)"});
  // A title's company before its stock ticker names no place: Piedmont (Italy's), the U.S., America.
  CHECK(placed(claims_of("Piedmont Aviation Inc said February cargo ton miles rose 33.9 pct.", "1987-03-06",
                         "PIEDMONT AIR &lt;PIE> FEBRUARY FREIGHT TRAFFIC UP")) == V{"'33.9 pct' - ()"});
  CHECK(placed(claims_of("Net profit rose 12 pct.", "1987-03-06", "U.S. HEALTH INC <USHI> 2ND QTR NET")) ==
        V{"'12 pct' - ()"});
  CHECK(placed(claims_of("Net profit rose 12 pct.", "1987-03-06", "EQUIPMENT CO OF AMERICA (ECOA) 4TH QTR NET")) ==
        V{"'12 pct' - ()"});
  // Nor does a ticker, a company Reuters marks in angle brackets, or the words before a ticker in the lead.
  CHECK(placed(claims_of("Union Carbide France, a unit of Union Carbide Corp &lt;UK>, bid 2,100 francs a share.",
                         "1987-04-10", "UNION CARBIDE FRENCH UNIT IN TAKEOVER BID")) == V{"'2,100 francs' - ()"});
  CHECK(placed(claims_of("Oper shr loss 26 cts vs profit 22 cts.", "1987-03-06",
                         "&lt;HANOVER COS INC> 3RD QTR LOSS")) == V{"'26' - ()", "'22' - ()"});
  CHECK(placed(claims_of("Maxtor Corp and U.S. Design Corp &lt;USDC> agreed on a price of 3 dlrs a share.")) ==
        V{"'3 dlrs' - ()"});
  // A title's runs of three words do not cut a name: "DROPS NEW" + "ZEALAND" is New Zealand, not
  // Zealand (Denmark); a word read from inside a run is a country's name, not a division's ("NORANDA FOREST").
  CHECK(placed(claims_of("Westpac Banking Corp said it cut its indicator lending rate to 22 pct.", "1987-06-12",
                         "WESTPAC DROPS NEW ZEALAND INDICATOR LENDING RATE")) == V{"'22 pct' New Zealand (article)"});
  CHECK(placed(claims_of("Its profit rose 20 pct.", "1987-06-12", "NORANDA FOREST SEES STRONG PROFIT")) ==
        V{"'20 pct' - ()"});
  CHECK(placed(claims_of("Markets close early in Tuesdays, and 40 people were hurt.")) == V{"'40' - ()"});
  CHECK(placed(claims_of("Nine people were killed in Suicide Bombing Near the border.")) == V{"'Nine' - ()"});
  // Part of a longer name, a people's adjective, a person's possessive: no place.
  CHECK(placed(claims_of("Two girls were taken to Al-Shifa Hospital, where 30 people were hurt.")) ==
        V{"'Two' - ()", "'30' - ()"});
  CHECK(placed(claims_of("In one flooded German town, 12 people died.")) == V{"'one' - ()", "'12' - ()"});
  CHECK(placed(claims_of("Gray's autopsy showed he had been shot 7 times.")) == V{"'7' - ()"});
  CHECK(placed(claims_of("About 60 people marched on Church Ave. near the station.")) == V{"'About 60' - ()"});
  // A division before a small namesake town: Scotland, not Scotland in Pennsylvania.
  CHECK(placed(claims_of("A fire killed 2 people in Scotland.")) == V{"'2' Scotland < United Kingdom (sentence)"});
  // A country has no parents; a town whose division the data does not know is in its country.
  CHECK(placed(claims_of("Floods killed 12 people in Qatar.")) == V{"'12' Qatar (sentence)"});
  CHECK(placed(claims_of("A sandstorm killed 3 people in Laayoune.")) == V{"'3' Laayoune < Western Sahara (sentence)"});
}

TEST_CASE("scope: weekdays resolve against the publication date, 'since' opens the scope", "[claims]") {
  // 2024-05-13 was a Monday; "as of Saturday" is May 11.
  const auto claims = claims_of("As of Saturday, 35,000 people had died in Gaza since Oct. 7.");
  REQUIRE(claims.size() == 1);
  CHECK(fmt::format("{}", *claims[0].reference_date) == "2024-05-11");
  CHECK(fmt::format("{}", *claims[0].since) == "2023-10-07");
  // No day named: the publication date.
  const auto plain = claims_of("Officials said 12 people died in Gaza.");
  CHECK(fmt::format("{}", *plain[0].reference_date) == "2024-05-13");
  CHECK_FALSE(plain[0].since.has_value());
  // "Saturday's blast": the day of the event; a day a cue names comes first.
  const auto possessive = claims_of("Officials said 12 people died in Saturday's blast in Kabul.");
  CHECK(fmt::format("{}", *possessive[0].reference_date) == "2024-05-11");
  const auto both = claims_of("Officials said on Sunday that 12 people died in Saturday's blast in Kabul.");
  CHECK(fmt::format("{}", *both[0].reference_date) == "2024-05-12");
}

TEST_CASE("hedges are recorded", "[claims]") {
  const auto claims = claims_of("The mayor said the toll could reach 20,000 in Derna.");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].hedges == V{"could"});
}

TEST_CASE("the JSON line has every field of the output contract", "[claims]") {
  const auto claims = claims_of("At least 35,000 people were killed in Gaza, according to health officials.");
  REQUIRE(claims.size() == 1);
  const auto json = nlohmann::json::parse(crosscheck::claim_json(claims[0]));
  for (const char* key : {"article", "source", "file", "line", "column", "text", "value", "low", "high", "qualifier",
                          "unit", "metric", "entity", "subject", "attribution"}) {
    INFO(key);
    CHECK(json.contains(key));
  }
  CHECK(json["text"] == "At least 35,000");
  CHECK(json["value"] == 35000);
  CHECK(json["low"] == 35000);
  CHECK(json["high"].is_null());
  CHECK(json["qualifier"] == "at_least");
  CHECK(json["metric"] == "deaths");
  CHECK(json["entity"] == "Gaza");
  CHECK(json["subject"].is_null());
  CHECK(json["line"] == 1);
  CHECK(json["column"] == 1);
  CHECK(json["attribution"]["cue"] == "according to");
  CHECK(json["attribution"]["text"] == "health officials");
}

TEST_CASE("claims read back from JSON: a wrong type is refused with its key, never thrown", "[claims]") {
  const std::string good =
      R"({"article":"a","file":"a.md","text":"11,300","value":11300,"low":11300,"high":11300,"qualifier":"exact",)"
      R"("low_open":false,"high_open":false,"attribution":{"text":"the Red Crescent","authority":"Libyan Red Crescent",)"
      R"("cue":"said"}})";
  std::string error;
  const auto claim = crosscheck::claim_from_json(good, error);
  REQUIRE(claim);
  CHECK(claim->figure.value == 11300);
  CHECK(claim->attribution->authority == "Libyan Red Crescent");

  // Found by fuzzing (tests/fuzz/claims_jsonl/crash-low-open-string.jsonl): a string where a flag belongs.
  auto refusal = [](std::string line) {
    std::string why;
    CHECK_FALSE(crosscheck::claim_from_json(line, why));
    return why;
  };
  CHECK(refusal(R"({"article":"a","file":"a.md","text":"1","value":1,"qualifier":"exact","low_open":"yes"})") ==
        "\"low_open\" must be true or false");
  CHECK(refusal(R"({"article":"a","file":"a.md","text":"1","value":1,"qualifier":7})") ==
        "\"qualifier\" must be a string such as \"exact\" or \"at_least\"");
  CHECK(refusal(R"({"article":"a","file":"a.md","text":"1","value":"one","qualifier":"exact"})") ==
        "\"value\" must be a number or null");
  // Wrong types inside the attribution are left out, not thrown.
  const auto odd = crosscheck::claim_from_json(
      R"({"article":"a","file":"a.md","text":"1","value":1,"qualifier":"exact","attribution":{"authority":5}})", error);
  REQUIRE(odd);
  CHECK(odd->attribution->authority.empty());
}

TEST_CASE("claims read back from JSON: an inverted interval, a place past 32 bits, a value past the ceiling",
          "[claims]") {
  // Issue 14: the --claims reducer took low > high, and line 2^40 wrapped to 0.
  auto refusal = [](const std::string& fields) {
    std::string why;
    const auto claim = crosscheck::claim_from_json(
        R"({"article":"a","file":"a.md","text":"1","qualifier":"exact",)" + fields + "}", why);
    CHECK_FALSE(claim);
    return why;
  };
  CHECK(refusal(R"("value":5,"low":9,"high":5)") == "\"low\" 9 is above \"high\" 5: not an interval");
  CHECK(refusal(R"("value":5,"low":5,"high":5,"line":1099511627776)") ==
        "\"line\" must be a whole number from 0 to 4294967295");
  CHECK(refusal(R"("value":5,"line":-1)") == "\"line\" must be a whole number from 0 to 4294967295");
  CHECK(refusal(R"("value":5,"column":2.5)") == "\"column\" must be a whole number from 0 to 4294967295");
  CHECK(refusal(R"("value":1e300,"low":1e300,"high":1e300)") ==
        "\"value\" is 1e+300, beyond 1e+18, the largest figure crosscheck reads");
  CHECK(refusal(R"("value":5,"low":5,"high":-1e19)") ==
        "\"high\" is -1e+19, beyond 1e+18, the largest figure crosscheck reads");
  // The largest place and an open interval (null ends) still read.
  std::string error;
  const auto open = crosscheck::claim_from_json(
      R"({"article":"a","file":"a.md","text":"over 5","qualifier":"more_than","value":5,"low":5,"high":null,)"
      R"("line":4294967295,"column":1})",
      error);
  REQUIRE(open);
  CHECK(open->line == 4294967295u);
  CHECK(std::isinf(open->figure.high));
}

TEST_CASE("the phrase index tells a sentence that can hold no place from one that may", "[claims]") {
  // Each phrase stands for its longest word ("enclave", not "the"; never the
  // "." of "U.S."), which the claims stage has the quantities reader watch for
  // as it reads (a WordWatch).
  using crosscheck::claims::PhraseKind;
  crosscheck::claims::PhraseIndex index;
  index.add("the enclave", PhraseKind::entity, 0);
  index.add("U.S.", PhraseKind::entity, 1);
  index.add("killed", PhraseKind::metric, 0);
  CHECK(index.longest_words(PhraseKind::entity) == std::vector<std::string>{"enclave", "u"});
  CHECK(index.longest_words(PhraseKind::metric) == std::vector<std::string>{"killed"});
  crosscheck::QuantityReader reader;
  const crosscheck::WordWatch places(index.longest_words(PhraseKind::entity));
  std::vector<crosscheck::Quantity> figures;
  const auto names_place = [&](std::string_view text) { return reader.read(text, figures, places); };
  CHECK(names_place("Strikes across the Enclave killed 20."));
  CHECK(names_place("The U.S. said so."));
  CHECK_FALSE(names_place("The storm killed 20 in the town."));
  CHECK_FALSE(names_place(""));
}

TEST_CASE("a claim's JSON escapes what JSON must and reads back the same", "[claims]") {
  crosscheck::Claim claim;
  claim.article = "a\"b\\c";
  claim.file = "corpora/t\xC3\xBCrkiye.md";  // "türkiye", kept as UTF-8
  claim.line = 3;
  claim.column = 7;
  claim.text = "1.4 million";
  claim.figure.value = 1.4e6;
  claim.figure.low = 1.33e6;
  claim.figure.high = std::numeric_limits<double>::infinity();
  claim.figure.unit = "people";
  claim.metric = "deaths";
  claim.hedges = {"could", "alleged"};
  claim.sentence = std::string("Tab\there, line\nbreak, bell\x07 and \xE2\x80\x9Cquotes\xE2\x80\x9D.");
  claim.attribution = crosscheck::Attribution{"the ministry", "Health Ministry", "said", ""};
  const std::string json = crosscheck::claim_json(claim);
  CHECK(json.find(R"("article":"a\"b\\c")") != std::string::npos);
  CHECK(json.find("\"file\":\"corpora/t\xC3\xBCrkiye.md\"") != std::string::npos);
  CHECK(json.find(R"("value":1400000,"low":1330000.0,"high":null)") == std::string::npos);
  CHECK(json.find(R"("value":1400000,"low":1330000,"high":null,"low_open":false)") != std::string::npos);
  CHECK(json.find(R"("sentence":"Tab\there, line\nbreak, bell\u0007 and )") != std::string::npos);
  CHECK(
      json.find(R"("attribution":{"text":"the ministry","authority":"Health Ministry","cue":"said","citing":null})") !=
      std::string::npos);
  CHECK(json.find(R"("hedges":["could","alleged"])") != std::string::npos);
  std::string error;
  const std::optional<crosscheck::Claim> back = crosscheck::claim_from_json(json, error);
  REQUIRE(back);
  CHECK(back->article == claim.article);
  CHECK(back->sentence == claim.sentence);
  CHECK(back->figure.low == 1.33e6);
  CHECK(std::isinf(back->figure.high));
  // A value that is not whole keeps its fraction.
  claim.figure.value = 0.08;
  CHECK(crosscheck::claim_json(claim).find(R"("value":0.08,)") != std::string::npos);
  // Invalid UTF-8 (never from ingest, but a lexicon name could carry it) is replaced, not thrown.
  claim.entity = "bad\xFF";
  const auto parsed = nlohmann::json::parse(crosscheck::claim_json(claim));
  CHECK(parsed["entity"] == "bad\xEF\xBF\xBD");
}

TEST_CASE("a bundled article: every figure's metric, place, subgroup and source", "[claims]") {
  // The seed's checks on an article of corpora/, which every clone has.
  const std::string text = crosscheck::testing::corpus_article_body("gaza-may-2024/meridian-2024-05-12.md");
  const auto claims = claims_of(text, "2024-05-12", "Gaza death toll passes 35,000 as Israel pushes deeper into Rafah");
  REQUIRE(claims.size() == 7);
  const V dumped = dumps(claims);
  CHECK(dumped[0] == "'At least 35,034' deaths Gaza <Gaza Health Ministry: said>");
  CHECK(dumped[1] == "'78,755' injuries Gaza <Gaza Health Ministry: said>");
  CHECK(dumped[2].starts_with("'63' deaths Gaza [day] <"));  // "over the past 24 hours"
  // TODO(#18): the U.N. in "where the U.N. says some 1.4 million" is its source,
  // and "the city" UNRWA speaks of is Rafah; today the first is unattributed
  // and the second filed under Gaza. Only what is read right is asserted here.
  CHECK(dumped[3].starts_with("'some 1.4 million' population Rafah <"));
  CHECK(dumped[4].starts_with("'nearly 300,000' displaced "));
  CHECK(dumped[4].ends_with("<UNRWA: said>"));
  // "Oct. 7" opens the toll's scope; "on Sunday" is the day of publication.
  REQUIRE(claims[0].since.has_value());
  CHECK(fmt::format("{}", *claims[0].since) == "2023-10-07");
  CHECK(fmt::format("{}", *claims[0].reference_date) == "2024-05-12");
  CHECK(claims[0].attribution->text == "Health Ministry in the Hamas-run territory");
  CHECK_FALSE(claims[0].in_quote);
  // The mother's "six times" is inside her quotation, and no toll.
  CHECK(claims[6].in_quote);
  CHECK(claims[6].metric.empty());
}

TEST_CASE("the claims of one sentence share its text rather than copy it", "[claims]") {
  std::string text = "In Gaza, ";
  for (int i = 1; i <= 300; ++i) text += std::to_string(i) + " people were killed, ";
  text += "officials said.";
  const auto claims = claims_of(text);
  REQUIRE(claims.size() == 300);
  CHECK(claims[0].sentence == text);
  for (const auto& claim : claims) CHECK(&claim.sentence.str() == &claims[0].sentence.str());
  // Every figure still finds its own metric, place and speaker.
  CHECK(dumps({claims.front(), claims.back()}) ==
        std::vector<std::string>{"'1' deaths Gaza <officials: said>", "'300' deaths Gaza <officials: said>"});
}

TEST_CASE("a figure looks for its metric at most kSearchWindow words away", "[claims]") {
  // Punctuation that weighs nothing ("IRAN LT.........19.25", a flattened
  // price table) keeps a metric word near in score however far in words;
  // past 1,000 words it is not looked at.
  const auto metric_across = [](int dots) {
    std::string text = "In Gaza 5";
    for (int i = 0; i < dots; ++i) text += " /";
    text += " killed.";
    const auto claims = claims_of(text);
    return claims.empty() ? std::string("no claim") : claims[0].metric;
  };
  CHECK(metric_across(10) == "deaths");
  CHECK(metric_across(990) == "deaths");
  CHECK(metric_across(1010).empty());
}

TEST_CASE("a terminal's colour codes around a figure change nothing of the claim", "[claims][bad-input]") {
  // Issue 14: "ESC[31mkilled" hid the verb ("31mkilled") and made "31m" a claim.
  CHECK(dumps(claims_of("The storm \x1b[31mkilled\x1b[0m 40 people in Derna.")) ==
        V{"'40' deaths Derna <unattributed>"});
  CHECK(dumps(claims_of("In Gaza \xc2\x9b"
                        "1m78,500\xc2\x9b"
                        "0m were injured.")) == V{"'78,500' injuries Gaza <unattributed>"});
}

TEST_CASE("a claim holds the figure its quantity was read as, and no more per claim", "[claims]") {
  // One model of a figure: what the quantities stage read is what the claim
  // carries, whole (issue 16), without the text ranges that only mean
  // something inside the sentence (issue 21 holds ten million claims).
  const std::string sentence = "Nearly 80,000 people were wounded in Gaza, officials said.";
  const auto claims = claims_of(sentence);
  crosscheck::QuantityReader reader;
  const auto quantities = reader.read(sentence);
  REQUIRE(claims.size() == 1);
  REQUIRE(quantities.size() == 1);
  const crosscheck::Figure& read = quantities[0];
  CHECK(claims[0].figure == read);
  CHECK(claims[0].figure.qualifier == crosscheck::Qualifier::nearly);
  CHECK(claims[0].figure.interval_text() == "[76000, 80000)");
  CHECK(claims[0].figure.noun == "people");
  static_assert(sizeof(crosscheck::Claim) <= 560, "a claim grew: ten million of them are held (issue 21)");
}

TEST_CASE("counted nouns: things and families are no count of people, deaths and arrests are", "[claims]") {
  // A count of things gets no metric that counts people: its own clause's.
  CHECK(dumps(claims_of("Palestinian authorities said 900 people had been killed and about 168 buildings had been "
                        "damaged.")) ==
        V{"'900' deaths Palestinian Territory <Palestinian authorities: said>",
          "'about 168' buildings_destroyed Palestinian Territory <Palestinian authorities: said>"});
  CHECK(dumps(claims_of("The family was among 55 families killed during nine days of airstrikes.")) ==
        V{"'55' - - <unattributed>"});
  // Deaths, injuries and arrests befall one person each.
  const auto deaths = claims_of("The WHO's figures show 3,958 deaths in Libya.");
  REQUIRE(deaths.size() == 1);
  CHECK(deaths[0].figure.unit == "people");
  CHECK(deaths[0].metric == "deaths");
  // The noun is not looked for past a preposition: "killed 15 in airstrikes"
  // counts people, and so does "killed 24 amid airstrikes".
  CHECK(dumps(claims_of("Israeli forces killed 24 amid airstrikes, the ministry said.")) ==
        V{"'24' deaths - <ministry: said>"});
  CHECK(dumps(claims_of("Israeli forces killed 15 in airstrikes on Monday, officials said.")) ==
        V{"'15' deaths - <officials: said>"});
  // "11 of its workers": the noun after "of its".
  const auto workers = claims_of("The agency said 11 of its workers had been killed.");
  REQUIRE(workers.size() == 1);
  CHECK(workers[0].figure.noun == "workers");
  CHECK(workers[0].metric == "deaths");
}

// WorldPlaces caches the places of names that are places and empties the
// cache when it grows past its bound (4,096 names), but only as a resolve()
// begins: "Paris, Texas" asks for two names in one resolve, and both answers
// must stay valid (the sanitizer build would see a dangling one).
TEST_CASE("places: a name resolves the same the first time, again, and after the cache of names is emptied",
          "[claims][places]") {
  crosscheck::claims::WorldPlaces world(lexicon(), crosscheck::Gazetteer::built_in());
  const crosscheck::claims::PlaceContext none;
  const auto resolve = [&](std::string_view name, std::string_view within = {}) {
    const auto place = world.resolve(name, none, within);
    return place ? place->name + " (" + place->country + ")" : std::string("-");
  };
  const auto answers = [&] {
    return std::vector<std::string>{resolve("Paris", "Texas"), resolve("Paris"),    resolve("PARIS"), resolve("Zürich"),
                                    resolve("Khan Sheikhoun"), resolve("Tuesdays"), resolve("Derna")};
  };
  const std::vector<std::string> expected{"Paris (US)",         "Paris (FR)", "Paris (FR)", "Zurich (CH)",
                                          "Khan Shaykhun (SY)", "-",          "Derna (LY)"};
  CHECK(answers() == expected);
  CHECK(answers() == expected);
  // Over 4,096 other place names (the gazetteer's own, from its file) empty the cache at least once.
  std::ifstream file(std::string(CROSSCHECK_SOURCE_DIR) + "/data/gazetteer/places.tsv", std::ios::binary);
  REQUIRE(file);
  std::size_t asked = 0;
  for (std::string line; asked < 10'000 && std::getline(file, line);) {
    if (line.starts_with("#")) continue;
    std::stringstream fields(line);
    std::string key, id, kind, country, parent, population, name;
    for (std::string* field : {&key, &id, &kind, &country, &parent, &population, &name})
      std::getline(fields, *field, '\t');
    if (resolve(name, "Texas") != "-") ++asked;
    if (asked % 1000 == 0) CHECK(answers() == expected);
  }
  CHECK(asked == 10'000);
  CHECK(answers() == expected);
}

// The places code asks of every capitalized word whether it is a weekday or
// a month; the calendar turns most words away by their first two and three
// letters before comparing names. Those tables must not turn away a
// calendar word, an abbreviation or a misspelt month.
TEST_CASE(
    "weekdays, months, their abbreviations and misspellings are calendar words, not the words that start like them",
    "[claims]") {
  const auto is_calendar_word = [](const std::string& text) {
    std::string lower;
    crosscheck::claims::lower_ascii(text, lower);
    crosscheck::claims::Word word;
    word.text = text;
    word.lower = lower;
    word.capitalized = !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
    return crosscheck::claims::is_weekday_or_month(word);
  };
  for (const char* yes :
       {"Sunday",   "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",  "Saturday",  "January",  "February",
        "March",    "April",  "May",     "June",      "July",     "August",  "September", "October",  "November",
        "December", "Jan",    "Feb",     "Mar",       "Apr",      "Jun",     "Jul",       "Aug",      "Sep",
        "Sept",     "Oct",    "Nov",     "Dec",       "JANUARY",  "Febuary", "Septmber",  "Novembre", "Decembr"}) {
    INFO(yes);
    CHECK(is_calendar_word(yes));
  }
  for (const char* no : {"The", "Mark", "Sales", "Augusta", "Marchers", "Sunnyvale", "Thus", "Frank", "Monsanto",
                         "Juneau", "Octopus", "Decree", "Tue", "sunday", "Ma", "Su", "It", "J"}) {
    INFO(no);
    CHECK_FALSE(is_calendar_word(no));
  }
}

// WorldPlaces asks its lexicon names only of the names a small filter lets
// through, and caches the place of the people-nouns the gazetteer's filter
// lets through: every lexicon name and alias must still resolve to a
// lexicon entity, and a people-noun answer the same the first time and from
// the cache, with many other words asked in between.
TEST_CASE("places: every lexicon name and alias is the lexicon's, and people-nouns answer the same from the cache",
          "[claims][places]") {
  crosscheck::claims::WorldPlaces world(lexicon(), crosscheck::Gazetteer::built_in());
  const crosscheck::claims::PlaceContext none;
  for (const crosscheck::Entity& entity : lexicon().entities) {
    std::vector<std::string> names{entity.name};
    names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
    for (const std::string& name : names) {
      INFO(name);
      const auto place = world.resolve(name, none);
      REQUIRE(place);
      CHECK(place->in_lexicon);
    }
  }
  const auto people = [&](std::string_view word) {
    const auto place = world.demonym(word);
    return place ? place->name : std::string("-");
  };
  const auto answers = [&] {
    return std::vector<std::string>{people("Afghans"), people("Israelis"), people("Tuesdays"), people("Chinese")};
  };
  const std::vector<std::string> expected{"Afghanistan", "Israel", "-", "China"};
  CHECK(answers() == expected);
  for (int i = 0; i < 20'000; ++i) CHECK(people("Word" + std::to_string(i)) == "-");
  CHECK(answers() == expected);
}

TEST_CASE("structure: a speech verb's subject the words around it do not show", "[claims][structure]") {
  // A person described, not a known source noun; the subject after the verb; a
  // name cut off by an adjective.
  CHECK(dumps(claims_of("A local teacher said 37 of his pupils were missing.")) ==
        V{"'37' missing - <local teacher: said>"});
  CHECK(dumps(claims_of("Rebel fire killed 1,102 people, said the Observatory.")) ==
        V{"'1,102' deaths - <Syrian Observatory for Human Rights: said>"});
  // (Since "media" is a source noun the words show this one too, and the
  // speaker's place places the figures.)
  CHECK(dumps(claims_of("At least 700 people were killed and thousands wounded in the attacks, Israeli media said on "
                        "Sunday.")) ==
        V{"'At least 700' deaths Israel <Israeli media: said>", "'thousands' injuries Israel <Israeli media: said>"});
  CHECK(dumps(claims_of("Syrian state media gave a toll of 44 dead in the bombing.")) ==
        V{"'44' deaths Syria <Syrian state media: gave>"});
  // "gave way" is no speech.
  CHECK(dumps(claims_of("The dams above the town gave way on Sunday and 5,300 people were killed.")) ==
        V{"'5,300' deaths - <unattributed>"});
  CHECK(dumps(claims_of("The interior ministry raised the death toll to 2,497 on Monday.")) ==
        V{"'2,497' deaths - <interior ministry: raised>"});
  // The toll named with its event or its standing, or lowered.
  CHECK(dumps(claims_of("The interior ministry raised the earthquake death toll to 2,497 on Monday.")) ==
        V{"'2,497' deaths - <interior ministry: raised>"});
  CHECK(dumps(claims_of("Officials lowered the death toll to 1,011 after counting some victims twice.")) ==
        V{"'1,011' deaths - <Officials: lowered>"});
  CHECK(dumps(claims_of("Israeli tanks pushed into eastern Rafah, where the U.N. says some 1.4 million people had been "
                        "sheltering.")) == V{"'some 1.4 million' population Rafah <United Nations: says>"});
  // A plain noun phrase before the verb, read from the words.
  CHECK(dumps(claims_of("The company said it will sell 1,500,000 shares.")) == V{"'1,500,000' - - <company: said>"});
}

TEST_CASE("structure: the speaker of a verb another speaker reports", "[claims][structure]") {
  // "it" is UNICEF, not a speaker of an earlier sentence.
  CHECK(dumps(claims_of("The ministry said 12 people died. UNICEF said it estimated that about 100,000 children had "
                        "been affected by the quake.")) ==
        V{"'12' deaths - <ministry: said>", "'about 100,000' affected - (children) <UNICEF: estimated>"});
  CHECK(dumps(claims_of("The UN said earlier that it had confirmed 30 dead.")) ==
        V{"'30' deaths - <United Nations: confirmed>"});
  // Not across "but": "he" is someone else, whom no sentence before names.
  CHECK(dumps(claims_of("The ministry said 12 people died, but he said 20 were killed.")) ==
        V{"'12' deaths - <ministry: said>", "'20' deaths - <unattributed>"});
  // The assessment is what the official cites; the official is the source.
  CHECK(dumps(claims_of("A defense official said an early assessment showed that at least 150 people had been taken "
                        "hostage.")) == V{"'at least 150' hostages - <defense official: said>"});
}

TEST_CASE("structure: a metric word too far for the words, linked by the tree", "[claims][structure]") {
  CHECK(
      dumps(claims_of("At least 72 people including nine children were killed in an airstrike on the town on Tuesday, "
                      "a monitor said.")) ==
      V{"'At least 72' deaths - <monitor: said>", "'nine' deaths - (children) <monitor: said>"});
  // Rockets and raids are not tolls: no metric through "fired" or "in ... raids".
  CHECK(dumps(claims_of("Palestinian forces fired at least 70 rockets at towns in the south.")) ==
        V{"'at least 70' - - <unattributed>"});
  CHECK(dumps(claims_of("Two people were killed in nearly 40 air raids.")) ==
        V{"'Two' deaths - <unattributed>", "'nearly 40' - - <unattributed>"});
}

TEST_CASE("scope: a part counted on top of another figure", "[claims][scope]") {
  CHECK(dumps(claims_of("Another 10 bodies were recovered from the river on Sunday, police said.")) ==
        V{"'10' deaths - [part] <police: said>"});
  CHECK(dumps(claims_of("An additional 15 workers were injured, the company said.")) ==
        V{"'15' injuries - [part] <company: said>"});
  // A list of the dead: the soldiers are a subgroup, the others a part.
  CHECK(dumps(claims_of("The blast killed 9 soldiers and at least 40 other people, the army said.")) ==
        V{"'9' deaths - (soldiers) <military: said>", "'at least 40' deaths - [part] <military: said>"});
  // "others" after a count of something else is the whole of its own count.
  CHECK(dumps(claims_of("The landslide killed 14 people and injured 60 others, officials said.")) ==
        V{"'14' deaths - <officials: said>", "'60' injuries - <officials: said>"});
  // One clinic's or hospital's count is a part of the toll.
  CHECK(dumps(claims_of("\"We have taken in and received around 50 people with injuries,\" the doctor said.")) ==
        V{"'around 50' injuries - [part] <doctor: quote>"});
  CHECK(dumps(claims_of("At least 25 of the injured were hospitalised in intensive care, Nugroho said.")) ==
        V{"'At least 25' injuries - [part] <Nugroho: said>"});
  // Not "admitted" as owning up to, nor a toll of those who died after being hospitalised.
  CHECK(dumps(claims_of("Officials admitted 12 people died in the stampede.")) == V{"'12' deaths - <unattributed>"});
  CHECK(dumps(claims_of("At least 50 people died after being hospitalised, officials said.")) ==
        V{"'At least 50' deaths - <officials: said>"});
  // Not "treated for injuries": the injured of the whole story.
  CHECK(dumps(claims_of("At least 200 people were treated for injuries, officials said.")) ==
        V{"'At least 200' injuries - <officials: said>"});
}

TEST_CASE("scope: one incident apart from the story's count, and one day's", "[claims][scope]") {
  CHECK(dumps(claims_of("In a separate attack on Monday, four fishermen were killed, the coast guard said.")) ==
        V{"'four' deaths - [incident] <coast guard: said>"});
  // The cue reaches the figures after it, not a total noun's.
  CHECK(dumps(claims_of("In another strike, 12 people were killed, bringing the toll to 310, medics said.")) ==
        V{"'12' deaths - [incident] <medics: said>", "'310' deaths - <medics: said>"});
  CHECK(dumps(claims_of("The ministry said 58 people had been killed in the past 24 hours.")) ==
        V{"'58' deaths - [day] <ministry: said>"});
  // After the figure, only within its clause: 2,310 is the whole toll.
  CHECK(dumps(claims_of("The ministry said 2,310 people have been killed, including 58 in the last 24 hours.")) ==
        V{"'2,310' deaths - <ministry: said>", "'58' deaths - [day] <ministry: said>"});
}

TEST_CASE("subgroups: a list beside a subgroup, a subgroup's longer name, one country's citizens",
          "[claims][subgroups]") {
  // "13 U.S. troops and 72 Afghans": both are subgroups of the dead.
  const auto listed =
      claims_of("A double suicide bombing at Kabul airport killed 13 U.S. troops and 72 Afghans, officials said.");
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].subject == "soldiers");
  CHECK(listed[1].subject == "Afghans");
  CHECK(listed[1].metric == "deaths");
  // A noun that names no group stays the whole.
  const auto plain = claims_of("The raid killed 12 soldiers and 30 people, officials said.");
  REQUIRE(plain.size() == 2);
  CHECK(plain[1].subject.empty());
  // Nor across two measures: "killed 4 police officers and wounded 9 Afghans".
  const auto measures = claims_of("The blast killed 4 soldiers and wounded 9 Afghans, officials said.");
  REQUIRE(measures.size() == 2);
  CHECK(measures[1].subject.empty());
  // "service members", "military personnel": the counted noun ends the subgroup's name.
  CHECK(dumps(claims_of("An additional 15 service members were wounded, officials said.")).at(0).find("(soldiers)") !=
        std::string::npos);
  CHECK(dumps(claims_of("Ninety people were killed, among them 13 military personnel.")).at(1).find("(soldiers)") !=
        std::string::npos);
  // A hyphenated modifier before the subgroup's name: "27 pro-government fighters".
  const auto modified = claims_of(
      "The attack killed 15 civilians and 27 pro-government fighters, the Observatory said. A blast killed 12 "
      "Iran-backed militants and 30 people-smugglers.");
  REQUIRE(modified.size() == 4);
  CHECK(modified[0].subject == "civilians");
  CHECK(modified[1].subject == "soldiers");
  CHECK(modified[1].metric == "deaths");
  CHECK(modified[2].subject == "soldiers");
  CHECK(modified[3].subject.empty());
  // "The count" after a toll in its paragraph counts what the toll counts; a total of cars counts nothing.
  const auto carried = claims_of(
      "The death toll from the quake rose to 1,205 on Friday, officials said. A day earlier the count stood at "
      "1,140.\n\nThe company sold 500 cars. The total reached 900 by March.");
  REQUIRE(carried.size() == 4);
  CHECK(carried[1].metric == "deaths");
  CHECK(carried[3].metric.empty());
  // A part after an opening "Of the N injured," counts the injured; intensive care is serious.
  const auto of_the_whole = claims_of("Of the 140 injured, 25 were in intensive care, the hospital said.");
  REQUIRE(of_the_whole.size() == 2);
  CHECK(of_the_whole[0].metric == "injuries");
  CHECK(of_the_whole[0].subject.empty());
  CHECK(of_the_whole[1].metric == "injuries");
  CHECK(of_the_whole[1].subject == "seriously injured");
  // The evacuees a convoy's bombing killed are a part of its toll, not a rival count.
  const auto convoy = claims_of(
      "The car bomb killed 126 people at the transit point, the Observatory said, 68 of them children. It said 98 "
      "evacuees from Foua and Kefraya were among the dead.");
  REQUIRE(convoy.size() == 3);
  CHECK(convoy[0].subject.empty());
  CHECK(convoy[2].subject == "evacuees");
  // Each country's citizens killed abroad are their own subgroup: 17 French
  // citizens are not set against 24 Thais.
  const auto abroad = claims_of(
      "Militants killed about 1,200 people in Israel on Oct. 7.\n\nFrance's foreign ministry said 17 French citizens "
      "were killed.\n\nAt least 24 Thai laborers were among the dead, officials said.");
  REQUIRE(abroad.size() == 3);
  CHECK(abroad[1].subject == "foreign nationals (France)");
  CHECK(abroad[2].subject == "foreign nationals (Thailand)");
  const auto citizens_of = claims_of(
      "Hamas gunmen killed about 1,200 people in Israel.\n\nTen citizens of Nepal were killed in the attacks, Reuters "
      "reported.");
  REQUIRE(citizens_of.size() == 2);
  CHECK(citizens_of[1].entity == "Israel");
  CHECK(citizens_of[1].subject == "foreign nationals (Nepal)");
  // The seriously injured are a subgroup of the injured, after the counted
  // noun or as "of them".
  CHECK(dumps(claims_of("\"There are around 30 people seriously injured, some with head wounds,\" the doctor said.")) ==
        V{"'around 30' injuries - (seriously injured) <doctor: quote>"});
  CHECK(dumps(claims_of("The ministry said 2,059 people were injured, 1,404 of them critically.")) ==
        V{"'2,059' injuries - <ministry: said>", "'1,404' injuries - (seriously injured) <ministry: said>"});
}

TEST_CASE("lists: counts of people in one list share its verb's metric, and a part among a whole takes the whole's",
          "[claims][structure]") {
  CHECK(dumps(claims_of("Police said two women and one man died at a branch of the bank.")) ==
        V{"'two' deaths - (women) <police: said>", "'one' deaths - <police: said>"});
  const auto crews = claims_of("Twenty-one firefighters, six police officers and two paramedics died in the blaze.");
  REQUIRE(crews.size() == 3);
  for (const crosscheck::Claim& claim : crews) CHECK(claim.metric == "deaths");
  CHECK(dumps(claims_of("Two medics were among at least 31 people killed on Saturday in the shelling of the town.")) ==
        V{"'Two' deaths - (medics) <unattributed>", "'at least 31' deaths - <unattributed>"});
  // Two measures are no list: "12 dead and 30 injured".
  CHECK(dumps(claims_of("The crash left 12 dead and 30 injured.")) ==
        V{"'12' deaths - <unattributed>", "'30' injuries - <unattributed>"});
  // A parenthesis is no list's joiner: "(200) 2510" are a page's counters.
  CHECK(dumps(claims_of("Topic: Missile Attack (200) 2510 The strike killed four children.")).back() ==
        "'four' deaths - (children) <unattributed>");
}

TEST_CASE("events: an earlier year's event told in passing is background", "[claims][scope]") {
  const auto told = claims_of(
      "The quake killed 24 people on Tuesday, officials said.\n\nIn 2004 a tsunami killed 170,000 people in the "
      "province.\n\nThe 2006 war killed more than 1,100 Lebanese.\n\nIn September 2009 a quake near Padang killed "
      "more than 1,000 people.",
      "2013-07-03");
  REQUIRE(told.size() == 4);
  CHECK(told[0].scope == crosscheck::Scope::story);
  for (std::size_t i = 1; i < 4; ++i) {
    INFO(told[i].text);
    CHECK(told[i].scope == crosscheck::Scope::background);
  }
  CHECK(crosscheck::format_as(*told[1].reference_date) == "2004-01-01");
  CHECK(crosscheck::format_as(*told[3].reference_date) == "2009-01-01");
  // A count since a year is a count up to now; a figure is no year.
  const auto now = claims_of(
      "More than 400,000 people have been killed since the conflict erupted in March 2011.\n\nThe 2000 people who "
      "marched were arrested.",
      "2017-04-15");
  REQUIRE(now.size() == 2);
  CHECK(now[0].scope == crosscheck::Scope::story);
  CHECK(now[1].scope == crosscheck::Scope::story);
  CHECK(crosscheck::format_as(*now[1].reference_date) == "2017-04-15");
  // "since" after the figure starts its count; before it, the year is the
  // told event's. "tens of thousands more" is the 2004 event's too, not a part.
  const auto since = claims_of(
      "There have been hundreds of quakes since a temblor in 2004 caused a tsunami that left more than 220,000 "
      "people dead.\n\nIn 2004 a tsunami killed 170,000 people in the province and tens of thousands more "
      "elsewhere.",
      "2009-01-05");
  REQUIRE(since.size() == 4);
  CHECK(since[0].scope == crosscheck::Scope::story);  // "hundreds of quakes"
  CHECK(since[1].scope == crosscheck::Scope::background);
  CHECK(since[2].scope == crosscheck::Scope::background);
  CHECK(since[3].scope == crosscheck::Scope::background);
}

TEST_CASE("scope and background stay in their clause", "[claims][scope]") {
  // A scope cue does not reach past a speech verb or a ";".
  const auto strike = claims_of(
      "Another strike killed five people, Gaza's Health Ministry said, adding that 35,000 people have been killed "
      "in Gaza since the war began.\n\nIn a separate attack, three people were killed; more than 35,000 people "
      "have died in the war.");
  REQUIRE(strike.size() == 4);
  CHECK(strike[0].scope == crosscheck::Scope::incident);
  CHECK(strike[1].scope == crosscheck::Scope::story);
  CHECK(strike[2].scope == crosscheck::Scope::incident);
  CHECK(strike[3].scope == crosscheck::Scope::story);
  // An earlier year's event is its clause's, of its year whatever day the
  // sentence names; a count since a year at the sentence's start is a count up to now.
  const auto told = claims_of(
      "The 2004 tsunami killed 230,000 people, and on Sunday a quake killed 12 people in Aceh.\n\nIn 2004 a "
      "tsunami killed 170,000 people in Aceh, officials said on Sunday.\n\nSince the conflict erupted in 2011, "
      "more than 400,000 people have been killed.",
      "2013-07-03");
  REQUIRE(told.size() == 4);
  CHECK(told[0].scope == crosscheck::Scope::background);
  CHECK(told[1].scope == crosscheck::Scope::story);
  CHECK(told[2].scope == crosscheck::Scope::background);
  CHECK(crosscheck::format_as(*told[2].reference_date) == "2004-01-01");
  CHECK(told[3].scope == crosscheck::Scope::story);
  // "aged ... and" is an age only after "between": "a girl aged 7 and 14
  // other children" counts 14 children.
  CHECK(dumps(claims_of("A girl aged 7 and 14 other children were killed in Gaza, the ministry said.")) ==
        V{"'14' deaths Gaza (children) [part] <ministry: said>"});
  // The month is no march; the Women's March, the Million Man March and a
  // sentence's first "March for Our Lives" are.
  for (const char* march : {"The Women's March drew 500,000 people, organizers said.",
                            "The Million Man March drew 400,000 people, police said.",
                            "March for Our Lives drew 200,000 people, organizers said."}) {
    INFO(march);
    CHECK(dumps(claims_of(march)).at(0).find("participants") != std::string::npos);
  }
}
