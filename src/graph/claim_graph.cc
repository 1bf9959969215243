#include <algorithm>
#include <sstream>
#include <string_view>
#include <unordered_map>

// NOTE: GCC 12 reports -Wmaybe-uninitialized inside Boost.Graph's edge
// iterators when its writers are instantiated: a false positive in Boost's
// optional-based iterator, not in this file. Silenced here only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/transform_value_property_map.hpp>

#include "crosscheck/graph.h"

namespace crosscheck {

namespace {

// Kinds are string literals and a claim's label is made only when the graph
// is written: a corpus has millions of claims, each a vertex with four or
// five edges.
struct VertexData {
  const char* kind = "";  // entity, metric, authority, source, article, claim
  std::string label;      // the name; for a claim, made by label_claims() when written
  std::size_t claim = 0;  // the claim's index, for a claim vertex
};

struct EdgeData {
  const char* kind = "";  // about, measures, attributed_to, published_in, from, part_of, subset_of
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;
using Vertex = Graph::vertex_descriptor;

}  // namespace

ClaimKey key_of(const Claim& claim) { return {claim.entity, claim.metric, claim.subject, claim.scope}; }

std::string source_of(const Claim& claim) { return claim.source.empty() ? claim.article : claim.source; }

std::string backer_of(const Claim& claim) {
  return claim.attribution ? claim.attribution->authority : source_of(claim);
}

class ClaimGraph::Impl {
 public:
  Graph graph;
  std::map<std::pair<std::string, std::string>, Vertex> named;  // (kind, name) -> vertex

  Vertex vertex(const char* kind, const std::string& name) {
    const auto [it, inserted] = named.try_emplace({kind, name}, 0);
    if (inserted) it->second = boost::add_vertex(VertexData{kind, name, 0}, graph);
    return it->second;
  }
  void edge(Vertex from, Vertex to, const char* kind) { boost::add_edge(from, to, EdgeData{kind}, graph); }
};

ClaimGraph::ClaimGraph(const std::vector<Claim>& claims, const Lexicon& lexicon)
    : claims_(claims), places_(lexicon.places) {
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (!claims[i].entity.empty() && !claims[i].metric.empty()) keys_[key_of(claims[i])].push_back(i);
    // A place the lexicon links to nothing is part of its gazetteer parent.
    if (!claims[i].entity_parents.empty() && places_.parent_of(claims[i].entity).empty()) {
      parents_.try_emplace(claims[i].entity, claims[i].entity_parents.places().front());
    }
  }
}

// The Boost graph, built the first time it is asked for: the rules and the
// reports read only the key index, so `check` never pays for the vertices
// and edges that only `crosscheck graph` writes.
ClaimGraph::Impl& ClaimGraph::impl() const {
  if (impl_) return *impl_;
  impl_ = std::make_unique<Impl>();
  const std::vector<Claim>& claims = claims_;
  std::vector<Vertex> claim_vertices;
  claim_vertices.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& claim = claims[i];
    const Vertex v = boost::add_vertex(VertexData{"claim", {}, i}, impl_->graph);
    claim_vertices.push_back(v);
    const Vertex article = impl_->vertex("article", claim.article);
    impl_->edge(v, article, "published_in");
    if (!claim.source.empty() && boost::out_degree(article, impl_->graph) == 0) {
      impl_->edge(article, impl_->vertex("source", claim.source), "from");
    }
    if (!claim.entity.empty()) impl_->edge(v, impl_->vertex("entity", claim.entity), "about");
    if (!claim.metric.empty()) impl_->edge(v, impl_->vertex("metric", claim.metric), "measures");
    if (claim.attribution) {
      impl_->edge(v, impl_->vertex("authority", claim.attribution->authority), "attributed_to");
    }
  }
  // part_of between the entities that claims are about.
  for (const auto& [child, parent] : places_.links()) {
    const auto child_vertex = impl_->named.find({"entity", child});
    if (child_vertex == impl_->named.end()) continue;
    impl_->edge(child_vertex->second, impl_->vertex("entity", parent), "part_of");
  }
  // subset_of: a subgroup's claim ("15,000 children killed") to the one claim
  // of the whole (entity and metric, no subgroup) it is most likely part of:
  // one in the same article, else the nearest in reference date. One edge per
  // part, not one per pair: a big corpus has thousands of each.
  for (const auto& [key, members] : keys_) {
    if (key.subject.empty()) continue;
    const auto whole = keys_.find(ClaimKey{key.entity, key.metric, "", key.scope});
    if (whole == keys_.end()) continue;
    const auto day_of = [&](std::size_t index) {
      const std::optional<Date>& date = claims[index].reference_date;
      return date ? day_number(*date) : 0L;
    };
    std::vector<std::size_t> by_date = whole->second;
    std::stable_sort(by_date.begin(), by_date.end(),
                     [&](std::size_t a, std::size_t b) { return day_of(a) < day_of(b); });
    std::unordered_map<std::string_view, std::size_t> first_in_article;
    for (std::size_t all : whole->second) first_in_article.try_emplace(claims[all].article, all);
    for (std::size_t part : members) {
      std::size_t chosen = 0;
      if (const auto same = first_in_article.find(claims[part].article); same != first_in_article.end()) {
        chosen = same->second;
      } else {
        const long day = day_of(part);
        auto next = std::lower_bound(by_date.begin(), by_date.end(), day,
                                     [&](std::size_t all, long d) { return day_of(all) < d; });
        const bool earlier_is_nearer =
            next == by_date.end() || (next != by_date.begin() && day - day_of(*(next - 1)) <= day_of(*next) - day);
        chosen = earlier_is_nearer ? *(next - 1) : *next;
      }
      impl_->edge(claim_vertices[part], claim_vertices[chosen], "subset_of");
    }
  }
  return *impl_;
}

ClaimGraph::~ClaimGraph() = default;

std::string ClaimGraph::parent_of(const std::string& entity) const {
  if (const std::string_view parent = places_.parent_of(entity); !parent.empty()) return std::string(parent);
  const auto found = parents_.find(entity);
  return found == parents_.end() ? std::string() : found->second;
}

std::size_t ClaimGraph::vertex_count() const { return boost::num_vertices(impl().graph); }
std::size_t ClaimGraph::edge_count() const { return boost::num_edges(impl().graph); }

void ClaimGraph::label_claims() const {
  Graph& graph = impl().graph;
  for (Vertex v = 0; v < boost::num_vertices(graph); ++v) {
    VertexData& data = graph[v];
    if (std::string_view(data.kind) != "claim" || !data.label.empty()) continue;
    const Claim& claim = claims_[data.claim];
    data.label = fmt::format("{} ({}:{})", claim.text, claim.file, claim.line);
  }
}

std::string ClaimGraph::to_dot() const {
  label_claims();
  std::ostringstream out;
  const Graph& graph = impl().graph;
  boost::write_graphviz(
      out, graph,
      [&](std::ostream& os, Vertex v) {
        // Controls shown as escapes (a label may quote an article), then DOT's
        // own escapes for backslashes and quotes.
        const std::string label = escape_controls(graph[v].label);
        std::string escaped;
        for (char c : label) {
          if (c == '"' || c == '\\') escaped += '\\';
          escaped += c;
        }
        os << "[label=\"" << escaped << "\", kind=\"" << graph[v].kind << "\"]";
      },
      [&](std::ostream& os, Graph::edge_descriptor e) { os << "[label=\"" << graph[e].kind << "\"]"; });
  return out.str();
}

std::string ClaimGraph::to_graphml() const {
  label_claims();
  std::ostringstream out;
  Graph& graph = impl().graph;
  boost::dynamic_properties properties;
  const auto as_string = [](const char* text) { return std::string(text); };
  properties.property("kind",
                      boost::make_transform_value_property_map(as_string, boost::get(&VertexData::kind, graph)));
  // Boost escapes & < > " '; what XML 1.0 forbids outright (C0 controls,
  // U+FFFE, U+FFFF, bytes that are not UTF-8) is shown as escapes here.
  const auto shown = [](const std::string& text) { return escape_controls(text); };
  properties.property("label", boost::make_transform_value_property_map(shown, boost::get(&VertexData::label, graph)));
  properties.property("edge_kind",
                      boost::make_transform_value_property_map(as_string, boost::get(&EdgeData::kind, graph)));
  boost::write_graphml(out, graph, properties, true);
  return out.str();
}

}  // namespace crosscheck
