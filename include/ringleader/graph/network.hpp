// ringleader/graph/network.hpp - the typed, multi-mode network.
//
// A Network holds
//  * nodes: external string id (unique), type (person, phone, account, venue,
//    or any other name), label ("" = none) and attribute columns;
//  * edges: source, target, type (call, transfer, uses, owns, located_at,
//    meets, or any other name), weight (default 1), optional timestamp (ns
//    since the epoch, UTC), optional amount, and attribute columns.
// Parallel edges and self-loops are kept.  Negative weights are kept (kernels
// that need non-negative distances refuse them); NaN or infinite weights are
// refused.  The network is immutable once built: views (subgraph, collapse,
// largest_component) return new networks.  The compute view (CsrGraph) is
// built on first use and shared by every analysis; so are the collapsed views
// the measures read (Network::collapsed, graph/view.hpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/text.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/types.hpp"

namespace ringleader {

struct NodeTable {
  std::vector<std::string> ids;
  std::vector<type_t> type;
  TypeTable types;
  std::vector<std::string> labels;  ///< "" = no label
  std::vector<Column> attrs;
  std::size_t size() const { return ids.size(); }
};

struct EdgeTable {
  std::vector<vertex_t> source, target;
  std::vector<type_t> type;
  TypeTable types;
  std::vector<double> weight;
  std::vector<std::int64_t> timestamp;  ///< empty when no edge has one; kNoTime = absent
  std::vector<double> amount;           ///< empty when no edge has one; NaN = absent
  std::vector<Column> attrs;
  std::size_t size() const { return source.size(); }
  bool has_timestamps() const { return !timestamp.empty(); }
  bool has_amounts() const { return !amount.empty(); }
  std::int64_t time(std::size_t e) const { return timestamp.empty() ? kNoTime : timestamp[e]; }
  double amount_of(std::size_t e) const { return amount.empty() ? std::nan("") : amount[e]; }
};

/// Hash index from external id to dense vertex index (open addressing over the
/// id strings; the ids are stored once, in NodeTable::ids).
class IdIndex {
 public:
  /// Indexes every id of `ids`; throws InvalidArgument on a duplicate.
  void build(const std::vector<std::string>& ids) {
    std::size_t cap = 16;
    while (cap < ids.size() * 2) cap <<= 1;
    slots_.assign(cap, kEmpty);
    count_ = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      std::uint64_t h = hash(ids[i]);
      std::size_t s = slot(ids, ids[i], h);
      if (slots_[s] != kEmpty) throw InvalidArgument("duplicate node id '" + ids[i] + "'");
      slots_[s] = pack(h, vertex_t(i));
      ++count_;
    }
  }
  /// The vertex of `id`, or, when absent, appends `id` to `ids` and indexes
  /// it as vertex ids.size()-1 (one probe sequence either way).
  std::pair<vertex_t, bool> find_or_insert(std::vector<std::string>& ids, std::string_view id) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    std::uint64_t h = hash(id);
    std::size_t s = slot(ids, id, h);
    if (slots_[s] != kEmpty) return {vertex_t(slots_[s]), false};
    ids.emplace_back(id);
    slots_[s] = pack(h, vertex_t(ids.size() - 1));
    ++count_;
    return {vertex_t(ids.size() - 1), true};
  }
  /// `ids` must be the vector the index was built from.
  std::optional<vertex_t> find(const std::vector<std::string>& ids, std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    std::uint64_t e = slots_[slot(ids, id, hash(id))];
    if (e == kEmpty) return std::nullopt;
    return vertex_t(e);
  }
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(std::uint64_t); }

 private:
  // A slot holds the high 32 bits of the id's hash (a tag compared before the
  // string, so probing rarely touches the id text) and the vertex.
  static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
  static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
  static std::uint64_t pack(std::uint64_t h, vertex_t v) { return (h & 0xFFFFFFFF00000000ull) | v; }
  void grow() {
    std::vector<std::uint64_t> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, kEmpty);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint64_t e : old) {
      if (e == kEmpty) continue;
      // the tag holds hash bits 32..63; the home slot needs the low bits, so
      // rehash from the stored tag: slots are addressed by a mix of the tag.
      std::size_t s = home(e) & mask;
      while (slots_[s] != kEmpty) s = (s + 1) & mask;
      slots_[s] = e;
    }
  }
  /// Home position from the tag alone, so growing needs no id text.
  static std::size_t home(std::uint64_t h) { return std::size_t((h >> 32) * 0x9E3779B97F4A7C15ull >> 16); }
  std::size_t slot(const std::vector<std::string>& ids, std::string_view id, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
    std::size_t s = home(h) & mask;
    while (slots_[s] != kEmpty && ((slots_[s] & 0xFFFFFFFF00000000ull) != tag || ids[vertex_t(slots_[s])] != id))
      s = (s + 1) & mask;
    return s;
  }
  std::vector<std::uint64_t> slots_;
  std::size_t count_ = 0;
};

/// Columns of the model that attribute columns may not be named after.
inline const std::vector<std::string> kNodeColumns = {"id", "type", "label"};
inline const std::vector<std::string> kEdgeColumns = {"source", "target", "type", "weight", "timestamp", "amount"};

/// Throws InvalidArgument for an empty, duplicate or reserved attribute name.
void check_attribute_names(const std::vector<Column>& cols, const std::vector<std::string>& reserved,
                           const char* what);

/// Options of Network::subgraph.  Empty vectors / unset values mean "no filter".
struct SubgraphOptions {
  std::vector<std::string> node_types;   ///< keep nodes of these types
  std::vector<std::string> edge_types;   ///< keep edges of these types
  std::optional<std::int64_t> start;     ///< keep edges with timestamp >= start (ns, UTC)
  std::optional<std::int64_t> end;       ///< keep edges with timestamp < end
  std::optional<std::vector<std::string>> nodes;  ///< keep only these node ids
};

enum class Aggregate { Sum, Count, Max, Min };

struct CollapseOptions {
  Aggregate weight = Aggregate::Sum;
  bool by_type = true;  ///< keep edges of different types apart
  /// Edge column aggregated into the result's weight: "weight", "amount" or a
  /// number attribute column.  Missing (NaN) values are refused.
  std::string column = "weight";
  /// Threads of the build (0 = the default); the result does not depend on it.
  int threads = 0;
  /// The summary columns: `count`, `first_timestamp`, `last_timestamp` and
  /// the summed amount.  The compute views (graph/view.hpp) read source,
  /// target and weight only and leave them out: at 100M calls they were
  /// about 3 GB.
  bool summaries = true;
};

class Network {
 public:
  explicit Network(bool directed = false)
      : directed_(directed), nodes_(std::make_shared<const NodeTable>()), index_(index_of(*nodes_)) {}

  /// Takes ownership of the tables after checking them; throws InvalidArgument
  /// (duplicate id, endpoint out of range, NaN or infinite weight, column
  /// sizes that disagree).
  Network(bool directed, NodeTable nodes, EdgeTable edges)
      : directed_(directed), nodes_(std::make_shared<const NodeTable>(std::move(nodes))), edges_(std::move(edges)) {
    validate_nodes();
    validate_edges();
    index_ = index_of(*nodes_);
  }
  // The node table and its id index are immutable and shared by copies and
  // by the views built from this network (collapse, with_edge_attribute).
  Network(const Network& o) : directed_(o.directed_), nodes_(o.nodes_), edges_(o.edges_), index_(o.index_) {}
  Network(Network&& o) noexcept
      : directed_(o.directed_), nodes_(o.nodes_), edges_(std::move(o.edges_)), index_(o.index_),
        csr_(std::move(o.csr_)), views_(std::move(o.views_)) {}
  Network& operator=(Network o) {
    directed_ = o.directed_;
    nodes_ = o.nodes_;
    edges_ = std::move(o.edges_);
    index_ = o.index_;
    csr_.reset();
    views_ = std::make_shared<Views>();
    return *this;
  }

  bool directed() const { return directed_; }
  std::size_t number_of_nodes() const { return nodes_->size(); }
  std::size_t number_of_edges() const { return edges_.size(); }
  const NodeTable& nodes() const { return *nodes_; }
  const EdgeTable& edges() const { return edges_; }
  std::optional<vertex_t> find(std::string_view id) const { return index_->find(nodes_->ids, id); }
  /// Values of an edge column as doubles, one per edge: "weight", "amount" or
  /// a number attribute column; throws InvalidArgument (naming the columns
  /// that exist) otherwise.  `missing_ok` = false refuses NaN values.
  const std::vector<double>& edge_numbers(const std::string& column, bool missing_ok = true) const;
  /// Vertex of `id`; throws InvalidArgument naming the id when absent.
  vertex_t at(std::string_view id) const {
    auto v = index_->find(nodes_->ids, id);
    if (!v) throw InvalidArgument("unknown node id '" + std::string(id) + "'");
    return *v;
  }
  const std::string& id(vertex_t v) const { return nodes_->ids[v]; }
  const std::string& node_type(vertex_t v) const { return nodes_->types.name(nodes_->type[v]); }
  const std::string& edge_type(std::size_t e) const { return edges_.types.name(edges_.type[e]); }

  /// The compute view, built once (thread-safe) and shared.
  std::shared_ptr<const CsrGraph> csr() const {
    std::lock_guard<std::mutex> lock(*csr_mutex_);
    if (!csr_)
      csr_ = std::make_shared<const CsrGraph>(CsrGraph::build(
          vertex_t(nodes_->size()), directed_, edges_.source, edges_.target, &edges_.weight,
          edges_.type.data()));
    return csr_;
  }

  /// Bytes held by the node and edge tables (strings counted by capacity).
  std::size_t table_bytes() const;

  // ---- views (each returns a new network) --------------------------------
  Network subgraph(const SubgraphOptions& opt) const;
  /// The network induced on `keep` (vertex indices, any order; kept in index order).
  Network induced(const std::vector<vertex_t>& keep) const;
  /// The network of the edges `edges` (indices, any order; kept in index
  /// order) with every node, or with only their endpoints (`active_only`).
  Network edge_subnetwork(std::vector<std::size_t> edges, bool active_only) const;
  /// Merges parallel edges per (source, target[, type]) (unordered pair when
  /// undirected).  Result columns: weight (aggregate of options.column) and,
  /// with options.summaries (the default), attributes `count`,
  /// `first_timestamp`, `last_timestamp` (when timestamps exist) and amount (sum
  /// of present amounts; NaN when none).  Edge order: first appearance; an
  /// edge's source and target are those of its group's first edge.  Parallel
  /// (stable counting sorts, graph/buckets.hpp; src/graph/collapse.cpp), the
  /// same for any thread count: parallel edges are aggregated in edge order.
  /// O(n + m).
  Network collapse(const CollapseOptions& opt = {}) const;
  /// collapse(opt), built once per (weight, by_type, column, summaries) and shared:
  /// thread-safe (concurrent calls for one key build it once; calls for
  /// other keys do not wait for it), kept as long as this network.  Copies
  /// start without cached views.
  std::shared_ptr<const Network> collapsed(const CollapseOptions& opt) const;
  /// A copy with the edge attribute column `column` added (or replaced when
  /// a column of that name exists); its size must be the number of edges.
  Network with_edge_attribute(Column column) const;
  /// The largest weakly connected component (ties: the one holding the
  /// lowest vertex index), from components().
  Network largest_component() const;
  /// Component number of every vertex (weak components for directed networks),
  /// numbered by first vertex, and the number of components
  /// (graph/components.hpp, on the edge table: no compute view is built).
  std::vector<vertex_t> components(vertex_t* count = nullptr) const;

  /// A short text summary: counts by node type and edge type.
  std::string summary() const;

 private:
  friend class NetworkBuilder;
  /// For NetworkBuilder: `index` already indexes nodes.ids (ids unique).
  Network(bool directed, NodeTable nodes, EdgeTable edges, IdIndex index)
      : Network(directed, std::make_shared<const NodeTable>(std::move(nodes)), std::move(edges),
                std::make_shared<const IdIndex>(std::move(index))) {
    validate_nodes();
  }
  /// A network on this one's nodes (shared, not copied; checked when they
  /// were first wrapped) with other edges: only the edges are checked.
  Network(bool directed, std::shared_ptr<const NodeTable> nodes, EdgeTable edges, std::shared_ptr<const IdIndex> index)
      : directed_(directed), nodes_(std::move(nodes)), edges_(std::move(edges)), index_(std::move(index)) {
    validate_edges();
  }
  static std::shared_ptr<const IdIndex> index_of(const NodeTable& nodes) {
    auto index = std::make_shared<IdIndex>();
    index->build(nodes.ids);
    return index;
  }
  /// Throw InvalidArgument on inconsistent tables: the node table alone, and
  /// the edge table against it (endpoints, weights, column sizes).
  void validate_nodes() const;
  void validate_edges() const;
  bool directed_;
  std::shared_ptr<const NodeTable> nodes_;
  EdgeTable edges_;
  std::shared_ptr<const IdIndex> index_;
  mutable std::shared_ptr<const CsrGraph> csr_;
  std::shared_ptr<std::mutex> csr_mutex_ = std::make_shared<std::mutex>();
  struct View;  // one cached collapse() (network.cpp)
  struct Views {
    std::mutex mutex;
    std::vector<std::shared_ptr<View>> views;
  };
  std::shared_ptr<Views> views_ = std::make_shared<Views>();
};

}  // namespace ringleader
