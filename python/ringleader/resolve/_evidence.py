"""Flat arrays of a network for the resolve kernels, and the evidence
tables (one per evidence) they give.  Private: :mod:`ringleader.resolve` is
the interface."""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._times import NAT
from ..network import core_of

#: Node types whose nodes may be linked (never across types).
IDENTIFIER_TYPES = ("phone", "account")


class ResolveWarning(UserWarning):
    """Data that :mod:`ringleader.resolve` cannot use in full (identifiers in
    no call, edges without time, ...): the warning names what is missing
    and what to do."""


def duration_ns(value, name: str) -> int:
    """A duration (``"14D"``, ``"10min"``, a :class:`pandas.Timedelta`, or
    seconds as a number) in int64 nanoseconds, >= 0."""
    try:
        if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            ns = int(round(float(value) * 1e9))
        else:
            ns = int(pd.Timedelta(value).value)
    except (ValueError, TypeError, OverflowError):
        raise ValueError(f"{name} must be a duration such as '14D', '1h' or a number of seconds, not {value!r}") \
            from None
    if ns < 0:
        raise ValueError(f"{name} must not be negative, not {value!r}")
    return ns


@dataclass
class Arrays:
    """The network as flat arrays: node type per vertex and the edges."""
    n: int
    ids: pd.Index
    node_type: np.ndarray      # str per vertex
    edge_code: np.ndarray      # edge type per edge, an index into edge_names (no string per edge: 100M+ calls)
    edge_names: list
    src: np.ndarray
    dst: np.ndarray
    time: np.ndarray           # int64 ns, NAT missing
    amount: Optional[np.ndarray]

    def edges(self, *etypes: str) -> np.ndarray:
        """Indices of the edges of any of the types ``etypes``, in order."""
        codes = [i for i, name in enumerate(self.edge_names) if name in etypes]
        if len(codes) == 1:
            return np.flatnonzero(self.edge_code == codes[0])
        return np.flatnonzero(np.isin(self.edge_code, codes)) if codes else np.empty(0, dtype=np.int64)

    def is_type(self, ntype: str) -> np.ndarray:
        return self.node_type == ntype


def arrays(net) -> Arrays:
    core = core_of(net)
    ntn = np.array(core.node_type_names(), dtype=object)
    m = net.number_of_edges()
    ts = core.edge_timestamp()
    am = core.edge_amount()
    return Arrays(
        n=net.number_of_nodes(), ids=net.node_index,
        node_type=ntn[np.asarray(core.node_type_codes())] if len(ntn) else np.empty(0, dtype=object),
        edge_code=np.asarray(core.edge_type_codes()), edge_names=list(core.edge_type_names()),
        src=np.asarray(core.edge_source(), dtype=np.uint32), dst=np.asarray(core.edge_target(), dtype=np.uint32),
        time=np.asarray(ts, dtype=np.int64) if ts is not None else np.full(m, NAT, dtype=np.int64),
        amount=np.asarray(am, dtype=np.float64) if am is not None else None)


def _examples(ids, vertices, k: int = 3) -> str:
    return ", ".join(str(ids[int(v)]) for v in vertices[:k])


def oriented(x: Arrays, e: np.ndarray, is_id: np.ndarray):
    """(identifier, other) vertices of edges e, whichever end the identifier is."""
    s, d = x.src[e], x.dst[e]
    flip = ~is_id[s] & is_id[d]
    ident = np.where(flip, d, s).astype(np.uint32)
    other = np.where(flip, s, d).astype(np.uint32)
    keep = is_id[ident]
    return ident[keep], other[keep], e[keep]


def _frame(d: dict, column: str) -> pd.DataFrame:
    return pd.DataFrame({"a": np.asarray(d["a"], dtype=np.int64), "b": np.asarray(d["b"], dtype=np.int64),
                         column: np.asarray(d["value"], dtype=np.float64)})


def activity(x: Arrays, is_id: np.ndarray):
    """(first, last) timed call of every vertex (NAT when none)."""
    e = x.edges("call")
    e = e[x.time[e] != NAT]
    first = np.full(x.n, np.iinfo(np.int64).max, dtype=np.int64)
    last = np.full(x.n, NAT, dtype=np.int64)
    for end in (x.src[e], x.dst[e]):
        np.minimum.at(first, end, x.time[e])
        np.maximum.at(last, end, x.time[e])
    first[last == NAT] = NAT
    return first, last


def device_records(x: Arrays, is_id: np.ndarray):
    """(identifier, device) vertex pairs of the in_device edges, unique,
    sorted by (device, identifier)."""
    ident, dev, _ = oriented(x, x.edges("in_device"), is_id)
    ok = x.is_type("device")[dev]
    if not ok.any():
        return np.empty(0, np.int64), np.empty(0, np.int64)
    width = np.int64(max(x.n, 1))
    rec = np.unique(dev[ok].astype(np.int64) * width + ident[ok])
    return rec % width, rec // width


def _overlapping(first, last, dev, most: int) -> set:
    """Devices where one SIM's activity period overlaps those of more than
    ``most`` other SIMs of the device."""
    out = set()
    df = pd.DataFrame({"f": first, "l": last, "d": dev})
    for d, g in df.groupby("d", sort=True):
        if len(g) <= most + 1:
            continue
        f, l = np.sort(g["f"].to_numpy()), np.sort(g["l"].to_numpy())
        own = g["f"].to_numpy(), g["l"].to_numpy()
        deg = np.searchsorted(f, own[1], side="right") - np.searchsorted(l, own[0], side="left") - 1
        if deg.max() > most:
            out.add(int(d))
    return out


def sim_boxes(x: Arrays, is_id: np.ndarray, max_sims: int, max_concurrent: int, max_overlapping: int, act=None):
    """Devices that are hubs (SIM boxes): more than ``max_sims`` identifiers,
    more than ``max_concurrent`` of them active at one time, or one of them
    active alongside more than ``max_overlapping`` others (activity periods
    from call times: one person's SIMs follow each other, a SIM box's run
    side by side; sparse call records make the periods short, so the
    second test catches boxes whose SIMs are seen once each while one is
    seen throughout).  ``act``: :func:`activity` when already computed.
    Returns (device vertices, their sizes)."""
    ident, dev = device_records(x, is_id)
    if len(dev) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    devs, size = np.unique(dev, return_counts=True)
    hub = set(devs[size > max_sims].tolist())
    many = np.isin(dev, devs[size > min(max_concurrent, max_overlapping)])
    if many.any():
        first, last = activity(x, is_id) if act is None else act
        i, d = ident[many], dev[many]
        ok = first[i] != NAT
        i, d = i[ok], d[ok]
        # sweep: +1 at first, -1 after last, per device
        t = np.concatenate([first[i], last[i]])
        delta = np.concatenate([np.ones(len(i), np.int64), -np.ones(len(i), np.int64)])
        dd = np.concatenate([d, d])
        order = np.lexsort((-delta, t, dd))  # starts before ends at one instant: touching periods overlap
        dd, delta = dd[order], delta[order]
        run = np.cumsum(delta)
        starts = np.flatnonzero(np.r_[True, dd[1:] != dd[:-1]])
        base = np.repeat(np.r_[0, run[starts[1:] - 1]], np.diff(np.r_[starts, len(dd)]))
        conc = run - base
        mx = pd.Series(conc).groupby(dd).max()
        hub |= set(mx.index[mx.to_numpy() > max_concurrent].tolist())
        hub |= _overlapping(first[i], last[i], d, max_overlapping)
    hub = np.array(sorted(hub), dtype=np.int64)
    return hub, size[np.searchsorted(devs, hub)]


def shared_devices(x: Arrays, is_id: np.ndarray, column: str, max_sims: int, max_concurrent: int,
                   max_overlapping: int, threads: int):
    """(pairs frame, hub devices, their sizes) of the shared-device evidence.
    For handsets (``column == "handset"``) a SIM with no timed call gives no
    evidence: the SIM box tests read activity periods, so a SIM without any
    cannot be cleared of sitting in a box (on the tuning networks of
    bench/resolve/quality.py handset pairs with such a SIM were one user in
    0.73 of cases, 52 pairs, against 0.99 for the others)."""
    ident, dev = device_records(x, is_id)
    act = activity(x, is_id) if column == "handset" else None
    hub, size = sim_boxes(x, is_id, max_sims, max_concurrent, max_overlapping, act)
    keep = ~np.isin(dev, hub)
    if act is not None:
        keep &= act[0][ident] != NAT
    d = _core.resolve_shared_key(ident[keep].astype(np.uint32), dev[keep].astype(np.uint64), max(2, int(max_sims)),
                                 threads)
    return _frame(d, column), hub, size


def succession(x: Arrays, is_phone: np.ndarray, max_gap: int, overlap: int, min_calls: int, max_block: int,
               idf: bool, support: int, threads: int, full: float = 0.35) -> pd.DataFrame:
    e = x.edges("call")
    e = e[is_phone[x.src[e]] | is_phone[x.dst[e]]]
    t = x.time[e]
    missing = int((t == NAT).sum())
    if missing:
        warnings.warn(f"{missing} of {len(e)} calls have no timestamp (e.g. {x.ids[int(x.src[e][t == NAT][0])]} -> "
                      f"{x.ids[int(x.dst[e][t == NAT][0])]}): they are left out of the succession evidence (activity "
                      "periods come from call times); give the calls a 'timestamp' column", ResolveWarning,
                      stacklevel=4)
    d = _core.resolve_succession(x.n, is_phone.astype(np.uint8), x.src[e], x.dst[e], t, max_gap, overlap,
                                 int(min_calls), int(max_block), bool(idf), threads)
    calls = np.asarray(d["calls"])
    silent = np.flatnonzero(is_phone & (calls == 0))
    if len(silent):
        warnings.warn(f"{len(silent)} phones are in no timed call (e.g. {_examples(x.ids, silent)}): they get no "
                      "succession or handset evidence (a SIM never seen active cannot be cleared of sitting in a SIM "
                      "box); load their call records, or ignore this if they really made no calls", ResolveWarning,
                      stacklevel=4)
    f = _frame(d, "succession")
    # full evidence needs `support` shared contacts: one shared contact in a
    # sparse call record is chance (measured on generated networks)
    contact = f["succession"].to_numpy() * np.minimum(1.0, np.asarray(d["count"], dtype=np.float64) / max(1, int(support)))
    f["gap_days"] = np.asarray(d["gap"], dtype=np.float64) / 86400e9
    older = np.asarray(d["older"], dtype=np.int64)
    f["succession"] = sharpen(x, is_phone, f["a"].to_numpy(), f["b"].to_numpy(), older, contact, full,
                              np.asarray(d["count"]))
    return f


#: Reliability of a contact-only succession value relative to the full one:
#: without sightings the value is scaled so that its score is 0.6 x contact
#: similarity, as before the place profiles were added.
CONTACT_ONLY = 0.6 / 0.95
#: Shared contacts a full succession needs (one shared contact - a hotline, a
#: boss everyone calls - does not make two numbers one person's).
FULL_SHARED = 2


def place_profiles(x: Arrays, is_phone: np.ndarray) -> pd.DataFrame:
    """Per phone: idf-weighted counts of its sightings per (place, time of
    day), time of day = weekday office hours 08:00-19:00 or other (the
    timestamps' clock), with the norm of each phone's profile.  Rows ``v``
    (phone), ``k`` (2 x place + 1 for office hours), ``w``, sorted by
    (v, k); one sort of the sightings (O(s log s)), no hash table: 100M
    sightings fit in a few GB."""
    e = x.edges("located_at")
    ident, place, e = oriented(x, e, is_phone)
    is_place = np.isin(x.node_type, ("cell", "venue"))
    t = x.time[e]
    ok = is_place[place] & (t != NAT)
    ident, place, t = ident[ok], place[ok], t[ok]
    sec = t // 1_000_000_000
    day = sec % 86400
    office = (((sec // 86400 + 3) % 7) < 5) & (day >= 8 * 3600) & (day < 19 * 3600)  # 1970-01-01: a Thursday
    del sec, day, t
    width = 2 * np.int64(max(x.n, 1))
    combo = ident.astype(np.int64) * width + place.astype(np.int64) * 2 + office
    del ident, place, office
    combo, count = np.unique(combo, return_counts=True)
    v, k = combo // width, combo % width
    del combo
    n = int(np.count_nonzero(np.diff(v))) + 1 if len(v) else 0   # phones with a sighting
    _, at, df = np.unique(k, return_inverse=True, return_counts=True)  # phones per (place, time of day)
    w = count * np.log1p(n / df[at])
    return pd.DataFrame({"v": v, "k": k, "w": w})


def sharpen(x: Arrays, is_phone: np.ndarray, a: np.ndarray, b: np.ndarray, older: np.ndarray,
            contact: np.ndarray, full: float, shared: np.ndarray) -> np.ndarray:
    """The succession value of each pair (see rl.resolve): the geometric mean
    of contact and place similarity, halved unless the two are each other's
    best successor / predecessor by contact similarity, and 1 (full evidence) for a mutual best
    pair at or above ``full`` with at least FULL_SHARED shared contacts; CONTACT_ONLY x contact similarity when one
    of the two phones has no timed sighting."""
    contact = np.asarray(contact, dtype=np.float64)
    if len(a) == 0:
        return contact
    p = place_profiles(x, is_phone)
    norm = np.sqrt((p["w"] ** 2).groupby(p["v"]).sum())
    pairs = pd.DataFrame({"a": a, "b": b, "i": np.arange(len(a))})
    dot = (pairs.merge(p.rename(columns={"v": "a", "w": "wa"}), on="a")
           .merge(p.rename(columns={"v": "b", "w": "wb"}), on=["b", "k"]))
    dot = (dot["wa"] * dot["wb"]).groupby(dot["i"]).sum().reindex(np.arange(len(a)), fill_value=0.0).to_numpy()
    na, nb = norm.reindex(a).to_numpy(), norm.reindex(b).to_numpy()
    seen = ~np.isnan(na) & ~np.isnan(nb)
    place = np.where(seen, dot / np.where(seen, na * nb, 1.0), 0.0)
    comb = np.sqrt(np.clip(contact, 0.0, 1.0) * np.clip(place, 0.0, 1.0))
    newer = np.where(older == a, b, a)
    t = pd.DataFrame({"o": older, "n": newer, "c": contact, "i": np.arange(len(a))})
    t = t.sort_values(["c", "i"], ascending=[False, True], kind="stable")
    best_o = t.drop_duplicates("o")["i"].to_numpy()
    best_n = t.drop_duplicates("n")["i"].to_numpy()
    mutual = np.zeros(len(a), dtype=bool)
    mutual[np.intersect1d(best_o, best_n)] = True
    value = np.where(mutual & (comb >= full) & (shared >= FULL_SHARED), 1.0, np.where(mutual, comb, comb / 2))
    value = np.where(value < 1.0, np.minimum(value, full), 1.0)  # below full: weak evidence
    return np.where(seen, value, CONTACT_ONLY * contact)


def colocation(x: Arrays, is_phone: np.ndarray, window: int, max_block: int, min_shared: int, threads: int):
    e = x.edges("located_at")
    ident, place, e = oriented(x, e, is_phone)
    ok = np.isin(x.node_type[place], ("cell", "venue"))
    ident, place, e = ident[ok], place[ok], e[ok]
    if len(e) == 0:
        return None
    t = x.time[e]
    missing = int((t == NAT).sum())
    if missing:
        warnings.warn(f"{missing} of {len(e)} located_at sightings of phones have no timestamp: they are left out "
                      "of the co-location evidence (it compares cells within time windows); give them the time "
                      "of the call they come from", ResolveWarning, stacklevel=4)
    c = x.edges("call")
    d = _core.resolve_colocation(x.n, ident, place, t, x.src[c], x.dst[c], window, int(max_block), int(min_shared),
                                 threads)
    return _frame(d, "colocation")


def passthrough(x: Arrays, is_account: np.ndarray, window: int, tolerance: float, min_events: int,
                max_block: int, threads: int):
    e = x.edges("transfer")
    if len(e) == 0 or x.amount is None:
        return None
    t = x.time[e]
    missing = int((t == NAT).sum())
    if missing:
        warnings.warn(f"{missing} of {len(e)} transfers have no timestamp: they are left out of the pass-through "
                      "evidence (money passed on within minutes); give transfers a 'timestamp'", ResolveWarning,
                      stacklevel=4)
    d = _core.resolve_passthrough(x.n, is_account.astype(np.uint8), x.src[e], x.dst[e], x.amount[e], t, window,
                                  float(tolerance), int(min_events), int(max_block), threads)
    return _frame(d, "passthrough")


def _casefolded(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda s: s.astype(str).str.strip().str.casefold().where(s.notna()))


def holders(net, x: Arrays, is_account: np.ndarray, columns, max_per_holder: int, threads: int):
    """Same-holder evidence: accounts whose holder columns are all equal."""
    nodes = net.nodes
    if columns is None:
        columns = [c for c in nodes.columns if str(c).startswith("holder")]
    else:
        columns = [columns] if isinstance(columns, str) else list(columns)
        unknown = [c for c in columns if c not in nodes.columns]
        if unknown:
            raise ValueError(f"holder columns {unknown} are not node attributes (node attributes: "
                             f"{[c for c in nodes.columns if c not in ('type', 'label')]})")
    if not columns:
        return None
    acc = np.flatnonzero(is_account)
    sub = nodes.iloc[acc][columns]
    sub = _casefolded(sub)
    ok = sub.notna().all(axis=1).to_numpy()
    if not ok.any():
        return None
    key = pd.util.hash_pandas_object(sub[ok], index=False).to_numpy(dtype=np.uint64)
    d = _core.resolve_shared_key(acc[ok].astype(np.uint32), key, int(max_per_holder), threads)
    return _frame(d, "holder")


def identity_columns(nodes: pd.DataFrame, columns) -> dict:
    """Account column -> person column compared by the identity evidence:
    given, or each ``holder_<x>`` column with a node column ``<x>`` (e.g.
    ``holder_name`` -> ``name``) plus ``birth_date`` when there is one."""
    if columns is not None:
        if not isinstance(columns, dict) or not columns:
            raise ValueError("identity_columns must be a dict {account column: person column}, e.g. "
                             "{'holder_name': 'name', 'birth_date': 'birth_date'}")
        unknown = [c for c in list(columns) + list(columns.values()) if c not in nodes.columns]
        if unknown:
            raise ValueError(f"identity_columns name {unknown}, which are not node attributes (node attributes: "
                             f"{[c for c in nodes.columns if c not in ('type', 'label')]})")
        return dict(columns)
    out = {c: c[len("holder_"):] for c in nodes.columns
           if str(c).startswith("holder_") and c[len("holder_"):] in nodes.columns}
    if out and "birth_date" in nodes.columns:
        out["birth_date"] = "birth_date"
    return out


#: Value of the identity evidence when the name differs by one letter (dropped, doubled or two swapped).
FUZZY_NAME = 0.9


def _one_off(names: pd.Series) -> pd.DataFrame:
    """Rows (``i`` position in ``names``, ``v`` variant): each name and every
    string with one of its characters deleted (symmetric deletion: two names
    one letter dropped, doubled or swapped apart share a variant)."""
    s = names.reset_index(drop=True)
    ln = s.str.len().to_numpy()
    parts = [pd.DataFrame({"i": np.arange(len(s)), "v": s.to_numpy(object), "exact": True})]
    for k in range(int(ln.max()) if len(ln) else 0):
        m = ln > k
        parts.append(pd.DataFrame({"i": np.flatnonzero(m), "v": (s[m].str.slice(0, k) + s[m].str.slice(k + 1)).to_numpy(
            object), "exact": False}))
    return pd.concat(parts, ignore_index=True)


def _date_slips(dates: pd.Series) -> list:
    """Each date (text YYYY-MM-DD) a day earlier, a day later, and with day
    and month swapped (NaN where that is no date), as the same text."""
    d = pd.to_datetime(dates.reset_index(drop=True), format="%Y-%m-%d", errors="coerce")
    out = [(d - pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d"), (d + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d")]
    ok = d.notna() & (d.dt.day <= 12) & (d.dt.day != d.dt.month)
    swapped = pd.Series(np.nan, index=d.index, dtype=object)
    if ok.any():
        s = pd.to_datetime(pd.DataFrame({"year": d.dt.year[ok], "month": d.dt.day[ok], "day": d.dt.month[ok]}))
        swapped[ok] = s.dt.strftime("%Y-%m-%d").to_numpy(object)
    return [x.astype(object).where(x.notna()) for x in out] + [swapped]


def identities(net, x: Arrays, is_account: np.ndarray, columns):
    """Identity evidence: (account, person) pairs whose holder attributes
    equal the person's identity attributes (:func:`identity_columns`; the
    first pair - the name - may differ by one letter dropped, doubled or
    swapped, or ``birth_date`` by a day or by day and month swapped: value
    FUZZY_NAME, else 1), the account matching no other
    person and the person's identity no other person's.  None when the
    network has no such columns.  A hash join: O((a + p) L) for names of
    L letters."""
    nodes = net.nodes
    cols = identity_columns(nodes, columns)
    if not cols:
        return None
    acc = np.flatnonzero(is_account)
    per = np.flatnonzero(x.is_type("person"))
    a = _casefolded(nodes.iloc[acc][list(cols)])
    p = _casefolded(nodes.iloc[per][list(cols.values())])
    p.columns = list(cols)
    a_ok, p_ok = a.notna().all(axis=1).to_numpy(), p.notna().all(axis=1).to_numpy()
    a, p, acc, per = a[a_ok], p[p_ok], acc[a_ok], per[p_ok]
    if len(a) == 0 or len(p) == 0:
        return None
    name, rest = list(cols)[0], list(cols)[1:]
    whole = pd.util.hash_pandas_object(p, index=False).to_numpy(np.uint64)
    _, inv, cnt = np.unique(whole, return_inverse=True, return_counts=True)
    single = cnt[inv] == 1                     # an identity two persons share names neither
    p, per = p[single], per[single]

    def keyed(frame, dates: bool):
        var = _one_off(frame[name].astype(str))
        other = frame[rest].reset_index(drop=True).iloc[var["i"].to_numpy()].reset_index(drop=True)
        if dates and "birth_date" in rest:    # the exact name with a birth date a day off or day and month swapped
            for alt in _date_slips(frame["birth_date"]):
                ok = alt.notna().to_numpy()
                o = frame[rest].reset_index(drop=True)[ok].assign(birth_date=alt[ok].to_numpy(object))
                var = pd.concat([var, pd.DataFrame({"i": np.flatnonzero(ok), "v": frame[name].to_numpy(object)[ok],
                                                    "exact": False})], ignore_index=True)
                other = pd.concat([other, o], ignore_index=True)
        var["k"] = pd.util.hash_pandas_object(pd.concat([var[["v"]], other], axis=1), index=False).to_numpy(np.uint64)
        return var[["i", "k", "exact"]]

    m = keyed(a, True).merge(keyed(p, False), on="k", suffixes=("_a", "_p"))
    if len(m) == 0:
        return None
    m["exact"] = m["exact_a"] & m["exact_p"]
    best = m.groupby(["i_a", "i_p"])["exact"].max().reset_index()
    # exact matches first; an account with several persons at its best kind names none
    best = best.sort_values(["i_a", "exact"], ascending=[True, False])
    top = best.groupby("i_a")["exact"].transform("max")
    best = best[best["exact"] == top]
    best = best[~best["i_a"].duplicated(keep=False)]
    return pd.DataFrame({"a": acc[best["i_a"].to_numpy()].astype(np.int64), "b": per[best["i_p"].to_numpy()].astype(
        np.int64), "identity": np.where(best["exact"].to_numpy(), 1.0, FUZZY_NAME)})
