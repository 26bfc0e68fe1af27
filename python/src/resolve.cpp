// Bindings of the entity-resolution evidences (ringleader/resolve/).  The
// Python layer (rl.resolve) selects the edges and passes flat arrays of
// vertex indices, times (int64 ns, kNoTime = missing) and amounts.
#include "bindings.hpp"

#include <ringleader/resolve/cluster.hpp>
#include <ringleader/resolve/colocation.hpp>
#include <ringleader/resolve/handset.hpp>
#include <ringleader/resolve/pairs.hpp>
#include <ringleader/resolve/passthrough.hpp>
#include <ringleader/resolve/succession.hpp>

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::resolve;
using U64 = Arr<std::uint64_t>;
using U8 = Arr<std::uint8_t>;

std::vector<char> chars(const U8& m) { return std::vector<char>(m.data(), m.data() + m.size()); }

py::dict pairs_dict(Pairs&& p) {
  return py::dict("a"_a = own(std::move(p.a)), "b"_a = own(std::move(p.b)), "value"_a = own(std::move(p.value)),
                  "count"_a = own(std::move(p.count)));
}
}  // namespace

void bind_resolve(py::module_& m) {
  m.def("resolve_shared_key",
        [](U32 ident, U64 key, std::size_t max_per_key, int threads) {
          SharedKeyOptions o;
          o.max_per_key = max_per_key;
          o.threads = threads;
          auto i = vec<vertex_t>(ident);
          auto k = vec<std::uint64_t>(key);
          SharedKey r = run(py::none(), [&](Progress& p) {
            o.progress = &p;
            return shared_key(i, k, o);
          });
          py::dict d = pairs_dict(std::move(r.pairs));
          d["hubs"] = own(std::move(r.hubs));
          d["hub_size"] = own(std::move(r.hub_size));
          return d;
        },
        py::arg("ident"), py::arg("key"), py::arg("max_per_key"), py::arg("threads") = 0);
  m.def("resolve_succession",
        [](vertex_t n, U8 is_id, U32 src, U32 dst, I64 time, std::int64_t max_gap, std::int64_t overlap,
           std::size_t min_calls, std::size_t max_block, bool idf, int threads) {
          SuccessionOptions o;
          o.max_gap = max_gap;
          o.overlap = overlap;
          o.min_calls = min_calls;
          o.max_block = max_block;
          o.idf = idf;
          o.threads = threads;
          auto id = chars(is_id);
          auto s = vec<vertex_t>(src), d = vec<vertex_t>(dst);
          auto t = vec<std::int64_t>(time);
          Succession r = run(py::none(), [&](Progress& p) {
            o.progress = &p;
            return succession(n, id, s, d, t, o);
          });
          py::dict out = pairs_dict(std::move(r.pairs));
          out["gap"] = own(std::move(r.gap));
          out["older"] = own(std::move(r.older));
          out["first"] = own(std::move(r.first));
          out["last"] = own(std::move(r.last));
          out["calls"] = own(std::move(r.calls));
          return out;
        },
        py::arg("n"), py::arg("is_id"), py::arg("src"), py::arg("dst"), py::arg("time"), py::arg("max_gap"),
        py::arg("overlap"), py::arg("min_calls"), py::arg("max_block"), py::arg("idf"), py::arg("threads") = 0);
  m.def("resolve_colocation",
        [](vertex_t n, U32 ident, U32 cell, I64 time, U32 call_src, U32 call_dst, std::int64_t window,
           std::size_t max_block, std::size_t min_shared, int threads) {
          ColocationOptions o;
          o.window = window;
          o.max_block = max_block;
          o.min_shared = min_shared;
          o.threads = threads;
          auto i = vec<vertex_t>(ident), c = vec<vertex_t>(cell), cs = vec<vertex_t>(call_src),
               cd = vec<vertex_t>(call_dst);
          auto t = vec<std::int64_t>(time);
          Colocation r = run(py::none(), [&](Progress& p) {
            o.progress = &p;
            return colocation(n, i, c, t, cs, cd, o);
          });
          py::dict out = pairs_dict(std::move(r.pairs));
          out["windows"] = own(std::move(r.windows));
          out["skipped_blocks"] = r.skipped_blocks;
          return out;
        },
        py::arg("n"), py::arg("ident"), py::arg("cell"), py::arg("time"), py::arg("call_src"), py::arg("call_dst"),
        py::arg("window"), py::arg("max_block"), py::arg("min_shared"), py::arg("threads") = 0);
  m.def("resolve_passthrough",
        [](vertex_t n, U8 is_id, U32 src, U32 dst, F64 amount, I64 time, std::int64_t window, double tolerance,
           std::size_t min_events, std::size_t max_block, int threads) {
          PassthroughOptions o;
          o.window = window;
          o.tolerance = tolerance;
          o.min_events = min_events;
          o.max_block = max_block;
          o.threads = threads;
          auto id = chars(is_id);
          auto s = vec<vertex_t>(src), d = vec<vertex_t>(dst);
          auto x = vec<double>(amount);
          auto t = vec<std::int64_t>(time);
          Pairs r = run(py::none(), [&](Progress& p) {
            o.progress = &p;
            return passthrough(n, id, s, d, x, t, o);
          });
          return pairs_dict(std::move(r));
        },
        py::arg("n"), py::arg("is_id"), py::arg("src"), py::arg("dst"), py::arg("amount"), py::arg("time"),
        py::arg("window"), py::arg("tolerance"), py::arg("min_events"), py::arg("max_block"), py::arg("threads") = 0);
  m.def("resolve_cluster",
        [](vertex_t n, U32 a, U32 b, F64 score, U64 hub_offsets, U64 hub_ids, std::size_t max_size) {
          ClusterOptions o;
          o.max_size = max_size;
          auto x = vec<vertex_t>(a), y = vec<vertex_t>(b);
          auto s = vec<double>(score);
          auto ho = vec<std::uint64_t>(hub_offsets), hi = vec<std::uint64_t>(hub_ids);
          Clusters r = run(py::none(), [&](Progress&) { return cluster(n, x, y, s, ho, hi, o); });
          return py::make_tuple(own(std::move(r.label)), own(std::move(r.status)));
        },
        py::arg("n"), py::arg("a"), py::arg("b"), py::arg("score"), py::arg("hub_offsets"), py::arg("hub_ids"),
        py::arg("max_size"));
}

}  // namespace rlpy
