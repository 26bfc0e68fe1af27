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
// shown as \xNN or \uNNNN, so printing an error cannot drive a terminal.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace ringleader {

namespace detail {
/// `s` with control characters shown escaped: C0 (but line feed) and DEL as
/// \xNN, C1 (U+0080..U+009F, two bytes in UTF-8) as \uNNNN.
inline std::string printable(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if ((c < 0x20 && c != '\n') || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += "\\u00";
      out += hex[next >> 4];
      out += hex[next & 15];
      ++i;
    } else {
      out += char(c);
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
