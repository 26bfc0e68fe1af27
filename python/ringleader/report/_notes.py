"""Method notes: the prose that says how each result of the report was
computed, with its parameters (report.json ``notes``, the "Method notes"
section)."""
from __future__ import annotations

from .. import __version__
from ._analysis import LEADER_DEFAULTS, Analysis, Settings

__all__ = ["method_notes"]


def _persons(a: Analysis, s: Settings) -> list:
    r, n, links = a.ranking, a.summary.persons, a.summary.links
    if r.attrs.get("projected"):
        notes = [f"Persons are the nodes of type '{s.person_type}'. The person network links two persons "
                 "who share a phone, an account or a meeting, whose phones or accounts call or pay each other, "
                 "or who have a direct edge (e.g. meets); places (venues, cells) are not links, and nodes "
                 f"attached to more than {LEADER_DEFAULTS['max_hub']} persons are skipped as hubs "
                 "(rl.criminal.person_network). It has "
                 f"{n:,} persons and {links:,} links; measures of position are computed "
                 f"on its organisation core ({r.attrs.get('core', n):,} persons with at least 3 contacts, on "
                 "ties seen at least twice)."]
    else:
        notes = [f"Every node is a person (a one-mode network): {n:,} persons, {links:,} links."]
    directional = {LEADER_DEFAULTS["call_type"], LEADER_DEFAULTS["transfer_type"]}
    if not a.net.directed and directional & set(a.net.edge_types()):
        notes.append("The network was read as undirected, so who called or paid whom is lost (it matters for the "
                     "flow measure); read it as directed (--directed, or directed=True) if the edges have a "
                     "direction.")
    return notes


def _leaders(a: Analysis, s: Settings) -> str:
    r = a.ranking
    weights = ", ".join(f"{m} {w:g}" for m, w in r.attrs.get("weights", {}).items())
    sampled = r.attrs.get("sampled")
    return (
        "Leaders: rl.leaders ranks each person by every measure and fuses the ranks into score = weighted mean of "
        f"1 - ln(rank)/ln(N) with weights {weights or 'none'}"
        + (f" (left out: {'; '.join(f'{m}: {why}' for m, why in r.attrs['dropped'].items())})"
           if r.attrs.get("dropped") else "") + "; "
        + (f"betweenness and closeness are estimated from {sampled} sampled sources (more than 5000 persons); "
           if sampled else "betweenness and closeness are exact; ")
        + f"seed {s.seed}. Roles: leader = first of a community of at least 3 persons and in the top 5% overall "
        "(the overall first always); broker = top 5% by betweenness with contacts in at least two other "
        "communities; key member = top 10% overall; the others peripheral.")


def _simulations(a: Analysis, s: Settings) -> list:
    seed, n = s.seed, a.summary.persons
    scope = a.scope.number_of_nodes() if a.scope is not None else 0
    where = (f"all {scope:,} persons" if scope == n else
             f"the {scope:,} highest-ranked persons only (the network has {n:,} persons, above the limit of "
             f"{s.analysis_limit:,} for these simulations; the rest are not simulated)")
    return [f"Key players (Borgatti's KPP-Neg, fragmentation): the {s.key_players} persons whose removal "
            "leaves the most pairs of persons disconnected; greedy then swaps, 10 restarts, seed "
            f"{seed}; on {where}.",
            f"Disruption (Duijn, Kashirin and Sloot 2014): up to {s.disruption_steps} persons removed one "
            "at a time, in the order of the leader ranking, by highest degree and by highest betweenness "
            "(both recomputed after each removal), and at random (mean of 20 random orders from seed "
            f"{seed}); the curves show the share of persons left in the largest connected group, the table "
            f"also the global efficiency; on {where}."]


def method_notes(a: Analysis, s: Settings) -> list:
    """The notes, one paragraph each: persons, leaders, communities, key
    players, disruption, money, pseudonyms, how to reproduce, then the
    analysis' own notes (warnings, money not traced)."""
    notes = _persons(a, s) + [_leaders(a, s)]
    notes.append(f"Communities: Leiden (modularity, resolution 1, seed {s.seed}) on the person network with its link "
                 "weights; conductance = share of a community's links that leave it (low: a group that keeps to "
                 "itself).")
    notes += _simulations(a, s)
    if a.money is not None:
        notes.append("Money: the transfers with an amount. Origin accounts send transfers but receive none "
                     "(e.g. victims' accounts); their money is traced forward in time, mixed proportionally at "
                     "each account (rl.money.trace); held = traced money received minus passed on, summed over "
                     "the accounts a person owns; main paths are the widest paths of traced money. Freeze plan: "
                     "the 3 accounts chosen greedily (maximum flow, time ignored) that cut the most money from "
                     "the origin accounts to the accounts owned by the persons ranked as leaders "
                     "(rl.money.freeze_plan).")
    if s.pseudonymized:
        how = ("numbered in the order of keyed hashes of the ids under a secret drawn for this run and not "
               "kept, so they cannot be mapped back to the ids nor reproduced" if s.pseudonyms == "numbered" else
               "keyed hashes (HMAC-SHA256 with a key that is not part of the report)")
        notes.append(f"Pseudonymized: every id was replaced by a pseudonym of its node type ({how}) before the "
                     "analysis, nodes and links sorted by pseudonym; labels, node and edge attributes and input "
                     "file names were left out. Pseudonyms hide names, not the network's shape: whoever holds "
                     "the original links can recognise people by their position.")
    notes.append(f"Reproduce: ringleader {__version__} with these parameters and the same thread count on input "
                 "files with the SHA-256 checksums below gives the same leaders.csv, communities.csv and "
                 "report.json" + (" (the same pseudonym key too)" if s.pseudonyms == "keyed" else
                                  "; not here: the pseudonyms, and the node order they set, are drawn anew in every run"
                                  if s.pseudonymized else "") + ".")
    return notes + a.notes
