// Pajek .net reader.  The whole file is read into plain vectors first (the
// directedness depends on which sections appear), then checked and built.
#include "ringleader/io/pajek.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "ringleader/graph/builder.hpp"
#include "ringleader/io/source.hpp"
#include "lines.hpp"

namespace ringleader::io {

namespace {

using detail::Token;

/// Peak bytes per declared vertex while reading (labels and line numbers,
/// the ids and their index, the builder, the network's node table; 193
/// measured with *Vertices 4000000): checked against the memory cap first.
constexpr std::uint64_t kBytesPerVertex = 200;

enum class Section { None, Vertices, Arcs, Edges, Arcslist, Edgeslist, Matrix };

struct PEdge {
  vertex_t s, t;
  double w;
  std::uint32_t relation;  // index into relation names; 0 = none
  bool arc;
};

std::string lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return r;
}

bool alphabetic(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
  return true;
}

class PajekParser {
 public:
  PajekParser(std::string_view data, const std::string& name, const PajekOptions& opt)
      : data_(data), name_(name), opt_(opt) {
    relations_.push_back("");
  }

  Network run() {
    detail::LineCursor cur(data_);
    std::string_view line;
    std::vector<Token> toks;
    std::size_t last_line = 0;
    while (cur.next(line)) {
      const std::size_t ln = cur.line_number();
      last_line = ln;
      std::string_view t = text::trim(line);
      while (!t.empty() && detail::is_blank(t.front())) t.remove_prefix(1);
      if (t.empty() || t.front() == '%') continue;
      toks.clear();
      detail::tokenize(line, ln, name_, toks);
      if (toks.empty()) continue;
      if (!toks[0].quoted && toks[0].text.front() == '*') {
        finish_matrix_check(ln);
        section_line(toks, ln);
        continue;
      }
      switch (section_) {
        case Section::None:
          fail(ln, toks[0].column, "data before any section: start the file with '*Vertices n'");
        case Section::Vertices: vertex_line(toks, ln); break;
        case Section::Arcs: pair_line(toks, ln, true); break;
        case Section::Edges: pair_line(toks, ln, false); break;
        case Section::Arcslist: list_line(toks, ln, true); break;
        case Section::Edgeslist: list_line(toks, ln, false); break;
        case Section::Matrix: matrix_line(toks, ln); break;
      }
    }
    finish_matrix_check(last_line);
    if (!have_vertices_)
      fail(std::max<std::size_t>(last_line, 1), 0,
           data_.empty() ? "empty file: a Pajek network starts with '*Vertices n'"
                         : "no '*Vertices n' section: this is not a Pajek .net file");
    return build();
  }

 private:
  [[noreturn]] void fail(std::size_t line, std::size_t col, const std::string& msg) const {
    throw ParseError(name_, line, col, msg);
  }

  void section_line(const std::vector<Token>& toks, std::size_t ln) {
    std::string kw = lower(toks[0].text);
    if (kw == "*network") { section_ = Section::None; return; }
    if (kw == "*vertices") {
      if (have_vertices_) fail(ln, 1, "second '*Vertices' section: one network per file is supported");
      if (toks.size() < 2) fail(ln, 1, "'*Vertices' needs the number of vertices, e.g. '*Vertices 10'");
      std::uint64_t n = 0, m = 0;
      if (!detail::parse_index(toks[1].text, n))
        fail(ln, toks[1].column, "vertex count " + detail::quote_for_message(toks[1].text) +
                                     " is not a non-negative integer");
      if (n > detail::max_declared_nodes(data_.size()) || n >= 0xFFFFFFFEull)
        fail(ln, toks[1].column, "vertex count " + std::string(toks[1].text) +
                                     " is implausibly large for this file; check the header");
      if (toks.size() >= 3) {
        if (!detail::parse_index(toks[2].text, m) || m > n)
          fail(ln, toks[2].column, "two-mode size " + detail::quote_for_message(toks[2].text) +
                                       " must be an integer between 0 and the vertex count");
        two_mode_ = m;
      }
      detail::check_declared_nodes(n, kBytesPerVertex, name_, ln, std::string(toks[0].text) + " " + std::string(toks[1].text));
      n_ = std::size_t(n);
      labels_.assign(n_, std::string());
      vertex_line_.assign(n_, 0);
      have_vertices_ = true;
      section_ = Section::Vertices;
      return;
    }
    Section s;
    if (kw == "*arcs") s = Section::Arcs;
    else if (kw == "*edges") s = Section::Edges;
    else if (kw == "*arcslist") s = Section::Arcslist;
    else if (kw == "*edgeslist") s = Section::Edgeslist;
    else if (kw == "*matrix") s = Section::Matrix;
    else
      fail(ln, 1, "unknown section " + detail::quote_for_message(toks[0].text) +
                      ": expected *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist or *Matrix");
    if (!have_vertices_)
      fail(ln, 1, "'" + std::string(toks[0].text) + "' before '*Vertices n': declare the vertices first");
    section_ = s;
    relation_ = 0;
    // Multi-relational Pajek: "*Arcs :2 \"calls\"" - the label becomes the edge type.
    if (toks.size() >= 2 && !toks[1].quoted && toks[1].text.front() == ':') {
      if (toks.size() >= 3 && !toks[2].text.empty()) {
        relations_.emplace_back(toks[2].text);
        relation_ = std::uint32_t(relations_.size() - 1);
      }
    } else if (toks.size() >= 2 && s != Section::Matrix) {
      fail(ln, toks[1].column, "unexpected text after '" + std::string(toks[0].text) +
                                   "' (only ':k \"relation name\"' may follow)");
    }
    if (s == Section::Matrix) matrix_row_ = 0, matrix_start_ = ln;
  }

  vertex_t vertex_number(const Token& t, std::size_t ln) const {
    std::uint64_t v = 0;
    if (t.quoted || !detail::parse_index(t.text, v))
      fail(ln, t.column, "vertex number expected, found " + detail::quote_for_message(t.text));
    if (v < 1 || v > n_)
      fail(ln, t.column, "vertex number " + std::string(t.text) + " is out of range 1.." +
                             std::to_string(n_) + " (see '*Vertices')");
    return vertex_t(v - 1);
  }

  void vertex_line(const std::vector<Token>& toks, std::size_t ln) {
    vertex_t v = vertex_number(toks[0], ln);
    if (vertex_line_[v])
      fail(ln, toks[0].column, "vertex " + std::string(toks[0].text) + " is listed twice (first on line " +
                                   std::to_string(vertex_line_[v]) + ")");
    vertex_line_[v] = ln;
    if (toks.size() >= 2) labels_[v] = std::string(toks[1].text);
  }

  double weight_of(const std::vector<Token>& toks, std::size_t ln) const {
    if (toks.size() < 3) return 1.0;
    const Token& t = toks[2];
    double w;
    if (!t.quoted && text::parse_double(t.text, w)) {
      if (!std::isfinite(w)) fail(ln, t.column, "weight must be finite (NaN and infinity are refused)");
      return w;
    }
    if (!t.quoted && alphabetic(t.text)) return 1.0;  // drawing parameters (c Red, p Solid, l "x", ...)
    fail(ln, t.column, "weight " + detail::quote_for_message(t.text) + " is not a number");
  }

  void pair_line(const std::vector<Token>& toks, std::size_t ln, bool arc) {
    if (toks.size() < 2)
      fail(ln, toks[0].column, std::string(arc ? "arc" : "edge") +
                                   " line needs two vertex numbers: 'i j [weight]'");
    vertex_t s = vertex_number(toks[0], ln), t = vertex_number(toks[1], ln);
    edges_.push_back(PEdge{s, t, weight_of(toks, ln), relation_, arc});
    (arc ? has_arcs_ : has_edges_) = true;
  }

  void list_line(const std::vector<Token>& toks, std::size_t ln, bool arc) {
    vertex_t s = vertex_number(toks[0], ln);
    for (std::size_t i = 1; i < toks.size(); ++i) {
      vertex_t t = vertex_number(toks[i], ln);
      edges_.push_back(PEdge{s, t, 1.0, relation_, arc});
      (arc ? has_arcs_ : has_edges_) = true;
    }
  }

  void matrix_line(const std::vector<Token>& toks, std::size_t ln) {
    if (matrix_row_ >= n_)
      fail(ln, 1, "extra matrix row: '*Matrix' has one row per vertex (" + std::to_string(n_) + ")");
    if (toks.size() != n_)
      fail(ln, toks.size() > n_ ? toks[n_].column : 0,
           "matrix row has " + std::to_string(toks.size()) + " values, expected " + std::to_string(n_));
    for (std::size_t j = 0; j < n_; ++j) {
      double w;
      if (toks[j].quoted || !text::parse_double(toks[j].text, w))
        fail(ln, toks[j].column, "matrix value " + detail::quote_for_message(toks[j].text) + " is not a number");
      if (!std::isfinite(w)) fail(ln, toks[j].column, "matrix value must be finite");
      if (w != 0) {
        edges_.push_back(PEdge{vertex_t(matrix_row_), vertex_t(j), w, relation_, true});
        has_arcs_ = true;
      }
    }
    ++matrix_row_;
  }

  void finish_matrix_check(std::size_t ln) {
    if (section_ == Section::Matrix && matrix_row_ != n_)
      fail(ln, 0, "'*Matrix' (line " + std::to_string(matrix_start_) + ") has " + std::to_string(matrix_row_) +
                      " rows, expected " + std::to_string(n_));
  }

  Network build() {
    // Node ids: the label, or the vertex number when there is none; unique.
    std::vector<std::string> ids(n_);
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(n_ * 2);
    for (std::size_t i = 0; i < n_; ++i) {
      ids[i] = labels_[i].empty() ? std::to_string(i + 1) : labels_[i];
    }
    for (std::size_t i = 0; i < n_; ++i) {
      auto [it, fresh] = seen.emplace(ids[i], i);
      if (!fresh) {
        std::size_t j = it->second;
        std::size_t ln = vertex_line_[i] ? vertex_line_[i] : vertex_line_[j];
        fail(ln, 0, "duplicate vertex label '" + ids[i] + "' (vertices " + std::to_string(j + 1) + " and " +
                        std::to_string(i + 1) + "): labels are node ids and must be unique; rename one");
      }
    }
    const bool mixed = has_arcs_ && has_edges_;
    const bool directed = has_arcs_;
    NetworkBuilder b(directed, opt_.node_type, opt_.edge_type);
    for (std::size_t i = 0; i < n_; ++i) b.add_node(ids[i]);
    if (two_mode_) {
      std::size_t c = b.node_column("mode", Column::Kind::Number);
      for (std::size_t i = 0; i < n_; ++i) b.set_node_number(c, vertex_t(i), i < two_mode_ ? 1.0 : 2.0);
    }
    b.reserve_edges(edges_.size() + (mixed ? edges_.size() : 0));
    for (const auto& e : edges_) {
      std::string_view type = e.relation ? std::string_view(relations_[e.relation]) : std::string_view();
      if (mixed && !e.arc) {
        if (type.empty()) type = "edge";
        b.add_edge(e.s, e.t, type, e.w);
        b.add_edge(e.t, e.s, type, e.w);
      } else {
        b.add_edge(e.s, e.t, type, e.w);
      }
    }
    return b.finish();
  }

  std::string_view data_;
  const std::string& name_;
  const PajekOptions& opt_;
  Section section_ = Section::None;
  bool have_vertices_ = false, has_arcs_ = false, has_edges_ = false;
  std::size_t n_ = 0, two_mode_ = 0, matrix_row_ = 0, matrix_start_ = 0;
  std::vector<std::string> labels_;
  std::vector<std::size_t> vertex_line_;
  std::vector<PEdge> edges_;
  std::vector<std::string> relations_;
  std::uint32_t relation_ = 0;
};

}  // namespace

Network read_pajek_text(std::string_view data, const std::string& name, const PajekOptions& options) {
  std::string storage;
  data = text_lines(data, name, storage);
  return PajekParser(data, name, options).run();
}

Network read_pajek(const std::string& path, const PajekOptions& options) {
  std::string data = read_file(path);
  return read_pajek_text(data, path, options);
}

}  // namespace ringleader::io
