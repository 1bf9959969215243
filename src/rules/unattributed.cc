// Rule kind `unattributed`: a figure at or above the rule's minimum that no
// one is credited with. With allow_same_article, a figure is let off when its
// own article credits a compatible figure of the same key to someone.
#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

void check(const ClaimGraph& graph, const Lexicon&, FindingSink& sink) {
  const Rule& rule = sink.rule();
  const auto& claims = graph.claims();
  for (const auto& [key, members] : graph.keys()) {
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
