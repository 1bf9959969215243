// Rule kind `bound`: a part must not exceed its whole, within the window: a
// subgroup against the total ("15,000 children" against 12,000 killed), and a
// place against the place it is part of (Rafah against Gaza).
#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

void compare(const ClaimGraph& graph, const ClaimKey& part_key, const std::vector<std::size_t>& parts,
             const ClaimKey& whole_key, FindingSink& sink) {
  const Rule& rule = sink.rule();
  const auto& claims = graph.claims();
  const auto whole = graph.keys().find(whole_key);
  if (whole == graph.keys().end()) return;
  std::vector<std::size_t> both = parts;
  both.insert(both.end(), whole->second.begin(), whole->second.end());
  for (const auto& group : windows(rule, graph, both)) {
    // The whole is the largest figure given for it in the window: a smaller
    // one may count less (a day's toll, the identified dead), not the total.
    std::size_t largest = SIZE_MAX;
    for (std::size_t w : group) {
      if (key_of(claims[w]) != whole_key) continue;
      if (largest == SIZE_MAX || widened(rule, claims[w]).high > widened(rule, claims[largest]).high) largest = w;
    }
    if (largest == SIZE_MAX) continue;
    const auto [whole_low, whole_high] = widened(rule, claims[largest]);
    for (std::size_t p : group) {
      if (key_of(claims[p]) != part_key || claims[largest].figure.unit != claims[p].figure.unit) continue;
      const auto [part_low, part_high] = widened(rule, claims[p]);
      if (part_low <= whole_high) continue;  // the part can still fit
      sink.add(part_key, {p, largest}, 2,
               fmt::format("{} for {} exceeds {} for {}", describe_claim(claims[p]),
                           part_key.subject.empty() ? part_key.entity : part_key.subject,
                           describe_claim(claims[largest]), whole_key.subject.empty() ? whole_key.entity : "all"));
    }
  }
}

void check(const ClaimGraph& graph, const Lexicon&, FindingSink& sink) {
  for (const auto& [key, members] : graph.keys()) {
    if (!key.subject.empty()) compare(graph, key, members, ClaimKey{key.entity, key.metric, "", key.scope}, sink);
    // An incident's count, a day's or a part's is within the story's (not
    // an earlier year's event's).
    if (key.scope != Scope::story && key.scope != Scope::background) {
      compare(graph, key, members, ClaimKey{key.entity, key.metric, key.subject, Scope::story}, sink);
    }
    if (const std::string parent = graph.parent_of(key.entity); !parent.empty()) {
      compare(graph, key, members, ClaimKey{parent, key.metric, key.subject, key.scope}, sink);
    }
  }
}

}  // namespace

const RuleKindModule& bound_kind() {
  static const RuleKindModule module{{RuleKind::bound,
                                      "bound",
                                      "a part larger than its whole (a subgroup, a part_of place)",
                                      {"window_days", "tolerance"},
                                      "a part is larger than its whole: {values}",
                                      false},
                                     check};
  return module;
}

}  // namespace crosscheck::rules
