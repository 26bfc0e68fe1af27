// Bindings of money tracing and freeze plans.  Transfers travel as arrays of
// vertex indices, amounts and timestamps (selected by the Python layer).
#include "bindings.hpp"

#include <ringleader/money/freeze.hpp>
#include <ringleader/money/trace.hpp>

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::money;
Transfers transfers(vertex_t n, const U32& src, const U32& dst, const F64& amount, py::object time) {
  Transfers t;
  t.n = n;
  t.source = vec<vertex_t>(src);
  t.target = vec<vertex_t>(dst);
  t.amount = vec<double>(amount);
  if (!time.is_none()) t.time = vec<std::int64_t>(time.cast<I64>());
  return t;
}
}  // namespace

void bind_money(py::module_& m) {
  m.def("money_trace",
        [](vertex_t n, U32 src, U32 dst, F64 amount, I64 time, U32 sources, const std::string& rule) {
          Transfers t = transfers(n, src, dst, amount, time);
          const auto a = choice<Allocation>("rule", rule,
                                            {{"proportional", Allocation::Proportional}, {"fifo", Allocation::Fifo}});
          auto s = vec<vertex_t>(sources);
          TraceResult r = run(py::none(), [&](Progress& p) { return trace(t, s, a, &p); });
          return py::dict("received"_a = own(std::move(r.received)),
                          "passed_on"_a = own(std::move(r.passed_on)),
                          "held"_a = own(std::move(r.held)),
                          "traced"_a = own(std::move(r.traced)),
                          "emitted"_a = r.emitted);
        },
        py::arg("n"), py::arg("src"), py::arg("dst"), py::arg("amount"), py::arg("time"), py::arg("sources"),
        py::arg("rule"));
  m.def("widest_paths",
        [](vertex_t n, U32 src, U32 dst, F64 w, U32 sources) {
          auto a = vec<vertex_t>(src), b = vec<vertex_t>(dst), s = vec<vertex_t>(sources);
          auto x = vec<double>(w);
          WidestPaths r = run(py::none(), [&](Progress& p) { return widest_paths(n, a, b, x, s, &p); });
          return py::make_tuple(own(std::move(r.width)), own(std::move(r.pred)));
        },
        py::arg("n"), py::arg("src"), py::arg("dst"), py::arg("w"), py::arg("sources"));
  m.def("freeze_plan",
        [](vertex_t n, U32 src, U32 dst, F64 amount, U32 sources, U32 sinks, const std::string& cut, bool count,
           std::size_t k) {
          Transfers t = transfers(n, src, dst, amount, py::none());
          FreezeOptions o;
          o.cut = choice<Cut>("cut", cut, {{"transfers", Cut::Transfers}, {"accounts", Cut::Accounts}});
          o.count = count;
          o.k = k;
          auto a = vec<vertex_t>(sources), b = vec<vertex_t>(sinks);
          FreezeResult r = run(py::none(), [&](Progress& p) { return freeze_plan(t, a, b, o, &p); });
          return py::dict("cut_source"_a = own(std::move(r.cut_source)),
                          "cut_target"_a = own(std::move(r.cut_target)),
                          "cut_accounts"_a = own(std::move(r.cut_accounts)),
                          "cut_capacity"_a = own(std::move(r.cut_capacity)),
                          "cut_transfers"_a = own(std::move(r.cut_transfers)),
                          "total"_a = r.total,
                          "stopped"_a = r.stopped,
                          "remaining"_a = r.remaining,
                          "capacity"_a = r.capacity);
        },
        py::arg("n"), py::arg("src"), py::arg("dst"), py::arg("amount"), py::arg("sources"), py::arg("sinks"),
        py::arg("cut"), py::arg("count"), py::arg("k"));
}

}  // namespace rlpy
