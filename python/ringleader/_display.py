"""Rich display of a :class:`ringleader.Network` in Jupyter (``_repr_html_``):
sizes, node and edge types, the time span and the attribute columns, every
name escaped (ids, types and columns come from investigation data)."""
from __future__ import annotations

import html

import pandas as pd

__all__ = ["network_html"]


def _rows(counts: dict) -> str:
    return "".join(f"<tr><td>{html.escape(str(k))}</td><td style='text-align:right'>{v:,}</td></tr>"
                   for k, v in counts.items())


def _table(title: str, counts: dict) -> str:
    if not counts:
        return f"<p><b>{title}</b>: none</p>"
    return (f"<table><thead><tr><th style='text-align:left'>{title}</th><th>count</th></tr></thead>"
            f"<tbody>{_rows(counts)}</tbody></table>")


def network_html(net) -> str:
    """The HTML summary Jupyter shows for ``net`` (no scripts, no styles
    beyond alignment, safe for untrusted names)."""
    kind = "directed" if net.directed else "undirected"
    head = (f"<p><b>ringleader.Network</b> ({kind}): {net.number_of_nodes():,} nodes, "
            f"{net.number_of_edges():,} edges</p>")
    edges = net.edges
    extra = []
    times = edges["timestamp"].dropna() if len(edges) else pd.Series([], dtype=object)
    if len(times):
        extra.append(f"time span {html.escape(str(times.min()))} to {html.escape(str(times.max()))} "
                     f"({len(times):,} of {len(edges):,} edges timestamped)")
    node_cols = [c for c in net.nodes.columns if c not in ("type", "label")]
    edge_cols = [c for c in edges.columns if c not in ("source", "target", "type", "weight", "timestamp", "amount")]
    if node_cols:
        extra.append("node attributes: " + ", ".join(html.escape(str(c)) for c in node_cols))
    if edge_cols:
        extra.append("edge attributes: " + ", ".join(html.escape(str(c)) for c in edge_cols))
    body = ("<div style='display:flex;gap:2em;align-items:flex-start'>"
            f"{_table('node type', net.node_types())}{_table('edge type', net.edge_types())}</div>")
    tail = "".join(f"<p>{x}</p>" for x in extra)
    return f"<div class='ringleader-network'>{head}{body}{tail}</div>"
