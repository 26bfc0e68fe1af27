"""Calls every public function of ringleader on the empty, the one-node and the
two-node network and prints one JSON line per call: {"call", "net", "outcome",
"detail"}.  Run in a subprocess by test_bad_input.py, so a crash (segfault,
abort) shows as a failed test naming the last call started, not a dead runner.

outcome: "ok" (returned), "ValueError" (raised a ValueError, detail = message)
or "other" (any other exception: a bug; detail = type and message).
"""
import inspect
import json
import os
import sys
import tempfile
import warnings

import pandas as pd

import ringleader as rl

MODULES = ["centrality", "community", "criminal", "evaluate", "generate", "money", "paths", "layout", "stats",
           "temporal", "plot", "report", "resolve"]
TOP = ["key_players", "leaders", "distance_from_strength"]
# methods of Network that take the network and optional arguments
METHODS = ["collapse", "largest_component", "summary", "node_types", "edge_types", "to_pandas", "to_networkx",
           "project", "subgraph", "memory_usage", "ego", "ego_summary"]


def networks():
    t0 = pd.Timestamp("2024-01-01", tz="UTC")
    empty_e = pd.DataFrame({"source": pd.Series([], dtype=object), "target": pd.Series([], dtype=object),
                            "type": pd.Series([], dtype=object), "amount": pd.Series([], dtype=float),
                            "timestamp": pd.Series([], dtype="datetime64[ns, UTC]")})
    empty_n = pd.DataFrame({"type": pd.Series([], dtype=object)}, index=pd.Index([], dtype=object))
    one_n = pd.DataFrame({"type": ["person"]}, index=["a"])
    two_e = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["transfer"], "amount": [10.0],
                          "timestamp": [t0]})
    two_n = pd.DataFrame({"type": ["person", "person"]}, index=["a", "b"])
    return {
        "empty": rl.Network.from_pandas(empty_e, empty_n),
        "one": rl.Network.from_pandas(empty_e, one_n),
        "two": rl.Network.from_pandas(two_e, two_n),
        "two_directed": rl.Network.from_pandas(two_e, two_n, directed=True),
    }


def arguments(name, net, tmp):
    """Positional and keyword arguments for `name` on `net` (ids of the network where it has any)."""
    ids = list(net.node_index)
    a = ids[0] if ids else "x"
    b = ids[-1] if ids else "y"
    part = pd.Series(range(len(ids)), index=ids, name="community", dtype="int64")
    table = {
        "modularity": (part,), "cpm_quality": (part,), "coverage": (part,), "performance": (part,),
        "partition_quality": (part,), "conductance": (part,), "summary": (part,), "by_community": (part,),
        "brokerage": (part,), "key_players": (1,), "trace": ([a],), "freeze_plan": ([a], [b]),
        "shortest": (a, b), "all_shortest": (a, b), "k_shortest": (a, b, 2), "time_respecting": (a, b),
        "earliest_arrival": (a,), "latest_departure": (b,), "ego": (a,), "ego_summary": (a,),
        "write": (os.path.join(tmp, "report"),), "project": ("person",),
    }
    kwargs = {"seed": 1} if name in ("louvain", "leiden", "label_propagation", "key_players", "leaders",
                                     "fraud_network", "betweenness_approx", "force_atlas2", "disruption") else {}
    if name == "write":
        kwargs = {"seed": 1}
    return table.get(name, ()), kwargs


def calls():
    for m in MODULES:
        mod = getattr(rl, m)
        for name in mod.__all__:
            f = getattr(mod, name)
            if inspect.isclass(f) or not callable(f):
                continue
            yield f"{m}.{name}", name, f
    for name in TOP:
        yield name, name, getattr(rl, name)


def truth_of(net):
    """A truth table for `net` whose persons are all bosses, with every node as an identifier of itself."""
    ids = list(net.node_index)
    truth = pd.DataFrame({"role": ["boss"] * len(ids), "group": 0, "team": 0}, index=ids)
    truth.attrs["identifiers"] = pd.DataFrame({"user": ids, "type": "phone"}, index=pd.Index(ids, dtype=object))
    return truth


def run_one(label, name, f, netname, net, tmp):
    params = list(inspect.signature(f).parameters)
    args, kwargs = arguments(name, net, tmp)
    if label.startswith("Network.") and name not in ("project", "ego", "ego_summary"):
        args = ()
    kwargs = {k: v for k, v in kwargs.items() if k in params}
    if name == "identity_noise":
        args = (net, truth_of(net))
    elif params and params[0] in ("net", "network", "self"):
        args = (net,) + tuple(args)
    elif name in ("nmi", "ari"):
        p = pd.Series(range(net.number_of_nodes()), index=list(net.node_index))
        args = (p, p)
    elif name in ("leaders", "partition") and label.startswith("evaluate"):
        args = (list(net.node_index), truth_of(net))
    elif name == "score" and label.startswith("resolve"):
        args = (pd.DataFrame({"a": list(net.node_index), "b": list(net.node_index),
                              "handset": [1.0] * net.number_of_nodes()}),)
    elif name == "resolution":
        args = (pd.Series({i: "person~" + str(i) for i in net.node_index}, dtype=object), truth_of(net))
    elif name == "resolved_leaders":
        args = (list(net.node_index), pd.Series({i: i for i in net.node_index}, dtype=object), truth_of(net))
    elif name in ("trajectories", "disruption", "plot_disruption"):
        args = (pd.DataFrame(),)
    elif name == "changes":
        args = ()
    elif name == "fraud_network":
        args = ()
    return f(*args, **kwargs)


def main():
    import matplotlib

    matplotlib.use("Agg")
    warnings.simplefilter("ignore")
    nets = networks()
    with tempfile.TemporaryDirectory() as tmp:
        todo = [(label, name, f) for label, name, f in calls()]
        todo += [(f"Network.{m}", m, getattr(rl.Network, m)) for m in METHODS]
        for label, name, f in todo:
            for netname, net in nets.items():
                print(json.dumps({"call": label, "net": netname, "outcome": "start"}), flush=True)
                try:
                    run_one(label, name, f, netname, net, tmp)
                    outcome, detail = "ok", ""
                except ValueError as e:
                    outcome, detail = "ValueError", str(e)
                except Exception as e:  # noqa: BLE001 - reported, the test fails on it
                    outcome, detail = "other", f"{type(e).__name__}: {e}"
                print(json.dumps({"call": label, "net": netname, "outcome": outcome, "detail": detail[:300]}),
                      flush=True)
                if name in ("fraud_network", "changes") or label.startswith(("plot.", "criminal.plot")):
                    break  # does not take a network: once is enough


if __name__ == "__main__":
    sys.exit(main())
