// ringleader/io/edgelist.hpp - whitespace edge lists (SNAP style).
//
// One edge a line: `source target [weight]`, separated by spaces or tabs;
// lines starting with the comment string (after optional blanks) and blank
// lines are skipped; LF or CRLF.  Every id gets `node_type`.  The weight must be
// a finite number; one field, more than three fields, or a file without any
// edge (empty, or only comments) is a ParseError with its line.
#pragma once

#include <string>
#include <string_view>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

struct EdgelistOptions {
  bool directed = false;
  std::string node_type = "unknown";
  std::string edge_type = "edge";
  std::string comments = "#";
};

Network read_edgelist(const std::string& path, const EdgelistOptions& options = {});
Network read_edgelist_text(std::string_view data, const std::string& name, const EdgelistOptions& options = {});

}  // namespace ringleader::io
