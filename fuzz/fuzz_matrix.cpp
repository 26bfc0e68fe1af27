// libFuzzer target: adjacency/incidence matrix CSV reader (io/matrix.hpp).
// Input starting with ';' is read with ';' as delimiter, so both paths run.
#include "common.hpp"
#include "ringleader/io/matrix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return rlfuzz::run(data, size, [](std::string_view t) {
    ringleader::io::MatrixOptions o;
    if (!t.empty() && t[0] == ';') o.delimiter = ';';
    return ringleader::io::read_matrix_text(t, "f.csv", o);
  });
}
