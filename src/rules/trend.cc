// Rule kind `trend`: a cumulative metric (a toll) reported by one authority
// must not fall from one day to a later one beyond the tolerance.
#include <algorithm>
#include <map>
#include <optional>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

void check(const ClaimGraph& graph, const Lexicon& lexicon, FindingSink& sink) {
  const Rule& rule = sink.rule();
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
      // Each figure is compared with the highest figure the authority gave
      // on an earlier day (the peak so far): one finding per figure that
      // falls, not one per pair, which a long series would make quadratic.
      std::optional<std::size_t> peak;  // the earlier claim with the highest lower bound
      for (std::size_t day_begin = 0; day_begin < list.size();) {
        const long day = day_number(claims[list[day_begin]].reference_date);
        std::size_t day_end = day_begin;
        while (day_end < list.size() && day_number(claims[list[day_end]].reference_date) == day) ++day_end;
        for (std::size_t k = day_begin; peak && k < day_end; ++k) {
          const Claim& earlier = claims[*peak];
          const Claim& later = claims[list[k]];
          if (widened(rule, later).high >= widened(rule, earlier).low) continue;
          if (!same_scale(rule, earlier, later)) continue;  // a strike's toll after the war's, not a fall
          sink.add(key, {list[k], *peak}, 2,
                   fmt::format("{} on {} after {} on {}", describe_claim(later), format_as(*later.reference_date),
                               describe_claim(earlier), format_as(*earlier.reference_date)));
        }
        for (std::size_t k = day_begin; k < day_end; ++k) {
          if (!peak || widened(rule, claims[list[k]]).low > widened(rule, claims[*peak]).low) peak = list[k];
        }
        day_begin = day_end;
      }
    }
  }
}

}  // namespace

const RuleKindModule& trend_kind() {
  static const RuleKindModule module{{RuleKind::trend,
                                      "trend",
                                      "a cumulative metric from one authority that falls",
                                      {"tolerance", "max_ratio"},
                                      "cumulative {metric} in {entity} falls over time: {values}",
                                      true},
                                     check};
  return module;
}

}  // namespace crosscheck::rules
