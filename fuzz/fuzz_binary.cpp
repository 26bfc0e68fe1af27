// libFuzzer target: binary network reader (io/binary.hpp).
//
// Nearly every mutation breaks a CRC-32, and the reader stops at the
// checksum.  To reach the section table and the sections, the target first
// writes the right checksums into the header (when the announced table fits
// the input), unless bit 0 of the header's last byte (zero area, never read)
// is set: then the input is read as it is, so the checksum checks are fuzzed
// too.  A ringleader::Error is the expected answer to bad input.  What parses
// must give the same network, exactly, once written (io::binary_bytes) and
// read again.  The GraphML and CSV round trips of common.hpp are not run:
// this reader accepts strings the text readers never produce (NUL, control
// characters in type and attribute names), whose fate in those formats their
// own targets and documented limits cover.
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "common.hpp"
#include "ringleader/io/binary.hpp"

namespace {

std::uint64_t u64(const std::string& b, std::size_t at) {
  std::uint64_t v;
  std::memcpy(&v, b.data() + at, 8);
  return v;
}

void store_crc(std::string& b, std::size_t at, std::size_t from, std::size_t bytes) {
  const auto crc = std::uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(b.data() + from), bytes));
  std::memcpy(&b[at], &crc, 4);
}

/// Writes the checksums of the table and of the payload (as far as the
/// input goes) into the header, unless the input asks to be read as it is.
void reseal(std::string& b) {
  if (b.size() < 64 || (static_cast<unsigned char>(b[63]) & 1)) return;
  const std::uint64_t table = u64(b, 16), payload = u64(b, 24);
  if (table > b.size() - 64) return;
  const std::uint64_t start = 64 + (table + 63) / 64 * 64;
  store_crc(b, 32, 64, std::size_t(table));
  if (start <= b.size())
    store_crc(b, 36, std::size_t(start), std::size_t(std::min<std::uint64_t>(payload, b.size() - start)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  reseal(bytes);
  rlfuzz::binary_round_trip(bytes, "f.rlnet");
  return 0;
}
