// Whitespace edge lists (SNAP style).  A hand-written loop over the buffer:
// no per-line allocation, node lookups through NetworkBuilder's hash index
// with a one-entry cache for the source (SNAP files are sorted by source).
#include "ringleader/io/edgelist.hpp"

#include <algorithm>
#include <cstring>

#include "ringleader/graph/builder.hpp"
#include "ringleader/io/source.hpp"
#include "lines.hpp"

namespace ringleader::io {

namespace {

inline bool sep(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

Network read_edgelist_text(std::string_view data, const std::string& name, const EdgelistOptions& options) {
  std::string storage;
  data = text_lines(data, name, storage);
  NetworkBuilder b(options.directed, options.node_type, options.edge_type);
  {
    std::size_t lines = std::size_t(std::count(data.begin(), data.end(), '\n')) + 1;
    b.reserve_edges(lines);
  }
  const std::string_view comments = options.comments;
  const char* p = data.data();
  const char* const end = p + data.size();
  std::size_t line = 0;
  std::string_view last_src;
  vertex_t last_src_v = 0;
  bool have_last = false;


  while (p < end) {
    ++line;
    const char* line_start = p;
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
    const char* le = nl ? nl : end;
    const char* q = p;
    p = nl ? nl + 1 : end;
    while (q < le && sep(*q)) ++q;
    if (q == le) continue;  // blank
    if (!comments.empty() && std::size_t(le - q) >= comments.size() &&
        std::memcmp(q, comments.data(), comments.size()) == 0)
      continue;
    std::string_view tok[3];
    std::size_t col[3] = {0, 0, 0};
    int count = 0;
    while (q < le) {
      const char* t = q;
      while (q < le && !sep(*q)) ++q;
      if (count == 3)
        throw ParseError(name, line, std::size_t(t - line_start) + 1,
                         "too many fields: expected 'source target [weight]' (at most 3 fields)");
      tok[count] = std::string_view(t, std::size_t(q - t));
      col[count] = std::size_t(t - line_start) + 1;
      ++count;
      while (q < le && sep(*q)) ++q;
    }
    if (count < 2)
      throw ParseError(name, line, col[0],
                       "only one field: expected 'source target [weight]' separated by spaces or tabs");
    double w = 1.0;
    if (count == 3) {
      if (!text::parse_double(tok[2], w))
        throw ParseError(name, line, col[2],
                         "weight " + detail::quote_for_message(tok[2]) + " is not a number");
      if (!std::isfinite(w))
        throw ParseError(name, line, col[2], "weight must be finite (NaN and infinity are refused)");
    }
    vertex_t s;
    if (have_last && tok[0] == last_src) {
      s = last_src_v;
    } else {
      s = b.node(tok[0]);
      last_src = tok[0];
      last_src_v = s;
      have_last = true;
    }
    vertex_t t = b.node(tok[1]);
    b.add_edge(s, t, {}, w);
  }
  if (b.number_of_edges() == 0)
    throw ParseError(name, std::max<std::size_t>(line, 1), 0,
                     data.empty() ? "empty file: expected lines 'source target [weight]'"
                                  : "no edges: every line is blank or a comment");
  return b.finish();
}

Network read_edgelist(const std::string& path, const EdgelistOptions& options) {
  std::string data = read_file(path);
  return read_edgelist_text(data, path, options);
}

}  // namespace ringleader::io
