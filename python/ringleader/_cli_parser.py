"""The argument parser of the ``ringleader`` command line
(:mod:`ringleader.cli`): the option groups shared by the subcommands
(input, run, output, persons), one small function per subcommand's own
options, and :func:`build_parser`, which puts them together around the
functions that run each subcommand."""
from __future__ import annotations

import argparse
from typing import Callable, Mapping

from . import __version__
from ._cli_resolve import share

_EPILOG = """examples:
  ringleader generate case/ --seed 1                     a synthetic fraud network to try things on
  ringleader info case/edges.csv --nodes case/nodes.csv
  ringleader leaders case/edges.csv --nodes case/nodes.csv --directed --top 10
  ringleader report case/edges.csv --nodes case/nodes.csv --directed -o case/report/
  ringleader centrality network.graphml --measures degree,betweenness --format csv -o scores.csv
  ringleader communities network.net --summary

Each subcommand has its own help: ringleader report --help"""

#: The input formats of ``--input-format``.
FORMATS = ("auto", "csv", "edgelist", "graphml", "pajek", "dl", "matrix", "case")


class Parser(argparse.ArgumentParser):
    """Usage errors in one line, with where to find help; the top-level
    parser of :func:`build_parser` has ``commands``, the subcommands' parsers
    by name."""

    def error(self, message):
        self.exit(2, f"ringleader: error: {message} (see '{self.prog} --help')\n")


def count(text: str) -> int:
    """An option value that is a non-negative integer."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"wants a non-negative integer, not {text!r}")
    return value


# ---- option groups shared by subcommands ------------------------------------------
def _input_options() -> argparse.ArgumentParser:
    inputs = argparse.ArgumentParser(add_help=False)
    g = inputs.add_argument_group("input")
    g.add_argument("edges", metavar="EDGES",
                   help="the network: edges.csv (header source,target[,type,weight,timestamp,amount,...]), "
                        ".graphml, Pajek .net, edge list .txt/.edges/.el, UCINET .dl or a matrix .csv; "
                        ".gz files are read too; or a case file .toml/.yaml naming several tables (docs/case-files.md)")
    g.add_argument("--nodes", metavar="NODES", help="nodes.csv for a CSV edge file (header id[,type,label,...])")
    g.add_argument("--directed", action="store_true",
                   help="read the CSV, edge list or DL file as directed (calls and transfers have a direction)")
    g.add_argument("--create-missing", action="store_true",
                   help="create nodes that edges name but --nodes lacks (otherwise an error)")
    g.add_argument("--input-format", default="auto", choices=FORMATS,
                   help="the input format (default: auto, from the file extension; .csv = CSV pair, .toml/.yaml = case)")
    g.add_argument("--allow-outside", action="store_true",
                   help="let a case file read tables outside its folder (../x.csv, absolute paths)")
    _mapping_options(inputs)
    return inputs


#: The CSV column options: (flag, read_csv argument, help).
COLUMN_FLAGS = (
    ("--source-col", "source", "column of EDGES holding the source ids (default: source), e.g. caller_msisdn"),
    ("--target-col", "target", "column of EDGES holding the target ids (default: target), e.g. callee_msisdn"),
    ("--type-col", "type", "column of EDGES holding the edge type (default: type, if present)"),
    ("--weight-col", "weight", "column of EDGES holding the edge weight (default: weight, if present; "
                               "not the analysis option --weight)"),
    ("--time-col", "timestamp", "column of EDGES holding the time (default: timestamp, if present), "
                                "e.g. start_time"),
    ("--amount-col", "amount", "column of EDGES holding the amount (default: amount, if present), e.g. amount_eur"),
    ("--id-col", "id_column", "column of NODES holding the node id (default: id), e.g. msisdn"),
    ("--node-type-col", "node_type_column", "column of NODES holding the node type (default: type, if present)"),
    ("--label-col", "label_column", "column of NODES holding the label (default: label, if present), "
                                    "e.g. subscriber_name"),
)


def _mapping_options(inputs) -> None:
    """The options that read exports with their own columns and formats."""
    g = inputs.add_argument_group("input columns and values (CSV files)")
    for flag, dest, help in COLUMN_FLAGS:
        g.add_argument(flag, dest=f"col_{dest}", metavar="NAME", help=help)
    g.add_argument("--delimiter", metavar="CHAR", help="field separator of the CSV files (default: ','); "
                                                       "';' for German Excel, '\\t' or TAB for tabs")
    g.add_argument("--dayfirst", action="store_true",
                   help="times may be day-first dates such as 09.03.2024 14:05 (default: ISO 8601 or Unix seconds)")
    g.add_argument("--time-format", metavar="FORMAT", help="strftime format of the times, e.g. '%%d.%%m.%%Y %%H:%%M'")
    g.add_argument("--tz", metavar="ZONE", help="time zone of times without an offset, e.g. Europe/Berlin "
                                                "(default: UTC); converted to UTC")
    g.add_argument("--decimal", choices=[".", ","], default=".",
                   help="decimal mark of weights and amounts (default: '.'); ',' reads 1.234,56 as 1234.56")
    g.add_argument("--encoding", metavar="NAME", help="encoding of the CSV files (default: UTF-8, or UTF-16 "
                                                      "with a byte-order mark), e.g. cp1252")


def _run_options() -> argparse.ArgumentParser:
    run = argparse.ArgumentParser(add_help=False)
    g = run.add_argument_group("run")
    g.add_argument("--seed", type=count, metavar="N", help="seed of every random choice, for reproducible results "
                                                  "(default: random, and reported)")
    g.add_argument("--threads", type=count, default=0, metavar="N", help="threads to use (default: 0 = all cores)")
    g.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show progress on stderr (default: when stderr is a terminal)")
    return run


def _table_options() -> argparse.ArgumentParser:
    table = argparse.ArgumentParser(add_help=False)
    g = table.add_argument_group("output")
    g.add_argument("--format", default="table", choices=["table", "csv", "json"],
                   help="output format (default: table, for reading; csv and json keep names exactly)")
    g.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    g.add_argument("--formula-safe", action=argparse.BooleanOptionalAction, default=True,
                   help="with --format csv: put a ' before a name starting with = + - @, tab or CR, so a "
                        "spreadsheet program shows it instead of running it as a formula (default: on; "
                        "--no-formula-safe keeps names exactly)")
    return table


def _resolve_options() -> argparse.ArgumentParser:
    resolve = argparse.ArgumentParser(add_help=False)
    g = resolve.add_argument_group("identity resolution")
    g.add_argument("--resolve", action="store_true",
                   help="first link the phones and accounts one person controls (rl.resolve.merge: shared handsets, "
                        "number succession, co-location, holders, pass-through money) and run on the resolved "
                        "network; the report lists every merge and its evidence (section Identity resolution, "
                        "merges.csv), the leaders table marks inferred persons and their identifiers")
    g.add_argument("--resolve-threshold", type=share, metavar="X",
                   help="with --resolve: merge the pairs scoring at least X, 0 to 1 (default: "
                        "rl.resolve.THRESHOLD)")
    g.add_argument("--resolve-pairs", metavar="FILE",
                   help="with --resolve: merge the pairs of FILE (columns a,b[,score,...], e.g. a report's "
                        "merges.csv with the wrong rows deleted: how a merge is undone) instead of computing them")
    return resolve


def _person_options() -> argparse.ArgumentParser:
    persons = argparse.ArgumentParser(add_help=False)
    g = persons.add_argument_group("persons")
    g.add_argument("--person-type", default="person", metavar="TYPE",
                   help="node type of the persons to rank (default: person); other node types (phones, "
                        "accounts, venues) link them")
    g.add_argument("--all-nodes", action="store_true", help="rank every node (a one-mode network)")
    g.add_argument("--weights", metavar="M=W,...",
                   help="weights of the leader measures, e.g. money=2,contact=0 (measures: degree, betweenness, "
                        "harmonic, eigenvector, flow, money, contact)")
    return persons


# ---- each subcommand's own options -------------------------------------------------
def _centrality_options(s) -> None:
    s.add_argument("--measures", default="degree,betweenness,pagerank",
                   help="comma-separated: degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, "
                        "katz, core_number (default: degree,betweenness,pagerank; sorted by the first)")
    s.add_argument("--weight", metavar="COLUMN", help="edge column to use as weight: a distance for betweenness, "
                                                      "closeness and harmonic, a strength for the others "
                                                      "(default: unweighted)")
    s.add_argument("--samples", type=count, metavar="K",
                   help="estimate betweenness and harmonic closeness from K sampled sources (large networks)")
    s.add_argument("--project", metavar="TYPE", help="compute on the one-mode network of TYPE nodes (e.g. person) "
                                                     "linked through the other node types")
    s.add_argument("--node-type", metavar="TYPE", help="only print nodes of TYPE")
    s.add_argument("--top", type=count, metavar="N", help="only print the N highest (default: all)")


def _communities_options(s) -> None:
    s.add_argument("--method", default="leiden", choices=["leiden", "louvain", "label_propagation", "components"],
                   help="default: leiden (connected communities, best modularity)")
    s.add_argument("--objective", default="modularity", choices=["modularity", "cpm"],
                   help="Leiden's objective (default: modularity; cpm: a density threshold set by --resolution)")
    s.add_argument("--resolution", type=float, default=1.0,
                   help="higher: smaller communities (default: 1.0)")
    s.add_argument("--weight", metavar="COLUMN", help="edge column to use as link strength (default: unweighted)")
    s.add_argument("--project", metavar="TYPE", help="find communities of TYPE nodes (e.g. person) linked through "
                                                     "the other node types")
    s.add_argument("--summary", action="store_true",
                   help="one row per community (size, internal weight, volume, cut, conductance) instead of one "
                        "per node")


def _leaders_options(s) -> None:
    s.add_argument("--top", type=count, metavar="N",
                   help="only print the N highest-ranked (default: 25 as a table, all as csv or json)")
    s.add_argument("--confidence", type=count, metavar="R",
                   help="re-rank under R resamples of missing data and add p_top, rank_low, rank_high")
    s.add_argument("--known", metavar="FILE",
                   help="CSV with columns id,known: persons known to be leaders (true/false or a role name such "
                        "as boss, manager, operator); the weights are then fitted to them")


def _report_options(s) -> None:
    s.add_argument("-o", "--output", metavar="DIR", required=True, help="directory to write into (created)")
    s.add_argument("--title", default="Network report", help="title of the report (default: Network report)")
    s.add_argument("--pseudonymize", action="store_true",
                   help="replace every id and label by a pseudonym (person-0001, ...), leave out attributes and "
                        "input file names: for sharing outside the investigation")
    s.add_argument("--pseudonym-key", metavar="KEY",
                   help="with --pseudonymize: derive pseudonyms from this secret key, so the same id gets the same "
                        "pseudonym in every report (default: numbered from a secret drawn for the run and not kept, "
                        "different in every run). Other users of the machine can read a key given here (ps): "
                        "prefer RINGLEADER_PSEUDONYM_KEY or --pseudonym-key-file")
    s.add_argument("--pseudonym-key-file", metavar="FILE",
                   help="with --pseudonymize: read the pseudonym key from FILE (its first line; keep the file "
                        "readable by you only)")
    s.add_argument("--formula-safe", action=argparse.BooleanOptionalAction, default=True,
                   help="in leaders.csv and communities.csv, put a ' before a name starting with = + - @, tab or "
                        "CR (spreadsheet formula injection; default: on; --no-formula-safe keeps names exactly)")
    s.add_argument("--top", type=count, metavar="N", help="leaders listed in the report (default: 25)")
    s.add_argument("--key-players", type=count, default=5, metavar="K",
                   help="size of the key player set (default: 5)")
    s.add_argument("--steps", type=count, default=10, metavar="N",
                   help="persons removed in the disruption simulation (default: 10)")
    s.add_argument("--limit", type=count, default=1000, metavar="N",
                   help="key players and disruption run on at most N highest-ranked persons (default: 1000)")
    s.add_argument("--template", metavar="FILE",
                   help="write report.html through this Jinja2 template (your header, marking, language; "
                        "needs pip install 'ringleader[report]'; start from rl.report.DEFAULT_TEMPLATE)")


def _export_options(s) -> None:
    s.add_argument("--to", required=True, choices=["i2", "gexf", "graphml", "csv"],
                   help="i2: entities.csv and links.csv for i2 Analyst's Notebook's Import wizard (into -o DIR); "
                        "gexf, graphml: one file for Gephi (-o FILE); csv: edges.csv and nodes.csv (into -o DIR)")
    s.add_argument("-o", "--output", metavar="PATH", required=True, help="directory (i2, csv) or file (gexf, graphml)")
    s.add_argument("--leaders", action="store_true",
                   help="add the leader ranking (rank, score, role, community) as node columns (i2, gexf, graphml)")
    s.add_argument("--layout", action="store_true", help="add ForceAtlas2 positions (gexf, graphml; from --seed)")
    s.add_argument("--formula-safe", action=argparse.BooleanOptionalAction, default=None,
                   help="a single quote before a text value starting with = + - @, tab or CR that is not a "
                        "plain number, so a spreadsheet does not run it as a formula (default: on for i2, off for "
                        "csv, whose round trip stays exact; --no-formula-safe keeps values exactly)")


def _generate_options(s) -> None:
    s.add_argument("--seed", type=count, metavar="N", help="seed of the generator (default: random, and printed)")
    s.add_argument("output_dir", metavar="DIR", help="directory for edges.csv, nodes.csv and truth.csv (created)")
    s.add_argument("--groups", type=count, metavar="N", default=3, help="groups (compounds) (default: 3)")
    s.add_argument("--teams", type=count, metavar="N", default=4, help="teams per group (default: 4)")
    s.add_argument("--operators", type=count, metavar="N", default=8, help="callers per team (default: 8)")
    s.add_argument("--victims", type=count, metavar="N", default=5, help="victims per caller (default: 5)")
    s.add_argument("--noise", type=float, default=0.0, metavar="X",
                   help="share of calls and transfers unobserved and of false calls, 0 to 1 (default: 0)")
    s.add_argument("--force", action="store_true", help="overwrite existing files")


# ---- the parser ----------------------------------------------------------------------
#: The subcommands in help order: (name, help, shared option groups, example, own options).
_COMMANDS = (
    ("info", "load a network and print its size by node and edge type", ("input", "table"),
     "ringleader info edges.csv --nodes nodes.csv --format json", None),
    ("centrality", "centrality of every node, highest first", ("input", "run", "table"),
     "ringleader centrality edges.csv --nodes nodes.csv --project person --measures degree,betweenness",
     _centrality_options),
    ("communities", "communities (groups that are densely linked inside)", ("input", "run", "table"),
     "ringleader communities edges.csv --nodes nodes.csv --project person --summary", _communities_options),
    ("leaders", "rank the persons as leaders, brokers, key members",
     ("input", "run", "table", "persons", "resolve"),
     "ringleader leaders edges.csv --nodes nodes.csv --directed --top 10", _leaders_options),
    ("report", "write the investigation report (HTML, Markdown, JSON, CSV)",
     ("input", "run", "persons", "resolve"),
     "ringleader report edges.csv --nodes nodes.csv --directed -o out/\n"
     "  ringleader report edges.csv --nodes nodes.csv -o share/ --pseudonymize   # to share outside\n\n"
     "  ringleader report edges.csv --nodes nodes.csv -o out/ --template agency.html   # your own page\n\n"
     "  ringleader report case.toml -o out/ --resolve   # one person per user, from phones and accounts\n\n"
     "writes report.html (self-contained and offline, with an interactive network view; open it in a\n"
     "browser), report.md, report.json, leaders.csv and communities.csv; report.json has every\n"
     "parameter and the inputs' SHA-256 checksums.",
     _report_options),
    ("export", "write the network for other tools: i2 Analyst's Notebook, Gephi (GEXF, GraphML), CSV",
     ("input", "run", "persons", "resolve"),
     "ringleader export case.toml --to i2 --leaders -o i2/\n"
     "  ringleader export edges.csv --nodes nodes.csv --directed --to gexf --leaders --layout -o case.gexf",
     _export_options),
    ("generate", "write a synthetic telecom-fraud network with its true roles", (),
     "ringleader generate case/ --groups 3 --seed 1", _generate_options),
)


def build_parser(runs: Mapping[str, Callable]) -> argparse.ArgumentParser:
    """The argument parser (every subcommand and option, with help); ``runs``
    maps each subcommand's name to the function that runs it (set as the
    ``run`` default of its arguments)."""
    shared = {"input": _input_options(), "run": _run_options(), "table": _table_options(),
              "persons": _person_options(), "resolve": _resolve_options()}
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback on errors")
    p = Parser(prog="ringleader", description="Find the leaders and key members of organised crime networks.",
               epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"ringleader {__version__}")
    p.add_argument("--debug", action="store_true", help="show the traceback on errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)
    p.commands = sub.choices
    for name, help, groups, epilog, options in _COMMANDS:
        s = sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                           parents=[shared[g] for g in groups] + [common], epilog="examples:\n  " + epilog,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        s.set_defaults(run=runs[name])
        if options is not None:
            options(s)
    return p
