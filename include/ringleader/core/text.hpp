// ringleader/core/text.hpp - number and timestamp conversions shared by every
// reader and writer.
//
// Conventions
//  * Numbers: decimal or scientific notation, "nan", "inf" (any case, optional
//    sign).  Leading '+' is accepted.  Written back with the shortest text that
//    reads back to the same double (std::to_chars), so round trips are exact.
//  * Timestamps are int64 nanoseconds since 1970-01-01T00:00:00Z (UTC), with
//    kNoTime (INT64_MIN, pandas' NaT) meaning "absent".  Accepted text:
//    ISO 8601 "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fffffffff]]" ('T' or ' '),
//    followed by nothing (UTC), "Z", "+HH:MM", "+HHMM" or "+HH"; or Unix
//    seconds, integer or decimal ("1700000000", "1700000000.25").  Written back
//    as ISO 8601 UTC "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (same instant).
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

namespace ringleader {

inline constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();

namespace text {

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// Parses a whole field as a double. Returns false if it is not a number.
inline bool parse_double(std::string_view s, double& out) {
  s = trim(s);
  if (s.empty()) return false;
  bool neg = false;
  if (s.front() == '+' || s.front() == '-') {
    neg = s.front() == '-';
    s.remove_prefix(1);
    if (s.empty() || s.front() == '+' || s.front() == '-') return false;
  }
  if (iequals(s, "nan")) { out = std::numeric_limits<double>::quiet_NaN(); return true; }
  if (iequals(s, "inf") || iequals(s, "infinity")) {
    out = neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return true;
  }
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range && r.ptr == s.data() + s.size()) {
    // Overflow gives infinity, underflow zero (the IEEE meaning, as strtod).
    v = std::strtod(std::string(s).c_str(), nullptr);
    out = neg ? -v : v;
    return true;
  }
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
  out = neg ? -v : v;
  return true;
}

/// Shortest decimal text that reads back to exactly `v` ("nan", "inf", "-inf").
inline std::string format_double(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
inline std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

namespace detail {
inline bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}
inline bool mul_add(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t& out) {
  std::int64_t t;
  if (__builtin_mul_overflow(a, b, &t)) return false;
  return !__builtin_add_overflow(t, c, &out);
}
/// Digits of a decimal fraction starting at s[i] (advanced past them) as
/// nanoseconds; digits past the ninth are dropped.  False when there is none.
inline bool fraction(std::string_view s, std::size_t& i, std::int64_t& ns) {
  std::size_t digits = 0;
  ns = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
    if (digits < 9) ns = ns * 10 + (s[i] - '0');
  for (std::size_t d = digits; d < 9; ++d) ns *= 10;
  return digits > 0;
}
}  // namespace detail

/// Parses an ISO 8601 timestamp or Unix seconds into ns since the epoch (UTC).
/// `out_of_range` is set when the text is such a time but outside what int64
/// nanoseconds hold (1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z).
inline bool parse_timestamp(std::string_view s, std::int64_t& out, bool& out_of_range) {
  using detail::digits;
  out_of_range = false;
  s = trim(s);
  if (s.empty()) return false;
  // Unix seconds: optional sign, digits, optional fraction.
  {
    std::size_t i = 0;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+') { neg = s[0] == '-'; i = 1; }
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    std::size_t int_end = i;
    bool is_unix = int_end > start;
    std::int64_t frac = 0;
    if (is_unix && i < s.size() && s[i] == '.' && !detail::fraction(s, ++i, frac)) return false;
    if (is_unix && i == s.size()) {  // a bare number is always Unix seconds
      std::int64_t sec = 0;
      for (std::size_t k = start; k < int_end; ++k)
        if (!detail::mul_add(sec, 10, s[k] - '0', sec)) return !(out_of_range = true);
      std::int64_t ns;
      if (!detail::mul_add(sec, 1000000000LL, frac, ns)) return !(out_of_range = true);
      out = neg ? -ns : ns;
      if (out == kNoTime) return !(out_of_range = true);
      return true;
    }
  }
  int Y, M, D;
  if (!digits(s, 0, 4, Y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, M) || s[7] != '-' ||
      !digits(s, 8, 2, D))
    return false;
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (M < 1 || M > 12 || D < 1 || D > mdays[M - 1]) return false;
  bool leap = (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
  if (M == 2 && D == 29 && !leap) return false;
  int h = 0, mi = 0, sec = 0;
  std::int64_t frac = 0;
  std::int64_t offset_min = 0;
  std::size_t i = 10;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
    if (!digits(s, i + 1, 2, h) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2, mi))
      return false;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!digits(s, i + 1, 2, sec)) return false;
      i += 3;
      if (i < s.size() && (s[i] == '.' || s[i] == ',') && !detail::fraction(s, ++i, frac)) return false;
    }
    if (h > 23 || mi > 59 || sec > 60) return false;
    if (i < s.size()) {
      if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) {
        i = s.size();
      } else if (s[i] == '+' || s[i] == '-') {
        int sign = s[i] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(s, i + 1, 2, oh)) return false;
        std::size_t j = i + 3;
        if (j < s.size()) {
          if (s[j] == ':') ++j;
          if (!digits(s, j, 2, om) || j + 2 != s.size()) return false;
        }
        if (oh > 23 || om > 59) return false;
        offset_min = sign * (oh * 60 + om);
        i = s.size();
      } else {
        return false;
      }
    }
  }
  std::int64_t days = days_from_civil(Y, unsigned(M), unsigned(D));
  std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offset_min * 60;
  if (secs < 0 && frac > 0) {  // keep secs * 1e9 in range near INT64_MIN
    secs += 1;
    frac -= 1000000000LL;
  }
  std::int64_t ns;
  if (!detail::mul_add(secs, 1000000000LL, frac, ns) || ns == kNoTime) return !(out_of_range = true);
  out = ns;
  return true;
}

inline bool parse_timestamp(std::string_view s, std::int64_t& out) {
  bool out_of_range;
  return parse_timestamp(s, out, out_of_range);
}

/// Why `s` is not a timestamp, to follow "timestamp 'X' ": out of range, or
/// neither ISO 8601 nor Unix seconds.
inline std::string timestamp_problem(std::string_view s) {
  std::int64_t ns;
  bool out_of_range = false;
  parse_timestamp(s, ns, out_of_range);
  if (out_of_range)
    return "is outside the times that can be held (int64 nanoseconds since 1970: "
           "1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z)";
  return "is neither ISO 8601 (2024-03-01T12:00:00Z) nor Unix seconds";
}

/// ISO 8601 UTC text of a timestamp: "YYYY-MM-DDTHH:MM:SS[.fraction]Z"; "" for kNoTime.
inline std::string format_timestamp(std::int64_t ns) {
  if (ns == kNoTime) return std::string();
  std::int64_t secs = ns / 1000000000LL;
  std::int64_t frac = ns % 1000000000LL;
  if (frac < 0) { frac += 1000000000LL; secs -= 1; }
  std::int64_t days = secs / 86400, rem = secs % 86400;
  if (rem < 0) { rem += 86400; days -= 1; }
  std::int64_t y; unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d", static_cast<long long>(y), m, d,
                        int(rem / 3600), int(rem / 60 % 60), int(rem % 60));
  std::string out(buf, std::size_t(n));
  if (frac) {
    char fb[16];
    std::snprintf(fb, sizeof fb, ".%09lld", static_cast<long long>(frac));
    std::string f(fb);
    while (f.back() == '0') f.pop_back();
    out += f;
  }
  out += 'Z';
  return out;
}

/// Checks that `s` is valid UTF-8 without NUL bytes; on failure sets `bad`
/// to the offset of the first bad byte.
inline bool valid_utf8(std::string_view s, std::size_t& bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned c = p[i];
    if (c < 0x80) {
      if (c == 0) { bad = i; return false; }
      ++i;
      continue;
    }
    std::size_t len;
    unsigned min;
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; c &= 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; c &= 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; c &= 0x07; }
    else { bad = i; return false; }
    if (i + len > n) { bad = i; return false; }
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) { bad = i; return false; }
      c = (c << 6) | (p[i + k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) { bad = i; return false; }
    i += len;
  }
  return true;
}

}  // namespace text
}  // namespace ringleader
