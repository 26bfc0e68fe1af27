// libFuzzer target: Pajek .net reader (io/pajek.hpp).
#include "common.hpp"
#include "ringleader/io/pajek.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return rlfuzz::run(data, size, [](std::string_view t) { return ringleader::io::read_pajek_text(t, "f.net"); });
}
