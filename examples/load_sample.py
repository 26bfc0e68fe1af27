"""Load the bundled sample network and look at it by type.

Run from the repository root:  python3 examples/load_sample.py
"""
import pathlib

import ringleader as rl

here = pathlib.Path(__file__).parent / "sample"
net = rl.read_csv(here / "edges.csv", nodes=here / "nodes.csv", directed=True)
print(net)
print("node types:", net.node_types())
print("edge types:", net.edge_types())

# Who calls whom: the phone network, parallel calls merged into weighted ties.
calls = net.subgraph(node_types=["phone"], edge_types=["call"]).collapse(weight="count")
print("phone-to-phone ties:", calls.number_of_edges())

# Money: transfers in June 2024 with their amounts.
money = net.subgraph(edge_types=["transfer"], start="2024-06-01", end="2024-07-01")
print(money.edges[["source", "target", "amount", "timestamp"]].sort_values("amount", ascending=False).head())
