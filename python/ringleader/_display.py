"""Rich display in Jupyter (``_repr_html_``) and compact ``repr``: of a
:class:`ringleader.Network` (sizes, node and edge types, the time span and
the attribute columns) and of result objects (:func:`result_html`,
:func:`result_text`: the method's parameters and the top rows of the main
table, e.g. rl.money.trace's holders), every name escaped (ids, types and
columns come from investigation data)."""
from __future__ import annotations

import html

import pandas as pd

__all__ = ["network_html", "result_html", "result_text", "TOP_ROWS"]

TOP_ROWS = 10   # rows of a result's table shown


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


def _value(x) -> str:
    if isinstance(x, float):
        return f"{x:,.6g}"
    return str(x)


def _frame(table) -> pd.DataFrame:
    return table if isinstance(table, pd.DataFrame) else pd.DataFrame({"id": list(table)})


def result_html(name: str, fields: dict, table=None, caption: str = "") -> str:
    """A result object in Jupyter: ``name``, its ``fields`` (parameter ->
    value) and the first :data:`TOP_ROWS` rows of ``table`` (a DataFrame or
    a list of ids) under ``caption``; everything escaped, no script."""
    head = f"<p><b>{html.escape(name)}</b>: " + ", ".join(
        f"{html.escape(str(k))} {html.escape(_value(v))}" for k, v in fields.items()) + "</p>"
    if table is None:
        return f"<div class='ringleader-result'>{head}</div>"
    t = _frame(table)
    cols = [t.index.name or ""] + [str(c) for c in t.columns]
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(_value(x))}</td>" for x in (i, *r)) + "</tr>"
                   for i, r in zip(t.index[:TOP_ROWS], t.head(TOP_ROWS).itertuples(index=False)))
    more = f"<p>{len(t) - TOP_ROWS:,} more rows</p>" if len(t) > TOP_ROWS else ""
    return (f"<div class='ringleader-result'>{head}<table><caption style='text-align:left'>"
            f"{html.escape(caption)} ({len(t):,} rows)</caption><thead><tr>"
            + "".join(f"<th>{html.escape(c)}</th>" for c in cols)
            + f"</tr></thead><tbody>{rows}</tbody></table>{more}</div>")


def result_text(name: str, fields: dict, table=None, caption: str = "") -> str:
    """The compact ``repr`` of a result object: ``name`` and its ``fields``
    on one line, then the first rows of ``table``."""
    head = f"<{name}: " + ", ".join(f"{k} {_value(v)}" for k, v in fields.items())
    if table is None:
        return head + ">"
    t = _frame(table)
    return f"{head}; {caption}, {len(t):,} rows:\n{t.head(TOP_ROWS).to_string()}" + (
        f"\n... {len(t) - TOP_ROWS:,} more rows>" if len(t) > TOP_ROWS else ">")
