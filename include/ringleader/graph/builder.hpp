// ringleader/graph/builder.hpp - incremental construction of a Network.
//
// Every reader (CSV, GraphML, Pajek, edge lists, matrices, DL) and the Python
// constructors fill a NetworkBuilder, and only when the whole input has been
// checked call finish(), so an error never leaves a partial network.
//
// Attribute columns are either declared with a kind (GraphML declares them) or
// filled with text and typed at finish() by infer_column(): Number when every
// non-empty value is a number, Time when every non-empty value is an ISO 8601
// date or date-time, String otherwise.
#pragma once

#include <algorithm>
#include <optional>
#include <tuple>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ringleader/core/memory.hpp"
#include "ringleader/graph/network.hpp"

namespace ringleader {

/// Types a column of text values (see the header comment).  "" is missing.
inline Column infer_column(std::string name, std::vector<std::string>&& texts) {
  Column c;
  c.name = std::move(name);
  bool number = true, time = true, any = false;
  for (const auto& t : texts) {
    if (t.empty()) continue;
    any = true;
    double d;
    std::int64_t ns;
    if (number && !text::parse_double(t, d)) number = false;
    if (time) {
      auto tt = text::trim(t);
      if (tt.size() < 10 || tt[4] != '-' || !text::parse_timestamp(tt, ns)) time = false;
    }
    if (!number && !time) break;
  }
  if (any && number) {
    c.kind = Column::Kind::Number;
    c.numbers.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
      if (texts[i].empty() || !text::parse_double(texts[i], c.numbers[i])) c.numbers[i] = std::nan("");
  } else if (any && time) {
    c.kind = Column::Kind::Time;
    c.times.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
      if (texts[i].empty() || !text::parse_timestamp(texts[i], c.times[i])) c.times[i] = kNoTime;
  } else {
    c.kind = Column::Kind::String;
    c.strings = std::move(texts);
  }
  return c;
}

class NetworkBuilder {
 public:
  explicit NetworkBuilder(bool directed, std::string default_node_type = "unknown",
                          std::string default_edge_type = "edge")
      : directed_(directed), node_type_(std::move(default_node_type)), edge_type_(std::move(default_edge_type)) {}

  bool directed() const { return directed_; }
  std::size_t number_of_nodes() const { return nodes_.ids.size(); }
  std::size_t number_of_edges() const { return edges_.source.size(); }
  std::optional<vertex_t> find(std::string_view id) const {
    std::uint32_t k;
    if (small_int(id, k)) {
      if (k < by_int_.size() && by_int_[k]) return by_int_[k] - 1;
      return std::nullopt;
    }
    return index_.find(nodes_.ids, id);
  }
  const std::string& id(vertex_t v) const { return nodes_.ids[v]; }
  const std::string& node_type(vertex_t v) const { return nodes_.types.name(nodes_.type[v]); }

  /// Adds a node of `type` ("" = the default node type).  Returns the vertex
  /// and true, or the existing vertex and false when the id is already there
  /// (the caller reports the duplicate with its location).
  std::pair<vertex_t, bool> add_node(std::string_view id, std::string_view type = {}) {
    memory::check_vertex_count(nodes_.ids.size() + 1, "the input");
    std::uint32_t k;
    vertex_t v;
    bool added;
    if (small_int(id, k)) {  // fast path: a direct table, no hashing
      if (k >= by_int_.size()) by_int_.resize(std::max<std::size_t>(k + 1, by_int_.size() * 2), 0);
      added = by_int_[k] == 0;
      if (added) {
        nodes_.ids.emplace_back(id);
        by_int_[k] = vertex_t(nodes_.ids.size());
      }
      v = by_int_[k] - 1;
    } else {
      std::tie(v, added) = index_.find_or_insert(nodes_.ids, id);
    }
    if (added) nodes_.type.push_back(nodes_.types.intern(type.empty() ? std::string_view(node_type_) : type));
    return {v, added};
  }
  /// The vertex of `id`, created with the default node type when absent.
  vertex_t node(std::string_view id) { return add_node(id).first; }
  void set_label(vertex_t v, std::string_view label) {
    if (nodes_.labels.size() <= v) nodes_.labels.resize(nodes_.ids.size());
    nodes_.labels[v] = std::string(label);
  }

  /// Adds an edge of `type` ("" = the default edge type); returns its index.
  std::size_t add_edge(vertex_t s, vertex_t t, std::string_view type = {}, double weight = 1.0) {
    if (edges_.source.size() >= memory::kMaxEdges) memory::check_edge_count(edges_.source.size() + 1, "the input");
    edges_.source.push_back(s);
    edges_.target.push_back(t);
    edges_.type.push_back(edges_.types.intern(type.empty() ? std::string_view(edge_type_) : type));
    edges_.weight.push_back(weight);
    return edges_.source.size() - 1;
  }
  void set_timestamp(std::size_t e, std::int64_t ns) {
    if (edges_.timestamp.size() <= e) edges_.timestamp.resize(e + 1, kNoTime);
    edges_.timestamp[e] = ns;
  }
  void set_amount(std::size_t e, double a) {
    if (edges_.amount.size() <= e) edges_.amount.resize(e + 1, std::nan(""));
    edges_.amount[e] = a;
  }
  void reserve_edges(std::size_t m) {
    memory::check_edge_count(m, "the input");
    memory::reserve_check(memory::mul(m, 22), "the edge table");
    edges_.source.reserve(m); edges_.target.reserve(m); edges_.type.reserve(m); edges_.weight.reserve(m);
  }

  // ---- attribute columns --------------------------------------------------
  /// Index of the node column `name`, created when new.  Without `kind` its
  /// values are text, typed at finish(); with `kind` use the typed setters.
  std::size_t node_column(const std::string& name, std::optional<Column::Kind> kind = std::nullopt) {
    return column(node_cols_, node_col_index_, name, kind);
  }
  std::size_t edge_column(const std::string& name, std::optional<Column::Kind> kind = std::nullopt) {
    return column(edge_cols_, edge_col_index_, name, kind);
  }
  void set_node_text(std::size_t c, vertex_t v, std::string_view value) { set_text(node_cols_[c], v, value); }
  void set_edge_text(std::size_t c, std::size_t e, std::string_view value) { set_text(edge_cols_[c], e, value); }
  void set_node_number(std::size_t c, vertex_t v, double x) { at_number(node_cols_[c], v) = x; }
  void set_edge_number(std::size_t c, std::size_t e, double x) { at_number(edge_cols_[c], e) = x; }
  void set_node_string(std::size_t c, vertex_t v, std::string_view x) { at_string(node_cols_[c], v) = std::string(x); }
  void set_edge_string(std::size_t c, std::size_t e, std::string_view x) { at_string(edge_cols_[c], e) = std::string(x); }
  void set_node_time(std::size_t c, vertex_t v, std::int64_t x) { at_time(node_cols_[c], v) = x; }
  void set_edge_time(std::size_t c, std::size_t e, std::int64_t x) { at_time(edge_cols_[c], e) = x; }

  /// Checks and returns the network; the builder is left empty.
  Network finish() {
    const std::size_t n = nodes_.ids.size(), m = edges_.source.size();
    if (!nodes_.labels.empty()) nodes_.labels.resize(n);
    if (!edges_.timestamp.empty()) edges_.timestamp.resize(m, kNoTime);
    if (!edges_.amount.empty()) edges_.amount.resize(m, std::nan(""));
    nodes_.attrs = finish_columns(node_cols_, n);
    edges_.attrs = finish_columns(edge_cols_, m);
    node_col_index_.clear();
    edge_col_index_.clear();
    if (!by_int_.empty()) {  // ids taken by the fast path are not in the hash index yet
      by_int_ = std::vector<vertex_t>();
      index_.build(nodes_.ids);
    }
    return Network(directed_, std::move(nodes_), std::move(edges_), std::move(index_));
  }

 private:
  struct Pending {
    Column col;
    bool infer = false;
    std::vector<std::string> text;
  };
  // by name through a hash index: a header of k columns costs O(k), not O(k^2)
  static std::size_t column(std::vector<Pending>& cols, std::unordered_map<std::string, std::size_t>& index,
                            const std::string& name, std::optional<Column::Kind> kind) {
    auto [it, added] = index.emplace(name, cols.size());
    if (!added) return it->second;
    Pending p;
    p.col.name = name;
    p.infer = !kind;
    p.col.kind = kind.value_or(Column::Kind::String);
    cols.push_back(std::move(p));
    return cols.size() - 1;
  }
  static void set_text(Pending& p, std::size_t i, std::string_view v) {
    if (p.text.size() <= i) p.text.resize(i + 1);
    p.text[i] = std::string(v);
  }
  static double& at_number(Pending& p, std::size_t i) {
    if (p.col.numbers.size() <= i) p.col.numbers.resize(i + 1, std::nan(""));
    return p.col.numbers[i];
  }
  static std::string& at_string(Pending& p, std::size_t i) {
    if (p.col.strings.size() <= i) p.col.strings.resize(i + 1);
    return p.col.strings[i];
  }
  static std::int64_t& at_time(Pending& p, std::size_t i) {
    if (p.col.times.size() <= i) p.col.times.resize(i + 1, kNoTime);
    return p.col.times[i];
  }
  static std::vector<Column> finish_columns(std::vector<Pending>& cols, std::size_t size) {
    std::vector<Column> out;
    for (auto& p : cols) {
      if (p.infer) {
        p.text.resize(size);
        out.push_back(infer_column(p.col.name, std::move(p.text)));
      } else {
        p.col.resize(size);
        out.push_back(std::move(p.col));
      }
    }
    cols.clear();
    return out;
  }

  bool directed_;
  std::string node_type_, edge_type_;
  NodeTable nodes_;
  EdgeTable edges_;
  IdIndex index_;
  /// Ids that are small canonical decimal integers ("0", "17", not "017"),
  /// the common case of SNAP-style files, map through this table (vertex + 1,
  /// 0 = absent) instead of the hash index; at most 16 MiB.
  std::vector<vertex_t> by_int_;
  static bool small_int(std::string_view id, std::uint32_t& k) {
    if (id.empty() || id.size() > 7 || (id[0] == '0' && id.size() > 1)) return false;
    std::uint32_t x = 0;
    for (char c : id) {
      if (c < '0' || c > '9') return false;
      x = x * 10 + std::uint32_t(c - '0');
    }
    if (x >= (1u << 22)) return false;
    k = x;
    return true;
  }
  std::vector<Pending> node_cols_, edge_cols_;
  std::unordered_map<std::string, std::size_t> node_col_index_, edge_col_index_;
};

}  // namespace ringleader
