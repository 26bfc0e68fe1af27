"""Regenerate the bundled sample network (examples/sample) from the
synthetic telecom-fraud generator with a fixed seed.

Run from the repository root:  python3 examples/make_sample.py
tests/python/test_generate.py checks that the bundled files equal this output.
"""
import pathlib

import ringleader as rl

SAMPLE = dict(n_groups=2, teams_per_group=2, operators_per_team=4, victims_per_operator=2, noise=0.0, seed=2024)


def make(out: pathlib.Path) -> None:
    net, truth = rl.generate.fraud_network(**SAMPLE)
    out.mkdir(parents=True, exist_ok=True)
    net.write_csv(out / "edges.csv", nodes=out / "nodes.csv")
    truth.to_csv(out / "truth.csv")


if __name__ == "__main__":
    make(pathlib.Path(__file__).parent / "sample")
