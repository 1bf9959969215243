// The rule kinds and what they share. Private to src/rules/.
//
// A kind is one file here: a `RuleKindModule` (its row of the table: name,
// keys, default message, whether it charts, and its check) returned by a
// function the table in kinds.cc lists. Findings go through a FindingSink,
// which fills in what every finding of a rule has.
#pragma once

#include <vector>

#include "crosscheck/rules.h"

namespace crosscheck::rules {

/// Collects the findings of one rule: each gets the rule's id, kind and
/// severity, its key and claims, and the rule's message filled in.
class FindingSink {
 public:
  FindingSink(const Rule& rule, std::vector<Finding>& findings) : rule_(rule), findings_(findings) {}

  const Rule& rule() const { return rule_; }

  /// A finding about `key`; `claims` first names the claim it is reported
  /// at; `count` and `values` fill the message's {count} and {values}.
  Finding& add(const ClaimKey& key, std::vector<std::size_t> claims, std::size_t count, const std::string& values);

 private:
  const Rule& rule_;
  std::vector<Finding>& findings_;
};

using CheckFunction = void (*)(const ClaimGraph& graph, const Lexicon& lexicon, FindingSink& sink);

struct RuleKindModule {
  RuleKindInfo info;
  CheckFunction check;
};

const RuleKindModule& conflict_kind();
const RuleKindModule& unattributed_kind();
const RuleKindModule& bound_kind();
const RuleKindModule& trend_kind();

/// The module of `kind`, from the table.
const RuleKindModule& module_of(RuleKind kind);

/// Days since 1970-01-01; 0 for a claim without a date.
long day_number(const std::optional<Date>& date);

/// The claims of `members` that `rule` selects, split into groups whose
/// reference dates lie within the rule's window. Claims without a date join
/// the one group when there is one; when the dated ones span several
/// windows they form a group of their own.
std::vector<std::vector<std::size_t>> windows(const Rule& rule, const ClaimGraph& graph,
                                              const std::vector<std::size_t>& members);

/// The top of a claim's scale: its high end, its low end when it has none
/// ("at least 100" is of the scale of 100).
double scale_top(const Claim& claim);

/// Whether two claims' figures are within the rule's max_ratio of each
/// other: the larger's low end at most max_ratio times the smaller's high
/// end (its low end when it has none). A figure of 0 is of every scale.
bool same_scale(const Rule& rule, const Claim& a, const Claim& b);

/// `group` as bands of one scale, from the largest figure down: each band
/// holds the figures within the rule's max_ratio of its largest, and bands
/// may overlap (none lies inside another); the whole group when the rule
/// sets no max_ratio.
std::vector<std::vector<std::size_t>> scale_bands(const Rule& rule, const std::vector<Claim>& claims,
                                                  std::vector<std::size_t> group);

/// A claim's interval widened by the rule's tolerance.
Interval widened(const Rule& rule, const Claim& claim);

/// "35,000 (Meridian Wire, Gaza Health Ministry)".
std::string describe_claim(const Claim& claim);

using crosscheck::backer_of;

}  // namespace crosscheck::rules
