// Network: validation, views and summary.
#include "ringleader/graph/network.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "ringleader/graph/components.hpp"

namespace ringleader {

void check_attribute_names(const std::vector<Column>& cols, const std::vector<std::string>& reserved,
                           const char* what) {
  std::unordered_set<std::string_view> seen;  // O(k) for k columns, not O(k^2)
  seen.reserve(cols.size());
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const std::string& name = cols[i].name;
    if (name.empty()) throw InvalidArgument(std::string("an ") + what + " attribute has an empty name: name it");
    if (std::find(reserved.begin(), reserved.end(), name) != reserved.end())
      throw InvalidArgument(std::string(what) + " attribute name '" + name +
                            "' is reserved for the model's own column: rename the attribute");
    if (!seen.insert(name).second)
      throw InvalidArgument(std::string("two ") + what + " attributes are named '" + name + "': names must be unique");
  }
}

namespace {
void need(bool ok, const std::string& what) {
  if (!ok) throw InvalidArgument("inconsistent network tables: " + what);
}
}  // namespace

void Network::validate_nodes() const {
  const std::size_t n = nodes_->ids.size();
  need(nodes_->type.size() == n, "node type column size");
  need(nodes_->labels.empty() || nodes_->labels.size() == n, "label column size");
  memory::check_vertex_count(n);
  for (const auto& c : nodes_->attrs) need(c.size() == n, "node attribute '" + c.name + "' size");
  check_attribute_names(nodes_->attrs, kNodeColumns, "node");
  for (auto t : nodes_->type) need(t < nodes_->types.size(), "node type index");
  for (const auto& id : nodes_->ids)
    if (id.empty()) throw InvalidArgument("empty node id");
}

void Network::validate_edges() const {
  const std::size_t n = nodes_->ids.size(), m = edges_.source.size();
  need(edges_.target.size() == m && edges_.type.size() == m && edges_.weight.size() == m, "edge column sizes");
  need(edges_.timestamp.empty() || edges_.timestamp.size() == m, "timestamp column size");
  need(edges_.amount.empty() || edges_.amount.size() == m, "amount column size");
  memory::check_edge_count(m);
  for (const auto& c : edges_.attrs) need(c.size() == m, "edge attribute '" + c.name + "' size");
  check_attribute_names(edges_.attrs, kEdgeColumns, "edge");
  for (auto t : edges_.type) need(t < edges_.types.size(), "edge type index");
  for (std::size_t e = 0; e < m; ++e) {
    if (edges_.source[e] >= n || edges_.target[e] >= n)
      throw InvalidArgument("edge " + std::to_string(e) + " names a vertex index out of range");
    if (!std::isfinite(edges_.weight[e]))
      throw InvalidArgument("edge " + std::to_string(e) + " has a NaN or infinite weight");
  }
}

std::size_t Network::table_bytes() const {
  auto strings = [](const std::vector<std::string>& v) {
    std::size_t b = v.capacity() * sizeof(std::string);
    for (const auto& s : v)
      if (s.capacity() > 15) b += s.capacity() + 1;
    return b;
  };
  auto cols = [&](const std::vector<Column>& cs) {
    std::size_t b = 0;
    for (const auto& c : cs) b += c.numbers.capacity() * 8 + c.times.capacity() * 8 + strings(c.strings);
    return b;
  };
  return strings(nodes_->ids) + nodes_->type.capacity() * sizeof(type_t) + strings(nodes_->labels) + cols(nodes_->attrs) +
         index_->memory_bytes() + edges_.source.capacity() * 4 + edges_.target.capacity() * 4 +
         edges_.type.capacity() * sizeof(type_t) + edges_.weight.capacity() * 8 + edges_.timestamp.capacity() * 8 +
         edges_.amount.capacity() * 8 + cols(edges_.attrs);
}

namespace {

/// Copies the rows `keep` of the node table, and the edges `edges` (whose
/// endpoints must be kept) renumbered, into a new network.
Network take(bool directed, const NodeTable& nt, const EdgeTable& et, const std::vector<vertex_t>& keep,
             const std::vector<std::size_t>& edges) {
  NodeTable n;
  n.types = nt.types;
  std::vector<vertex_t> map(nt.size(), 0xFFFFFFFFu);
  for (std::size_t i = 0; i < keep.size(); ++i) {
    map[keep[i]] = vertex_t(i);
    n.ids.push_back(nt.ids[keep[i]]);
    n.type.push_back(nt.type[keep[i]]);
    if (!nt.labels.empty()) n.labels.push_back(nt.labels[keep[i]]);
  }
  for (const auto& c : nt.attrs) n.attrs.push_back(c.take(keep));
  EdgeTable e;
  e.types = et.types;
  for (std::size_t k : edges) {
    e.source.push_back(map[et.source[k]]);
    e.target.push_back(map[et.target[k]]);
    e.type.push_back(et.type[k]);
    e.weight.push_back(et.weight[k]);
    if (et.has_timestamps()) e.timestamp.push_back(et.timestamp[k]);
    if (et.has_amounts()) e.amount.push_back(et.amount[k]);
  }
  for (const auto& c : et.attrs) e.attrs.push_back(c.take(edges));
  return Network(directed, std::move(n), std::move(e));
}

std::vector<bool> type_mask(const TypeTable& types, const std::vector<std::string>& names, const char* what) {
  std::vector<bool> mask(types.size(), names.empty());
  for (const auto& s : names) {
    int t = types.find(s);
    if (t < 0) {
      std::string known;
      for (const auto& k : types.names()) known += (known.empty() ? "" : ", ") + k;
      throw InvalidArgument(std::string("unknown ") + what + " type '" + s + "' (this network has: " + known + ")");
    }
    mask[std::size_t(t)] = true;
  }
  return mask;
}

}  // namespace

Network Network::subgraph(const SubgraphOptions& opt) const {
  const std::size_t n = nodes_->size(), m = edges_.size();
  std::vector<bool> node_ok(n, true);
  if (!opt.node_types.empty()) {
    auto mask = type_mask(nodes_->types, opt.node_types, "node");
    for (std::size_t v = 0; v < n; ++v) node_ok[v] = mask[nodes_->type[v]];
  }
  if (opt.nodes) {
    std::vector<bool> in(n, false);
    for (const auto& id : *opt.nodes) in[at(id)] = true;
    for (std::size_t v = 0; v < n; ++v) node_ok[v] = node_ok[v] && in[v];
  }
  auto edge_mask = type_mask(edges_.types, opt.edge_types, "edge");
  const bool window = opt.start || opt.end;
  std::vector<vertex_t> keep;
  for (std::size_t v = 0; v < n; ++v)
    if (node_ok[v]) keep.push_back(vertex_t(v));
  std::vector<std::size_t> edges;
  for (std::size_t e = 0; e < m; ++e) {
    if (!node_ok[edges_.source[e]] || !node_ok[edges_.target[e]] || !edge_mask[edges_.type[e]]) continue;
    if (window) {
      std::int64_t t = edges_.time(e);
      if (t == kNoTime || (opt.start && t < *opt.start) || (opt.end && t >= *opt.end)) continue;
    }
    edges.push_back(e);
  }
  return take(directed_, *nodes_, edges_, keep, edges);
}

Network Network::induced(const std::vector<vertex_t>& keep_in) const {
  std::vector<bool> in(nodes_->size(), false);
  for (vertex_t v : keep_in) {
    if (v >= nodes_->size()) throw InvalidArgument("vertex index out of range");
    in[v] = true;
  }
  std::vector<vertex_t> keep;
  for (std::size_t v = 0; v < in.size(); ++v)
    if (in[v]) keep.push_back(vertex_t(v));
  std::vector<std::size_t> edges;
  for (std::size_t e = 0; e < edges_.size(); ++e)
    if (in[edges_.source[e]] && in[edges_.target[e]]) edges.push_back(e);
  return take(directed_, *nodes_, edges_, keep, edges);
}

Network Network::edge_subnetwork(std::vector<std::size_t> edges, bool active_only) const {
  std::sort(edges.begin(), edges.end());
  for (std::size_t e : edges)
    if (e >= edges_.size()) throw InvalidArgument("edge index out of range");
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  std::vector<vertex_t> keep;
  if (active_only) {
    std::vector<char> in(nodes_->size(), 0);
    for (std::size_t e : edges) in[edges_.source[e]] = in[edges_.target[e]] = 1;
    for (std::size_t v = 0; v < in.size(); ++v)
      if (in[v]) keep.push_back(vertex_t(v));
  } else {
    keep.resize(nodes_->size());
    for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = vertex_t(v);
  }
  return take(directed_, *nodes_, edges_, keep, edges);
}

struct Network::View {
  CollapseOptions options;
  std::mutex building;  // held while this view is built (and to read it)
  std::shared_ptr<const Network> net;
};

std::shared_ptr<const Network> Network::collapsed(const CollapseOptions& opt) const {
  if (!views_) return std::make_shared<const Network>(collapse(opt));  // a moved-from network
  std::shared_ptr<View> view;
  {
    std::lock_guard<std::mutex> lock(views_->mutex);
    for (const auto& v : views_->views)
      if (v->options.weight == opt.weight && v->options.by_type == opt.by_type && v->options.column == opt.column &&
          v->options.summaries == opt.summaries)
        view = v;
    if (!view) {
      view = std::make_shared<View>();
      view->options = opt;
      views_->views.push_back(view);
    }
  }
  // built outside the table's lock: other views stay available meanwhile; a
  // failed build (an unknown column) throws here and is tried again by the
  // next call.  (A mutex, not std::call_once: an exception thrown through
  // call_once leaves ThreadSanitizer's pthread_once interceptor unbalanced.)
  std::lock_guard<std::mutex> building(view->building);
  if (!view->net) view->net = std::make_shared<const Network>(collapse(opt));
  return view->net;
}

const std::vector<double>& Network::edge_numbers(const std::string& column, bool missing_ok) const {
  const std::vector<double>* v = nullptr;
  static const std::vector<double> none;
  if (column == "weight") v = &edges_.weight;
  else if (column == "amount") v = edges_.has_amounts() ? &edges_.amount : nullptr;
  else
    for (const auto& c : edges_.attrs)
      if (c.name == column && c.kind == Column::Kind::Number) v = &c.numbers;
  if (!v && column == "amount" && edges_.size() == 0) v = &none;
  if (!v) {
    std::string known = "weight";
    if (edges_.has_amounts()) known += ", amount";
    for (const auto& c : edges_.attrs)
      if (c.kind == Column::Kind::Number) known += ", " + c.name;
    throw InvalidArgument("no numeric edge column '" + column + "' (numeric columns: " + known + ")");
  }
  if (!missing_ok)
    for (std::size_t e = 0; e < v->size(); ++e)
      if (std::isnan((*v)[e]))
        throw InvalidArgument("edge column '" + column + "' is missing for edge " + std::to_string(e) + " (" +
                              nodes_->ids[edges_.source[e]] + " -> " + nodes_->ids[edges_.target[e]] +
                              "): fill the missing values or choose another column");
  return *v;
}

Network Network::with_edge_attribute(Column column) const {
  if (column.size() != edges_.size())
    throw InvalidArgument("edge column '" + column.name + "' has " + std::to_string(column.size()) +
                          " values, expected one per edge (" + std::to_string(edges_.size()) + ")");
  for (const char* reserved : {"source", "target", "type", "weight", "timestamp", "amount"})
    if (column.name == reserved)
      throw InvalidArgument("'" + column.name + "' is a reserved edge column name: choose another name");
  EdgeTable e = edges_;
  auto it = std::find_if(e.attrs.begin(), e.attrs.end(), [&](const Column& c) { return c.name == column.name; });
  if (it != e.attrs.end()) *it = std::move(column);
  else e.attrs.push_back(std::move(column));
  return Network(directed_, nodes_, std::move(e), index_);  // same nodes: shared
}

std::vector<vertex_t> Network::components(vertex_t* count) const {
  return graph::weak_components(vertex_t(nodes_->size()), edges_.source, edges_.target, count);
}

Network Network::largest_component() const {
  if (nodes_->size() == 0) return *this;
  vertex_t k = 0;
  auto comp = components(&k);
  const std::vector<std::uint64_t> size = graph::component_sizes(comp, k);
  // Components are numbered by their lowest vertex, so the first maximum
  // holds the lowest vertex index among the largest.
  vertex_t best = vertex_t(std::max_element(size.begin(), size.end()) - size.begin());
  std::vector<vertex_t> keep;
  for (vertex_t v = 0; v < comp.size(); ++v)
    if (comp[v] == best) keep.push_back(v);
  return induced(keep);
}

std::string Network::summary() const {
  std::ostringstream os;
  os << (directed_ ? "directed" : "undirected") << " network: " << number_of_nodes() << " nodes, "
     << number_of_edges() << " edges\n";
  std::vector<std::size_t> nc(nodes_->types.size(), 0), ec(edges_.types.size(), 0);
  for (auto t : nodes_->type) ++nc[t];
  for (auto t : edges_.type) ++ec[t];
  os << "nodes by type:\n";
  for (std::size_t t = 0; t < nc.size(); ++t)
    if (nc[t]) os << "  " << nodes_->types.name(type_t(t)) << ": " << nc[t] << "\n";
  os << "edges by type:\n";
  for (std::size_t t = 0; t < ec.size(); ++t)
    if (ec[t]) os << "  " << edges_.types.name(type_t(t)) << ": " << ec[t] << "\n";
  return os.str();
}

}  // namespace ringleader
