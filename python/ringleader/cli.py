"""The ``ringleader`` command line.

Subcommands: ``info`` (size by node and edge type), ``centrality``,
``communities``, ``leaders`` (tables on stdout or ``--output FILE`` as
``--format table|csv|json``), ``report`` (the investigation report, see
:mod:`ringleader.report`), ``export`` (for i2 Analyst's Notebook, Gephi,
CSV) and ``generate`` (a synthetic fraud network with
ground truth).  Inputs: the CSV pair (edges.csv with ``--nodes nodes.csv``),
GraphML, Pajek, SNAP edge lists, UCINET DL and matrices, case files (``.toml``, ``.yaml``,
several tables: :func:`ringleader.read_case`), chosen by file extension or
``--input-format``.  ``leaders``, ``report`` and ``export`` take ``--resolve`` (identity
resolution first, :mod:`ringleader.resolve`; ``--resolve-threshold``,
``--resolve-pairs FILE``: :mod:`ringleader._cli_resolve`).

Errors print one line on stderr, ``ringleader: error: ...`` with what to do,
and exit with status 2 (usage errors too; ``--debug`` shows the traceback);
Ctrl-C exits with status 130.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys

from ._cli_parser import COLUMN_FLAGS, build_parser
from ._cli_resolve import identifiers, resolved
from ._files import safe_open, write_table, write_text

# Python-level advice in library messages, as command-line options
_HINTS = {"pass create_missing=True": "use --create-missing"}


# ---- loading -----------------------------------------------------------------
def _format(args) -> str:
    fmt = args.input_format
    if fmt == "auto":
        low = args.edges.lower().removesuffix(".gz")
        fmt = ("graphml" if low.endswith(".graphml") else "pajek" if low.endswith(".net")
               else "dl" if low.endswith(".dl") else "case" if low.endswith((".toml", ".yaml", ".yml"))
               else "edgelist" if low.endswith((".txt", ".edges", ".el"))
               else "csv")
    return fmt


def _csv_options(args) -> dict:
    """read_csv's column and value arguments from the input flags."""
    out = {dest: getattr(args, f"col_{dest}") for _, dest, _ in COLUMN_FLAGS}
    delimiter = args.delimiter
    if delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    out.update(delimiter=delimiter or ",", dayfirst=args.dayfirst, time_format=args.time_format, tz=args.tz,
               decimal=args.decimal, encoding=args.encoding)
    return out


def _read(args, fmt: str):
    from . import io as rio

    path = args.edges
    if args.nodes and fmt != "csv":
        raise ValueError(f"--nodes goes with a CSV edge file, not {fmt}: leave it out, or give --input-format csv")
    given = [flag for flag, dest, _ in COLUMN_FLAGS if getattr(args, f"col_{dest}") is not None]
    given += [f for f, v in (("--dayfirst", args.dayfirst), ("--time-format", args.time_format), ("--tz", args.tz),
                             ("--decimal", args.decimal != "."), ("--encoding", args.encoding)) if v]
    given += ["--delimiter"] if args.delimiter is not None and fmt != "matrix" else []
    if fmt != "csv" and given:
        raise ValueError(f"{given[0]} goes with a CSV edge file, not {fmt}: leave it out, or give --input-format csv"
                         + (" (a case file names its columns and formats per table)" if fmt == "case" else ""))
    if args.allow_outside and fmt != "case":
        raise ValueError("--allow-outside goes with a case file (.toml, .yaml): leave it out")
    if fmt == "case":
        if args.directed:
            raise ValueError("--directed does not go with a case file: set directed = true/false in its [case]")
        return rio.read_case(path, allow_outside=args.allow_outside)
    if fmt == "csv":
        return rio.read_csv(path, nodes=args.nodes, directed=args.directed, create_missing=args.create_missing,
                            **_csv_options(args))
    if fmt == "edgelist":
        return rio.read_edgelist(path, directed=args.directed)
    if fmt == "graphml":
        return rio.read_graphml(path)
    if fmt == "pajek":
        return rio.read_pajek(path)
    if fmt == "dl":
        return rio.read_ucinet_dl(path, directed=args.directed)
    return rio.read_matrix(path, delimiter=_csv_options(args)["delimiter"])


def _load(args):
    """The network of the input flags; errors reading it speak of the flags
    (``--delimiter ';'``, not ``delimiter=';'``)."""
    try:
        return _read(args, _format(args))
    except ValueError as exc:  # ParseError included
        exc.args = (_input_words(str(exc)),) + exc.args[1:]
        if hasattr(exc, "message"):
            exc.message = _input_words(exc.message)
        raise


#: read_csv's arguments -> the flags that set them
_INPUT_FLAGS = {**{dest: flag for flag, dest, _ in COLUMN_FLAGS}, "delimiter": "--delimiter",
                "dayfirst": "--dayfirst", "time_format": "--time-format", "tz": "--tz", "decimal": "--decimal",
                "encoding": "--encoding", "create_missing": "--create-missing"}


def _input_words(text: str) -> str:
    """Advice in read_csv's messages (``pass dayfirst=True``, ``source='x'``)
    as command-line flags (``use --dayfirst``, ``--source-col 'x'``)."""
    def flag(m):
        name, true, value = m.group(1), m.group(2), m.group(3)
        if name not in _INPUT_FLAGS:
            return m.group(0)
        return _INPUT_FLAGS[name] + (" " if value and not true else "")
    text = re.sub(r"\b(\w+)=(True\b)?(?=(['\"%\w])?)", flag, text)
    return text.replace("pass --", "use --")


def _sources(args) -> dict:
    return {"edges": args.edges, **({"nodes": args.nodes} if args.nodes else {}),
            **({"resolve-pairs": args.resolve_pairs} if getattr(args, "resolve_pairs", None) else {})}


def _person_type(net, args):
    """--person-type, checked against the network (None with --all-nodes)."""
    if args.all_nodes:
        return None
    types = net.node_types()
    if args.person_type not in types and len(types) > 1:
        raise ValueError(f"no node has type {args.person_type!r}; node types are {sorted(types)}: "
                         "use --person-type TYPE (or --all-nodes to rank every node)")
    return args.person_type


def _network_for(net, project):
    return net if project is None else net.project(project, via=[t for t in net.node_types() if t != project])


# ---- output ------------------------------------------------------------------
def _json_value(v):
    import math

    if hasattr(v, "item"):  # numpy scalars
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def _emit(df, args, index_label: str, title: str = "") -> None:
    """Write a DataFrame to --output or stdout as --format table|csv|json
    (table: names shortened and control characters made visible; csv: a
    name a spreadsheet would run as a formula gets a leading ', unless
    --no-formula-safe)."""
    import pandas as pd

    from .report._text import display

    with (safe_open(args.output, newline="") if args.output else contextlib.nullcontext(sys.stdout)) as out:
        if args.format == "csv":
            write_table(out, df, index_label, args.formula_safe)
        elif args.format == "json":
            rows = [{index_label: _json_value(i), **{str(k): _json_value(v) for k, v in row.items()}}
                    for i, row in zip(df.index, df.to_dict("records"))]
            out.write(json.dumps(rows, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        else:
            shown = df.copy()
            shown.index = pd.Index([display(i, 40) for i in df.index], name=index_label)
            for c in shown.columns:
                if not pd.api.types.is_numeric_dtype(shown[c]):
                    shown[c] = [display(x, 60) if isinstance(x, str) else x for x in shown[c]]
            out.write((title + "\n" if title else "") + shown.to_string(float_format=lambda x: f"{x:.6g}") + "\n")


# ---- subcommands ---------------------------------------------------------------
def _info(args) -> int:
    import pandas as pd

    from .report._text import display

    net = _load(args)
    data = {"directed": net.directed, "nodes": net.number_of_nodes(), "edges": net.number_of_edges(),
            "node_types": net.node_types(), "edge_types": net.edge_types()}
    if args.format == "csv":
        rows = [("node", t, c) for t, c in data["node_types"].items()] + \
               [("edge", t, c) for t, c in data["edge_types"].items()]
        _emit(pd.DataFrame(rows, columns=["kind", "type", "count"]).set_index("kind"), args, "kind")
        return 0
    if args.format == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False)
    else:
        node_types = {display(t, 40): c for t, c in data["node_types"].items()}
        edge_types = {display(t, 40): c for t, c in data["edge_types"].items()}
        width = max([len(t) for t in list(node_types) + list(edge_types)] + [4])
        lines = [f"{'directed' if net.directed else 'undirected'} network: {data['nodes']} nodes, "
                 f"{data['edges']} edges", "", "nodes by type"]
        lines += [f"  {t:<{width}}  {c:>10,}" for t, c in node_types.items()]
        lines += ["", "edges by type"] + [f"  {t:<{width}}  {c:>10,}" for t, c in edge_types.items()]
        text = "\n".join(lines)
    if args.output:
        write_text(args.output, text + "\n")
    else:
        print(text)
    return 0


def _centrality(args) -> int:
    import pandas as pd

    from . import centrality as c

    net = _network_for(_load(args), args.project)
    k, w, t, pr = args.samples, args.weight, args.threads, args.progress
    measures = {
        "degree": lambda: c.degree(net, threads=t),
        "strength": lambda: c.strength(net, weight=w or "weight", threads=t),
        "betweenness": lambda: c.betweenness(net, weight=w, k=k, seed=args.seed, threads=t, progress=pr),
        "closeness": lambda: c.closeness(net, weight=w, threads=t, progress=pr),
        "harmonic": lambda: c.harmonic(net, weight=w, k=k, seed=args.seed, threads=t, progress=pr),
        "eigenvector": lambda: c.eigenvector(net, weight=w, max_iter=1000, threads=t, progress=pr),
        "pagerank": lambda: c.pagerank(net, weight=w, max_iter=1000, threads=t, progress=pr),
        "katz": lambda: c.katz(net, weight=w, threads=t, progress=pr),
        "core_number": lambda: c.core_number(net, threads=t, progress=pr),
    }
    wanted = [m.strip() for m in args.measures.split(",") if m.strip()]
    unknown = [m for m in wanted if m not in measures]
    if unknown or not wanted:
        raise ValueError(f"unknown measures {unknown}: choose from {', '.join(measures)} (comma-separated)")
    df = pd.DataFrame({m: measures[m]() for m in wanted})
    df.insert(0, "type", net.nodes["type"])
    if args.node_type:
        df = df[df["type"] == args.node_type]
    df = df.sort_values(wanted[0], ascending=False, kind="stable")
    _emit(df.head(_top(args, len(df))), args, "id")
    return 0


def _communities(args) -> int:
    from . import community as cm

    net = _network_for(_load(args), args.project)
    w, s, t, pr = args.weight, args.seed, args.threads, args.progress
    if args.method == "leiden":
        part = cm.leiden(net, objective=args.objective, resolution=args.resolution, weight=w, seed=s, threads=t,
                         progress=pr)
    elif args.method == "louvain":
        part = cm.louvain(net, resolution=args.resolution, weight=w, seed=s, threads=t, progress=pr)
    elif args.method == "label_propagation":
        part = cm.label_propagation(net, seed=s, weight=w, threads=t, progress=pr)
    else:
        part = cm.components(net, strong=net.directed)
    title = f"{part.nunique()} communities ({args.method}), modularity {cm.modularity(net, part, weight=w):.4f}"
    if args.summary:
        _emit(cm.summary(net, part, weight=w), args, "community", title)
    else:
        df = part.to_frame()
        df.insert(0, "type", net.nodes["type"])
        _emit(df.sort_values("community", kind="stable"), args, "id", title)
    return 0


def _top(args, default: int) -> int:
    return default if args.top is None else args.top


def _weights(text):
    if not text:
        return None
    out = {}
    for item in text.split(","):
        name, eq, value = item.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise ValueError(f"--weights wants measure=number pairs separated by commas "
                             f"(e.g. money=2,contact=0), not {item!r}") from None
        if not eq:
            raise ValueError(f"--weights: {item!r} has no '=' (e.g. money=2)")
    return out


def _known(path):
    """--known FILE: id,known rows -> {id: True/False or role name}."""
    if path is None:
        return None
    import pandas as pd

    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as e:
        raise ValueError(f"--known {path}: {e}") from None
    if list(table.columns[:2]) != ["id", "known"]:
        raise ValueError(f"--known {path}: the header must be 'id,known', not {','.join(map(str, table.columns))!r}")
    out = {}
    for line, (who, v) in enumerate(zip(table["id"], table["known"]), start=2):
        low = v.strip().lower()
        out[who] = True if low in ("true", "1", "yes") else False if low in ("false", "0", "no") else v.strip()
        if who == "":
            raise ValueError(f"--known {path}:{line}: empty id")
    return out


def _leaders(args) -> int:
    from .criminal._leaders import leaders

    net, mapping = resolved(_load(args), args, sys.stderr)
    ranking = leaders(net, _person_type(net, args), args.seed, weights=_weights(args.weights), threads=args.threads,
                      progress=args.progress, confidence=args.confidence or 0, known=_known(args.known))
    ranking.insert(0, "label", net.nodes["label"].reindex(ranking.index).to_numpy())
    if mapping is not None:
        ranking = identifiers(ranking, net, mapping)
    if args.format == "table":
        labelled = ["label"] if ranking["label"].notna().any() else []
        extra = ["p_top", "rank_low", "rank_high"] if "p_top" in ranking.columns else []
        extra += ["inferred", "identifiers"] if mapping is not None else []
        ranking = ranking[labelled + ["rank", "score", "role", "community"] + extra + ["explanation"]]
        n = _top(args, 25)
        title = f"top {min(n, len(ranking))} of {len(ranking)} persons (seed {ranking.attrs['seed']})"
    else:
        n, title = _top(args, len(ranking)), ""
    _emit(ranking.head(n), args, "id", title)
    return 0


def _pseudonym_key(args):
    """The pseudonym key: --pseudonym-key, --pseudonym-key-file (its first
    line, bytes) or RINGLEADER_PSEUDONYM_KEY, at most one; None without."""
    given = [(n, v) for n, v in (("--pseudonym-key", args.pseudonym_key),
                                 ("--pseudonym-key-file", args.pseudonym_key_file)) if v is not None]
    if len(given) > 1:
        raise ValueError("--pseudonym-key and --pseudonym-key-file both given: keep one (preferably the file)")
    if args.pseudonym_key_file is not None:
        try:
            with open(args.pseudonym_key_file, "rb") as f:
                key = f.read(1 << 16).splitlines()
        except OSError as e:
            raise ValueError(f"--pseudonym-key-file {args.pseudonym_key_file}: cannot read it ({e.strerror})") from None
        if not key or not key[0]:
            raise ValueError(f"--pseudonym-key-file {args.pseudonym_key_file}: the first line is empty: write the "
                             "key on it")
        return key[0]
    if args.pseudonym_key is not None:
        if not args.pseudonym_key:
            raise ValueError("--pseudonym-key is empty: give a secret, or leave the option out")
        return args.pseudonym_key
    return os.environ.get("RINGLEADER_PSEUDONYM_KEY") or None


def _report(args) -> int:
    from . import report

    net = _load(args)
    key = _pseudonym_key(args)
    if key is not None and not args.pseudonymize:
        raise ValueError("a pseudonym key is given but not --pseudonymize: add --pseudonymize (or drop the key)")
    net, resolution = resolved(net, args)
    paths = report.write(net, args.output, seed=args.seed, pseudonymize=args.pseudonymize, pseudonym_key=key,
                         sources=_sources(args), progress=args.progress, threads=args.threads, title=args.title,
                         person_type=_person_type(net, args), leader_weights=_weights(args.weights),
                         top=args.top if args.top is not None else report.DEFAULTS["top"],
                         key_players=args.key_players, disruption_steps=args.steps, analysis_limit=args.limit,
                         template=args.template, formula_safe=args.formula_safe, resolution=resolution)
    print(f"report written to {paths['html'].parent}{os.sep}: " + ", ".join(p.name for p in paths.values()))
    print(f"open {paths['html']} in a web browser")
    return 0


def _export(args) -> int:
    import pathlib

    from .criminal._leaders import leaders

    if args.layout and args.to in ("i2", "csv"):
        raise ValueError(f"--layout goes with --to gexf or graphml, not --to {args.to}")
    if args.leaders and args.to == "csv":
        raise ValueError("--leaders goes with --to i2, gexf or graphml (csv writes the network only)")
    net, _ = resolved(_load(args), args)
    ranking = leaders(net, _person_type(net, args), args.seed, weights=_weights(args.weights), threads=args.threads,
                      progress=args.progress) if args.leaders else None
    out = pathlib.Path(args.output)
    if args.to == "i2":
        safe = True if args.formula_safe is None else args.formula_safe
        written = list(net.write_i2(out, ranking=ranking, formula_safe=safe).values())
    elif args.to == "csv":
        out.mkdir(parents=True, exist_ok=True)
        written = [out / "edges.csv", out / "nodes.csv"]
        net.write_csv(written[0], nodes=written[1], formula_safe=bool(args.formula_safe))
    else:
        writer = net.write_gexf if args.to == "gexf" else net.write_graphml
        writer(out, ranking=ranking, pos=True if args.layout else None, seed=args.seed or 0)
        written = [out]
    print("wrote " + ", ".join(str(p) for p in written) + f" ({net.number_of_nodes()} nodes, "
          f"{net.number_of_edges()} edges)")
    return 0


def _generate(args) -> int:
    import pathlib

    from .generate import fraud_network

    out = pathlib.Path(args.output_dir)
    files = [out / "edges.csv", out / "nodes.csv", out / "truth.csv"]
    existing = [str(f) for f in files if f.exists()]
    if existing and not args.force:
        raise ValueError(f"{existing[0]} exists: choose another directory or add --force to overwrite")
    net, truth = fraud_network(n_groups=args.groups, teams_per_group=args.teams, operators_per_team=args.operators,
                               victims_per_operator=args.victims, noise=args.noise, seed=args.seed)
    out.mkdir(parents=True, exist_ok=True)
    net.write_csv(files[0], nodes=files[1])
    with safe_open(files[2], newline="") as f:
        truth.to_csv(f)
    print(f"wrote {files[0]}, {files[1]} ({net.number_of_nodes()} nodes, {net.number_of_edges()} edges, "
          f"{len(truth)} persons; seed {truth.attrs['seed']}) and {files[2]} (the true roles)")
    print(f"next: ringleader report {files[0]} --nodes {files[1]} --directed -o {out / 'report'}")
    return 0


# ---- the parser ----------------------------------------------------------------
def parser() -> argparse.ArgumentParser:
    """The argument parser (every subcommand and option, with help; built in
    :mod:`ringleader._cli_parser`)."""
    return build_parser({"info": _info, "centrality": _centrality, "communities": _communities,
                         "leaders": _leaders, "report": _report, "export": _export,
                         "generate": _generate})


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """One line for a terminal: line breaks as spaces, other control
    characters (C0, DEL, C1) as \\xNN, so a hostile id in a message cannot
    drive the terminal (the C++ messages are escaped the same way)."""
    text = text.replace("\r\n", " ").replace("\n", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02X}", text)


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
        return printable(text + ": check the path and permissions")
    text = str(exc).replace("\n", " ") or type(exc).__name__
    for python, option in _HINTS.items():
        text = text.replace(python, option)
    return printable(text)


def main(argv=None) -> int:
    p = parser()
    args, extra = p.parse_known_args(argv)
    if extra:  # point to the subcommand's help
        p.commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    if getattr(args, "progress", False) is None:
        args.progress = sys.stderr.isatty()
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("ringleader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # one clear line unless --debug
        if args.debug:
            raise
        from ._core import RingleaderError

        expected = isinstance(exc, (RingleaderError, ValueError, OSError, ImportError))
        text = _message(exc) if expected else (f"internal error ({type(exc).__name__}: {_message(exc)}); rerun "
                                               "with --debug for the traceback and report it")
        print(f"ringleader: error: {text}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
