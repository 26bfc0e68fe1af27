// UCINET DL reader.  The file is tokenised (blanks and commas separate, '"'
// quotes labels, '=' and a trailing ':' are split off), the header is read as
// keywords, then the data section according to the format.
#include "ringleader/io/ucinet.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "ringleader/graph/builder.hpp"
#include "ringleader/io/source.hpp"
#include "lines.hpp"

namespace ringleader::io {

namespace {

using detail::Token;

/// Peak bytes per node numbered from a declared size (the ids "1".."n", their
/// index, the builder, the network's node table; 58 measured with n=4000000):
/// checked against the memory cap before allocating.
constexpr std::uint64_t kBytesPerNode = 64;

enum class Format { FullMatrix, EdgeList1, NodeList1, EdgeList2, NodeList2 };

bool is_word(const Token& t, std::string_view w) { return !t.quoted && text::iequals(t.text, w); }

struct Cell {
  std::uint32_t i, j;
  double w;
};

/// The non-zero cells of one matrix, in first-appearance order (a repeated cell is overwritten).
struct SparseMatrix {
  std::vector<Cell> cells;
  std::unordered_map<std::uint64_t, std::size_t> where;
  void set(std::uint32_t i, std::uint32_t j, double w) {
    std::uint64_t key = (std::uint64_t(i) << 32) | j;
    auto [it, fresh] = where.emplace(key, cells.size());
    if (fresh) cells.push_back(Cell{i, j, w});
    else cells[it->second].w = w;
  }
  double get(std::uint32_t i, std::uint32_t j) const {
    auto it = where.find((std::uint64_t(i) << 32) | j);
    return it == where.end() ? 0.0 : cells[it->second].w;
  }
  bool symmetric() const {
    for (const auto& c : cells)
      if (c.w != get(c.j, c.i)) return false;
    return true;
  }
};

class DlParser {
 public:
  DlParser(std::string_view data, const std::string& name, const UcinetOptions& opt)
      : data_(data), name_(name), opt_(opt) {}

  Network run() {
    tokenize_all();
    if (t_.empty())
      throw ParseError(name_, std::max<std::size_t>(last_line_, 1), 0,
                       data_.empty() ? "empty file: a UCINET DL file starts with 'dl n=...'"
                                     : "no content: a UCINET DL file starts with 'dl n=...'");
    if (!is_word(t_[0], "dl")) fail(t_[0], "not a UCINET DL file: the first word must be 'dl'");
    pos_ = 1;
    header();
    return data_section();
  }

 private:
  [[noreturn]] void fail(const Token& t, const std::string& msg) const {
    throw ParseError(name_, t.line, t.column, msg);
  }
  [[noreturn]] void fail_end(const std::string& msg) const {
    if (t_.empty()) throw ParseError(name_, std::max<std::size_t>(last_line_, 1), 0, msg);
    throw ParseError(name_, t_.back().line, 0, msg);
  }

  void tokenize_all() {
    detail::LineCursor cur(data_);
    std::string_view line;
    std::vector<Token> raw;
    while (cur.next(line)) {
      last_line_ = cur.line_number();
      raw.clear();
      detail::tokenize(line, cur.line_number(), name_, raw, ",");
      for (const Token& tk : raw) split(tk);
    }
  }
  // Splits '=' out of unquoted tokens and a trailing ':' off them.
  void split(Token tk) {
    if (tk.quoted) { t_.push_back(tk); return; }
    while (!tk.text.empty()) {
      std::size_t eq = tk.text.find('=');
      if (eq == std::string_view::npos) break;
      if (eq > 0) t_.push_back(Token{tk.text.substr(0, eq), tk.line, tk.column, false});
      t_.push_back(Token{tk.text.substr(eq, 1), tk.line, tk.column + eq, false});
      tk.text.remove_prefix(eq + 1);
      tk.column += eq + 1;
    }
    if (tk.text.empty()) return;
    if (tk.text.size() > 1 && tk.text.back() == ':') {
      t_.push_back(Token{tk.text.substr(0, tk.text.size() - 1), tk.line, tk.column, false});
      t_.push_back(Token{tk.text.substr(tk.text.size() - 1), tk.line, tk.column + tk.text.size() - 1, false});
      return;
    }
    t_.push_back(tk);
  }

  bool at(std::string_view w, std::size_t off = 0) const {
    return pos_ + off < t_.size() && is_word(t_[pos_ + off], w);
  }
  const Token& expect_more(const char* what) const {
    if (pos_ >= t_.size()) fail_end(std::string("the file ends in the header: expected ") + what);
    return t_[pos_];
  }
  void skip_colon() { if (at(":")) ++pos_; }

  std::uint64_t count_value(const Token& key) {
    const Token& v = expect_more("a number after '='");
    std::uint64_t n = 0;
    if (!detail::parse_index(v.text, n))
      fail(v, std::string(key.text) + " must be a non-negative integer, found " + detail::quote_for_message(v.text));
    if (n > detail::max_declared_nodes(data_.size()) || n >= 0xFFFFFFFEull)
      fail(v, std::string(key.text) + " = " + std::string(v.text) + " is implausibly large for this file");
    size_line_ = v.line;
    ++pos_;
    return n;
  }

  void read_labels(std::vector<std::string>& out, std::size_t count, const char* what, const Token& kw) {
    if (count == 0)
      fail(kw, std::string(what) + " given before the size: put 'n=' (or 'nr=', 'nc=', 'nm=') first");
    out.clear();
    while (out.size() < count) {
      if (pos_ >= t_.size() || (at("data") && at(":", 1)))
        fail(pos_ < t_.size() ? t_[pos_] : t_.back(),
             std::string(what) + ": found " + std::to_string(out.size()) + " labels, expected " + std::to_string(count));
      out.emplace_back(t_[pos_].text);
      ++pos_;
    }
  }

  void header() {
    std::size_t nm = 1;
    for (;;) {
      const Token& k = expect_more("'data:'");
      if (pos_ + 1 < t_.size() && is_word(t_[pos_ + 1], "=")) {
        const Token& key = k;
        pos_ += 2;
        const bool size_key = is_word(key, "n") || is_word(key, "nr") || is_word(key, "nc") || is_word(key, "nm");
        if (size_key && (!row_labels_.empty() || !col_labels_.empty() || !matrix_labels_.empty()))
          fail(key, "'" + std::string(key.text) +
                        " =' comes after labels: give the sizes (n, nr, nc, nm) before any labels");
        if (is_word(key, "n")) n_ = nr_ = nc_ = count_value(key), have_n_ = true;
        else if (is_word(key, "nr")) nr_ = count_value(key), two_mode_ = true;
        else if (is_word(key, "nc")) nc_ = count_value(key), two_mode_ = true;
        else if (is_word(key, "nm")) {
          nm = count_value(key);
          if (nm == 0 || nm > 65535) fail(key, "nm must be between 1 and 65535");
        } else if (is_word(key, "format")) {
          const Token& v = expect_more("a format name");
          std::string f(v.text);
          for (auto& c : f) c = char(std::tolower(static_cast<unsigned char>(c)));
          if (f == "fullmatrix" || f == "fm") format_ = Format::FullMatrix;
          else if (f == "edgelist1" || f == "el1") format_ = Format::EdgeList1;
          else if (f == "nodelist1" || f == "nl1") format_ = Format::NodeList1;
          else if (f == "edgelist2" || f == "el2") format_ = Format::EdgeList2;
          else if (f == "nodelist2" || f == "nl2") format_ = Format::NodeList2;
          else
            fail(v, "unsupported format " + detail::quote_for_message(v.text) +
                        ": use fullmatrix, edgelist1, nodelist1, edgelist2 or nodelist2");
          ++pos_;
        } else if (is_word(key, "diagonal")) {
          const Token& v = expect_more("present or absent");
          if (!is_word(v, "present")) fail(v, "only 'diagonal = present' is supported (full matrices)");
          ++pos_;
        } else {
          fail(key, "unknown header keyword " + detail::quote_for_message(key.text) +
                        ": expected n, nr, nc, nm, format or diagonal");
        }
        continue;
      }
      if (at("data") && at(":", 1)) { pos_ += 2; break; }
      if (at("labels") && at("embedded", 1)) { row_emb_ = col_emb_ = true; pos_ += 2; skip_colon(); continue; }
      if ((at("row") || at("col") || at("column")) && at("labels", 1) && at("embedded", 2)) {
        (at("row") ? row_emb_ : col_emb_) = true;
        pos_ += 3;
        skip_colon();
        continue;
      }
      if (at("labels") && at(":", 1)) {
        const Token& kw = t_[pos_];
        pos_ += 2;
        read_labels(row_labels_, n_, "labels", kw);
        col_labels_ = row_labels_;
        continue;
      }
      if ((at("row") || at("col") || at("column")) && at("labels", 1) && at(":", 2)) {
        const Token& kw = t_[pos_];
        bool row = at("row");
        pos_ += 3;
        if (row) read_labels(row_labels_, nr_, "row labels", kw);
        else read_labels(col_labels_, nc_, "column labels", kw);
        continue;
      }
      if (at("matrix") && at("labels", 1) && at(":", 2)) {
        const Token& kw = t_[pos_];
        pos_ += 3;
        read_labels(matrix_labels_, nm, "matrix labels", kw);
        continue;
      }
      fail(k, "unexpected " + detail::quote_for_message(k.text) +
                  " in the header: expected 'key = value', 'labels:', 'row labels:', 'col labels:', "
                  "'matrix labels:', 'labels embedded' or 'data:'");
    }
    nm_ = nm;
    if (!have_n_ && !two_mode_) fail(t_[0], "the header needs the size: 'n=...' or 'nr=... nc=...'");
    // nodes numbered from the declared sizes (embedded labels create only those met)
    const std::uint64_t declared = two_mode_ ? (row_emb_ ? 0 : nr_) + (col_emb_ ? 0 : nc_) : (row_emb_ ? 0 : n_);
    detail::check_declared_nodes(declared, kBytesPerNode, name_, size_line_,
                                 two_mode_ ? "nr=" + std::to_string(nr_) + " nc=" + std::to_string(nc_)
                                           : "n=" + std::to_string(n_));
    const std::size_t rows = two_mode_ ? nr_ : n_, cols = two_mode_ ? nc_ : n_;
    if (!row_labels_.empty() && row_labels_.size() != rows)
      fail(t_[0], std::to_string(row_labels_.size()) + " row labels for " + std::to_string(rows) + " rows");
    if (!col_labels_.empty() && col_labels_.size() != cols)
      fail(t_[0], std::to_string(col_labels_.size()) + " column labels for " + std::to_string(cols) + " columns");
    if (two_mode_ && have_n_ && (nr_ != n_ || nc_ != n_)) two_mode_ = true;
    if (two_mode_ && (nr_ == 0 || nc_ == 0)) fail(t_[0], "a two-mode header needs both 'nr=' and 'nc='");
    if (format_ == Format::EdgeList2 || format_ == Format::NodeList2) {
      if (!two_mode_) fail(t_[0], "formats edgelist2/nodelist2 are for two-mode data: give 'nr=' and 'nc='");
    } else if (format_ != Format::FullMatrix && two_mode_) {
      fail(t_[0], "formats edgelist1/nodelist1 are for one-mode data ('n='); use edgelist2 for two-mode data");
    }
  }

  std::string edge_type(std::size_t k) const {
    if (nm_ == 1) return std::string();  // the default edge type
    if (!matrix_labels_.empty()) return matrix_labels_[k];
    return opt_.edge_type + "_" + std::to_string(k + 1);
  }

  double number(const Token& t) const {
    double v;
    if (t.quoted || !text::parse_double(t.text, v))
      fail(t, "value " + detail::quote_for_message(t.text) + " is not a number");
    if (!std::isfinite(v)) fail(t, "value must be finite (NaN and infinity are refused)");
    return v;
  }

  Network data_section() {
    if (format_ == Format::FullMatrix) return full_matrix();
    return lists();
  }

  // ---- full matrices -------------------------------------------------------
  Network full_matrix() {
    const std::size_t R = nr_, C = nc_;
    const std::size_t avail = t_.size() - pos_;
    // values needed, overflow-safe (R, C are bounded by max_declared_nodes)
    unsigned __int128 per = (unsigned __int128)R * C + (col_emb_ ? C : 0) + (row_emb_ ? R : 0);
    unsigned __int128 need = per * nm_;
    if (need > avail)
      fail_end("data ends early: expected " + std::to_string((unsigned long long)std::min<unsigned __int128>(need, ~0ull)) +
               " values (" + std::to_string(nm_) + " matrix/matrices of " + std::to_string(R) + " x " +
               std::to_string(C) + (row_emb_ || col_emb_ ? " with embedded labels" : "") + "), found " +
               std::to_string(avail));
    if (need < avail)
      fail(t_[pos_ + std::size_t(need)], "extra data after the last matrix (expected " +
                                              std::to_string((unsigned long long)need) + " values)");
    std::vector<double> a(nm_ * R * C);
    for (std::size_t k = 0; k < nm_; ++k) {
      if (col_emb_) {
        std::vector<std::string> labs;
        for (std::size_t j = 0; j < C; ++j) labs.emplace_back(t_[pos_++].text);
        if (k == 0) col_labels_ = labs;
        else if (labs != col_labels_) fail(t_[pos_ - C], "embedded column labels differ from the first matrix's");
      }
      std::vector<std::string> rlabs;
      for (std::size_t i = 0; i < R; ++i) {
        if (row_emb_) {
          const Token& rl = t_[pos_++];
          if (k == 0) rlabs.emplace_back(rl.text);
          else if (rl.text != row_labels_[i]) fail(rl, "embedded row label differs from the first matrix's");
        }
        for (std::size_t j = 0; j < C; ++j) a[(k * R + i) * C + j] = number(t_[pos_++]);
      }
      if (row_emb_ && k == 0) row_labels_ = rlabs;
    }
    if (!two_mode_) {
      // one-mode: embedded row and column labels must agree
      if (row_emb_ && col_emb_ && row_labels_ != col_labels_)
        fail(t_[0], "embedded row labels differ from the column labels of this one-mode matrix");
      if (row_labels_.empty()) row_labels_ = col_labels_;
      bool symmetric = true;
      for (std::size_t k = 0; k < nm_ && symmetric; ++k)
        for (std::size_t i = 0; i < R && symmetric; ++i)
          for (std::size_t j = i + 1; j < R; ++j)
            if (a[(k * R + i) * C + j] != a[(k * R + j) * C + i]) { symmetric = false; break; }
      bool directed = opt_.directed || !symmetric;
      NetworkBuilder b(directed, opt_.node_type, opt_.edge_type);
      add_nodes(b, row_labels_, R, opt_.node_type);
      for (std::size_t k = 0; k < nm_; ++k) {
        std::string type = edge_type(k);
        for (std::size_t i = 0; i < R; ++i)
          for (std::size_t j = directed ? 0 : i; j < R; ++j)
            if (double w = a[(k * R + i) * C + j]; w != 0) b.add_edge(vertex_t(i), vertex_t(j), type, w);
      }
      return b.finish();
    }
    NetworkBuilder b(opt_.directed, opt_.row_type, opt_.edge_type);
    add_two_mode_nodes(b);
    for (std::size_t k = 0; k < nm_; ++k) {
      std::string type = edge_type(k);
      for (std::size_t i = 0; i < R; ++i)
        for (std::size_t j = 0; j < C; ++j)
          if (double w = a[(k * R + i) * C + j]; w != 0) b.add_edge(vertex_t(i), vertex_t(R + j), type, w);
    }
    return b.finish();
  }

  void add_nodes(NetworkBuilder& b, const std::vector<std::string>& labels, std::size_t n, const std::string& type) {
    for (std::size_t i = 0; i < n; ++i) {
      std::string id = labels.empty() ? std::to_string(i + 1) : labels[i];
      if (!b.add_node(id, type).second)
        fail(repeat_of(id), "duplicate label " + detail::quote_for_message(id) + first_line(id) +
                                ": labels are node ids and must be unique; rename one");
    }
  }
  // The token where label `id` appears the second time (the duplicate), else the first token.
  const Token& repeat_of(const std::string& id) const {
    std::size_t seen = 0;
    for (const Token& t : t_)
      if (t.text == id && ++seen == 2) return t;
    return t_[0];
  }
  std::string first_line(const std::string& id) const {
    for (const Token& t : t_)
      if (t.text == id) return " (first on line " + std::to_string(t.line) + ")";
    return "";
  }
  void add_two_mode_nodes(NetworkBuilder& b) {
    add_nodes(b, row_labels_, nr_, opt_.row_type);
    for (std::size_t j = 0; j < nc_; ++j) {
      std::string id = col_labels_.empty() ? "c" + std::to_string(j + 1) : col_labels_[j];
      if (!b.add_node(id, opt_.column_type).second)
        fail(repeat_of(id), "column label " + detail::quote_for_message(id) + first_line(id) +
                                " is also a row label (or repeated): two-mode ids must be distinct");
    }
  }

  // ---- edge and node lists -------------------------------------------------
  // Resolves a row (or column) reference: a number 1..count, or with embedded
  // labels a label (one-mode: new labels create nodes, up to `count`).
  std::uint32_t ref(const Token& t, bool column) {
    const bool emb = column ? col_emb_ : row_emb_;
    const std::size_t count = two_mode_ ? (column ? nc_ : nr_) : n_;
    if (emb) {
      std::vector<std::string>& labs = (two_mode_ && column) ? col_labels_ : row_labels_;
      auto& idx = (two_mode_ && column) ? col_index_ : row_index_;
      auto it = idx.find(std::string(t.text));
      if (it != idx.end()) return it->second;
      if (labs.size() >= count)
        fail(t, "label " + detail::quote_for_message(t.text) + " is one more than the " + std::to_string(count) +
                    " declared in the header (n, nr or nc)");
      labs.emplace_back(t.text);
      idx.emplace(labs.back(), std::uint32_t(labs.size() - 1));
      return std::uint32_t(labs.size() - 1);
    }
    std::uint64_t v = 0;
    if (t.quoted || !detail::parse_index(t.text, v))
      fail(t, "node number expected, found " + detail::quote_for_message(t.text) +
                  " (use 'labels embedded' for labels in the data)");
    if (v < 1 || v > count)
      fail(t, "node number " + std::string(t.text) + " is out of range 1.." + std::to_string(count));
    return std::uint32_t(v - 1);
  }

  Network lists() {
    // one-mode: rows and columns are the same nodes, numbered or labelled alike (a label on one side and a
    // number on the other would index one node list two ways)
    if (!two_mode_ && row_emb_ != col_emb_) {
      const std::string msg = std::string("only ") + (row_emb_ ? "row" : "column") +
                              " labels are embedded in this one-mode list: its rows and columns are the same nodes, "
                              "so embed both ('labels embedded') or neither";
      if (pos_ < t_.size()) fail(t_[pos_], msg);
      fail_end(msg);
    }
    // with embedded labels, pre-declared labels (labels:) are the start of the index
    if (row_emb_) for (std::size_t i = 0; i < row_labels_.size(); ++i) row_index_.emplace(row_labels_[i], std::uint32_t(i));
    if (col_emb_ && two_mode_) for (std::size_t i = 0; i < col_labels_.size(); ++i) col_index_.emplace(col_labels_[i], std::uint32_t(i));
    std::vector<SparseMatrix> mats(1);
    const bool edge_format = format_ == Format::EdgeList1 || format_ == Format::EdgeList2;
    std::size_t i = pos_;
    while (i < t_.size()) {
      std::size_t e = i;
      while (e < t_.size() && t_[e].line == t_[i].line) ++e;
      const Token& first = t_[i];
      if (e - i == 1 && first.text == "!" && !first.quoted) {  // matrix separator
        if (mats.size() >= nm_) fail(first, "more matrices than nm = " + std::to_string(nm_));
        mats.emplace_back();
        i = e;
        continue;
      }
      if (edge_format) {
        if (e - i < 2 || e - i > 3)
          fail(first, "edge line needs 2 or 3 fields ('from to [value]'), found " + std::to_string(e - i));
        std::uint32_t s = ref(t_[i], false), t = ref(t_[i + 1], true);
        double w = e - i == 3 ? number(t_[i + 2]) : 1.0;
        if (w != 0) mats.back().set(s, t, w);
        else mats.back().set(s, t, 0.0);
      } else {
        std::uint32_t s = ref(t_[i], false);
        for (std::size_t k = i + 1; k < e; ++k) mats.back().set(s, ref(t_[k], true), 1.0);
      }
      i = e;
    }
    if (mats.size() != nm_ && nm_ > 1)
      fail_end("found " + std::to_string(mats.size()) + " matrices, expected nm = " + std::to_string(nm_) +
               " (separate the matrices with a line holding '!')");
    if (!two_mode_) {
      bool symmetric = true;
      for (const auto& m : mats) symmetric = symmetric && m.symmetric();
      bool directed = opt_.directed || !symmetric;
      NetworkBuilder b(directed, opt_.node_type, opt_.edge_type);
      if (row_emb_) add_nodes(b, row_labels_, row_labels_.size(), opt_.node_type);
      else add_nodes(b, row_labels_, n_, opt_.node_type);
      for (std::size_t k = 0; k < mats.size(); ++k) {
        std::string type = edge_type(k);
        for (const auto& c : mats[k].cells)
          if (c.w != 0 && (directed || c.i <= c.j)) b.add_edge(c.i, c.j, type, c.w);
      }
      return b.finish();
    }
    NetworkBuilder b(opt_.directed, opt_.row_type, opt_.edge_type);
    if (row_emb_) nr_ = row_labels_.size();
    if (col_emb_) nc_ = col_labels_.size();
    add_two_mode_nodes(b);
    for (std::size_t k = 0; k < mats.size(); ++k) {
      std::string type = edge_type(k);
      for (const auto& c : mats[k].cells)
        if (c.w != 0) b.add_edge(c.i, vertex_t(nr_ + c.j), type, c.w);
    }
    return b.finish();
  }

  std::string_view data_;
  const std::string& name_;
  const UcinetOptions& opt_;
  std::vector<Token> t_;
  std::size_t pos_ = 0, last_line_ = 0, size_line_ = 1;
  std::size_t n_ = 0, nr_ = 0, nc_ = 0, nm_ = 1;
  bool have_n_ = false, two_mode_ = false, row_emb_ = false, col_emb_ = false;
  Format format_ = Format::FullMatrix;
  std::vector<std::string> row_labels_, col_labels_, matrix_labels_;
  std::unordered_map<std::string, std::uint32_t> row_index_, col_index_;
};

}  // namespace

Network read_ucinet_dl_text(std::string_view data, const std::string& name, const UcinetOptions& options) {
  std::string storage;
  data = text_lines(data, name, storage);
  return DlParser(data, name, options).run();
}

Network read_ucinet_dl(const std::string& path, const UcinetOptions& options) {
  std::string data = read_file(path);
  return read_ucinet_dl_text(data, path, options);
}

}  // namespace ringleader::io
