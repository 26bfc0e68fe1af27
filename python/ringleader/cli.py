"""The ``ringleader`` command line (the report issue extends it).

``ringleader info EDGES [--nodes NODES] [--directed] [--format table|json|csv]``
loads a network and prints its size by node and edge type.  Errors print one
line on stderr with what to do and exit with status 2 (``--debug`` shows the
traceback).
"""
from __future__ import annotations

import argparse
import json
import sys

from . import __version__


def _load(args):
    from . import io as rio

    path = args.edges
    fmt = args.input_format
    if fmt == "auto":
        low = path.lower().removesuffix(".gz")
        fmt = ("graphml" if low.endswith(".graphml") else "pajek" if low.endswith(".net")
               else "dl" if low.endswith(".dl") else "edgelist" if low.endswith((".txt", ".edges", ".el"))
               else "csv")
    if fmt == "csv":
        return rio.read_csv(path, nodes=args.nodes, directed=args.directed, create_missing=args.create_missing)
    if fmt == "edgelist":
        return rio.read_edgelist(path, directed=args.directed)
    if fmt == "graphml":
        return rio.read_graphml(path)
    if fmt == "pajek":
        return rio.read_pajek(path)
    if fmt == "dl":
        return rio.read_ucinet_dl(path, directed=args.directed)
    return rio.read_matrix(path)


def _info(args) -> int:
    net = _load(args)
    data = {"directed": net.directed, "nodes": net.number_of_nodes(), "edges": net.number_of_edges(),
            "node_types": net.node_types(), "edge_types": net.edge_types()}
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        print("kind,type,count")
        for t, c in data["node_types"].items():
            print(f"node,{_csv(t)},{c}")
        for t, c in data["edge_types"].items():
            print(f"edge,{_csv(t)},{c}")
    else:
        print(f"{'directed' if net.directed else 'undirected'} network: "
              f"{data['nodes']} nodes, {data['edges']} edges")
        width = max([len(t) for t in list(data["node_types"]) + list(data["edge_types"])] + [4])
        print("\nnodes by type")
        for t, c in data["node_types"].items():
            print(f"  {t:<{width}}  {c:>10,}")
        print("\nedges by type")
        for t, c in data["edge_types"].items():
            print(f"  {t:<{width}}  {c:>10,}")
    return 0


def _csv(s: str) -> str:
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\r\n') else s


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="ringleader", description="Find the leaders of organised crime networks.")
    p.add_argument("--version", action="version", version=f"ringleader {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = p.add_subparsers(dest="command", required=True)
    info = sub.add_parser("info", help="load a network and print its size by node and edge type")
    info.add_argument("edges", help="edges.csv (or .graphml, .net, .txt edge list, .dl, matrix .csv)")
    info.add_argument("--nodes", help="nodes.csv")
    info.add_argument("--directed", action="store_true")
    info.add_argument("--create-missing", action="store_true",
                      help="create nodes named by edges but missing from --nodes")
    info.add_argument("--input-format", default="auto",
                      choices=["auto", "csv", "edgelist", "graphml", "pajek", "dl", "matrix"])
    info.add_argument("--format", default="table", choices=["table", "json", "csv"])
    info.set_defaults(run=_info)
    args = p.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("ringleader: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one clear line unless --debug
        if args.debug:
            raise
        print(f"ringleader: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
