"""Which columns of a user's tables are the model's: the column mapping of
:func:`ringleader.read_csv` and :meth:`ringleader.Network.from_pandas`
(``source=``, ``target=``, ..., ``id_column=``, ``edge_attr=``) with the
value rules (``dayfirst``, ``time_format``, ``tz``, ``decimal``) in
:class:`Reading`, and the checks that name a column the table lacks."""
from __future__ import annotations

from typing import NamedTuple, Optional

from ._values import Where, check_options, delimiter_hint

#: The edge table's parts -> the argument naming their column (None = the part's own name).
EDGE_ARGS = {"source": "source", "target": "target", "type": "type", "weight": "weight",
             "timestamp": "timestamp", "amount": "amount"}
#: The node table's parts -> the argument naming their column.
NODE_ARGS = {"id": "id_column", "type": "node_type_column", "label": "label_column"}


class Reading(NamedTuple):
    """How tables become a network: the user's column for each part of the
    model (None = the part's own name, when the table has it), the attribute
    columns (``edge_attr``: None/True = every other column, False = none, a
    list = those), the value rules (see :mod:`ringleader._values`) and
    ``text``: the tables hold text read from files, so attribute columns are
    typed as the C++ reader types them (number, time or string)."""
    source: object = None
    target: object = None
    type: object = None
    weight: object = None
    timestamp: object = None
    amount: object = None
    id_column: object = None
    node_type_column: object = None
    label_column: object = None
    edge_attr: object = None
    dayfirst: bool = False
    time_format: Optional[str] = None
    tz: object = None
    decimal: str = "."
    text: bool = False

    def edge_names(self) -> dict:
        """part -> the user's column name or None."""
        return {part: getattr(self, arg) for part, arg in EDGE_ARGS.items()}

    def node_names(self) -> dict:
        return {"id": self.id_column, "type": self.node_type_column, "label": self.label_column}

    def standard(self) -> bool:
        """True when nothing is renamed and the value rules are the defaults
        (the C++ CSV reader reads such files itself)."""
        renamed = any(v is not None and v != k for k, v in {**self.edge_names(), **self.node_names()}.items())
        return not renamed and self.edge_attr in (None, True) and not self.dayfirst and \
            self.time_format is None and self.tz in (None, "UTC") and self.decimal == "."

    def check(self) -> None:
        """``ValueError`` for options that cannot be used."""
        check_options(decimal=self.decimal, tz=self.tz, time_format=self.time_format)
        if not isinstance(self.dayfirst, bool):
            raise ValueError(f"dayfirst={self.dayfirst!r}: pass True or False")
        ea = self.edge_attr
        if not (ea is None or isinstance(ea, (bool, str, list, tuple))):
            raise ValueError(f"edge_attr={ea!r}: pass None or True (every other column), False (none), or a list "
                             "of column names")


def _listing(columns) -> str:
    return ", ".join(str(c) for c in columns)


def part_columns(columns, named: dict, args: dict, at: Where, required=()) -> dict:
    """part -> the table's column for it (None when absent).

    ``named``: part -> the user's name or None; ``args``: part -> the
    argument's name, for messages.  A name the table lacks, a required part
    without a column, and a column with a part's own name beside the column
    named for that part (it would be lost) are errors at the header."""
    columns = list(columns)
    out = {}
    for part, name in named.items():
        if name is None or name == part:
            out[part] = part if part in columns else None
        elif name in columns:
            out[part] = name
        else:
            raise at.error(None, f"no column {name!r} ({args[part]}={name!r}); the columns are: {_listing(columns)}"
                           + delimiter_hint(columns))
    for part in required:
        if out.get(part) is None:
            raise at.error(None, f"missing required column {part!r}: name the column that holds it with "
                                 f"{args[part]}= (the columns are: {_listing(columns)})" + delimiter_hint(columns))
    used = set(out.values())
    for part, col in out.items():
        if col is not None and col != part and part in columns and part not in used:
            raise at.error(None, f"has a column {part!r} besides the {part} column {col!r}: rename it, it would be "
                                 "lost")
    if out.get("source") is not None and out.get("source") == out.get("target"):
        raise at.error(None, f"source and target are both column {out['source']!r}: name two columns")
    return out


def attribute_names(columns, used, edge_attr, at: Where) -> list:
    """The attribute columns: every column not ``used`` (``edge_attr`` None or
    True), none (False) or those listed (each must exist and not be used)."""
    columns = list(columns)
    if edge_attr is None or edge_attr is True:
        return [c for c in columns if c not in used]
    if edge_attr is False:
        return []
    wanted = [edge_attr] if isinstance(edge_attr, str) else list(edge_attr)
    for c in wanted:
        if c not in columns:
            raise at.error(None, f"no column {c!r} (edge_attr); the columns are: {_listing(columns)}")
        if c in used:
            raise at.error(None, f"edge_attr lists {c!r}, which is already a part of the model (source, target, "
                                 "type, weight, timestamp or amount): leave it out of edge_attr")
    return list(dict.fromkeys(wanted))
