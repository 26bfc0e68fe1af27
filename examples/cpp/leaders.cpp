// Rank the persons of a multi-mode network as leaders: project persons
// through shared phones, accounts and meetings (and calls, transfers), rank
// them by several measures and fuse the ranks by their logs, as rl.leaders
// does (a subset of its measures: degree, betweenness, harmonic closeness).
//   leaders edges.csv nodes.csv
#include <ringleader/ringleader.hpp>

#include <algorithm>
#include <iostream>
#include <numeric>

int main(int argc, char** argv) {
  if (argc < 3) return std::cerr << "usage: leaders edges.csv nodes.csv\n", 2;
  try {
    namespace rl = ringleader;
    rl::Network net = rl::io::read_csv(argv[1], argv[2]);
    rl::criminal::ProjectionOptions po;
    po.via = {"phone", "account"};  // places (venues) are not ties; add "meeting" where the data has meetings
    rl::Network people = rl::criminal::project(net, po).net;
    // the Network overloads read `people` as rl.centrality does (parallel edges merged by each measure's rule)
    std::vector<std::vector<double>> measures = {rl::centrality::degree(people), rl::centrality::betweenness(people),
                                                 rl::centrality::harmonic(people)};
    rl::criminal::LeaderFusionResult r = rl::criminal::leader_fusion(measures);  // equal weights
    std::vector<std::size_t> order(r.score.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return r.rank[a] < r.rank[b]; });
    for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
      std::cout << r.rank[order[i]] << ". " << people.id(rl::vertex_t(order[i])) << " score " << r.score[order[i]]
                << "\n";
  } catch (const ringleader::Error& e) {
    return std::cerr << "error: " << e.what() << "\n", 1;
  }
}
