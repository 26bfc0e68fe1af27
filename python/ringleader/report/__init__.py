"""The investigation report: ``rl.report.write(net, "out/")``, or on the
command line ``ringleader report edges.csv --nodes nodes.csv -o out/``.

One call ranks the leaders, finds the communities and their key members, the
key players, simulates disruption, follows the money and writes

- ``report.html``: one self-contained page (no script, no network access:
  pictures are inline SVG) for reading and printing;
- ``report.md``: the same content as Markdown, without pictures;
- ``report.json``: the results for programs (:data:`SCHEMA`, versioned by
  :data:`SCHEMA_VERSION`), with every parameter, the library version and the
  SHA-256 checksums of the input files, so the result can be reproduced;
- ``leaders.csv`` (every person) and ``communities.csv`` (every community).

Names (ids and labels) are data, never markup: they are escaped in HTML and
Markdown, isolated against right-to-left overrides and shortened for display
(in full in a tooltip and in the CSV and JSON files, which keep them exactly).
With ``pseudonymize=True`` the network is renamed before the analysis
(:func:`pseudonymize_network`), so no id, label or attribute value of the
input reaches any output.  Same network, parameters and seed: the same
``leaders.csv``, ``communities.csv`` and ``report.json`` (there is no
timestamp).
"""
from __future__ import annotations

import hashlib
import hmac
import html
import io
import json
import math
import os
import pathlib
import platform
import re
import sys
import warnings
from dataclasses import dataclass, field
from typing import Mapping, Optional, Union

import numpy as np
import pandas as pd

from .. import __version__
from .._kernel import seed_of

__all__ = ["write", "pseudonymize_network", "SCHEMA", "SCHEMA_VERSION", "DEFAULTS"]

#: Version of the report.json layout; raised when a field changes meaning or
#: is removed (adding fields keeps it).
SCHEMA_VERSION = 1

#: Default parameters of :func:`write`.
DEFAULTS = dict(person_type="person", top=25, key_players=5, disruption_steps=10, analysis_limit=1000,
                max_communities=50)


# ---- report.json schema (JSON Schema, draft 2020-12 subset) ------------------
def _obj(props: dict, optional=()) -> dict:
    return {"type": "object", "properties": props, "required": [k for k in props if k not in optional],
            "additionalProperties": False}


def _arr(items: dict) -> dict:
    return {"type": "array", "items": items}


def _null(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


_S, _I, _N, _B = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
_MAP_N = {"type": "object", "additionalProperties": _N}
_MAP_I = {"type": "object", "additionalProperties": _I}
_ROLES = ["leader", "broker", "key member", "peripheral"]
_MEMBER = _obj({"id": _S, "label": _null(_S), "rank": _I, "role": {"enum": _ROLES}})

#: The layout of report.json.  Ids are strings; ``label`` is null when the
#: node has none; amounts are in the unit of the input; times ISO 8601 UTC.
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ringleader report",
    **_obj({
        "schema_version": {"const": SCHEMA_VERSION},
        "title": _S,
        "ringleader_version": _S,
        "environment": _obj({"python": _S, "numpy": _S, "pandas": _S}),
        "parameters": _obj({
            "seed": _I, "person_type": _null(_S), "threads": _I, "top": _I, "key_players": _I,
            "disruption_steps": _I, "analysis_limit": _I, "max_communities": _I, "leader_weights": _MAP_N,
            "pseudonymized": _B, "pseudonyms": _null({"enum": ["numbered", "keyed"]})}),
        "inputs": _arr(_obj({"role": _S, "file": _null(_S), "bytes": _I, "sha256": {"type": "string",
                                                                                    "pattern": "^[0-9a-f]{64}$"}})),
        "data": _obj({
            "directed": _B, "nodes": _I, "edges": _I,
            "node_types": _arr(_obj({"type": _S, "count": _I, "labelled": _I})),
            "edge_types": _arr(_obj({"type": _S, "count": _I, "first": _null(_S), "last": _null(_S),
                                     "amount": _null(_N)})),
            "persons": _I, "person_links": _I, "projected": _B, "communities": _I, "modularity": _null(_N)}),
        "leaders": _arr(_obj({"id": _S, "label": _null(_S), "rank": _I, "score": _N, "role": {"enum": _ROLES},
                              "community": _I, "community_rank": _I, "explanation": _S, "ranks": _MAP_I})),
        "communities": _arr(_obj({"community": _I, "size": _I, "conductance": _null(_N),
                                  "key_members": _arr(_MEMBER)})),
        "key_players": _null(_obj({"objective": _S, "k": _I, "scope": _I, "score": _N, "members": _arr(_MEMBER)})),
        "disruption": _null(_obj({"scope": _I, "steps": _I, "strategies": _arr(_obj({
            "strategy": _S, "removed": _arr(_null(_S)), "largest_share": _arr(_N), "efficiency": _arr(_N)}))})),
        "money": _null(_obj({
            "transfers": _I, "amount": _N, "accounts": _I, "origin_accounts": _I, "traced": _null(_N),
            "holders": _arr(_obj({"id": _S, "label": _null(_S), "received": _N, "held": _null(_N)})),
            "paths": _arr(_obj({"account": _S, "held": _N, "amount": _N, "hops": _I, "path": _arr(_S)})),
            "freeze": _null(_obj({"accounts": _arr(_S), "stopped": _N, "total": _N, "remaining": _N}))})),
        "notes": _arr(_S),
    }),
}


# ---- pseudonyms --------------------------------------------------------------
def _prefix(node_type) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", str(node_type)).strip("_")[:20].lower() or "node"


def pseudonymize_network(net, key: Optional[Union[str, bytes]] = None, seed: Optional[int] = None):
    """A copy of ``net`` with every node renamed by a pseudonym of its type.

    Without ``key``: ``person-0001``, ``person-0002``, ... numbered in a
    random order drawn from ``seed`` (the same network and seed give the same
    pseudonyms; the numbers say nothing about the ids).  With ``key`` (a
    secret string kept out of the report): ``person-3fa92c1b0d4e``, the first
    12 hex digits of HMAC-SHA256(key, type NUL id): the same id gets the same
    pseudonym in every network and run with that key, so reports shared at
    different times can be linked by whoever receives them, while the ids
    cannot be recovered without the key.

    The copy keeps node types, node order, edges with their type, weight,
    timestamp and amount, and directedness; labels and every node and edge
    attribute are dropped (they may hold names).  Results computed on it
    equal those of ``net`` (same node order, same seed).
    """
    from ..network import Network

    nodes, edges = net.to_pandas()
    types = nodes["type"].astype(str)
    prefix = types.map(_prefix)
    names = np.empty(len(nodes), dtype=object)
    if key is None:
        rng = np.random.default_rng(seed_of(seed))
        for p in sorted(prefix.unique()):
            where = np.flatnonzero(prefix.to_numpy() == p)
            width = max(4, len(str(len(where))))
            names[rng.permutation(where)] = [f"{p}-{i:0{width}d}" for i in range(1, len(where) + 1)]
    else:
        k = key.encode() if isinstance(key, str) else bytes(key)
        for i, (t, v, p) in enumerate(zip(types, nodes.index, prefix)):
            digest = hmac.new(k, f"{t}\0{v}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
            names[i] = f"{p}-{digest[:12]}"
        if len(set(names)) != len(names):  # pragma: no cover - 2^-48 per pair
            raise ValueError("two pseudonyms collide: use another key")
    rename = pd.Series(names, index=nodes.index)
    e = edges[["type", "weight", "timestamp", "amount"]].copy()
    e.insert(0, "source", rename.reindex(edges["source"]).to_numpy())
    e.insert(1, "target", rename.reindex(edges["target"]).to_numpy())
    return Network.from_pandas(e, nodes=pd.DataFrame({"type": types.to_numpy()}, index=pd.Index(names, name="id")),
                               directed=net.directed)


# ---- inputs ------------------------------------------------------------------
def _checksums(sources, hide_names: bool) -> list:
    """[{role, file, bytes, sha256}] of the input files."""
    if sources is None:
        return []
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    items = sources.items() if isinstance(sources, Mapping) else ((f"input {i + 1}", s) for i, s in enumerate(sources))
    out = []
    for role, path in items:
        if path is None:
            continue
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        out.append({"role": str(role), "file": None if hide_names else os.path.basename(os.fspath(path)),
                    "bytes": os.path.getsize(path), "sha256": h.hexdigest()})
    return out


# ---- analysis ----------------------------------------------------------------
@dataclass
class _Analysis:
    net: object
    persons: object                 # undirected person-person network
    ranking: pd.DataFrame           # rl.leaders
    communities: pd.DataFrame       # per community: size, internal_weight, cut, conductance
    scope: object = None            # the persons key players and disruption ran on
    key_players: object = None
    disruption: dict = field(default_factory=dict)   # strategy -> DataFrame
    money: Optional[dict] = None
    notes: list = field(default_factory=list)


class _Steps:
    """'ringleader report: [i/n] what' lines on stderr when progress is on."""

    def __init__(self, progress: bool, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, what: str) -> None:
        self.done += 1
        if self.progress:
            print(f"ringleader report: [{self.done}/{self.total}] {what}", file=sys.stderr, flush=True)


def _iso(t) -> Optional[str]:
    return None if pd.isna(t) else pd.Timestamp(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def _num(x) -> Optional[float]:
    return None if x is None or not math.isfinite(float(x)) else float(x)


def _analyse(net, p: dict, steps: _Steps, progress: bool) -> _Analysis:
    from .. import community as comm, criminal
    from .._leaders import leaders
    from .._person_network import person_network

    seed, threads = p["seed"], p["threads"]
    notes = []
    steps("ranking leaders")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ranking = leaders(net, p["person_type"], seed, weights=p["leader_weights"], threads=threads,
                          progress=progress)
        persons = person_network(net, p["person_type"]).net
    notes += sorted({str(w.message) for w in caught})
    n = len(ranking)
    part = ranking["community"]
    summary = comm.summary(persons, part) if n else pd.DataFrame(
        columns=["size", "internal_weight", "volume", "cut", "conductance"])
    communities = summary.sort_values("size", ascending=False, kind="stable")
    a = _Analysis(net, persons, ranking, communities, notes=notes)

    steps("key players")
    limit = p["analysis_limit"]
    scope = persons if n <= limit else persons.subgraph(nodes=list(ranking.index[:limit]))
    a.scope = scope
    k = min(p["key_players"], scope.number_of_nodes() - 2)
    if k >= 1 and scope.number_of_edges():
        a.key_players = criminal.key_players(scope, k, objective="fragmentation", seed=seed, threads=threads,
                                             progress=progress)

    steps("disruption")
    s = min(p["disruption_steps"], scope.number_of_nodes() - 1)
    if s >= 1 and scope.number_of_edges():
        in_scope = ranking.index[ranking.index.isin(scope.node_index)]
        a.disruption = {
            "leader ranking": criminal.disruption(scope, list(in_scope[:s]), threads=threads),
            "degree": criminal.disruption(scope, "degree", steps=s, threads=threads),
            "betweenness": criminal.disruption(scope, "betweenness", steps=s, threads=threads),
            "random": criminal.disruption(scope, "random", steps=s, repeats=20, seed=seed, threads=threads),
        }

    steps("money flow")
    a.money = _money(net, ranking, notes)
    return a


def _money(net, ranking, notes: list) -> Optional[dict]:
    """Totals, traced money from the origin accounts, holders, main paths and
    a freeze plan; None without transfers with amounts."""
    from .. import money

    e = net.edges
    tr = e[(e["type"] == "transfer") & e["amount"].notna()]
    if tr.empty:
        return None
    origins = pd.Index(tr["source"].unique()).difference(pd.Index(tr["target"].unique()))
    accounts = pd.unique(np.concatenate([tr["source"].to_numpy(), tr["target"].to_numpy()]))
    out = {"transfers": len(tr), "amount": float(tr["amount"].sum()), "accounts": len(accounts),
           "origin_accounts": len(origins), "traced": None, "holders": None, "paths": [], "freeze": None}
    try:
        if origins.empty:
            raise ValueError("no account sends transfers without receiving any, so no money can be traced from "
                             "an origin")
        t = money.trace(net, list(origins))
    except ValueError as exc:
        notes.append(f"Money was not traced: {exc}. Holders are the owners of the accounts receiving the most "
                     "transfers.")
        held = money.received(net)
        held = held[held > 0].sort_values(ascending=False, kind="stable")
        out["holders"] = pd.DataFrame({"received": held, "held": np.nan})
        return out
    out["traced"] = t.emitted
    out["holders"] = t.persons
    out["paths"] = t.paths
    # freeze: the accounts of the persons ranked as leaders, as sinks
    owns = e[e["type"] == "owns"]
    leaders = ranking.index[ranking["role"] == "leader"]
    sinks = pd.Index(owns.loc[owns["source"].isin(leaders), "target"].unique()).difference(origins)
    sinks = sinks[sinks.isin(pd.Index(tr["target"]))]
    if len(sinks):
        plan = money.freeze_plan(net, list(origins), list(sinks), cut="accounts", k=3)
        out["freeze"] = plan
    return out


# ---- report.json -------------------------------------------------------------
def _label(nodes: pd.DataFrame, v) -> Optional[str]:
    label = nodes["label"].get(v) if v in nodes.index else None
    return None if label is None or pd.isna(label) else str(label)


def _node(nodes: pd.DataFrame, v) -> dict:
    return {"id": str(v), "label": _label(nodes, v)}


def _document(a: _Analysis, p: dict, inputs: list, title: str) -> dict:
    net, ranking = a.net, a.ranking
    nodes, edges = net.nodes, net.edges
    labels = nodes["label"]
    top = ranking.head(p["top"])
    rank_cols = [c for c in ranking.columns if c.startswith("rank_")]

    node_types = [{"type": str(t), "count": int(c), "labelled": int(labels[nodes["type"] == t].notna().sum())}
                  for t, c in net.node_types().items()]
    edge_types = []
    for t, c in net.edge_types().items():
        sel = edges[edges["type"] == t]
        amount = sel["amount"].dropna()
        edge_types.append({"type": str(t), "count": int(c), "first": _iso(sel["timestamp"].min()),
                           "last": _iso(sel["timestamp"].max()),
                           "amount": float(amount.sum()) if len(amount) else None})
    modularity = None
    if len(ranking) and a.persons.number_of_edges():
        from .. import community as comm
        modularity = _num(comm.modularity(a.persons, ranking["community"]))

    def member(v):
        r = ranking.loc[v]
        return {**_node(nodes, v), "rank": int(r["rank"]), "role": str(r["role"])}

    communities = []
    for c, row in a.communities.head(p["max_communities"]).iterrows():
        members = ranking.index[ranking["community"] == c][:3]
        communities.append({"community": int(c), "size": int(row["size"]), "conductance": _num(row["conductance"]),
                            "key_members": [member(v) for v in members]})

    kp = None
    if a.key_players is not None:
        kp = {"objective": a.key_players.objective, "k": len(a.key_players.nodes),
              "scope": a.scope.number_of_nodes(), "score": float(a.key_players.score),
              "members": [member(v) for v in a.key_players.nodes]}
    disruption = None
    if a.disruption:
        strategies = [{"strategy": name, "removed": [None if v is None else str(v) for v in d["removed"]],
                       "largest_share": [float(x) for x in d["largest_share"]],
                       "efficiency": [float(x) for x in d["efficiency"]]} for name, d in a.disruption.items()]
        disruption = {"scope": a.scope.number_of_nodes(), "steps": len(strategies[0]["removed"]) - 1,
                      "strategies": strategies}
    money = None
    if a.money is not None:
        m = a.money
        holders = m["holders"].head(10)
        freeze = m["freeze"]
        money = {k: m[k] for k in ("transfers", "amount", "accounts", "origin_accounts", "traced")}
        money["holders"] = [{**_node(nodes, v), "received": float(r["received"]), "held": _num(r["held"])}
                            for v, r in holders.iterrows()]
        money["paths"] = [{"account": str(r["account"]), "held": float(r["held"]), "amount": float(r["amount"]),
                           "hops": int(r["hops"]), "path": [str(v) for v in r["path"]]}
                          for _, r in pd.DataFrame(m["paths"]).head(5).iterrows()]
        money["freeze"] = None if freeze is None else {
            "accounts": [str(v) for v in freeze.cut], "stopped": freeze.stopped, "total": freeze.total,
            "remaining": freeze.remaining}

    return {
        "schema_version": SCHEMA_VERSION,
        "title": title,
        "ringleader_version": __version__,
        "environment": {"python": platform.python_version(), "numpy": np.__version__, "pandas": pd.__version__},
        "parameters": {k: p[k] for k in SCHEMA["properties"]["parameters"]["properties"]},
        "inputs": inputs,
        "data": {"directed": bool(net.directed), "nodes": net.number_of_nodes(), "edges": net.number_of_edges(),
                 "node_types": node_types, "edge_types": edge_types, "persons": len(ranking),
                 "person_links": a.persons.number_of_edges(), "projected": bool(ranking.attrs.get("projected", False)),
                 "communities": int(ranking["community"].nunique()), "modularity": modularity},
        "leaders": [{**_node(nodes, v), "rank": int(r["rank"]), "score": float(r["score"]), "role": str(r["role"]),
                     "community": int(r["community"]), "community_rank": int(r["community_rank"]),
                     "explanation": str(r["explanation"]), "ranks": {c[5:]: int(r[c]) for c in rank_cols}}
                    for v, r in top.iterrows()],
        "communities": communities,
        "key_players": kp,
        "disruption": disruption,
        "money": money,
        "notes": _method_notes(a, p),
    }


def _method_notes(a: _Analysis, p: dict) -> list:
    r = a.ranking
    seed, n = p["seed"], len(r)
    weights = ", ".join(f"{m} {w:g}" for m, w in r.attrs.get("weights", {}).items())
    sampled = r.attrs.get("sampled")
    notes = []
    if r.attrs.get("projected"):
        notes.append(f"Persons are the nodes of type '{p['person_type']}'. The person network links two persons "
                     "who share a phone, an account or a meeting, whose phones or accounts call or pay each other, "
                     "or who have a direct edge (e.g. meets); places (venues, cells) are not links, and nodes "
                     "attached to more than 50 persons are skipped as hubs (rl.criminal.person_network). It has "
                     f"{n:,} persons and {a.persons.number_of_edges():,} links; measures of position are computed "
                     f"on its organisation core ({r.attrs.get('core', n):,} persons with at least 3 contacts, on "
                     "ties seen at least twice).")
    else:
        notes.append(f"Every node is a person (a one-mode network): {n:,} persons, {a.persons.number_of_edges():,} "
                     "links.")
    if not a.net.directed and {"call", "transfer"} & set(a.net.edge_types()):
        notes.append("The network was read as undirected, so who called or paid whom is lost (it matters for the "
                     "flow measure); read it as directed (--directed, or directed=True) if the edges have a "
                     "direction.")
    notes.append(
        "Leaders: rl.leaders ranks each person by every measure and fuses the ranks into score = weighted mean of "
        f"1 - ln(rank)/ln(N) with weights {weights or 'none'}"
        + (f" (left out: {'; '.join(f'{m}: {why}' for m, why in r.attrs['dropped'].items())})"
           if r.attrs.get("dropped") else "") + "; "
        + (f"betweenness and closeness are estimated from {sampled} sampled sources (more than 5000 persons); "
           if sampled else "betweenness and closeness are exact; ")
        + f"seed {seed}. Roles: leader = first of a community of at least 3 persons and in the top 5% overall (the "
        "overall first always); broker = top 5% by betweenness with contacts in at least two other communities; "
        "key member = top 10% overall; the others peripheral.")
    notes.append(f"Communities: Leiden (modularity, resolution 1, seed {seed}) on the person network with its link "
                 "weights; conductance = share of a community's links that leave it (low: a group that keeps to "
                 "itself).")
    scope = a.scope.number_of_nodes() if a.scope is not None else 0
    where = (f"all {scope:,} persons" if scope == n else
             f"the {scope:,} highest-ranked persons only (the network has {n:,} persons, above the limit of "
             f"{p['analysis_limit']:,} for these simulations; the rest are not simulated)")
    notes.append(f"Key players (Borgatti's KPP-Neg, fragmentation): the {p['key_players']} persons whose removal "
                 "leaves the most pairs of persons disconnected; greedy then swaps, 10 restarts, seed "
                 f"{seed}; on {where}.")
    notes.append(f"Disruption (Duijn, Kashirin and Sloot 2014): up to {p['disruption_steps']} persons removed one "
                 "at a time, in the order of the leader ranking, by highest degree and by highest betweenness "
                 "(both recomputed after each removal), and at random (mean of 20 random orders from seed "
                 f"{seed}); the curves show the share of persons left in the largest connected group, the table "
                 f"also the global efficiency; on {where}.")
    if a.money is not None:
        notes.append("Money: the transfers with an amount. Origin accounts send transfers but receive none "
                     "(e.g. victims' accounts); their money is traced forward in time, mixed proportionally at "
                     "each account (rl.money.trace); held = traced money received minus passed on, summed over "
                     "the accounts a person owns; main paths are the widest paths of traced money. Freeze plan: "
                     "the 3 accounts chosen greedily (maximum flow, time ignored) that cut the most money from "
                     "the origin accounts to the accounts owned by the persons ranked as leaders "
                     "(rl.money.freeze_plan).")
    if p["pseudonymized"]:
        how = ("numbered in an order drawn from the seed" if p["pseudonyms"] == "numbered" else
               "keyed hashes (HMAC-SHA256 with a key that is not part of the report)")
        notes.append(f"Pseudonymized: every id was replaced by a pseudonym of its node type ({how}) before the "
                     "analysis; labels, node and edge attributes and input file names were left out.")
    notes.append(f"Reproduce: ringleader {__version__} with these parameters and the same thread count on input "
                 "files with the SHA-256 checksums below gives the same leaders.csv, communities.csv and "
                 "report.json.")
    return notes + a.notes


# ---- pictures ----------------------------------------------------------------
_PICTURE_LIMIT = 2000   # persons drawn one by one; above, a picture of the communities plus their cores
_CORE_SIZE = 15         # persons per community core picture
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _display(s, width: Optional[int]) -> str:
    """A name for display: control and bidi override characters shown as
    <U+XXXX>, line breaks as spaces, cut to ``width`` characters (None: no
    limit) with an ellipsis."""
    s = _CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", re.sub(r"\r\n|[\r\n]", " ", str(s)))
    return s if width is None or len(s) <= width else s[:width - 1] + "\u2026"


def _svg(draw, name: str, size) -> Optional[str]:
    """``draw(fig)`` on a new matplotlib figure, as inline SVG text (text as
    <text>, reproducible ids, no date); None without matplotlib."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        return None
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"ringleader-{name}", "font.size": 9}), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs of exotic names
        fig = Figure(figsize=size)
        draw(fig)
        fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg"):]


def _plot_network(net, ax, partition, highlight, labels: dict, seed: int, title=None):
    """rl.plot.network on ``ax``: communities coloured, ``highlight`` ringed,
    ``labels`` (node -> text) written; one disc per community above
    _PICTURE_LIMIT persons."""
    from .._draw import network

    return network(net, partition=partition, highlight=list(highlight), labels=labels, ax=ax, seed=seed,
                   title=title, community_above=_PICTURE_LIMIT)


def _figures(a: _Analysis, names, seed: int) -> dict:
    """name -> inline SVG (or None): the network, community cores (large
    networks), disruption curves."""
    r = a.ranking
    figs = {}
    large = len(r) > _PICTURE_LIMIT   # brokers would crowd the community discs' labels
    key = r.index[r["role"].isin(["leader"] if large else ["leader", "broker"]) | (r["rank"] <= 5)]
    if len(r):
        labels = {v: _display(names(v), 24) for v in key}
        figs["network"] = _svg(lambda fig: _plot_network(a.persons, fig.add_subplot(), r["community"], key, labels,
                                                         seed), "network", (9, 8))
    if large:
        big = a.communities.index[:6]

        def cores(fig):
            for i, c in enumerate(big):
                members = r.index[r["community"] == c][:_CORE_SIZE]
                _plot_network(a.persons.subgraph(nodes=list(members)), fig.add_subplot(2, 3, i + 1),
                              r["community"][members], members.intersection(key),
                              {v: _display(names(v), 18) for v in members}, seed,
                              f"community {c} ({int(a.communities.loc[c, 'size']):,} persons)")
        figs["cores"] = _svg(cores, "cores", (13, 9))
    if a.disruption:
        from ..criminal import plot_disruption

        figs["disruption"] = _svg(lambda fig: plot_disruption(a.disruption, ax=fig.add_subplot()), "disruption",
                                  (7, 4))
    return figs


# ---- report text: sections rendered as HTML and Markdown ----------------------
class _Name(str):
    """A name from the data (id, label, type, file): escaped, isolated against
    right-to-left text and shortened for display."""


class _Text(str):
    """Other text from the data (explanations, notes): escaped."""


class _Num(str):
    """A number, right-aligned in tables."""


_WIDTH = 60   # characters of a name shown in tables


def _f(x, digits: int = 3) -> _Num:
    if x is None:
        return _Num("")
    if isinstance(x, (int, np.integer)):
        return _Num(f"{x:,}")
    return _Num(f"{x:,.{digits}f}")


def _names(items, sep="; ") -> list:
    out = []
    for i, x in enumerate(items):
        out += ([sep] if i else []) + [_Name(x)]
    return out


def _sections(doc: dict, figs: dict) -> list:
    """[(anchor, title, blocks)]; a block is ("p", text), ("table", head,
    rows), ("figure", svg or None, caption) or ("ul", texts); text is a str
    (prose), a _Name/_Text/_Num or a list of them."""
    d, par = doc["data"], doc["parameters"]
    leaders = doc["leaders"]

    def person(x):
        return [_Name(x["id"])] + ([" (", _Name(x["label"]), ")"] if x["label"] else [])

    intro = (f"{d['nodes']:,} nodes and {d['edges']:,} edges ({'directed' if d['directed'] else 'undirected'}); "
             f"{d['persons']:,} persons with {d['person_links']:,} links in {d['communities']:,} communities"
             + (f" (modularity {d['modularity']:.3f})." if d["modularity"] is not None else "."))
    heads = [x for x in leaders if x["role"] == "leader"]
    summary = [("p", intro)]
    if heads:
        text = ["Leaders: "]
        for i, x in enumerate(heads):
            text += ([", "] if i else []) + person(x) + [f" (community {x['community']})"]
        summary.append(("p", text + ["."]))
    out = [("summary", "Summary", summary)]

    pictures = [("figure", figs.get("network"), "The person network: colours are communities; leaders, brokers "
                 "and the five highest-ranked persons are ringed and labelled.")]
    if "cores" in figs:
        pictures[0] = ("figure", figs["network"], "The communities of the person network, one disc per community "
                       "(area: persons; lines: links between communities); discs holding leaders or the five "
                       "highest-ranked persons are ringed and labelled with their names.")
        pictures.append(("figure", figs["cores"], f"The cores of the largest communities: their {_CORE_SIZE} "
                         "highest-ranked persons."))
    out.append(("network", "Network", pictures))

    rows = [[_f(x["rank"]), _Name(x["id"]), _Name(x["label"] or ""), x["role"], _f(x["community"]),
             _f(x["score"]), _Text(x["explanation"])] for x in leaders]
    out.append(("leaders", "Leaders", [
        ("p", f"The {len(leaders)} highest-ranked of {d['persons']:,} persons (all of them in leaders.csv). "
              "Score 1 = first by every measure; why = the measures that rank the person highest."),
        ("table", ["Rank", "Id", "Label", "Role", "Community", "Score", "Why"], rows)]))

    def members(ms):
        text = []
        for i, m in enumerate(ms):
            text += ([", "] if i else []) + [_Name(m["id"]), f" ({m['role']}, rank {m['rank']})"]
        return text

    rows = [[_f(c["community"]), _f(c["size"]), _f(c["conductance"], 2), members(c["key_members"])]
            for c in doc["communities"]]
    more = d["communities"] - len(rows)
    out.append(("communities", "Communities and key members", [
        ("p", "The three highest-ranked persons of each community"
              + (f"; the {len(rows)} largest communities are shown, {more:,} more are in communities.csv." if more
                 else ".")),
        ("table", ["Community", "Persons", "Conductance", "Key members"], rows)]))

    kp = doc["key_players"]
    if kp:
        rows = [[_Name(m["id"]), _Name(m["label"] or ""), _f(m["rank"]), m["role"]] for m in kp["members"]]
        out.append(("key-players", "Key players", [
            ("p", f"Removing these {kp['k']} persons disconnects {100 * kp['score']:.1f}% of the pairs of the "
                  f"other persons (fragmentation, among {kp['scope']:,} persons)."),
            ("table", ["Id", "Label", "Rank", "Role"], rows)]))

    dis = doc["disruption"]
    if dis:
        rows = [[s["strategy"], _f(s["largest_share"][-1], 2), _f(s["efficiency"][-1], 3),
                 _names([v for v in s["removed"][1:6] if v is not None]) or "random orders"]
                for s in dis["strategies"]]
        intact = dis["strategies"][0]
        out.append(("disruption", "Disruption", [
            ("figure", figs.get("disruption"), "Share of persons left in the largest connected group as persons "
                                               "are removed, by strategy."),
            ("p", f"After removing {dis['steps']} of {dis['scope']:,} persons (intact: largest group "
                  f"{intact['largest_share'][0]:.2f}, efficiency {intact['efficiency'][0]:.3f}):"),
            ("table", ["Strategy", "Largest group", "Efficiency", "Removed first"], rows)]))

    m = doc["money"]
    if m:
        blocks = [("p", f"{m['transfers']:,} transfers moved {m['amount']:,.2f} between {m['accounts']:,} accounts; "
                        f"{m['origin_accounts']:,} origin accounts (sending, never receiving)"
                        + (f" sent {m['traced']:,.2f}, traced below." if m["traced"] is not None else "."))]
        blocks.append(("table", ["Owner", "Label", "Received", "Held"],
                       [[_Name(h["id"]), _Name(h["label"] or ""), _f(h["received"], 2), _f(h["held"], 2)]
                        for h in m["holders"]]))
        if m["paths"]:
            blocks.append(("p", "Main paths of the money to the accounts holding the most (bottleneck = traced "
                                "money that moved along every hop):"))
            blocks.append(("table", ["Account", "Held", "Bottleneck", "Hops", "Path"],
                           [[_Name(x["account"]), _f(x["held"], 2), _f(x["amount"], 2), _f(x["hops"]),
                             _names(x["path"], " \u2192 ")] for x in m["paths"]]))
        fz = m["freeze"]
        if fz:
            blocks.append(("p", ["Freezing the accounts "] + _names(fz["accounts"], ", ")
                           + [f" would stop {fz['stopped']:,.2f} of the {fz['total']:,.2f} that the transfers can "
                              f"carry to the leaders' accounts ({fz['remaining']:,.2f} would still get through)."]))
        out.append(("money", "Money flow", blocks))

    out.append(("data", "Data", [
        ("table", ["Node type", "Nodes", "Labelled"],
         [[_Name(t["type"]), _f(t["count"]), _f(t["labelled"])] for t in d["node_types"]]),
        ("table", ["Edge type", "Edges", "First", "Last", "Amount"],
         [[_Name(t["type"]), _f(t["count"]), t["first"] or "", t["last"] or "", _f(t["amount"], 2)]
          for t in d["edge_types"]])]))

    out.append(("method", "Method notes", [("ul", [_Text(x) for x in doc["notes"]])]))
    params = [[k, _Name(json.dumps(v, ensure_ascii=False)) if not isinstance(v, str) else _Name(v)]
              for k, v in par.items()]
    inputs = [[_Name(x["role"]), _Name(x["file"] or "(withheld)"), _f(x["bytes"]), x["sha256"]]
              for x in doc["inputs"]]
    env = doc["environment"]
    out.append(("reproduce", "Reproducibility", [
        ("p", f"ringleader {doc['ringleader_version']} (report schema {doc['schema_version']}), Python "
              f"{env['python']}, numpy {env['numpy']}, pandas {env['pandas']}."),
        ("table", ["Parameter", "Value"], params)]
        + ([("table", ["Input", "File", "Bytes", "SHA-256"], inputs)] if inputs else
           [("p", "No input files were given (the network was passed in memory).")])))
    return out


def _without_empty_labels(head: list, rows: list):
    """The table without its "Label" column when no row has a label."""
    if "Label" not in head:
        return head, rows
    j = head.index("Label")
    if any(row[j] for row in rows):
        return head, rows
    return head[:j] + head[j + 1:], [row[:j] + row[j + 1:] for row in rows]


_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2329;margin:0;
background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{font-size:24px;margin:8px 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #dde1e6;
padding-bottom:4px}
nav{font-size:13px;margin-bottom:12px}nav a{margin-right:12px;color:#2457a6;text-decoration:none}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
th,td{border-bottom:1px solid #e3e6ea;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f2f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td{max-width:520px}bdi{overflow-wrap:anywhere}
figure{margin:8px 0 16px}figure svg{max-width:100%;height:auto}figcaption{font-size:12px;color:#5a6370}
.note{color:#5a6370;font-style:italic}
bdi[title]{text-decoration:underline dotted}
@media print{body{background:#fff}main{padding:0}nav{display:none}}
"""


def _bdi(s: str) -> str:
    """A name in HTML: isolated (right-to-left text stays inside), shortened
    with the whole name in the tooltip."""
    whole, short = _display(s, None), _display(s, _WIDTH)
    title = f' title="{html.escape(whole)}"' if short != whole else ""
    return f"<bdi{title}>{html.escape(short)}</bdi>"


def _html_text(x) -> str:
    if isinstance(x, list):
        return "".join(_html_text(y) for y in x)
    return _bdi(x) if isinstance(x, _Name) else html.escape(str(x))


def _html(title: str, sections: list) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             # no script, no network: everything the page shows is in it
             '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
             'style-src \'unsafe-inline\'; img-src data:">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{html.escape(_display(title, 120))}</title>", f"<style>{_CSS}</style>", "</head>",
             "<body><main>", f"<h1>{_bdi(title)}</h1>",
             "<nav>" + "".join(f'<a href="#{a}">{html.escape(t)}</a>' for a, t, _ in sections) + "</nav>"]
    for anchor, heading, blocks in sections:
        parts.append(f'<section id="{anchor}"><h2>{html.escape(heading)}</h2>')
        for b in blocks:
            if b[0] == "p":
                parts.append(f"<p>{_html_text(b[1])}</p>")
            elif b[0] == "ul":
                parts.append("<ul>" + "".join(f"<li>{_html_text(x)}</li>" for x in b[1]) + "</ul>")
            elif b[0] == "figure":
                svg, caption = b[1], html.escape(b[2])
                parts.append(f"<figure>{svg}<figcaption>{caption}</figcaption></figure>" if svg else
                             f'<p class="note">No picture ({caption}): drawing needs matplotlib '
                             "(pip install matplotlib).</p>")
            else:
                head, rows = _without_empty_labels(b[1], b[2])
                cells = ["<tr>" + "".join(('<td class="num">' if isinstance(c, _Num) else "<td>") + _html_text(c)
                                          + "</td>" for c in row) + "</tr>" for row in rows]
                parts.append("<table><thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head)
                             + "</tr></thead><tbody>" + "".join(cells) + "</tbody></table>")
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


_MD_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_ESCAPE = set("\\`*_[]|~$!")
_RTL = {"R", "AL", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


def _md_escape(s: str) -> str:
    """Inline Markdown text that shows ``s`` literally: HTML-significant
    characters as entities, inline syntax backslash-escaped, a leading
    block marker (#, -, +, >, 1.) escaped."""
    s = re.sub(r"\r\n|[\r\n]", " ", s)
    s = "".join(_MD_ENTITY.get(c) or ("\\" + c if c in _MD_ESCAPE else c) for c in s)
    return re.sub(r"^(\s*)([#+\-=]|\d+(?=[.)]))", r"\1\\\2", s)


def _md_text(x) -> str:
    import unicodedata

    if isinstance(x, list):
        return "".join(_md_text(y) for y in x)
    if isinstance(x, _Name):
        shown = _md_escape(_display(x, _WIDTH))
        # first-strong isolate: right-to-left text stays inside the name
        return f"\u2068{shown}\u2069" if any(unicodedata.bidirectional(c) in _RTL for c in shown) else shown
    return _md_escape(x) if isinstance(x, _Text) else str(x)


def _markdown(title: str, sections: list) -> str:
    lines = [f"# {_md_text(_Name(title))}", ""]
    for _, heading, blocks in sections:
        lines += [f"## {heading}", ""]
        for b in blocks:
            if b[0] == "p":
                lines += [_md_text(b[1]), ""]
            elif b[0] == "ul":
                lines += [f"- {_md_text(x)}" for x in b[1]] + [""]
            elif b[0] == "figure":
                lines += [f"*Picture in report.html: {b[2]}*", ""]
            else:
                head, rows = _without_empty_labels(b[1], b[2])
                lines.append("| " + " | ".join(head) + " |")
                lines.append("|" + "|".join("---:" if rows and isinstance(rows[0][i], _Num) else "---"
                                            for i in range(len(head))) + "|")
                lines += ["| " + " | ".join(_md_text(c) for c in row) + " |" for row in rows]
                lines.append("")
    return "\n".join(lines)


# ---- CSV files ---------------------------------------------------------------
def _leaders_csv(a: _Analysis) -> pd.DataFrame:
    r = a.ranking
    labels = a.net.nodes["label"].reindex(r.index)
    out = r.copy()
    out.insert(0, "label", labels.to_numpy())
    cols = ["label", "rank", "score", "role", "community", "community_rank", "explanation"]
    return out[cols + [c for c in r.columns if c not in cols]]


def _communities_csv(a: _Analysis) -> pd.DataFrame:
    r, c = a.ranking, a.communities
    labels = a.net.nodes["label"]
    out = c[["size", "internal_weight", "cut", "conductance"]].copy()
    top = r.groupby("community", sort=False).head(3)
    for i in range(3):
        nth = top.groupby("community", sort=False).nth(i)
        ids = pd.Series(nth.index, index=nth["community"].to_numpy())
        out[f"key{i + 1}"] = ids.reindex(out.index).to_numpy()
        out[f"key{i + 1}_label"] = labels.reindex(out[f"key{i + 1}"]).to_numpy()
    return out


# ---- the report --------------------------------------------------------------
def write(net, out_dir, *, seed: Optional[int] = None, pseudonymize: bool = False,
          pseudonym_key: Optional[Union[str, bytes]] = None, sources=None, progress: bool = False, threads: int = 0,
          title: str = "Network report", person_type: Optional[str] = DEFAULTS["person_type"],
          leader_weights: Optional[Mapping[str, float]] = None, top: int = DEFAULTS["top"],
          key_players: int = DEFAULTS["key_players"], disruption_steps: int = DEFAULTS["disruption_steps"],
          analysis_limit: int = DEFAULTS["analysis_limit"],
          max_communities: int = DEFAULTS["max_communities"]) -> dict:
    """Analyse ``net`` and write the report files into ``out_dir`` (created
    if missing).  Returns ``{"html", "md", "json", "leaders", "communities"}``
    -> path written.

    The analysis: the leader ranking (:func:`ringleader.leaders`, roles,
    explanations, Leiden communities of the person network), the ``top``
    leaders, the three key members of each community, ``key_players``
    persons (Borgatti's fragmentation), disruption curves over
    ``disruption_steps`` removals (leader ranking, degree, betweenness,
    random), the money flow when there are transfers with amounts (traced
    from the accounts that send but never receive, holders, main paths, a
    freeze plan against the leaders' accounts), a data summary by node and
    edge type and method notes giving every parameter.  Key players and
    disruption run on at most ``analysis_limit`` persons: above, on the
    induced network of the highest-ranked ones (the notes say so); the
    network picture shows the communities and their cores above 2000
    persons.  ``report.json`` lists at most ``max_communities``
    communities, ``communities.csv`` all of them.

    ``seed``: every random choice (Leiden, samples, key player restarts,
    random removals, the pseudonym order); ``None`` draws one, written in
    the report.  ``sources``: the input files, a path, a list of paths or a
    dict role -> path (e.g. ``{"edges": ..., "nodes": ...}``), whose sizes
    and SHA-256 checksums go into the report.  ``pseudonymize``: rename
    every node first (:func:`pseudonymize_network`; ``pseudonym_key`` as
    its ``key``), drop labels and attributes and withhold the input file
    names, so the report can be shared outside the investigation.
    ``threads``: 0 = all cores; ``progress``: steps and progress bars on
    stderr.  Defaults: :data:`DEFAULTS`.  Results are reproducible for a
    given seed and thread count.  leaders.csv and communities.csv keep names
    exactly; spreadsheet programs may read a cell starting with = + - @ as
    a formula, so open them as text when the names are not trusted.

    Cost on top of :func:`ringleader.leaders`: key players and disruption
    O(limit x links of the limited network) each; the bundled sample
    (110 persons) takes about a second.

    >>> rl.report.write(net, "out", seed=1, sources={"edges": "edges.csv"})   # doctest: +SKIP
    """
    from ..network import Network

    if not isinstance(net, Network):
        raise ValueError(f"net must be a ringleader Network, not {type(net).__name__}")
    for name, value in (("top", top), ("key_players", key_players), ("disruption_steps", disruption_steps),
                        ("analysis_limit", analysis_limit), ("max_communities", max_communities)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"{name} must be a non-negative integer, not {value!r}")
    seed = seed_of(seed)
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    steps = _Steps(progress, 6)
    inputs = _checksums(sources, hide_names=pseudonymize)
    if pseudonymize:
        net = pseudonymize_network(net, key=pseudonym_key, seed=seed)
    from .._leaders import DEFAULT_WEIGHTS

    p = {"seed": seed, "person_type": person_type, "threads": int(threads), "top": int(top),
         "key_players": int(key_players), "disruption_steps": int(disruption_steps),
         "analysis_limit": int(analysis_limit), "max_communities": int(max_communities),
         "leader_weights": {**DEFAULT_WEIGHTS, **dict(leader_weights or {})},
         "pseudonymized": bool(pseudonymize),
         "pseudonyms": None if not pseudonymize else "numbered" if pseudonym_key is None else "keyed"}
    a = _analyse(net, p, steps, progress)
    doc = _document(a, p, inputs, str(title))

    steps("pictures")
    nodes = a.net.nodes
    figs = _figures(a, lambda v: _label(nodes, v) or str(v), seed)
    steps("writing files")
    sections = _sections(doc, figs)
    paths = {"html": out / "report.html", "md": out / "report.md", "json": out / "report.json",
             "leaders": out / "leaders.csv", "communities": out / "communities.csv"}
    paths["html"].write_text(_html(doc["title"], sections), encoding="utf-8")
    paths["md"].write_text(_markdown(doc["title"], sections), encoding="utf-8")
    paths["json"].write_text(json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n",
                             encoding="utf-8")
    _leaders_csv(a).to_csv(paths["leaders"], index_label="id", lineterminator="\n")
    _communities_csv(a).to_csv(paths["communities"], index_label="community", lineterminator="\n")
    return paths
