// Who brokers between the persons of a multi-mode network: project persons
// through shared phones, accounts and venues (and calls, transfers,
// meetings), then rank them by betweenness.
//   brokers edges.csv nodes.csv
#include <ringleader/ringleader.hpp>

#include <algorithm>
#include <iostream>
#include <numeric>

int main(int argc, char** argv) {
  if (argc < 3) return std::cerr << "usage: brokers edges.csv nodes.csv\n", 2;
  try {
    ringleader::Network net = ringleader::io::read_csv(argv[1], argv[2]);
    ringleader::Network people = ringleader::criminal::project(net).net;  // options: ProjectionOptions
    std::vector<double> b = ringleader::centrality::betweenness(people);  // as rl.centrality.betweenness
    std::vector<std::size_t> order(b.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto x, auto y) { return b[x] > b[y]; });
    for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
      std::cout << i + 1 << ". " << people.id(ringleader::vertex_t(order[i])) << " " << b[order[i]] << "\n";
  } catch (const ringleader::Error& e) {
    return std::cerr << "error: " << e.what() << "\n", 1;
  }
}
