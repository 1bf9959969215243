// Rule kind `unattributed`: a figure at or above the rule's minimum that no
// one is credited with. With allow_same_article, a figure is let off when its
// own article credits a compatible figure of the same key to someone.
#include <algorithm>
#include <map>
#include <string_view>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

// Whether a claim of `members` from `claim`'s article credits a figure
// that can hold with it; `credited` maps each article to its credited
// claims among `members` (built once a key, so each lookup reads one
// article's claims, not the key's).
bool backed_in_its_article(const Rule& rule, const std::vector<Claim>& claims, std::size_t i,
                           const std::map<std::string_view, std::vector<std::size_t>>& credited) {
  const auto found = credited.find(claims[i].article);
  if (found == credited.end()) return false;
  const Interval interval = widened(rule, claims[i]);
  return std::any_of(found->second.begin(), found->second.end(),
                     [&](std::size_t j) { return interval.meets(widened(rule, claims[j])); });
}

void check_key(const Rule& rule, const std::vector<Claim>& claims, const ClaimKey& key,
               const std::vector<std::size_t>& members, FindingSink& sink) {
  std::map<std::string_view, std::vector<std::size_t>> credited;
  if (rule.allow_same_article) {
    for (std::size_t j : members) {
      if (claims[j].attribution) credited[claims[j].article].push_back(j);
    }
  }
  for (std::size_t i : members) {
    const Claim& claim = claims[i];
    if (claim.attribution || !rule.select.matches(claim)) continue;
    // An earlier year's toll told in passing ("In 2004 a tsunami killed
    // 170,000") is history the desk need not source again.
    if (claim.scope == Scope::background) continue;
    if (rule.allow_same_article && backed_in_its_article(rule, claims, i, credited)) continue;
    sink.add(key, {i}, 1, "'" + claim.text + "'");
  }
}

// The claims of each key, and then those with a metric but no place: a
// figure needs no place to need a source.
void check(const ClaimGraph& graph, const Lexicon&, FindingSink& sink) {
  const Rule& rule = sink.rule();
  const auto& claims = graph.claims();
  for (const auto& [key, members] : graph.keys()) check_key(rule, claims, key, members, sink);
  std::map<ClaimKey, std::vector<std::size_t>> unplaced;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].entity.empty() && !claims[i].metric.empty()) unplaced[key_of(claims[i])].push_back(i);
  }
  for (const auto& [key, members] : unplaced) check_key(rule, claims, key, members, sink);
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
