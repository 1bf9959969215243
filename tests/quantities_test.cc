#include "crosscheck/quantities.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "test_support.h"

namespace {

// Every figure of `text`, as `describe` prints it.
std::vector<std::string> figures(std::string_view text) {
  static crosscheck::QuantityReader reader;
  std::vector<std::string> out;
  for (const crosscheck::Quantity& q : reader.read(text)) out.push_back(crosscheck::describe(q, text));
  return out;
}

struct Case {
  std::string_view text;
  std::vector<std::string> figures;
};

void check_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(figures(c.text) == c.figures);
  }
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("digits: separators, decimals, signs", "[quantities]") {
  check_cases({
      {"35,000 people", {"'35,000' = 35000 [35000, 35000] exact people"}},
      {"40 000 and 40\u202F000",
       {"'40 000' = 40000 [40000, 40000] exact", "'40\u202F000' = 40000 [40000, 40000] exact"}},
      {"1,674,200.5", {"'1,674,200.5' = 1674200.5 [1674200.5, 1674200.5] exact"}},
      {"a rate of 1.4 and .08", {"'1.4' = 1.4 [1.4, 1.4] exact", "'.08' = 0.08 [0.08, 0.08] exact"}},
      {"the temperature fell to -9.5", {"'-9.5' = -9.5 [-9.5, -9.5] exact"}},
      {"1,234,567 and 1 234 567",
       {"'1,234,567' = 1234567 [1234567, 1234567] exact", "'1 234 567' = 1234567 [1234567, 1234567] exact"}},
  });
}

TEST_CASE("spelled-out numbers of any size", "[quantities]") {
  check_cases({
      {"one hundred and six", {"'one hundred and six' = 106 [106, 106] exact"}},
      {"twenty-five", {"'twenty-five' = 25 [25, 25] exact"}},
      {"two million", {"'two million' = 2000000 [2000000, 2000000] exact"}},
      {"nearly four thousand", {"'nearly four thousand' = 4000 [3800, 4000) nearly"}},
      {"a dozen", {"'a dozen' = 12 [12, 12] exact"}},
      {"three dozens", {"'three dozens' = 36 [36, 36] exact"}},
      {"five and a half million", {"'five and a half million' = 5500000 [5500000, 5500000] exact"}},
      {"nine point nought four", {"'nine point nought four' = 9.04 [9.04, 9.04] exact"}},
      {"Twenty-six people die", {"'Twenty-six' = 26 [26, 26] exact people"}},
      {"two thousand and two hundred", {"'two thousand and two hundred' = 2200 [2200, 2200] exact"}},
  });
}

TEST_CASE("fractions", "[quantities]") {
  check_cases({
      {"20+ people were hurt", {"'20+' = 20 [20, inf) at_least people"}},
      {"more than a quarter of a million people",
       {"'more than a quarter of a million' = 250000 (250000, inf) more_than people"}},
      {"a quarter of a million", {"'a quarter of a million' = 250000 [250000, 250000] exact"}},
      {"a third of the city", {"'a third' = 0.3333333333333333 [0.3333333333333333, 0.3333333333333333] exact"}},
      {"five eighths", {"'five eighths' = 0.625 [0.625, 0.625] exact"}},
      {"3/4 of them", {"'3/4' = 0.75 [0.75, 0.75] exact"}},
      {"\u00BE of them", {"'\u00BE' = 0.75 [0.75, 0.75] exact"}},
      {"2 1/4 miles", {"'2 1/4 miles' = 2.25 [2.25, 2.25] exact mi"}},
      // The wire's dashed mixed numbers, in halves to sixty-fourths; a date is not one.
      {"a 4-1/4 pct coupon", {"'4-1/4 pct' = 4.25 [4.25, 4.25] exact %"}},
      {"rose 1-3/8 to 9-1/2 dlrs", {"'1-3/8 to 9-1/2 dlrs' = 1.375 [1.375, 9.5] range USD"}},
      {"on 4-1/4/2020 it opened", {}},
      {"3-1/3 cups", {}},
  });
}

TEST_CASE("scale words and suffixes", "[quantities]") {
  check_cases({
      {"1.4 million people", {"'1.4 million' = 1400000 [1400000, 1400000] exact people"}},
      {"$9.5 billion", {"'$9.5 billion' = 9500000000 [9500000000, 9500000000] exact USD"}},
      {"I can give you 10M.", {"'10M' = 10000000 [10000000, 10000000] exact"}},
      {"a 2.3bn deal", {"'2.3bn' = 2300000000 [2300000000, 2300000000] exact"}},
      {"35k marchers", {"'35k' = 35000 [35000, 35000] exact people (marchers)"}},
  });
}

TEST_CASE("percentages, currencies and units", "[quantities]") {
  check_cases({
      {"85% of the population", {"'85%' = 85 [85, 85] exact %"}},
      {"85 percent", {"'85 percent' = 85 [85, 85] exact %"}},
      {"85 per cent", {"'85 per cent' = 85 [85, 85] exact %"}},
      {"US$4 million", {"'US$4 million' = 4000000 [4000000, 4000000] exact USD"}},
      {"\u20AC30 million and \u00A312m",
       {"'\u20AC30 million' = 30000000 [30000000, 30000000] exact EUR",
        "'\u00A312m' = 12000000 [12000000, 12000000] exact GBP"}},
      {"9.5 billion dollars", {"'9.5 billion dollars' = 9500000000 [9500000000, 9500000000] exact USD"}},
      {"20 million euros", {"'20 million euros' = 20000000 [20000000, 20000000] exact EUR"}},
      {"54,000 tons and 200 tonnes",
       {"'54,000 tons' = 54000 [54000, 54000] exact t", "'200 tonnes' = 200 [200, 200] exact t"}},
      {"95 km and 400 litres", {"'95 km' = 95 [95, 95] exact km", "'400 litres' = 400 [400, 400] exact L"}},
      {"15,000 children and 400 patients",
       {"'15,000' = 15000 [15000, 15000] exact people (children)", "'400' = 400 [400, 400] exact people (patients)"}},
      {"1.4 million Palestinians", {"'1.4 million' = 1400000 [1400000, 1400000] exact people (Palestinians)"}},
  });
}

TEST_CASE("units and codes glued to the number, scale against unit, and signs (issue 19)", "[quantities]") {
  check_cases({
      // Units glued to the digits.
      {"doubling it to 256GB", {"'256GB' = 256 [256, 256] exact GB"}},
      {"a 30Mbps plan", {"'30Mbps' = 30 [30, 30] exact Mbps"}},
      {"a 6kW motor and a 2.4GHz radio", {"'6kW' = 6 [6, 6] exact kW", "'2.4GHz' = 2.4 [2.4, 2.4] exact GHz"}},
      {"its 640bhp engine", {"'640bhp' = 640 [640, 640] exact hp"}},
      {"between 15kHz and 17kHz", {"'between 15kHz and 17kHz' = 15 [15, 17] range kHz"}},
      {"borrow at 1.38pc", {"'1.38pc' = 1.38 [1.38, 1.38] exact %"}},
      {"a 24pc discount", {"'24pc' = 24 [24, 24] exact %"}},
      // A currency's code glued to the digits is money, not a name like "G7".
      {"it paid USD10m and EUR50m",
       {"'USD10m' = 10000000 [10000000, 10000000] exact USD", "'EUR50m' = 50000000 [50000000, 50000000] exact EUR"}},
      {"for RM79 a month", {"'RM79' = 79 [79, 79] exact MYR"}},
      {"the G7 met", {}},
      // "m" is million before a unit or a counted noun, and after a currency; else metres.
      {"output of 1.2m tons", {"'1.2m tons' = 1200000 [1200000, 1200000] exact t"}},
      {"a wall 1.2m high", {"'1.2m' = 1.2 [1.2, 1.2] exact m"}},
      {"a 1.5mm tip", {"'1.5mm' = 1.5 [1.5, 1.5] exact mm"}},
      {"a $1.5mm loan", {"'$1.5mm' = 1500000 [1500000, 1500000] exact USD"}},
      // Signs: a "+" before a percentage is a change; before other digits a phone number.
      {"Dow +0.2% Nasdaq +0.8%", {"'0.2%' = 0.2 [0.2, 0.2] exact %", "'0.8%' = 0.8 [0.8, 0.8] exact %"}},
      {"dial +44 for the UK", {}},
      {"total offense was minus-5 yards", {"'minus-5 yards' = -5 [-5, -5] exact yd"}},
      // A range whose ends each carry a percent; not when the high end is no percentage.
      {"prices will rise between 5% and 6%", {"'between 5% and 6%' = 5 [5, 6] range %"}},
      {"from 5% to 10% of them", {"'from 5% to 10%' = 5 [5, 10] range %"}},
      // Without "between" or "from", a change and a level: two figures.
      {"inflation rose 0.4 percent to 3.2 percent",
       {"'0.4 percent' = 0.4 [0.4, 0.4] exact %", "'3.2 percent' = 3.2 [3.2, 3.2] exact %"}},
      {"rates rose from 0.25 percentage point to 5.5%",
       {"'0.25 percentage point' = 0.25 [0.25, 0.25] exact pp", "'5.5%' = 5.5 [5.5, 5.5] exact %"}},
      {"fees from 1 per cent to 1.5 per cent", {"'from 1 per cent to 1.5 per cent' = 1 [1, 1.5] range %"}},
      {"it rose 5% to 10 stores", {"'5%' = 5 [5, 5] exact %", "'10' = 10 [10, 10] exact"}},
      // Notation: the country after a currency sign, the fraction slash, a power without its caret.
      {"debt of $US113 trillion", {"'$US113 trillion' = 113000000000000 [113000000000000, 113000000000000] exact USD"}},
      {"worth $A82,615,680", {"'$A82,615,680' = 82615680 [82615680, 82615680] exact AUD"}},
      {"1\u204432 of a quart", {"'1\u204432' = 0.03125 [0.03125, 0.03125] exact"}},
      {"about 2.998\u00D710\u22128 meters per second",
       {"'about 2.998\u00D710\u22128 meters' = 2.998e-08 [2.6982e-08, 3.2978e-08] approx m"}},
      {"Tylenol 500mg tablets and a 4500 mAh battery",
       {"'500mg' = 500 [500, 500] exact mg", "'4500 mAh' = 4500 [4500, 4500] exact mAh"}},
      // A citation's numbers in brackets, an equation or an algorithm is no figure (MeasEval).
      {"as shown before [2] and in Refs. [1\u20135] and [6,27]", {}},
      {"defined in Eq. (29) by Algorithm 1", {}},
      {"an array [12 cm] wide", {"'12 cm' = 12 [12, 12] exact cm"}},
      // A score is no range, a street number no count, a network generation no giga.
      {"tied Game 7 at 89-89", {}},
      {"the office at 10 Downing Street", {}},
      {"54GB of 5G data and 4G networks", {"'54GB' = 54 [54, 54] exact GB"}},
      {"the category 4 hurricane in the Big 12", {}},
      // A bound after the number outweighs "about" before it.
      {"about five hundred or more", {"'five hundred or more' = 500 [500, inf) at_least"}},
      // A product, a game, a seat or an index named with a number is no figure; its change is one.
      {"In Europe: FTSE -0.6% DAX -1.6%.",
       {"'-0.6%' = -0.6 [-0.6, -0.6] exact %", "'-1.6%' = -1.6 [-1.6, -1.6] exact %"}},
      {"Markets: FTSE -0.6 percent", {"'-0.6 percent' = -0.6 [-0.6, -0.6] exact %"}},
      // An acronym after a space is no unit that it would be glued: "2TB", but "1,200 TB deaths".
      {"1,200 TB deaths and a 2TB drive", {"'1,200' = 1200 [1200, 1200] exact", "'2TB' = 2 [2, 2] exact TB"}},
      {"the top 3 PC makers", {"'3' = 3 [3, 3] exact"}},
      {"a deal worth $500 MM", {"'$500 MM' = 500000000 [500000000, 500000000] exact USD"}},
      {"a 9 mm pistol", {"'9 mm' = 9 [9, 9] exact mm"}},
      {"the iPhone 11 Pro in Game 6 from Row 21", {}},
      {"the Stoxx 600 index and the FTSE 100", {}},
      {"Airbus delivered 735 jets and Boeing 528", {"'735' = 735 [735, 735] exact", "'528' = 528 [528, 528] exact"}},
  });
}

TEST_CASE("date ranges and addresses are no figures and changes and prices read as written (issue 19)",
          "[quantities]") {
  check_cases({
      // The second day of a range of dates, and a street number before a name of several words.
      {"on Sept. 20-24 and Oct. 18-22", {}},
      {"from 20-24 September", {}},
      {"at 9 E 71st St and 49 Zorro Ranch Road", {}},
      {"an office at 16-18 Industrial Avenue", {}},
      // A change "by" an amount to a level is two figures; a bare range after "by" stays one.
      {"the deficit increased by $43.6 billion to $419.2 billion",
       {"'$43.6 billion' = 43600000000 [43600000000, 43600000000] exact USD",
        "'$419.2 billion' = 419200000000 [419200000000, 419200000000] exact USD"}},
      {"costs were cut by 5 to 10 percent", {"'5 to 10 percent' = 5 [5, 10] range %"}},
      // "up to" after a change word is the direction of the change, not a bound.
      {"before inching back up to 4.8 percent", {"'4.8 percent' = 4.8 [4.8, 4.8] exact %"}},
      {"it will buy back up to 10 pct", {"'up to 10 pct' = 10 [0, 10] at_most %"}},
      {"the stock rose about 17 pct to 94 mln dlrs",
       {"'about 17 pct' = 17 [15.3, 18.7] approx %", "'94 mln dlrs' = 94000000 [94000000, 94000000] exact USD"}},
      {"Williams rose 2p to 742 and Pearson 4-1/2p",
       {"'2p' = 2 [2, 2] exact GBX", "'742' = 742 [742, 742] exact", "'4-1/2p' = 4.5 [4.5, 4.5] exact GBX"}},
      {"it rose up to 300", {"'300' = 300 [300, 300] exact"}},
      {"it could reach up to 300", {"'up to 300' = 300 [0, 300] at_most"}},
      // Percent to percent is a range, unless a change word says it is a change and a level.
      {"I expect 5% to 10% improvement", {"'5% to 10%' = 5 [5, 10] range %"}},
      {"a five per cent to 20 per cent rebound", {"'five per cent to 20 per cent' = 5 [5, 20] range %"}},
      {"sales fell a further 2% to 6% of the total", {"'2%' = 2 [2, 2] exact %", "'6%' = 6 [6, 6] exact %"}},
      // Pence, as London's share prices are written; not a screen's lines.
      {"shares rose 6.5% to 164p", {"'6.5%' = 6.5 [6.5, 6.5] exact %", "'164p' = 164 [164, 164] exact GBX"}},
      {"At 118.5p, its shares", {"'118.5p' = 118.5 [118.5, 118.5] exact GBX"}},
      {"a 1080p screen", {}},
      {"it costs $20USD", {"'$20USD' = 20 [20, 20] exact USD"}},
      // An aircraft's model is no count: "MAX 8" in a crash story is no toll of eight.
      {"The Boeing 737 MAX 8 crashed, killing all 157 people on board", {"'157' = 157 [157, 157] exact people"}},
      {"The Boeing 737-800 was carrying 176 passengers", {"'176' = 176 [176, 176] exact people (passengers)"}},
      {"the 787 Dreamliner and a Boeing 737 crashed", {}},
      {"it sold five Boeing 757-200 planes", {"'five' = 5 [5, 5] exact"}},
      // An age or a shirt number in brackets after a name is no count.
      {"the victims, John Smith (23), of Leeds, and Dak Prescott (4)", {}},
      {"the death toll (45) rose", {"'45' = 45 [45, 45] exact"}},
      // "m" glued to the digits is a million before "of" and a counted noun.
      {"it has 35m of its Echo devices installed", {"'35m' = 35000000 [35000000, 35000000] exact"}},
      {"the last 100m of the race", {"'100m' = 100 [100, 100] exact m"}},
      // A multiple is no count: "fivefold" is no figure (nor a range's low end).
      {"cholera deaths rose fivefold", {}},
      // "a third-party", "a half-hour": a compound, not a fraction; "a half-million" is one.
      {"unless a third-party evaluation finds it", {}},
      {"a half-million people", {"'a half-million' = 500000 [500000, 500000] exact people"}},
      // Four digits without a comma in a range are a count, as Xinhua and PTI write tolls.
      {"Officials estimate 1200-1500 dead.", {"'1200-1500' = 1200 [1200, 1500] range"}},
      {"going from 1000 to 2000 hires", {"'from 1000 to 2000' = 1000 [1000, 2000] range"}},
      {"down from the US$89 to $93 billion it had forecast",
       {"'US$89 to $93 billion' = 89000000000 [89000000000, 93000000000] range USD"}},
      // Pounds of food are a weight.
      {"dropped 40,000 pounds of food", {"'40,000 pounds' = 40000 [40000, 40000] exact lb"}},
      {"fined 500 pounds", {"'500 pounds' = 500 [500, 500] exact GBP"}},
      {"Britain pledged 500 million pounds of aid",
       {"'500 million pounds' = 500000000 [500000000, 500000000] exact GBP"}},
      // A second read's cases: a title or a long name is no street; a passive "by" or an
      // infinitive is no change; present tense is no range opener; a bound stays a bound.
      {"At Least 20 Killed In Road Accident In Nigeria", {"'At Least 20' = 20 [20, inf) at_least"}},
      {"About 40 Lagos State Road Safety officials were injured", {"'About 40' = 40 [36, 44] approx"}},
      {"a march attended by 1 million to 2 million people",
       {"'1 million to 2 million' = 1000000 [1000000, 2000000] range people"}},
      {"plans to cut $2 billion to $3 billion in aid",
       {"'$2 billion to $3 billion' = 2000000000 [2000000000, 3000000000] range USD"}},
      {"US inflation rises 0.4% to 3.2% in March",
       {"'0.4%' = 0.4 [0.4, 0.4] exact %", "'3.2%' = 3.2 [3.2, 3.2] exact %"}},
      {"prices will be increased by four to eight cts per lb", {"'four to eight' = 4 [4, 8] range"}},
      {"The death toll rose by 200 to 1,500", {"'200' = 200 [200, 200] exact", "'1,500' = 1500 [1500, 1500] exact"}},
      {"Russia has moved up to 100,000 troops", {"'up to 100,000' = 100000 [0, 100000] at_most people (troops)"}},
      {"Floods left up to 2m of water in people's homes", {"'up to 2m' = 2 [0, 2] at_most m"}},
      {"A quarter-mile stretch collapsed", {"'A quarter-mile' = 0.25 [0.25, 0.25] exact mi"}},
      {"In August 20-30% of crops failed", {"'20-30%' = 20 [20, 30] range %"}},
      {"By March 10-15 people had died", {"'10-15' = 10 [10, 15] range people"}},
      {"Prices fell in June. 3-4 people were arrested", {"'3-4' = 3 [3, 4] range people"}},
      {"It records 240p and 360p clips", {}},
  });
}

TEST_CASE("qualifiers turn figures into intervals", "[quantities]") {
  check_cases({
      {"at least 35,000", {"'at least 35,000' = 35000 [35000, inf) at_least"}},
      {"no fewer than 10", {"'no fewer than 10' = 10 [10, inf) at_least"}},
      {"more than 1,170", {"'more than 1,170' = 1170 (1170, inf) more_than"}},
      {"over 35,000", {"'over 35,000' = 35000 (35000, inf) more_than"}},
      {"upwards of 300", {"'upwards of 300' = 300 (300, inf) more_than"}},
      {"in excess of 300", {"'in excess of 300' = 300 (300, inf) more_than"}},
      {"nearly 80,000", {"'nearly 80,000' = 80000 [76000, 80000) nearly"}},
      {"almost 2 million", {"'almost 2 million' = 2000000 [1900000, 2000000) nearly"}},
      {"close to 100", {"'close to 100' = 100 [95, 100) nearly"}},
      {"just under 100", {"'just under 100' = 100 [95, 100) nearly"}},
      {"about 54,000", {"'about 54,000' = 54000 [48600, 59400] approx"}},
      {"around 50", {"'around 50' = 50 [45, 55] approx"}},
      {"approximately 54,000 tons", {"'approximately 54,000 tons' = 54000 [48600, 59400] approx t"}},
      {"roughly 10", {"'roughly 10' = 10 [9, 11] approx"}},
      {"some 400", {"'some 400' = 400 [360, 440] approx"}},
      {"an estimated 2,000", {"'an estimated 2,000' = 2000 [1800, 2200] approx"}},
      {"up to 700", {"'up to 700' = 700 [0, 700] at_most"}},
      {"as many as 20,000", {"'as many as 20,000' = 20000 [0, 20000] at_most"}},
      {"at most 5", {"'at most 5' = 5 [0, 5] at_most"}},
      {"fewer than 10", {"'fewer than 10' = 10 [0, 10) less_than"}},
      {"less than 5%", {"'less than 5%' = 5 [0, 5) less_than %"}},
      {"under 18", {"'under 18' = 18 [0, 18) less_than"}},
      {"35,000-plus", {"'35,000-plus' = 35000 [35000, inf) at_least"}},
  });
}

TEST_CASE("ranges", "[quantities]") {
  check_cases({
      {"between 3,000 and 4,000", {"'between 3,000 and 4,000' = 3000 [3000, 4000] range"}},
      {"3,000-4,000", {"'3,000-4,000' = 3000 [3000, 4000] range"}},
      {"3,000 to 4,000", {"'3,000 to 4,000' = 3000 [3000, 4000] range"}},
      {"from one thousand to fifteen hundred", {"'from one thousand to fifteen hundred' = 1000 [1000, 1500] range"}},
      {"18,000 to 20,000 dead", {"'18,000 to 20,000' = 18000 [18000, 20000] range"}},
      {"3 to 4 million", {"'3 to 4 million' = 3000000 [3000000, 4000000] range"}},
      {"5-10%", {"'5-10%' = 5 [5, 10] range %"}},
      // A currency's scale applies to both ends; a range takes no cents.
      {"30-40 MUSD", {"'30-40 MUSD' = 30000000 [30000000, 40000000] range USD"}},
      {"5-10 USD million", {"'5-10 USD million' = 5000000 [5000000, 10000000] range USD"}},
      {"3-4 dollars 50 cents", {"'3-4 dollars' = 3 [3, 4] range USD", "'50 cents' = 50 [50, 50] exact cent"}},
  });
}

TEST_CASE("vague amounts", "[quantities]") {
  check_cases({
      {"hundreds of bodies", {"'hundreds' = 200 [200, 1000) vague people (bodies)"}},
      {"Thousands died", {"'Thousands' = 2000 [2000, 10000) vague"}},
      {"tens of thousands", {"'tens of thousands' = 20000 [20000, 100000) vague"}},
      {"hundreds of thousands of people", {"'hundreds of thousands' = 200000 [200000, 1000000) vague people"}},
      {"dozens of", {"'dozens' = 24 [24, 100) vague"}},
  });
}

TEST_CASE("what is not a figure stays out", "[quantities]") {
  check_cases({
      {"since Oct. 7", {}},
      {"on Sept. 10, 2023, in Derna", {}},
      {"on 2023-09-10", {}},
      {"in 2023 and in 1989", {}},
      {"at 3 p.m. and at 10:30", {}},
      {"a 12-year-old girl", {}},
      {"a 16 - year - old boy", {}},
      {"a 24 - hour general strike", {}},
      // A dash as punctuation before a time word leaves the toll a figure.
      {"rose to 64 \u2014 days after", {"'64' = 64 [64, 64] exact"}},
      {"Samira Abu Odeh, 41, a mother", {}},
      {"the third time, on the 4th day", {}},
      {"at 10 Downing Street", {}},
      {"call +1-222-2222-2222 now", {}},
      {"version 1.2.3 and 192.168.1.2", {}},
      {"Eight months into the war, 24 hours later", {}},
      {"one of the dead", {}},
      {"the one you mentioned; which one?", {}},
      {"No. 5 and page 12", {}},
      {"Get short URL 0 15 Share", {}},  // a web page's share counters
      {"Page 3 of 12", {}},              // a page counter and its total
      {"Photo 4 of 20: rescuers at work", {}},
      {"Case No. 2023-45 was filed", {}},  // an identifier's number in two parts
      {"COVID-19 and G7", {}},
      {"on May 6", {}},
      {"west of the regiment 137 and Brigade 604", {}},  // military units, as wire copy names them
  });
  // Next to what must still be read.
  check_cases({
      {"one person was killed", {"'one' = 1 [1, 1] exact people (person)"}},
      {"2000 people", {"'2000' = 2000 [2000, 2000] exact people"}},
      {"Flight 17 carried 298 people", {"'298' = 298 [298, 298] exact people"}},
      {"On Route 9 14 people died", {"'14' = 14 [14, 14] exact people"}},
      {"Chapter 2 of 3 people read", {"'3' = 3 [3, 3] exact people"}},
      {"killed 12 of 40 passengers", {"'12' = 12 [12, 12] exact", "'40' = 40 [40, 40] exact people (passengers)"}},
      {"more than 2000", {"'more than 2000' = 2000 (2000, inf) more_than"}},
  });
}

TEST_CASE("a numeric character reference is the character it stands for, never a figure", "[quantities]") {
  // The Reuters corpus ends every story with "&#3;" (end of text).
  check_cases({
      {"Profits rose 12 pct. Reuter &#3;", {"'12 pct' = 12 [12, 12] exact %"}},
      {"It cost &#36;5 million, or &#x24;7 million with fees.",
       {"'&#36;5 million' = 5000000 [5000000, 5000000] exact USD",
        "'&#x24;7 million' = 7000000 [7000000, 7000000] exact USD"}},
      // A reference to a space is a space, to a fraction sign a fraction.
      {"about 5&#160;million people", {"'about 5&#160;million' = 5000000 [4500000, 5500000] approx people"}},
      // Not a reference: no semicolon, no digits, or past the last code point.
      {"room &#12 and &#; and &#99999999;",
       {"'12' = 12 [12, 12] exact", "'99999999' = 99999999 [99999999, 99999999] exact"}},
  });
}

TEST_CASE("a quake's magnitude is a magnitude wherever its word stands, and ages, statutes and years are no counts",
          "[quantities]") {
  check_cases({
      // Issue 18: "A magnitude 6.1 earthquake ... killing at least 22" made 6.1 a death toll.
      {"A magnitude 6.1 earthquake struck", {"'6.1' = 6.1 [6.1, 6.1] exact magnitude"}},
      {"a magnitude-7.8 quake", {"'7.8' = 7.8 [7.8, 7.8] exact magnitude"}},
      {"aftershocks of magnitude over 5.0", {"'over 5.0' = 5 (5, inf) more_than magnitude"}},
      {"A 9.1 temblor in 2004", {"'9.1' = 9.1 [9.1, 9.1] exact magnitude"}},
      {"the 7.6-magnitude quake", {"'7.6-magnitude' = 7.6 [7.6, 7.6] exact magnitude"}},
      {"as 6.1 - magnitude earthquake hits", {"'6.1 - magnitude' = 6.1 [6.1, 6.1] exact magnitude"}},
      {"a .38-caliber revolver", {"'.38-caliber' = 0.38 [0.38, 0.38] exact caliber"}},
      // An age between commas after a person noun, as after a name.
      {"Maria Lopez, 23, and her son, 4, were killed", {}},
      {"under Title 42 last month", {}},
      {"higher than any total since at least 2005", {}},
      // A range of ages; a clock time or a code written with a leading zero.
      {"seven children aged from one to 12", {"'seven' = 7 [7, 7] exact people (children)"}},
      {"workers aged between 30 and 40", {}},
      {"Fri 07 Apr 2017 at 0914 the governor said", {}},
  });
  // Next to what must still be read: quakes counted, not measured.
  check_cases({
      {"54 aftershocks", {"'54' = 54 [54, 54] exact"}},
      {"two quakes of magnitude 7.6", {"'two' = 2 [2, 2] exact", "'7.6' = 7.6 [7.6, 7.6] exact magnitude"}},
      {"his son, 4, and 20 people", {"'20' = 20 [20, 20] exact people"}},
      {"at least 2005 people since 2001", {"'at least 2005' = 2005 [2005, inf) at_least people"}},
      {"from 18 to 25 people", {"'from 18 to 25' = 18 [18, 25] range people"}},
      {"0.5 percent", {"'0.5 percent' = 0.5 [0.5, 0.5] exact %"}},
  });
}

TEST_CASE("the seed article's statistics, and none of its dates", "[quantities][shared]") {
  const std::optional<std::string> seed_file = crosscheck::testing::seed_text();
  if (!seed_file) return;
  const std::string& seed = *seed_file;
  REQUIRE(!seed.empty());
  CHECK(figures(seed) == V{
                             "'over 35,000' = 35000 (35000, inf) more_than people",
                             "'over 1.4 million' = 1400000 (1400000, inf) more_than people",
                             "'more than 1,170' = 1170 (1170, inf) more_than people",
                             "'at least 35,000' = 35000 [35000, inf) at_least people",
                             "'78,500' = 78500 [78500, 78500] exact",
                             "'85%' = 85 [85, 85] exact %",
                             "'15,000' = 15000 [15000, 15000] exact people (children)",
                             "'nearly 80,000' = 80000 [76000, 80000) nearly",
                             "'2 million' = 2000000 [2000000, 2000000] exact",
                             "'approximately 54,000 tons' = 54000 [48600, 59400] approx t",
                             "'some 400' = 400 [360, 440] approx people (patients)",
                             "'150' = 150 [150, 150] exact people (journalists)",
                             "'54' = 54 [54, 54] exact (product groups)",
                             "'about $9.5 billion' = 9500000000 [8550000000, 10450000000] approx USD",
                             "'some 1.4 million' = 1400000 [1260000, 1540000] approx people (Palestinians)",
                             "'35,000' = 35000 [35000, 35000] exact people (Gazans)",
                         });
}

TEST_CASE("hostile input: no crash, no hang, no bogus giant value", "[quantities][bad-input]") {
  check_cases({
      {"123456789012345678901234567890123", {}},
      {"1e999", {}},
      {"1,2,3,4", {"'1' = 1 [1, 1] exact", "'2' = 2 [2, 2] exact", "'3' = 3 [3, 3] exact", "'4' = 4 [4, 4] exact"}},
      {"1..2", {"'1' = 1 [1, 1] exact", "'2' = 2 [2, 2] exact"}},
      {"--5", {"'-5' = -5 [-5, -5] exact"}},
      {", . - \u2013 %", {}},
      // Mixed scripts: digits of other scripts are not read, and nothing breaks.
      {"\u0663\u0665 \u0623\u0644\u0641 and \u4E09\u5341\u4E94 and \u0968\u0966", {}},
      {"Erdo\u011Fan said 35\u00A0000 T\u00FCrkiye", {"'35\u00A0000' = 35000 [35000, 35000] exact"}},
  });
  // Random bytes drawn from the characters figures are made of: every value
  // read must be finite and inside its own span's text.
  std::mt19937 random(20261126);
  const std::string alphabet = "0123456789,. -%$/e\u00BDkmbn\u202Fa";
  crosscheck::QuantityReader reader;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 64);
    for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    for (const crosscheck::Quantity& q : reader.read(text)) {
      INFO(text);
      REQUIRE(std::isfinite(q.value));
      REQUIRE(q.span.begin < q.span.end);
      REQUIRE(q.span.end <= text.size());
      REQUIRE(q.low <= q.high);
    }
  }
}

TEST_CASE("figures are finite: beyond the ceiling a number is not a figure", "[quantities][bad-input]") {
  // Issue 14: a scale that overflowed a double became [inf, inf], and the
  // conflict sweep then printed "-nan". kMaxFigure is 1e18.
  check_cases({
      {"1 million million million million million people", {}},
      {"$1e308 billion", {}},
      {"1e300 people and 5 more", {"'5' = 5 [5, 5] exact"}},
      {"at least 2e18 dollars", {}},
      {"1e18 dollars", {"'1e18 dollars' = 1e+18 [1e+18, 1e+18] exact USD"}},  // the ceiling itself is a figure
      // A scale right after a scale multiplies it.
      {"one million million", {"'one million million' = 1000000000000 [1000000000000, 1000000000000] exact"}},
      {"one trillion trillion", {}},  // 10^24, not 2 trillion: beyond the ceiling
      {"a thousand million", {"'a thousand million' = 1000000000 [1000000000, 1000000000] exact"}},
      // A fraction sign takes the scale word after it.
      {"\u00BE trillion", {"'\u00BE trillion' = 750000000000 [750000000000, 750000000000] exact"}},
      {"2\u00BD million", {"'2\u00BD million' = 2500000 [2500000, 2500000] exact"}},
  });
  // Whatever the text, no figure carries NaN or an infinite value; only an
  // open end of its interval may be infinite.
  std::mt19937 random(20261130);
  const std::vector<std::string> words = {"1",      "9e17",     "1e300", "million", "billion", "trillion",
                                          "\u00BE", "at least", "$",     "-",       "to",      "and",
                                          "a",      "thousand", "dozen", "1,000",   "%",       "people"};
  crosscheck::QuantityReader reader;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) text += words[random() % words.size()] + " ";
    for (const crosscheck::Quantity& q : reader.read(text)) {
      INFO(text);
      REQUIRE(std::abs(q.value) <= crosscheck::kMaxFigure);
      REQUIRE(!std::isnan(q.low));
      REQUIRE(!std::isnan(q.high));
      REQUIRE((std::isinf(q.low) ? q.low < 0 : std::abs(q.low) <= crosscheck::kMaxFigure));
      REQUIRE((std::isinf(q.high) ? q.high > 0 : std::abs(q.high) <= crosscheck::kMaxFigure));
    }
  }
}

TEST_CASE("the reader tells whether a text holds a watched word", "[quantities]") {
  crosscheck::QuantityReader reader;
  std::vector<crosscheck::Quantity> figures;
  const crosscheck::WordWatch nothing({});
  CHECK_FALSE(reader.read("Rafah is in Gaza.", figures, nothing));
  const crosscheck::WordWatch places({"gaza", "enclave", "rafah"});
  CHECK(reader.read("More than 35,000 people have been killed in Gaza.", figures, places));
  CHECK(figures.size() == 1);  // watching changes no figure
  std::vector<crosscheck::Quantity> unwatched;
  reader.read("More than 35,000 people have been killed in Gaza.", unwatched);
  CHECK(crosscheck::describe(figures[0], "More than 35,000 people have been killed in Gaza.") ==
        crosscheck::describe(unwatched[0], "More than 35,000 people have been killed in Gaza."));
  CHECK(reader.read("The ENCLAVE's health ministry said so.", figures, places));  // any case, next to an apostrophe
  CHECK_FALSE(reader.read("Gazans fled; 12 were hurt.", figures, places));        // a longer word is another word
  CHECK_FALSE(reader.read("", figures, places));
  // The answer is of the text read with the watch, not of an earlier one.
  reader.read("Rafah is in Gaza.", figures);
  CHECK_FALSE(reader.read("Nothing to see here.", figures, places));
  // A word the reader does not take whole (digits in it, or over 16 bytes)
  // makes every text count: never a miss, only slower.
  CHECK(reader.read("Nothing to see here.", figures, crosscheck::WordWatch({"g7"})));
  CHECK(reader.read("Nothing to see here.", figures, crosscheck::WordWatch({"internationalization"})));
}

TEST_CASE("a bundled article's statistics, and none of its dates, ages or durations", "[quantities]") {
  // The seed's checks on an article of corpora/, which every clone has.
  const std::string text = crosscheck::testing::corpus_article_body("gaza-may-2024/meridian-2024-05-12.md");
  REQUIRE(text.starts_with("GAZA CITY"));
  CHECK(figures(text) == V{
                             "'At least 35,034' = 35034 [35034, inf) at_least people (Palestinians)",
                             "'78,755' = 78755 [78755, 78755] exact",
                             "'63' = 63 [63, 63] exact people (bodies)",
                             "'some 1.4 million' = 1400000 [1260000, 1540000] approx people",
                             "'nearly 300,000' = 300000 [285000, 300000) nearly people",
                             "'five' = 5 [5, 5] exact",
                             "'six' = 6 [6, 6] exact",
                         });
}

TEST_CASE("a terminal's control sequence in the text is no figure, and hides none", "[quantities][bad-input]") {
  // Issue 14: "ESC[31m" (red) was read as 31 million, "ESC[0m" as 0.
  check_cases({
      {"\x1b[31m", {}},
      {"red \x1b[1;31mtext\x1b[0m and \x1b[2J\x1b[10;20H here", {}},
      {"\xc2\x9b"
       "31m and \xc2\x9b"
       "2J",
       {}},
  });
  // What the sequences colour is read as a reader sees it: the sequence is
  // nothing, not even a space ("$" and "9.5" still touch).
  check_cases({
      {"\x1b[1;31m35,000\x1b[0m people", {"'35,000' = 35000 [35000, 35000] exact people"}},
      {"$\x1b[1m9.5 billion", {"'$\x1b[1m9.5 billion' = 9500000000 [9500000000, 9500000000] exact USD"}},
      {"at least \xc2\x9b"
       "1m40 people",
       {"'at least \xc2\x9b"
        "1m40' = 40 [40, inf) at_least people"}},
  });
}

TEST_CASE("each step of reading a figure, one case a step", "[quantities]") {
  // The reader's steps (figure_reader.h), each with a case the tests above
  // leave out. Number words: "a", "half" and "quarter" opening a number, a
  // word that cannot follow, fractions after a numerator, "and" with a
  // fraction, decimals after "point".
  check_cases({
      {"a twenty-first",
       {"'a twenty-first' = 0.047619047619047616 [0.047619047619047616, 0.047619047619047616] exact"}},
      {"a quarter million", {"'a quarter million' = 250000 [250000, 250000] exact"}},
      {"a hundred thousand", {"'a hundred thousand' = 100000 [100000, 100000] exact"}},
      {"half a dozen", {"'half a dozen' = 6 [6, 6] exact"}},
      {"the half-brother", {}},
      {"quarter million", {"'quarter million' = 250000 [250000, 250000] exact"}},
      {"hundred people came", {}},
      {"three hundred and two dozens", {"'three hundred and two dozens' = 324 [324, 324] exact"}},
      {"one hundred thirty fifths",
       {"'one hundred thirty fifths' = 2.857142857142857 [2.857142857142857, 2.857142857142857] exact"}},
      {"one hundred and thirty fifths", {"'one hundred and thirty fifths' = 26 [26, 26] exact"}},
      {"two thirds of a million",
       {"'two thirds of a million' = 666666.6666666666 [666666.6666666666, 666666.6666666666] exact"}},
      {"three quarters billion", {"'three quarters billion' = 750000000 [750000000, 750000000] exact"}},
      {"three twenty-firsts",
       {"'three twenty-firsts' = 0.14285714285714285 [0.14285714285714285, 0.14285714285714285] exact"}},
      {"one billion and three quarters million",
       {"'one billion and three quarters million' = 1000750000 [1000750000, 1000750000] exact"}},
      {"one billion and a quarter million",
       {"'one billion and a quarter million' = 1000250000 [1000250000, 1000250000] exact"}},
      {"one million and a half", {"'one million and a half' = 1500000 [1500000, 1500000] exact"}},
      {"two hundred point seventy-one", {"'two hundred point seventy-one' = 200.71 [200.71, 200.71] exact"}},
  });
  // Digits: fractions that are none, powers, a glued currency, a letter
  // scale, what a scale leaves to add, a fraction of a scale.
  check_cases({
      {"1/0 and 1.5/2", {}},
      {"1.3x10^6 cells", {"'1.3x10^6' = 1300000 [1300000, 1300000] exact"}},
      {"2^10 and 2^400", {"'2^10' = 1024 [1024, 1024] exact", "'2' = 2 [2, 2] exact", "'400' = 400 [400, 400] exact"}},
      {"100yuan", {"'100yuan' = 100 [100, 100] exact CNY"}},
      {"2.33 K", {"'2.33 K' = 2330 [2330, 2330] exact"}},
      {"3 hundred and 21", {"'3 hundred and 21' = 321 [321, 321] exact"}},
      {"4 thousand 3 hundred and 21", {"'4 thousand 3 hundred and 21' = 4321 [4321, 4321] exact"}},
      {"6 crore and two hundred", {"'6 crore and two hundred' = 60000200 [60000200, 60000200] exact"}},
      {"3 million and a half", {"'3 million and a half' = 3500000 [3500000, 3500000] exact"}},
      {"3 million and two thirds",
       {"'3 million and two thirds' = 3666666.6666666665 [3666666.6666666665, 3666666.6666666665] exact"}},
  });
  // A figure: comparison signs, a currency code before, "percent of", a
  // sign word, ratios, a score that is no range, a currency on a range's
  // high end, qualifiers after.
  check_cases({
      {">= 30 and <>30", {"'>= 30' = 30 [30, inf) at_least", "'30' = 30 [30, 30] exact"}},
      {"USD 15 and rmb 10", {"'USD 15' = 15 [15, 15] exact USD", "'rmb 10' = 10 [10, 10] exact CNY"}},
      {"percent of 10", {"'percent of 10' = 10 [10, 10] exact %"}},
      {"minus five", {"'minus five' = -5 [-5, -5] exact"}},
      {"one out of three", {"'one out of three' = 0.3333333333333333 [0.3333333333333333, 0.3333333333333333] exact"}},
      {"2000 over 3", {"'2000 over 3' = 666.6666666666666 [666.6666666666666, 666.6666666666666] exact"}},
      {"1 in 10 years", {"'1' = 1 [1, 1] exact"}},
      {"the final score was 3-1", {}},
      {"$3-$4 million", {"'$3-$4 million' = 3000000 [3000000, 4000000] range USD"}},
      {"5000 or more", {"'5000 or more' = 5000 [5000, inf) at_least"}},
      {"less than 5000 or equal", {"'less than 5000 or equal' = 5000 [0, 5000] at_most"}},
      {"equal to 5000 or less than 6000",
       {"'equal to 5000' = 5000 [5000, 5000] exact", "'less than 6000' = 6000 [0, 6000) less_than"}},
  });
}
