// Currency words, the nationalities that name a currency ("Canadian dollars"),
// and currency signs, each with its ISO 4217 code.
#include <string_view>

#include "quantities/vocabulary.h"

namespace crosscheck::quantities {

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

}  // namespace crosscheck::quantities
