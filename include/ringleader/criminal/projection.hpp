// ringleader/criminal/projection.hpp - the person-person network behind a
// multi-mode network (who is linked to whom through phones, accounts and
// venues).
//
// Two persons (nodes of `person_type`) are linked when
//  - they are attached to the same node of a `via` type (an edge of any type
//    and direction between the person and that node: sharing a phone, an
//    account, a venue): relation "shared_<type>";
//  - a via node attached to one has an edge to a via node attached to the
//    other (a phone one uses calls a phone the other uses, an account one
//    owns pays an account the other owns): relation = that edge's type;
//  - they have a direct edge (meets): relation = its type.
// Directed networks keep the direction of edge and direct evidence (source
// person -> target person) and link shared-node pairs both ways; undirected
// ones use unordered pairs.  Self-pairs are dropped.
//
// Evidence values (`weight`): Count (1 per shared node, edge or meeting),
// Weight (the edges' weights; 1 per shared node), Amount (the edges' amounts,
// missing = 0; shared nodes 0) or Newman (a shared node with k persons adds
// 1 / (k - 1) to each of its pairs, Newman 2001; edges 1).  Each projected
// edge (type "link") has `weight` = the sum of its evidence and one number
// column per relation (0 when absent); persons keep their attributes, also
// those without links.
//
// Hubs: a via node attached to more than `max_hub` persons (0 = no limit)
// is left out of shared-node evidence and reported in `skipped`.  Before
// anything is allocated the number of evidence items (shared pairs plus
// edge evidence) is counted; above `max_pairs` InvalidArgument asks for a
// smaller max_hub.  Cost O(input + evidence log evidence), evidence being
// the output before aggregation.
//
// Reference: Newman, M. E. J. (2001). Scientific collaboration networks. II.
// Physical Review E 64:016132.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/graph/network.hpp"

namespace ringleader::criminal {

enum class Evidence { Count, Weight, Amount, Newman };

struct ProjectionOptions {
  std::string person_type = "person";
  std::vector<std::string> via = {"phone", "account", "venue"};
  Evidence weight = Evidence::Count;
  std::size_t max_hub = 50;             ///< 0 = keep every via node
  std::uint64_t max_pairs = 200000000;  ///< refuse more evidence items than this
};

struct Projection {
  Network net;
  std::vector<vertex_t> skipped;  ///< hubs left out, by decreasing number of persons
};

namespace detail_projection {

struct Item {
  vertex_t p, q;
  std::uint32_t rel;
  double value;
};

}  // namespace detail_projection

inline Projection project(const Network& net, const ProjectionOptions& o = {}) {
  using detail_projection::Item;
  const NodeTable& N = net.nodes();
  const EdgeTable& E = net.edges();
  const std::size_t n = N.size(), m = E.size();
  const int person = N.types.find(o.person_type);
  if (person < 0) {
    std::string known;
    for (const auto& t : N.types.names()) known += (known.empty() ? "" : ", ") + t;
    throw InvalidArgument("no node has type '" + o.person_type + "'; node types: " + known);
  }
  std::vector<char> is_via(N.types.size(), 0);
  for (const auto& t : o.via) {
    const int k = N.types.find(t);
    if (k >= 0 && k != person) is_via[std::size_t(k)] = 1;
  }
  auto kind = [&](vertex_t v) { return N.type[v] == type_t(person) ? 1 : is_via[N.type[v]] ? 2 : 0; };
  // attachments person <-> via node, as CSR by via node (deduplicated)
  std::vector<std::pair<vertex_t, vertex_t>> att;  // (hub, person)
  for (std::size_t e = 0; e < m; ++e) {
    const vertex_t s = E.source[e], t = E.target[e];
    if (kind(s) == 1 && kind(t) == 2) att.push_back({t, s});
    else if (kind(s) == 2 && kind(t) == 1) att.push_back({s, t});
  }
  std::sort(att.begin(), att.end());
  att.erase(std::unique(att.begin(), att.end()), att.end());
  std::vector<std::uint64_t> off(n + 1, 0);
  for (auto& a : att) ++off[a.first + 1];
  for (std::size_t v = 0; v < n; ++v) off[v + 1] += off[v];
  auto members = [&](vertex_t h) { return std::make_pair(att.begin() + long(off[h]), att.begin() + long(off[h + 1])); };
  Projection out;
  // relation names: shared_<type> per via type, then edge types
  std::vector<std::string> rel_names;
  std::vector<std::uint32_t> shared_rel(N.types.size()), edge_rel(E.types.size());
  for (std::size_t t = 0; t < N.types.size(); ++t) {
    shared_rel[t] = std::uint32_t(rel_names.size());
    rel_names.push_back("shared_" + N.types.name(type_t(t)));
  }
  for (std::size_t t = 0; t < E.types.size(); ++t) {
    edge_rel[t] = std::uint32_t(rel_names.size());
    rel_names.push_back(E.types.name(type_t(t)));
  }
  // count the evidence before allocating it
  std::uint64_t total = 0;
  std::vector<std::pair<std::uint64_t, vertex_t>> hubs;
  for (vertex_t h = 0; h < n; ++h) {
    const std::uint64_t k = off[h + 1] - off[h];
    if (o.max_hub && k > o.max_hub) {
      hubs.push_back({k, h});
      continue;
    }
    total += k * (k - 1) / 2 * (net.directed() ? 2 : 1);
  }
  for (std::size_t e = 0; e < m; ++e) {
    const vertex_t s = E.source[e], t = E.target[e];
    if (kind(s) == 2 && kind(t) == 2) total += (off[s + 1] - off[s]) * (off[t + 1] - off[t]);
    else if (kind(s) == 1 && kind(t) == 1) total += 1;
  }
  if (total > o.max_pairs)
    throw InvalidArgument("the projection would hold " + std::to_string(total) +
                          " pieces of evidence (more than max_pairs = " + std::to_string(o.max_pairs) +
                          "): lower max_hub");
  std::sort(hubs.begin(), hubs.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (auto& h : hubs) out.skipped.push_back(h.second);
  memory::reserve_check(memory::mul(total, 2 * sizeof(Item)), "the projection's " + std::to_string(total) +
                                                                 " pieces of evidence");
  std::vector<Item> items;
  items.reserve(std::size_t(total));
  auto add = [&](vertex_t p, vertex_t q, std::uint32_t rel, double v) {
    if (p == q) return;
    if (!net.directed() && p > q) std::swap(p, q);
    items.push_back({p, q, rel, v});
  };
  for (vertex_t h = 0; h < n; ++h) {
    const std::uint64_t k = off[h + 1] - off[h];
    if (k < 2 || (o.max_hub && k > o.max_hub)) continue;
    const double v = o.weight == Evidence::Newman ? 1.0 / double(k - 1) : o.weight == Evidence::Amount ? 0.0 : 1.0;
    auto [b, e] = members(h);
    for (auto i = b; i != e; ++i)
      for (auto j = i + 1; j != e; ++j) {
        add(i->second, j->second, shared_rel[N.type[h]], v);
        if (net.directed()) add(j->second, i->second, shared_rel[N.type[h]], v);
      }
  }
  auto value = [&](std::size_t e) {
    if (o.weight == Evidence::Weight) return E.weight[e];
    if (o.weight == Evidence::Amount) {
      const double a = E.amount_of(e);
      return std::isnan(a) ? 0.0 : a;
    }
    return 1.0;
  };
  for (std::size_t e = 0; e < m; ++e) {
    const vertex_t s = E.source[e], t = E.target[e];
    const std::uint32_t rel = edge_rel[E.type[e]];
    if (kind(s) == 2 && kind(t) == 2) {
      auto [b1, e1] = members(s);
      auto [b2, e2] = members(t);
      for (auto i = b1; i != e1; ++i)
        for (auto j = b2; j != e2; ++j) add(i->second, j->second, rel, value(e));
    } else if (kind(s) == 1 && kind(t) == 1) {
      add(s, t, rel, value(e));
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.p, a.q, a.rel) < std::tie(b.p, b.q, b.rel);
  });
  // relations that occur, in name order (as the columns of a pivot table)
  std::vector<char> used(rel_names.size(), 0);
  for (auto& it : items) used[it.rel] = 1;
  std::vector<std::uint32_t> order;
  for (std::uint32_t r = 0; r < rel_names.size(); ++r)
    if (used[r]) order.push_back(r);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return rel_names[a] < rel_names[b]; });
  std::vector<std::int64_t> column(rel_names.size(), -1);
  for (std::size_t c = 0; c < order.size(); ++c) column[order[c]] = std::int64_t(c);
  // persons, renumbered in their original order
  std::vector<vertex_t> persons, index(n, 0);
  for (vertex_t v = 0; v < n; ++v)
    if (kind(v) == 1) index[v] = vertex_t(persons.size()), persons.push_back(v);
  Network people = net.induced(persons);
  NodeTable nodes = people.nodes();
  EdgeTable edges;
  const type_t link = edges.types.intern("link");
  for (std::uint32_t r : order) {
    Column c;
    c.kind = Column::Kind::Number;
    c.name = rel_names[r];
    for (const auto& reserved : kEdgeColumns)
      if (c.name == reserved) c.name = "relation_" + c.name;
    edges.attrs.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < items.size();) {
    std::size_t j = i;
    const std::size_t row = edges.size();
    edges.source.push_back(index[items[i].p]);
    edges.target.push_back(index[items[i].q]);
    edges.type.push_back(link);
    for (auto& c : edges.attrs) c.numbers.push_back(0.0);
    double w = 0;
    for (; j < items.size() && items[j].p == items[i].p && items[j].q == items[i].q; ++j) {
      edges.attrs[std::size_t(column[items[j].rel])].numbers[row] += items[j].value;
      w += items[j].value;
    }
    edges.weight.push_back(w);
    i = j;
  }
  out.net = Network(net.directed(), std::move(nodes), std::move(edges));
  return out;
}

}  // namespace ringleader::criminal
