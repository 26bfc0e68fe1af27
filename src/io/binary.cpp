// The compact binary network format (see ringleader/io/binary.hpp).
//
// Writing: a Layout lists the sections of a network (pointers into its
// vectors; string columns are encoded into owned offset and byte buffers),
// places them, writes the JSON section table and both CRC-32s, and then emits
// header, table and payload, piece by piece, to a file or a string.
// Reading: an Input holds the bytes of a file (a read-only memory map, or a
// buffer), a File checks header, sizes, checksums and section table, and
// hands out sections copied into vectors, checked against the payload's
// extent first; build() assembles the Network, which checks the rest.
#include "ringleader/io/binary.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <utility>

#include "ringleader/core/memory.hpp"
#include "ringleader/core/text.hpp"
#include "ringleader/io/output.hpp"
#include "ringleader/io/source.hpp"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "io/binary.cpp copies arrays as little-endian bytes: add byte swaps for this machine first"
#endif

namespace ringleader::io {
namespace {

constexpr char kMagic[8] = {'R', 'L', 'N', 'E', 'T', 'B', 'I', 'N'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::uint64_t kHeaderBytes = 64;
constexpr std::uint64_t kAlign = 64;
const unsigned char kZeros[kAlign] = {};

__extension__ typedef unsigned __int128 u128;  // sizes announced by untrusted headers, without overflow

std::uint64_t pad(std::uint64_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

std::string decimal(u128 v) {
  std::string s;
  do {
    s.insert(s.begin(), char('0' + int(v % 10)));
    v /= 10;
  } while (v);
  return s;
}

std::uint32_t crc32_of(std::uint32_t crc, const void* data, std::uint64_t bytes) {
  // zlib's crc32 of a null pointer is 0 whatever the running value: skip empty pieces
  return bytes ? std::uint32_t(crc32_z(crc, static_cast<const Bytef*>(data), z_size_t(bytes))) : crc;
}

template <class T>
T load(const unsigned char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <class T>
void store(unsigned char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

/// UTF-8 as Python's decoder reads it: text::valid_utf8, NUL allowed.
bool valid_text(std::string_view s) {
  std::size_t bad = 0;
  while (!text::valid_utf8(s, bad)) {
    if (s[bad] != '\0') return false;
    s.remove_prefix(bad + 1);
  }
  return true;
}

[[noreturn]] void fail(const std::string& where, const std::string& problem) {
  throw ParseError(where, 0, 0, problem);
}

// ---- writing ----------------------------------------------------------------

/// One section of the payload: its bytes and its entry in the section table.
struct Piece {
  std::string name;
  const char* dtype;
  const void* data;
  std::uint64_t count, bytes, offset;
};

class Layout {
 public:
  explicit Layout(const Network& net);
  std::uint64_t file_bytes() const { return kHeaderBytes + pad(table_.size()) + payload_; }

  /// Calls out(pointer, bytes) on the pieces of the file, in order (never
  /// with 0 bytes).
  template <class Out>
  void emit(Out&& out) const {
    out(header_, kHeaderBytes);
    if (!table_.empty()) out(table_.data(), table_.size());
    if (pad(table_.size()) > table_.size()) out(kZeros, pad(table_.size()) - table_.size());
    payload(out);
  }

 private:
  template <class Out>
  void payload(Out&& out) const {
    for (const Piece& p : pieces_) {
      const std::uint64_t end = p.offset + p.bytes;
      if (p.bytes) out(p.data, p.bytes);
      if (pad(end) > end) out(kZeros, pad(end) - end);
    }
  }
  void add(std::string name, const char* dtype, const void* data, std::uint64_t count, std::uint64_t item) {
    pieces_.push_back({std::move(name), dtype, data, count, count * item, payload_});
    payload_ = pad(payload_ + count * item);
  }
  template <class T>
  void add(std::string name, const char* dtype, const std::vector<T>& v) {
    add(std::move(name), dtype, v.data(), v.size(), sizeof(T));
  }
  void add_strings(const std::string& name, const std::vector<std::string>& values, const std::string& what);
  nlohmann::ordered_json columns(const char* side, const std::vector<Column>& cols);

  std::deque<std::vector<std::uint64_t>> offsets_;  // owned string sections (stable addresses)
  std::deque<std::string> bytes_;
  std::vector<Piece> pieces_;
  std::uint64_t payload_ = 0;
  std::string table_;
  unsigned char header_[kHeaderBytes] = {};
};

void Layout::add_strings(const std::string& name, const std::vector<std::string>& values, const std::string& what) {
  std::vector<std::uint64_t>& off = offsets_.emplace_back();
  std::string& data = bytes_.emplace_back();
  off.reserve(values.size() + 1);
  off.push_back(0);
  std::size_t total = 0;
  for (const auto& v : values) total += v.size();
  data.reserve(total);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!valid_text(values[i]))
      throw InvalidArgument(what + " #" + std::to_string(i) + " is not valid UTF-8, which the binary format stores");
    data += values[i];
    off.push_back(data.size());
  }
  add(name + ".offsets", "<u8", off);
  add(name + ".data", "|u1", data.data(), data.size(), 1);
}

nlohmann::ordered_json Layout::columns(const char* side, const std::vector<Column>& cols) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const Column& c = cols[i];
    const std::string key = std::string(side) + ".attr" + std::to_string(i);
    if (!valid_text(c.name))
      throw InvalidArgument(std::string(side) + " attribute name #" + std::to_string(i) + " is not valid UTF-8");
    const char* kind = c.kind == Column::Kind::Number ? "number" : c.kind == Column::Kind::Time ? "time" : "string";
    out.push_back({{"name", c.name}, {"kind", kind}, {"section", key}});
    if (c.kind == Column::Kind::Number) add(key, "<f8", c.numbers);
    else if (c.kind == Column::Kind::Time) add(key, "<i8", c.times);
    else add_strings(key, c.strings, std::string(side) + " attribute '" + c.name + "' value");
  }
  return out;
}

std::vector<std::string> checked_names(const TypeTable& types, const char* what) {
  for (std::size_t i = 0; i < types.size(); ++i)
    if (!valid_text(types.names()[i]))
      throw InvalidArgument(std::string(what) + " type name #" + std::to_string(i) + " is not valid UTF-8");
  return types.names();
}

Layout::Layout(const Network& net) {
  const NodeTable& nt = net.nodes();
  const EdgeTable& et = net.edges();
  add_strings("node.id", nt.ids, "node id");
  add("node.type", "<u2", nt.type);
  const bool labels = !nt.labels.empty();
  if (labels) add_strings("node.label", nt.labels, "label");
  add("edge.source", "<u4", et.source);
  add("edge.target", "<u4", et.target);
  add("edge.type", "<u2", et.type);
  add("edge.weight", "<f8", et.weight);
  if (et.has_timestamps()) add("edge.timestamp", "<i8", et.timestamp);
  if (et.has_amounts()) add("edge.amount", "<f8", et.amount);

  nlohmann::ordered_json table;  // keys in the documented order
  table["directed"] = net.directed();
  table["nodes"] = std::uint64_t(nt.size());
  table["edges"] = std::uint64_t(et.size());
  table["node_type_names"] = checked_names(nt.types, "node");
  table["edge_type_names"] = checked_names(et.types, "edge");
  table["has_labels"] = labels;
  table["node_attrs"] = columns("node", nt.attrs);
  table["edge_attrs"] = columns("edge", et.attrs);
  nlohmann::ordered_json& sections = table["sections"] = nlohmann::ordered_json::array();
  for (const Piece& p : pieces_)
    sections.push_back({{"name", p.name}, {"dtype", p.dtype}, {"offset", p.offset}, {"length", p.count}});
  table_ = table.dump(-1, ' ', true);  // compact and ASCII, as Python's json.dumps(separators=(",", ":"))

  std::uint32_t payload_crc = 0;
  payload([&](const void* p, std::uint64_t n) { payload_crc = crc32_of(payload_crc, p, n); });
  std::memcpy(header_, kMagic, sizeof kMagic);
  store<std::uint32_t>(header_ + 8, kVersion);
  store<std::uint32_t>(header_ + 12, kByteOrderMark);
  store<std::uint64_t>(header_ + 16, table_.size());
  store<std::uint64_t>(header_ + 24, payload_);
  store<std::uint32_t>(header_ + 32, crc32_of(0, table_.data(), table_.size()));
  store<std::uint32_t>(header_ + 36, payload_crc);
}

// ---- reading ----------------------------------------------------------------

/// The bytes of a file: a read-only memory map, or a buffer.
class Input {
 public:
  Input(const std::string& path, bool map);
  ~Input() {
    if (map_) ::munmap(map_, size_);
  }
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;
  std::string_view bytes() const {
    return map_ ? std::string_view(static_cast<const char*>(map_), size_) : std::string_view(buffer_);
  }

 private:
  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::string buffer_;
};

Input::Input(const std::string& path, bool map) {
  check_path(path);
  check_regular_file(path);  // before open(): a FIFO would block it
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, std::string("cannot open file: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(path, std::string("cannot read file: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail(path, "is a directory, not a file: give the path of the file to read");
  if (map && S_ISREG(st.st_mode)) {
    if (st.st_size == 0) fail(path, "truncated: the file is empty");
    void* p = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    if (p != MAP_FAILED) {
      map_ = p;
      size_ = std::size_t(st.st_size);
      return;
    }  // else read it (a file system without mmap)
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    memory::reserve_check(std::uint64_t(st.st_size), path + ": the file's contents");
    buffer_.reserve(std::size_t(st.st_size));
  }
  char chunk[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail(path, std::string("cannot read file: ") + std::strerror(errno));
    if (got == 0) break;
    if (buffer_.size() + std::size_t(got) > std::uint64_t(st.st_size))  // outgrew its size: check as it grows
      memory::reserve_check(memory::add(buffer_.size(), std::uint64_t(got)), path + ": the file's contents");
    buffer_.append(chunk, std::size_t(got));
  }
}

struct Section {
  std::string dtype;
  std::uint64_t offset = 0, length = 0;
};

/// Bytes per item of a numpy dtype string such as "<u4" or "|u1"; 0 when it is not one.
std::uint64_t item_bytes(const std::string& dtype) {
  if (dtype.size() < 3 || dtype.size() > 4 || std::strchr("<>|=", dtype[0]) == nullptr ||
      !std::isalpha(static_cast<unsigned char>(dtype[1])))
    return 0;
  std::uint64_t n = 0;
  for (std::size_t i = 2; i < dtype.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(dtype[i]))) return 0;
    n = n * 10 + std::uint64_t(dtype[i] - '0');
  }
  return n;
}

struct Attr {
  std::string name, kind, section;
};

struct Table {
  bool directed = false, has_labels = false;
  std::uint64_t nodes = 0, edges = 0;
  std::vector<std::string> node_types, edge_types;
  std::vector<Attr> node_attrs, edge_attrs;
  std::unordered_map<std::string, Section> sections;
};

/// Typed access to the fields of the section table; a missing or mistyped
/// field is a ParseError naming its path (e.g. sections[2].offset).
class TableReader {
 public:
  explicit TableReader(const std::string& where) : where_(where) {}

  Table read(std::string_view source) const {
    if (depth(source) > kMaxDepth)
      fail(where_, "corrupt: the section table nests lists or objects deeper than the format's " +
                       std::to_string(kMaxDepth) + " levels");
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(source.begin(), source.end());
    } catch (const nlohmann::json::exception& e) {
      std::string what = e.what();
      const std::size_t cut = what.find("] ");  // drop nlohmann's "[json.exception.parse_error.101] "
      fail(where_, "corrupt: the section table is not valid JSON (" +
                       (cut == std::string::npos ? what : what.substr(cut + 2)) + ")");
    }
    if (!j.is_object()) bad("", "is not a JSON object");
    only(j, {"directed", "nodes", "edges", "node_type_names", "edge_type_names", "has_labels", "node_attrs",
             "edge_attrs", "sections"}, "");
    Table t;
    t.directed = boolean(j, "directed", "");
    t.nodes = count(j, "nodes", "");
    t.edges = count(j, "edges", "");
    t.node_types = texts(j, "node_type_names", "");
    t.edge_types = texts(j, "edge_type_names", "");
    t.has_labels = boolean(j, "has_labels", "");
    t.node_attrs = attrs(j, "node_attrs");
    t.edge_attrs = attrs(j, "edge_attrs");
    const nlohmann::json& sections = list(j, "sections", "");
    for (std::size_t i = 0; i < sections.size(); ++i) {
      const std::string at = "sections[" + std::to_string(i) + "]";
      const nlohmann::json& s = object(sections[i], at);
      only(s, {"name", "dtype", "offset", "length"}, at);
      Section sec{text(s, "dtype", at), count(s, "offset", at), count(s, "length", at)};
      if (!t.sections.emplace(text(s, "name", at), std::move(sec)).second)
        bad(at, "names a section listed before");
    }
    return t;
  }

 private:
  /// The written table nests three levels (the table, a list, its objects).
  static constexpr std::size_t kMaxDepth = 3;
  /// The deepest nesting of lists and objects in JSON text, outside strings
  /// (checked before parsing: no parser recursion on crafted input).
  static std::size_t depth(std::string_view s) {
    std::size_t d = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (const char c : s) {
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        deepest = std::max(deepest, ++d);
      } else if ((c == ']' || c == '}') && d > 0) {
        --d;
      }
    }
    return deepest;
  }
  /// Refuses keys the format does not have (a table is the writer's, exactly).
  void only(const nlohmann::json& o, std::initializer_list<const char*> keys, const std::string& at) const {
    for (auto it = o.begin(); it != o.end(); ++it)
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
        bad(at, "has the unknown key '" + it.key() + "'");
  }
  [[noreturn]] void bad(const std::string& path, const std::string& problem) const {
    fail(where_, "corrupt: the section table" + (path.empty() ? std::string() : "'s " + path) + " " + problem);
  }
  const nlohmann::json& field(const nlohmann::json& o, const char* key, const std::string& at) const {
    auto it = o.find(key);
    if (it == o.end()) bad(at, std::string("lacks '") + key + "'");
    return *it;
  }
  static std::string path(const std::string& at, const char* key) { return at.empty() ? key : at + "." + key; }
  const nlohmann::json& object(const nlohmann::json& v, const std::string& at) const {
    if (!v.is_object()) bad(at, "is not a JSON object");
    return v;
  }
  bool boolean(const nlohmann::json& o, const char* key, const std::string& at) const {
    const nlohmann::json& v = field(o, key, at);
    if (!v.is_boolean()) bad(path(at, key), "is not true or false");
    return v.get<bool>();
  }
  std::uint64_t count(const nlohmann::json& o, const char* key, const std::string& at) const {
    const nlohmann::json& v = field(o, key, at);
    if (!v.is_number_unsigned()) bad(path(at, key), "is not a non-negative integer");
    return v.get<std::uint64_t>();
  }
  std::string text(const nlohmann::json& o, const char* key, const std::string& at) const {
    const nlohmann::json& v = field(o, key, at);
    if (!v.is_string()) bad(path(at, key), "is not a string");
    return v.get<std::string>();
  }
  const nlohmann::json& list(const nlohmann::json& o, const char* key, const std::string& at) const {
    const nlohmann::json& v = field(o, key, at);
    if (!v.is_array()) bad(path(at, key), "is not a list");
    return v;
  }
  std::vector<std::string> texts(const nlohmann::json& o, const char* key, const std::string& at) const {
    const nlohmann::json& v = list(o, key, at);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) bad(path(at, key) + "[" + std::to_string(i) + "]", "is not a string");
      out.push_back(v[i].get<std::string>());
    }
    return out;
  }
  std::vector<Attr> attrs(const nlohmann::json& o, const char* key) const {
    const nlohmann::json& v = list(o, key, "");
    std::vector<Attr> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
      const nlohmann::json& a = object(v[i], at);
      only(a, {"name", "kind", "section"}, at);
      out.push_back({text(a, "name", at), text(a, "kind", at), text(a, "section", at)});
    }
    return out;
  }
  const std::string& where_;
};

/// The checked header and section table of a file, and its payload.
class File {
 public:
  File(std::string_view bytes, const std::string& where, bool verify);
  const Table& table() const { return table_; }
  std::string_view table_text() const { return table_text_; }
  bool has(const std::string& name) const { return table_.sections.count(name) != 0; }

  /// Section `name` as `count` values of T, stored with numpy dtype `dtype`.
  template <class T>
  std::vector<T> array(const std::string& name, const char* dtype, std::uint64_t count) const {
    std::string_view s = section(name, dtype, sizeof(T));
    if (s.size() / sizeof(T) != count)
      fail(where_, "corrupt: section '" + name + "' has " + std::to_string(s.size() / sizeof(T)) +
                       " values, the section table announces " + std::to_string(count));
    std::vector<T> out(count);
    if (count) std::memcpy(out.data(), s.data(), s.size());
    return out;
  }
  /// String column `name` (sections name.offsets and name.data) of `count` values.
  std::vector<std::string> strings(const std::string& name, std::uint64_t count) const;
  /// Refuses a listed section that no table read (once the network is built).
  void check_all_read() const;

 private:
  std::string_view section(const std::string& name, const char* dtype, std::size_t item) const;
  void check_sections() const;
  const std::string& where_;
  std::string_view table_text_, payload_;
  Table table_;
  mutable std::set<std::string> read_;  // the sections handed out
};

File::File(std::string_view b, const std::string& where, bool verify) : where_(where) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data());
  if (b.size() < kHeaderBytes) {
    if (b.size() >= 8 && std::memcmp(p, kMagic, 8) != 0)
      fail(where, "not a ringleader binary network (wrong magic bytes)");
    fail(where, "truncated: " + std::to_string(b.size()) + " bytes, shorter than the 64-byte header");
  }
  if (std::memcmp(p, kMagic, 8) != 0)
    fail(where, "not a ringleader binary network (wrong magic bytes); write one with net.save(path)");
  if (load<std::uint32_t>(p + 12) != kByteOrderMark)
    fail(where, "written with another byte order (big-endian machine); this reader reads little-endian files: "
                "save it again on this machine from its source data");
  const std::uint32_t version = load<std::uint32_t>(p + 8);
  if (version != kVersion)
    fail(where, "format version " + std::to_string(version) + ", but this ringleader reads version " +
                    std::to_string(kVersion) + ": use the ringleader version that wrote it, or save the network again");
  const std::uint64_t table_bytes = load<std::uint64_t>(p + 16), payload_bytes = load<std::uint64_t>(p + 24);
  const u128 start = kHeaderBytes + (u128(table_bytes) + kAlign - 1) / kAlign * kAlign;
  const u128 end = start + payload_bytes;
  if (b.size() < end)
    fail(where, "truncated: " + std::to_string(b.size()) + " bytes, the header announces " + decimal(end));
  if (b.size() > end)
    fail(where, std::to_string(b.size() - std::size_t(end)) + " unexpected bytes after the payload (corrupt file)");
  table_text_ = b.substr(kHeaderBytes, std::size_t(table_bytes));
  if (crc32_of(0, table_text_.data(), table_text_.size()) != load<std::uint32_t>(p + 32))
    fail(where, "corrupt: the section table's checksum does not match");
  payload_ = b.substr(std::size_t(start), std::size_t(payload_bytes));
  if (verify && crc32_of(0, payload_.data(), payload_.size()) != load<std::uint32_t>(p + 36))
    fail(where, "corrupt: the payload's checksum does not match (the file was changed or damaged after it was "
                "written)");
  table_ = TableReader(where).read(table_text_);
  check_sections();
}

void File::check_sections() const {
  // Every section inside the payload and apart from the others, and no
  // section read for two attribute columns: what is read is then bounded by
  // the file's size (a crafted table cannot point many columns at one range).
  std::vector<std::pair<std::uint64_t, const std::string*>> starts;
  for (const auto& [name, s] : table_.sections) {
    const std::uint64_t item = item_bytes(s.dtype);
    if (item == 0) fail(where_, "corrupt: section '" + name + "' has the unknown dtype '" + s.dtype + "'");
    if (s.offset > payload_.size() || s.length > (payload_.size() - s.offset) / item)
      fail(where_, "corrupt: section '" + name + "' lies outside the payload");
    if (s.length) starts.emplace_back(s.offset, &name);
  }
  std::sort(starts.begin(), starts.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : *x.second < *y.second;
  });
  for (std::size_t i = 1; i < starts.size(); ++i) {
    const Section& prev = table_.sections.at(*starts[i - 1].second);
    if (prev.offset + prev.length * item_bytes(prev.dtype) > starts[i].first)
      fail(where_, "corrupt: sections '" + *starts[i - 1].second + "' and '" + *starts[i].second + "' overlap");
  }
  std::unordered_map<std::string, int> used;
  for (const auto* attrs : {&table_.node_attrs, &table_.edge_attrs})
    for (const Attr& a : *attrs)
      if (used[a.section]++)
        fail(where_, "corrupt: section '" + a.section + "' is named by two attribute columns");
}

std::string_view File::section(const std::string& name, const char* dtype, std::size_t item) const {
  auto it = table_.sections.find(name);
  if (it == table_.sections.end()) fail(where_, "corrupt: section '" + name + "' is missing");
  const Section& s = it->second;
  read_.insert(name);
  if (s.dtype != dtype)
    fail(where_, "corrupt: section '" + name + "' has dtype '" + s.dtype + "', expected '" + dtype + "'");
  return payload_.substr(std::size_t(s.offset), std::size_t(s.length * item));
}

std::vector<std::string> File::strings(const std::string& name, std::uint64_t count) const {
  const std::string_view off = section(name + ".offsets", "<u8", 8);
  const std::string_view data = section(name + ".data", "|u1", 1);
  const std::uint64_t n_off = off.size() / 8;
  const auto* first = reinterpret_cast<const unsigned char*>(off.data());
  auto at = [&](std::uint64_t i) { return load<std::uint64_t>(first + 8 * i); };
  bool ok = n_off >= 1 && n_off - 1 == count;
  for (std::uint64_t i = 0; ok && count && i < count; ++i) ok = at(i) <= at(i + 1);
  if (ok && count) ok = at(count) <= data.size();
  if (!ok) fail(where_, "corrupt: string section '" + name + "' has bad offsets");
  std::vector<std::string> out;
  out.reserve(std::size_t(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string_view s = data.substr(std::size_t(at(i)), std::size_t(at(i + 1) - at(i)));
    if (!valid_text(s)) fail(where_, "corrupt: string section '" + name + "' is not valid UTF-8");
    out.emplace_back(s);
  }
  return out;
}

void File::check_all_read() const {
  std::set<std::string> unread;
  for (const auto& entry : table_.sections)
    if (!read_.count(entry.first)) unread.insert(entry.first);
  if (!unread.empty())
    fail(where_, "corrupt: section '" + *unread.begin() +
                     "' is listed but belongs to no table (the section table does not describe this payload)");
}

TypeTable type_table(const std::vector<std::string>& names, const char* what) {
  TypeTable t;
  for (const auto& n : names) {
    const std::size_t before = t.size();
    if (t.intern(n) != before) throw InvalidArgument(std::string("duplicate ") + what + " type name '" + n + "'");
  }
  return t;
}

std::vector<Column> columns(const File& f, const std::vector<Attr>& specs, std::uint64_t count, const char* side) {
  std::vector<Column> out;
  for (const Attr& a : specs) {
    Column c;
    c.name = a.name;
    if (a.kind == "number") {
      c.kind = Column::Kind::Number;
      c.numbers = f.array<double>(a.section, "<f8", count);
    } else if (a.kind == "time") {
      c.kind = Column::Kind::Time;
      c.times = f.array<std::int64_t>(a.section, "<i8", count);
    } else if (a.kind == "string") {
      c.kind = Column::Kind::String;
      c.strings = f.strings(a.section, count);
    } else {
      throw InvalidArgument(std::string(side) + " attribute '" + a.name + "' has the unknown kind '" + a.kind + "'");
    }
    out.push_back(std::move(c));
  }
  return out;
}

Network build(const File& f, const std::string& where) {
  const Table& t = f.table();
  try {
    NodeTable n;
    n.ids = f.strings("node.id", t.nodes);
    n.type = f.array<type_t>("node.type", "<u2", t.nodes);
    n.types = type_table(t.node_types, "node");
    if (t.has_labels) n.labels = f.strings("node.label", t.nodes);
    n.attrs = columns(f, t.node_attrs, t.nodes, "node");
    EdgeTable e;
    e.source = f.array<vertex_t>("edge.source", "<u4", t.edges);
    e.target = f.array<vertex_t>("edge.target", "<u4", t.edges);
    e.type = f.array<type_t>("edge.type", "<u2", t.edges);
    e.types = type_table(t.edge_types, "edge");
    e.weight = f.array<double>("edge.weight", "<f8", t.edges);
    if (f.has("edge.timestamp")) e.timestamp = f.array<std::int64_t>("edge.timestamp", "<i8", t.edges);
    if (f.has("edge.amount")) e.amount = f.array<double>("edge.amount", "<f8", t.edges);
    e.attrs = columns(f, t.edge_attrs, t.edges, "edge");
    f.check_all_read();
    return Network(t.directed, std::move(n), std::move(e));
  } catch (const InvalidArgument& e) {  // the checksums matched, but the content is not a network
    fail(where, std::string("corrupt: ") + e.what());
  } catch (const std::bad_alloc&) {
    fail(where, "not enough memory to read the file");
  }
}

}  // namespace

Network read_binary(const std::string& path, const BinaryOptions& options) {
  Input in(path, options.mmap);
  return build(File(in.bytes(), path, options.verify), path);
}

Network read_binary_bytes(std::string_view data, const std::string& name, const BinaryOptions& options) {
  return build(File(data, name, options.verify), name);
}

BinaryHeader read_binary_header(const std::string& path) {
  Input in(path, true);  // mapped: only the pages of the header and table are read
  File f(in.bytes(), path, false);
  BinaryHeader h;
  h.directed = f.table().directed;
  h.nodes = f.table().nodes;
  h.edges = f.table().edges;
  h.table = std::string(f.table_text());
  return h;
}

std::vector<std::string> read_binary_node_ids(const std::string& path) {
  Input in(path, true);
  File f(in.bytes(), path, false);
  return f.strings("node.id", f.table().nodes);
}

bool has_binary_magic(const std::string& path) {
  if (path.find('\0') != std::string::npos) return false;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char head[sizeof kMagic] = {};
  const bool ok = std::fread(head, 1, sizeof head, f) == sizeof head && std::memcmp(head, kMagic, sizeof head) == 0;
  std::fclose(f);
  return ok;
}

void write_binary(const Network& net, const std::string& path) {
  check_path(path);
  const Layout layout(net);
  OutputFile out(path);
  const int fd = ::dup(out.fd());
  std::FILE* f = fd < 0 ? nullptr : ::fdopen(fd, "wb");
  if (!f) {
    if (fd >= 0) ::close(fd);
    throw Error(path + ": cannot write file: " + std::strerror(errno));
  }
  int err = 0;
  layout.emit([&](const void* p, std::uint64_t n) {
    if (!err && std::fwrite(p, 1, std::size_t(n), f) != n) err = errno ? errno : EIO;
  });
  if (std::fclose(f) != 0 && !err) err = errno ? errno : EIO;
  if (err) throw Error(path + ": cannot write file: " + std::strerror(err));
  out.commit();
}

std::string binary_bytes(const Network& net) {
  const Layout layout(net);
  memory::reserve_check(layout.file_bytes(), "the binary network's bytes");
  std::string out;
  out.reserve(std::size_t(layout.file_bytes()));
  layout.emit([&](const void* p, std::uint64_t n) { out.append(static_cast<const char*>(p), std::size_t(n)); });
  return out;
}

}  // namespace ringleader::io
