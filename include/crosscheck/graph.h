// crosscheck: graph, the fifth pipeline stage.
//
/// All claims of a run in one Boost.Graph: vertices for entities, metrics,
/// authorities, sources, articles and claims; edges `about` (claim ->
/// entity), `measures` (claim -> metric), `attributed_to` (claim ->
/// authority), `published_in` (claim -> article), `from` (article -> source),
/// `part_of` (entity -> entity, from the lexicon) and `subset_of` (a claim
/// about a subgroup -> the whole, "children killed" -> "killed"). An index
/// from (entity, metric, subject) to its claims is what the rules read; the
/// vertices and edges are built only when asked for (`crosscheck graph`).
///
/// Built from claims only, so claims read back from JSONL work the same.
///
/// **Example**
///
///     crosscheck::ClaimGraph graph(claims, lexicon);
///     for (const auto& [key, members] : graph.keys()) ...
///     std::string dot = graph.to_dot();
#pragma once

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "crosscheck/claims.h"
#include "crosscheck/lexicon.h"

namespace crosscheck {

/// What a set of claims is about: they can only conflict within one key.
struct ClaimKey {
  std::string entity;
  std::string metric;
  std::string subject;  ///< empty for the whole
  Scope scope = Scope::story;
  friend auto operator<=>(const ClaimKey&, const ClaimKey&) = default;
};

class ClaimGraph {
 public:
  /// Builds the graph over `claims` (kept by reference: they must outlive
  /// the graph). `lexicon` gives the part_of links between entities.
  ClaimGraph(const std::vector<Claim>& claims, const Lexicon& lexicon);
  ~ClaimGraph();
  ClaimGraph(const ClaimGraph&) = delete;
  ClaimGraph& operator=(const ClaimGraph&) = delete;

  const std::vector<Claim>& claims() const noexcept { return claims_; }
  /// Claim indices by key, each list in input order. Claims without a metric
  /// or an entity are not keyed.
  const std::map<ClaimKey, std::vector<std::size_t>>& keys() const noexcept { return keys_; }
  /// The entity `entity` is part of per the lexicon ("Rafah" -> "Gaza"),
  /// else per its claims' chain (the gazetteer's: "Darnah" -> "Darnah"
  /// district), or empty.
  std::string parent_of(const std::string& entity) const;

  std::size_t vertex_count() const;
  std::size_t edge_count() const;

  /// Graphviz DOT and GraphML, written by Boost's own writers.
  std::string to_dot() const;
  std::string to_graphml() const;

 private:
  class Impl;
  /// The Boost graph, built on first use (vertex_count, edge_count, to_dot,
  /// to_graphml); the first such call must not race with another.
  Impl& impl() const;
  // Claims' vertex labels are made when the graph is written, not held.
  void label_claims() const;
  const std::vector<Claim>& claims_;
  std::map<ClaimKey, std::vector<std::size_t>> keys_;
  PlaceHierarchy places_;                                    // the lexicon's part_of links, shared
  std::map<std::string, std::string, std::less<>> parents_;  // entity -> its claims' nearest parent
  mutable std::unique_ptr<Impl> impl_;
};

/// The key a claim belongs to.
ClaimKey key_of(const Claim& claim);

/// The name of the source a claim comes from: its outlet, else its article.
std::string source_of(const Claim& claim);

/// Who backs a claim independently: its authority, else its outlet (five
/// outlets repeating one ministry are one backer).
std::string backer_of(const Claim& claim);

}  // namespace crosscheck
