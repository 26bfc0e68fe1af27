// Numbers and timestamps: parsing, formatting, exact round trips.
#include <catch2/catch.hpp>

#include <cstring>
#include <limits>
#include <random>

#include <ringleader/core/error.hpp>
#include <ringleader/core/text.hpp>

using namespace ringleader;

TEST_CASE("timestamps: ISO 8601 and Unix seconds", "[core][time]") {
  std::int64_t t = 0;
  REQUIRE(text::parse_timestamp("1970-01-01", t));
  CHECK(t == 0);
  REQUIRE(text::parse_timestamp("2024-03-01T12:30:15.5Z", t));
  CHECK(t == (1709296215LL * 1000000000LL + 500000000LL));
  std::int64_t u;
  REQUIRE(text::parse_timestamp("2024-03-01 14:30:15.5+02:00", u));
  CHECK(u == t);
  REQUIRE(text::parse_timestamp("2024-03-01T07:30:15.500-0500", u));
  CHECK(u == t);
  REQUIRE(text::parse_timestamp("1709296215.5", u));
  CHECK(u == t);
  REQUIRE(text::parse_timestamp("-1", u));
  CHECK(u == -1000000000LL);
  for (const char* bad : {"", "2024-02-30", "2023-02-29", "2024-13-01", "2024-01-01T25:00", "2024-01-01X",
                          "01/02/2024", "yesterday", "2024-01-01T10:00:00+25:00", "1.", "99999999999999999999"})
    CHECK_FALSE(text::parse_timestamp(bad, u));
  CHECK_FALSE(text::parse_timestamp("1677-09-21T00:12:43.145224192Z", u));  // INT64_MIN is NaT, not an instant
  CHECK(text::parse_timestamp("1677-09-21T00:12:43.145224193Z", u));
  CHECK(text::format_timestamp(t) == "2024-03-01T12:30:15.5Z");
  CHECK(text::format_timestamp(kNoTime).empty());
}

TEST_CASE("timestamps: out of range is told apart from unreadable", "[core][time]") {
  std::int64_t u = 0;
  bool out_of_range = false;
  for (const char* far : {"2262-04-11T23:47:17Z", "1677-01-01", "1677-09-21T00:12:43.145224192Z", "9999-12-31",
                          "99999999999", "-99999999999", "99999999999999999999"}) {
    INFO(far);
    CHECK_FALSE(text::parse_timestamp(far, u, out_of_range));
    CHECK(out_of_range);
    CHECK(text::timestamp_problem(far).rfind("is outside the times that can be held (int64 nanoseconds", 0) == 0);
  }
  for (const char* bad : {"", "2024-13-01", "2023-02-29", "yesterday", "1.", "2262-04-11T25:00"}) {
    INFO(bad);
    CHECK_FALSE(text::parse_timestamp(bad, u, out_of_range));
    CHECK_FALSE(out_of_range);
    CHECK(text::timestamp_problem(bad) == "is neither ISO 8601 (2024-03-01T12:00:00Z) nor Unix seconds");
  }
  CHECK(text::parse_timestamp("2262-04-11T23:47:16.854775807Z", u, out_of_range));
  CHECK_FALSE(out_of_range);
}

TEST_CASE("timestamps: format then parse gives the same instant over the whole range", "[core][time]") {
  std::mt19937_64 rng(9);
  std::vector<std::int64_t> cases = {0, 1, -1, kNoTime + 1, std::numeric_limits<std::int64_t>::max(),
                                     -999999999, 951782400000000000LL /* 2000-02-29 */};
  for (int i = 0; i < 20000; ++i) cases.push_back(std::int64_t(rng()));
  for (auto ns : cases) {
    if (ns == kNoTime) continue;
    std::string s = text::format_timestamp(ns);
    std::int64_t back = 0;
    INFO(ns << " -> " << s);
    REQUIRE(text::parse_timestamp(s, back));
    REQUIRE(back == ns);
  }
}

TEST_CASE("numbers: shortest exact text", "[core][number]") {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 20000; ++i) {
    std::uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isnan(d)) continue;
    double back = 0;
    REQUIRE(text::parse_double(text::format_double(d), back));
    REQUIRE(back == d);
  }
  double x;
  CHECK(text::parse_double(" 2.5 ", x));
  CHECK(x == 2.5);
  CHECK(text::parse_double("+1e3", x));
  CHECK(x == 1000);
  CHECK(text::parse_double("1e999", x));
  CHECK(std::isinf(x));
  CHECK(text::parse_double("-1e-999", x));
  CHECK(x == 0);
  CHECK(text::parse_double("0." + std::string(400, '0') + "1", x));  // underflow without an exponent
  CHECK(x == 0);
  CHECK(text::parse_double("1" + std::string(400, '0'), x));
  CHECK(std::isinf(x));
  CHECK(text::parse_double("NaN", x));
  CHECK(std::isnan(x));
  for (const char* bad : {"", "abc", "1,5", "--1", "1e", "0x10", "1 2"}) CHECK_FALSE(text::parse_double(bad, x));
}

TEST_CASE("UTF-8 validation", "[core][text]") {
  std::size_t bad = 0;
  CHECK(text::valid_utf8("plain ascii, 李, é, 🙂", bad));
  CHECK_FALSE(text::valid_utf8("ab\xC3", bad));
  CHECK(bad == 2);
  CHECK_FALSE(text::valid_utf8("\xED\xA0\x80", bad));  // surrogate
  CHECK_FALSE(text::valid_utf8("\xC0\x80", bad));      // overlong
  CHECK_FALSE(text::valid_utf8(std::string_view("a\0b", 3), bad));
}

TEST_CASE("error messages show control characters escaped", "[core][error]") {
  const std::string hostile = std::string("id \x1b]0;PWNED\x07\x1b[2J end \xc2\x9b" "5m") + '\0' + "x";
  const InvalidArgument e("unknown node '" + hostile + "'\nsecond line");
  CHECK(std::string(e.what()) == "unknown node 'id \\x1B]0;PWNED\\x07\\x1B[2J end \\u009B5m\\x00x'\nsecond line");
  const ParseError p("f\x1b.csv", 2, 3, "bad id '" + hostile + "'");
  CHECK(std::string(p.what()).find('\x1b') == std::string::npos);
  CHECK(p.message().find('\x1b') == std::string::npos);
  CHECK(p.message().find("\\x1B]0;PWNED") != std::string::npos);
  // ordinary text, UTF-8 included, is unchanged
  CHECK(std::string(InvalidArgument("Müller 李 \xc2\xa0 ok").what()) == "Müller 李 \xc2\xa0 ok");
  CHECK(std::string(InvalidArgument("\xF0\x9F\x99\x82 \xF4\x8F\xBF\xBF").what()) == "\xF0\x9F\x99\x82 \xF4\x8F\xBF\xBF");
}

TEST_CASE("error messages show bytes that are not UTF-8 escaped", "[core][error]") {
  // a lone byte, a cut sequence, an overlong form, a surrogate, past U+10FFFF
  CHECK(std::string(InvalidArgument("a\xFF" "b").what()) == "a\\xFFb");
  CHECK(std::string(InvalidArgument("\xE2\x82").what()) == "\\xE2\\x82");
  CHECK(std::string(InvalidArgument("\xC0\xAF").what()) == "\\xC0\\xAF");
  CHECK(std::string(InvalidArgument("\xED\xA0\x80").what()) == "\\xED\\xA0\\x80");
  CHECK(std::string(InvalidArgument("\xF4\x90\x80\x80").what()) == "\\xF4\\x90\\x80\\x80");
  const ParseError p("n.rlnet", 0, 0, "last read: '\"\xFF'");
  CHECK(p.message() == "last read: '\"\\xFF'");
  std::size_t bad = 0;
  CHECK(text::valid_utf8(p.what(), bad));
}
