"""The person network behind a case and its organisation core
(``rl.criminal.person_network``), shared by ``rl.leaders`` and the report."""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["person_network", "PersonNetwork", "owners"]

#: Edge types that attach a person (or company) to the things it holds.
HOLDING = ("uses", "owns")


@dataclass
class PersonNetwork:
    """What :func:`person_network` returns.

    ``net``: undirected person-person network over every person (edge
    ``weight`` = pieces of evidence); ``directed``: the same evidence with its
    direction (source person -> target person; None for an undirected
    input) and one column per relation (``call``, ``transfer``, ``meets``,
    ``shared_phone``, ...); ``core``: the persons of the organisation core
    (see :func:`person_network`); ``persons``: every person id, in the input's
    order; ``multimode``: whether the persons were projected from a
    multi-mode network; ``skipped``: hubs left out of the projection."""

    net: object
    directed: Optional[object]
    core: pd.Index
    persons: pd.Index
    multimode: bool
    skipped: list = field(default_factory=list)

    min_evidence: int = 1

    def core_network(self):
        """The person network restricted to the organisation core and, when
        the persons were projected from a multi-mode network, to its ties
        with at least ``min_evidence`` pieces of evidence (see
        :func:`person_network`)."""
        core = self.net.subgraph(nodes=list(self.core))
        if self.min_evidence <= 1 or not self.multimode:
            return core
        from ..network import Network

        nodes, edges = core.to_pandas()
        keep = [c for c in ("source", "target", "type", "weight") if c in edges.columns]
        return Network.from_pandas(edges.loc[edges["weight"] >= self.min_evidence, keep], nodes=nodes,
                                   directed=False)


def undirected(net):
    """``net`` as an undirected network (source, target, type, weight kept)."""
    from ..network import Network

    if not net.directed:
        return net
    nodes, edges = net.to_pandas()
    keep = [c for c in ("source", "target", "type", "weight") if c in edges.columns]
    return Network.from_pandas(edges[keep], nodes=nodes, directed=False)


def _contacts(und, ids) -> pd.Series:
    """Distinct other persons each person is linked to."""
    e = und.edges
    e = e[e["source"] != e["target"]]
    pairs = pd.DataFrame({"a": np.concatenate([e["source"].to_numpy(object), e["target"].to_numpy(object)]),
                          "b": np.concatenate([e["target"].to_numpy(object), e["source"].to_numpy(object)])})
    return pairs.drop_duplicates().groupby("a").size().reindex(ids).fillna(0).astype(np.int64)


def person_network(net, person_type: Optional[str] = "person", via=None, max_hub: Optional[int] = 50,
                   min_contacts: Optional[int] = None, places=("venue", "cell"),
                   min_evidence: int = 2) -> PersonNetwork:
    """The person network of a case and its organisation core.

    Persons are the nodes of ``person_type``.  On a multi-mode network they
    are linked as :meth:`Network.project` links them (calls between their
    phones, transfers between their accounts, meetings and other direct
    edges, shared phones, accounts and meetings; ``via`` defaults to every
    other node type except the ``places`` types, ``venue`` and ``cell``:
    being seen at the same bar or under the same mast is co-presence, not a
    tie, and a busy place would link everyone there; hubs attached to more
    than ``max_hub`` persons are skipped with a warning).  On a one-mode network (one node type, or
    ``person_type=None``) every node is a person and the network is used as
    it is.

    The organisation core is the persons with at least ``min_contacts``
    distinct contacts (default: 3 on a multi-mode network; 0, everyone, on
    a one-mode network, whose nodes the analyst has already chosen and where
    a leader's reach into the periphery is part of his position): victims called by one caller who paid
    one mule, customers of one seller, relatives seen through one member
    are left out, so they cannot make the members who deal with them look
    central.  The cut is made once, not repeated (a k-core would also peel
    off the chains an insulated organiser sits at the end of).  Inside the
    core, :meth:`PersonNetwork.core_network` keeps the ties with at least
    ``min_evidence`` (default 2) pieces of evidence (calls, transfers,
    meetings, shared things): members deal with each other again and again,
    while a victim's call, a false record or a one-off contact is a single
    piece.  On a one-mode network a tie is one piece of evidence whatever
    its weight, so every core tie is kept there.  Measures of
    position are computed on the core (:func:`ringleader.criminal.leader_measures`).

    Cost: the projection O(input + evidence log evidence), the rest linear.

    >>> pn = rl.criminal.person_network(net)              # doctest: +SKIP
    >>> len(pn.core), pn.net.number_of_edges()            # doctest: +SKIP
    """
    if min_contacts is not None and (isinstance(min_contacts, bool) or int(min_contacts) < 0):
        raise ValueError(f"min_contacts must be an int >= 0, not {min_contacts!r}")
    types = net.node_types()
    skipped: list = []
    if person_type is None or (person_type not in types and len(types) <= 1) or len(types) == 1:
        ids, proj, multimode = net.node_index, net, False
    elif person_type not in types:
        raise ValueError(f"no node has type {person_type!r}; node types are {sorted(types)}: pass "
                         "person_type= one of them (or None to rank every node)")
    else:
        places = () if places is None else ([places] if isinstance(places, str) else list(places))
        via = [t for t in types if t != person_type and t not in places] if via is None else ([via] if isinstance(via, str) else list(via))
        net = _attribute_indirect(net, person_type)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            proj = net.project(person_type, via=via, weight="count", max_hub=max_hub)
        for w in caught:  # say which call skipped hubs
            skipped.append(str(w.message))
            warnings.warn(f"person_network: {w.message}", stacklevel=3)
        ids, multimode = proj.node_index, True
    und = undirected(proj)
    contacts = _contacts(und, ids)
    if min_contacts is None:
        min_contacts = 3 if multimode else 0
    core = ids[(contacts >= int(min_contacts)).to_numpy()]
    if isinstance(min_evidence, bool) or int(min_evidence) < 1:
        raise ValueError(f"min_evidence must be an int >= 1, not {min_evidence!r}")
    return PersonNetwork(net=und, directed=proj if proj.directed else None, core=core, persons=ids,
                         multimode=multimode, skipped=skipped, min_evidence=int(min_evidence))


def _attribute_indirect(net, person_type):
    """``net`` with an ``owns`` edge from the holder to each thing it holds
    through a company (so the projection sees the company's accounts as the
    holder's); ``net`` itself when there are none."""
    from ..network import Network

    held = owners(net, person_type)
    if held.empty:
        return net
    e = net.edges
    h = e[e["type"].isin(HOLDING)]
    direct = set(zip(h["source"], h["target"])) | set(zip(h["target"], h["source"]))
    add = [(p, t) for t, p in held.items() if (p, t) not in direct]
    if not add:
        return net
    nodes, edges = net.to_pandas()
    extra = pd.DataFrame({"source": [p for p, _ in add], "target": [t for _, t in add], "type": "owns"})
    return Network.from_pandas(pd.concat([edges, extra], ignore_index=True), nodes=nodes, directed=net.directed)


def owners(net, person_type: str = "person", holding=HOLDING) -> pd.Series:
    """Who holds each phone, account or company: node id -> person id.

    Found by node type, not by edge direction: an edge of a ``holding`` type
    (``uses``, ``owns``) between a person and another node makes the person
    its holder, whichever way the edge points (sources export them both
    ways).  An account held by a company is held by the company's holder.
    With several holders the first edge wins."""
    e = net.edges
    h = e[e["type"].isin(holding)]
    if h.empty:
        return pd.Series(dtype=object)
    ntype = net.nodes["type"]
    st, tt = h["source"].map(ntype).to_numpy(object), h["target"].map(ntype).to_numpy(object)
    s, t = h["source"].to_numpy(object), h["target"].to_numpy(object)
    fwd = (st == person_type) & (tt != person_type)
    bwd = (tt == person_type) & (st != person_type)
    held = pd.concat([pd.Series(s[fwd], index=t[fwd]), pd.Series(t[bwd], index=s[bwd])])
    held = held[~held.index.duplicated()]
    # things held by a held non-person (a company's accounts)
    rest = ~fwd & ~bwd
    if rest.any():
        a, b = s[rest], t[rest]
        via_a = pd.Series(a).map(held).to_numpy(object)  # a held -> b held by a's holder
        via_b = pd.Series(b).map(held).to_numpy(object)
        extra = pd.concat([pd.Series(via_a, index=b), pd.Series(via_b, index=a)]).dropna()
        extra = extra[~extra.index.isin(held.index)]
        held = pd.concat([held, extra[~extra.index.duplicated()]])
    return held
