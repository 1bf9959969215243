// Rule kind `unattributed`: a figure at or above the rule's minimum that no
// one is credited with. With allow_same_article, a figure is let off when its
// own article credits a compatible figure of the same key to someone.
#include <map>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

// The claims of each key, and then those with a metric but no place: a
// figure needs no place to need a source.
void check(const ClaimGraph& graph, const Lexicon&, FindingSink& sink) {
  const Rule& rule = sink.rule();
  const auto& claims = graph.claims();
  std::vector<std::size_t> unplaced;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].entity.empty() && !claims[i].metric.empty()) unplaced.push_back(i);
  }
  std::vector<std::pair<ClaimKey, const std::vector<std::size_t>*>> groups;
  for (const auto& [key, members] : graph.keys()) groups.emplace_back(key, &members);
  std::map<ClaimKey, std::vector<std::size_t>> unplaced_keys;
  for (std::size_t i : unplaced) unplaced_keys[key_of(claims[i])].push_back(i);
  for (const auto& [key, members] : unplaced_keys) groups.emplace_back(key, &members);
  for (const auto& [key, members_of_key] : groups) {
    const std::vector<std::size_t>& members = *members_of_key;
    for (std::size_t i : members) {
      const Claim& claim = claims[i];
      if (claim.attribution || !rule.select.matches(claim)) continue;
      // An earlier year's toll told in passing ("In 2004 a tsunami killed
      // 170,000") is history the desk need not source again.
      if (claim.scope == Scope::background) continue;
      if (rule.allow_same_article) {
        const Interval interval = widened(rule, claim);
        bool backed = false;
        for (std::size_t j : members) {
          const Claim& other = claims[j];
          if (j == i || !other.attribution || other.article != claim.article) continue;
          if (interval.meets(widened(rule, other))) backed = true;
        }
        if (backed) continue;
      }
      sink.add(key, {i}, 1, "'" + claim.text + "'");
    }
  }
}

}  // namespace

const RuleKindModule& unattributed_kind() {
  static const RuleKindModule module{{RuleKind::unattributed,
                                      "unattributed",
                                      "a figure at or above a minimum with no attribution",
                                      {"tolerance", "allow_same_article"},
                                      "{metric} figure {values} in {entity} is not attributed to anyone",
                                      false},
                                     check};
  return module;
}

}  // namespace crosscheck::rules
