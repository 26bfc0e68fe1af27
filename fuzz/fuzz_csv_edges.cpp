// libFuzzer target: the CSV edge file alone (io/csv.hpp).
#include "common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return rlfuzz::run(data, size, [](std::string_view t) { return ringleader::io::read_csv_text(t, "edges.csv"); });
}
