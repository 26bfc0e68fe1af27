// Internal: a small, non-validating XML tokenizer and the escaping helpers
// shared by the GraphML reader and the GraphML and GEXF writers.
//
// The tokenizer is iterative (no recursion), never reads past the input and
// tracks 1-based line and column (byte) numbers.  It understands elements,
// attributes in single or double quotes, text, comments, CDATA sections,
// processing instructions (the XML declaration included), a DOCTYPE (skipped),
// the five predefined entities and character references (&#..; &#x..;).
// Line ends (CRLF, CR) read as LF; in attribute values tab, CR and LF read as
// a space (XML attribute normalisation), while character references keep
// them.  Malformed input (unclosed or mismatched tags, unterminated values,
// unknown entities, text outside the root element) throws ParseError.
//
// Character references to control characters (&#1;) are accepted when
// reading, as in XML 1.1.  The writers produce XML 1.0, which cannot hold
// control characters other than tab, LF and CR even as references (networkx's
// and most readers reject &#1;), so escape() refuses them with
// InvalidArgument: such names are kept by write_csv and the binary format.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ringleader/core/error.hpp"

namespace ringleader::io::xml {

// ---- writing ---------------------------------------------------------------

/// The refusal of a control character that XML 1.0 cannot hold.
[[noreturn]] inline void refuse_control(std::string_view s, unsigned char c) {
  static const char* hex = "0123456789ABCDEF";
  std::size_t cut = std::min<std::size_t>(s.size(), 80);  // at a character boundary
  while (cut > 0 && cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  std::string shown;
  for (char ch : s.substr(0, cut)) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (u < 0x20 || u == 0x7F) {
      shown += "\\x";
      shown += hex[u >> 4];
      shown += hex[u & 15];
    } else {
      shown += ch;
    }
  }
  throw InvalidArgument(std::string("GraphML and GEXF (XML 1.0) cannot hold the control character U+00") +
                        hex[c >> 4] + hex[c & 15] + " in '" + shown + "'" + (cut < s.size() ? "..." : "") +
                        ": remove it from the names and values first, or keep them with write_csv or save");
}

/// Appends `s` escaped for use in text or in a double-quoted attribute value:
/// & < > " ' as entities, CR, and in attributes also LF and tab, as character
/// references; any other control character is refused (refuse_control).
inline void escape(std::string& out, std::string_view s, bool attribute = true) {
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      default: break;
    }
    if (c < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') refuse_control(s, c);
    if (c < 0x20 && (attribute || (ch != '\n' && ch != '\t'))) {
      out += "&#";
      out += std::to_string(unsigned(c));
      out += ';';
    } else {
      out += ch;
    }
  }
}

/// Appends ` name="value"` with the value escaped.
inline void attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  escape(out, value, true);
  out += '"';
}

// ---- reading ---------------------------------------------------------------

struct Attribute {
  std::string_view name;
  std::string value;  ///< entities decoded
};

struct Token {
  enum class Kind { Start, End, Text };
  Kind kind = Kind::Text;
  std::string_view name;          ///< element name (Start, End)
  std::vector<Attribute> attrs;   ///< Start only
  std::string text;               ///< Text only: decoded, CDATA included
  std::size_t line = 0, column = 0;

  /// The value of attribute `n`, or nullptr.
  const std::string* attr(std::string_view n) const {
    for (const auto& a : attrs)
      if (a.name == n) return &a.value;
    return nullptr;
  }
};

class Tokenizer {
 public:
  Tokenizer(std::string_view data, std::string file) : d_(data), file_(std::move(file)) {}

  /// Reads the next token; false at the end of the document.  A self-closing
  /// element gives a Start then an End token.
  bool next(Token& t) {
    if (pending_end_) {
      pending_end_ = false;
      close_top(t, pos_);
      return true;
    }
    if (state_ == State::Content) return content(t);
    skip_misc();
    if (pos_ >= d_.size()) {
      if (state_ == State::Prolog) fail(pos_, "no XML element found: the file is empty or not XML");
      return false;
    }
    if (state_ == State::Epilog) fail(pos_, "unexpected content after the end of the root element </" +
                                                std::string(root_) + ">");
    if (d_[pos_] != '<') fail(pos_, "not XML: expected '<' to start the root element");
    state_ = State::Content;
    start_tag(t);
    root_ = t.name;
    return true;
  }

  const std::string& file() const { return file_; }
  std::size_t depth() const { return stack_.size(); }

  /// Throws ParseError at byte offset `pos`.
  [[noreturn]] void fail(std::size_t pos, const std::string& msg) {
    std::size_t line, col;
    locate(pos, line, col);
    throw ParseError(file_, line, col, msg);
  }

  /// 1-based line and column of byte offset `pos`.
  void locate(std::size_t pos, std::size_t& line, std::size_t& col) {
    pos = std::min(pos, d_.size());
    if (pos < cache_pos_) cache_pos_ = 0, cache_line_ = 1, cache_start_ = 0;
    const char* p = d_.data();
    for (std::size_t i = cache_pos_; i < pos;) {
      const void* nl = std::memchr(p + i, '\n', pos - i);
      if (!nl) break;
      i = std::size_t(static_cast<const char*>(nl) - p) + 1;
      ++cache_line_;
      cache_start_ = i;
    }
    cache_pos_ = pos;
    line = cache_line_;
    col = pos - cache_start_ + 1;
  }

 private:
  enum class State { Prolog, Content, Epilog };
  struct Open {
    std::string_view name;
    std::size_t pos;
  };

  bool at(std::string_view s) const { return d_.compare(pos_, s.size(), s) == 0; }
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  static bool name_start(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || u >= 0x80;
  }
  static bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
  void skip_space() {
    while (pos_ < d_.size() && is_space(d_[pos_])) ++pos_;
  }
  std::string open_where(const Open& o) {
    std::size_t line, col;
    locate(o.pos, line, col);
    return "<" + std::string(o.name) + "> opened at line " + std::to_string(line);
  }

  /// Skips to just after `end`; fails with `what` when it is missing.
  void skip_past(std::string_view end, const char* what) {
    std::size_t start = pos_, e = d_.find(end, pos_);
    if (e == std::string_view::npos) fail(start, std::string("unterminated ") + what);
    pos_ = e + end.size();
  }
  /// Comments, processing instructions and (before the root) a DOCTYPE.
  bool skip_special() {
    if (at("<!--")) { skip_past("-->", "comment (missing '-->')"); return true; }
    if (at("<?")) { skip_past("?>", "processing instruction (missing '?>')"); return true; }
    if (state_ == State::Prolog && at("<!DOCTYPE")) { skip_doctype(); return true; }
    return false;
  }
  void skip_misc() {
    for (;;) {
      skip_space();
      if (!skip_special()) return;
    }
  }
  void skip_doctype() {
    std::size_t start = pos_, depth = 0;
    char quote = 0;
    for (pos_ += 9; pos_ < d_.size(); ++pos_) {
      char c = d_[pos_];
      if (quote) { if (c == quote) quote = 0; }
      else if (c == '"' || c == '\'') quote = c;
      else if (c == '[') ++depth;
      else if (c == ']' && depth) --depth;
      else if (c == '>' && depth == 0) { ++pos_; return; }
    }
    fail(start, "unterminated DOCTYPE (missing '>')");
  }

  std::string_view name() {
    std::size_t b = pos_;
    if (pos_ >= d_.size() || !name_start(d_[pos_])) {
      if (pos_ >= d_.size()) fail(pos_, "unexpected end of file: expected a name");
      fail(pos_, std::string("expected a name, found '") + d_[pos_] + "'");
    }
    while (pos_ < d_.size() && name_char(d_[pos_])) ++pos_;
    return d_.substr(b, pos_ - b);
  }

  /// Decodes the reference at pos_ ('&') into `out`.
  void entity(std::string& out) {
    std::size_t b = pos_, semi = b + 1;
    while (semi < d_.size() && semi - b < 12 && d_[semi] != ';') ++semi;
    if (semi >= d_.size() || d_[semi] != ';')
      fail(b, "'&' must start an entity such as &amp; (write a literal & as &amp;)");
    std::string_view e = d_.substr(b + 1, semi - b - 1);
    pos_ = semi + 1;
    if (e == "lt") out += '<';
    else if (e == "gt") out += '>';
    else if (e == "amp") out += '&';
    else if (e == "quot") out += '"';
    else if (e == "apos") out += '\'';
    else if (!e.empty() && e[0] == '#') utf8(out, char_ref(e, b), b);
    else fail(b, "unknown entity &" + std::string(e) + "; (only &lt; &gt; &amp; &quot; &apos; and &#..; are supported)");
  }
  std::uint32_t char_ref(std::string_view e, std::size_t b) {
    bool hex = e.size() > 1 && (e[1] == 'x' || e[1] == 'X');
    std::string_view digits = e.substr(hex ? 2 : 1);
    std::uint32_t v = 0;
    if (digits.empty()) fail(b, "empty character reference &" + std::string(e) + ";");
    for (char c : digits) {
      int dv = c >= '0' && c <= '9' ? c - '0'
               : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
               : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (dv < 0) fail(b, "bad character reference &" + std::string(e) + ";");
      v = v * (hex ? 16 : 10) + std::uint32_t(dv);
      if (v > 0x10FFFF) fail(b, "character reference &" + std::string(e) + "; is beyond U+10FFFF");
    }
    return v;
  }
  void utf8(std::string& out, std::uint32_t c, std::size_t b) {
    if (c >= 0xD800 && c <= 0xDFFF) fail(b, "character reference to a UTF-16 surrogate");
    if (c < 0x80) { out += char(c); return; }
    if (c < 0x800) { out += char(0xC0 | (c >> 6)); }
    else if (c < 0x10000) { out += char(0xE0 | (c >> 12)); out += char(0x80 | ((c >> 6) & 0x3F)); }
    else {
      out += char(0xF0 | (c >> 18));
      out += char(0x80 | ((c >> 12) & 0x3F));
      out += char(0x80 | ((c >> 6) & 0x3F));
    }
    out += char(0x80 | (c & 0x3F));
  }

  /// An attribute value at pos_ (on the quote); normalised and decoded.
  std::string value(std::string_view attr, std::string_view elem) {
    std::size_t b = pos_;
    char q = d_[pos_++];
    std::string v;
    for (;;) {
      if (pos_ >= d_.size())
        fail(b, "unterminated value of attribute '" + std::string(attr) + "' of <" + std::string(elem) +
                    "> (missing closing " + q + ")");
      char c = d_[pos_];
      if (c == q) { ++pos_; return v; }
      if (c == '<')
        fail(pos_, "'<' in the value of attribute '" + std::string(attr) + "' (escape it as &lt;)");
      if (c == '&') { entity(v); continue; }
      if (c == '\r' && pos_ + 1 < d_.size() && d_[pos_ + 1] == '\n') ++pos_;
      v += is_space(c) ? ' ' : c;
      ++pos_;
    }
  }

  void start_tag(Token& t) {
    std::size_t b = pos_;
    ++pos_;  // '<'
    t.kind = Token::Kind::Start;
    locate(b, t.line, t.column);
    t.name = name();
    t.attrs.clear();
    t.text.clear();
    for (;;) {
      bool space = pos_ < d_.size() && is_space(d_[pos_]);
      skip_space();
      if (pos_ >= d_.size() || d_[pos_] == '<') fail(b, "unclosed tag <" + std::string(t.name) + "> (missing '>')");
      if (d_[pos_] == '>') { ++pos_; break; }
      if (at("/>")) { pos_ += 2; pending_end_ = true; break; }
      if (!space) fail(pos_, "expected whitespace, '>' or '/>' in tag <" + std::string(t.name) + ">");
      Attribute a;
      a.name = name();
      skip_space();
      if (pos_ >= d_.size() || d_[pos_] != '=')
        fail(pos_, "attribute '" + std::string(a.name) + "' has no value (write " + std::string(a.name) +
                       "=\"...\")");
      ++pos_;
      skip_space();
      if (pos_ >= d_.size() || (d_[pos_] != '"' && d_[pos_] != '\''))
        fail(pos_, "the value of attribute '" + std::string(a.name) + "' must be in quotes");
      a.value = value(a.name, t.name);
      t.attrs.push_back(std::move(a));
    }
    check_unique(t, b);
    stack_.push_back({t.name, b});
  }
  void check_unique(const Token& t, std::size_t b) {
    if (t.attrs.size() < 2) return;
    std::vector<std::string_view> names;
    for (const auto& a : t.attrs) names.push_back(a.name);
    std::sort(names.begin(), names.end());
    auto dup = std::adjacent_find(names.begin(), names.end());
    if (dup != names.end()) fail(b, "attribute '" + std::string(*dup) + "' appears twice in <" + std::string(t.name) + ">");
  }

  void end_tag(Token& t) {
    std::size_t b = pos_;
    pos_ += 2;  // "</"
    std::string_view n = name();
    skip_space();
    if (pos_ >= d_.size() || d_[pos_] != '>') fail(b, "unclosed end tag </" + std::string(n) + "> (missing '>')");
    ++pos_;
    if (n != stack_.back().name)
      fail(b, "mismatched end tag </" + std::string(n) + ">: expected </" + std::string(stack_.back().name) +
                  "> for " + open_where(stack_.back()));
    close_top(t, b);
  }
  void close_top(Token& t, std::size_t b) {
    t.kind = Token::Kind::End;
    t.name = stack_.back().name;
    t.attrs.clear();
    t.text.clear();
    locate(b, t.line, t.column);
    stack_.pop_back();
    if (stack_.empty()) state_ = State::Epilog;
  }

  /// Text up to the next tag (comments skipped, CDATA kept); "" when none.
  void text(std::string& out) {
    while (pos_ < d_.size()) {
      char c = d_[pos_];
      if (c == '<') {
        if (at("<![CDATA[")) {
          std::size_t b = pos_, e = d_.find("]]>", pos_ + 9);
          if (e == std::string_view::npos) fail(b, "unterminated CDATA section (missing ']]>')");
          append_lines(out, d_.substr(b + 9, e - b - 9));
          pos_ = e + 3;
        } else if (!skip_special()) {
          return;
        }
      } else if (c == '&') {
        entity(out);
      } else {
        std::size_t e = pos_;
        while (e < d_.size() && d_[e] != '<' && d_[e] != '&') ++e;
        append_lines(out, d_.substr(pos_, e - pos_));
        pos_ = e;
      }
    }
  }
  static void append_lines(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\r') { out += s[i]; continue; }
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    }
  }

  bool content(Token& t) {
    std::size_t b = pos_;
    t.text.clear();
    text(t.text);
    if (!t.text.empty()) {
      t.kind = Token::Kind::Text;
      t.name = {};
      t.attrs.clear();
      locate(b, t.line, t.column);
      return true;
    }
    if (pos_ >= d_.size())
      fail(pos_, "unexpected end of file: " + open_where(stack_.back()) + " is not closed");
    if (at("<!")) fail(pos_, "unexpected '<!' (only comments and CDATA are allowed inside elements)");
    if (at("</")) end_tag(t);
    else start_tag(t);
    return true;
  }

  std::string_view d_;
  std::string file_;
  std::size_t pos_ = 0;
  State state_ = State::Prolog;
  bool pending_end_ = false;
  std::string_view root_;
  std::vector<Open> stack_;
  std::size_t cache_pos_ = 0, cache_line_ = 1, cache_start_ = 0;
};

}  // namespace ringleader::io::xml
