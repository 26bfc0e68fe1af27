// ringleader/graph/view.hpp - how a measure reads a multigraph.
//
// A Network keeps parallel edges (of one or several types) and self-loops;
// the measures are defined on simple graphs, as networkx's are.  Each
// measure family declares one rule for merging the parallel edges of every
// (source, target) pair (unordered when undirected), across edge types:
//
//   Merge::Shortest   the smallest weight: weights are distances, and a path
//                     takes the shortest of the parallel edges (betweenness,
//                     closeness, harmonic, distances, diameter);
//   Merge::Total      the sum of the weights: weights are strengths, and two
//                     people who called 40 times are linked with strength 40
//                     (strength, spectral measures, clustering, density,
//                     reciprocity, assortativity, communities, structural
//                     holes, layouts);
//   Merge::Structure  only whether an edge exists (core numbers, transitivity,
//                     components, semi-synchronous label propagation,
//                     coverage and performance, brokerage, key players,
//                     disruption).
//
// Without a weight column (weight "") every rule reads the same unweighted
// simple graph (built with the largest "weight", which no unweighted measure
// reads).  Self-loops are kept (one per vertex); each measure says what it
// does with them.  Node order is unchanged, so results align with the
// network's vertices.
//
// The Network overloads of the kernels (e.g. centrality::betweenness(const
// Network&, opt)) apply their family's rule through compute_view and then run
// the CsrGraph kernel, which remains the building block for graphs built by
// hand.  The view is collapse({aggregate, by_type = false, column,
// summaries = false}) of the
// network, built once per (aggregate, column) and kept with the network
// (Network::collapsed: thread-safe), so measures that share a rule share it.
#pragma once

#include <memory>
#include <string>

#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"

namespace ringleader::graph {

enum class Merge {
  Shortest,   ///< parallel edges keep the smallest weight (distances)
  Total,      ///< parallel edges add their weights (strengths)
  Structure,  ///< unweighted: an edge exists or not
};

/// The collapse a measure of rule `merge` reads with edge column `weight`
/// ("" = unweighted).
inline CollapseOptions merge_options(Merge merge, const std::string& weight) {
  CollapseOptions o;
  o.by_type = false;
  o.summaries = false;  // the kernels read source, target and weight only
  o.column = weight.empty() ? "weight" : weight;
  if (weight.empty() || merge == Merge::Structure) o.weight = Aggregate::Max;
  else o.weight = merge == Merge::Shortest ? Aggregate::Min : Aggregate::Sum;
  return o;
}

/// The simple network a measure of rule `merge` reads from `net` with edge
/// column `weight` ("" = unweighted): built once, kept with `net` (the
/// reference is valid as long as `net`).  Throws InvalidArgument for a
/// column that is not numeric or has missing values.
inline const Network& simple_view(const Network& net, Merge merge, const std::string& weight) {
  return *net.collapsed(merge_options(merge, weight));
}

/// The compute view of simple_view(net, merge, weight).
inline const CsrGraph& compute_view(const Network& net, Merge merge, const std::string& weight) {
  return *simple_view(net, merge, weight).csr();
}

/// For the Network overload of a kernel whose Options hold `bool weighted`
/// and `std::string weight`: the edge column it reads, opt.weight, or
/// "weight" when only opt.weighted is set ("" = unweighted).  Sets
/// opt.weight to that column and opt.weighted to whether one is read.
template <class Options>
const std::string& read_weight(Options& opt) {
  if (opt.weight.empty() && opt.weighted) opt.weight = "weight";
  opt.weighted = !opt.weight.empty();
  return opt.weight;
}

/// The Options of a kernel that reads edge weights as tie strengths (rule
/// Merge::Total) and has nothing else to set; its own Options derive from it.
struct StrengthOptions : RunOptions {
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
};

/// The compute view such a kernel reads under rule `merge` (read_weight).
template <class Options>
const CsrGraph& view_for(const Network& net, Merge merge, Options& opt) {
  return compute_view(net, merge, read_weight(opt));
}

}  // namespace ringleader::graph
