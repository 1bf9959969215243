#include "quantities/vocabulary.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "core/packed_word_map.h"

namespace crosscheck::quantities {

namespace {

using Kind = NumberWord::Kind;

const std::unordered_map<std::string_view, NumberWord>& number_words() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, NumberWord>;
    const std::string_view units[] = {"zero",     "one",     "two",     "three",     "four",     "five",    "six",
                                      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
                                      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 20; ++i) t->emplace(units[i], NumberWord{Kind::unit, static_cast<double>(i)});
    t->emplace("nought", NumberWord{Kind::unit, 0});
    t->emplace("naught", NumberWord{Kind::unit, 0});
    const std::string_view tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) t->emplace(tens[i], NumberWord{Kind::tens, 20.0 + 10 * i});
    t->emplace("hundred", NumberWord{Kind::hundred, 100});
    for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"thousand", 1e3},
                                                                                         {"million", 1e6},
                                                                                         {"billion", 1e9},
                                                                                         {"trillion", 1e12},
                                                                                         {"lakh", 1e5},
                                                                                         {"lakhs", 1e5},
                                                                                         {"crore", 1e7},
                                                                                         {"crores", 1e7}}) {
      t->emplace(word, NumberWord{Kind::scale, value});
    }
    // Abbreviated scales: only straight after digits ("35k", "2.3bn", "10 mln").
    for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"k", 1e3},
                                                                                         {"mn", 1e6},
                                                                                         {"mln", 1e6},
                                                                                         {"mil", 1e6},
                                                                                         {"mm", 1e6},
                                                                                         {"bn", 1e9},
                                                                                         {"bln", 1e9},
                                                                                         {"b", 1e9},
                                                                                         {"tn", 1e12},
                                                                                         {"tln", 1e12},
                                                                                         {"trn", 1e12}}) {
      t->emplace(word, NumberWord{Kind::scale, value, false, true});
    }
    t->emplace("dozen", NumberWord{Kind::dozen, 12});
    t->emplace("dozens", NumberWord{Kind::dozen, 12, true});
    t->emplace("dz", NumberWord{Kind::dozen, 12, false, true});
    t->emplace("dzs", NumberWord{Kind::dozen, 12, true, true});
    t->emplace("doz", NumberWord{Kind::dozen, 12, false, true});
    t->emplace("dozs", NumberWord{Kind::dozen, 12, true, true});
    t->emplace("half", NumberWord{Kind::half, 2});
    t->emplace("halves", NumberWord{Kind::denominator, 2, true});
    for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"third", 3},
                                                                                         {"fourth", 4},
                                                                                         {"quarter", 4},
                                                                                         {"fifth", 5},
                                                                                         {"sixth", 6},
                                                                                         {"seventh", 7},
                                                                                         {"eighth", 8},
                                                                                         {"ninth", 9},
                                                                                         {"tenth", 10},
                                                                                         {"eleventh", 11},
                                                                                         {"twelfth", 12},
                                                                                         {"twentieth", 20},
                                                                                         {"thirtieth", 30},
                                                                                         {"hundredth", 100},
                                                                                         {"thousandth", 1e3},
                                                                                         {"millionth", 1e6},
                                                                                         {"billionth", 1e9},
                                                                                         {"trillionth", 1e12}}) {
      t->emplace(word, NumberWord{Kind::denominator, value});
    }
    for (auto [word, value] : std::initializer_list<std::pair<std::string_view, double>>{{"thirds", 3},
                                                                                         {"fourths", 4},
                                                                                         {"quarters", 4},
                                                                                         {"fifths", 5},
                                                                                         {"sixths", 6},
                                                                                         {"sevenths", 7},
                                                                                         {"eighths", 8},
                                                                                         {"ninths", 9},
                                                                                         {"tenths", 10},
                                                                                         {"elevenths", 11},
                                                                                         {"twelfths", 12},
                                                                                         {"twentieths", 20},
                                                                                         {"thirtieths", 30},
                                                                                         {"hundredths", 100},
                                                                                         {"thousandths", 1e3},
                                                                                         {"millionths", 1e6},
                                                                                         {"billionths", 1e9},
                                                                                         {"trillionths", 1e12}}) {
      t->emplace(word, NumberWord{Kind::denominator, value, true});
    }
    return t;
  }();
  return *table;
}

WordTable<std::vector<QualifierPhrase>> index_by_first_word(
    std::initializer_list<std::pair<std::string_view, Qualifier>> phrases) {
  std::unordered_map<std::string_view, std::vector<QualifierPhrase>> index;
  for (auto [text, qualifier] : phrases) {
    QualifierPhrase phrase{{}, qualifier};
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t space = text.find(' ', start);
      if (space == std::string_view::npos) space = text.size();
      phrase.words.push_back(text.substr(start, space - start));
      start = space + 1;
    }
    index[phrase.words.front()].push_back(std::move(phrase));
  }
  WordTable<std::vector<QualifierPhrase>> table;
  for (auto& [first, list] : index) {
    std::stable_sort(list.begin(), list.end(), [](const QualifierPhrase& a, const QualifierPhrase& b) {
      return a.words.size() > b.words.size();
    });
    table.add(first, list);
  }
  return table;
}

}  // namespace

const NumberWord* find_number_word(std::string_view lower) {
  static const WordTable<const NumberWord*>* table = [] {
    auto* t = new WordTable<const NumberWord*>;
    for (const auto& [word, entry] : number_words()) t->add(word, &entry);
    return t;
  }();
  const NumberWord* const* found = table->find(lower);
  return found ? *found : nullptr;
}

const PackedWordMap<std::uint8_t>& word_roles() {
  static const PackedWordMap<std::uint8_t>* table = [] {
    auto* t = new PackedWordMap<std::uint8_t>;
    const auto add = [t](std::string_view word, std::uint8_t role) {
      if (std::uint8_t* roles = t->insert(word)) *roles |= role;
    };
    for (const auto& [word, entry] : number_words()) {
      add(word, entry.suffix ? kNumberWord : kStartsFigure | kNumberLike | kNumberWord);
    }
    for (std::string_view word : {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"}) {
      add(word, kStartsFigure | kNumberLike);
    }
    for (std::string_view word :
         {"between", "from", "minus", "negative", "percent", "percents", "per", "several", "a",   "an",  "us",
          "usd",     "c",    "cad",   "hk",       "hkd",     "nz",       "nzd", "mex",     "mxn", "aud", "eur",
          "gbp",     "jpy",  "cny",   "chf",      "inr",     "sek",      "rmb", "try",     "ils", "rub"}) {
      add(word, kStartsFigure);
    }
    for (std::string_view word : {"http", "https", "ftp", "www"}) add(word, kOpensAddress);
    for (std::string_view word : {"at",      "no",        "not",     "more",          "over",
                                  "upwards", "upward",    "in",      "above",         "exceeding",
                                  "exceed",  "exceeds",   "surpass", "surpassing",    "greater",
                                  "larger",  "bigger",    "higher",  "well",          "just",
                                  "north",   "nearly",    "almost",  "close",         "approaching",
                                  "nigh",    "about",     "around",  "approximately", "roughly",
                                  "some",    "estimated", "circa",   "approx",        "on",
                                  "of",      "up",        "as",      "less",          "smaller",
                                  "lower",   "equal",     "fewer",   "under",         "below",
                                  "exactly", "precisely", "equals",  "equaling",      "equalling"}) {
      if (prefix_qualifiers(word)) add(word, kStartsFigure);
    }
    return t;
  }();
  return *table;
}

bool find_vague_amount(std::string_view lower, double& low, double& high) {
  static const WordTable<std::pair<double, double>> table = {
      {"dozens", {24, 100}},     {"hundreds", {200, 1000}}, {"thousands", {2000, 10000}}, {"millions", {2e6, 1e7}},
      {"billions", {2e9, 1e10}}, {"tens", {20, 100}},       {"scores", {40, 100}},
  };
  const std::pair<double, double>* found = table.find(lower);
  if (!found) return false;
  low = found->first;
  high = found->second;
  return true;
}

const std::vector<QualifierPhrase>* prefix_qualifiers(std::string_view first_word) {
  using Q = Qualifier;
  static const auto index = index_by_first_word({
      {"at least", Q::at_least},
      {"no fewer than", Q::at_least},
      {"no less than", Q::at_least},
      {"not less than", Q::at_least},
      {"not fewer than", Q::at_least},
      {"a minimum of", Q::at_least},
      {"at least or equal to", Q::at_least},
      {"more than", Q::more_than},
      {"over", Q::more_than},
      {"upwards of", Q::more_than},
      {"upward of", Q::more_than},
      {"in excess of", Q::more_than},
      {"above", Q::more_than},
      {"exceeding", Q::more_than},
      {"exceed", Q::more_than},
      {"exceeds", Q::more_than},
      {"surpass", Q::more_than},
      {"surpassing", Q::more_than},
      {"greater than", Q::more_than},
      {"larger than", Q::more_than},
      {"bigger than", Q::more_than},
      {"higher than", Q::more_than},
      {"well over", Q::more_than},
      {"just over", Q::more_than},
      {"north of", Q::more_than},
      {"greater than or equal to", Q::at_least},
      {"more than or equal to", Q::at_least},
      {"bigger or equal than", Q::at_least},
      {"higher or equal than", Q::at_least},
      {"greater or equal than", Q::at_least},
      {"larger or equal than", Q::at_least},
      {"equal to or more than", Q::at_least},
      {"equal to or greater than", Q::at_least},
      {"nearly", Q::nearly},
      {"almost", Q::nearly},
      {"close to", Q::nearly},
      {"just under", Q::nearly},
      {"just below", Q::nearly},
      {"approaching", Q::nearly},
      {"nigh on", Q::nearly},
      {"not quite", Q::nearly},
      {"about", Q::approx},
      {"around", Q::approx},
      {"approximately", Q::approx},
      {"roughly", Q::approx},
      {"some", Q::approx},
      {"an estimated", Q::approx},
      {"estimated", Q::approx},
      {"circa", Q::approx},
      {"approx", Q::approx},
      {"in the region of", Q::approx},
      {"on the order of", Q::approx},
      {"of the order of", Q::approx},
      {"around about", Q::approx},
      {"an approximate", Q::approx},
      {"an approximately", Q::approx},
      {"up to", Q::at_most},
      {"as many as", Q::at_most},
      {"at most", Q::at_most},
      {"no more than", Q::at_most},
      {"not more than", Q::at_most},
      {"a maximum of", Q::at_most},
      {"as much as", Q::at_most},
      {"less than or equal to", Q::at_most},
      {"smaller or equal than", Q::at_most},
      {"lower or equal than", Q::at_most},
      {"less or equal than", Q::at_most},
      {"equal to or less than", Q::at_most},
      {"fewer than", Q::less_than},
      {"less than", Q::less_than},
      {"under", Q::less_than},
      {"below", Q::less_than},
      {"lower than", Q::less_than},
      {"smaller than", Q::less_than},
      {"exactly", Q::exact},
      {"precisely", Q::exact},
      {"a total of", Q::exact},
      {"equal to", Q::exact},
      {"equals", Q::exact},
      {"equals to", Q::exact},
      {"equaling to", Q::exact},
      {"equalling", Q::exact},
  });
  return index.find(first_word);
}

const std::vector<QualifierPhrase>* suffix_qualifiers(std::string_view first_word) {
  using Q = Qualifier;
  static const auto index = index_by_first_word({
      {"or more", Q::at_least},
      {"and more", Q::at_least},
      {"or greater", Q::at_least},
      {"or above", Q::at_least},
      {"and above", Q::at_least},
      {"and over", Q::at_least},
      {"or over", Q::at_least},
      {"plus", Q::at_least},
      {"or so", Q::approx},
      {"or less", Q::at_most},
      {"or fewer", Q::at_most},
      {"or below", Q::at_most},
      {"and under", Q::at_most},
      {"or under", Q::at_most},
      {"or greater than", Q::at_least},
      {"or more than", Q::at_least},
      {"or equal", Q::exact},
      {"or equal to", Q::exact},
  });
  return index.find(first_word);
}

std::string_view find_currency_word(std::string_view lower) {
  static const WordTable<std::string_view> table = {
      {"dollar", "USD"},   {"dollars", "USD"},  {"dlr", "USD"},      {"dlrs", "USD"},    {"usd", "USD"},
      {"euro", "EUR"},     {"euros", "EUR"},    {"eur", "EUR"},      {"pound", "GBP"},   {"pounds", "GBP"},
      {"sterling", "GBP"}, {"stg", "GBP"},      {"gbp", "GBP"},      {"yen", "JPY"},     {"jpy", "JPY"},
      {"yuan", "CNY"},     {"renminbi", "CNY"}, {"cny", "CNY"},      {"rmb", "CNY"},     {"rupee", "INR"},
      {"rupees", "INR"},   {"inr", "INR"},      {"lira", "TRY"},     {"liras", "TRY"},   {"lire", "TRY"},
      {"try", "TRY"},      {"franc", "CHF"},    {"francs", "CHF"},   {"chf", "CHF"},     {"rouble", "RUB"},
      {"roubles", "RUB"},  {"ruble", "RUB"},    {"rubles", "RUB"},   {"rub", "RUB"},     {"shekel", "ILS"},
      {"shekels", "ILS"},  {"ils", "ILS"},      {"riyal", "SAR"},    {"riyals", "SAR"},  {"dirham", "AED"},
      {"dirhams", "AED"},  {"won", "KRW"},      {"peso", "MXN"},     {"pesos", "MXN"},   {"krona", "SEK"},
      {"kronor", "SEK"},   {"sek", "SEK"},      {"markka", "FIM"},   {"cent", "cent"},   {"cents", "cent"},
      {"aud", "AUD"},      {"cad", "CAD"},      {"hkd", "HKD"},      {"nok", "NOK"},     {"dkk", "DKK"},
      {"pence", "GBX"},    {"penny", "GBX"},    {"pennies", "GBX"},  {"peseta", "ESP"},  {"pesetas", "ESP"},
      {"guilder", "NLG"},  {"guilders", "NLG"}, {"mark", "DEM"},     {"marks", "DEM"},   {"dinar", "DIN"},
      {"dinars", "DIN"},   {"bitcoin", "BTC"},  {"bitcoins", "BTC"}, {"btc", "BTC"},     {"krone", "DKK"},
      {"kroner", "NOK"},   {"rand", "ZAR"},     {"real", "BRL"},     {"reais", "BRL"},   {"baht", "THB"},
      {"\u5143", "CNY"},   {"satoshi", "BTC"},  {"satoshis", "BTC"}, {"ringgit", "MYR"}, {"naira", "NGN"},
      {"hryvnia", "UAH"},  {"hryvnias", "UAH"}, {"zloty", "PLN"},
  };
  const std::string_view* found = table.find(lower);
  return found ? *found : std::string_view{};
}

std::string_view find_currency_country(std::string_view lower) {
  static const WordTable<std::string_view> table = {
      {"australian", "AUD"}, {"canadian", "CAD"}, {"singapore", "SGD"}, {"singaporean", "SGD"}, {"swiss", "CHF"},
      {"turkish", "TRY"},    {"chinese", "CNY"},  {"indian", "INR"},    {"mexican", "MXN"},     {"taiwan", "TWD"},
      {"taiwanese", "TWD"},  {"finnish", "FIM"},  {"dutch", "NLG"},     {"swedish", "SEK"},     {"danish", "DKK"},
      {"norwegian", "NOK"},  {"american", "USD"}, {"french", "FRF"},    {"belgian", "BEF"},     {"japanese", "JPY"},
      {"pakistani", "PKR"},  {"egyptian", "EGP"}, {"libyan", "LYD"},    {"syrian", "SYP"},
  };
  const std::string_view* found = table.find(lower);
  return found ? *found : std::string_view{};
}

std::string_view find_currency_sign(char32_t sign) {
  switch (sign) {
    case U'$':
      return "USD";
    case U'\u20AC':
      return "EUR";
    case U'\u00A3':
      return "GBP";
    case U'\u00A5':
      return "JPY";
    case U'\u20B9':
      return "INR";
    case U'\u20BA':
      return "TRY";
    case U'\u20AA':
      return "ILS";
    case U'\u20BD':
      return "RUB";
    case U'\u20A1':
      return "CRC";
    case U'\u20BE':
      return "GEL";
    case U'\u20AD':
      return "LAK";
    case U'\u20BF':
      return "BTC";
    case U'\u20A9':
      return "KRW";
    case U'\u20B1':
      return "PHP";
    case U'\u20AB':
      return "VND";
    case U'\u20A6':
      return "NGN";
    case U'\u20B4':
      return "UAH";
    default:
      return {};
  }
}

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

bool is_month(std::string_view lower) {
  static const WordSet words = {
      "january", "february", "march",    "april", "june", "july", "august", "september",
      "october", "november", "december", "jan",   "feb",  "mar",  "apr",    "jun",
      "jul",     "aug",      "sep",      "sept",  "oct",  "nov",  "dec"};
  return words.contains(lower);
}

bool is_time_unit(std::string_view lower) {
  static const WordSet words = {
      "second", "seconds", "minute",    "minutes", "hour",  "hours",  "day",     "days",     "week",
      "weeks",  "month",   "months",    "year",    "years", "decade", "decades", "century",  "centuries",
      "night",  "nights",  "fortnight", "hrs",     "mins",  "secs",   "yrs",     "millennia"};
  return words.contains(lower);
}

bool is_ordinal_word(std::string_view lower) {
  static const WordSet words = {
      "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
      "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
      "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",  "thirtieth",
      "fortieth",  "fiftieth",  "hundredth",   "thousandth", "millionth",  "last",       "penultimate"};
  return words.contains(lower);
}

bool is_identifier_word(std::string_view lower) {
  static const WordSet words = {
      "no",      "nos",      "nr",    "nrs",       "number",  "article",   "articles", "resolution", "flight",
      "route",   "highway",  "room",  "section",   "chapter", "page",      "pages",    "vol",        "volume",
      "version", "platform", "gate",  "terminal",  "level",   "category",  "class",    "track",      "episode",
      "season",  "item",     "rule",  "paragraph", "clause",  "amendment", "apollo",   "ward",       "block",
      "unit",    "bus",      "line",  "exit",      "channel", "channels",  "iphone",   "windows",    "ios",
      "android", "v",        "p",     "pp",        "fig",     "figure",    "table",    "grade",      "phase",
      "stage",   "tier",     "model", "type",      "code",    "box",       "suite",    "apt",        "floor",
      "pier",    "covid",    "sars",  "mh",        "regiment", "brigade", "battalion", "squadron"};
  return words.contains(lower);
}

bool is_street_word(std::string_view lower) {
  static const WordSet words = {
      "street", "st", "avenue", "ave",   "road",  "rd",    "boulevard", "blvd",    "lane",    "ln",
      "drive",  "dr", "way",    "place", "plaza", "court", "ct",        "terrace", "highway", "parkway"};
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
