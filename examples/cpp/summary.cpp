// Loads a CSV pair, prints the summary by type, and runs a Boost.Graph
// algorithm (Dijkstra) on the shared compute view.
//   summary edges.csv [nodes.csv] [source-id]
#include <ringleader/ringleader.hpp>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include <iostream>
#include <limits>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: summary edges.csv [nodes.csv] [source-id]\n";
    return 2;
  }
  try {
    auto net = ringleader::io::read_csv(argv[1], argc > 2 ? argv[2] : "");
    std::cout << net.summary();
    if (argc > 3) {
      auto g = net.csr();
      std::vector<double> dist(g->n);
      // a pointer is not a property map once boost/graph/reverse_graph.hpp is in:
      auto dmap = boost::make_iterator_property_map(dist.data(), boost::typed_identity_property_map<ringleader::vertex_t>());
      boost::dijkstra_shortest_paths(*g, net.at(argv[3]), boost::distance_map(dmap));
      std::size_t reached = 0;
      for (double d : dist) reached += d < std::numeric_limits<double>::max();
      std::cout << argv[3] << " reaches " << reached - 1 << " nodes\n";
    }
  } catch (const ringleader::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
