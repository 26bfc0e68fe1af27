// ringleader/io/matrix.hpp - adjacency and incidence matrices in CSV.
//
// RFC 4180 fields (quoted fields may hold delimiters, quotes and newlines), LF
// or CRLF, a UTF-8 BOM is skipped, blank lines are skipped, fields are trimmed.
// First row: column ids (its first cell is ignored; trailing empty cells, as
// left by trailing delimiters, are dropped); first column: row ids; cells:
// finite numbers, empty = 0 (anything else is a ParseError with line and
// column).  Every row needs one cell per column id (extra cells must be empty).
//
// Mode: OneMode = adjacency matrix (must be square); TwoMode = incidence
// matrix; Auto = one-mode when the matrix is square and the row id equals the
// column id at half of the positions or more, else two-mode.  A one-mode
// matrix takes its node ids from the row ids and matches row i with column i
// by position (a few differing column headers are tolerated).
//
// One-mode: an edge i->j of weight a_ij for each non-zero cell; undirected
// unless the matrix is asymmetric or `directed` says so (an undirected one-mode
// matrix reads the upper triangle with the diagonal; `directed = false` on an
// asymmetric matrix is a ParseError).  The diagonal gives self-loops.
// Two-mode: an edge row->column per non-zero cell (undirected unless
// `directed = true`), rows typed `row_type`, columns `column_type`; row and
// column ids must be distinct.  Ids must be non-empty and unique.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

enum class MatrixMode { Auto, OneMode, TwoMode };

struct MatrixOptions {
  MatrixMode mode = MatrixMode::Auto;
  std::optional<bool> directed;        ///< unset: symmetric one-mode -> undirected
  std::string node_type = "unknown";  ///< one-mode node type
  std::string row_type = "person";    ///< two-mode row type
  std::string column_type = "event";  ///< two-mode column type
  std::string edge_type = "edge";
  char delimiter = ',';
};

Network read_matrix(const std::string& path, const MatrixOptions& options = {});
Network read_matrix_text(std::string_view data, const std::string& name, const MatrixOptions& options = {});

}  // namespace ringleader::io
