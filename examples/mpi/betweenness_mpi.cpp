// Betweenness centrality with MPI: every rank runs the partial kernel over its
// share of the sources, MPI_Allreduce adds the partial sums, every rank
// finalises them (the same code as the single-process kernel).  Rank 0 then
// checks the result against the single-process betweenness and exits non-zero
// on a mismatch (relative 1e-12), and prints the top five.
//
//   mpirun -np 4 betweenness_mpi network.rlnet [--weight COLUMN] [--k K --seed S]
//   mpirun -np 4 betweenness_mpi edges.csv [nodes.csv] [--directed] [--weight COLUMN] [--k K --seed S]
//                                [--save network.rlnet]
//
// The input is a binary network file (.rlnet, written by Python's net.save or
// io::write_binary; recognised by its magic bytes), which every rank opens
// memory-mapped from shared storage (one copy in each machine's page cache,
// no parsing), or the CSV pair, which every rank parses.  A binary file
// records whether the network is directed, so --directed is for CSV only.
// --save writes the CSV input as a binary file (rank 0, at the end) for later runs.
// With --k, the K sampled sources are drawn on every rank from the same seed
// (betweenness_sources), then split; without it every vertex is a source.
// The kernels' Network overloads read the network as rl.centrality does
// (parallel edges merged keeping the shortest: graph/view.hpp), so the
// result is Python's; --weight reads that edge column as distances.
#include <mpi.h>

#include <ringleader/ringleader.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

namespace rl = ringleader;

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  std::vector<std::string> files;
  std::string save;
  rl::io::CsvOptions csv;
  rl::centrality::BetweennessOptions opt;
  opt.threads = 1;  // one rank per core
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--directed") csv.directed = true;
    else if (a == "--weight" && i + 1 < argc) opt.weight = argv[++i];
    else if (a == "--k" && i + 1 < argc) opt.k = std::stoul(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) opt.seed = std::stoull(argv[++i]);
    else if (a == "--save" && i + 1 < argc) save = argv[++i];
    else files.push_back(a);
  }
  const bool binary = files.size() == 1 && rl::io::has_binary_magic(files[0]);
  if (files.empty() || files.size() > 2 || (binary && (csv.directed || !save.empty()))) {
    if (rank == 0)
      std::cerr << "usage: betweenness_mpi network.rlnet [--weight COLUMN] [--k K --seed S]\n"
                   "       betweenness_mpi edges.csv [nodes.csv] [--directed] [--weight COLUMN] [--k K --seed S]"
                   " [--save out.rlnet]\n"
                   "(a .rlnet file records whether it is directed: --directed and --save are for CSV input)\n";
    MPI_Finalize();
    return 2;
  }
  int status = 0;
  try {
    // Every rank reads the network (from shared storage); the Network overloads
    // merge parallel edges by betweenness' rule (graph/view.hpp), as rl.centrality does.
    const rl::Network net = binary ? rl::io::read_binary(files[0])
                                   : rl::io::read_csv(files[0], files.size() > 1 ? files[1] : "", csv);
    const rl::vertex_t n = rl::vertex_t(net.number_of_nodes());

    // This rank's sources: every size-th of the run's sources.
    const std::vector<rl::vertex_t> all = rl::centrality::betweenness_sources(n, opt);
    std::vector<rl::vertex_t> mine;
    for (std::size_t i = std::size_t(rank); i < all.size(); i += std::size_t(size)) mine.push_back(all[i]);
    const double t0 = MPI_Wtime();
    std::vector<double> sums = rl::centrality::betweenness_partial(net, mine, opt);
    const double mine_seconds = MPI_Wtime() - t0;
    MPI_Allreduce(MPI_IN_PLACE, sums.data(), int(sums.size()), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    rl::centrality::betweenness_finalize(sums, n, net.directed(), opt);
    double slowest = 0;
    MPI_Reduce(&mine_seconds, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    if (rank == 0) {
      const std::vector<double> single = rl::centrality::betweenness(net, opt);
      std::size_t bad = 0;
      for (std::size_t v = 0; v < single.size(); ++v) {
        const double scale = std::max({1.0, std::abs(single[v]), std::abs(sums[v])});
        const bool both_nan = std::isnan(single[v]) && std::isnan(sums[v]);
        if (!both_nan && !(std::abs(single[v] - sums[v]) <= 1e-12 * scale)) {
          if (bad++ < 5)
            std::cerr << "mismatch at " << net.id(rl::vertex_t(v)) << ": " << sums[v] << " (MPI) vs " << single[v]
                      << " (single process)\n";
        }
      }
      std::vector<std::size_t> order(sums.size());
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(), [&](auto x, auto y) { return sums[x] > sums[y]; });
      std::printf("%s: %zu nodes, %zu sources on %d ranks (slowest rank %.3f s)\n", binary ? "binary" : "CSV",
                  std::size_t(n), all.size(), size, slowest);
      for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
        std::printf("%zu. %s %.6g\n", i + 1, net.id(rl::vertex_t(order[i])).c_str(), sums[order[i]]);
      if (bad) {
        std::cerr << bad << " of " << single.size() << " values differ from the single-process result\n";
        status = 1;
      } else {
        std::printf("equal to the single-process betweenness (relative 1e-12)\n");
      }
      // last, so that a failed write ends the run like any other error (through the status broadcast)
      if (!save.empty()) {
        rl::io::write_binary(net, save);
        std::printf("saved the network as %s\n", save.c_str());
      }
    }
  } catch (const rl::Error& e) {
    std::cerr << "rank " << rank << ": error: " << e.what() << "\n";
    status = 1;
  }
  MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Finalize();
  return status;
}
