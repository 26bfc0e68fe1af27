// ringleader/io/gexf.hpp - GEXF 1.3 writer, for Gephi.
//
// Nodes carry their label (the id when there is none) and attributes `type`
// plus every attribute column; edges carry weight, `type` as the GEXF edge
// kind and an attribute, timestamp and amount attributes.  A number column
// whose values are all whole numbers (below 2^53 in magnitude) is declared
// `long` and written without a decimal point, so Gephi partitions by it;
// other number columns are `double`.
//
// Like GraphML, names and values holding a control character other than tab,
// LF and CR are refused (InvalidArgument): XML 1.0 cannot hold them.
//
// Optional visualisation (GEXF's viz namespace, read by Gephi): per node a
// position, an RGB colour and a size; each vector is empty (not written) or
// holds one value per node.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

struct GexfViz {
  std::vector<double> x, y;            ///< position (both or neither)
  std::vector<std::uint32_t> color;    ///< 0xRRGGBB
  std::vector<double> size;            ///< node size
};

void write_gexf(const Network& net, const std::string& path, const GexfViz& viz = {});
std::string gexf_text(const Network& net, const GexfViz& viz = {});

}  // namespace ringleader::io
