// The binary network format (.rlnet): exact round trips, the golden file of
// the earlier Python writer, and a ParseError for every kind of damage.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>

#include <ringleader/ringleader.hpp>

#include "../support/random_network.hpp"

using namespace ringleader;

namespace {

const std::string kGolden = std::string(RINGLEADER_SOURCE_DIR) + "/tests/fixtures/binary/rich.rlnet";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void spit(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
}

/// A file name of its own in the temporary directory (the process id apart, as builds may test at once).
std::string temp_path(const std::string& name) {
  return std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/rl_test_binary_" +
         std::to_string(::getpid()) + "_" + name;
}

bool exists(const std::string& path) { return std::ifstream(path).good(); }

std::uint64_t u64(const std::string& b, std::size_t at) {
  std::uint64_t v;
  std::memcpy(&v, b.data() + at, 8);
  return v;
}

void set_u32(std::string& b, std::size_t at, std::uint32_t v) { std::memcpy(&b[at], &v, 4); }
void set_u64(std::string& b, std::size_t at, std::uint64_t v) { std::memcpy(&b[at], &v, 8); }

std::uint32_t crc(std::string_view s) {
  return std::uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(s.data()), s.size()));
}

std::size_t pad(std::size_t n) { return (n + 63) / 64 * 64; }
std::size_t payload_start(const std::string& b) { return 64 + pad(std::size_t(u64(b, 16))); }
std::string table_of(const std::string& b) { return b.substr(64, std::size_t(u64(b, 16))); }

/// `b` with the section table `table` and both checksums recomputed: damage
/// past the checksums, as a careless tool or an attacker would write it.
std::string resealed(const std::string& b, const std::string& table) {
  std::string payload = b.substr(payload_start(b));
  std::string out = b.substr(0, 64) + table + std::string(pad(table.size()) - table.size(), '\0') + payload;
  set_u64(out, 16, table.size());
  set_u32(out, 32, crc(table));
  set_u32(out, 36, crc(payload));
  return out;
}

std::string resealed(const std::string& b) { return resealed(b, table_of(b)); }

/// `s` with the first `from` replaced by `to` (which must be there).
std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

/// Byte position of section `name` in the file.
std::size_t section_at(const std::string& b, const std::string& name) {
  const std::string table = table_of(b);
  const std::size_t at = table.find("\"name\":\"" + name + "\"");
  REQUIRE(at != std::string::npos);
  const std::size_t off = table.find("\"offset\":", at) + 9;
  return payload_start(b) + std::stoull(table.substr(off));
}

Network from_bytes(const std::string& b, bool verify = true) {
  io::BinaryOptions o;
  o.verify = verify;
  return io::read_binary_bytes(b, "net.rlnet", o);
}

/// Requires reading `b` to throw a ParseError naming net.rlnet (line 0) whose text holds `text`.
void require_refused(const std::string& b, const std::string& text, bool verify = true) {
  try {
    from_bytes(b, verify);
    FAIL("no error for input expected to fail with: " << text);
  } catch (const ParseError& e) {
    INFO(e.what());
    CHECK(e.file() == "net.rlnet");
    CHECK(e.line() == 0);
    CHECK(std::string(e.what()).rfind("net.rlnet: ", 0) == 0);
    CHECK(std::string(e.what()).find(text) != std::string::npos);
  }
}

/// Ids, types, labels, timestamps, amounts, attributes of every kind with
/// missing values, unicode, a NUL inside a value, a self-loop, parallel edges.
Network rich(bool directed) {
  NetworkBuilder b(directed);
  std::size_t age = b.node_column("âge", Column::Kind::Number);
  std::size_t note = b.node_column("note", Column::Kind::String);
  std::size_t seen = b.node_column("seen", Column::Kind::Time);
  const char* ids[] = {"anna", "b\xC3\xB6", "c,d", "e\nf", "gap \xF0\x9F\x99\x82"};
  for (int i = 0; i < 5; ++i) {
    vertex_t v = b.add_node(ids[i], i % 2 ? "phone" : "person").first;
    b.set_label(v, i == 1 ? "" : std::string("label ") + ids[i]);
    if (i != 2) b.set_node_number(age, v, i * 1.5 - 2);
    if (i != 3) b.set_node_string(note, v, i == 0 ? std::string("nul\0inside", 10) : "\xC3\xBC");
    if (i % 2) b.set_node_time(seen, v, -1234567890123LL * i);
  }
  std::size_t channel = b.edge_column("channel", Column::Kind::String);
  std::size_t score = b.edge_column("score", Column::Kind::Number);
  b.add_edge(0, 1, "call", 1.0);
  b.add_edge(0, 1, "call", 2.5);
  b.add_edge(2, 2, "meets", -3.0);
  b.add_edge(4, 0, "transfer", 1e300);
  b.set_timestamp(0, 1);
  b.set_timestamp(3, -86400000000000LL);
  b.set_amount(1, 10.0);
  b.set_amount(3, 1e-9);
  b.set_edge_string(channel, 0, "sms");
  b.set_edge_number(score, 2, 0.5);
  return b.finish();
}

}  // namespace

TEST_CASE("binary: round trips random networks exactly, same bytes again", "[io][binary]") {
  std::mt19937 rng(20240601);
  for (int i = 0; i < 200; ++i) {
    INFO("network " << i);
    Network net = rltest::random_network(rng, i % 2 == 0, i < 20 ? 3 : 40);
    const std::string bytes = io::binary_bytes(net);
    REQUIRE(bytes.size() % 64 == 0);
    Network back = io::read_binary_bytes(bytes, "round.rlnet");
    rltest::require_same(net, back, true);
    REQUIRE(io::binary_bytes(back) == bytes);
  }
}

TEST_CASE("binary: strings, attributes, timestamps, amounts through a file", "[io][binary]") {
  const std::string path = temp_path("rich.rlnet");
  for (bool directed : {false, true}) {
    Network net = rich(directed);
    io::write_binary(net, path);
    CHECK_FALSE(exists(path + ".tmp"));
    for (bool map : {true, false}) {
      io::BinaryOptions o;
      o.mmap = map;
      Network back = io::read_binary(path, o);
      rltest::require_same(net, back, true);
      CHECK(back.nodes().attrs[1].strings[0] == std::string("nul\0inside", 10));
      CHECK(back.edges().has_timestamps());
      CHECK(back.edges().has_amounts());
      CHECK(back.nodes().labels.size() == 5);
    }
    io::BinaryHeader h = io::read_binary_header(path);
    CHECK(h.directed == directed);
    CHECK(h.nodes == 5);
    CHECK(h.edges == 4);
    CHECK(h.table.find("\"node_type_names\":[\"person\",\"phone\"]") != std::string::npos);
    CHECK(h.table.find("\"name\":\"\\u00e2ge\"") != std::string::npos);  // ASCII JSON, as Python writes it
    CHECK(io::read_binary_node_ids(path) == net.nodes().ids);
    CHECK(io::has_binary_magic(path));
  }
  std::remove(path.c_str());
}

TEST_CASE("binary: empty network and single node", "[io][binary]") {
  for (bool directed : {false, true}) {
    NetworkBuilder b0(directed);
    Network empty = b0.finish();
    const std::string e = io::binary_bytes(empty);
    Network back = io::read_binary_bytes(e, "e.rlnet");
    rltest::require_same(empty, back, true);
    CHECK(back.number_of_nodes() == 0);
    CHECK_FALSE(back.edges().has_timestamps());
    NetworkBuilder b1(directed);
    b1.add_node("solo", "person");
    Network one = b1.finish();
    rltest::require_same(one, io::read_binary_bytes(io::binary_bytes(one), "o.rlnet"), true);
  }
}

TEST_CASE("binary: the golden file of the Python writer reads and writes back bit-identically", "[io][binary]") {
  // tests/fixtures/binary/rich.rlnet: tests/python/test_binary.py's rich_network()
  // saved by the Python implementation of _binary.py (before the C++ one).
  const std::string golden = slurp(kGolden);
  REQUIRE(golden.size() > 64);
  for (bool map : {true, false}) {
    io::BinaryOptions o;
    o.mmap = map;
    Network net = io::read_binary(kGolden, o);
    REQUIRE(net.directed());
    REQUIRE(net.nodes().ids == std::vector<std::string>{"anna", "b\xC3\xB6", "c,d", "e\nf", "gap"});
    CHECK(net.node_type(net.at("e\nf")) == "venue");
    CHECK(net.nodes().labels[0] == "Anna");
    REQUIRE(net.number_of_edges() == 6);
    CHECK(net.edges().weight[3] == 1e300);
    CHECK(net.edges().timestamp[0] == 1704067200000000001LL);
    CHECK(net.edges().time(1) == kNoTime);
    CHECK(std::isnan(net.edges().amount[0]));
    CHECK(net.edges().amount[3] == 1e-9);
    REQUIRE(net.nodes().attrs.size() == 3);
    CHECK(net.nodes().attrs[0].name == "age");
    CHECK(net.nodes().attrs[1].kind == Column::Kind::Time);
    CHECK(net.nodes().attrs[2].strings[2] == "\xC3\xBC");
    REQUIRE(net.edges().attrs.size() == 2);
    CHECK(net.edges().attrs[0].strings[0] == "sms");
    CHECK(net.edges().attrs[1].kind == Column::Kind::Number);
    CHECK(io::binary_bytes(net) == golden);
  }
}

TEST_CASE("binary: truncated files", "[io][binary]") {
  const std::string b = io::binary_bytes(rich(true));
  for (std::size_t cut : {std::size_t(0), std::size_t(5), std::size_t(40), std::size_t(63), std::size_t(64),
                          b.size() / 2, b.size() - 1}) {
    INFO("cut at " << cut);
    require_refused(b.substr(0, cut), "truncated");
  }
  require_refused(b.substr(0, 63), "shorter than the 64-byte header");
  require_refused(b.substr(0, 100), "the header announces " + std::to_string(b.size()));
  // a table length near 2^64: the announced end does not wrap around
  std::string huge = b;
  set_u64(huge, 16, ~std::uint64_t(0) - 10);
  REQUIRE(u64(b, 24) < 8000);  // 64 + 2^64 + the payload, no wrap-around: 18446744073709551680 + the payload
  require_refused(huge, "the header announces 1844674407370955" + std::to_string(1680 + u64(b, 24)));
  set_u64(huge, 16, u64(b, 16));
  set_u64(huge, 24, ~std::uint64_t(0));
  require_refused(huge, "truncated");
  require_refused(b + std::string(1, '\0'), "1 unexpected bytes after the payload");
  // an empty file: through the memory map and through a buffer
  const std::string path = temp_path("empty.rlnet");
  spit(path, "");
  for (bool map : {true, false}) {
    io::BinaryOptions o;
    o.mmap = map;
    try {
      io::read_binary(path, o);
      FAIL("an empty file was read");
    } catch (const ParseError& e) {
      CHECK(e.file() == path);
      CHECK(std::string(e.what()).find("truncated") != std::string::npos);
    }
  }
  std::remove(path.c_str());
}

TEST_CASE("binary: corrupted header, wrong version, byte order, foreign files", "[io][binary]") {
  const std::string b = io::binary_bytes(rich(false));
  require_refused("source,target\na,b\n" + b.substr(18), "not a ringleader binary network (wrong magic bytes)");
  require_refused("source,target\n", "not a ringleader binary network");
  std::string v2 = b;
  set_u32(v2, 8, 2);
  require_refused(v2, "format version 2, but this ringleader reads version 1");
  std::string swapped = b;
  set_u32(swapped, 12, 0x04030201);
  require_refused(swapped, "other byte order");
}

TEST_CASE("binary: bad checksums", "[io][binary]") {
  const std::string b = io::binary_bytes(rich(true));
  std::string t = b;
  t[70] ^= 0x10;
  require_refused(t, "the section table's checksum does not match");
  require_refused(t, "the section table's checksum does not match", false);  // always checked
  for (std::size_t pos : {payload_start(b) + 3, b.size() - 70}) {
    std::string p = b;
    p[pos] ^= 0x10;
    require_refused(p, "the payload's checksum does not match");
  }
  std::string c = b;
  c[36] ^= 1;  // the stored checksum itself
  require_refused(c, "the payload's checksum does not match");
  // verify = false reads a changed weight without noticing (the documented trade)
  std::string w = b;
  w[section_at(b, "edge.weight") + 7] ^= 0x01;
  Network changed = from_bytes(w, false);
  CHECK(changed.edges().weight[0] != 1.0);
}

TEST_CASE("binary: bad section tables (checksums recomputed)", "[io][binary]") {
  const std::string b = io::binary_bytes(rich(true));
  const std::string t = table_of(b);
  require_refused(resealed(b, t.substr(0, t.size() - 1)), "the section table is not valid JSON");
  require_refused(resealed(b, "[1,2]"), "the section table is not a JSON object");
  require_refused(resealed(b, "{}"), "the section table lacks 'directed'");
  require_refused(resealed(b, "\xFF"), "not valid JSON");
  require_refused(resealed(b, replaced(t, "\"nodes\":5", "\"nodes\":-5")), "'s nodes is not a non-negative integer");
  require_refused(resealed(b, replaced(t, "\"nodes\":5", "\"nodes\":5.0")), "nodes is not a non-negative integer");
  require_refused(resealed(b, replaced(t, "\"directed\":true", "\"directed\":1")), "directed is not true or false");
  require_refused(resealed(b, replaced(t, "\"dtype\":\"<u2\"", "\"dtype\":2")), "sections[2].dtype is not a string");
  require_refused(resealed(b, replaced(t, ",\"kind\":\"number\"", "")), "node_attrs[0] lacks 'kind'");
  require_refused(resealed(b, replaced(t, "\"kind\":\"number\"", "\"kind\":\"complex\"")), "unknown kind 'complex'");
  require_refused(resealed(b, replaced(t, "\"edge_type_names\":[", "\"edge_type_names\":[7,")),
                  "edge_type_names[0] is not a string");
  require_refused(resealed(b, replaced(t, "\"node_type_names\":[\"person\",\"phone\"]",
                                       "\"node_type_names\":[\"person\",\"person\"]")),
                  "corrupt: duplicate node type name 'person'");
  require_refused(resealed(b, replaced(t, "\"name\":\"edge.amount\"", "\"name\":\"edge.weight\"")),
                  "names a section listed before");
  // counts that disagree with the sections
  require_refused(resealed(b, replaced(t, "\"nodes\":5", "\"nodes\":4")), "string section 'node.id' has bad offsets");
  require_refused(resealed(b, replaced(t, "\"nodes\":5", "\"nodes\":18446744073709551615")), "bad offsets");
  require_refused(resealed(b, replaced(t, "\"edges\":4", "\"edges\":3")),
                  "section 'edge.source' has 4 values, the section table announces 3");
  // without has_labels the label sections belong to no table
  require_refused(resealed(b, replaced(t, "\"has_labels\":true", "\"has_labels\":false")),
                  "section 'node.label.data' is listed but belongs to no table");
  // the string "false" is not false; keys the format does not have; nesting
  require_refused(resealed(b, replaced(t, "\"directed\":true", "\"directed\":\"false\"")),
                  "directed is not true or false");
  require_refused(resealed(b, replaced(t, "\"nodes\":5", "\"extra\":1,\"nodes\":5")),
                  "the section table has the unknown key 'extra'");
  require_refused(resealed(b, replaced(t, "\"kind\":\"number\"", "\"kind\":\"number\",\"x\":0")),
                  "the section table's node_attrs[0] has the unknown key 'x'");
  require_refused(resealed(b, replaced(t, "\"offset\":0,", "\"offset\":0,\"crc\":0,")),
                  "the section table's sections[0] has the unknown key 'crc'");
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  require_refused(resealed(b, replaced(t, "\"nodes\":5", "\"nodes\":" + deep)), "deeper than the format's 3 levels");
  require_refused(resealed(b, replaced(t, "\"node_type_names\":[", "\"node_type_names\":[[\"[[[\"],")),
                  "node_type_names[0] is not a string");  // brackets inside strings do not nest
}

TEST_CASE("binary: sections out of range, bad dtypes, bad strings", "[io][binary]") {
  const std::string b = io::binary_bytes(rich(true));
  const std::string t = table_of(b);
  auto moved = [&](const std::string& name, const std::string& field, const std::string& value) {
    const std::size_t at = t.find("\"name\":\"" + name + "\"");
    const std::size_t f = t.find("\"" + field + "\":", at) + field.size() + 3;
    const std::size_t end = t.find_first_of(",}", f);
    std::string changed = t;
    return resealed(b, changed.replace(f, end - f, value));
  };
  require_refused(moved("edge.weight", "offset", "1000000"), "section 'edge.weight' lies outside the payload");
  require_refused(moved("edge.weight", "offset", "18446744073709551615"), "lies outside the payload");
  require_refused(moved("edge.weight", "length", "2305843009213693952"), "lies outside the payload");  // 2^61 * 8 wraps
  require_refused(moved("node.id.data", "length", "100000"), "section 'node.id.data' lies outside the payload");
  require_refused(moved("node.type", "dtype", "\"<u4\""), "section 'node.type' has dtype '<u4', expected '<u2'");
  require_refused(moved("node.type", "dtype", "\"uint16\""), "section 'node.type' has the unknown dtype 'uint16'");
  const std::string source_at = std::to_string(section_at(b, "edge.source") - payload_start(b));
  require_refused(moved("edge.weight", "offset", source_at), "sections 'edge.source' and 'edge.weight' overlap");
  // many columns on one range would read far more than the file holds
  require_refused(resealed(b, replaced(t, "\"section\":\"edge.attr1\"", "\"section\":\"edge.attr0\"")),
                  "section 'edge.attr0' is named by two attribute columns");
  require_refused(resealed(b, replaced(t, "\"name\":\"edge.target\"", "\"name\":\"edge.targets\"")),
                  "section 'edge.target' is missing");
  // a section no table reads (also the undescribed payload it would hide)
  const std::string extra = "{\"name\":\"spare\",\"dtype\":\"|u1\",\"offset\":0,\"length\":0},";
  require_refused(resealed(b, replaced(t, "\"sections\":[", "\"sections\":[" + extra)),
                  "section 'spare' is listed but belongs to no table");
  // string offsets: decreasing, past the data; bytes that are not UTF-8
  std::string dec = b;
  set_u64(dec, section_at(b, "node.id.offsets") + 8, 100);
  require_refused(resealed(dec), "string section 'node.id' has bad offsets");
  std::string past = b;
  const std::size_t ids = section_at(b, "node.id.offsets");
  set_u64(past, ids + 5 * 8, u64(b, ids + 5 * 8) + 1);
  require_refused(resealed(past), "string section 'node.id' has bad offsets");
  std::string utf = b;
  utf[section_at(b, "node.id.data")] = '\xFF';
  require_refused(resealed(utf), "string section 'node.id' is not valid UTF-8");
  // content the checksums cover but no network can have
  std::string target = b;
  set_u32(target, section_at(b, "edge.target"), 7);
  require_refused(resealed(target), "corrupt: edge 0 names a vertex index out of range");
  std::string type = b;
  type[section_at(b, "edge.type")] = 9;
  require_refused(resealed(type), "corrupt: inconsistent network tables: edge type index");
  std::string weight = b;
  set_u64(weight, section_at(b, "edge.weight"), 0x7FF8000000000000ull);
  require_refused(resealed(weight), "corrupt: edge 0 has a NaN or infinite weight");
  std::string dup = b;  // ids "anna" "b\xC3\xB6" "c,d" ...: the third becomes the second
  dup.replace(section_at(b, "node.id.data") + 7, 3, "b\xC3\xB6");
  require_refused(resealed(dup), "corrupt: duplicate node id 'b\xC3\xB6'");
  std::string empty = b;  // the first id ends where it starts
  set_u64(empty, ids + 8, 0);
  require_refused(resealed(empty), "corrupt: empty node id");
}

TEST_CASE("binary: files, paths and the safe write", "[io][binary]") {
  Network net = rich(false);
  const std::string dir = temp_path("no_such_dir");
  try {
    io::write_binary(net, dir + "/x.rlnet");
    FAIL("wrote into a missing directory");
  } catch (const InvalidArgument&) {
    FAIL("a missing directory is not an argument error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).rfind(dir + "/x.rlnet: cannot write file", 0) == 0);
  }
  CHECK_THROWS_AS(io::write_binary(net, std::string("a\0b.rlnet", 9)), InvalidArgument);
  CHECK_THROWS_AS(io::read_binary(std::string("a\0b.rlnet", 9)), InvalidArgument);
  CHECK_FALSE(exists("a"));
  try {
    io::read_binary(dir + "/missing.rlnet");
    FAIL("read a missing file");
  } catch (const ParseError& e) {
    CHECK(e.file() == dir + "/missing.rlnet");
    CHECK(std::string(e.what()).find("cannot open file") != std::string::npos);
  }
  try {
    io::read_binary(std::string(RINGLEADER_SOURCE_DIR) + "/tests");
    FAIL("read a directory");
  } catch (const ParseError& e) {
    CHECK(std::string(e.what()).find("is a directory") != std::string::npos);
  }
  CHECK_FALSE(io::has_binary_magic(std::string(RINGLEADER_SOURCE_DIR) + "/examples/sample/edges.csv"));
  CHECK_FALSE(io::has_binary_magic(dir + "/missing.rlnet"));
  // the write replaces an existing file whole, through a temporary file of
  // its own (a file at the old predictable name NAME.tmp is left alone)
  const std::string path = temp_path("replace.rlnet");
  spit(path, "old contents");
  spit(path + ".tmp", "not ours");
  io::write_binary(net, path);
  CHECK(slurp(path) == io::binary_bytes(net));
  CHECK(slurp(path + ".tmp") == "not ours");
  std::remove(path.c_str());
  std::remove((path + ".tmp").c_str());
  // text that is not UTF-8 cannot be stored
  NetworkBuilder b(false);
  b.add_node("caf\xE9", "person");
  CHECK_THROWS_WITH(io::binary_bytes(b.finish()), Catch::Contains("node id #0 is not valid UTF-8"));
}
