"""Synthetic criminal networks with ground truth, for developing, comparing
and teaching leader-finding methods without real investigation data.

Families (:func:`families` lists them with their references): each is
written from a published description of one organisational form, draws its
structural parameters per seed from documented ranges, maps its positions
onto one role list (:data:`ROLES`) and names the roles that count as leaders
in ``truth.attrs["leader_roles"]``.  Every family takes ``size``, ``noise``,
``missing_edges``, ``missing_persons``, ``spurious_edges`` and ``seed`` and
returns ``(net, truth)``; the missing-data model is the same for all
(see ``_common.finish``).

Transforms (not families; they take any family's ``(net, truth)``):
:func:`identity_noise` (number rotation, handsets, SIM boxes, cells, missing
and false subscriber records, with the truth of who uses every phone and
account, for identity resolution).
"""
from __future__ import annotations

import pandas as pd

from ._common import ROLES
from .fraud import KEY_MEMBER_ROLES, LEADER_ROLES, fraud_compound, fraud_network
from .identity import IDENTITY_DEFAULTS, identity_noise

__all__ = ["families", "fraud_network", "fraud_compound", "identity_noise", "IDENTITY_DEFAULTS", "LEADER_ROLES",
           "KEY_MEMBER_ROLES", "ROLES"]

_FAMILIES = [("fraud_compound", "ringleader.generate.fraud")]
for _name, _mod in (("fraud_insulated", "fraud_insulated"), ("mafia_clan", "mafia_clan"),
                    ("drug_chain", "drug_chain"), ("cell_network", "cell_network"),
                    ("laundering_network", "laundering_network")):
    try:  # a family module that is not there yet is simply not listed
        _m = __import__(f"{__name__}.{_mod}", fromlist=[_name])
        globals()[_name] = getattr(_m, _name)
        __all__.append(_name)
        _FAMILIES.append((_name, _m.__name__))
    except ImportError:
        pass


def families() -> pd.DataFrame:
    """The generator families: a DataFrame indexed by name with ``function``
    (call it as ``f(size=..., noise=..., missing_edges=..., missing_persons=...,
    spurious_edges=..., seed=...)``), ``leader_roles``, ``form`` (the
    organisational form, one line), ``reference`` and ``ranges`` (the
    structural parameters and the ranges each seed draws them from).

    >>> list(rl.generate.families().index)[:1]
    ['fraud_compound']
    """
    import importlib

    rows = []
    for name, mod in _FAMILIES:
        m = importlib.import_module(mod)
        f = getattr(m, name)
        rows.append({"name": name, "function": f, "leader_roles": tuple(getattr(m, "FAMILY_LEADER_ROLES", LEADER_ROLES)),
                     "form": getattr(m, "FORM", ""), "reference": getattr(m, "REFERENCE", ""),
                     "ranges": dict(getattr(m, "RANGES", {}))})
    return pd.DataFrame(rows).set_index("name")
