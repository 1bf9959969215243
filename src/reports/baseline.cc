// Baseline files: the findings a desk has accepted, by fingerprint, so that
// `check --baseline` reports only what is new (as linters do).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "crosscheck/reports.h"

namespace crosscheck {

std::set<std::string> parse_baseline(std::string_view text, const std::string& file, DiagnosticSink& diagnostics) {
  std::set<std::string> fingerprints;
  std::uint32_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const std::size_t last = std::min(line.find_first_of(" \t\r", first), line.size());
    const std::string_view word = line.substr(first, last - first);
    const bool hex = word.size() == 16 && std::all_of(word.begin(), word.end(), [](char c) {
                       return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                     });
    if (!hex) {
      diagnostics.error({file, line_number, static_cast<std::uint32_t>(first + 1)},
                        fmt::format("'{}' is not a fingerprint (16 lower-case hex digits); write the baseline "
                                    "with 'crosscheck check --write-baseline FILE'",
                                    word.substr(0, 40)));
      continue;
    }
    fingerprints.emplace(word);
  }
  return fingerprints;
}

std::string render_baseline(const std::vector<Finding>& findings) {
  std::vector<const Finding*> sorted;
  for (const Finding& finding : findings) sorted.push_back(&finding);
  std::sort(sorted.begin(), sorted.end(),
            [](const Finding* a, const Finding* b) { return a->fingerprint < b->fingerprint; });
  std::string out =
      "# crosscheck baseline: findings accepted as they are. 'crosscheck check --baseline FILE' leaves them\n"
      "# out. One fingerprint per line; the rule and message after it are for people.\n";
  for (const Finding* finding : sorted) {
    // One line each: a line break in a message must not start a line that reads as a fingerprint.
    out += fmt::format("{}  {}  {}\n", finding->fingerprint, escape_controls(finding->rule),
                       escape_controls(finding->message));
  }
  return out;
}

}  // namespace crosscheck
