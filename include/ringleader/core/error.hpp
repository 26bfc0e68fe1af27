// ringleader/core/error.hpp - the one exception hierarchy of the library.
//
// Every error thrown by ringleader derives from ringleader::Error, itself a
// std::runtime_error.  Parsers throw ParseError, which carries the file name,
// the 1-based line and column (0 when unknown) and the problem, and formats
// them as "file:line:column: problem".  There is no global error state.
//
// Messages quote input (ids, names, values), which may hold terminal control
// sequences ("\x1b]0;...\x07"): every message is made printable when the
// exception is built, control characters (C0 except line feed, DEL, C1)
// shown as \xNN or \uNNNN, so printing an error cannot drive a terminal, and
// bytes that are not UTF-8 as \xNN, so every message is valid UTF-8.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace ringleader {

namespace detail {
/// Length of the well-formed UTF-8 sequence starting at s[i] (2 to 4), or 0.
inline std::size_t utf8_sequence(const std::string& s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;  // no overlong forms
  const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;  // no surrogates, nothing past U+10FFFF
  if (c1 < lo || c1 > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

/// `s` with control characters shown escaped: C0 (but line feed) and DEL as
/// \xNN, C1 (U+0080..U+009F, two bytes in UTF-8) as \uNNNN; and bytes that
/// are not part of well-formed UTF-8 as \xNN, so that every message is valid
/// UTF-8 (Python's str of it cannot fail).
inline std::string printable(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  auto escaped = [&](const char* prefix, unsigned char c) {
    out += prefix;
    out += hex[c >> 4];
    out += hex[c & 15];
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n') || c == 0x7F) escaped("\\x", c);
      else out += char(c);
      continue;
    }
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      escaped("\\x", c);
    } else if (c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      escaped("\\u00", static_cast<unsigned char>(s[i + 1]));
      ++i;
    } else {
      out.append(s, i, n);
      i += n - 1;
    }
  }
  return out;
}
}  // namespace detail

/// Base class of every exception thrown by ringleader.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what) : std::runtime_error(detail::printable(what)) {}
  explicit Error(const char* what) : Error(std::string(what)) {}
};

/// An argument that cannot be used (unknown node id, negative distance, ...).
class InvalidArgument : public Error {
 public:
  using Error::Error;
};

/// An iterative computation did not converge within its iteration budget;
/// the message names the parameter to change (max_iter, tol, alpha).
class ConvergenceError : public Error {
 public:
  using Error::Error;
};

/// Bad input data.  `what()` is "file:line:column: message".
class ParseError : public Error {
 public:
  ParseError(std::string file, std::size_t line, std::size_t column, std::string message)
      : Error(format(file, line, column, message)),
        file_(std::move(file)), line_(line), column_(column), message_(detail::printable(message)) {}

  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }      ///< 1-based, 0 = unknown
  std::size_t column() const noexcept { return column_; }  ///< 1-based, 0 = unknown
  const std::string& message() const noexcept { return message_; }

 private:
  static std::string format(const std::string& f, std::size_t l, std::size_t c,
                            const std::string& m) {
    std::string s = f.empty() ? std::string("<input>") : f;
    if (l) {
      s += ':' + std::to_string(l);
      if (c) s += ':' + std::to_string(c);
    }
    return s + ": " + m;
  }
  std::string file_;
  std::size_t line_, column_;
  std::string message_;
};

}  // namespace ringleader
