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
          Allocation a;
          if (rule == "proportional") a = Allocation::Proportional;
          else if (rule == "fifo") a = Allocation::Fifo;
          else throw InvalidArgument("rule must be 'proportional' or 'fifo', not '" + rule + "'");
          auto s = vec<vertex_t>(sources);
          TraceResult r = run(py::none(), [&](Progress& p) { return trace(t, s, a, &p); });
          py::dict d;
          d["received"] = own(std::move(r.received));
          d["passed_on"] = own(std::move(r.passed_on));
          d["held"] = own(std::move(r.held));
          d["traced"] = own(std::move(r.traced));
          d["emitted"] = r.emitted;
          return d;
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
          if (cut == "transfers") o.cut = Cut::Transfers;
          else if (cut == "accounts") o.cut = Cut::Accounts;
          else throw InvalidArgument("cut must be 'transfers' or 'accounts', not '" + cut + "'");
          o.count = count;
          o.k = k;
          auto a = vec<vertex_t>(sources), b = vec<vertex_t>(sinks);
          FreezeResult r = run(py::none(), [&](Progress& p) { return freeze_plan(t, a, b, o, &p); });
          py::dict d;
          d["cut_source"] = own(std::move(r.cut_source));
          d["cut_target"] = own(std::move(r.cut_target));
          d["cut_accounts"] = own(std::move(r.cut_accounts));
          d["cut_capacity"] = own(std::move(r.cut_capacity));
          d["cut_transfers"] = own(std::move(r.cut_transfers));
          d["total"] = r.total;
          d["stopped"] = r.stopped;
          d["remaining"] = r.remaining;
          d["capacity"] = r.capacity;
          return d;
        },
        py::arg("n"), py::arg("src"), py::arg("dst"), py::arg("amount"), py::arg("sources"), py::arg("sinks"),
        py::arg("cut"), py::arg("count"), py::arg("k"));
}

}  // namespace rlpy
