// edited(): a network with edges removed and nodes and edges added.
#include "ringleader/graph/edit.hpp"

#include <cstdint>

#include <string>
#include <unordered_map>

#include "ringleader/core/memory.hpp"

namespace ringleader {
namespace {

/// Codes of `add` (interned in `from`) re-interned into `into`.
std::vector<type_t> join_types(TypeTable& into, const TypeTable& from, const std::vector<type_t>& codes) {
  std::vector<type_t> map(from.size());
  for (std::size_t t = 0; t < from.size(); ++t) map[t] = into.intern(from.name(type_t(t)));
  std::vector<type_t> out(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] >= map.size()) throw InvalidArgument("edit: type index " + std::to_string(codes[i]) + " out of range");
    out[i] = map[codes[i]];
  }
  return out;
}

/// Columns `base` (rows_base rows, already in place) extended by the rows of
/// `add` (rows_add rows): joined by name.
void join_columns(std::vector<Column>& base, std::size_t rows_base, const std::vector<Column>& add,
                  std::size_t rows_add, const char* what) {
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < base.size(); ++i) at.emplace(base[i].name, i);
  std::vector<bool> filled(base.size(), false);
  for (const Column& c : add) {
    auto it = at.find(c.name);
    if (it == at.end()) {  // a new column: missing on the network's rows
      Column n;
      n.name = c.name;
      n.kind = c.kind;
      n.resize(rows_base + rows_add);  // one allocation: the edit's rows are appended below
      n.resize(rows_base);
      base.push_back(std::move(n));
      filled.push_back(false);
      it = at.emplace(c.name, base.size() - 1).first;
    }
    Column& b = base[it->second];
    if (b.kind != c.kind)
      throw InvalidArgument(std::string("edit: ") + what + " attribute '" + c.name + "' is " + Column::kind_name(b.kind) +
                            " in the network and " + Column::kind_name(c.kind) + " in the edit: convert one of them");
    if (filled[it->second])
      throw InvalidArgument(std::string("edit: two ") + what + " attributes are named '" + c.name + "'");
    filled[it->second] = true;
    b.numbers.insert(b.numbers.end(), c.numbers.begin(), c.numbers.end());
    b.strings.insert(b.strings.end(), c.strings.begin(), c.strings.end());
    b.times.insert(b.times.end(), c.times.begin(), c.times.end());
  }
  for (std::size_t i = 0; i < base.size(); ++i)
    if (!filled[i]) base[i].resize(rows_base + rows_add);
}

NodeTable joined_nodes(const NodeTable& old, const NodeTable& add) {
  NodeTable n = old;
  if (add.size() == 0) return n;
  const std::size_t n0 = old.size(), k = add.size();
  n.ids.reserve(n0 + k);  // exactly: growing by doubling would hold up to 2n id strings
  n.type.reserve(n0 + k);
  n.ids.insert(n.ids.end(), add.ids.begin(), add.ids.end());
  const std::vector<type_t> t = join_types(n.types, add.types, add.type);
  n.type.insert(n.type.end(), t.begin(), t.end());
  if (!n.labels.empty() || !add.labels.empty()) {
    n.labels.resize(n0);
    if (add.labels.empty()) n.labels.resize(n0 + k);
    else n.labels.insert(n.labels.end(), add.labels.begin(), add.labels.end());
  }
  join_columns(n.attrs, n0, add.attrs, k, "node");
  return n;
}

EdgeTable joined_edges(const EdgeTable& old, const std::vector<std::size_t>& drop, const EdgeTable& add) {
  const std::size_t m = old.size(), k = add.size();
  std::vector<char> dropped(m, 0);
  for (std::size_t e : drop) {
    if (e >= m)
      throw InvalidArgument("edit: dropped edge " + std::to_string(e) + " is out of range (the network has " +
                            std::to_string(m) + " edges)");
    dropped[e] = 1;
  }
  std::vector<std::uint32_t> keep;  // edge indices are 32-bit (memory::check_edge_count)
  keep.reserve(m);
  for (std::size_t e = 0; e < m; ++e)
    if (!dropped[e]) keep.push_back(std::uint32_t(e));
  std::vector<char>().swap(dropped);
  EdgeTable out;
  out.types = old.types;
  auto take = [&](auto const& v, auto& into) {  // the kept rows, with room for the edit's (one allocation)
    into.reserve(keep.size() + k);
    for (std::size_t e : keep) into.push_back(v[e]);
  };
  take(old.source, out.source);
  take(old.target, out.target);
  take(old.type, out.type);
  take(old.weight, out.weight);
  out.source.insert(out.source.end(), add.source.begin(), add.source.end());
  out.target.insert(out.target.end(), add.target.begin(), add.target.end());
  const std::vector<type_t> t = join_types(out.types, add.types, add.type);
  out.type.insert(out.type.end(), t.begin(), t.end());
  out.weight.insert(out.weight.end(), add.weight.begin(), add.weight.end());
  if (old.has_timestamps() || add.has_timestamps()) {
    out.timestamp.reserve(keep.size() + k);
    for (std::size_t e : keep) out.timestamp.push_back(old.time(e));
    if (add.has_timestamps()) out.timestamp.insert(out.timestamp.end(), add.timestamp.begin(), add.timestamp.end());
    else out.timestamp.resize(keep.size() + k, kNoTime);
  }
  if (old.has_amounts() || add.has_amounts()) {
    out.amount.reserve(keep.size() + k);
    for (std::size_t e : keep) out.amount.push_back(old.amount_of(e));
    if (add.has_amounts()) out.amount.insert(out.amount.end(), add.amount.begin(), add.amount.end());
    else out.amount.resize(keep.size() + k, std::nan(""));
  }
  for (const Column& c : old.attrs) {
    Column t;
    t.name = c.name;
    t.kind = c.kind;
    if (c.kind == Column::Kind::Number) take(c.numbers, t.numbers);
    else if (c.kind == Column::Kind::String) take(c.strings, t.strings);
    else take(c.times, t.times);
    out.attrs.push_back(std::move(t));
  }
  join_columns(out.attrs, keep.size(), add.attrs, k, "edge");
  return out;
}

/// Bytes of the joined columns of `a` and `b` (a name of both once), `rows`
/// rows each (strings at their in-place size).
std::uint64_t column_bytes(const std::vector<Column>& a, const std::vector<Column>& b, std::uint64_t rows) {
  std::unordered_map<std::string, Column::Kind> kinds;
  for (const auto* cols : {&a, &b})
    for (const Column& c : *cols) kinds.emplace(c.name, c.kind);
  std::uint64_t bytes = 0;
  for (const auto& [name, kind] : kinds) bytes += rows * (kind == Column::Kind::String ? sizeof(std::string) : 8);
  return bytes;
}

}  // namespace

Network edited(const Network& net, const NetworkEdit& edit) {
  // The result is a copy: refuse early (MemoryLimitError) what would not fit.
  const std::uint64_t n = net.number_of_nodes() + edit.nodes.size(), m = net.number_of_edges() + edit.edges.size();
  std::uint64_t bytes = n * (sizeof(std::string) + sizeof(type_t) + 16) + m * (4 + 4 + sizeof(type_t) + 8 + 4);
  if (net.edges().has_timestamps() || edit.edges.has_timestamps()) bytes += 8 * m;
  if (net.edges().has_amounts() || edit.edges.has_amounts()) bytes += 8 * m;
  bytes += column_bytes(net.nodes().attrs, edit.nodes.attrs, n) + column_bytes(net.edges().attrs, edit.edges.attrs, m);
  memory::reserve_check(bytes, "the edited network (a copy of the network's tables)");
  return Network(net.directed(), joined_nodes(net.nodes(), edit.nodes),
                 joined_edges(net.edges(), edit.drop_edges, edit.edges));
}

}  // namespace ringleader
