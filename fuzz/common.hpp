// fuzz/common.hpp - shared parts of the libFuzzer targets.
//
// Each target feeds the fuzz input to one parser.  A ringleader::Error
// (ParseError, InvalidArgument) is the expected answer to bad input; any
// other exception escapes to libFuzzer and is reported as a crash, as are
// sanitizer reports, timeouts and out-of-memory.  Whatever parses is written
// back with the GraphML writer and the CSV writer and read again: GraphML must
// give the same network exactly, CSV the same within its documented limits
// (io/csv.hpp: a string column can come back as a number or time column, a
// column without any value can vanish or change kind, header names are
// trimmed; the CSV writer refuses, with InvalidArgument, names it cannot keep).  A difference aborts
// with a description, so libFuzzer records the input.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/text.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/io/binary.hpp"
#include "ringleader/io/csv.hpp"
#include "ringleader/io/graphml.hpp"

namespace rlfuzz {

using ringleader::Column;
using ringleader::Network;

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "round trip: %s\n", what.c_str());
  std::abort();
}

inline void expect(bool ok, const std::string& what) {
  if (!ok) fail(what);
}

inline bool same_number(double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; }

inline bool same_value(const Column& a, const Column& b, std::size_t i) {
  if (a.kind == Column::Kind::Number) return same_number(a.numbers[i], b.numbers[i]);
  if (a.kind == Column::Kind::Time) return a.times[i] == b.times[i];
  return a.strings[i] == b.strings[i];
}

/// Compares attribute columns; `csv` allows the documented CSV limits.
inline void same_columns(const std::vector<Column>& ca, const std::vector<Column>& cb, std::size_t rows, bool csv,
                         const char* table) {
  std::size_t j = 0;
  for (const Column& c : ca) {
    const std::string where = std::string(table) + " column '" + c.name + "'";
    bool any = false;
    for (std::size_t i = 0; i < rows && !any; ++i) any = !c.missing(i);
    const std::string_view name = csv ? ringleader::text::trim(c.name) : std::string_view(c.name);
    if (csv && !any && (j >= cb.size() || cb[j].name != name)) continue;  // an empty column may vanish
    expect(j < cb.size(), where + " lost");
    expect(cb[j].name == name, where + " renamed to '" + cb[j].name + "'");
    if (csv && (!any || (cb[j].kind != c.kind && c.kind == Column::Kind::String))) {
      // Empty column, or a string column read back as numbers/times: check the missing cells only.
      for (std::size_t i = 0; i < rows; ++i) expect(c.missing(i) == cb[j].missing(i), where + " missing cells differ");
    } else {
      expect(cb[j].kind == c.kind, where + " changed kind");
      for (std::size_t i = 0; i < rows; ++i) expect(same_value(c, cb[j], i), where + " value differs");
    }
    ++j;
  }
  expect(j == cb.size(), std::string(table) + " columns added");
}

/// Every node, edge, type, label, weight, timestamp, amount and attribute.
inline void same_network(const Network& a, const Network& b, bool csv) {
  expect(a.directed() == b.directed(), "directedness differs");
  expect(a.number_of_nodes() == b.number_of_nodes(), "node count differs");
  expect(a.number_of_edges() == b.number_of_edges(), "edge count differs");
  for (ringleader::vertex_t v = 0; v < a.number_of_nodes(); ++v) {
    expect(a.id(v) == b.id(v), "node id '" + a.id(v) + "' differs");
    expect(a.node_type(v) == b.node_type(v), "node type differs");
    std::string la = a.nodes().labels.empty() ? "" : a.nodes().labels[v];
    std::string lb = b.nodes().labels.empty() ? "" : b.nodes().labels[v];
    expect(la == lb, "label differs");
  }
  same_columns(a.nodes().attrs, b.nodes().attrs, a.number_of_nodes(), csv, "node");
  for (std::size_t e = 0; e < a.number_of_edges(); ++e) {
    expect(a.edges().source[e] == b.edges().source[e] && a.edges().target[e] == b.edges().target[e],
           "edge endpoints differ");
    expect(a.edge_type(e) == b.edge_type(e), "edge type differs");
    expect(a.edges().weight[e] == b.edges().weight[e], "weight differs");
    expect(a.edges().time(e) == b.edges().time(e), "timestamp differs");
    expect(same_number(a.edges().amount_of(e), b.edges().amount_of(e)), "amount differs");
  }
  same_columns(a.edges().attrs, b.edges().attrs, a.number_of_edges(), csv, "edge");
}

/// Writes `net` as GraphML and as a CSV pair, reads both back and compares.
/// A documented refusal of a writer (InvalidArgument: a control character
/// GraphML's XML 1.0 cannot hold, a NUL or a name CSV cannot keep) skips that
/// format.
inline void round_trip(const Network& net) {
  std::optional<std::string> xml;
  try {
    xml = ringleader::io::graphml_text(net);
  } catch (const ringleader::InvalidArgument&) {
  }
  if (xml) same_network(net, ringleader::io::read_graphml_text(*xml, "round.graphml"), false);
  ringleader::io::CsvOptions o;
  o.directed = net.directed();
  std::string edges, nodes;
  try {
    edges = ringleader::io::edges_csv_text(net);
    nodes = ringleader::io::nodes_csv_text(net);
  } catch (const ringleader::InvalidArgument&) {
    return;  // a documented refusal of the CSV writer (a NUL, a name CSV cannot keep)
  }
  Network c = ringleader::io::read_csv_text(edges, "round-edges.csv", std::string_view(nodes), "round-nodes.csv", o);
  same_network(net, c, true);
}

/// Networks larger than this skip the round trip: a few bytes can declare a
/// million vertices (Pajek, DL), and writing and re-reading them twice under
/// the sanitizers takes seconds, which would starve the search.
constexpr std::size_t kRoundTripMaxItems = 20000;

/// Runs `parse` on the input; ringleader errors are expected answers.  What
/// parses goes through round_trip.
template <class Parse>
int run(const std::uint8_t* data, std::size_t size, Parse&& parse) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<Network> net;
  try {
    net.emplace(parse(text));
  } catch (const ringleader::Error&) {
    return 0;
  }
  if (net->number_of_nodes() + net->number_of_edges() <= kRoundTripMaxItems) round_trip(*net);
  return 0;
}

/// The binary format's contract on `bytes`: a ringleader::Error, or a network
/// that is written again (io::binary_bytes) and read back the same, the second
/// writing giving the same bytes.
inline void binary_round_trip(const std::string& bytes, const std::string& name) {
  std::optional<Network> net;
  try {
    net.emplace(ringleader::io::read_binary_bytes(bytes, name));
  } catch (const ringleader::Error&) {
    return;
  }
  std::string again;
  try {
    again = ringleader::io::binary_bytes(*net);
  } catch (const ringleader::Error& e) {
    fail(std::string("a network read from the binary format cannot be written back: ") + e.what());
  }
  const Network back = ringleader::io::read_binary_bytes(again, "again.rlnet");
  same_network(*net, back, false);
  expect(ringleader::io::binary_bytes(back) == again, "writing is not deterministic");
}

}  // namespace rlfuzz
