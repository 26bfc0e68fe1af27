// libFuzzer target: UCINET DL reader (io/ucinet.hpp).
#include "common.hpp"
#include "ringleader/io/ucinet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return rlfuzz::run(data, size, [](std::string_view t) { return ringleader::io::read_ucinet_dl_text(t, "f.dl"); });
}
