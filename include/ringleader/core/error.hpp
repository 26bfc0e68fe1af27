// ringleader/core/error.hpp - the one exception hierarchy of the library.
//
// Every error thrown by ringleader derives from ringleader::Error, itself a
// std::runtime_error.  Parsers throw ParseError, which carries the file name,
// the 1-based line and column (0 when unknown) and the problem, and formats
// them as "file:line:column: problem".  There is no global error state.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace ringleader {

/// Base class of every exception thrown by ringleader.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
        file_(std::move(file)), line_(line), column_(column), message_(std::move(message)) {}

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
