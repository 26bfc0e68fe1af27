// Internal: an RFC 4180 record reader over a whole buffer, with line numbers.
//
// Quoted fields may hold delimiters, quotes ("") and newlines; LF, CRLF and
// lone CR line ends; a quote inside an unquoted field is kept literally.  Fully blank
// lines are skipped.  Fields are views into the buffer, or into per-record
// storage for quoted fields that needed unescaping; they stay valid until the
// next call to next().
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "ringleader/core/error.hpp"

namespace ringleader::io::detail {

class CsvReader {
 public:
  CsvReader(std::string_view data, std::string name, char delimiter = ',')
      : data_(data), name_(std::move(name)), delim_(delimiter) {}

  const std::string& name() const { return name_; }
  /// Line on which the last record started (1-based).
  std::size_t line() const { return record_line_; }
  /// 1-based character column where field `i` of the last record started.
  std::size_t column(std::size_t i) const {
    return i < starts_.size() ? column_at(starts_[i]) : 0;
  }
  [[noreturn]] void fail(std::size_t field, const std::string& message) const {
    throw ParseError(name_, record_line_, column(field), message);
  }

  /// Reads the next record; false at the end of the data.
  bool next(std::vector<std::string_view>& fields) {
    fields.clear();
    starts_.clear();
    unescaped_.clear();
    for (;;) {
      if (pos_ >= data_.size()) return false;
      // skip blank lines
      if (!at_line_end()) break;
      skip_line_end();
    }
    record_line_ = line_;
    for (;;) {
      starts_.push_back(pos_);
      if (pos_ < data_.size() && data_[pos_] == '"') {
        read_quoted(fields);
      } else {
        std::size_t b = pos_;
        while (pos_ < data_.size() && data_[pos_] != delim_ && data_[pos_] != '\n' && data_[pos_] != '\r') ++pos_;
        fields.push_back(data_.substr(b, pos_ - b));
      }
      if (pos_ >= data_.size()) return true;
      if (data_[pos_] == delim_) {
        ++pos_;
        if (pos_ >= data_.size()) {
          starts_.push_back(pos_);
          fields.push_back({});
          return true;
        }
        continue;
      }
      skip_line_end();
      return true;
    }
  }

 private:
  void read_quoted(std::vector<std::string_view>& fields) {
    const std::size_t open_line = line_, open_pos = pos_;
    ++pos_;
    std::size_t b = pos_;
    bool escaped = false;
    for (;;) {
      if (pos_ >= data_.size()) {
        record_line_ = open_line;
        throw ParseError(name_, open_line, column_at(open_pos),
                         "unterminated quoted field (a '\"' opened here is never closed)");
      }
      char c = data_[pos_];
      if (c == '"') {
        if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') { escaped = true; pos_ += 2; continue; }
        break;
      }
      if (c == '\n') ++line_;
      ++pos_;
    }
    std::string_view raw = data_.substr(b, pos_ - b);
    ++pos_;  // closing quote
    if (pos_ < data_.size() && data_[pos_] != delim_ && !at_line_end())
      throw ParseError(name_, line_, column_at(pos_),
                       "unexpected character after a closing quote (quote the whole field and double inner quotes)");
    if (!escaped) {
      fields.push_back(raw);
      return;
    }
    std::string s;
    s.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      s += raw[i];
      if (raw[i] == '"') ++i;
    }
    unescaped_.push_back(std::move(s));
    fields.push_back(unescaped_.back());
  }
  /// At LF, CRLF or a lone CR (classic Mac line ends)?
  bool at_line_end() const { return pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r'); }
  void skip_line_end() {
    if (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  // The column of byte p.  Counted on from the last position asked for when p
  // lies after it (the fields of a record are asked for in order), so the
  // columns of a k-field header cost O(line length), not O(k * line length).
  std::size_t column_at(std::size_t p) const {
    if (p < col_pos_) {  // before the cached position: count from the line start
      std::size_t q = p, col = 1;
      while (q > 0 && data_[q - 1] != '\n' && data_[q - 1] != '\r') {
        --q;
        if ((static_cast<unsigned char>(data_[q]) & 0xC0) != 0x80) ++col;
      }
      col_pos_ = p;
      col_ = col;
      return col;
    }
    for (; col_pos_ < p; ++col_pos_) {
      const char c = data_[col_pos_];
      if (c == '\n' || c == '\r') col_ = 1;
      else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col_;
    }
    return col_;
  }

  std::string_view data_;
  std::string name_;
  char delim_;
  std::size_t pos_ = 0, line_ = 1, record_line_ = 1;
  std::vector<std::size_t> starts_;
  std::deque<std::string> unescaped_;
  mutable std::size_t col_pos_ = 0, col_ = 1;  // column_at's cache: byte col_pos_ is in column col_
};

}  // namespace ringleader::io::detail
