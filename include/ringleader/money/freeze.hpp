// ringleader/money/freeze.hpp - which transfers or accounts to freeze so that
// the least money can still move from some accounts (victims) to others (the
// leaders' wallets): a maximum flow / minimum cut.
//
// The flow network aggregates the transfers of each ordered account pair;
// its capacity is their total amount (capacity "amount") or their number
// ("count"), in exact integer units (amounts are rounded to cents).  A super
// source feeds every source account and every sink account drains into a
// super sink, both with unlimited capacity.  Time is ignored: this is the
// most money the observed transfers could have carried.
//  - Cut::Transfers: the minimum edge cut, i.e. the account pairs whose
//    transfers, frozen together, stop every flow, of least total capacity.
//  - Cut::Accounts: every account but the sources is split in two joined by
//    an arc of capacity its throughput (the money it received).  The minimum
//    cut of that network with transfers made uncuttable is the set of
//    accounts of least total throughput whose freezing separates the sources
//    from the sinks; sinks (the wallets) may be in it.  The flows (total,
//    greedy) use the transfers' capacities as well.
// Max flow: graph/max_flow.hpp (Boost.Graph's Boykov-Kolmogorov algorithm);
// the cut is the set of arcs from the vertices reachable from the super
// source in the residual network to the others, and its capacity equals the
// flow (max-flow min-cut theorem).
//  - With k > 0 (greedy): k times, freeze the item (account, or account pair)
//    that carries the most flow in the current maximum flow, then recompute;
//    `remaining` is the flow left after the k freezes.
// total = the maximum flow before freezing; stopped = total - remaining.
// Cancellation (`progress`) is checked between the phases and the greedy
// rounds, not inside a maximum flow: Boost.Graph's boykov_kolmogorov_max_flow
// has no hook for it.
//
// Reference: Boykov, Y. & Kolmogorov, V. (2004). An experimental comparison
// of min-cut/max-flow algorithms for energy minimization in vision. IEEE
// PAMI 26(9):1124-1137.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/graph/max_flow.hpp"
#include "ringleader/money/trace.hpp"

namespace ringleader::money {

enum class Cut { Transfers, Accounts };

struct FreezeOptions {
  Cut cut = Cut::Transfers;
  bool count = false;  ///< capacity = number of transfers instead of amount
  std::size_t k = 0;   ///< 0: the minimum cut; else the greedy k best items
};

struct FreezeResult {
  std::vector<vertex_t> cut_source, cut_target;  ///< Cut::Transfers: the account pairs
  std::vector<vertex_t> cut_accounts;            ///< Cut::Accounts
  std::vector<double> cut_capacity;              ///< per cut item
  std::vector<std::int64_t> cut_transfers;       ///< Cut::Transfers: transfers of each cut pair
  double total = 0, stopped = 0, remaining = 0, capacity = 0;
};

inline FreezeResult freeze_plan(const Transfers& t, const std::vector<vertex_t>& sources,
                                const std::vector<vertex_t>& sinks, const FreezeOptions& o = {},
                                Progress* progress = nullptr) {
  Progress& pr = ringleader::detail::progress_of(progress);
  t.check(false);
  if (sources.empty() || sinks.empty()) throw InvalidArgument("give at least one source and one sink account");
  const vertex_t n = t.n;
  std::vector<char> role(n, 0);  // 1 source, 2 sink
  for (vertex_t s : sources) role[s] = 1;
  for (vertex_t s : sinks) {
    if (role[s] == 1) throw InvalidArgument("an account is both a source and a sink: keep them apart");
    role[s] = 2;
  }
  // aggregate transfers per ordered pair (integer cents or counts)
  std::vector<vertex_t> pu, pv;
  std::vector<std::int64_t> pc, pn;
  for_each_pair(t.source, t.target, [&](vertex_t u, vertex_t v, const std::size_t* first, const std::size_t* last) {
    std::int64_t c = 0;
    for (const std::size_t* e = first; e != last; ++e) c += o.count ? 1 : std::llround(t.amount[*e] * 100.0);
    if (c > 0 && u != v) {
      pu.push_back(u);
      pv.push_back(v);
      pc.push_back(c);
      pn.push_back(std::int64_t(last - first));
    }
  });
  std::int64_t inf = 1;
  for (std::int64_t c : pc) inf += c;
  const double unit = o.count ? 1.0 : 0.01;
  std::vector<double> inflow(n, 0.0);
  for (std::size_t p = 0; p < pu.size(); ++p) inflow[pv[p]] += double(pc[p]);

  // vertices: accounts 0..n-1 (in-halves for Cut::Accounts), n..2n-1 out-halves, then s, t.
  // `unlimited_arcs`: transfers cannot be cut (the network that finds the
  // minimum account cut); otherwise arcs carry the transfers' capacity.
  const bool node_cut = o.cut == Cut::Accounts;
  const std::uint32_t nv = node_cut ? 2 * n + 2 : n + 2, S = nv - 2, T = nv - 1;
  auto out_half = [&](vertex_t v) { return node_cut ? n + v : v; };
  auto make = [&](bool unlimited_arcs) {
    std::vector<std::uint32_t> from, to;
    std::vector<std::int64_t> cap, item;
    for (std::size_t p = 0; p < pu.size(); ++p) {
      from.push_back(out_half(pu[p]));
      to.push_back(pv[p]);
      cap.push_back(unlimited_arcs ? inf : pc[p]);
      item.push_back(node_cut ? -1 : std::int64_t(p));
    }
    if (node_cut)
      for (vertex_t v = 0; v < n; ++v) {
        from.push_back(v);
        to.push_back(n + v);
        const bool cuttable = role[v] != 1 && inflow[v] > 0;
        cap.push_back(cuttable ? std::int64_t(inflow[v]) : inf);
        item.push_back(cuttable ? std::int64_t(v) : -1);
      }
    for (vertex_t v = 0; v < n; ++v) {
      if (role[v] == 1) {
        from.push_back(S);
        to.push_back(v);
        cap.push_back(inf);
        item.push_back(-1);
      } else if (role[v] == 2) {
        from.push_back(out_half(v));
        to.push_back(T);
        cap.push_back(inf);
        item.push_back(-1);
      }
    }
    return graph::flow::build(nv, from, to, cap, item, S, T);
  };
  pr.check();
  auto net = make(false);
  FreezeResult r;
  const std::int64_t total = graph::flow::max_flow(net);
  r.total = double(total) * unit;
  auto& g = net.g;
  using graph::flow::Arc;
  using graph::flow::Edge;
  auto add_item = [&](std::int64_t it, std::int64_t c) {
    if (node_cut) {
      r.cut_accounts.push_back(vertex_t(it));
    } else {
      r.cut_source.push_back(pu[std::size_t(it)]);
      r.cut_target.push_back(pv[std::size_t(it)]);
      r.cut_transfers.push_back(pn[std::size_t(it)]);
    }
    r.cut_capacity.push_back(double(c) * unit);
    r.capacity += double(c) * unit;
  };
  pr.start(o.k);
  pr.check();
  if (o.k == 0) {
    graph::flow::Network cnet = node_cut ? make(true) : graph::flow::Network{};
    if (node_cut) graph::flow::max_flow(cnet);
    const graph::flow::Network& c = node_cut ? cnet : net;
    const auto side = graph::flow::source_side(c);
    for (auto e : boost::make_iterator_range(edges(c.g))) {
      const Arc& a = c.g[e];
      if (a.capacity > 0 && side[source(e, c.g)] && !side[target(e, c.g)]) {
        if (a.item < 0) throw Error("internal error: the minimum cut crosses an arc that cannot be cut");
        add_item(a.item, a.capacity);
      }
    }
    r.remaining = 0;  // every path from a source to a sink crosses the cut
  } else {
    std::int64_t flow = total;
    for (std::size_t round = 0; round < o.k && flow > 0; ++round) {
      Edge best{};
      std::int64_t best_flow = 0;
      for (auto e : boost::make_iterator_range(edges(g))) {
        const Arc& a = g[e];
        if (a.item >= 0 && a.capacity > 0 && a.capacity - a.residual > best_flow) {
          best_flow = a.capacity - a.residual;
          best = e;
        }
      }
      if (best_flow == 0) break;
      add_item(g[best].item, g[best].capacity);
      g[best].capacity = 0;
      flow = graph::flow::max_flow(net);
      pr.advance();
      pr.check();
    }
    r.remaining = double(flow) * unit;
  }
  r.stopped = r.total - r.remaining;
  return r;
}

}  // namespace ringleader::money
