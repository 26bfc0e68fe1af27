// GEXF 1.3 writer (see ringleader/io/gexf.hpp).
//
// Attribute ids: nodes declare "type" then one id per column; edges declare
// "type", "timestamp" (when any), "amount" (when any) then the columns.
// Missing values are left out.
#include "ringleader/io/gexf.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "ringleader/io/source.hpp"
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
    fixed.push_back({std::to_string(fixed.size()), c.name, c.kind == Column::Kind::Number ? "double" : "string"});
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

/// Appends the values of the columns, whose attribute ids start at `first`.
void column_values(Values& v, const std::vector<Column>& cols, std::size_t first, std::size_t row) {
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const Column& col = cols[c];
    if (col.missing(row)) continue;
    std::string text = col.kind == Column::Kind::Number ? text::format_double(col.numbers[row])
                       : col.kind == Column::Kind::Time ? text::format_timestamp(col.times[row])
                                                        : col.strings[row];
    v.emplace_back(std::to_string(first + c), std::move(text));
  }
}

/// Closes the element opened without '>' with its <attvalues>.
void close_with_values(std::string& out, const char* element, const Values& v) {
  out += ">\n        <attvalues>\n";
  for (const auto& [id, value] : v) {
    out += "          <attvalue";
    xml::attribute(out, "for", id);
    xml::attribute(out, "value", value);
    out += "/>\n";
  }
  out += "        </attvalues>\n      </";
  out += element;
  out += ">\n";
}

void write_nodes(std::string& out, const Network& net) {
  const NodeTable& nodes = net.nodes();
  out += "    <nodes>\n";
  Values v;
  for (vertex_t n = 0; n < nodes.size(); ++n) {
    const std::string& label = n < nodes.labels.size() && !nodes.labels[n].empty() ? nodes.labels[n] : nodes.ids[n];
    out += "      <node";
    xml::attribute(out, "id", nodes.ids[n]);
    xml::attribute(out, "label", label);
    v.assign(1, {"0", net.node_type(n)});
    column_values(v, nodes.attrs, 1, n);
    close_with_values(out, "node", v);
  }
  out += "    </nodes>\n";
}

void write_edges(std::string& out, const Network& net, std::size_t first_column) {
  const NodeTable& nodes = net.nodes();
  const EdgeTable& edges = net.edges();
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
    column_values(v, edges.attrs, first_column, e);
    close_with_values(out, "edge", v);
  }
  out += "    </edges>\n";
}

}  // namespace

std::string gexf_text(const Network& net) {
  const EdgeTable& edges = net.edges();
  std::vector<Attr> edge_fixed{{"0", "type", "string"}};
  if (edges.has_timestamps()) edge_fixed.push_back({std::to_string(edge_fixed.size()), "timestamp", "string"});
  if (edges.has_amounts()) edge_fixed.push_back({std::to_string(edge_fixed.size()), "amount", "double"});
  const std::size_t first_edge_column = edge_fixed.size();

  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta>\n    <creator>ringleader</creator>\n  </meta>\n";
  out += "  <graph mode=\"static\" defaultedgetype=\"";
  out += net.directed() ? "directed" : "undirected";
  out += "\">\n";
  attributes(out, "node", declare({{"0", "type", "string"}}, net.nodes().attrs));
  attributes(out, "edge", declare(std::move(edge_fixed), edges.attrs));
  write_nodes(out, net);
  write_edges(out, net, first_edge_column);
  out += "  </graph>\n</gexf>\n";
  return out;
}

void write_gexf(const Network& net, const std::string& path) { write_file(path, gexf_text(net)); }

}  // namespace ringleader::io
