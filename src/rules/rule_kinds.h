// The rule kinds and what they share. Private to src/rules/.
#pragma once

#include <vector>

#include "crosscheck/rules.h"

namespace crosscheck::rules {

void check_conflict(const Rule& rule, const ClaimGraph& graph, std::vector<Finding>& findings);
void check_unattributed(const Rule& rule, const ClaimGraph& graph, std::vector<Finding>& findings);
void check_bound(const Rule& rule, const ClaimGraph& graph, std::vector<Finding>& findings);
void check_trend(const Rule& rule, const ClaimGraph& graph, const Lexicon& lexicon, std::vector<Finding>& findings);

/// Days since 1970-01-01; 0 for a claim without a date.
long day_number(const std::optional<Date>& date);

/// The claims of `members` that `rule` selects, split into groups whose
/// reference dates lie within the rule's window (claims without a date join
/// every group).
std::vector<std::vector<std::size_t>> windows(const Rule& rule, const ClaimGraph& graph,
                                              const std::vector<std::size_t>& members);

/// A claim's interval widened by the rule's tolerance.
std::pair<double, double> widened(const Rule& rule, const Claim& claim);

/// "35,000 (Meridian Wire, Gaza Health Ministry)".
std::string describe_claim(const Claim& claim);

/// The rule's message with {entity}, {metric}, {subject}, {count} and
/// {values} filled in.
std::string render_message(const Rule& rule, const ClaimKey& key, std::size_t count, const std::string& values);

using crosscheck::backer_of;

}  // namespace crosscheck::rules
