"""networkx's own tests that assert networkx's exact output for a seed of a
randomised function (docs/networkx-backend.md lists them with the reason).

While one of these runs (networkx's test suite with
``NETWORKX_TEST_BACKEND=ringleader``), the backend declines the seeded
randomised functions so that networkx runs them itself; every other test
runs on ringleader.  Paths are relative to networkx's package folder.
:func:`on_start_tests` is the hook networkx's conftest.py calls with the
collected tests; :func:`exact_seeded_running` tells the checks when one of
these runs.
"""

EXACT_SEEDED = {
    # louvain_communities: each compares the list of sets networkx's own
    # Louvain returns for a seed (order included) with a fixed answer, or two
    # such lists with each other
    "algorithms/community/tests/test_louvain.py::test_karate_club_partition":
        "louvain_communities(karate, seed=2) equals a fixed list of sets",
    "algorithms/community/tests/test_louvain.py::test_undirected_selfloops":
        "louvain_communities(karate, seed=2) equals a fixed list of sets",
    "algorithms/community/tests/test_louvain.py::test_directed_partition":
        "louvain_communities(G, seed=123) equals a fixed list of sets",
    "algorithms/community/tests/test_louvain.py::test_none_weight_param":
        "louvain_communities(karate, seed=2) equals a fixed list of sets",
    "algorithms/community/tests/test_louvain.py::test_multigraph":
        "two different weighted graphs give the same list for seed 1234 (so networkx's exact output)",
}


def exact_seeded_tests():
    return set(EXACT_SEEDED)


# ---- the hook networkx's conftest.py calls ---------------------------------------
_RUNNING = {"on": False}


def exact_seeded_running() -> bool:
    """True while one of the :data:`EXACT_SEEDED` tests runs."""
    return _RUNNING["on"]


def on_start_tests(items):
    """networkx's test suite with this backend: tests that assert networkx's
    exact output for a given seed of a randomised function run that function
    in networkx (see docs/networkx-backend.md); nothing is marked xfail."""
    wanted = exact_seeded_tests()
    for item in items:
        if item.nodeid.split("networkx/", 1)[-1] in wanted or _short(item.nodeid) in wanted:
            _decline_seeded_during(item)


def _short(nodeid):
    i = nodeid.find("algorithms/")
    return nodeid[i:] if i >= 0 else nodeid


def _decline_seeded_during(item):
    run = item.runtest

    def runtest():
        _RUNNING["on"] = True
        try:
            run()
        finally:
            _RUNNING["on"] = False
    item.runtest = runtest
