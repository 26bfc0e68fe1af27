// GEXF 1.3 writer (see ringleader/io/gexf.hpp).
//
// Attribute ids: nodes declare "type" then one id per column; edges declare
// "type", "timestamp" (when any), "amount" (when any) then the columns.
// Missing values are left out.
#include "ringleader/io/gexf.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/io/source.hpp"
#include "whole_numbers.hpp"
#include "xml.hpp"

namespace ringleader::io {
namespace {

struct Attr {
  std::string id, title, type;
};

/// One row's attribute values: (attribute id, text), missing ones left out.
using Values = std::vector<std::pair<std::string, std::string>>;

std::vector<Attr> declare(std::vector<Attr> fixed, const std::vector<Column>& cols) {
  for (const auto& c : cols)
    fixed.push_back({std::to_string(fixed.size()), c.name,
                     c.kind == Column::Kind::Number ? (whole_numbers(c) ? "long" : "double") : "string"});
  return fixed;
}

void attributes(std::string& out, const char* cls, const std::vector<Attr>& attrs) {
  out += "    <attributes class=\"";
  out += cls;
  out += "\">\n";
  for (const auto& a : attrs) {
    out += "      <attribute";
    xml::attribute(out, "id", a.id);
    xml::attribute(out, "title", a.title);
    xml::attribute(out, "type", a.type);
    out += "/>\n";
  }
  out += "    </attributes>\n";
}

/// Appends the values of the columns, whose attribute ids start at `first`;
/// `is_whole[c]`: column c is written as whole numbers.
void column_values(Values& v, const std::vector<Column>& cols, const std::vector<char>& is_whole, std::size_t first,
                   std::size_t row) {
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const Column& col = cols[c];
    if (col.missing(row)) continue;
    std::string text = is_whole[c]                          ? whole_text(col.numbers[row])
                       : col.kind == Column::Kind::Number ? text::format_double(col.numbers[row])
                       : col.kind == Column::Kind::Time ? text::format_timestamp(col.times[row])
                                                        : col.strings[row];
    v.emplace_back(std::to_string(first + c), std::move(text));
  }
}

/// Closes the element opened without '>' with its <attvalues> and `extra`
/// (the viz elements of a node).
void close_with_values(std::string& out, const char* element, const Values& v, const std::string& extra = "") {
  out += ">\n        <attvalues>\n";
  for (const auto& [id, value] : v) {
    out += "          <attvalue";
    xml::attribute(out, "for", id);
    xml::attribute(out, "value", value);
    out += "/>\n";
  }
  out += "        </attvalues>\n";
  out += extra;
  out += "      </";
  out += element;
  out += ">\n";
}

/// Node n's viz elements (position, colour, size), "" without any.
std::string viz_of(const GexfViz& viz, vertex_t n) {
  std::string out;
  if (!viz.color.empty()) {
    const std::uint32_t c = viz.color[n];
    out += "        <viz:color";
    xml::attribute(out, "r", std::to_string((c >> 16) & 0xFF));
    xml::attribute(out, "g", std::to_string((c >> 8) & 0xFF));
    xml::attribute(out, "b", std::to_string(c & 0xFF));
    out += "/>\n";
  }
  if (!viz.x.empty()) {
    out += "        <viz:position";
    xml::attribute(out, "x", text::format_double(viz.x[n]));
    xml::attribute(out, "y", text::format_double(viz.y[n]));
    xml::attribute(out, "z", "0");
    out += "/>\n";
  }
  if (!viz.size.empty()) {
    out += "        <viz:size";
    xml::attribute(out, "value", text::format_double(viz.size[n]));
    out += "/>\n";
  }
  return out;
}

/// Refuses viz vectors of the wrong length or with non-finite values.
void check_viz(const GexfViz& viz, std::size_t n) {
  auto check = [n](std::size_t size, const char* what) {
    if (size != 0 && size != n)
      throw InvalidArgument(std::string("GEXF viz: ") + what + " has " + std::to_string(size) +
                            " values for " + std::to_string(n) + " nodes");
  };
  check(viz.x.size(), "x");
  check(viz.y.size(), "y");
  check(viz.color.size(), "color");
  check(viz.size.size(), "size");
  if (viz.x.size() != viz.y.size()) throw InvalidArgument("GEXF viz: give both x and y, or neither");
  for (const auto* v : {&viz.x, &viz.y, &viz.size})
    for (double d : *v)
      if (!std::isfinite(d)) throw InvalidArgument("GEXF viz: positions and sizes must be finite");
}

void write_nodes(std::string& out, const Network& net, const GexfViz& viz) {
  const NodeTable& nodes = net.nodes();
  const std::vector<char> is_whole = whole_columns(nodes.attrs);
  out += "    <nodes>\n";
  Values v;
  for (vertex_t n = 0; n < nodes.size(); ++n) {
    const std::string& label = n < nodes.labels.size() && !nodes.labels[n].empty() ? nodes.labels[n] : nodes.ids[n];
    out += "      <node";
    xml::attribute(out, "id", nodes.ids[n]);
    xml::attribute(out, "label", label);
    v.assign(1, {"0", net.node_type(n)});
    column_values(v, nodes.attrs, is_whole, 1, n);
    close_with_values(out, "node", v, viz_of(viz, n));
  }
  out += "    </nodes>\n";
}

void write_edges(std::string& out, const Network& net, std::size_t first_column) {
  const NodeTable& nodes = net.nodes();
  const EdgeTable& edges = net.edges();
  const std::vector<char> is_whole = whole_columns(edges.attrs);
  out += "    <edges>\n";
  Values v;
  for (std::size_t e = 0; e < edges.size(); ++e) {
    out += "      <edge";
    xml::attribute(out, "id", std::to_string(e));
    xml::attribute(out, "source", nodes.ids[edges.source[e]]);
    xml::attribute(out, "target", nodes.ids[edges.target[e]]);
    xml::attribute(out, "weight", text::format_double(edges.weight[e]));
    xml::attribute(out, "kind", net.edge_type(e));
    v.assign(1, {"0", net.edge_type(e)});
    std::size_t id = 1;
    if (edges.has_timestamps()) {
      if (edges.time(e) != kNoTime) v.emplace_back(std::to_string(id), text::format_timestamp(edges.time(e)));
      ++id;
    }
    if (edges.has_amounts()) {
      if (!std::isnan(edges.amount_of(e))) v.emplace_back(std::to_string(id), text::format_double(edges.amount_of(e)));
      ++id;
    }
    column_values(v, edges.attrs, is_whole, first_column, e);
    close_with_values(out, "edge", v);
  }
  out += "    </edges>\n";
}

}  // namespace

std::string gexf_text(const Network& net, const GexfViz& viz) {
  check_viz(viz, net.nodes().size());
  const EdgeTable& edges = net.edges();
  std::vector<Attr> edge_fixed{{"0", "type", "string"}};
  if (edges.has_timestamps()) edge_fixed.push_back({std::to_string(edge_fixed.size()), "timestamp", "string"});
  if (edges.has_amounts()) edge_fixed.push_back({std::to_string(edge_fixed.size()), "amount", "double"});
  const std::size_t first_edge_column = edge_fixed.size();

  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta>\n    <creator>ringleader</creator>\n  </meta>\n";
  out += "  <graph mode=\"static\" defaultedgetype=\"";
  out += net.directed() ? "directed" : "undirected";
  out += "\">\n";
  attributes(out, "node", declare({{"0", "type", "string"}}, net.nodes().attrs));
  attributes(out, "edge", declare(std::move(edge_fixed), edges.attrs));
  write_nodes(out, net, viz);
  write_edges(out, net, first_edge_column);
  out += "  </graph>\n</gexf>\n";
  return out;
}

void write_gexf(const Network& net, const std::string& path, const GexfViz& viz) {
  write_file(path, gexf_text(net, viz));
}

}  // namespace ringleader::io
