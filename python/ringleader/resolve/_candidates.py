"""rl.resolve.candidates: the evidence tables of every identifier type
joined into one scored table of candidate pairs."""
from __future__ import annotations

from typing import Iterable, Mapping, Optional

import numpy as np
import pandas as pd

from . import _evidence as ev
from . import _holders as holders
from ._evidence import IDENTIFIER_TYPES, ResolveWarning, duration_ns

#: How far one full piece of evidence is trusted (the probability that a
#: pair with evidence value 1 is one user), from the precision measured on
#: the tuning networks of bench/resolve/quality.py (identity_noise at its
#: default rates, seeds 100..; bench/results/resolve_quality.md): handset
#: 0.99 and devices 1.0 (set to 0.95), holder 0.38 (bought identities and
#: company names are shared by different users; set to 0.35), succession
#: 0.99 at value 1 (a mutual best succession at the same places, see the
#: module documentation; set to 0.95; contact similarity alone was 0.74
#: precise at value >= 0.5 and is scaled to score at most 0.6).  Co-location and
#: pass-through had no pairs there (co-location was under 0.1 precise on an
#: earlier run, a compound's crew sharing cells all day): 0.1 and 0.5 are
#: guesses that keep them below the threshold alone.  Identity (an account's
#: holder attributes are one person's name and birth date): 1.0 on the
#: tuning networks (4,164 pairs, 786 of them with a letter or a day apart; the person is
#: the true user, or for a false record the bought identity named on it:
#: that identity is the holder on record, not another user), set to 0.95 as
#: handset and devices.  Handset holder (a phone or an account used from one
#: handset with a known person's accounts or phones): 1.0 on the tuning
#: networks (bench/results/resolve_quality.md), set to 0.95.
RELIABILITY = {"handset": 0.95, "succession": 0.95, "colocation": 0.1, "holder": 0.35, "devices": 0.95,
               "passthrough": 0.5, "identity": 0.95, "handset_holder": 0.95}

#: The default threshold of :func:`ringleader.resolve.merge`.  Chosen on the
#: tuning networks of bench/resolve/quality.py (identity_noise at its
#: default rates, seeds 100..), reported on others (other rates, seeds
#: 200..; bench/results/resolve_quality.md): there every threshold from 0.5
#: to 0.95 kept link precision >= 0.95 and gave the same links, as the
#: scores are discrete (one strong evidence - handset, devices, a full
#: succession - 0.95; one weak one at most 0.6).  0.7 lies between: a merge
#: needs a strong evidence.  The weak ones (succession short of full: 0.6 x
#: contact similarity without sightings, else at most 0.95 x
#: succession_full = 0.33; pass-through 0.5, holder 0.35, co-location 0.1)
#: do not reach it even together (succession with co-location 0.64, holder
#: with pass-through 0.675): on the tuning networks pairs with contact
#: similarity >= 0.5 were one user in only 74 % of cases.  They stay in the
#: candidates for the analyst to accept by hand (merge with an edited
#: ``pairs`` table, or a lower threshold).
THRESHOLD = 0.7

#: SIM-box limits of a device, shared by :func:`candidates` and
#: :func:`ringleader.resolve.merge` (module documentation: ``handset``).
MAX_SIMS_PER_DEVICE, MAX_CONCURRENT_SIMS, MAX_OVERLAPPING_SIMS = 32, 2, 2

PHONE_EVIDENCE = ("handset", "succession", "colocation")
ACCOUNT_EVIDENCE = ("holder", "devices", "passthrough", "identity")
BOTH_EVIDENCE = ("handset_holder",)
EVIDENCE = PHONE_EVIDENCE + ACCOUNT_EVIDENCE + BOTH_EVIDENCE


def score(table: pd.DataFrame, reliability: Optional[Mapping[str, float]] = None) -> np.ndarray:
    """The combined score in [0, 1] of the evidence columns of ``table``
    (NaN = not applicable, counts as no evidence): noisy-OR of
    ``reliability[e] * value``."""
    rel = dict(RELIABILITY)
    if reliability:
        unknown = set(reliability) - set(EVIDENCE)
        if unknown:
            raise ValueError(f"unknown evidence in reliability: {sorted(unknown)} (evidence: {list(EVIDENCE)})")
        for k, v in reliability.items():
            if not 0.0 <= float(v) <= 1.0:
                raise ValueError(f"reliability of {k} must be in [0, 1], not {v}")
            rel[k] = float(v)
    miss = np.ones(len(table))
    for e in EVIDENCE:
        if e in table.columns:
            v = np.clip(np.nan_to_num(table[e].to_numpy(dtype=np.float64), nan=0.0), 0.0, 1.0)
            miss *= 1.0 - rel[e] * v
    return 1.0 - miss


def _join(frames: list, columns: Iterable[str]) -> pd.DataFrame:
    out = None
    for f in frames:
        if f is None:
            continue
        out = f if out is None else out.merge(f, on=["a", "b"], how="outer")
    if out is None:
        out = pd.DataFrame({"a": np.empty(0, np.int64), "b": np.empty(0, np.int64)})
    for c in columns:
        if c not in out.columns:
            out[c] = np.nan
        else:
            out[c] = out[c].fillna(0.0)
    return out


def candidates(net, *, evidence: Optional[Iterable[str]] = None, max_sims_per_device: int = MAX_SIMS_PER_DEVICE,
               max_concurrent_sims: int = MAX_CONCURRENT_SIMS, max_overlapping_sims: int = MAX_OVERLAPPING_SIMS,
               max_gap="14D", overlap="1D", min_calls: int = 3, max_contact_block: int = 1000, idf: bool = True,
               succession_support: int = 3, succession_full: float = 0.35,
               colocation_window="1h", min_shared_windows: int = 3, max_cell_block: int = 50,
               passthrough_window="10min", amount_tolerance: float = 0.1, min_events: int = 2,
               holder_columns=None, max_per_holder: int = 10, identity_columns=None,
               reliability: Optional[Mapping[str, float]] = None, threads: int = 0) -> pd.DataFrame:
    """Candidate pairs of identifiers that may belong to one user, with their
    evidence and combined score.

    Pairs come from blocking, never from all pairs: identifiers sharing a
    device, a contact (within the succession time window) or a cell in a
    time window, or holder attributes, or an instant of pass-through money.
    See the module documentation for each evidence and its options
    (``succession_full``: the geometric mean of contact and place
    similarity at which a mutual best succession is full evidence;
    ``identity_columns``: {account column: person column} of the identity
    evidence, default ``holder_<x>`` with ``<x>`` and ``birth_date``).

    Parameters
    ----------
    net : Network
        With ``phone`` and/or ``account`` nodes; calls (``call``, with
        ``timestamp``), sightings (``located_at`` to ``cell`` or ``venue``
        nodes, with ``timestamp``), handsets (``in_device`` to ``device``
        nodes) and transfers (``transfer`` with ``amount`` and
        ``timestamp``) as far as they exist.
    evidence : list of str or None, default None
        The evidences to compute (None = every one the data allows; one
        named here that the data lacks is an error).
    reliability : dict or None
        Overrides of :data:`RELIABILITY`.
    threads : int, default 0
        0 = all cores.  The result does not depend on it.

    Returns
    -------
    DataFrame
        ``a``, ``b`` (ids of the same node type, ``str(a) < str(b)``; for
        the identity and handset_holder evidence ``a`` an account or a phone
        and ``b`` a person),
        ``type`` (the identifiers' node type), one column per evidence (0 =
        no evidence, NaN = does not apply to that type), ``gap_days`` (of the
        succession, NaN when none) and ``score`` in [0, 1]; sorted by score,
        strongest first.  ``attrs["hubs"]``: the SIM boxes found (device id
        -> number of SIMs).

    Warns
    -----
    ResolveWarning
        Phones in no timed call, calls / sightings / transfers without a
        timestamp: named with what to do.
    """
    chosen = set(EVIDENCE if evidence is None else ([evidence] if isinstance(evidence, str) else evidence))
    unknown = chosen - set(EVIDENCE)
    if unknown:
        raise ValueError(f"unknown evidence {sorted(unknown)}: choose from {list(EVIDENCE)}")
    threads = int(threads)
    x = ev.arrays(net)
    is_phone, is_account = x.is_type("phone"), x.is_type("account")
    if not is_phone.any() and not is_account.any():
        raise ValueError(f"the network has no identifiers to resolve: no nodes of type {' or '.join(IDENTIFIER_TYPES)}"
                         f" (node types: {list(net.node_types())}); give phones type 'phone' and accounts 'account'")
    explicit = evidence is not None

    def lacking(name: str, what: str):
        if explicit and name in chosen:
            raise ValueError(f"no {name} evidence: {what}")

    frames, hubs = [], {}
    if is_phone.any():
        f = []
        if "handset" in chosen:
            if len(x.edges("in_device")):
                pf, hub, size = ev.shared_devices(x, is_phone, "handset", max_sims_per_device,
                                                   max_concurrent_sims, max_overlapping_sims, threads)
                f.append(pf)
                hubs.update({x.ids[int(h)]: int(s) for h, s in zip(hub, size)})
            else:
                lacking("handset", "the network has no 'in_device' edges (phone -> device)")
        if "succession" in chosen:
            if len(x.edges("call")):
                f.append(ev.succession(x, is_phone, duration_ns(max_gap, "max_gap"), duration_ns(overlap, "overlap"),
                                       min_calls, max_contact_block, idf, succession_support, threads,
                                       float(succession_full)))
            else:
                lacking("succession", "the network has no 'call' edges")
        if "colocation" in chosen:
            cf = ev.colocation(x, is_phone, max(1, duration_ns(colocation_window, "colocation_window")),
                               max_cell_block, min_shared_windows, threads) if len(x.edges("located_at")) else None
            if cf is None:
                lacking("colocation", "no phone has 'located_at' edges to a cell or venue")
            else:
                f.append(cf)
        t = _join(f, PHONE_EVIDENCE)
        t["type"] = "phone"
        frames.append(t)
    if is_account.any():
        frames += _accounts(net, x, is_phone, is_account, chosen, lacking, max_sims_per_device, max_concurrent_sims,
                            max_overlapping_sims, holder_columns, max_per_holder, identity_columns,
                            duration_ns(passthrough_window, "passthrough_window"), amount_tolerance, min_events,
                            threads)
    elif "handset_holder" in chosen:
        lacking("handset_holder", "the network has no accounts")
    return _assemble(frames, x, reliability, chosen if explicit else None, hubs)


def _accounts(net, x, is_phone, is_account, chosen, lacking, max_sims_per_device, max_concurrent_sims,
              max_overlapping_sims, holder_columns, max_per_holder, identity_columns, window, amount_tolerance,
              min_events, threads) -> list:
    """The evidence frames of the accounts (and handset_holder, which reads
    them) for :func:`candidates`."""
    f = []
    if "devices" in chosen and len(x.edges("in_device")):
        f.append(ev.shared_devices(x, is_account, "devices", max_sims_per_device, max_concurrent_sims,
                                   max_overlapping_sims, threads)[0])
    if "holder" in chosen:
        hf = ev.holders(net, x, is_account, holder_columns, max_per_holder, threads)
        if hf is None:
            lacking("holder", "no account has holder attributes (node columns named holder...)")
        f.append(hf)
    ident = None
    if "identity" in chosen or "handset_holder" in chosen:
        ident = ev.identities(net, x, is_account, identity_columns)
    if "identity" in chosen:
        if ident is None:
            lacking("identity", "no account and person share identity attributes (holder_name and name, ...)")
        f.append(ident)
    if "passthrough" in chosen:
        pf = ev.passthrough(x, is_account, window, amount_tolerance, min_events, max_block=100, threads=threads)
        if pf is None:
            lacking("passthrough", "the network has no 'transfer' edges with amounts")
        f.append(pf)
    t = _join(f, ACCOUNT_EVIDENCE)
    t["type"] = "account"
    frames = [t]
    if "handset_holder" in chosen:
        hh = holders.handset_holders(x, is_phone, is_account, ident, max_sims_per_device, max_concurrent_sims,
                                     max_overlapping_sims)
        if hh is None:
            lacking("handset_holder", "no handset holds both phones and accounts of persons")
        else:
            t = _join([hh], BOTH_EVIDENCE)
            t["type"] = np.where(is_phone[hh["a"].to_numpy()], "phone", "account")
            frames.append(t)
    return frames


def _assemble(frames, x, reliability, chosen, hubs) -> pd.DataFrame:
    """The per-type evidence tables as the table of :func:`candidates`
    (ids, NaN where an evidence does not apply, score, sorted)."""
    explicit = chosen is not None
    t = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else frames[0]
    for c in EVIDENCE:
        if c not in t.columns:
            t[c] = np.nan
        elif c in BOTH_EVIDENCE:
            pass
        elif c in PHONE_EVIDENCE:
            t.loc[t["type"] != "phone", c] = np.nan
        else:
            t.loc[t["type"] != "account", c] = np.nan
    if "gap_days" not in t.columns:
        t["gap_days"] = np.nan
    t["score"] = score(t, reliability)
    t = t.sort_values(["score", "a", "b"], ascending=[False, True, True], kind="stable")
    ids = x.ids.to_numpy()
    keys = np.array([str(i) for i in ids], dtype=object)
    va, vb = t["a"].to_numpy(np.int64), t["b"].to_numpy(np.int64)
    swap = (keys[va] > keys[vb]) & (x.node_type[vb] != "person")  # a < b as strings; a person is always b
    va, vb = np.where(swap, vb, va), np.where(swap, va, vb)
    out = pd.DataFrame({"a": ids[va], "b": ids[vb], "type": t["type"].to_numpy(object)})
    for c in EVIDENCE + ("gap_days", "score"):
        out[c] = t[c].to_numpy(np.float64)
    if explicit:
        out = out.drop(columns=[c for c in EVIDENCE if c not in chosen])
    out.attrs["hubs"] = hubs
    return out
