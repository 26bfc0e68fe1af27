// libFuzzer target: the binary network format's section table (io/binary.hpp).
//
// The input is the section table's JSON text, a NUL byte, then the payload
// (no NUL: an empty payload).  The target builds the file around them: the
// 64-byte header with the right lengths and both CRC-32s, the table padded
// to 64 bytes, the payload padded to 64 bytes.  So every mutation reaches the
// JSON parser and the checks of the table (field types, unknown keys, nesting,
// section dtypes, extents, overlaps, unread sections), which fuzz_binary
// reaches only through whole files.  Seeds: the .rlnet files of
// fuzz/corpus/binary/ and tests/fixtures/binary/ split this way
// (fuzz/make_corpus.py), and crafted tables in fuzz/corpus/binary_table/.
// A ringleader::Error is the expected answer; what parses must be written
// again (io::binary_bytes) and read back to the same network.
#include <zlib.h>

#include <cstring>

#include "common.hpp"
#include "ringleader/io/binary.hpp"

namespace {

void put32(std::string& b, std::size_t at, std::uint32_t v) { std::memcpy(&b[at], &v, 4); }
void put64(std::string& b, std::size_t at, std::uint64_t v) { std::memcpy(&b[at], &v, 8); }

std::uint32_t crc(std::string_view s) {
  return std::uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(s.data()), s.size()));
}

std::string pad64(std::string s) {
  s.append((64 - s.size() % 64) % 64, '\0');
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = in.find('\0');
  const std::string table(in.substr(0, nul));
  const std::string payload = pad64(nul == std::string_view::npos ? std::string() : std::string(in.substr(nul + 1)));
  std::string file(64, '\0');
  std::memcpy(&file[0], "RLNETBIN", 8);
  put32(file, 8, 1);
  put32(file, 12, 0x01020304);
  put64(file, 16, table.size());
  put64(file, 24, payload.size());
  put32(file, 32, crc(table));
  put32(file, 36, crc(payload));
  file += pad64(table) + payload;
  rlfuzz::binary_round_trip(file, "t.rlnet");
  return 0;
}
