// ringleader/generate/fraud_network.hpp - synthetic cross-border
// telecom-fraud organisations with ground truth.
//
// The model (every count below is exact unless it says "about"):
//  - Organisation: one boss and `financiers` financiers (group -1, team -1);
//    `n_groups` groups, each working out of one compound ("industrial park")
//    with `managers_per_group` compound managers, `recruiters_per_group`
//    recruiters, `facilitators_per_group` border-crossing facilitators,
//    `mules_per_group` money mules and `teams_per_group` teams of one team
//    leader and `operators_per_team` callers.  Team numbers are global
//    (group * teams_per_group + t).
//  - Victims: `victims_per_operator` per operator; outsiders (family,
//    neighbours): about `outsiders_per_member` per member.  Victims and
//    outsiders have group and team -1.
//  - Phones ("uses"): operators 2-4 each (SIM cards change), team leaders,
//    recruiters and facilitators 1-2, everyone else 1.
//  - Accounts ("owns"): one bank account per member, victim and mule (mules
//    1-2 more), crypto wallets for the boss (2) and each financier (1); per
//    group `layers` x 2 layering accounts owned by its mules and one
//    collection account owned by one financier (round robin).
//  - Venues ("located_at"): compounds (operators, team leaders, managers),
//    one safe house per group (recruiters, facilitators), public places shared
//    with outsiders (about 30% of members, every outsider, every mule).
//  - Meetings ("meets", oriented at random): boss-financiers; manager-boss
//    (or manager-financier when insulated); team leader-manager;
//    recruiter/facilitator-manager; half of the members visit their family
//    (1-2 times); operators meet 0-2 teammates.
//  - Calls (phone to phone): operators to their victims (1 + Poisson(2)
//    each), reporting up the hierarchy (operator -> team leader -> manager ->
//    boss, or -> financier -> boss with probability `insulation`),
//    recruiters/facilitators to managers, recruiters to mules, and family
//    calls between members and their outsiders.
//  - Transfers: every victim pays 1-2 times into a mule account of the group
//    of the operator who called; each payment is passed on, minus a cut, from
//    the mule account through `layers` layering accounts to the group's
//    collection account; monthly, each collection account pays 60% to the
//    boss's wallets, 30% to the financiers' wallets and 10% as salaries down
//    to the managers, team leaders and operators.  Every hop happens later
//    than the one before.
//  - Noise: each call and transfer is left out with probability `missing`;
//    `false_links` x (observed calls) calls are added between random people;
//    with probability `overlap` an operator, team leader or mule also works
//    for another group (located there, calls its team leader or manager).
// Timestamps (whole seconds) are uniform over [start, start + days);
// amounts (cents) lognormal.
// Deterministic for a seed (serial, one xoshiro stream).  Complexity linear in
// the output; 100,000 persons take about a second.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/graph/builder.hpp"

namespace ringleader::generate {

enum class Role : std::uint8_t {
  Boss, Financier, Manager, TeamLeader, Operator, Recruiter, Facilitator, Mule, Victim, Outsider
};

inline const char* role_name(Role r) {
  static const char* names[] = {"boss",        "financier", "manager", "team_leader", "operator",
                                "recruiter",   "facilitator", "mule", "victim",      "outsider"};
  return names[int(r)];
}

struct FraudOptions {
  int n_groups = 3;
  int teams_per_group = 4;
  int operators_per_team = 8;
  int victims_per_operator = 5;
  int financiers = 2;
  int managers_per_group = 1;
  int recruiters_per_group = 2;
  int facilitators_per_group = 1;
  int mules_per_group = 4;
  int layers = 2;
  double outsiders_per_member = 1.0;
  double insulation = 0.8;
  double missing = 0.0;
  double false_links = 0.0;
  double overlap = 0.05;
  std::int64_t start = 1704067200LL * 1000000000LL;  ///< 2024-01-01T00:00:00Z in ns
  int days = 180;
  std::uint64_t seed = 0;
};

struct FraudNetwork {
  Network net;
  std::vector<vertex_t> person;  ///< vertex of every person, in id order
  std::vector<Role> role;
  std::vector<int> group, team;
};

namespace detail_fraud {

constexpr std::int64_t kDay = 86400LL * 1000000000LL;

struct Gen {
  const FraudOptions& o;
  Rng rng;
  NetworkBuilder b{true, "person"};
  std::size_t venue_kind, institution;
  FraudNetwork out;
  std::vector<std::vector<vertex_t>> phones;  // per person index
  std::vector<vertex_t> account;              // personal account per person index (or kNone)
  std::int64_t span;
  std::uint64_t n_phone = 0, n_account = 0;

  explicit Gen(const FraudOptions& opt) : o(opt), rng(opt.seed), span(std::int64_t(opt.days) * kDay) {
    venue_kind = b.node_column("kind", Column::Kind::String);
    institution = b.node_column("institution", Column::Kind::String);
  }

  static std::string id(char prefix, std::uint64_t k, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%0*llu", prefix, width, static_cast<unsigned long long>(k));
    return buf;
  }
  double unif() { return rng.uniform(); }
  int between(int lo, int hi) { return lo + int(rng.below(std::uint64_t(hi - lo + 1))); }
  int poisson(double mean) {  // Knuth (small means)
    const double l = std::exp(-mean);
    int k = 0;
    for (double p = unif(); p > l; p *= unif()) ++k;
    return k;
  }
  std::int64_t when() { return o.start + std::int64_t(unif() * double(span)); }
  /// Timestamps are whole seconds, as in call-detail and bank records.
  void stamp(std::size_t e, std::int64_t t) { b.set_timestamp(e, t - t % 1000000000LL); }
  double lognormal(double median, double sigma) {
    const double u1 = std::max(unif(), 1e-300), u2 = unif();
    return median * std::exp(sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2));
  }

  std::size_t person(Role r, int g, int t) {
    const std::size_t i = out.person.size();
    out.person.push_back(b.add_node(id('P', i + 1, 6), "person").first);
    out.role.push_back(r);
    out.group.push_back(g);
    out.team.push_back(t);
    phones.emplace_back();
    account.push_back(~vertex_t(0));
    return i;
  }
  vertex_t new_phone(std::size_t p) {
    const vertex_t ph = b.add_node("T" + id('0', ++n_phone, 6).substr(1), "phone").first;
    phones[p].push_back(ph);
    const auto e = b.add_edge(out.person[p], ph, "uses");
    stamp(e, o.start + std::int64_t(unif() * double(kDay) * 7));
    return ph;
  }
  vertex_t new_account(std::size_t owner, const char* inst) {
    const vertex_t a = b.add_node("A" + id('0', ++n_account, 7).substr(1), "account").first;
    b.set_node_string(institution, a, inst);
    const auto e = b.add_edge(out.person[owner], a, "owns");
    stamp(e, o.start);
    return a;
  }
  vertex_t venue(const std::string& name, const char* kind) {
    const vertex_t v = b.add_node(name, "venue").first;
    b.set_node_string(venue_kind, v, kind);
    return v;
  }
  void locate(std::size_t p, vertex_t v) {
    const auto e = b.add_edge(out.person[p], v, "located_at");
    stamp(e, when());
  }
  void meet(std::size_t a, std::size_t c, int times) {
    for (int k = 0; k < times; ++k) {  // a meeting has no direction: orient it at random
      const bool flip = rng.below(2) == 1;
      const auto e = b.add_edge(out.person[flip ? c : a], out.person[flip ? a : c], "meets");
      stamp(e, when());
    }
  }
  vertex_t some_phone(std::size_t p) { return phones[p][rng.below(phones[p].size())]; }
  void call(std::size_t a, std::size_t c, int times) {
    for (int k = 0; k < times; ++k) {
      if (o.missing > 0 && unif() < o.missing) continue;
      const auto e = b.add_edge(some_phone(a), some_phone(c), "call");
      stamp(e, when());
      ++calls;
    }
  }
  /// A transfer at `t` (not observed with probability `missing`).
  void transfer(vertex_t from, vertex_t to, double amount, std::int64_t t) {
    if (o.missing > 0 && unif() < o.missing) return;
    const auto e = b.add_edge(from, to, "transfer", 1.0);
    b.set_amount(e, std::round(amount * 100.0) / 100.0);
    stamp(e, t);
  }
  std::uint64_t calls = 0;
};

}  // namespace detail_fraud

inline FraudNetwork fraud_network(const FraudOptions& o) {
  auto need = [](bool ok, const char* what) {
    if (!ok) throw InvalidArgument(what);
  };
  need(o.n_groups >= 1 && o.teams_per_group >= 1 && o.operators_per_team >= 1,
       "n_groups, teams_per_group and operators_per_team must be >= 1");
  need(o.victims_per_operator >= 0 && o.financiers >= 1 && o.managers_per_group >= 1 && o.recruiters_per_group >= 0 &&
           o.facilitators_per_group >= 0 && o.mules_per_group >= 1 && o.layers >= 0,
       "victims_per_operator, recruiters and facilitators must be >= 0; financiers, managers and mules >= 1; "
       "layers >= 0");
  need(o.outsiders_per_member >= 0 && o.outsiders_per_member <= 100, "outsiders_per_member must be in [0, 100]");
  for (double p : {o.insulation, o.missing, o.overlap})
    need(p >= 0.0 && p <= 1.0, "insulation, missing and overlap are probabilities: give values in [0, 1]");
  need(o.false_links >= 0.0 && o.false_links <= 10.0, "false_links must be in [0, 10] (a share of the calls)");
  need(o.days >= 1, "days must be >= 1");
  const double persons = double(o.n_groups) * o.teams_per_group * o.operators_per_team * (2.0 + o.victims_per_operator) *
                         (1.0 + o.outsiders_per_member);
  need(persons < 2e8, "the network would have more than 200 million persons: lower the sizes");

  using detail_fraud::kDay;
  detail_fraud::Gen g(o);
  // ---- people ---------------------------------------------------------------
  const std::size_t boss = g.person(Role::Boss, -1, -1);
  std::vector<std::size_t> fin, members{boss};
  for (int f = 0; f < o.financiers; ++f) members.push_back(fin.emplace_back(g.person(Role::Financier, -1, -1)));
  struct Group {
    std::vector<std::size_t> managers, recruiters, facilitators, mules, leaders;
    std::vector<std::vector<std::size_t>> operators;
    vertex_t compound = 0, safe_house = 0, collection = 0;
    std::vector<vertex_t> mule_accounts, layer_accounts;
  };
  std::vector<Group> groups(std::size_t(o.n_groups));
  for (int gi = 0; gi < o.n_groups; ++gi) {
    Group& G = groups[std::size_t(gi)];
    for (int k = 0; k < o.managers_per_group; ++k) members.push_back(G.managers.emplace_back(g.person(Role::Manager, gi, -1)));
    for (int k = 0; k < o.recruiters_per_group; ++k)
      members.push_back(G.recruiters.emplace_back(g.person(Role::Recruiter, gi, -1)));
    for (int k = 0; k < o.facilitators_per_group; ++k)
      members.push_back(G.facilitators.emplace_back(g.person(Role::Facilitator, gi, -1)));
    for (int k = 0; k < o.mules_per_group; ++k) members.push_back(G.mules.emplace_back(g.person(Role::Mule, gi, -1)));
    G.operators.resize(std::size_t(o.teams_per_group));
    for (int t = 0; t < o.teams_per_group; ++t) {
      const int team = gi * o.teams_per_group + t;
      members.push_back(G.leaders.emplace_back(g.person(Role::TeamLeader, gi, team)));
      for (int k = 0; k < o.operators_per_team; ++k)
        members.push_back(G.operators[std::size_t(t)].emplace_back(g.person(Role::Operator, gi, team)));
    }
  }
  // victims, each called by one operator
  std::vector<std::pair<std::size_t, std::size_t>> victims;  // (victim, operator)
  for (auto& G : groups)
    for (auto& team : G.operators)
      for (std::size_t op : team)
        for (int k = 0; k < o.victims_per_operator; ++k) victims.push_back({g.person(Role::Victim, -1, -1), op});
  // outsiders: family and neighbours of members
  std::vector<std::pair<std::size_t, std::size_t>> family;  // (member, outsider)
  for (std::size_t m : members) {
    const double x = o.outsiders_per_member;
    int k = int(x) + (g.unif() < x - std::floor(x) ? 1 : 0);
    for (int j = 0; j < k; ++j) family.push_back({m, g.person(Role::Outsider, -1, -1)});
  }
  const std::size_t n_persons = g.out.person.size();

  // ---- phones and accounts -----------------------------------------------------
  for (std::size_t p = 0; p < n_persons; ++p) {
    int k = 1;
    switch (g.out.role[p]) {
      case Role::Operator: k = g.between(2, 4); break;
      case Role::TeamLeader: case Role::Recruiter: case Role::Facilitator: k = g.between(1, 2); break;
      default: break;
    }
    for (int j = 0; j < k; ++j) g.new_phone(p);
    if (g.out.role[p] != Role::Outsider) g.account[p] = g.new_account(p, "bank");
  }
  std::vector<vertex_t> boss_wallets{g.new_account(boss, "crypto"), g.new_account(boss, "crypto")}, fin_wallets;
  for (std::size_t f : fin) fin_wallets.push_back(g.new_account(f, "crypto"));
  for (int gi = 0; gi < o.n_groups; ++gi) {
    Group& G = groups[std::size_t(gi)];
    for (std::size_t m : G.mules) {
      G.mule_accounts.push_back(g.account[m]);
      for (int j = g.between(1, 2); j > 0; --j) G.mule_accounts.push_back(g.new_account(m, "bank"));
    }
    for (int l = 0; l < o.layers * 2; ++l)
      G.layer_accounts.push_back(g.new_account(G.mules[std::size_t(l) % G.mules.size()], "bank"));
    G.collection = g.new_account(fin[std::size_t(gi) % fin.size()], "bank");
  }

  // ---- venues -------------------------------------------------------------------
  std::vector<vertex_t> public_places;
  for (int k = 0; k < 2 * o.n_groups + 3; ++k)
    public_places.push_back(g.venue(detail_fraud::Gen::id('V', std::uint64_t(k) + 1, 4).replace(0, 1, "VP"), "public"));
  for (int gi = 0; gi < o.n_groups; ++gi) {
    Group& G = groups[std::size_t(gi)];
    G.compound = g.venue("VC" + std::to_string(gi + 1), "compound");
    G.safe_house = g.venue("VS" + std::to_string(gi + 1), "safe_house");
    for (std::size_t m : G.managers) g.locate(m, G.compound);
    for (std::size_t t = 0; t < G.leaders.size(); ++t) {
      g.locate(G.leaders[t], G.compound);
      for (std::size_t op : G.operators[t]) g.locate(op, G.compound);
    }
    for (std::size_t r : G.recruiters) g.locate(r, G.safe_house);
    for (std::size_t f : G.facilitators) g.locate(f, G.safe_house);
    for (std::size_t m : G.mules) g.locate(m, public_places[g.rng.below(public_places.size())]);
  }
  for (std::size_t m : members)
    if (g.unif() < 0.3) g.locate(m, public_places[g.rng.below(public_places.size())]);
  for (auto& [m, out] : family) g.locate(out, public_places[g.rng.below(public_places.size())]);

  // ---- meetings and calls: the hierarchy ------------------------------------------------
  auto pick = [&](const std::vector<std::size_t>& v) { return v[g.rng.below(v.size())]; };
  for (std::size_t f : fin) {
    g.meet(boss, f, g.between(2, 4));
    g.call(f, boss, 1 + g.poisson(4));
  }
  for (int gi = 0; gi < o.n_groups; ++gi) {
    Group& G = groups[std::size_t(gi)];
    const std::size_t f = fin[std::size_t(gi) % fin.size()];
    for (std::size_t m : G.managers) {
      if (g.unif() < o.insulation) {  // reports through the financier
        g.meet(m, f, g.between(1, 3));
        g.call(m, f, 1 + g.poisson(3));
      } else {
        g.meet(m, boss, g.between(1, 2));
        g.call(m, boss, 1 + g.poisson(3));
      }
    }
    for (std::size_t t = 0; t < G.leaders.size(); ++t) {
      const std::size_t tl = G.leaders[t], m = pick(G.managers);
      g.meet(tl, m, g.between(1, 3));
      g.call(tl, m, 1 + g.poisson(4));
      for (std::size_t op : G.operators[t]) {
        g.call(op, tl, 1 + g.poisson(5));
        if (g.unif() < 0.5) g.call(tl, op, 1 + g.poisson(1));
      }
    }
    for (std::size_t r : G.recruiters) {
      const std::size_t m = pick(G.managers);
      g.meet(r, m, 1);
      g.call(r, m, 1 + g.poisson(2));
      for (std::size_t mu : G.mules) g.call(r, mu, 1 + g.poisson(1));
    }
    for (std::size_t fa : G.facilitators) {
      const std::size_t m = pick(G.managers);
      g.meet(fa, m, 1);
      g.call(fa, m, 1 + g.poisson(2));
    }
    // overlap: members also working for another group
    if (o.n_groups > 1 && o.overlap > 0) {
      auto other = [&] {
        int h = int(g.rng.below(std::uint64_t(o.n_groups - 1)));
        return &groups[std::size_t(h >= gi ? h + 1 : h)];
      };
      for (std::size_t t = 0; t < G.leaders.size(); ++t) {
        for (std::size_t op : G.operators[t])
          if (g.unif() < o.overlap) {
            Group* H = other();
            g.locate(op, H->compound);
            g.call(op, pick(H->leaders), 1 + g.poisson(2));
          }
        if (g.unif() < o.overlap) {
          Group* H = other();
          g.locate(G.leaders[t], H->compound);
          g.call(G.leaders[t], pick(H->managers), 1 + g.poisson(2));
        }
      }
      for (std::size_t mu : G.mules)
        if (g.unif() < o.overlap) g.call(pick(other()->recruiters.empty() ? G.recruiters : other()->recruiters), mu, 1);
    }
  }
  // operators call their victims; family calls and visits; colleagues meet
  for (auto& [v, op] : victims) g.call(op, v, 1 + g.poisson(2));
  for (auto& [m, x] : family) {
    g.call(m, x, 1 + g.poisson(3));
    if (g.unif() < 0.5) g.meet(m, x, g.between(1, 2));
  }
  for (auto& G : groups)
    for (auto& team : G.operators)
      for (std::size_t op : team)
        for (int k = g.between(0, 2); k > 0 && team.size() > 1; --k) {
          const std::size_t mate = pick(team);
          if (mate != op) g.meet(op, mate, 1);
        }

  // ---- money ---------------------------------------------------------------------------
  const std::vector<int>& group_of = g.out.group;
  std::vector<double> collected(std::size_t(o.n_groups), 0.0);
  for (auto& [v, op] : victims) {
    Group& G = groups[std::size_t(group_of[op])];
    for (int k = g.between(1, 2); k > 0; --k) {
      double amount = g.lognormal(3000.0, 0.8);
      std::int64_t t = o.start + std::int64_t(g.unif() * double(g.span - 10 * kDay));
      vertex_t at = G.mule_accounts[g.rng.below(G.mule_accounts.size())];
      g.transfer(g.account[v], at, amount, t);
      for (int l = 0; l < o.layers; ++l) {  // through the layering accounts
        const vertex_t next = G.layer_accounts[std::size_t(2 * l) + g.rng.below(2)];
        amount *= 0.97;
        t += std::int64_t(g.unif() * double(kDay)) + 3600LL * 1000000000LL;
        g.transfer(at, next, amount, t);
        at = next;
      }
      amount *= 0.97;
      t += std::int64_t(g.unif() * double(kDay)) + 3600LL * 1000000000LL;
      g.transfer(at, G.collection, amount, t);
      collected[std::size_t(group_of[op])] += amount;
    }
  }
  const int months = std::max(1, o.days / 30);
  for (int gi = 0; gi < o.n_groups; ++gi) {
    Group& G = groups[std::size_t(gi)];
    const double monthly = collected[std::size_t(gi)] / months;
    for (int mo = 0; mo < months; ++mo) {
      const std::int64_t t = o.start + std::int64_t(mo + 1) * 30 * kDay - kDay;
      for (vertex_t w : boss_wallets) g.transfer(G.collection, w, 0.6 * monthly / double(boss_wallets.size()), t);
      for (vertex_t w : fin_wallets) g.transfer(G.collection, w, 0.3 * monthly / double(fin_wallets.size()), t);
      // salaries down: 10%, managers 3 shares, team leaders 2, operators 1
      double shares = 3.0 * double(G.managers.size()) + 2.0 * double(G.leaders.size());
      for (auto& team : G.operators) shares += double(team.size());
      const double unit = 0.1 * monthly / shares;
      for (std::size_t m : G.managers) g.transfer(G.collection, g.account[m], 3 * unit, t + kDay / 2);
      for (std::size_t ti = 0; ti < G.leaders.size(); ++ti) {
        g.transfer(G.collection, g.account[G.leaders[ti]], 2 * unit, t + kDay / 2);
        for (std::size_t op : G.operators[ti]) g.transfer(G.collection, g.account[op], unit, t + kDay / 2);
      }
    }
  }

  // ---- false links ----------------------------------------------------------------------
  const std::uint64_t fakes = std::uint64_t(std::llround(o.false_links * double(g.calls)));
  for (std::uint64_t k = 0; k < fakes; ++k) {
    const std::size_t a = g.rng.below(n_persons), c = g.rng.below(n_persons);
    if (a == c) continue;
    const auto e = g.b.add_edge(g.some_phone(a), g.some_phone(c), "call");
    g.stamp(e, g.when());
  }
  g.out.net = g.b.finish();
  return std::move(g.out);
}

}  // namespace ringleader::generate
