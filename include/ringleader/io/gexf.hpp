// ringleader/io/gexf.hpp - GEXF 1.3 writer, for Gephi.
//
// Nodes carry their label (the id when there is none) and attributes `type`
// plus every attribute column; edges carry weight, `type` as the GEXF edge
// kind and an attribute, timestamp and amount attributes.
#pragma once

#include <string>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

void write_gexf(const Network& net, const std::string& path);
std::string gexf_text(const Network& net);

}  // namespace ringleader::io
