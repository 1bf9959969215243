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
      // Each figure is compared with the highest figure of its scale the
      // authority gave on an earlier day (the peak so far, below max_ratio
      // times the figure: a strike's toll after the war's is no fall, but
      // 300 after 400 is one whatever 5,000 came before): one finding per
      // figure that falls, not one per pair, which a long series would make
      // quadratic. The earlier figures by widened low end, each kept once.
      std::multimap<double, std::size_t> earlier;
      for (std::size_t day_begin = 0; day_begin < list.size();) {
        const long day = day_number(claims[list[day_begin]].reference_date);
        std::size_t day_end = day_begin;
        while (day_end < list.size() && day_number(claims[list[day_end]].reference_date) == day) ++day_end;
        for (std::size_t k = day_begin; !earlier.empty() && k < day_end; ++k) {
          const Claim& later = claims[list[k]];
          const double top = scale_top(later);
          auto peak = rule.max_ratio > 0 && top > 0 ? earlier.upper_bound(rule.max_ratio * top) : earlier.end();
          if (peak == earlier.begin()) continue;
          --peak;
          const Claim& before = claims[peak->second];
          if (widened(rule, later).high >= widened(rule, before).low || !same_scale(rule, before, later)) continue;
          sink.add(key, {list[k], peak->second}, 2,
                   fmt::format("{} on {} after {} on {}", describe_claim(later), format_as(*later.reference_date),
                               describe_claim(before), format_as(*before.reference_date)));
        }
        for (std::size_t k = day_begin; k < day_end; ++k) {
          earlier.emplace(widened(rule, claims[list[k]]).low, list[k]);
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
