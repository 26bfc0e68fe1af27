// GraphML reading and writing (see ringleader/io/graphml.hpp).
//
// Reading happens in two passes: the XML is first collected into key, node
// and edge records (raw text with line numbers), then checked and fed to a
// NetworkBuilder.  Declared nodes come first, in document order, then nodes
// only named by edges, in order of appearance (as networkx does).
#include "ringleader/io/graphml.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ringleader/graph/builder.hpp"
#include "ringleader/io/source.hpp"
#include "whole_numbers.hpp"
#include "xml.hpp"

namespace ringleader::io {
namespace {

// ---- pass 1: collecting records --------------------------------------------

struct Key {
  std::string id, name, type = "string", kind;  // kind: ringleader.kind
  bool for_node = false, for_edge = false;
  std::optional<std::string> fallback;          // <default>
  std::size_t line = 0;
};

struct Datum {
  std::uint32_t key;
  std::string text;
  std::size_t line;
};

struct Record {  // a <node> or an <edge>
  std::string id, source, target;
  int directed = -1;  // edge attribute `directed`: -1 absent
  std::size_t line = 0, column = 0;
  std::size_t data_begin = 0, data_end = 0;  // range in Document::data
};

struct Document {
  std::vector<Key> keys;
  std::unordered_map<std::string, std::uint32_t> key_index;
  std::optional<bool> edgedefault;
  std::size_t graph_line = 0;
  std::vector<Record> nodes, edges;
  std::vector<Datum> data;
};

std::string shorten(std::string_view s) {
  return s.size() <= 40 ? std::string(s) : std::string(s.substr(0, 37)) + "...";
}

/// Where the tokenizer is: which GraphML element encloses the current token.
enum class Ctx { Graphml, Key, Default, Graph, Node, Edge, Data, Skip };

class Collector {
 public:
  Collector(std::string_view data, const std::string& name) : tok_(data, name) {}

  Document run() {
    xml::Token t;
    while (tok_.next(t)) {
      if (t.kind == xml::Token::Kind::Start) start(t);
      else if (t.kind == xml::Token::Kind::End) end();
      else if (!ctx_.empty() && (ctx_.back() == Ctx::Data || ctx_.back() == Ctx::Default)) text_ += t.text;
    }
    if (!doc_.graph_line) fail(t, "no <graph> element: the file holds no network");
    return std::move(doc_);
  }

 private:
  [[noreturn]] void fail(const xml::Token& t, const std::string& msg) {
    throw ParseError(tok_.file(), t.line, t.column, msg);
  }
  const std::string& required(const xml::Token& t, std::string_view attr) {
    const std::string* v = t.attr(attr);
    if (!v) fail(t, "<" + std::string(t.name) + "> needs a '" + std::string(attr) + "' attribute");
    return *v;
  }

  void start(const xml::Token& t) {
    if (ctx_.empty()) {
      if (t.name != "graphml")
        fail(t, "not a GraphML file: the root element is <" + std::string(t.name) + ">, expected <graphml>");
      ctx_.push_back(Ctx::Graphml);
      return;
    }
    ctx_.push_back(child(ctx_.back(), t));
  }

  Ctx child(Ctx parent, const xml::Token& t) {
    const std::string_view n = t.name;
    if (n == "graph" && (parent == Ctx::Node || parent == Ctx::Edge || parent == Ctx::Graph))
      fail(t, "nested graphs are not supported: flatten the network into one <graph>");
    if (n == "hyperedge") fail(t, "hyperedges are not supported: write each connection as an <edge>");
    switch (parent) {
      case Ctx::Graphml:
        if (n == "key") return key(t);
        if (n == "graph") return graph(t);
        return Ctx::Skip;
      case Ctx::Key:
        if (n == "default") { text_.clear(); return Ctx::Default; }
        return Ctx::Skip;
      case Ctx::Graph:
        if (n == "node") return record(t, doc_.nodes, Ctx::Node);
        if (n == "edge") return record(t, doc_.edges, Ctx::Edge);
        return Ctx::Skip;  // graph-level <data>, <desc>
      case Ctx::Node:
      case Ctx::Edge:
        if (n == "data") return datum(t, parent == Ctx::Node);
        return Ctx::Skip;  // <desc>, <port>
      default:
        return Ctx::Skip;  // e.g. yEd graphics inside <data>
    }
  }

  Ctx key(const xml::Token& t) {
    Key k;
    k.id = required(t, "id");
    k.line = t.line;
    if (const auto* v = t.attr("attr.name")) k.name = *v;
    if (const auto* v = t.attr("attr.type")) k.type = *v;
    if (const auto* v = t.attr("ringleader.kind")) k.kind = *v;
    std::string dom = t.attr("for") ? *t.attr("for") : "all";
    k.for_node = dom == "node" || dom == "all";
    k.for_edge = dom == "edge" || dom == "all";
    static const char* types[] = {"boolean", "int", "long", "float", "double", "string"};
    if (std::find(std::begin(types), std::end(types), k.type) == std::end(types))
      fail(t, "key '" + k.id + "' has unknown attr.type '" + shorten(k.type) +
                  "' (use boolean, int, long, float, double or string)");
    if (!k.kind.empty() && k.kind != "number" && k.kind != "string" && k.kind != "time")
      fail(t, "key '" + k.id + "' has unknown ringleader.kind '" + shorten(k.kind) + "' (use number, string or time)");
    auto [it, fresh] = doc_.key_index.emplace(k.id, std::uint32_t(doc_.keys.size()));
    if (!fresh)
      fail(t, "duplicate key id '" + shorten(k.id) + "' (first declared at line " +
                  std::to_string(doc_.keys[it->second].line) + "); key ids must be unique");
    doc_.keys.push_back(std::move(k));
    return Ctx::Key;
  }

  Ctx graph(const xml::Token& t) {
    if (doc_.graph_line)
      fail(t, "a second <graph> (the first is at line " + std::to_string(doc_.graph_line) +
                  "): only one graph per file is supported");
    doc_.graph_line = t.line;
    if (const auto* e = t.attr("edgedefault")) {
      if (*e != "directed" && *e != "undirected")
        fail(t, "edgedefault must be \"directed\" or \"undirected\", not \"" + shorten(*e) + "\"");
      doc_.edgedefault = *e == "directed";
    }
    return Ctx::Graph;
  }

  Ctx record(const xml::Token& t, std::vector<Record>& out, Ctx ctx) {
    Record r;
    r.line = t.line;
    r.column = t.column;
    if (ctx == Ctx::Node) {
      r.id = required(t, "id");
    } else {
      r.source = required(t, "source");
      r.target = required(t, "target");
      if (const auto* d = t.attr("directed")) {
        if (*d != "true" && *d != "false")
          fail(t, "the edge attribute directed must be \"true\" or \"false\", not \"" + shorten(*d) + "\"");
        r.directed = *d == "true";
      }
    }
    r.data_begin = r.data_end = doc_.data.size();
    out.push_back(std::move(r));
    return ctx;
  }

  Ctx datum(const xml::Token& t, bool node) {
    const std::string& id = required(t, "key");
    auto it = doc_.key_index.find(id);
    if (it == doc_.key_index.end())
      fail(t, "unknown key '" + shorten(id) + "': declare it with <key id=\"" + shorten(id) +
                  "\" ...> before the <graph>");
    const Key& k = doc_.keys[it->second];
    if (node ? !k.for_node : !k.for_edge)
      fail(t, "key '" + shorten(id) + "' (line " + std::to_string(k.line) + ") is not declared for " +
                  (node ? "nodes" : "edges") + " (set its 'for' attribute to \"" + (node ? "node" : "edge") +
                  "\" or \"all\")");
    doc_.data.push_back({it->second, std::string(), t.line});
    text_.clear();
    return Ctx::Data;
  }

  void end() {
    Ctx c = ctx_.back();
    ctx_.pop_back();
    if (c == Ctx::Data) {
      doc_.data.back().text = std::move(text_);
      auto& owner = ctx_.back() == Ctx::Node ? doc_.nodes.back() : doc_.edges.back();
      owner.data_end = doc_.data.size();
    } else if (c == Ctx::Default) {
      doc_.keys.back().fallback = std::move(text_);
    }
    text_.clear();
  }

  xml::Tokenizer tok_;
  Document doc_;
  std::vector<Ctx> ctx_;
  std::string text_;
};

// ---- pass 2: building the network ------------------------------------------

/// What a key means for nodes or for edges.
enum class Role { Column, NodeType, Label, EdgeType, Weight, Timestamp, Amount };
constexpr int kRoles = 7;

struct Meaning {
  Role role = Role::Column;
  Column::Kind kind = Column::Kind::String;
  bool boolean = false;
  std::size_t column = 0;  // builder column index
};

Meaning meaning(const Key& k, bool node) {
  Meaning m;
  if (node && k.name == "type") m.role = Role::NodeType;
  if (node && k.name == "label") m.role = Role::Label;
  if (!node && k.name == "type") m.role = Role::EdgeType;
  if (!node && k.name == "weight") m.role = Role::Weight;
  if (!node && k.name == "timestamp") m.role = Role::Timestamp;
  if (!node && k.name == "amount") m.role = Role::Amount;
  if (k.kind == "time") m.kind = Column::Kind::Time;
  else if (k.kind == "number" || (k.kind.empty() && k.type != "string")) m.kind = Column::Kind::Number;
  m.boolean = k.type == "boolean" && m.kind == Column::Kind::Number;
  return m;
}

std::string_view trim_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// The values of one node or edge: per role the text, then column values.
struct Values {
  const std::string* role[kRoles] = {};
  std::size_t role_line[kRoles] = {};
  std::vector<std::pair<std::uint32_t, const Datum*>> columns;  // key, datum
};

class Builder {
 public:
  Builder(const Document& doc, const std::string& name, const GraphmlOptions& opt)
      : doc_(doc), name_(name), b_(directed(), opt.node_type, opt.edge_type),
        stamp_(doc.keys.size(), SIZE_MAX) {
    declare(true, node_meaning_);
    declare(false, edge_meaning_);
  }

  Network build() {
    node_line_.reserve(doc_.nodes.size());
    for (std::size_t i = 0; i < doc_.nodes.size(); ++i) node(doc_.nodes[i], i);
    for (std::size_t i = 0; i < doc_.edges.size(); ++i) edge(doc_.edges[i], doc_.nodes.size() + i);
    return b_.finish();
  }

 private:
  [[noreturn]] void fail(std::size_t line, const std::string& msg) const { throw ParseError(name_, line, 0, msg); }

  bool directed() const {
    const bool dflt = doc_.edgedefault.value_or(false);
    const Record* first = nullptr;
    for (const auto& e : doc_.edges) {
      bool d = e.directed < 0 ? dflt : e.directed == 1;
      if (!first) { first = &e; continue; }
      bool d0 = first->directed < 0 ? dflt : first->directed == 1;
      if (d != d0)
        fail(e.line, std::string("this edge is ") + (d ? "directed" : "undirected") + " but the edge at line " +
                         std::to_string(first->line) + " is " + (d0 ? "directed" : "undirected") +
                         ": mixed graphs are not supported; make edgedefault and the edges' directed "
                         "attributes agree");
    }
    if (first && first->directed >= 0) return first->directed == 1;
    return dflt;
  }

  /// Computes what every key means for nodes (or edges) and declares the
  /// attribute columns in key order.
  void declare(bool node, std::vector<Meaning>& out) {
    std::size_t columns = 0;
    for (std::uint32_t i = 0; i < doc_.keys.size(); ++i) {
      const Key& k = doc_.keys[i];
      const bool applies = node ? k.for_node : k.for_edge;
      Meaning m = meaning(k, node);
      if (m.role == Role::Column && applies && !k.name.empty()) {
        const auto& reserved = node ? kNodeColumns : kEdgeColumns;
        if (std::find(reserved.begin(), reserved.end(), k.name) != reserved.end())
          fail(k.line, "the " + std::string(node ? "node" : "edge") + " attribute name '" + k.name +
                           "' is reserved for the model's own column: rename the key's attr.name");
        m.column = node ? b_.node_column(k.name, m.kind) : b_.edge_column(k.name, m.kind);
        if (m.column < columns)
          fail(k.line, "two keys declare the " + std::string(node ? "node" : "edge") + " attribute '" +
                           shorten(k.name) + "'; attribute names must be unique");
        columns = m.column + 1;
      }
      out.push_back(m);
      if (k.fallback && applies) (node ? node_defaults_ : edge_defaults_).push_back(i);
    }
  }

  /// Gathers the data of `r` (and key defaults) into `v`; `stamp` identifies r.
  void gather(const Record& r, std::size_t stamp, bool node, Values& v) {
    const auto& meanings = node ? node_meaning_ : edge_meaning_;
    v = Values();
    auto take = [&](std::uint32_t key, const std::string& text, std::size_t line, const Datum* d) {
      const Meaning& m = meanings[key];
      const Key& k = doc_.keys[key];
      if (m.role != Role::Column) {
        v.role[int(m.role)] = &text;
        v.role_line[int(m.role)] = line;
      } else if (!k.name.empty()) {
        v.columns.emplace_back(key, d);
      }
    };
    for (std::size_t i = r.data_begin; i < r.data_end; ++i) {
      const Datum& d = doc_.data[i];
      if (stamp_[d.key] == stamp)
        fail(d.line, "a second value for key '" + shorten(doc_.keys[d.key].id) +
                         "' on the same element: give each key at most one <data> per node or edge");
      stamp_[d.key] = stamp;
      take(d.key, d.text, d.line, &d);
    }
    for (std::uint32_t key : node ? node_defaults_ : edge_defaults_)
      if (stamp_[key] != stamp) take(key, *doc_.keys[key].fallback, doc_.keys[key].line, nullptr);
  }

  double number(std::string_view text, std::size_t line, const std::string& what, bool boolean) const {
    std::string_view s = trim_space(text);
    if (boolean) {
      if (text::iequals(s, "true") || s == "1") return 1;
      if (text::iequals(s, "false") || s == "0") return 0;
      fail(line, "'" + shorten(s) + "' is not a boolean (" + what + "): write true or false");
    }
    double x;
    if (!text::parse_double(s, x)) fail(line, "'" + shorten(s) + "' is not a number (" + what + ")");
    return x;
  }
  std::int64_t time(std::string_view text, std::size_t line, const std::string& what) const {
    std::int64_t t;
    std::string_view s = trim_space(text);
    bool out_of_range = false;
    if (!text::parse_timestamp(s, t, out_of_range))
      fail(line, "'" + shorten(s) + "' " +
                     (out_of_range ? text::timestamp_problem(s) + " (" + what + ")"
                                   : "is not a timestamp (" + what +
                                         "): use ISO 8601 such as 2024-01-31T12:00:00Z or Unix seconds"));
    return t;
  }

  /// Stores column values of row `row` (a vertex or an edge index).
  void columns(const Values& v, const Record& r, bool node, std::size_t row) {
    const auto& meanings = node ? node_meaning_ : edge_meaning_;
    for (const auto& [key, d] : v.columns) {
      const Key& k = doc_.keys[key];
      const Meaning& m = meanings[key];
      const std::string& text = d ? d->text : *k.fallback;
      std::size_t line = d ? d->line : r.line;
      if (m.kind == Column::Kind::String) {
        if (node) b_.set_node_string(m.column, vertex_t(row), text);
        else b_.set_edge_string(m.column, row, text);
      } else if (trim_space(text).empty()) {
        continue;  // missing
      } else if (m.kind == Column::Kind::Number) {
        double x = number(text, line, "attribute '" + shorten(k.name) + "'", m.boolean);
        if (node) b_.set_node_number(m.column, vertex_t(row), x);
        else b_.set_edge_number(m.column, row, x);
      } else {
        std::int64_t t = time(text, line, "attribute '" + shorten(k.name) + "'");
        if (node) b_.set_node_time(m.column, vertex_t(row), t);
        else b_.set_edge_time(m.column, row, t);
      }
    }
  }

  void require_id(const std::string& id, const Record& r, const char* what) const {
    if (id.empty()) fail(r.line, std::string("empty ") + what + ": every node needs a non-empty id");
  }

  void node(const Record& r, std::size_t stamp) {
    require_id(r.id, r, "node id");
    Values v;
    gather(r, stamp, true, v);
    const std::string* type = v.role[int(Role::NodeType)];
    std::pair<vertex_t, bool> added;
    try {
      added = b_.add_node(r.id, type ? std::string_view(*type) : std::string_view());
    } catch (const InvalidArgument& e) {
      fail(r.line, e.what());
    }
    if (!added.second)
      fail(r.line, "duplicate node id '" + shorten(r.id) + "' (first declared at line " +
                       std::to_string(node_line_[added.first]) + "); node ids must be unique");
    node_line_.push_back(r.line);
    if (const std::string* label = v.role[int(Role::Label)]) b_.set_label(added.first, *label);
    columns(v, r, true, added.first);
  }

  vertex_t endpoint(const std::string& id, const Record& r) {
    require_id(id, r, &id == &r.source ? "edge source" : "edge target");
    auto [v, fresh] = b_.add_node(id);
    if (fresh) node_line_.push_back(r.line);
    return v;
  }

  void edge(const Record& r, std::size_t stamp) {
    Values v;
    gather(r, stamp, false, v);
    double weight = 1;
    if (const std::string* w = v.role[int(Role::Weight)]) {
      std::size_t line = v.role_line[int(Role::Weight)];
      weight = number(*w, line, "edge weight", false);
      if (!std::isfinite(weight)) fail(line, "the edge weight must be a finite number, not '" + shorten(trim_space(*w)) + "'");
    }
    const std::string* type = v.role[int(Role::EdgeType)];
    std::size_t e;
    try {
      vertex_t s = endpoint(r.source, r), t = endpoint(r.target, r);
      e = b_.add_edge(s, t, type ? std::string_view(*type) : std::string_view(), weight);
    } catch (const InvalidArgument& ex) {
      fail(r.line, ex.what());
    }
    if (const std::string* ts = v.role[int(Role::Timestamp)]; ts && !trim_space(*ts).empty())
      b_.set_timestamp(e, time(*ts, v.role_line[int(Role::Timestamp)], "edge timestamp"));
    if (const std::string* a = v.role[int(Role::Amount)]; a && !trim_space(*a).empty()) {
      double amount = number(*a, v.role_line[int(Role::Amount)], "edge amount", false);
      if (std::isinf(amount)) fail(v.role_line[int(Role::Amount)], "edge amount is infinite: amounts must be finite");
      b_.set_amount(e, amount);
    }
    columns(v, r, false, e);
  }

  const Document& doc_;
  const std::string& name_;
  NetworkBuilder b_;
  std::vector<std::size_t> stamp_;
  std::vector<Meaning> node_meaning_, edge_meaning_;
  std::vector<std::uint32_t> node_defaults_, edge_defaults_;  // keys with a <default>
  std::vector<std::size_t> node_line_;
};

// ---- writing -----------------------------------------------------------------

/// Number columns holding only whole numbers are `long` (whole_numbers.hpp).
const char* graphml_type(const Column& c) {
  return c.kind != Column::Kind::Number ? "string" : whole_numbers(c) ? "long" : "double";
}

/// Key ids handed out in order: d0, d1, ...
class KeyWriter {
 public:
  explicit KeyWriter(std::string& out) : out_(out) {}
  /// Declares a key; `kind` ("" = none) becomes ringleader.kind.
  std::string add(const char* domain, std::string_view name, const char* type, std::string_view kind = {}) {
    std::string id = "d" + std::to_string(next_++);
    out_ += "  <key";
    xml::attribute(out_, "id", id);
    xml::attribute(out_, "for", domain);
    xml::attribute(out_, "attr.name", name);
    xml::attribute(out_, "attr.type", type);
    if (!kind.empty()) xml::attribute(out_, "ringleader.kind", kind);
    out_ += "/>\n";
    return id;
  }
  /// Declares an attribute column (time columns carry ringleader.kind="time").
  std::string column(const char* domain, const Column& c) {
    return add(domain, c.name, graphml_type(c), c.kind == Column::Kind::Time ? "time" : "");
  }

 private:
  std::string& out_;
  int next_ = 0;
};

void data(std::string& out, const std::string& key, std::string_view value) {
  out += "      <data key=\"";
  out += key;
  out += "\">";
  xml::escape(out, value, false);
  out += "</data>\n";
}

std::string column_text(const Column& c, std::size_t i, bool whole) {
  if (c.missing(i)) return std::string();
  if (whole) return whole_text(c.numbers[i]);
  if (c.kind == Column::Kind::Number) return text::format_double(c.numbers[i]);
  if (c.kind == Column::Kind::Time) return text::format_timestamp(c.times[i]);
  return c.strings[i];
}

/// `is_whole[c]`: column c is declared `long` and written without a decimal point.
void column_data(std::string& out, const std::vector<Column>& cols, const std::vector<std::string>& keys,
                 const std::vector<char>& is_whole, std::size_t row) {
  for (std::size_t c = 0; c < cols.size(); ++c)
    if (!cols[c].missing(row)) data(out, keys[c], column_text(cols[c], row, is_whole[c]));
}

}  // namespace

Network read_graphml_text(std::string_view data, const std::string& name, const GraphmlOptions& options) {
  std::string storage;
  Document doc = Collector(text_lines(data, name, storage), name).run();
  try {
    return Builder(doc, name, options).build();
  } catch (const InvalidArgument& e) {  // the checks above should leave none
    throw ParseError(name, 0, 0, e.what());
  }
}

Network read_graphml(const std::string& path, const GraphmlOptions& options) {
  std::string data = read_file(path);
  return read_graphml_text(data, path, options);
}

std::string graphml_text(const Network& net) {
  const NodeTable& nodes = net.nodes();
  const EdgeTable& edges = net.edges();
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  KeyWriter keys(out);
  const std::string node_type = keys.add("node", "type", "string");
  bool labels = std::any_of(nodes.labels.begin(), nodes.labels.end(), [](const std::string& s) { return !s.empty(); });
  const std::string label = labels ? keys.add("node", "label", "string") : std::string();
  std::vector<std::string> node_cols, edge_cols;
  for (const auto& c : nodes.attrs) node_cols.push_back(keys.column("node", c));
  const std::string edge_type = keys.add("edge", "type", "string");
  const std::string weight = keys.add("edge", "weight", "double");
  const bool stamps = std::any_of(edges.timestamp.begin(), edges.timestamp.end(), [](auto t) { return t != kNoTime; });
  const bool amounts = std::any_of(edges.amount.begin(), edges.amount.end(), [](double a) { return !std::isnan(a); });
  const std::string stamp = stamps ? keys.add("edge", "timestamp", "string") : std::string();
  const std::string amount = amounts ? keys.add("edge", "amount", "double") : std::string();
  for (const auto& c : edges.attrs)
    edge_cols.push_back(keys.column("edge", c));

  const std::vector<char> node_whole = whole_columns(nodes.attrs), edge_whole = whole_columns(edges.attrs);
  out += "  <graph edgedefault=\"";
  out += net.directed() ? "directed" : "undirected";
  out += "\">\n";
  for (vertex_t v = 0; v < nodes.size(); ++v) {
    out += "    <node";
    xml::attribute(out, "id", nodes.ids[v]);
    out += ">\n";
    data(out, node_type, net.node_type(v));
    if (labels && !nodes.labels[v].empty()) data(out, label, nodes.labels[v]);
    column_data(out, nodes.attrs, node_cols, node_whole, v);
    out += "    </node>\n";
  }
  for (std::size_t e = 0; e < edges.size(); ++e) {
    out += "    <edge";
    xml::attribute(out, "source", nodes.ids[edges.source[e]]);
    xml::attribute(out, "target", nodes.ids[edges.target[e]]);
    out += ">\n";
    data(out, edge_type, net.edge_type(e));
    data(out, weight, text::format_double(edges.weight[e]));
    if (edges.time(e) != kNoTime) data(out, stamp, text::format_timestamp(edges.time(e)));
    if (!std::isnan(edges.amount_of(e))) data(out, amount, text::format_double(edges.amount_of(e)));
    column_data(out, edges.attrs, edge_cols, edge_whole, e);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

void write_graphml(const Network& net, const std::string& path) { write_file(path, graphml_text(net)); }

}  // namespace ringleader::io
