// Rule kind `conflict`: figures of one key and time window that cannot all
// hold. Intervals widened by the tolerance are sorted by their low end and
// swept into clusters of figures that can all hold together (O(k log k));
// two or more clusters are one finding.
#include <algorithm>
#include <set>

#include "rules/rule_kinds.h"

namespace crosscheck::rules {

namespace {

std::vector<Cluster> clusters_of(const Rule& rule, const std::vector<Claim>& claims, std::vector<std::size_t> group) {
  std::sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
    return widened(rule, claims[a]).first < widened(rule, claims[b]).first;
  });
  std::vector<Cluster> clusters;
  for (std::size_t i : group) {
    const auto [low, high] = widened(rule, claims[i]);
    if (clusters.empty() || low > clusters.back().high) {
      clusters.push_back({{i}, low, high, {}});
    } else {
      Cluster& cluster = clusters.back();
      cluster.claims.push_back(i);
      cluster.low = std::max(cluster.low, low);
      cluster.high = std::min(cluster.high, high);
    }
  }
  for (Cluster& cluster : clusters) {
    std::set<std::string> backers;
    for (std::size_t i : cluster.claims) backers.insert(backer_of(claims[i]));
    cluster.authorities.assign(backers.begin(), backers.end());
  }
  return clusters;
}

// The claim that pins a cluster down: its narrowest interval. The message names
// it, since an open "more than 2,000" in the same cluster as "11,300" would
// read as agreeing with the other side.
std::size_t narrowest(const std::vector<Claim>& claims, const Cluster& cluster) {
  return *std::min_element(cluster.claims.begin(), cluster.claims.end(), [&](std::size_t a, std::size_t b) {
    return claims[a].high - claims[a].low < claims[b].high - claims[b].low;
  });
}

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
      (claims[i].qualifier == Qualifier::exact ? exact : qualified) = true;
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

}  // namespace

void check_conflict(const Rule& rule, const ClaimGraph& graph, std::vector<Finding>& findings) {
  const auto& claims = graph.claims();
  for (const auto& [key, members] : graph.keys()) {
    // Figures in different units never conflict: split the key by unit.
    // NOTE: vague amounts ("hundreds of bodies") are too loose to dispute a count: left out.
    std::map<std::string, std::vector<std::size_t>> by_unit;
    for (std::size_t i : members) {
      if (claims[i].qualifier == Qualifier::vague) continue;
      by_unit[claims[i].unit == "people" ? "" : claims[i].unit].push_back(i);
    }
    for (const auto& [unit, unit_members] : by_unit) {
      for (const auto& group : windows(rule, graph, unit_members)) {
        if (group.size() < 2) continue;
        std::vector<Cluster> clusters = clusters_of(rule, claims, group);
        if (clusters.size() < 2) continue;
        if (rule.across == "sources" && !spans_sources(claims, clusters)) continue;
        if (rule.across == "authorities" && !spans_authorities(claims, clusters)) continue;
        Finding finding;
        finding.rule = rule.id;
        finding.kind = rule.kind;
        finding.severity = rule.severity;
        finding.key = key;
        std::string values;
        for (const Cluster& cluster : clusters) {
          if (!values.empty()) values += " vs ";
          values += describe_claim(claims[narrowest(claims, cluster)]);
          for (std::size_t i : cluster.claims) finding.claims.push_back(i);
        }
        finding.message = render_message(rule, key, clusters.size(), values);
        finding.reasons = reasons(claims, clusters);
        finding.clusters = std::move(clusters);
        findings.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace crosscheck::rules
