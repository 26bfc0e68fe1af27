// Test support: expecting ParseErrors, and the optional shared datasets.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include <ringleader/core/error.hpp>

namespace rltest {

/// Line of the ParseError thrown by `f` (0 when none); its column in *column.
template <class F>
std::size_t error_line(F&& f, std::size_t* column = nullptr) {
  try {
    f();
  } catch (const ringleader::ParseError& e) {
    if (column) *column = e.column();
    return e.line();
  }
  return 0;
}

/// Requires `f` to throw a ParseError at `line` of `file` whose text holds `text`.
template <class F>
void require_parse_error(F&& f, const std::string& file, std::size_t line, const std::string& text) {
  try {
    f();
    FAIL("no error for input expected to fail with: " << text);
  } catch (const ringleader::ParseError& e) {
    INFO(e.what());
    CHECK(e.file() == file);
    CHECK(e.line() == line);
    CHECK(std::string(e.what()).find(text) != std::string::npos);
    CHECK(std::string(e.what()).rfind(file + ":", 0) == 0);
  }
}

/// Path of a file of ../shared/data/raw.
inline std::string shared(const std::string& rel) { return std::string(RINGLEADER_SHARED_DATA) + "/" + rel; }

/// True when the shared data file exists; otherwise WARNs and returns false,
/// or FAILs when the CI environment variable is set.
inline bool shared_data_available(const std::string& rel) {
  std::string path = shared(rel);
  if (std::ifstream(path).good()) return true;
  if (std::getenv("CI")) FAIL("shared data file missing under CI: " << path);
  WARN("skipped: shared data file missing: " << path);
  return false;
}

}  // namespace rltest
