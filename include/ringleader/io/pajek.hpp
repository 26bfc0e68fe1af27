// ringleader/io/pajek.hpp - Pajek .net reader.
//
// Sections (keywords case-insensitive, '%' lines are comments, LF or CRLF):
//  * `*Vertices n` (or `*Vertices n m` for two-mode data: vertices 1..m are
//    the first mode; every node then gets a number attribute `mode`, 1 or 2)
//    followed by vertex lines `i "label" [x y z] [drawing parameters]`.  The
//    label (quoted or not) becomes the node id; a vertex without a line or
//    without a label gets its number as id.  Ids must be unique: a duplicate
//    is a ParseError naming the line.  Coordinates and drawing parameters are
//    ignored.  Every node gets `node_type`.
//  * `*Arcs` / `*Edges`: lines `i j [w] [drawing parameters]` (weight 1 when
//    absent; NaN/infinite weights refused).
//  * `*Arcslist` / `*Edgeslist`: lines `i j k l ...` (i->j, i->k, i->l, weight 1).
//  * `*Matrix`: n rows of n numbers; every non-zero cell is an arc i->j.
//  * `*Network name` is accepted and ignored; other sections are errors.
//  A section keyword may be followed by `:k "name"` (multi-relational Pajek):
//  its lines then get edge type "name" instead of `edge_type`.
// Direction: only *Edges/*Edgeslist -> undirected network; only *Arcs,
// *Arcslist or *Matrix -> directed.  Both kinds (mixed) -> directed, each
// undirected edge becoming two arcs (i->j and j->i) of edge type "edge" (or
// its relation name), while arcs keep `edge_type`.
// Vertex numbers must be in 1..n.  The network is built only when the whole
// file has been checked; every problem is a ParseError with its line.
#pragma once

#include <string>
#include <string_view>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

struct PajekOptions {
  std::string node_type = "unknown";
  std::string edge_type = "edge";
};

Network read_pajek(const std::string& path, const PajekOptions& options = {});
Network read_pajek_text(std::string_view data, const std::string& name, const PajekOptions& options = {});

}  // namespace ringleader::io
