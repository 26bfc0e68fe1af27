"""The steps of :func:`ringleader.generate.identity_noise` (number rotation,
SIM boxes, handsets, subscriber records, cells, holder attributes); each
draws from the one generator it is given, in a fixed order."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

HOLDING = ("uses", "owns")
#: Roles that are not members of the organisation (they neither rotate numbers nor run SIM boxes).
NON_MEMBERS = ("victim", "outsider")
_DAY_S = 86400.0

_FIRST = ("Anan", "Bao", "Chen", "Dara", "Eko", "Fang", "Gita", "Hui", "Ines", "Jun", "Kiet", "Lan", "Minh", "Nadia",
          "Omar", "Ping", "Quan", "Rina", "Sari", "Tomas", "Umar", "Vina", "Wei", "Xin", "Yuki", "Zara", "Aditi",
          "Boris", "Carla", "Dmitri", "Elena", "Farid", "Goran", "Hana", "Ivan", "Jana", "Karim", "Lena", "Marek",
          "Nina")
_LAST = ("Tan", "Nguyen", "Wang", "Li", "Santos", "Kumar", "Sato", "Kim", "Garcia", "Ivanov", "Novak", "Petrov",
         "Rossi", "Silva", "Tran", "Wong", "Zhang", "Lim", "Ong", "Reyes", "Cruz", "Ali", "Khan", "Haddad",
         "Popescu", "Horvat", "Kowalski", "Yilmaz", "Costa", "Ferrari", "Hoang", "Pham", "Chua", "Goh", "Teo",
         "Yap", "Bui", "Vu", "Ho", "Le")


def _str(x) -> np.ndarray:
    """Values as an object array of Python strings (missing ones as 'None'/'nan': callers mask them)."""
    return np.array([str(v) for v in (x.to_numpy(object) if hasattr(x, "to_numpy") else x)], dtype=object)


def isin(a, b) -> np.ndarray:
    """``a`` (array or Series) in ``b``, as a bool array; hashes object arrays
    (pandas' Arrow strings test membership element by element)."""
    a = a.to_numpy(object) if hasattr(a, "to_numpy") else np.asarray(a, dtype=object)
    b = b.to_numpy(object) if hasattr(b, "to_numpy") else np.asarray(list(b), dtype=object)
    return pd.Index(a, dtype=object).isin(pd.Index(b, dtype=object))


def fresh_ids(existing, prefix: str, n: int, rng) -> list:
    """``n`` new ids ``<prefix><k>`` numbered after every existing id of that
    form, in random order (the numbering says nothing of the order made)."""
    if not n:
        return []
    ids = pd.Series(np.asarray(existing, dtype=object)).astype(str)
    nums = ids[ids.str.fullmatch(re.escape(prefix) + r"\d+")].str.slice(len(prefix))
    top = int(nums.astype(np.int64).max()) if len(nums) else -1
    return [f"{prefix}{top + 1 + int(i)}" for i in rng.permutation(n)]


def days(ts: pd.Series) -> np.ndarray:
    """Timestamps as float days since the epoch."""
    return ((ts - pd.Timestamp(0, tz="UTC")).dt.total_seconds() / _DAY_S).to_numpy(dtype=float)


def rotate(e, user, members, rate, rotation_days, rng, existing):
    """Step 1: members rotating numbers; returns ``(edges, new phones,
    origin (new phone -> input phone), user (new phones added))``."""
    calls = (e["type"] == "call").to_numpy()
    ci = np.flatnonzero(calls)
    src, dst = e["source"].to_numpy(object)[ci], e["target"].to_numpy(object)[ci]
    t = days(e["timestamp"].iloc[ci])
    ends = pd.DataFrame({"ph": np.concatenate([src, dst]), "t": np.concatenate([t, t])})
    span = ends.groupby("ph")["t"].agg(["min", "max"])
    with_calls = user[user.index.isin(span.index)]
    cand = members[members.isin(with_calls.to_numpy())]
    rot_users = cand[rng.random(len(cand)) < rate]
    ph = pd.Index(sorted(with_calls.index[with_calls.isin(rot_users)]))
    empty = pd.Series(dtype=object)
    if not len(ph):
        return e, pd.Index([], dtype=object), empty, user
    length = rng.uniform(rotation_days[0], rotation_days[1], len(ph))
    sw0 = span["min"].reindex(ph).to_numpy() + rng.random(len(ph)) * length
    segs = []
    for side in (src, dst):
        k = ph.get_indexer(side)
        m = k >= 0
        seg = np.zeros(len(side), dtype=np.int64)
        kk = k[m]
        seg[m] = np.where(t[m] >= sw0[kk], np.floor((t[m] - sw0[kk]) / length[kk]).astype(np.int64) + 1, 0)
        segs.append((k, seg))
    pairs = pd.DataFrame({"k": np.concatenate([segs[0][0], segs[1][0]]),
                          "seg": np.concatenate([segs[0][1], segs[1][1]])})
    pairs = pairs[pairs["seg"] > 0].drop_duplicates().sort_values(["k", "seg"]).reset_index(drop=True)
    if pairs.empty:
        return e, pd.Index([], dtype=object), empty, user
    new = pd.Index(fresh_ids(existing, "ph", len(pairs), rng), dtype=object)
    code = pd.Series(np.arange(len(pairs)), index=pd.MultiIndex.from_arrays([pairs["k"], pairs["seg"]]))
    e = e.copy()
    for col, side, (k, seg) in (("source", src, segs[0]), ("target", dst, segs[1])):
        m = seg > 0
        if m.any():
            j = code.reindex(pd.MultiIndex.from_arrays([k[m], seg[m]])).to_numpy()
            vals = side.copy()
            vals[m] = new.to_numpy(object)[j]
            arr = e[col].to_numpy(object).copy()
            arr[ci] = vals
            e[col] = arr
    origin = pd.Series(ph.to_numpy(object)[pairs["k"].to_numpy()], index=new)
    start = sw0[pairs["k"].to_numpy()] + (pairs["seg"].to_numpy() - 1) * length[pairs["k"].to_numpy()]
    # the new numbers' records: copies of the old ones' holding edges
    hold = e[isin(e["type"], HOLDING)]
    hold = hold[isin(hold["source"], ph) | isin(hold["target"], ph)]
    if len(hold):
        at = hold["source"].where(isin(hold["source"], ph), hold["target"])
        tab = pd.DataFrame({"orig": origin.to_numpy(object), "new": new.to_numpy(object),
                            "ts": pd.to_datetime(np.round(start * _DAY_S * 1e9).astype(np.int64), utc=True)})
        rec = hold.assign(orig=at.to_numpy(object)).merge(tab, on="orig", how="inner")
        is_src = rec["source"] == rec["orig"]
        rec["source"] = rec["source"].where(~is_src, rec["new"])
        rec["target"] = rec["target"].where(is_src, rec["new"])
        rec["timestamp"] = rec["ts"].astype(e["timestamp"].dtype)
        e = pd.concat([e, rec[e.columns]], ignore_index=True)
    user = pd.concat([user, pd.Series(user.reindex(origin.to_numpy()).to_numpy(object), index=new)])
    return e, new, origin, user


def sim_boxes_of(phones, origin, user, truth, members, rate, size, group, rng) -> pd.Series:
    """Step 2: phone -> SIM box number, for the phones in SIM boxes."""
    ops = members[truth.loc[members, "role"].to_numpy() == "operator"]
    callers = ops if len(ops) else members
    root = pd.Series(origin.reindex(phones).to_numpy(object), index=phones)
    root = root.where(root.notna(), pd.Series(phones, index=phones))
    inputs = phones[~phones.isin(origin.index)]
    cand = pd.Index(sorted(inputs[user.reindex(inputs).isin(callers).to_numpy()]))
    pick = cand[rng.random(len(cand)) < rate]
    if not len(pick):
        return pd.Series(dtype=np.int64)
    g = group.reindex(user.reindex(pick).to_numpy()).fillna(-1).astype(np.int64).to_numpy()
    boxes, pending = [], []
    for grp in np.unique(g):
        mine = pick[g == grp].to_numpy(object)[rng.permutation(int((g == grp).sum()))]
        chunks, i = [], 0
        while i < len(mine):
            n = int(rng.integers(size[0], size[1] + 1))
            chunks.append(list(mine[i:i + n]))
            i += n
        if len(chunks) > 1 and len(chunks[-1]) < size[0]:  # the last box takes the remainder
            chunks[-2].extend(chunks.pop())
        for c in chunks:
            if user.reindex(c).nunique() >= 2:
                boxes.append(c)
            elif boxes and user.reindex(boxes[-1] + c).nunique() >= 2:
                boxes[-1].extend(c)
            else:
                pending.append(c)
    for c in pending:  # one user's SIMs only: joined to a box of other users, else back to handsets
        if boxes and user.reindex(boxes[-1] + c).nunique() >= 2:
            boxes[-1].extend(c)
        elif user.reindex(sum(pending, [])).nunique() >= 2 and not boxes:
            boxes.append(sum(pending, []))
            break
    of_root = {ph: b for b, c in enumerate(boxes) for ph in c}
    out = root.map(of_root).dropna().astype(np.int64)
    return out


def devices(phones, box, user, rate, second, rng) -> pd.DataFrame:
    """Step 3: each phone's handset key (``b:`` SIM box, ``u:`` a user's
    shared handset, ``p:`` a handset of its own) and whether it is a box."""
    free = pd.Index(sorted(phones[~phones.isin(box.index)]))
    u = user.reindex(free)
    users = pd.Index(sorted(pd.unique(u.dropna())))
    sharer = pd.Series(rng.random(len(users)) < rate, index=users)
    nsims = u.value_counts().reindex(users).fillna(0).to_numpy()
    two = pd.Series(sharer.to_numpy() & (rng.random(len(users)) < second) & (nsims >= 2), index=users)
    slot = rng.random(len(free)) < 0.5
    shares = u.map(sharer).fillna(False).astype(bool).to_numpy()
    second_slot = u.map(two).fillna(False).astype(bool).to_numpy() & slot
    key = np.where(shares, "u:" + _str(u) + np.where(second_slot, ":1", ":0"),
                   "p:" + _str(free))
    out = pd.DataFrame({"key": key, "box": False}, index=free)
    if len(box):
        out = pd.concat([out, pd.DataFrame({"key": "b:" + _str(box), "box": True},
                                           index=box.index)])
    return out


def account_devices(accounts, user, dev_free, share, rng) -> pd.DataFrame:
    """Step 3 for accounts: the handset an account is logged into from."""
    acc = pd.Index(sorted(accounts[user.reindex(accounts).notna().to_numpy()]), dtype=object)
    keys = pd.DataFrame({"user": user.reindex(dev_free.index).to_numpy(object),
                         "key": dev_free["key"].to_numpy(object)}).dropna()
    keys = keys.drop_duplicates().sort_values(["user", "key"]).reset_index(drop=True)
    owners = pd.Index(keys["user"].to_numpy(object), dtype=object)
    uniq, start = np.unique(owners.to_numpy(object).astype(str), return_index=True)
    count = np.diff(np.append(start, len(keys)))
    ui = pd.Index(uniq.astype(object), dtype=object).get_indexer(_str(user.reindex(acc)))
    acc, ui = acc[ui >= 0], ui[ui >= 0]
    take = rng.random(len(acc)) < share
    acc, ui = acc[take], ui[take]
    pos = start[ui] + np.minimum((rng.random(len(acc)) * count[ui]).astype(np.int64), count[ui] - 1)
    return pd.DataFrame({"key": keys["key"].to_numpy(object)[pos]}, index=acc)


def corrupt(e, direct, user, box, false_rate, missing_rate, existing, persons, rng):
    """Step 4: records kept, lost or false; returns ``(edges, record, fake
    persons, identifier -> fake person)``."""
    ids = pd.Index(sorted(direct.unique()))
    u = rng.random(len(ids))
    record = pd.Series(np.where(u < missing_rate, "missing", np.where(u < missing_rate + false_rate, "false",
                                                                          "kept")), index=ids, dtype=object)
    false = ids[(record == "false").to_numpy()]
    boxed = false.isin(box.index)
    fu = pd.Series(_str(user.reindex(false[~boxed])), index=false[~boxed], dtype=object)
    users = pd.Index(sorted(pd.unique(fu)))
    second = pd.Series(rng.random(len(users)) < 0.3, index=users)
    j = (fu.map(second).fillna(False).to_numpy(bool) & (rng.random(len(fu)) < 0.5)).astype(int)
    key = pd.Series(index=false, dtype=object)
    key[~boxed] = ("user:" + fu.to_numpy(object) + ":" + _str(j))
    key[boxed] = "box:" + _str(box.reindex(false[boxed]))
    keys = pd.unique(key.to_numpy(object))
    fakes = fresh_ids(existing, "p", len(keys), rng)
    fake_of = key.map(dict(zip(keys, fakes)))
    hi = np.flatnonzero(isin(e["type"], HOLDING))  # only holding rows are touched
    hs, ht = e["source"].to_numpy(object)[hi], e["target"].to_numpy(object)[hi]
    row_src = isin(hs, ids) & isin(ht, persons)
    row_tgt = isin(ht, ids) & isin(hs, persons)
    thing = np.where(row_src, hs, ht)
    state = pd.Series(thing, dtype=object).map(record).to_numpy(object)
    rows = row_src | row_tgt
    fk = rows & (state == "false")
    drop = np.zeros(len(e), dtype=bool)
    drop[hi[rows & (state == "missing")]] = True
    newp = pd.Series(thing[fk], dtype=object).map(fake_of).to_numpy(object)
    hs, ht = hs.copy(), ht.copy()
    hs[fk & row_tgt] = newp[row_tgt[fk]]
    ht[fk & row_src] = newp[row_src[fk]]
    e = e.copy()
    s, t = e["source"].to_numpy(object).copy(), e["target"].to_numpy(object).copy()
    s[hi], t[hi] = hs, ht
    e["source"], e["target"] = s, t
    return e[~drop].reset_index(drop=True), record, pd.Index(fakes, dtype=object), fake_of


def cells_of_calls(e, user, box, group, existing, rng):
    """Step 5: ``phone -located_at-> cell`` at each call (the caller's cell)."""
    calls = e[e["type"] == "call"]
    src = calls["source"].to_numpy(object)
    who = pd.Series(src).map(user).to_numpy(object)
    prof = np.where(pd.isna(who), "p:" + _str(pd.Series(src)),
                    "u:" + _str(pd.Series(who)))
    keys = pd.Index(sorted(pd.unique(prof)))
    n_cells = max(8, len(keys) // 8)
    home, work, third = (rng.integers(n_cells, size=len(keys)) for _ in range(3))
    groups = np.sort(group[group >= 0].unique())
    site = pd.Series(rng.integers(n_cells, size=len(groups)), index=groups)
    key_user = pd.Series([k[2:] if k.startswith("u:") else None for k in keys], dtype=object)
    kg = key_user.map(group).fillna(-1).to_numpy(np.int64)
    at_site = (kg >= 0) & (rng.random(len(keys)) < 0.8)
    work = np.where(at_site, pd.Series(kg).map(site).fillna(0).to_numpy(np.int64), work)
    k = keys.get_indexer(prof)
    t = days(calls["timestamp"])
    hours = (t % 1.0) * 24.0
    weekday = ((np.floor(t).astype(np.int64) + 3) % 7) < 5  # 1970-01-01 was a Thursday
    office = weekday & (hours >= 8) & (hours < 19)
    r = rng.random(len(t))
    anywhere = rng.integers(n_cells, size=len(t))
    first, then = np.where(office, work[k], home[k]), np.where(office, home[k], work[k])
    cum1, cum2 = np.where(office, 0.7, 0.7), np.where(office, 0.85, 0.8)
    cell = np.where(r < cum1, first, np.where(r < cum2, then, np.where(r < 0.95, third[k], anywhere)))
    if len(box):  # a SIM box stays at its group's site (a random cell without a group)
        bg = pd.Series(user.reindex(box.index).map(group).fillna(-1).to_numpy(np.int64), index=box.index)
        first_group = bg.groupby(box.to_numpy()).first()
        nb = len(first_group)
        own = rng.integers(n_cells, size=nb)
        bcell = pd.Series(np.where(first_group.to_numpy() >= 0, first_group.map(site).fillna(0).to_numpy(np.int64),
                                   own), index=first_group.index)
        inbox = pd.Series(src).map(box)
        m = inbox.notna().to_numpy()
        cell[m] = inbox[m].astype(np.int64).map(bcell).to_numpy(np.int64)
    used = np.unique(cell)
    ids = np.array(fresh_ids(existing, "c", len(used), rng), dtype=object)
    name = ids[np.searchsorted(used, cell)]
    loc = pd.DataFrame({"source": src, "target": name, "type": "located_at",
                        "timestamp": calls["timestamp"].array})
    return loc, list(ids)


def _vary_name(name: str, r: float, pos: float) -> str:
    if r >= 0.15 or len(name) < 3:
        return name
    i = 1 + int(pos * (len(name) - 2))
    kind = int(r / 0.05)  # 0 drop, 1 double, 2 swap
    if kind == 0:
        return name[:i] + name[i + 1:]
    if kind == 1:
        return name[:i] + name[i] + name[i:]
    return name[:i - 1] + name[i] + name[i - 1] + name[i + 1:]


def _draw_identities(k: int, rng):
    """``k`` identities from ``rng``: first-name and last-name indices and
    birth dates (1950-2004), drawn in that order."""
    first, last = rng.integers(len(_FIRST), size=k), rng.integers(len(_LAST), size=k)
    born = pd.DatetimeIndex(np.datetime64("1950-01-01") + rng.integers(0, 55 * 365, size=k).astype("timedelta64[D]"))
    return first, last, born


def account_holders(accounts, user, record, fake_of, e, ntype, persons, rng):
    """Step 6: ``holder_name`` and ``birth_date`` of every account, and the
    identities drawn (identity key ``u:<user>``, ``f:<fake>``, ``c:<company>``
    or ``a:<account>`` -> ``name``, ``birth_date``, without variations)."""
    acc = pd.Index(sorted(accounts))
    hold = e[isin(e["type"], HOLDING)]
    other = pd.concat([pd.Series(hold["target"].to_numpy(object), index=hold["source"].to_numpy(object)),
                       pd.Series(hold["source"].to_numpy(object), index=hold["target"].to_numpy(object))])
    other = other[other.index.isin(acc)]
    company = other[other.map(ntype).eq("company").to_numpy()]
    company = company[~company.index.duplicated()]
    rec = record.reindex(acc)
    ident = np.where(rec == "false", "f:" + _str(fake_of.reindex(acc)),
                     np.where(user.reindex(acc).notna() & rec.notna(), "u:" + _str(user.reindex(acc)),
                              np.where(company.reindex(acc).notna(), "c:" + _str(company.reindex(acc)),
                                       "a:" + _str(acc))))
    keys = pd.Index(sorted(pd.unique(ident)))
    first, last, born = _draw_identities(len(keys), rng)
    is_co = keys.str.startswith("c:")
    names = np.where(is_co, [f"{_LAST[b]} {('Trading', 'Holdings', 'Logistics', 'Import-Export')[a % 4]} Ltd"
                             for a, b in zip(first, last)],
                     [f"{_FIRST[a]} {_LAST[b]}" for a, b in zip(first, last)])
    k = keys.get_indexer(ident)
    r, pos, rd, sign = rng.random(len(acc)), rng.random(len(acc)), rng.random(len(acc)), rng.random(len(acc))
    out_name = [_vary_name(names[i], a, b) for i, a, b in zip(k, r, pos)]
    y, mo, dd = born.year.to_numpy()[k], born.month.to_numpy()[k], born.day.to_numpy()[k]
    swap = (rd < 0.025) & (dd <= 12) & (dd != mo)  # day and month swapped
    mo, dd = np.where(swap, dd, mo), np.where(swap, mo, dd)
    d = pd.to_datetime(pd.DataFrame({"year": y, "month": mo, "day": dd}))
    shift = np.where(~swap & (rd < 0.05), np.where(sign < 0.5, 1, -1), 0)  # one day off
    d = d + pd.to_timedelta(shift, unit="D")
    dates = np.where(is_co[k], None, d.dt.strftime("%Y-%m-%d").to_numpy(object))
    canon = pd.DataFrame({"name": names.astype(object), "birth_date": born.strftime("%Y-%m-%d").to_numpy(object)},
                         index=keys)
    return pd.DataFrame({"holder_name": out_name, "birth_date": dates}, index=acc), canon


def person_identities(persons, fakes, canon: pd.DataFrame, rng) -> pd.DataFrame:
    """``name`` and ``birth_date`` of every person (the identity on a
    subscriber record or in the case file): the account holders' identity
    when the person holds accounts (``canon`` of :func:`account_holders`),
    else a new one from ``rng``."""
    fake = set(fakes)
    keys = pd.Index([("f:" if p in fake else "u:") + str(p) for p in persons], dtype=object)
    out = canon.reindex(keys)
    new = out["name"].isna().to_numpy()
    first, last, born = _draw_identities(int(new.sum()), rng)
    out.loc[new, "name"] = [f"{_FIRST[a]} {_LAST[b]}" for a, b in zip(first, last)]
    out.loc[new, "birth_date"] = born.strftime("%Y-%m-%d").to_numpy(object)
    out.index = pd.Index(list(persons), dtype=object)
    return out
