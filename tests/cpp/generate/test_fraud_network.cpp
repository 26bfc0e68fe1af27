// The fraud-network generator: exact role counts, determinism by seed,
// every edge timestamped, transfers with positive amounts.
#include <catch2/catch.hpp>

#include <map>

#include <ringleader/generate/fraud_network.hpp>

using namespace ringleader;
using namespace ringleader::generate;

TEST_CASE("fraud network: counts, determinism, timestamps", "[generate]") {
  FraudOptions o;
  o.n_groups = 3;
  o.teams_per_group = 2;
  o.operators_per_team = 5;
  o.victims_per_operator = 3;
  o.seed = 77;
  FraudNetwork a = fraud_network(o), b = fraud_network(o);
  CHECK(a.net.edges().source == b.net.edges().source);
  CHECK(a.net.edges().target == b.net.edges().target);
  CHECK(a.net.edges().timestamp == b.net.edges().timestamp);
  CHECK(a.role == b.role);
  std::map<Role, int> n;
  for (Role r : a.role) ++n[r];
  CHECK(n[Role::Boss] == 1);
  CHECK(n[Role::Financier] == 2);
  CHECK(n[Role::Manager] == 3);
  CHECK(n[Role::TeamLeader] == 6);
  CHECK(n[Role::Operator] == 30);
  CHECK(n[Role::Victim] == 90);
  CHECK(n[Role::Mule] == 12);
  const auto& e = a.net.edges();
  for (std::size_t i = 0; i < e.source.size(); ++i) {
    CHECK(e.timestamp[i] != kNoTime);
    CHECK(e.timestamp[i] % 1000000000LL == 0);
    if (a.net.edge_type(i) == "transfer") CHECK(e.amount[i] > 0);
  }
  o.seed = 78;
  CHECK(fraud_network(o).net.edges().target != a.net.edges().target);
  o.n_groups = 0;
  CHECK_THROWS_AS(fraud_network(o), InvalidArgument);
}
