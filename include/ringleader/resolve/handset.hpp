// ringleader/resolve/handset.hpp - evidence "shared handset": identifiers
// used in the same device (phone -in_device-> device, one edge per SIM and
// handset).  The same kernel gives every "shared key" evidence: accounts
// reached from the same device, and accounts with the same holder
// attributes (the Python layer hashes them into keys).
//
// A person moves SIM cards between a few handsets of his own (burner
// phones, dual-SIM handsets), so SIMs seen in one handset are likely one
// user's.  A device with more than `max_per_key` identifiers is a hub - for
// handsets a SIM box (GSM gateway, 4 to 512 SIM slots, one SIM per caller
// line) or a shop's test handset - and gives NO evidence: its identifiers
// are not paired through it, and the hubs are returned so that clustering
// (cluster.hpp) can refuse to put two identifiers of one hub under one
// person.  Default 4: a dual-SIM handset plus a few SIM swaps; SIM boxes
// sold hold 8 or more SIMs (a 4-slot box with few SIMs is indistinguishable
// from a heavy swapper by this evidence alone).
//
// value = 1 for every pair sharing a non-hub key, count = keys shared.
// Cost: O(r log r) for r (identifier, key) records plus O(sum k^2) over the
// kept keys (k <= max_per_key, so O(r * max_per_key)).
//
// References: Fellegi, I. P. & Sunter, A. B. (1969). A theory for record
// linkage. JASA 64(328):1183-1210 (agreement on an identifying field as
// evidence of a match); Christen (2012), see pairs.hpp, for blocking.
#pragma once

#include <cstdint>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/resolve/pairs.hpp"

namespace ringleader::resolve {

struct SharedKeyOptions {
  std::size_t max_per_key = 4;  ///< keys (devices) with more identifiers are hubs: no evidence
  int threads = 0;
  Progress* progress = nullptr;
};

struct SharedKey {
  Pairs pairs;                         ///< value 1, count = keys shared
  std::vector<std::uint64_t> hubs;     ///< keys with more than max_per_key identifiers
  std::vector<std::uint32_t> hub_size; ///< their number of identifiers
};

/// Pairs of identifiers (`ident[i]`) sharing a key (`key[i]`, e.g. a device
/// vertex), hubs excluded.
inline SharedKey shared_key(const std::vector<vertex_t>& ident, const std::vector<std::uint64_t>& key,
                            const SharedKeyOptions& o = {}) {
  if (ident.size() != key.size()) throw InvalidArgument("identifier and key arrays differ in length");
  if (o.max_per_key < 2) throw InvalidArgument("max_per_key must be at least 2 (a key shared by two identifiers)");
  const Blocks blocks = block_by(key, ident);
  std::vector<std::size_t> skipped;
  SharedKey r;
  r.pairs = pairs_in_blocks(blocks, o.max_per_key, o.threads, &skipped, o.progress);
  std::fill(r.pairs.value.begin(), r.pairs.value.end(), 1.0);
  for (std::size_t g : skipped) {
    r.hubs.push_back(blocks.key[g]);
    r.hub_size.push_back(std::uint32_t(blocks.size_of(g)));
  }
  return r;
}

}  // namespace ringleader::resolve
