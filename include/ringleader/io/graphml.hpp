// ringleader/io/graphml.hpp - GraphML read and write.
//
// Written files declare keys for node `type` and `label`, edge `type`,
// `weight`, `timestamp` (ISO 8601 UTC string), `amount`, and every attribute
// column with its kind (number -> long when every present value is a whole
// number below 2^53, written without a decimal point as in GEXF, else double;
// string -> string; time -> string with the extra key attribute
// ringleader.kind="time").  Reading accepts any GraphML
// from other tools: keys of type boolean/int/long/float/double become number
// columns, string keys string columns; edgedefault gives directedness; a
// node's `type`/`label` keys (or yEd/Gephi-style `label`) map to the model.
// Errors are ParseErrors with file and line.  Writing refuses names and values
// holding a control character other than tab, LF and CR (InvalidArgument):
// XML 1.0 cannot hold them, even as character references.
#pragma once

#include <string>
#include <string_view>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

struct GraphmlOptions {
  std::string node_type = "unknown";  ///< for nodes without a type
  std::string edge_type = "edge";     ///< for edges without a type
};

Network read_graphml(const std::string& path, const GraphmlOptions& options = {});
Network read_graphml_text(std::string_view data, const std::string& name, const GraphmlOptions& options = {});
void write_graphml(const Network& net, const std::string& path);
std::string graphml_text(const Network& net);

}  // namespace ringleader::io
