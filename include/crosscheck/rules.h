// crosscheck: rules, the sixth pipeline stage.
//
/// Rules are YAML files, one rule each, the rule id being the file name
/// (`rules/conflicting-death-toll.yaml` is `conflicting-death-toll`). Each
/// has a `kind`, a selector of the claims it looks at, parameters, a
/// `severity` and a message. Loading is strict: an unknown key (with a "did
/// you mean"), a wrong type, an unknown metric, a bad tolerance or a
/// duplicate id is an error with file:line:column.
///
/// Kinds (the table `rule_kinds()`; each kind is one file of src/rules/):
///   conflict      claims of one key within a time window whose intervals,
///                 widened by a tolerance, cannot all hold
///   unattributed  a figure at or above a minimum with no attribution
///   bound         a part larger than its whole (a subgroup, a part_of place)
///   trend         a cumulative metric from one authority that falls
///
/// Rules never print: they hand findings to the caller, and reports render
/// them.
///
/// **Example**
///
///     crosscheck::DiagnosticSink sink;
///     auto rules = crosscheck::load_rules(crosscheck::default_rule_sources(), lexicon, sink);
///     crosscheck::ClaimGraph graph(claims, lexicon);
///     std::vector<crosscheck::Finding> findings = crosscheck::evaluate(rules, graph, lexicon);
#pragma once

#include <filesystem>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "crosscheck/core.h"
#include "crosscheck/graph.h"
#include "crosscheck/interval.h"
#include "crosscheck/lexicon.h"

namespace crosscheck {

enum class RuleKind { conflict, unattributed, bound, trend };
std::string_view format_as(RuleKind kind);

/// What a kind of rule is. One row per kind in `rule_kinds()`, which the
/// loader, `rules list`, the evaluator and the reports read: adding a kind
/// means its file in src/rules/, its row and its tests.
struct RuleKindInfo {
  RuleKind kind;
  std::string_view name;     ///< as written after `kind:` in a rule file
  std::string_view summary;  ///< what it finds, in a line
  /// The keys it takes besides those every rule has (kind, severity, select,
  /// message, description); any other key is an error in its rule file.
  std::vector<std::string_view> keys;
  std::string_view default_message;
  bool charted = false;  ///< the HTML report draws its figures on a number line
};

/// Every rule kind, in the order of `RuleKind`.
const std::vector<RuleKindInfo>& rule_kinds();
const RuleKindInfo& info_of(RuleKind kind);

/// Which claims a rule looks at; an empty list selects everything.
struct Selector {
  std::vector<std::string> metrics;
  std::vector<std::string> entities;
  std::vector<std::string> subjects;
  std::vector<std::string> units;
  double min_value = 0;
  double below = std::numeric_limits<double>::infinity();  ///< only figures under it
  bool matches(const Claim& claim) const;
};

/// conflict: what the groups of a disagreement must differ in. `sources`:
/// not one outlet contradicting itself; `authorities`: not one authority.
enum class Across { any, sources, authorities };

struct Rule {
  std::string id;  ///< the file name without extension
  RuleKind kind = RuleKind::conflict;
  Severity severity = Severity::warning;
  Selector select;
  int window_days = 2;
  Tolerance tolerance{2, true};
  /// conflict: whether the groups that disagree must come from different
  /// outlets or different authorities.
  Across across = Across::any;
  /// conflict, trend: figures further apart than this factor (the larger's
  /// low end over the smaller's high end) count different things, not one
  /// thing twice: a strike's 17 dead and the war's 2,670, a subgroup and
  /// the whole. They are not set against each other. 0: no limit.
  double max_ratio = 0;
  /// unattributed: do not flag a figure when its article attributes a
  /// compatible figure for the same key.
  bool allow_same_article = true;
  std::string message;      ///< a template: {entity}, {metric}, {subject}, {count}, {values}
  std::string description;  ///< one line for `crosscheck rules list`
  SourceSpan defined_at;
};

/// A group of claims that can all hold together.
struct Cluster {
  std::vector<std::size_t> claims;       ///< indices into the graph's claims
  double low = 0, high = 0;              ///< the interval they share
  std::vector<std::string> authorities;  ///< independent backers: an authority, or the outlet when unattributed
};

/// The claims of `members` that can dispute one another, by unit: figures in
/// different units never conflict ("people" and no unit are one), and vague
/// amounts ("hundreds of bodies") are too loose to dispute a count. Used by
/// the conflict rule and by `compare`, so that both give one answer.
std::map<std::string, std::vector<std::size_t>> disputable_by_unit(const std::vector<Claim>& claims,
                                                                   const std::vector<std::size_t>& members);

/// `members` swept into groups of claims that can all hold together: their
/// intervals widened by `tolerance`, sorted by their low end (O(k log k)).
/// Two groups or more are a disagreement.
std::vector<Cluster> agreeing_groups(const std::vector<Claim>& claims, std::vector<std::size_t> members,
                                     const Tolerance& tolerance);

/// The claim that pins a group down: its narrowest interval (the first of
/// equals). A message names it, since an open "more than 2,000" in the same
/// group as "11,300" would read as agreeing with the other side.
std::size_t narrowest(const std::vector<Claim>& claims, const Cluster& cluster);

struct Finding {
  std::string rule;
  RuleKind kind = RuleKind::conflict;
  Severity severity = Severity::warning;
  ClaimKey key;
  std::string message;
  std::vector<std::size_t> claims;   ///< all claims involved, first the one reported at
  std::vector<Cluster> clusters;     ///< conflict: the groups that disagree
  std::vector<std::string> reasons;  ///< why they likely differ, where it can be told
  std::string fingerprint;           ///< the same across runs while the finding is the same (see fingerprint_of)
};

/// One rule file's text and name.
struct RuleSource {
  std::string name;
  std::string content;
};

/// The rules built into the binary from `rules/*.yaml`.
std::vector<RuleSource> default_rule_sources();

/// The `*.yaml` / `*.yml` files of `dir`, sorted by name. Each problem is an
/// error in `diagnostics`: a missing or unlistable folder, an entry that
/// cannot be read as a file (a broken or looping link, a device, a FIFO, a
/// folder, no permission; a FIFO is never opened), and a folder with no rule
/// file at all (it would run no rule and report a clean corpus).
std::vector<RuleSource> read_rule_dir(const std::filesystem::path& dir, DiagnosticSink& diagnostics);

/// Parses and validates `sources`. Every problem is reported; rules with
/// problems are left out.
std::vector<Rule> load_rules(const std::vector<RuleSource>& sources, const Lexicon& lexicon,
                             DiagnosticSink& diagnostics);

/// 16 hex digits that name a finding across runs: its rule, its key and its
/// claims by article id and figure as written, never by file, line or order,
/// so that editing another paragraph, moving files or adding articles leaves
/// it alone, and a changed figure makes it a new finding.
std::string fingerprint_of(const Finding& finding, const std::vector<Claim>& claims);

/// Every finding of `rules` over `graph`, fingerprinted, sorted by file, line,
/// column, rule.
std::vector<Finding> evaluate(const std::vector<Rule>& rules, const ClaimGraph& graph, const Lexicon& lexicon);

}  // namespace crosscheck
