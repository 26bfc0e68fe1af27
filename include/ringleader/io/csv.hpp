// ringleader/io/csv.hpp - the CSV pair: edges.csv and optional nodes.csv.
//
// edges.csv: header `source,target[,type,weight,timestamp,amount,...]`;
// nodes.csv: header `id[,type,label,...]`.  RFC 4180 (quoted fields holding
// commas, quotes and newlines; "" escapes a quote), UTF-8, optional BOM, LF or
// CRLF.  Extra columns become attributes typed by infer_column (number, time
// or string; "" is missing).  Empty type fields take the default type; an
// empty weight is 1; empty timestamp/amount are absent.  Fully blank lines
// are skipped.  Weights must be finite numbers; amounts finite or empty.
//
// Without a nodes file every id gets `node_type`.  With one, an edge naming an
// id missing from it is an error naming the line and the id, unless
// `create_missing` (such nodes get `node_type`).  Every error is a ParseError
// naming file, line and column; no partial network is returned.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ringleader/graph/network.hpp"

namespace ringleader::io {

struct CsvOptions {
  bool directed = false;
  std::string node_type = "unknown";
  std::string edge_type = "edge";  ///< type of edges without a type column/field
  bool create_missing = false;
  char delimiter = ',';
};

/// Reads the CSV pair from files ("" = no nodes file); .gz read transparently.
Network read_csv(const std::string& edges_path, const std::string& nodes_path = "",
                 const CsvOptions& options = {});

/// Same from memory; the names are used in error messages.
Network read_csv_text(std::string_view edges, const std::string& edges_name,
                      std::optional<std::string_view> nodes = std::nullopt,
                      const std::string& nodes_name = "nodes.csv", const CsvOptions& options = {});

/// Writes the pair (nodes_path "" = edges only).  Timestamps as ISO 8601 UTC,
/// numbers in the shortest form that reads back exactly.  Reading back gives
/// the same network, within three limits of CSV (GraphML has none): a string
/// column whose every value looks like a number (ISO date) reads back as a
/// number (time) column; a column without any value reads back as strings;
/// header names are trimmed.  A value holding NUL throws InvalidArgument, and
/// so does an attribute name that is blank once trimmed or then equals another
/// column's name (e.g. "weight " on edges, "a" beside "a ", as GraphML allows).
///
/// `formula_safe` (default false, which keeps the round trip exact): for
/// files meant for a spreadsheet program, every text cell (ids, types,
/// labels, string attributes, attribute names) starting with = + - @, tab
/// or CR gets a leading ' (OWASP's rule against CSV formula injection), so
/// "=cmd|' /C calc'!A0" is shown, not run; number and time cells are never
/// changed.  Such a file reads back with the ' kept.
void write_csv(const Network& net, const std::string& edges_path, const std::string& nodes_path = "",
               bool formula_safe = false);
std::string edges_csv_text(const Network& net, bool formula_safe = false);
std::string nodes_csv_text(const Network& net, bool formula_safe = false);

}  // namespace ringleader::io
