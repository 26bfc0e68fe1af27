// NetworkBuilder: id lookup (integer fast path and hash index) against a
// std::unordered_map reference on random ids.
#include <catch2/catch.hpp>

#include <random>
#include <unordered_map>

#include <ringleader/graph/builder.hpp>

using namespace ringleader;

TEST_CASE("builder ids agree with a reference map", "[graph][builder][differential]") {
  std::mt19937 rng(11);
  auto random_id = [&]() -> std::string {
    switch (rng() % 6) {
      case 0: return std::to_string(rng() % 100);                 // small ints (fast path)
      case 1: return std::to_string(4194300 + rng() % 10);        // around the fast-path limit
      case 2: return "0" + std::to_string(rng() % 20);           // leading zero: a different id
      case 3: return std::to_string(rng() % 50) + "x";
      case 4: return std::to_string(rng());                       // large ints
      default: return std::string(1 + rng() % 3, char('a' + rng() % 3));
    }
  };
  for (int trial = 0; trial < 20; ++trial) {
    NetworkBuilder b(trial % 2);
    std::unordered_map<std::string, vertex_t> ref;
    std::vector<std::string> order;
    for (int i = 0; i < 3000; ++i) {
      std::string id = random_id();
      auto [v, added] = b.add_node(id);
      auto it = ref.find(id);
      if (it == ref.end()) {
        REQUIRE(added);
        REQUIRE(v == order.size());
        ref.emplace(id, v);
        order.push_back(id);
      } else {
        REQUIRE_FALSE(added);
        REQUIRE(v == it->second);
      }
      REQUIRE(b.find(id) == std::optional<vertex_t>(v));
      REQUIRE(b.id(v) == id);
      if (i % 3 == 0) b.add_edge(v, vertex_t(rng() % order.size()));
    }
    CHECK_FALSE(b.find("not there"));
    CHECK_FALSE(b.find("123456"));
    Network net = b.finish();
    REQUIRE(net.number_of_nodes() == order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      REQUIRE(net.id(vertex_t(i)) == order[i]);
      REQUIRE(net.find(order[i]) == std::optional<vertex_t>(vertex_t(i)));
    }
    CHECK_FALSE(net.find("007x9"));
  }
}
