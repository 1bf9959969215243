// Pieces shared by the reports of `check` (text, JSON, Markdown, HTML).
// Private to src/reports/.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/rules.h"

namespace crosscheck {

/// How many findings there are of each severity and of each rule.
struct FindingCounts {
  std::map<Severity, std::size_t> by_severity;
  std::map<std::string, std::size_t> by_rule;  ///< sorted by rule id

  std::size_t of(Severity severity) const {
    const auto found = by_severity.find(severity);
    return found == by_severity.end() ? 0 : found->second;
  }
};

inline FindingCounts count_findings(const std::vector<Finding>& findings) {
  FindingCounts counts;
  for (const Finding& finding : findings) {
    ++counts.by_severity[finding.severity];
    ++counts.by_rule[finding.rule];
  }
  return counts;
}

/// Findings grouped by (entity, metric), as an editor reviews them; within a
/// group they keep their report order.
using FindingGroups = std::map<std::pair<std::string, std::string>, std::vector<const Finding*>>;

inline FindingGroups group_by_place_and_metric(const std::vector<Finding>& findings) {
  FindingGroups groups;
  for (const Finding& finding : findings) groups[{finding.key.entity, finding.key.metric}].push_back(&finding);
  return groups;
}

}  // namespace crosscheck
