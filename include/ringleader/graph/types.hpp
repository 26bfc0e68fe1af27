// ringleader/graph/types.hpp - type name tables and typed attribute columns.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/text.hpp"

namespace ringleader {

using vertex_t = std::uint32_t;  ///< dense vertex index, 0..n-1
using type_t = std::uint16_t;    ///< index into a TypeTable

/// Interned type names ("person", "phone", "call", ...).  Filtering by type
/// compares small integers, not strings.
class TypeTable {
 public:
  type_t intern(std::string_view name) {
    if (names_.size() <= 16) {  // fast path: few types, no allocation
      for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name) return type_t(i);
    }
    auto it = map_.find(std::string(name));
    if (it != map_.end()) return it->second;
    if (names_.size() >= 65535) throw InvalidArgument("more than 65535 distinct type names");
    type_t t = static_cast<type_t>(names_.size());
    names_.emplace_back(name);
    map_.emplace(names_.back(), t);
    return t;
  }
  /// Index of `name`, or -1 when absent.
  int find(std::string_view name) const {
    auto it = map_.find(std::string(name));
    return it == map_.end() ? -1 : int(it->second);
  }
  const std::string& name(type_t t) const { return names_.at(t); }
  const std::vector<std::string>& names() const { return names_; }
  std::size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, type_t> map_;
};

/// One attribute column, typed as number (double, NaN = missing), string
/// ("" = missing) or time (int64 ns since the epoch, UTC; kNoTime = missing).
/// Stored column by column: only the vector of the column's kind is used.
struct Column {
  enum class Kind : std::uint8_t { Number, String, Time };
  std::string name;
  Kind kind = Kind::String;
  std::vector<double> numbers;
  std::vector<std::string> strings;
  std::vector<std::int64_t> times;

  std::size_t size() const {
    return kind == Kind::Number ? numbers.size() : kind == Kind::String ? strings.size() : times.size();
  }
  /// "number", "string" or "time" (the kind's name in the Python API and in messages).
  static const char* kind_name(Kind k) {
    return k == Kind::Number ? "number" : k == Kind::Time ? "time" : "string";
  }
  bool missing(std::size_t i) const {
    return kind == Kind::Number ? std::isnan(numbers[i])
           : kind == Kind::String ? strings[i].empty() : times[i] == kNoTime;
  }
  void resize(std::size_t n) {
    if (kind == Kind::Number) numbers.resize(n, std::nan(""));
    else if (kind == Kind::String) strings.resize(n);
    else times.resize(n, kNoTime);
  }
  /// A column of the same name and kind with the rows `rows` (in that order).
  template <class Index>
  Column take(const std::vector<Index>& rows) const {
    Column c;
    c.name = name;
    c.kind = kind;
    if (kind == Kind::Number) {
      c.numbers.reserve(rows.size());
      for (auto r : rows) c.numbers.push_back(numbers[r]);
    } else if (kind == Kind::String) {
      c.strings.reserve(rows.size());
      for (auto r : rows) c.strings.push_back(strings[r]);
    } else {
      c.times.reserve(rows.size());
      for (auto r : rows) c.times.push_back(times[r]);
    }
    return c;
  }
};

}  // namespace ringleader
