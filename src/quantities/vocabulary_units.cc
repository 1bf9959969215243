// Unit words with the symbol a claim carries, and the nouns a figure counts
// (people or things).
#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>

#include "quantities/vocabulary.h"

namespace crosscheck::quantities {

namespace {

// Unit words and the symbol a claim carries for them.
constexpr std::pair<std::string_view, std::string_view> kUnitWords[] = {
    {"ton", "t"},
    {"tons", "t"},
    {"tonne", "t"},
    {"tonnes", "t"},
    {"t", "t"},
    {"kg", "kg"},
    {"kilogram", "kg"},
    {"kilograms", "kg"},
    {"kilogrammes", "kg"},
    {"kilos", "kg"},
    {"g", "g"},
    {"gram", "g"},
    {"grams", "g"},
    {"km", "km"},
    {"kilometre", "km"},
    {"kilometres", "km"},
    {"kilometer", "km"},
    {"kilometers", "km"},
    {"mile", "mi"},
    {"miles", "mi"},
    {"m", "m"},
    {"metre", "m"},
    {"metres", "m"},
    {"meter", "m"},
    {"meters", "m"},
    {"cm", "cm"},
    {"centimetres", "cm"},
    {"centimeters", "cm"},
    {"millimetres", "mm"},
    {"millimeters", "mm"},
    {"millimetre", "mm"},
    {"millimeter", "mm"},
    {"litre", "L"},
    {"litres", "L"},
    {"liter", "L"},
    {"liters", "L"},
    {"l", "L"},
    {"ml", "mL"},
    {"gallon", "gal"},
    {"gallons", "gal"},
    {"barrel", "bbl"},
    {"barrels", "bbl"},
    {"bpd", "bbl/d"},
    {"hectare", "ha"},
    {"hectares", "ha"},
    {"ha", "ha"},
    {"acre", "acre"},
    {"acres", "acre"},
    {"mw", "MW"},
    {"gw", "GW"},
    {"kwh", "kWh"},
    {"mph", "mph"},
    {"kph", "km/h"},
    {"feet", "ft"},
    {"foot", "ft"},
    {"ft", "ft"},
    {"inches", "in"},
    {"lb", "lb"},
    {"lbs", "lb"},
    {"ounces", "oz"},
    {"oz", "oz"},
    {"magnitude", "magnitude"},
    {"degrees", "deg"},
    {"sq", "sq"},
};

}  // namespace

std::string_view find_unit_word(std::string_view lower) {
  static const WordTable<std::string_view> table = [] {
    WordTable<std::string_view> words;
    for (const auto& [word, symbol] : kUnitWords) words.add(word, symbol);
    return words;
  }();
  const std::string_view* found = table.find(lower);
  return found ? *found : std::string_view{};
}

bool is_people_noun(std::string_view lower) {
  static const WordSet words = {
      "people",     "persons",    "person",        "civilians",   "children",   "kids",        "women",
      "men",        "babies",     "infants",       "newborns",    "patients",   "journalists", "reporters",
      "residents",  "refugees",   "migrants",      "soldiers",    "troops",     "fighters",    "militants",
      "protesters", "protestors", "demonstrators", "marchers",    "students",   "workers",     "staff",
      "staffers",   "doctors",    "nurses",        "medics",      "passengers", "victims",     "survivors",
      "hostages",   "prisoners",  "detainees",     "inhabitants", "citizens",   "voters",      "adults",
      "minors",     "teenagers",  "girls",         "boys",        "elderly",    "pilgrims",    "police",
      "officers",   "policemen",  "rescuers",      "volunteers",  "employees",  "individuals", "evacuees",
      "tourists",   "visitors",   "participants",  "attendees",   "members",    "families",    "households",
      "bodies",
  };
  return words.contains(lower);
}

bool is_thing_noun(std::string_view lower) {
  static const WordSet words = {
      "trucks",    "lorries",    "homes",    "houses",   "buildings", "schools",  "hospitals", "tents",
      "flights",   "boxes",      "bags",     "groups",   "products",  "shelters", "vehicles",  "cars",
      "ships",     "planes",     "aircraft", "rockets",  "missiles",  "drones",   "shells",    "bombs",
      "strikes",   "airstrikes", "attacks",  "villages", "towns",     "cities",   "districts", "provinces",
      "countries", "apartments", "units",    "meals",    "doses",     "vaccines", "beds",      "votes",
      "seats",     "jobs",       "shares",   "barrels",  "pallets",   "parcels",  "packages",  "wells",
      "bridges",   "mosques",    "churches", "sites",    "cases",     "deaths",   "injuries",  "arrests",
  };
  return words.contains(lower);
}

}  // namespace crosscheck::quantities

namespace crosscheck {

bool is_unit_symbol(std::string_view unit) {
  if (unit == "people" || unit == "%") return true;
  if (unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return true;  // an ISO 4217 currency code
  }
  return std::any_of(std::begin(quantities::kUnitWords), std::end(quantities::kUnitWords),
                     [&](const auto& entry) { return entry.second == unit; });
}

}  // namespace crosscheck
