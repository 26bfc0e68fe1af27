// ringleader/graph/bgl.hpp - CsrGraph as a Boost.Graph graph.
//
// `const CsrGraph&` models VertexListGraph, IncidenceGraph, AdjacencyGraph and
// BidirectionalGraph with directed_category = bidirectional (for an undirected
// network each edge is a pair of arcs).  `UndirectedCsr{g}` presents a
// symmetric CsrGraph (an undirected network, or one built with
// `symmetric=true`) with undirected_tag, for BGL algorithms that require it
// (connected_components, ...).  Property maps: vertex_index (identity),
// edge_weight (the arc weight), edge_index (row of the edge table) and
// `edge_type_map(g)` (the edge's type index).
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include "ringleader/graph/csr.hpp"

namespace ringleader {

/// A symmetric CsrGraph seen as undirected by Boost.Graph.
struct UndirectedCsr {
  const CsrGraph& g;
};

namespace bgl {

/// Edge descriptor: one stored arc.
struct Arc {
  vertex_t s = 0, t = 0;
  edge_index_t edge = 0;
  double weight = 1.0;
  std::uint64_t arc = 0;
  bool operator==(const Arc& o) const { return arc == o.arc && s == o.s && t == o.t; }
  bool operator!=(const Arc& o) const { return !(*this == o); }
};

struct MakeOutArc {
  const CsrGraph* g = nullptr;
  vertex_t v = 0;
  Arc operator()(std::uint64_t a) const { return Arc{v, g->out_targets[a], g->out_edges[a], g->out_weights[a], a}; }
};
struct MakeInArc {
  const CsrGraph* g = nullptr;
  vertex_t v = 0;
  Arc operator()(std::uint64_t a) const {
    return Arc{g->in_src()[a], v, g->in_e()[a], g->in_w()[a], a};
  }
};
struct ArcTarget {
  const CsrGraph* g = nullptr;
  vertex_t operator()(std::uint64_t a) const { return g->out_targets[a]; }
};

struct traversal : virtual boost::vertex_list_graph_tag,
                   virtual boost::adjacency_graph_tag, virtual boost::bidirectional_graph_tag {};

template <class Directed>
struct traits {
  using vertex_descriptor = vertex_t;
  using edge_descriptor = Arc;
  using directed_category = Directed;
  using edge_parallel_category = boost::allow_parallel_edge_tag;
  using traversal_category = traversal;
  using vertex_iterator = boost::counting_iterator<vertex_t>;
  using out_edge_iterator = boost::transform_iterator<MakeOutArc, boost::counting_iterator<std::uint64_t>, Arc, Arc>;
  using in_edge_iterator = boost::transform_iterator<MakeInArc, boost::counting_iterator<std::uint64_t>, Arc, Arc>;
  using adjacency_iterator =
      boost::transform_iterator<ArcTarget, boost::counting_iterator<std::uint64_t>, vertex_t, vertex_t>;
  using vertices_size_type = vertex_t;
  using degree_size_type = std::uint64_t;
  using edges_size_type = std::uint64_t;
  using edge_iterator = void;
  static vertex_t null_vertex() { return 0xFFFFFFFFu; }
};

}  // namespace bgl

// ---- free functions found by argument-dependent lookup ----------------------
inline const CsrGraph& csr_of(const CsrGraph& g) { return g; }
inline const CsrGraph& csr_of(const UndirectedCsr& u) { return u.g; }

#define RINGLEADER_BGL_FUNCTIONS(G)                                                                  \
  inline std::pair<boost::counting_iterator<vertex_t>, boost::counting_iterator<vertex_t>> vertices( \
      const G& g) {                                                                                  \
    return {vertex_t(0), csr_of(g).n};                                                               \
  }                                                                                                  \
  inline vertex_t num_vertices(const G& g) { return csr_of(g).n; }                                   \
  inline std::uint64_t out_degree(vertex_t v, const G& g) { return csr_of(g).out_degree(v); }        \
  inline std::uint64_t in_degree(vertex_t v, const G& g) { return csr_of(g).in_degree(v); }          \
  inline std::uint64_t degree(vertex_t v, const G& g) {                                              \
    return csr_of(g).directed ? csr_of(g).out_degree(v) + csr_of(g).in_degree(v)                     \
                              : csr_of(g).out_degree(v);                                             \
  }                                                                                                  \
  inline auto out_edges(vertex_t v, const G& g) {                                                    \
    const CsrGraph& c = csr_of(g);                                                                   \
    bgl::MakeOutArc f{&c, v};                                                                        \
    using It = boost::graph_traits<G>::out_edge_iterator;                                            \
    return std::make_pair(It(boost::counting_iterator<std::uint64_t>(c.out_begin(v)), f),            \
                          It(boost::counting_iterator<std::uint64_t>(c.out_end(v)), f));             \
  }                                                                                                  \
  inline auto in_edges(vertex_t v, const G& g) {                                                     \
    const CsrGraph& c = csr_of(g);                                                                   \
    bgl::MakeInArc f{&c, v};                                                                         \
    using It = boost::graph_traits<G>::in_edge_iterator;                                             \
    return std::make_pair(It(boost::counting_iterator<std::uint64_t>(c.in_off()[v]), f),            \
                          It(boost::counting_iterator<std::uint64_t>(c.in_off()[v + 1]), f));        \
  }                                                                                                  \
  inline auto adjacent_vertices(vertex_t v, const G& g) {                                            \
    const CsrGraph& c = csr_of(g);                                                                   \
    bgl::ArcTarget f{&c};                                                                            \
    using It = boost::graph_traits<G>::adjacency_iterator;                                           \
    return std::make_pair(It(boost::counting_iterator<std::uint64_t>(c.out_begin(v)), f),            \
                          It(boost::counting_iterator<std::uint64_t>(c.out_end(v)), f));             \
  }                                                                                                  \
  inline vertex_t source(const bgl::Arc& e, const G&) { return e.s; }                                \
  inline vertex_t target(const bgl::Arc& e, const G&) { return e.t; }                                \
  inline boost::typed_identity_property_map<vertex_t> get(boost::vertex_index_t, const G&) { return {}; }

}  // namespace ringleader

namespace boost {
template <>
struct graph_traits<ringleader::CsrGraph> : ringleader::bgl::traits<boost::directed_tag> {};
template <>
struct graph_traits<const ringleader::CsrGraph> : ringleader::bgl::traits<boost::directed_tag> {};
template <>
struct graph_traits<ringleader::UndirectedCsr> : ringleader::bgl::traits<boost::undirected_tag> {};
template <>
struct graph_traits<const ringleader::UndirectedCsr> : ringleader::bgl::traits<boost::undirected_tag> {};
}  // namespace boost

namespace ringleader {
RINGLEADER_BGL_FUNCTIONS(CsrGraph)
RINGLEADER_BGL_FUNCTIONS(UndirectedCsr)
#undef RINGLEADER_BGL_FUNCTIONS

namespace bgl {
/// Readable property map edge -> value taken from the descriptor.
template <class Value, Value Arc::*Member>
struct ArcMemberMap {
  using key_type = Arc;
  using value_type = Value;
  using reference = Value;
  using category = boost::readable_property_map_tag;
  friend Value get(const ArcMemberMap&, const Arc& e) { return e.*Member; }
};
struct EdgeTypeMap {
  const type_t* types = nullptr;
  using key_type = Arc;
  using value_type = type_t;
  using reference = type_t;
  using category = boost::readable_property_map_tag;
  friend type_t get(const EdgeTypeMap& m, const Arc& e) { return m.types ? m.types[e.edge] : type_t(0); }
};
}  // namespace bgl

template <class G>
bgl::ArcMemberMap<double, &bgl::Arc::weight> get(boost::edge_weight_t, const G&) { return {}; }
template <class G>
bgl::ArcMemberMap<edge_index_t, &bgl::Arc::edge> get(boost::edge_index_t, const G&) { return {}; }
inline bgl::EdgeTypeMap edge_type_map(const CsrGraph& g) { return {g.edge_types}; }

}  // namespace ringleader

namespace boost {
#define RINGLEADER_BGL_PMAPS(G)                                                        \
  template <>                                                                          \
  struct property_map<G, vertex_index_t> {                                             \
    using type = typed_identity_property_map<ringleader::vertex_t>;                    \
    using const_type = type;                                                           \
  };                                                                                   \
  template <>                                                                          \
  struct property_map<G, edge_weight_t> {                                              \
    using type = ringleader::bgl::ArcMemberMap<double, &ringleader::bgl::Arc::weight>; \
    using const_type = type;                                                           \
  };
RINGLEADER_BGL_PMAPS(ringleader::CsrGraph)
RINGLEADER_BGL_PMAPS(ringleader::UndirectedCsr)
#undef RINGLEADER_BGL_PMAPS
}  // namespace boost
