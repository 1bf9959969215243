// Rule kind `unattributed`: a figure at or above the rule's minimum that no
// one is credited with. With allow_same_article, a figure is let off when its
// own article credits a compatible figure of the same key to someone.
#include "rules/rule_kinds.h"

namespace crosscheck::rules {

void check_unattributed(const Rule& rule, const ClaimGraph& graph, std::vector<Finding>& findings) {
  const auto& claims = graph.claims();
  for (const auto& [key, members] : graph.keys()) {
    for (std::size_t i : members) {
      const Claim& claim = claims[i];
      if (claim.attribution || !rule.select.matches(claim)) continue;
      if (rule.allow_same_article) {
        const auto [low, high] = widened(rule, claim);
        bool backed = false;
        for (std::size_t j : members) {
          const Claim& other = claims[j];
          if (j == i || !other.attribution || other.article != claim.article) continue;
          const auto [other_low, other_high] = widened(rule, other);
          if (std::max(low, other_low) <= std::min(high, other_high)) backed = true;
        }
        if (backed) continue;
      }
      Finding finding;
      finding.rule = rule.id;
      finding.kind = rule.kind;
      finding.severity = rule.severity;
      finding.key = key;
      finding.claims = {i};
      finding.message = render_message(rule, key, 1, "'" + claim.text + "'");
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace crosscheck::rules
