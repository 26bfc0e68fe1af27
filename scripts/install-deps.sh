#!/usr/bin/env bash
# Installs everything ringleader needs on a fresh Debian 12 machine:
# system packages with apt-get, Python packages with pip.  Idempotent.
set -euo pipefail
PYTHON=${PYTHON:-python3}
# chromium: the report's headless-browser check (tests/python/test_report_browser.py)
# clang, libomp-dev: the ThreadSanitizer build (make test-tsan; gcc's libgomp gives false reports)
# and, with libclang-rt-14-dev (libFuzzer) and time, the fuzz targets (scripts/fuzz.sh)
# nlohmann-json3-dev: the JSON section table of the binary format (src/io/binary.cpp)
# libopenmpi-dev, openmpi-bin: the MPI example (examples/mpi, run by ctest with mpirun)
APT_PACKAGES="build-essential cmake libboost-dev libeigen3-dev catch2 zlib1g-dev nlohmann-json3-dev ccache chromium \
  clang libomp-dev libclang-rt-14-dev time libopenmpi-dev openmpi-bin"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "install-deps: apt-get install$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
# Build tools (scikit-build-core, pybind11, cmake, ninja) and runtime/test deps;
# phonenumbers is the optional extra `ids` (rl.io.normalize_phones), whose tests must run under CI;
# Jinja2: report templates; websocket-client: the report view's browser tests.
# pybind11 and pybind11-stubgen are pinned: `make check-stubs` compares the
# committed _core.pyi with what they generate (scripts/stubs.py).
"$PYTHON" -m pip install -q --disable-pip-version-check \
  "scikit-build-core>=0.10" "pybind11==3.1.0" "cmake>=3.15" ninja \
  "numpy>=1.23" "pandas>=1.5" "pytest>=7" "networkx>=3.0" "scipy>=1.8" "matplotlib>=3.6" "tqdm>=4.60" \
  "Jinja2>=3.1" "websocket-client>=1.6" nbformat nbclient ipykernel "pybind11-stubgen==3.0.0" "phonenumbers>=8.13"
# rl.read_case's .xlsx and Parquet tables: the extras `excel` and `parquet`, whose tests must run under CI
"$PYTHON" -m pip install -q --disable-pip-version-check "openpyxl>=3.1" "pyarrow>=12"
# rl.read_case of a YAML case file: the extra `yaml`, whose tests must run under CI
"$PYTHON" -m pip install -q --disable-pip-version-check "PyYAML>=6"
# rl.distributed (optional for users; its tests run under CI)
"$PYTHON" -m pip install -q --disable-pip-version-check dask distributed
# the Python fuzz target of make test-fuzz (fuzz/fuzz_case.py, the extra `fuzz`): wheels for CPython 3.8-3.11 on
# x86-64 Linux; elsewhere pip would build it from source, and the target runs its random-input driver instead
"$PYTHON" -m pip install -q --disable-pip-version-check --only-binary=atheris "atheris>=2.3" || \
  echo "install-deps: no atheris wheel for this Python: make test-fuzz runs fuzz/fuzz_case.py's random driver"
# the documentation site, `make docs` (the optional extra `docs`; docs/conf.py)
"$PYTHON" -m pip install -q --disable-pip-version-check "sphinx>=7.2,<9" "myst-nb>=1.1,<2"
if [ "${1:-}" = "--bench" ]; then
  "$PYTHON" -m pip install -q --disable-pip-version-check "igraph>=0.11" "networkit>=11" tabulate
fi
