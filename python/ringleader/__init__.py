"""ringleader: find the leaders and key members of organised crime networks.

Load typed, multi-mode networks (people, phones, accounts, venues; calls,
transfers, ownership, co-location, meetings) from tables and files, and analyse
them with fast C++ kernels.

Long computations take ``progress``: False (default) draws nothing; True
(or ``"auto"``) draws a ``tqdm.auto`` bar when tqdm is installed
(``pip install 'ringleader[progress]'``: widgets in Jupyter, text in a
terminal) and a text bar on stderr otherwise; ``"tqdm"`` or ``"text"``
choose one.  Ctrl-C stops them either way.

Example
-------
>>> import ringleader as rl
>>> net = rl.read_csv("edges.csv", nodes="nodes.csv")      # doctest: +SKIP
>>> net.node_types()                                       # doctest: +SKIP
{'person': 12, 'phone': 20, 'account': 9}
"""
from ._core import ConvergenceError, InvalidArgumentError, MemoryLimitError, ParseError, RingleaderError, __version__
from ._limits import memory_limit, set_memory_limit
from .network import Network, NetworkTables, from_networkx
from .io._binary import load
from .transform import distance_from_strength
from .criminal import key_players
from .criminal._leaders import leaders
from . import centrality, community, criminal, evaluate, generate, money, stats
from . import temporal, plot
from . import paths
from . import resolve
from . import layout
from . import distributed
from . import report
from .io import (
    read_case,
    read_csv,
    read_edgelist,
    read_graphml,
    read_matrix,
    read_pajek,
    read_ucinet_dl,
)

__all__ = [
    "Network",
    "NetworkTables",
    "RingleaderError",
    "ParseError",
    "InvalidArgumentError",
    "ConvergenceError",
    "MemoryLimitError",
    "set_memory_limit",
    "memory_limit",
    "read_csv",
    "read_case",
    "read_edgelist",
    "read_graphml",
    "read_pajek",
    "read_matrix",
    "read_ucinet_dl",
    "load",
    "from_networkx",
    "centrality",
    "community",
    "criminal",
    "evaluate",
    "generate",
    "money",
    "paths",
    "layout",
    "distributed",
    "report",
    "resolve",
    "distance_from_strength",
    "key_players",
    "leaders",
    "stats",
    "temporal",
    "plot",
    "__version__",
]
