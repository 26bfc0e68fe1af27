// The CSV pair reader and writer.
#include "ringleader/io/csv.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "csv_reader.hpp"
#include "ringleader/graph/builder.hpp"
#include "ringleader/io/source.hpp"

namespace ringleader::io {
namespace {

using detail::CsvReader;

struct Header {
  std::vector<std::string> names;
  std::unordered_map<std::string, std::size_t> index;
  int find(const char* name) const {
    auto it = index.find(name);
    return it == index.end() ? -1 : int(it->second);
  }
};

Header read_header(CsvReader& r, std::vector<std::string_view>& f, const char* expected) {
  if (!r.next(f))
    throw ParseError(r.name(), 1, 0, std::string("empty file: expected a header line '") + expected + "'");
  Header h;
  for (std::size_t i = 0; i < f.size(); ++i) {
    std::string name(text::trim(f[i]));
    if (name.empty()) r.fail(i, "empty column name in the header (expected '" + std::string(expected) + "')");
    if (!h.index.emplace(name, i).second) r.fail(i, "column '" + name + "' appears twice in the header");
    h.names.push_back(std::move(name));
  }
  return h;
}

void check_fields(CsvReader& r, const std::vector<std::string_view>& f, const Header& h) {
  if (f.size() != h.names.size())
    r.fail(f.size() > h.names.size() ? h.names.size() : 0,
           "this line has " + std::to_string(f.size()) + " fields, the header has " +
               std::to_string(h.names.size()) + " (quote fields that contain the delimiter)");
}

void check_id(CsvReader& r, std::size_t field, std::string_view id, const char* what) {
  if (id.empty()) r.fail(field, std::string("empty ") + what + " id");
}

/// Ids that differ only by surrounding spaces (" a" and "a") are almost always
/// a slip, yet would silently be two nodes: they are refused.  Ids are
/// otherwise kept exactly as written, spaces included.
class SpaceTwins {
 public:
  /// Call for each new id (after adding it); fails naming both ids.
  void check(CsvReader& r, std::size_t field, const NetworkBuilder& b, std::string_view id) {
    const std::string_view t = text::trim(id);
    std::string other;
    if (t.size() != id.size()) {
      if (!t.empty() && b.find(t)) other = std::string(t);
      else if (auto [it, fresh] = padded_.emplace(std::string(t), std::string(id)); !fresh && it->second != id)
        other = it->second;
    } else if (!padded_.empty()) {
      if (auto it = padded_.find(std::string(id)); it != padded_.end()) other = it->second;
    }
    if (!other.empty())
      r.fail(field, "node ids '" + std::string(id) + "' and '" + other +
                        "' differ only by surrounding spaces: remove the spaces (ids are compared exactly)");
  }

 private:
  std::unordered_map<std::string, std::string> padded_;  // trimmed -> the first padded id
};

/// The header of a file written with another delimiter holds it: name it.
std::string delimiter_hint(const Header& h, char delim) {
  if (h.names.size() != 1) return "";
  for (char c : {';', '\t', '|', ','}) {
    if (c == delim || h.names[0].find(c) == std::string::npos) continue;
    const std::string d = c == '\t' ? std::string("\\t") : std::string(1, c);
    return " (the header looks separated by '" + d + "': pass delimiter='" + d + "')";
  }
  return "";
}

/// Reads nodes.csv into the builder.
void read_nodes(NetworkBuilder& b, std::string_view data, const std::string& name, char delim, SpaceTwins& twins) {
  CsvReader r(check_text(data, name), name, delim);
  std::vector<std::string_view> f;
  Header h = read_header(r, f, "id,type,label,...");
  int id = h.find("id"), type = h.find("type"), label = h.find("label");
  if (id < 0)
    r.fail(0, "missing required column 'id' in the header (found: " + h.names[0] + (h.names.size() > 1 ? ",...)" : ")") +
                  delimiter_hint(h, delim));
  std::vector<std::pair<std::size_t, std::size_t>> attrs;  // field, column
  for (std::size_t i = 0; i < h.names.size(); ++i)
    if (int(i) != id && int(i) != type && int(i) != label) attrs.emplace_back(i, b.node_column(h.names[i]));
  std::vector<std::size_t> first_line;
  while (r.next(f)) {
    check_fields(r, f, h);
    std::string_view nid = f[std::size_t(id)];
    check_id(r, std::size_t(id), nid, "node");
    std::string_view ntype = type >= 0 ? f[std::size_t(type)] : std::string_view();
    auto [v, added] = b.add_node(nid, ntype);
    if (!added) {
      std::string other = b.node_type(v);
      std::string mine = ntype.empty() ? "(default)" : std::string(ntype);
      r.fail(std::size_t(id), "node id '" + std::string(nid) + "' appears again (first on line " +
                                  std::to_string(first_line[v]) + (other != mine ? " with type '" + other + "', here with type '" + mine + "'" : "") +
                                  "): each node must be listed once");
    }
    twins.check(r, std::size_t(id), b, nid);
    first_line.push_back(r.line());
    if (label >= 0 && !f[std::size_t(label)].empty()) b.set_label(v, f[std::size_t(label)]);
    for (auto [field, col] : attrs)
      if (!f[field].empty()) b.set_node_text(col, v, f[field]);
  }
}

void read_edges(NetworkBuilder& b, std::string_view data, const std::string& name, char delim,
                bool nodes_given, bool create_missing, SpaceTwins& twins) {
  CsvReader r(check_text(data, name), name, delim);
  std::vector<std::string_view> f;
  Header h = read_header(r, f, "source,target,type,weight,timestamp,amount,...");
  int src = h.find("source"), dst = h.find("target"), type = h.find("type"), weight = h.find("weight"),
      ts = h.find("timestamp"), amount = h.find("amount");
  if (src < 0 || dst < 0)
    r.fail(0, std::string("missing required column '") + (src < 0 ? "source" : "target") +
                  "': the header must start like 'source,target,...'" + delimiter_hint(h, delim));
  std::vector<std::pair<std::size_t, std::size_t>> attrs;
  for (std::size_t i = 0; i < h.names.size(); ++i)
    if (int(i) != src && int(i) != dst && int(i) != type && int(i) != weight && int(i) != ts && int(i) != amount)
      attrs.emplace_back(i, b.edge_column(h.names[i]));
  b.reserve_edges(std::size_t(std::count(data.begin(), data.end(), '\n')));
  auto endpoint = [&](int field) -> vertex_t {
    std::string_view id = f[std::size_t(field)];
    check_id(r, std::size_t(field), id, field == src ? "source" : "target");
    if (nodes_given && !create_missing) {
      auto v = b.find(id);
      if (!v)
        r.fail(std::size_t(field), "node id '" + std::string(id) +
                                       "' is not in the nodes file (add it there, or pass create_missing=True)");
      return *v;
    }
    auto [v, added] = b.add_node(id);
    if (added) twins.check(r, std::size_t(field), b, id);
    return v;
  };
  while (r.next(f)) {
    check_fields(r, f, h);
    vertex_t s = endpoint(src), t = endpoint(dst);
    double w = 1.0;
    if (weight >= 0 && !text::trim(f[std::size_t(weight)]).empty()) {
      if (!text::parse_double(f[std::size_t(weight)], w))
        r.fail(std::size_t(weight), "weight '" + std::string(f[std::size_t(weight)]) + "' is not a number");
      if (!std::isfinite(w))
        r.fail(std::size_t(weight), "weight is " + std::string(f[std::size_t(weight)]) + ": weights must be finite numbers");
    }
    std::size_t e = b.add_edge(s, t, type >= 0 ? f[std::size_t(type)] : std::string_view(), w);
    if (ts >= 0 && !text::trim(f[std::size_t(ts)]).empty()) {
      std::int64_t ns;
      if (!text::parse_timestamp(f[std::size_t(ts)], ns))
        r.fail(std::size_t(ts), "timestamp '" + std::string(f[std::size_t(ts)]) + "' " +
                                    text::timestamp_problem(f[std::size_t(ts)]));
      b.set_timestamp(e, ns);
    } else if (ts >= 0) {
      b.set_timestamp(e, kNoTime);
    }
    if (amount >= 0 && !text::trim(f[std::size_t(amount)]).empty()) {
      double a;
      if (!text::parse_double(f[std::size_t(amount)], a))
        r.fail(std::size_t(amount), "amount '" + std::string(f[std::size_t(amount)]) + "' is not a number");
      if (std::isinf(a)) r.fail(std::size_t(amount), "amount is infinite");
      b.set_amount(e, a);
    } else if (amount >= 0) {
      b.set_amount(e, std::nan(""));
    }
    for (auto [field, col] : attrs)
      if (!f[field].empty()) b.set_edge_text(col, e, f[field]);
  }
}

// ---- writing -------------------------------------------------------------
/// A plain signed decimal number such as +4915112345678, -12.5 or 1e-3
/// (ASCII digits, an optional point and exponent): a spreadsheet reads it
/// as a number, never as a formula.
bool plain_number(std::string_view s) {
  std::size_t i = 0, digits = 0;
  auto run = [&] {
    std::size_t k = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++k;
    return k;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  digits += run();
  if (i < s.size() && s[i] == '.') ++i, digits += run();
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (run() == 0) return false;
  }
  return i == s.size();
}

/// A text a spreadsheet program would read as a formula: one starting with
/// = + - @, tab or CR (OWASP's CSV injection rule) that is not a plain signed
/// number (E.164 phone numbers and negative amounts stay as written).
bool formula_like(std::string_view s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') &&
         !plain_number(s);
}

/// Appends one field, quoted when needed; `text` with formula_safe: a
/// formula-like value gets a leading ' (numbers never pass here as text).
void put_field(std::string& out, std::string_view s, bool formula_safe = false) {
  if (s.find('\0') != std::string_view::npos)
    throw InvalidArgument("a value holds a NUL character, which a CSV file cannot hold: write GraphML instead");
  const bool prefix = formula_safe && formula_like(s);
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    if (prefix) out += '\'';
    out += s;
    return;
  }
  out += '"';
  if (prefix) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

/// Refuses attribute names that would not read back: the reader trims header
/// names, so a name that is blank once trimmed, or that then equals another
/// column of the file (the model's own columns included), would give an
/// unreadable file or a different network.
void check_header_names(const std::vector<Column>& cols, std::initializer_list<std::string_view> own,
                        const char* file) {
  std::vector<std::pair<std::string_view, std::string_view>> seen;  // trimmed, as named
  for (std::string_view o : own) seen.emplace_back(o, o);
  for (const Column& c : cols) {
    std::string_view t = text::trim(c.name);
    if (t.empty())
      throw InvalidArgument(std::string(file) + " attribute column '" + c.name +
                            "' has a blank name, which a CSV header cannot hold: rename it or write GraphML");
    for (auto [trimmed, named] : seen)
      if (trimmed == t)
        throw InvalidArgument(std::string(file) + " attribute column '" + c.name + "' would read back as column '" +
                              std::string(named) + "' (CSV header names are trimmed): rename it or write GraphML");
    seen.emplace_back(t, c.name);
  }
}

/// Refuses node ids that differ only by surrounding spaces: read_csv refuses
/// them (SpaceTwins), so the file would not read back.
void check_space_twins(const NodeTable& t) {
  std::unordered_map<std::string_view, std::string_view> seen;  // trimmed -> as written
  for (const std::string& id : t.ids) {
    auto [it, fresh] = seen.emplace(text::trim(id), id);
    if (!fresh && it->second != id)
      throw InvalidArgument("node ids '" + std::string(it->second) + "' and '" + id +
                            "' differ only by surrounding spaces, which read_csv refuses as a likely slip: rename "
                            "one, or write GraphML");
  }
}

std::string cell(const Column& c, std::size_t i) {
  switch (c.kind) {
    case Column::Kind::Number: return std::isnan(c.numbers[i]) ? std::string() : text::format_double(c.numbers[i]);
    case Column::Kind::Time: return text::format_timestamp(c.times[i]);
    default: return c.strings[i];
  }
}

}  // namespace

Network read_csv_text(std::string_view edges, const std::string& edges_name, std::optional<std::string_view> nodes,
                      const std::string& nodes_name, const CsvOptions& opt) {
  NetworkBuilder b(opt.directed, opt.node_type, opt.edge_type);
  SpaceTwins twins;
  if (nodes) read_nodes(b, *nodes, nodes_name, opt.delimiter, twins);
  read_edges(b, edges, edges_name, opt.delimiter, nodes.has_value(), opt.create_missing, twins);
  return b.finish();
}

Network read_csv(const std::string& edges_path, const std::string& nodes_path, const CsvOptions& opt) {
  std::string edges = read_file(edges_path);
  if (nodes_path.empty()) return read_csv_text(edges, edges_path, std::nullopt, "", opt);
  std::string nodes = read_file(nodes_path);
  return read_csv_text(edges, edges_path, std::string_view(nodes), nodes_path, opt);
}

std::string nodes_csv_text(const Network& net, bool formula_safe) {
  const NodeTable& t = net.nodes();
  const bool safe = formula_safe;
  check_header_names(t.attrs, {"id", "type", "label"}, "node");
  check_space_twins(t);
  std::string out = "id,type,label";
  for (const auto& c : t.attrs) { out += ','; put_field(out, c.name, safe); }
  out += '\n';
  for (std::size_t v = 0; v < t.size(); ++v) {
    put_field(out, t.ids[v], safe);
    out += ',';
    put_field(out, t.types.name(t.type[v]), safe);
    out += ',';
    if (!t.labels.empty()) put_field(out, t.labels[v], safe);
    for (const auto& c : t.attrs) { out += ','; put_field(out, cell(c, v), safe && c.kind == Column::Kind::String); }
    out += '\n';
  }
  return out;
}

std::string edges_csv_text(const Network& net, bool formula_safe) {
  const EdgeTable& t = net.edges();
  const bool safe = formula_safe;
  check_header_names(t.attrs, {"source", "target", "type", "weight", "timestamp", "amount"}, "edge");
  check_space_twins(net.nodes());
  std::string out = "source,target,type,weight";
  if (t.has_timestamps()) out += ",timestamp";
  if (t.has_amounts()) out += ",amount";
  for (const auto& c : t.attrs) { out += ','; put_field(out, c.name, safe); }
  out += '\n';
  const auto& ids = net.nodes().ids;
  for (std::size_t e = 0; e < t.size(); ++e) {
    put_field(out, ids[t.source[e]], safe);
    out += ',';
    put_field(out, ids[t.target[e]], safe);
    out += ',';
    put_field(out, t.types.name(t.type[e]), safe);
    out += ',';
    out += text::format_double(t.weight[e]);
    if (t.has_timestamps()) { out += ','; out += text::format_timestamp(t.timestamp[e]); }
    if (t.has_amounts()) { out += ','; if (!std::isnan(t.amount[e])) out += text::format_double(t.amount[e]); }
    for (const auto& c : t.attrs) { out += ','; put_field(out, cell(c, e), safe && c.kind == Column::Kind::String); }
    out += '\n';
  }
  return out;
}

void write_csv(const Network& net, const std::string& edges_path, const std::string& nodes_path,
               bool formula_safe) {
  write_file(edges_path, edges_csv_text(net, formula_safe));
  if (!nodes_path.empty()) write_file(nodes_path, nodes_csv_text(net, formula_safe));
}

}  // namespace ringleader::io
