// Internal: line iteration and whitespace tokenising shared by the edge-list,
// Pajek and UCINET DL readers.
//
// Lines end in LF or CRLF (a final line without a newline is a line too); line
// numbers are 1-based.  Tokens are separated by blanks (space, tab, CR, VT,
// FF) and optionally by extra separator characters (',' for DL files); a token
// starting with '"' runs to the next '"' and is unquoted (no escapes, as in
// Pajek and UCINET).  Columns are 1-based byte offsets within the line.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/core/text.hpp"

namespace ringleader::io::detail {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

class LineCursor {
 public:
  explicit LineCursor(std::string_view data) : data_(data) {}
  /// The next line (without its line end); false at the end of the data.
  bool next(std::string_view& line) {
    if (pos_ >= data_.size()) return false;
    const char* b = data_.data() + pos_;
    const void* nl = std::memchr(b, '\n', data_.size() - pos_);
    std::size_t len = nl ? std::size_t(static_cast<const char*>(nl) - b) : data_.size() - pos_;
    line = std::string_view(b, len);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ += len + 1;
    ++line_;
    return true;
  }
  std::size_t line_number() const { return line_; }  ///< of the last line returned

 private:
  std::string_view data_;
  std::size_t pos_ = 0, line_ = 0;
};

struct Token {
  std::string_view text;
  std::size_t line = 0;
  std::size_t column = 0;
  bool quoted = false;
};

/// Appends the tokens of `line` to `out`.  Throws ParseError on an unterminated quote.
inline void tokenize(std::string_view line, std::size_t line_no, const std::string& file,
                     std::vector<Token>& out, std::string_view extra_separators = {}) {
  auto sep = [&](char c) { return is_blank(c) || extra_separators.find(c) != std::string_view::npos; };
  std::size_t i = 0, n = line.size();
  while (i < n) {
    if (sep(line[i])) { ++i; continue; }
    if (line[i] == '"') {
      std::size_t close = line.find('"', i + 1);
      if (close == std::string_view::npos)
        throw ParseError(file, line_no, i + 1,
                         "unterminated quote: close the label with '\"' on the same line");
      out.push_back(Token{line.substr(i + 1, close - i - 1), line_no, i + 1, true});
      i = close + 1;
      continue;
    }
    std::size_t b = i;
    while (i < n && !sep(line[i])) ++i;
    out.push_back(Token{line.substr(b, i - b), line_no, b + 1, false});
  }
}

/// Parses a whole token as a non-negative integer; false on anything else
/// (sign, fraction, overflow beyond uint64).
inline bool parse_index(std::string_view s, std::uint64_t& out) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

/// Parses a finite double; false for text, NaN and infinities.
inline bool parse_finite(std::string_view s, double& out) {
  return text::parse_double(s, out) && std::isfinite(out);
}

/// Upper bound on a declared node count that a file of `bytes` bytes may ask
/// for (protects against corrupt headers allocating billions of nodes).
inline std::uint64_t max_declared_nodes(std::size_t bytes) {
  return 1000000ull + 16ull * std::uint64_t(bytes);
}

inline std::string quote_for_message(std::string_view s) {
  if (s.size() > 40) {
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return "'" + std::string(s.substr(0, cut)) + "...'";
  }
  return "'" + std::string(s) + "'";
}

/// Checks `n` nodes declared by a header (Pajek `*Vertices n`, DL `n=`)
/// against the memory cap before anything is allocated for them, at about
/// `bytes_per_node` each (the reader's own tables, the ids, the id index and
/// the network's node table, measured at the peak): such a header can ask
/// for gigabytes in a file of a few bytes.  Throws MemoryLimitError naming
/// the file, the line and the header.
inline void check_declared_nodes(std::uint64_t n, std::uint64_t bytes_per_node, const std::string& name,
                                 std::size_t line, const std::string& header) {
  memory::reserve_check(memory::mul(n, bytes_per_node),
                        name + " line " + std::to_string(line) + ": the " + std::to_string(n) +
                            " nodes declared by " + quote_for_message(header));
}

}  // namespace ringleader::io::detail
