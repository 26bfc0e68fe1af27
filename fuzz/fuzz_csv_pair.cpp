// libFuzzer target: the CSV pair (io/csv.hpp).  The input is split at its
// first NUL byte: edge file before, node file after (a NUL cannot occur in
// either, as text with NUL is refused).  Without NUL the whole input is the
// edge file and there is no node file.  The byte after the NUL, when it is
// '+', sets create_missing (and is not part of the node file).
#include <cstring>

#include "common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return rlfuzz::run(data, size, [](std::string_view t) {
    ringleader::io::CsvOptions o;
    std::size_t cut = t.find('\0');
    std::string_view edges = t.substr(0, cut);
    std::optional<std::string_view> nodes;
    if (cut != std::string_view::npos) {
      nodes = t.substr(cut + 1);
      if (!nodes->empty() && (*nodes)[0] == '+') {
        o.create_missing = true;
        nodes->remove_prefix(1);
      }
    }
    return ringleader::io::read_csv_text(edges, "edges.csv", nodes, "nodes.csv", o);
  });
}
