import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample"
SHARED = ROOT.parent / "shared" / "data" / "raw"


@pytest.fixture
def sample_paths():
    return SAMPLE / "edges.csv", SAMPLE / "nodes.csv"


@pytest.fixture
def shared_data():
    """../shared/data/raw: skipped when absent, a failure under CI."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing: CI must have ../shared beside the project")
        pytest.skip("../shared/data/raw not available")
    return SHARED
