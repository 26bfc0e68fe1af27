// Test support: random networks exercising every feature of the model, and
// an exact equality check (used by the round-trip tests of every format).
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>

#include <ringleader/ringleader.hpp>

namespace rltest {

using namespace ringleader;

inline std::string random_text(std::mt19937& rng, bool allow_empty = false) {
  static const char* pieces[] = {"a", "Z", "李", "é", ",", "\"", "'", "<", "&", ">", " ", "\n", "x y", "\r\n", "#", ";", "\t", "🙂", "Ω", "_"};
  std::size_t len = (allow_empty ? 0 : 1) + rng() % 6;
  std::string s = "s";  // never looks like a number or a date
  for (std::size_t i = 0; i < len; ++i) s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
  if (allow_empty && rng() % 5 == 0) return std::string();
  return s;
}

/// A random network with ids full of delimiters, quotes and unicode, several
/// node and edge types, self-loops, parallel edges, missing values and
/// attribute columns of every kind.
inline Network random_network(std::mt19937& rng, bool directed, std::size_t max_nodes = 40) {
  NetworkBuilder b(directed, "unknown", "edge");
  std::size_t n = rng() % (max_nodes + 1);
  static const char* node_types[] = {"person", "phone", "account", "venue", "custom type, with comma"};
  static const char* edge_types[] = {"call", "transfer", "uses", "owns", "located_at", "meets"};
  bool labels = rng() % 2, times = rng() % 2, amounts = rng() % 2;
  std::size_t num_col = b.node_column("age", Column::Kind::Number);
  std::size_t str_col = b.node_column("nickname", Column::Kind::String);
  std::size_t time_col = b.node_column("registered", Column::Kind::Time);
  for (std::size_t i = 0; i < n; ++i) {
    std::string id = random_text(rng) + "#" + std::to_string(i);
    auto [v, ok] = b.add_node(id, node_types[rng() % 5]);
    REQUIRE(ok);
    if (labels && rng() % 3) b.set_label(v, random_text(rng));
    if (rng() % 3) b.set_node_number(num_col, v, double(rng() % 100000) / 7.0 - 3000);
    if (rng() % 3) b.set_node_string(str_col, v, random_text(rng));
    if (rng() % 3) b.set_node_time(time_col, v, std::int64_t(rng()) * 1000000007LL + 17);
  }
  std::size_t m = n ? rng() % (3 * n + 1) : 0;
  std::size_t e_num = b.edge_column("duration", Column::Kind::Number);
  std::size_t e_str = b.edge_column("note", Column::Kind::String);
  for (std::size_t k = 0; k < m; ++k) {
    vertex_t s = vertex_t(rng() % n), t = rng() % 6 == 0 ? s : vertex_t(rng() % n);
    double w = rng() % 4 == 0 ? 1.0 : (double(rng()) / 3.0 - 1e8) * (rng() % 2 ? 1e-7 : 1.0);
    std::size_t e = b.add_edge(s, t, edge_types[rng() % 6], w);
    if (rng() % 5 == 0) b.add_edge(s, t, edge_types[rng() % 6], w);  // parallel
    if (times && rng() % 4) b.set_timestamp(e, std::int64_t(rng()) * 999999937LL - 12345);
    if (amounts && rng() % 4) b.set_amount(e, double(rng() % 1000000) / 100.0);
    if (rng() % 2) b.set_edge_number(e_num, e, double(rng() % 5000));
    if (rng() % 2) b.set_edge_string(e_str, e, random_text(rng));
  }
  return b.finish();
}

inline bool same_value(const Column& a, const Column& b, std::size_t i) {
  if (a.kind == Column::Kind::Number) {
    double x = a.numbers[i], y = b.numbers[i];
    return (std::isnan(x) && std::isnan(y)) || x == y;
  }
  if (a.kind == Column::Kind::Time) return a.times[i] == b.times[i];
  return a.strings[i] == b.strings[i];
}

/// Every node, edge, type, label, weight, timestamp, amount and attribute.
/// Unless `exact_columns`, a column that holds no value at all may be dropped
/// or change kind (CSV cannot tell the kind of an empty column).
inline void require_same(const Network& a, const Network& b, bool exact_columns = false) {
  REQUIRE(a.directed() == b.directed());
  REQUIRE(a.number_of_nodes() == b.number_of_nodes());
  REQUIRE(a.number_of_edges() == b.number_of_edges());
  for (vertex_t v = 0; v < a.number_of_nodes(); ++v) {
    REQUIRE(a.id(v) == b.id(v));
    REQUIRE(a.node_type(v) == b.node_type(v));
    std::string la = a.nodes().labels.empty() ? "" : a.nodes().labels[v];
    std::string lb = b.nodes().labels.empty() ? "" : b.nodes().labels[v];
    REQUIRE(la == lb);
  }
  auto check_cols = [exact_columns](const std::vector<Column>& ca, const std::vector<Column>& cb, std::size_t rows) {
    std::size_t j = 0;
    for (const auto& c : ca) {
      INFO("column " << c.name);
      bool any = exact_columns;
      for (std::size_t i = 0; i < rows && !any; ++i) any = !c.missing(i);
      if (!any && (j >= cb.size() || cb[j].name != c.name)) continue;  // an empty column may vanish
      REQUIRE(j < cb.size());
      REQUIRE(cb[j].name == c.name);
      if (any) REQUIRE(cb[j].kind == c.kind);
      for (std::size_t i = 0; i < rows; ++i)
        if (any) REQUIRE(same_value(c, cb[j], i));
        else REQUIRE(cb[j].missing(i));
      ++j;
    }
    REQUIRE(j == cb.size());
  };
  check_cols(a.nodes().attrs, b.nodes().attrs, a.number_of_nodes());
  for (std::size_t e = 0; e < a.number_of_edges(); ++e) {
    REQUIRE(a.edges().source[e] == b.edges().source[e]);
    REQUIRE(a.edges().target[e] == b.edges().target[e]);
    REQUIRE(a.edge_type(e) == b.edge_type(e));
    REQUIRE(a.edges().weight[e] == b.edges().weight[e]);
    REQUIRE(a.edges().time(e) == b.edges().time(e));
    double x = a.edges().amount_of(e), y = b.edges().amount_of(e);
    REQUIRE(((std::isnan(x) && std::isnan(y)) || x == y));
  }
  check_cols(a.edges().attrs, b.edges().attrs, a.number_of_edges());
}

}  // namespace rltest
