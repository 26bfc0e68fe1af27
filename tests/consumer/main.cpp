// Builds against the installed library: reads a CSV pair from memory, runs a
// Boost.Graph algorithm through the compute view, round-trips the network
// through the binary format (its JSON parser is private to the library),
// prints a summary.
#include <ringleader/ringleader.hpp>

#include <iostream>

int main() {
  auto net = ringleader::io::read_csv_text("source,target,type\nA,B,call\nB,C,call\nD,E,transfer\n",
                                           "edges.csv");
  auto lc = net.largest_component();
  auto back = ringleader::io::read_binary_bytes(ringleader::io::binary_bytes(net), "net.rlnet");
  std::cout << net.summary();
  if (net.number_of_nodes() != 5 || net.number_of_edges() != 3 || lc.number_of_nodes() != 3 ||
      back.nodes().ids != net.nodes().ids) {
    std::cerr << "unexpected result\n";
    return 1;
  }
  std::cout << "consumer OK\n";
  return 0;
}
