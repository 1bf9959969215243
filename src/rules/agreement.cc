// Which figures of one key can all hold together: the clustering the
// conflict rule and `compare` share.
#include <algorithm>
#include <set>

#include "crosscheck/rules.h"

namespace crosscheck {

std::map<std::string, std::vector<std::size_t>> disputable_by_unit(const std::vector<Claim>& claims,
                                                                   const std::vector<std::size_t>& members) {
  std::map<std::string, std::vector<std::size_t>> by_unit;
  for (std::size_t i : members) {
    if (claims[i].figure.qualifier == Qualifier::vague) continue;
    by_unit[claims[i].figure.unit == "people" ? "" : claims[i].figure.unit].push_back(i);
  }
  return by_unit;
}

std::vector<Cluster> agreeing_groups(const std::vector<Claim>& claims, std::vector<std::size_t> members,
                                     const Tolerance& tolerance) {
  auto widened = [&](std::size_t i) {
    return Interval{claims[i].figure.low, claims[i].figure.high}.widened(tolerance);
  };
  std::stable_sort(members.begin(), members.end(),
                   [&](std::size_t a, std::size_t b) { return widened(a).low < widened(b).low; });
  std::vector<Cluster> clusters;
  for (std::size_t i : members) {
    const Interval interval = widened(i);
    if (clusters.empty() || interval.low > clusters.back().high) {
      clusters.push_back({{i}, interval.low, interval.high, {}});
    } else {
      Cluster& cluster = clusters.back();
      cluster.claims.push_back(i);
      cluster.low = std::max(cluster.low, interval.low);
      cluster.high = std::min(cluster.high, interval.high);
    }
  }
  for (Cluster& cluster : clusters) {
    std::set<std::string> backers;
    for (std::size_t i : cluster.claims) backers.insert(backer_of(claims[i]));
    cluster.authorities.assign(backers.begin(), backers.end());
  }
  return clusters;
}

std::size_t narrowest(const std::vector<Claim>& claims, const Cluster& cluster) {
  return *std::min_element(cluster.claims.begin(), cluster.claims.end(), [&](std::size_t a, std::size_t b) {
    return claims[a].figure.high - claims[a].figure.low < claims[b].figure.high - claims[b].figure.low;
  });
}

}  // namespace crosscheck
