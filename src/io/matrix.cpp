// Adjacency / incidence matrices in CSV (RFC 4180 fields via detail::CsvReader).
#include "ringleader/io/matrix.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "ringleader/graph/builder.hpp"
#include "ringleader/io/source.hpp"
#include "csv_reader.hpp"
#include "lines.hpp"

namespace ringleader::io {

namespace {

struct Cells {
  std::vector<std::string> col_ids, row_ids;
  std::vector<std::size_t> col_column;  // 1-based column of each header cell
  std::vector<std::size_t> row_line;    // line of each row
  std::size_t header_line = 1;
  std::vector<double> a;                // row-major, row_ids.size() x col_ids.size()
  double at(std::size_t i, std::size_t j) const { return a[i * col_ids.size() + j]; }
};

Cells read_cells(std::string_view data, const std::string& name, char delim) {
  detail::CsvReader r(data, name, delim);
  std::vector<std::string_view> f;
  Cells c;
  if (!r.next(f))
    throw ParseError(name, 1, 0, "empty file: expected a header row of column ids, then one row per row id");
  c.header_line = r.line();
  std::size_t ncol = f.size();
  while (ncol > 1 && text::trim(f[ncol - 1]).empty()) --ncol;  // trailing delimiters
  if (ncol < 2)
    r.fail(0, "the header row has no column ids: its first cell is ignored, the others name the columns");
  for (std::size_t j = 1; j < ncol; ++j) {
    c.col_ids.emplace_back(text::trim(f[j]));
    c.col_column.push_back(r.column(j));
  }
  const std::size_t nc = c.col_ids.size();
  while (r.next(f)) {
    if (f.size() < nc + 1)
      r.fail(f.size() - 1, "row has " + std::to_string(f.size() - 1) + " cells after its id, expected " +
                               std::to_string(nc) + " (one per column id in the header)");
    for (std::size_t j = nc + 1; j < f.size(); ++j)
      if (!text::trim(f[j]).empty())
        r.fail(j, "row has more cells than there are column ids in the header (" + std::to_string(nc) + ")");
    c.row_ids.emplace_back(text::trim(f[0]));
    c.row_line.push_back(r.line());
    for (std::size_t j = 1; j <= nc; ++j) {
      std::string_view s = text::trim(f[j]);
      double v = 0;
      if (!s.empty()) {
        if (!text::parse_double(s, v))
          r.fail(j, "cell " + detail::quote_for_message(s) + " is not a number (cells are numbers; empty = 0)");
        if (!std::isfinite(v)) r.fail(j, "cell value must be finite (NaN and infinity are refused)");
      }
      c.a.push_back(v);
    }
  }
  if (c.row_ids.empty())
    throw ParseError(name, c.header_line, 0, "no data rows after the header: expected one row per row id");
  return c;
}

void check_unique(const std::vector<std::string>& ids, const std::string& name, const char* what,
                  const std::vector<std::size_t>& lines, std::size_t fixed_line,
                  const std::vector<std::size_t>* columns) {
  std::unordered_map<std::string_view, std::size_t> seen;
  seen.reserve(ids.size() * 2);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::size_t ln = lines.empty() ? fixed_line : lines[i];
    std::size_t col = columns ? (*columns)[i] : 1;
    if (ids[i].empty()) throw ParseError(name, ln, col, std::string("empty ") + what + ": every " + what + " is required");
    auto [it, fresh] = seen.emplace(ids[i], i);
    if (!fresh)
      throw ParseError(name, ln, col, std::string("duplicate ") + what + " '" + ids[i] + "' (also number " +
                                          std::to_string(it->second + 1) + "): ids must be unique");
  }
}

}  // namespace

Network read_matrix_text(std::string_view data, const std::string& name, const MatrixOptions& options) {
  data = check_text(data, name);
  Cells c = read_cells(data, name, options.delimiter);
  const std::size_t nr = c.row_ids.size(), nc = c.col_ids.size();

  bool one_mode;
  if (options.mode == MatrixMode::OneMode) {
    one_mode = true;
  } else if (options.mode == MatrixMode::TwoMode) {
    one_mode = false;
  } else {
    // Auto: square, and the row ids equal the column ids at most positions
    // (a few mismatched headers, as in some exported sheets, are tolerated).
    one_mode = false;
    if (nr == nc) {
      std::size_t same = 0;
      for (std::size_t i = 0; i < nr; ++i) same += c.row_ids[i] == c.col_ids[i];
      one_mode = same * 2 >= nr;
    }
  }

  if (one_mode) {
    if (nr != nc)
      throw ParseError(name, c.row_line.back(), 0,
                       "a one-mode matrix must be square: " + std::to_string(nr) + " rows but " +
                           std::to_string(nc) + " column ids (use MatrixMode::TwoMode for an incidence matrix)");
    check_unique(c.row_ids, name, "row id", c.row_line, 0, nullptr);
    bool symmetric = true;
    std::size_t ai = 0, aj = 0;
    for (std::size_t i = 0; i < nr && symmetric; ++i)
      for (std::size_t j = i + 1; j < nr; ++j)
        if (c.at(i, j) != c.at(j, i)) { symmetric = false; ai = i; aj = j; break; }
    bool directed = options.directed.value_or(!symmetric);
    if (!directed && !symmetric)
      throw ParseError(name, c.row_line[ai], 0,
                       "matrix is not symmetric: (" + c.row_ids[ai] + ", " + c.row_ids[aj] + ") = " +
                           text::format_double(c.at(ai, aj)) + " but (" + c.row_ids[aj] + ", " + c.row_ids[ai] +
                           ") = " + text::format_double(c.at(aj, ai)) + "; read it as directed");
    NetworkBuilder b(directed, options.node_type, options.edge_type);
    for (const auto& id : c.row_ids) b.add_node(id);
    for (std::size_t i = 0; i < nr; ++i)
      for (std::size_t j = directed ? 0 : i; j < nr; ++j)
        if (double w = c.at(i, j); w != 0) b.add_edge(vertex_t(i), vertex_t(j), {}, w);
    return b.finish();
  }

  check_unique(c.row_ids, name, "row id", c.row_line, 0, nullptr);
  check_unique(c.col_ids, name, "column id", {}, c.header_line, &c.col_column);
  {
    std::unordered_map<std::string_view, std::size_t> rows;
    rows.reserve(nr * 2);
    for (std::size_t i = 0; i < nr; ++i) rows.emplace(c.row_ids[i], i);
    for (std::size_t j = 0; j < nc; ++j)
      if (auto it = rows.find(c.col_ids[j]); it != rows.end())
        throw ParseError(name, c.header_line, c.col_column[j],
                         "column id '" + c.col_ids[j] + "' is also a row id (line " +
                             std::to_string(c.row_line[it->second]) +
                             "): a two-mode matrix needs distinct ids; rename it, or use MatrixMode::OneMode");
  }
  NetworkBuilder b(options.directed.value_or(false), options.row_type, options.edge_type);
  for (const auto& id : c.row_ids) b.add_node(id, options.row_type);
  for (const auto& id : c.col_ids) b.add_node(id, options.column_type);
  for (std::size_t i = 0; i < nr; ++i)
    for (std::size_t j = 0; j < nc; ++j)
      if (double w = c.at(i, j); w != 0) b.add_edge(vertex_t(i), vertex_t(nr + j), {}, w);
  return b.finish();
}

Network read_matrix(const std::string& path, const MatrixOptions& options) {
  std::string data = read_file(path);
  return read_matrix_text(data, path, options);
}

}  // namespace ringleader::io
