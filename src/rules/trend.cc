// Rule kind `trend`: a cumulative metric (a toll) reported by one authority
// must not fall from one day to a later one beyond the tolerance.
#include <algorithm>
#include <map>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

void check_trend(const Rule& rule, const ClaimGraph& graph, const Lexicon& lexicon, std::vector<Finding>& findings) {
  const auto& claims = graph.claims();
  for (const auto& [key, members] : graph.keys()) {
    const std::string& metric_id = key.metric;  // clang 14 cannot capture a structured binding
    const auto metric = std::find_if(lexicon.metrics.begin(), lexicon.metrics.end(),
                                     [&](const Metric& m) { return m.id == metric_id; });
    if (metric == lexicon.metrics.end() || !metric->cumulative) continue;
    std::map<std::string, std::vector<std::size_t>> by_authority;
    for (std::size_t i : members) {
      if (claims[i].attribution && claims[i].reference_date && rule.select.matches(claims[i])) {
        by_authority[claims[i].attribution->authority].push_back(i);
      }
    }
    for (auto& [authority, list] : by_authority) {
      std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
        return day_number(claims[a].reference_date) < day_number(claims[b].reference_date);
      });
      for (std::size_t a = 0; a < list.size(); ++a) {
        for (std::size_t b = a + 1; b < list.size(); ++b) {
          const Claim& earlier = claims[list[a]];
          const Claim& later = claims[list[b]];
          if (day_number(later.reference_date) <= day_number(earlier.reference_date)) continue;
          if (widened(rule, later).second >= widened(rule, earlier).first) continue;
          Finding finding;
          finding.rule = rule.id;
          finding.kind = rule.kind;
          finding.severity = rule.severity;
          finding.key = key;
          finding.claims = {list[b], list[a]};
          finding.message = render_message(
              rule, key, 2,
              fmt::format("{} on {} after {} on {}", describe_claim(later), format_as(*later.reference_date),
                          describe_claim(earlier), format_as(*earlier.reference_date)));
          findings.push_back(std::move(finding));
        }
      }
    }
  }
}

}  // namespace crosscheck::rules
