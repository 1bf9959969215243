// Rule kind `conflict`: figures of one key and time window that cannot all
// hold. The figures that can dispute one another are swept into groups that
// can all hold together (agreeing_groups, shared with `compare`); two or more
// groups are one finding.
#include <set>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

// Why the clusters likely differ, where it can be told.
std::vector<std::string> reasons(const std::vector<Claim>& claims, const std::vector<Cluster>& clusters) {
  std::vector<std::string> out;
  std::set<std::string> seen_backers;
  bool disjoint = true;
  for (const Cluster& cluster : clusters) {
    for (const std::string& backer : cluster.authorities) {
      if (!seen_backers.insert(backer).second) disjoint = false;
    }
  }
  if (disjoint) out.push_back("different authorities");
  std::set<long> days;
  bool scoped = false, unscoped = false, qualified = false, exact = false;
  for (const Cluster& cluster : clusters) {
    for (std::size_t i : cluster.claims) {
      if (claims[i].reference_date) days.insert(day_number(claims[i].reference_date));
      (claims[i].since ? scoped : unscoped) = true;
      (claims[i].figure.qualifier == Qualifier::exact ? exact : qualified) = true;
    }
  }
  if (days.size() > 1) out.push_back("different reference dates");
  if (scoped && unscoped) out.push_back("different time scopes (since a start date, against a single day)");
  if (qualified && exact) out.push_back("a rounded or qualified restatement against an exact count");
  return out;
}

// across: sources: the disagreement is not one outlet contradicting itself,
// i.e. its claims come from two outlets or more.
bool spans_sources(const std::vector<Claim>& claims, const std::vector<Cluster>& clusters) {
  std::set<std::string> sources;
  for (const Cluster& cluster : clusters) {
    for (std::size_t i : cluster.claims) sources.insert(source_of(claims[i]));
  }
  return sources.size() >= 2;
}

// across: authorities: some two clusters rest on different authorities.
bool spans_authorities(const std::vector<Claim>& claims, const std::vector<Cluster>& clusters) {
  for (std::size_t a = 0; a < clusters.size(); ++a) {
    for (std::size_t b = a + 1; b < clusters.size(); ++b) {
      std::set<std::string> left, right;
      for (std::size_t i : clusters[a].claims) left.insert(backer_of(claims[i]));
      for (std::size_t i : clusters[b].claims) right.insert(backer_of(claims[i]));
      if (left != right) return true;
    }
  }
  return false;
}

void check(const ClaimGraph& graph, const Lexicon&, FindingSink& sink) {
  const Rule& rule = sink.rule();
  const auto& claims = graph.claims();
  for (const auto& [key, members] : graph.keys()) {
    for (const auto& [unit, unit_members] : disputable_by_unit(claims, members)) {
      for (const auto& window : windows(rule, graph, unit_members)) {
        for (auto& group : scale_bands(rule, claims, window)) {
          if (group.size() < 2) continue;
          std::vector<Cluster> clusters = agreeing_groups(claims, std::move(group), rule.tolerance);
          if (clusters.size() < 2) continue;
          if (rule.across == Across::sources && !spans_sources(claims, clusters)) continue;
          if (rule.across == Across::authorities && !spans_authorities(claims, clusters)) continue;
          std::string values;
          std::vector<std::size_t> involved;
          for (const Cluster& cluster : clusters) {
            if (!values.empty()) values += " vs ";
            values += describe_claim(claims[narrowest(claims, cluster)]);
            involved.insert(involved.end(), cluster.claims.begin(), cluster.claims.end());
          }
          Finding& finding = sink.add(key, std::move(involved), clusters.size(), values);
          finding.reasons = reasons(claims, clusters);
          finding.clusters = std::move(clusters);
        }
      }
    }
  }
}

}  // namespace

const RuleKindModule& conflict_kind() {
  static const RuleKindModule module{{RuleKind::conflict,
                                      "conflict",
                                      "figures of one key and time window that cannot all hold",
                                      {"window_days", "tolerance", "across", "max_ratio"},
                                      "{count} figures for {metric} in {entity} that cannot all hold: {values}",
                                      true},
                                     check};
  return module;
}

}  // namespace crosscheck::rules
