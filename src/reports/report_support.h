// Pieces shared by the reports of `check` (text, JSON, Markdown, HTML).
// Private to src/reports/.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/rules.h"

namespace crosscheck {

/// Text from an article or a rule for a Markdown document, on one line:
/// controls shown as escapes (escape_controls), then every character that
/// would format inline (GFM's strikethrough too), open a link, an image, an
/// autolink, raw HTML or a character reference, or end a table cell
/// (\ ` * _ ~ [ ] < > | &) escaped with a backslash; so are what would make
/// a block where the text starts a line or a cell (a heading "#", a list
/// marker "- ", "+ ", "1. ", "2) ", a rule or underline "---", "==="), and
/// the colon of "://" and the dot of "www.", where GitHub's extended
/// autolinks start. Every Markdown writer (check's report, compare's table)
/// passes article text through here, and through nothing else.
/// NOTE: GitHub's e-mail autolinks (me@example.com, mailto:, xmpp:) are
/// found after escapes are undone; they stay live (a mailto: link at worst).
std::string markdown_escape(std::string_view text);

/// `text` as a Markdown code span: controls escaped, and fenced with one
/// backtick more than the longest run inside it, so a backtick cannot end it.
std::string markdown_code(std::string_view text);

/// How many findings there are of each severity and of each rule.
struct FindingCounts {
  std::map<Severity, std::size_t> by_severity;
  std::map<std::string, std::size_t> by_rule;  ///< sorted by rule id

  std::size_t of(Severity severity) const {
    const auto found = by_severity.find(severity);
    return found == by_severity.end() ? 0 : found->second;
  }
};

// The claims with a metric but no place: no conflict can weigh them (a
// conflict needs one place), so the summary counts them rather than hide them.
inline std::size_t count_unplaced(const std::vector<Claim>& claims) {
  return static_cast<std::size_t>(std::count_if(
      claims.begin(), claims.end(), [](const Claim& claim) { return !claim.metric.empty() && claim.entity.empty(); }));
}

// The articles with no date among those `claims` come from: their figures
// are compared with dated ones only where those all fall in one window
// (rules::windows), so the summary names how many there are.
inline std::size_t count_undated_articles(const std::vector<Claim>& claims) {
  std::set<std::string_view> undated;
  for (const Claim& claim : claims) {
    if (!claim.published && !claim.reference_date) undated.insert(claim.article);
  }
  return undated.size();
}

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
