// ringleader/io/ucinet.hpp - UCINET DL files.
//
// Formats fullmatrix (default), edgelist1, nodelist1 and, for two-mode data
// (nr/nc), fullmatrix, edgelist2 and nodelist2; labels given inline (`labels:`,
// `row labels:`, `column labels:`, `labels embedded`, `row labels embedded`,
// `column labels embedded`); several matrices (nm > 1, `matrix labels:`)
// become edge types (without matrix labels: "<edge_type>_1", "_2", ...).
// Keywords case-insensitive; items separated by blanks, commas or newlines;
// `"..."` quotes a label; LF or CRLF.
// Node ids: the labels, else the numbers "1".."n" (two-mode columns without
// labels: "c1".."c<nc>").  With embedded labels in edge/node lists, nodes are
// the labels met (at most n).  In edge/node lists a repeated cell overwrites
// the earlier value, zero values give no edge, and a line holding only `!`
// starts the next matrix (nm > 1).
// Direction (one-mode): undirected (upper triangle with the diagonal) when
// every matrix is symmetric and `directed` is false, else directed with every
// non-zero cell.  Two-mode data gives row->column edges (undirected unless
// `directed`).  Full matrices need exactly nm * rows * columns values.
// lowerhalf/upperhalf formats and `diagonal = absent` are not supported.
// Every problem is a ParseError with its line; nothing is built before the
// whole file has been checked.
#pragma once

#include <string>
#include <string_view>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

struct UcinetOptions {
  std::string node_type = "unknown";
  std::string row_type = "person";
  std::string column_type = "event";
  std::string edge_type = "edge";
  bool directed = false;  ///< read as directed (asymmetric matrices are read as directed anyway)
};

Network read_ucinet_dl(const std::string& path, const UcinetOptions& options = {});
Network read_ucinet_dl_text(std::string_view data, const std::string& name, const UcinetOptions& options = {});

}  // namespace ringleader::io
