// Conformance of the quantities stage against Microsoft Recognizers-Text's
// English specs (tests/data/recognizers-specs, copied with their MIT license): every case of every file
// is read, none skipped, and a case passes when crosscheck finds exactly the
// expected figures (text, case-insensitive, and value).
//
//   crosscheck_conformance --specs DIR [--floor FILE] [--failures FILE]
//
// Prints a table of pass rates per file. With --floor, exits 1 when a file's
// rate falls below the rate recorded for it there. With --failures, writes
// every failing case with what was expected and what was read.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/quantities.h"

namespace {

namespace fs = std::filesystem;
using crosscheck::Qualifier;
using crosscheck::Quantity;

// One figure as the spec writes it: lower-cased text and resolution value.
struct Item {
  std::string text;
  std::string value;
  friend bool operator==(const Item&, const Item&) = default;
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A spec value ("1E-12", "0.666666666666667", "100%", "(20,35]") and ours
// agree when their numbers agree to 1e-9 relative and the rest is equal.
bool same_value(const std::string& expected, const std::string& actual) {
  if (expected == actual) return true;
  auto numbers_and_rest = [](const std::string& s, std::vector<double>& numbers, std::string& rest) {
    for (std::size_t i = 0; i < s.size();) {
      const char c = s[i];
      if ((c >= '0' && c <= '9') || ((c == '-' || c == '.') && i + 1 < s.size() && std::isdigit(s[i + 1]))) {
        std::size_t used = 0;
        numbers.push_back(std::stod(s.substr(i), &used));
        rest += '#';
        i += used;
      } else {
        rest += c;
        ++i;
      }
    }
  };
  std::vector<double> a, b;
  std::string rest_a, rest_b;
  try {
    numbers_and_rest(expected, a, rest_a);
    numbers_and_rest(actual, b, rest_b);
  } catch (const std::exception&) {
    return false;
  }
  if (rest_a != rest_b || a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::abs(a[i] - b[i]) > 1e-9 * std::max(1.0, std::abs(a[i]))) return false;
  }
  return true;
}

std::string plain(double value) {
  if (value == std::floor(value) && std::abs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{}", value);
}

// What the spec's model would report from our figures, by model kind.
enum class Model { number, range, percent, currency, dimension, temperature, age, ordinal };

Model model_of(const std::string& file) {
  if (file.starts_with("NumberRange")) return Model::range;
  if (file.starts_with("Percent")) return Model::percent;
  if (file.starts_with("Ordinal")) return Model::ordinal;
  if (file.starts_with("Currency")) return Model::currency;
  if (file.starts_with("Dimension")) return Model::dimension;
  if (file.starts_with("Temperature")) return Model::temperature;
  if (file.starts_with("Age")) return Model::age;
  return Model::number;
}

bool is_currency(const std::string& unit) {
  return unit == "cent" || (unit.size() == 3 && std::isupper(static_cast<unsigned char>(unit[0])) &&
                            std::isupper(static_cast<unsigned char>(unit[2])));
}

// Whether `q` is a measure whose unit is glued to its digits ("180ml", "29km").
bool unit_glued(const Quantity& q, std::string_view input) {
  // The number's span takes in a glued word: digits, then letters to its end.
  const std::string_view number = q.number.view(input);
  if (q.unit.empty() || q.unit == "%" || is_currency(q.unit)) return false;
  const std::size_t last_digit = number.find_last_of("0123456789");
  return last_digit != std::string_view::npos && last_digit + 1 < number.size() &&
         std::all_of(number.begin() + static_cast<std::ptrdiff_t>(last_digit) + 1, number.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// Whether a range's words are two bounds joined ("at most 100 and at least
// 20", "higher or equal than 100, lower or equal than 300"), not "between"
// or "to": the spec gives such a range the ends its bounds have.
bool joined_from_bounds(std::string_view as_written) {
  for (const std::string_view word : {"more", "less", "most", "least", "higher", "lower", "larger", "smaller"}) {
    if (as_written.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::string range_notation(const Quantity& q, bool joined_bounds) {
  const bool unbounded_below = q.qualifier == Qualifier::at_most || q.qualifier == Qualifier::less_than;
  const std::string low = unbounded_below ? "" : plain(q.low);
  const std::string high = std::isinf(q.high) ? "" : plain(q.high);
  // NOTE: the spec reads "between 20 and 30" as [20,30); a news range is
  // closed at both ends in crosscheck, on purpose. A range joined from two
  // bounds ("at most 100 and at least 20") keeps their ends in the spec too.
  const bool explicit_range = q.qualifier == Qualifier::range && !q.low_open && !q.high_open && !joined_bounds;
  const char close = explicit_range ? ')' : (q.high_open || high.empty() ? ')' : ']');
  const char open = q.low_open || low.empty() ? '(' : '[';
  return fmt::format("{}{},{}{}", open, low, high, close);
}

std::vector<Item> read_items(crosscheck::QuantityReader& reader, const std::string& input, Model model) {
  std::vector<Item> items;
  for (const Quantity& q : reader.read(input)) {
    switch (model) {
      case Model::number:
      case Model::ordinal:
        // The spec's number model leaves a measure written tight to its
        // unit to the dimension model ("the 180ml liquid", "1m isn't a
        // number"): crosscheck reads it as one figure with its unit.
        if (unit_glued(q, input)) break;
        items.push_back({lower(q.number.view(input)), plain(q.value)});
        if (q.qualifier == Qualifier::range) items.push_back({lower(q.high_number.view(input)), plain(q.high)});
        break;
      case Model::range: {
        const std::string as_written = lower(q.span.view(input));
        if (q.qualifier != Qualifier::exact || as_written.starts_with("equal")) {
          items.push_back({as_written, range_notation(q, joined_from_bounds(as_written))});
        }
        break;
      }
      case Model::percent:
        if (q.unit == "%") items.push_back({lower(q.amount.view(input)), plain(q.value) + "%"});
        break;
      case Model::currency:
        if (is_currency(q.unit)) items.push_back({lower(q.amount.view(input)), plain(q.value)});
        break;
      case Model::dimension:
      case Model::temperature:
      case Model::age:
        if (!q.unit.empty() && q.unit != "%" && q.unit != "people" && !is_currency(q.unit)) {
          items.push_back({lower(q.amount.view(input)), plain(q.value)});
        }
        break;
    }
  }
  return items;
}

std::string show(const std::vector<Item>& items) {
  std::string out;
  for (const Item& item : items) out += fmt::format("{}'{}'={}", out.empty() ? "" : ", ", item.text, item.value);
  return "[" + out + "]";
}

}  // namespace

int main(int argc, char** argv) {
  std::string specs, floor_file, failures_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--specs")
      specs = argv[i + 1];
    else if (flag == "--floor")
      floor_file = argv[i + 1];
    else if (flag == "--failures")
      failures_file = argv[i + 1];
  }
  if (specs.empty() || !fs::is_directory(specs)) {
    fmt::print(stderr, "crosscheck_conformance: --specs DIR must name the recognizers-specs folder (got '{}')\n",
               specs);
    return 2;
  }
  std::map<std::string, double> floors;
  if (!floor_file.empty()) {
    std::ifstream in(floor_file);
    std::string name;
    double rate = 0;
    while (in >> name >> rate) floors[name] = rate;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(specs)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  crosscheck::QuantityReader reader;
  std::ostringstream failures;
  bool below_floor = false;
  std::size_t all_cases = 0, all_passed = 0;
  fmt::print("{:<42} {:>6} {:>6} {:>7} {:>7}\n", "file", "cases", "pass", "rate", "floor");
  for (const fs::path& file : files) {
    std::ifstream in(file);
    const nlohmann::json cases = nlohmann::json::parse(in);
    const std::string name = file.filename().string();
    const Model model = model_of(name);
    std::size_t passed = 0;
    for (const auto& c : cases) {
      const std::string input = c.at("Input").get<std::string>();
      std::vector<Item> expected;
      for (const auto& result : c.at("Results")) {
        const auto& resolution = result.value("Resolution", nlohmann::json::object());
        std::string value;
        if (resolution.contains("value") && resolution["value"].is_string()) value = resolution["value"];
        if (model == Model::ordinal) value = resolution.value("offset", value);
        expected.push_back({lower(result.at("Text").get<std::string>()), value});
      }
      const std::vector<Item> actual = read_items(reader, input, model);
      bool ok = expected.size() == actual.size();
      for (std::size_t k = 0; ok && k < expected.size(); ++k) {
        ok = expected[k].text == actual[k].text && same_value(expected[k].value, actual[k].value);
      }
      if (ok) {
        ++passed;
      } else {
        failures << fmt::format("{}\t{}\texpected {}\tread {}\n", name, input, show(expected), show(actual));
      }
    }
    const double rate = cases.empty() ? 1.0 : static_cast<double>(passed) / cases.size();
    const auto floor = floors.find(name);
    const bool low = floor != floors.end() && rate + 1e-9 < floor->second;
    below_floor |= low;
    all_cases += cases.size();
    all_passed += passed;
    fmt::print("{:<42} {:>6} {:>6} {:>6.1f}% {:>7}{}\n", name, cases.size(), passed, 100 * rate,
               floor == floors.end() ? "-" : fmt::format("{:.1f}%", 100 * floor->second), low ? "  BELOW FLOOR" : "");
  }
  fmt::print("{:<42} {:>6} {:>6} {:>6.1f}%\n", "all", all_cases, all_passed,
             100.0 * all_passed / std::max<std::size_t>(all_cases, 1));
  if (!failures_file.empty()) std::ofstream(failures_file) << failures.str();
  if (below_floor) {
    fmt::print("a file's pass rate fell below its floor in {}\n", floor_file);
    return 1;
  }
  return 0;
}
