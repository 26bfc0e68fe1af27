// ringleader/graph/edit.hpp - a network with edges removed and nodes and
// edges added, built from the tables directly (no round trip through
// another format).
//
// Networks are immutable: edited() returns a new network and leaves its
// input as it is.  rl.resolve.merge uses it to attach the identifiers of an
// inferred person (new person nodes, new uses/owns edges) and to drop the
// subscriber records it takes for false ones.
#pragma once

#include <cstddef>
#include <vector>

#include "ringleader/graph/network.hpp"

namespace ringleader {

/// What edited() changes.  Type names (nodes.types, edges.types) and
/// attribute columns (by name) are the edit's own; edited() joins them
/// with the network's.
struct NetworkEdit {
  /// Edges removed: indices into the network's edge table, any order
  /// (repeats count once).
  std::vector<std::size_t> drop_edges;
  /// Nodes appended after the network's (their ids must be new).
  NodeTable nodes;
  /// Edges appended after the kept ones.  Endpoints are vertices of the
  /// result: the network's vertices keep their indices, appended node i is
  /// vertex number_of_nodes() + i.
  EdgeTable edges;
};

/// `net` with `edit` applied: its nodes then edit.nodes; its edges in order
/// without edit.drop_edges, then edit.edges.  Type names are interned in
/// order of first appearance (the network's first).  Attribute columns are
/// joined by name, the network's first: a column of both must have the same
/// kind (number, string or time); rows without a column hold its missing
/// value (NaN, "" or no time), and so do labels, timestamps and amounts where
/// only one side has them.  Throws InvalidArgument for a dropped edge index
/// out of range, a column of two kinds, and whatever the Network constructor
/// refuses (duplicate or empty id, endpoint out of range, NaN weight, columns
/// of the edit whose sizes disagree: the result's tables are checked whole).
/// O(n + m) time; the result holds its own copy of the tables.
Network edited(const Network& net, const NetworkEdit& edit);

}  // namespace ringleader
