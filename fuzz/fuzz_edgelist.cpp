// libFuzzer target: whitespace edge-list reader (io/edgelist.hpp).
#include "common.hpp"
#include "ringleader/io/edgelist.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return rlfuzz::run(data, size, [](std::string_view t) { return ringleader::io::read_edgelist_text(t, "f.txt"); });
}
