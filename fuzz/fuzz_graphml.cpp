// libFuzzer target: GraphML reader (io/graphml.hpp).
#include "common.hpp"
#include "ringleader/io/graphml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return rlfuzz::run(data, size, [](std::string_view t) { return ringleader::io::read_graphml_text(t, "f.graphml"); });
}
