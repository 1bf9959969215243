#include <sstream>

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

#include "crosscheck/graph.h"

namespace crosscheck {

namespace {

struct VertexData {
  std::string kind;   // entity, metric, authority, source, article, claim
  std::string label;  // the name, or the claim's figure
};

struct EdgeData {
  std::string kind;  // about, measures, attributed_to, published_in, from, part_of, subset_of
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexData, EdgeData>;
using Vertex = Graph::vertex_descriptor;

}  // namespace

ClaimKey key_of(const Claim& claim) { return {claim.entity, claim.metric, claim.subject}; }

std::string source_of(const Claim& claim) { return claim.source.empty() ? claim.article : claim.source; }

std::string backer_of(const Claim& claim) { return claim.attribution ? claim.attribution->authority : source_of(claim); }

class ClaimGraph::Impl {
 public:
  Graph graph;
  std::map<std::pair<std::string, std::string>, Vertex> named;  // (kind, name) -> vertex

  Vertex vertex(const std::string& kind, const std::string& name) {
    const auto [it, inserted] = named.try_emplace({kind, name}, 0);
    if (inserted) it->second = boost::add_vertex(VertexData{kind, name}, graph);
    return it->second;
  }
  void edge(Vertex from, Vertex to, const char* kind) { boost::add_edge(from, to, EdgeData{kind}, graph); }
};

ClaimGraph::ClaimGraph(const std::vector<Claim>& claims, const Lexicon& lexicon)
    : claims_(claims), impl_(std::make_unique<Impl>()) {
  for (const Entity& entity : lexicon.entities) {
    if (!entity.part_of.empty()) parents_[entity.name] = entity.part_of;
  }
  std::vector<Vertex> claim_vertices;
  claim_vertices.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& claim = claims[i];
    const Vertex v = boost::add_vertex(VertexData{"claim", fmt::format("{} ({}:{})", claim.text, claim.file,
                                                                         claim.line)},
                                       impl_->graph);
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
    if (!claim.entity.empty() && !claim.metric.empty()) keys_[key_of(claim)].push_back(i);
  }
  // part_of between the entities that claims are about.
  for (const auto& [child, parent] : parents_) {
    const auto child_vertex = impl_->named.find({"entity", child});
    if (child_vertex == impl_->named.end()) continue;
    impl_->edge(child_vertex->second, impl_->vertex("entity", parent), "part_of");
  }
  // subset_of: a subgroup's claim to the whole's claims of the same entity and metric.
  for (const auto& [key, members] : keys_) {
    if (key.subject.empty()) continue;
    const auto whole = keys_.find(ClaimKey{key.entity, key.metric, ""});
    if (whole == keys_.end()) continue;
    for (std::size_t part : members) {
      for (std::size_t all : whole->second) impl_->edge(claim_vertices[part], claim_vertices[all], "subset_of");
    }
  }
}

ClaimGraph::~ClaimGraph() = default;

std::string ClaimGraph::parent_of(const std::string& entity) const {
  const auto found = parents_.find(entity);
  return found == parents_.end() ? std::string() : found->second;
}

std::size_t ClaimGraph::vertex_count() const { return boost::num_vertices(impl_->graph); }
std::size_t ClaimGraph::edge_count() const { return boost::num_edges(impl_->graph); }

std::string ClaimGraph::to_dot() const {
  std::ostringstream out;
  const Graph& graph = impl_->graph;
  boost::write_graphviz(
      out, graph,
      [&](std::ostream& os, Vertex v) {
        std::string label = graph[v].label;
        // DOT strings: escape backslashes and quotes.
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
  std::ostringstream out;
  Graph& graph = impl_->graph;
  boost::dynamic_properties properties;
  properties.property("kind", boost::get(&VertexData::kind, graph));
  properties.property("label", boost::get(&VertexData::label, graph));
  properties.property("edge_kind", boost::get(&EdgeData::kind, graph));
  boost::write_graphml(out, graph, properties, true);
  return out.str();
}

}  // namespace crosscheck
