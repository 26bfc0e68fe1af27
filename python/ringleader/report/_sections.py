"""The report's sections, read from the report.json document and the
pictures: :func:`sections` gives the text both report.html and report.md
show, in order (summary, network, leaders, communities, key players,
disruption, money, identity resolution, data, method notes,
reproducibility)."""
from __future__ import annotations

import json
from typing import Optional

from ._pictures import CORE_SIZE
from ._text import Bullets, Figure, Name, Paragraph, Section, Table, Text, names, number

__all__ = ["sections"]


def _person(x) -> list:
    return [Name(x["id"])] + ([" (", Name(x["label"]), ")"] if x["label"] else [])


def _summary(doc: dict) -> Section:
    d = doc["data"]
    intro = (f"{d['nodes']:,} nodes and {d['edges']:,} edges ({'directed' if d['directed'] else 'undirected'}); "
             f"{d['persons']:,} persons with {d['person_links']:,} links in {d['communities']:,} communities"
             + (f" (modularity {d['modularity']:.3f})." if d["modularity"] is not None else "."))
    heads = [x for x in doc["leaders"] if x["role"] == "leader"]
    blocks = [Paragraph(intro)]
    if heads:
        text = ["Leaders: "]
        for i, x in enumerate(heads):
            text += ([", "] if i else []) + _person(x) + [f" (community {x['community']})"]
        blocks.append(Paragraph(text + ["."]))
    return Section("summary", "Summary", blocks)


def _network(figs: dict) -> Section:
    pictures = [Figure(figs.get("network"), "The person network: colours are communities; leaders, brokers "
                       "and the five highest-ranked persons are ringed and labelled.", "network")]
    if "cores" in figs:
        pictures[0] = Figure(figs["network"], "The communities of the person network, one disc per community "
                             "(area: persons; lines: links between communities); discs holding leaders or the five "
                             "highest-ranked persons are ringed and labelled with their names.", "network")
        pictures.append(Figure(figs["cores"], f"The cores of the largest communities: their {CORE_SIZE} "
                               "highest-ranked persons."))
    return Section("network", "Network", pictures)


def _leaders(doc: dict) -> Section:
    leaders = doc["leaders"]
    rows = [[number(x["rank"]), Name(x["id"]), Name(x["label"] or ""), x["role"], number(x["community"]),
             number(x["score"]), Text(x["explanation"])] for x in leaders]
    head = ["Rank", "Id", "Label", "Role", "Community", "Score", "Why"]
    note = ""
    if leaders and "identifiers" in leaders[0]:
        # a resolved network: inferred persons and the identifiers merged under each person
        head.insert(3, "Identifiers")
        for row, x in zip(rows, leaders):
            row.insert(3, (["inferred: "] if x["inferred"] else []) + names(x["identifiers"], ", "))
        note = (" Identifiers: the phones and accounts identity resolution merged under the person; "
                "inferred = a person created by the resolution, not a subscriber of record.")
    return Section("leaders", "Leaders", [
        Paragraph(f"The {len(leaders)} highest-ranked of {doc['data']['persons']:,} persons (all of them in "
                  "leaders.csv). Score 1 = first by every measure; why = the measures that rank the person "
                  "highest." + note),
        Table(head, rows)])


def _members(ms) -> list:
    text = []
    for i, m in enumerate(ms):
        text += ([", "] if i else []) + [Name(m["id"]), f" ({m['role']}, rank {m['rank']})"]
    return text


def _communities(doc: dict) -> Section:
    rows = [[number(c["community"]), number(c["size"]), number(c["conductance"], 2), _members(c["key_members"])]
            for c in doc["communities"]]
    more = doc["data"]["communities"] - len(rows)
    return Section("communities", "Communities and key members", [
        Paragraph("The three highest-ranked persons of each community"
                  + (f"; the {len(rows)} largest communities are shown, {more:,} more are in communities.csv."
                     if more else ".")),
        Table(["Community", "Persons", "Conductance", "Key members"], rows)])


def _key_players(doc: dict) -> Optional[Section]:
    kp = doc["key_players"]
    if not kp:
        return None
    rows = [[Name(m["id"]), Name(m["label"] or ""), number(m["rank"]), m["role"]] for m in kp["members"]]
    return Section("key-players", "Key players", [
        Paragraph(f"Removing these {kp['k']} persons disconnects {100 * kp['score']:.1f}% of the pairs of the "
                  f"other persons (fragmentation, among {kp['scope']:,} persons)."),
        Table(["Id", "Label", "Rank", "Role"], rows)])


def _disruption(doc: dict, figs: dict) -> Optional[Section]:
    dis = doc["disruption"]
    if not dis:
        return None
    rows = [[s["strategy"], number(s["largest_share"][-1], 2), number(s["efficiency"][-1], 3),
             names([v for v in s["removed"][1:6] if v is not None]) or "random orders"]
            for s in dis["strategies"]]
    intact = dis["strategies"][0]
    return Section("disruption", "Disruption", [
        Figure(figs.get("disruption"), "Share of persons left in the largest connected group as persons are "
                                       "removed, by strategy."),
        Paragraph(f"After removing {dis['steps']} of {dis['scope']:,} persons (intact: largest group "
                  f"{intact['largest_share'][0]:.2f}, efficiency {intact['efficiency'][0]:.3f}):"),
        Table(["Strategy", "Largest group", "Efficiency", "Removed first"], rows)])


def _money(doc: dict) -> Optional[Section]:
    m = doc["money"]
    if not m:
        return None
    blocks = [Paragraph(f"{m['transfers']:,} transfers moved {m['amount']:,.2f} between {m['accounts']:,} accounts; "
                        f"{m['origin_accounts']:,} origin accounts (sending, never receiving)"
                        + (f" sent {m['traced']:,.2f}, traced below." if m["traced"] is not None else ".")),
              Table(["Owner", "Label", "Received", "Held"],
                    [[Name(h["id"]), Name(h["label"] or ""), number(h["received"], 2), number(h["held"], 2)]
                     for h in m["holders"]])]
    if m["paths"]:
        blocks.append(Paragraph("Main paths of the money to the accounts holding the most (bottleneck = traced "
                                "money that moved along every hop):"))
        blocks.append(Table(["Account", "Held", "Bottleneck", "Hops", "Path"],
                            [[Name(x["account"]), number(x["held"], 2), number(x["amount"], 2), number(x["hops"]),
                              names(x["path"], " \u2192 ")] for x in m["paths"]]))
    fz = m["freeze"]
    if fz:
        blocks.append(Paragraph(["Freezing the accounts "] + names(fz["accounts"], ", ")
                                + [f" would stop {fz['stopped']:,.2f} of the {fz['total']:,.2f} that the transfers "
                                   f"can carry to the leaders' accounts ({fz['remaining']:,.2f} would still get "
                                   "through)."]))
    return Section("money", "Money flow", blocks)


def _resolution(doc: dict) -> Optional[Section]:
    r = doc.get("resolution")
    if not r:
        return None
    blocks = [Paragraph(f"Identity resolution (rl.resolve.merge) put {r['identifiers']:,} phones and accounts under "
                        f"{r['persons']:,} persons ({r['attached']:,} of them registered subscribers, the others "
                        f"inferred) from {r['pairs']:,} accepted pairs, {r['refused']:,} refused (SIM box, size "
                        "cap, or an identifier attached to a person other than its holder of record). Every person "
                        "below is analysed as one user."
                        + (f" {r['own_numbers']:,} phones that no one holds and no pair links are each analysed as "
                           "the unknown user of that number (person~<phone>)." if r.get("own_numbers") else ""))]
    if r.get("groups"):
        shown = r["groups"][:200]
        blocks.append(Table(["Person", "Kind", "Identifiers", "Records taken for false"],
                            [[Name(g["person"]), "inferred" if g["inferred"] else
                              "registered" + (f" ({g['chosen']})" if g.get("chosen") else ""),
                              names(g["identifiers"], ", "), names(g["replaced"], ", ")] for g in shown]))
        if len(r["groups"]) > len(shown):
            blocks.append(Paragraph(f"The first {len(shown)} of {len(r['groups']):,} persons; report.json "
                                    "lists all."))
        blocks.append(Paragraph("The accepted pairs, strongest first, with the evidence for each (merges.csv; "
                                "delete the rows of wrong merges there and rerun with --resolve-pairs merges.csv "
                                "to undo them):"))
    if r["merges"]:
        shown = r["merges"][:200]
        blocks.append(Table(["Identifier", "Identifier or person", "Person", "Evidence", "Score", "Status"],
                            [[Name(m["a"]), Name(m["b"]), Name(m["person"] or ""),
                              Text(", ".join(f"{k} {v:.2f}" for k, v in m["evidence"].items())),
                              number(m["score"], 2), Text(m["status"])] for m in shown]))
        if len(r["merges"]) > len(shown):
            blocks.append(Paragraph(f"The first {len(shown)} of {len(r['merges']):,} pairs; report.json lists all."))
    return Section("resolution", "Identity resolution", blocks)


def _data(doc: dict) -> Section:
    d = doc["data"]
    return Section("data", "Data", [
        Table(["Node type", "Nodes", "Labelled"],
              [[Name(t["type"]), number(t["count"]), number(t["labelled"])] for t in d["node_types"]]),
        Table(["Edge type", "Edges", "First", "Last", "Amount"],
              [[Name(t["type"]), number(t["count"]), t["first"] or "", t["last"] or "", number(t["amount"], 2)]
               for t in d["edge_types"]])])


def _reproduce(doc: dict) -> Section:
    params = [[k, Name(json.dumps(v, ensure_ascii=False)) if not isinstance(v, str) else Name(v)]
              for k, v in doc["parameters"].items()]
    inputs = [[Name(x["role"]), Name(x["file"] or "(withheld)"), number(x["bytes"]), x["sha256"]]
              for x in doc["inputs"]]
    env = doc["environment"]
    return Section("reproduce", "Reproducibility", [
        Paragraph(f"ringleader {doc['ringleader_version']} (report schema {doc['schema_version']}), Python "
                  f"{env['python']}, numpy {env['numpy']}, pandas {env['pandas']}."),
        Table(["Parameter", "Value"], params)]
        + ([Table(["Input", "File", "Bytes", "SHA-256"], inputs)] if inputs else
           [Paragraph("No input files were given (the network was passed in memory).")]))


def sections(doc: dict, figs: dict) -> list:
    """The :class:`~._text.Section` list of a report: ``doc`` is the
    report.json document, ``figs`` the pictures (name -> SVG or None);
    sections without content (no key players, no money...) are left out."""
    out = [_summary(doc), _network(figs), _leaders(doc), _communities(doc), _key_players(doc),
           _disruption(doc, figs), _money(doc), _resolution(doc), _data(doc),
           Section("method", "Method notes", [Bullets([Text(x) for x in doc["notes"]])]), _reproduce(doc)]
    return [s for s in out if s is not None]
