// Internal: the rule the GraphML and GEXF writers share for number columns.
// A number column whose present values are all whole and below 2^53 in
// magnitude is declared `long` and written without a decimal point (Gephi
// partitions by it; networkx reads it back as int); other number columns are
// `double`.  The model's own weight and amount stay `double`.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ringleader/graph/types.hpp"

namespace ringleader::io {

/// A number column whose present values are all whole and below 2^53.
inline bool whole_numbers(const Column& c) {
  if (c.kind != Column::Kind::Number) return false;
  for (std::size_t i = 0; i < c.numbers.size(); ++i) {
    const double x = c.numbers[i];
    if (c.missing(i)) continue;
    if (!std::isfinite(x) || std::fabs(x) >= 9007199254740992.0 || x != std::trunc(x)) return false;
  }
  return true;
}

/// `whole_numbers` of each column.
inline std::vector<char> whole_columns(const std::vector<Column>& cols) {
  std::vector<char> out;
  out.reserve(cols.size());
  for (const auto& c : cols) out.push_back(whole_numbers(c));
  return out;
}

/// A whole number (see whole_numbers) as text without a decimal point.
inline std::string whole_text(double x) { return std::to_string(std::int64_t(x)); }

}  // namespace ringleader::io
