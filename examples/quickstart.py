"""Rank the leaders of the bundled sample (python3 examples/quickstart.py)."""
import pathlib

import ringleader as rl

sample = pathlib.Path(__file__).parent / "sample"
net = rl.read_csv(sample / "edges.csv", nodes=sample / "nodes.csv")
ranking = rl.leaders(net, seed=1)  # one row per person, rank 1 = top
print(ranking.head(5)[["rank", "role", "explanation"]].to_string())
people = net.project("person")  # who is linked to whom
groups = rl.community.leiden(people, weight="weight", seed=1)
print(groups.attrs["n_communities"], "groups; modularity", round(groups.attrs["modularity"], 3))
