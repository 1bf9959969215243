#include <algorithm>

#include "rules/rule_kinds.h"

namespace crosscheck {

std::vector<Finding> evaluate(const std::vector<Rule>& rules, const ClaimGraph& graph, const Lexicon& lexicon) {
  std::vector<Finding> findings;
  for (const Rule& rule : rules) {
    rules::FindingSink sink(rule, findings);
    rules::module_of(rule.kind).check(graph, lexicon, sink);
  }
  const auto& claims = graph.claims();
  for (Finding& finding : findings) finding.fingerprint = fingerprint_of(finding, claims);
  // Sorted by the place of the first claim, then the rule: output that can be diffed.
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    const Claim& x = claims[a.claims.front()];
    const Claim& y = claims[b.claims.front()];
    return std::tie(x.file, x.line, x.column, a.rule) < std::tie(y.file, y.line, y.column, b.rule);
  });
  return findings;
}

}  // namespace crosscheck
