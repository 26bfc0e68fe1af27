# ringleader - the two commands of the README:
#   make demo   set up everything, then write the leader report of the bundled sample
#   make test   set up everything, then run every test (C++ with ctest, Python with pytest)
PYTHON ?= python3
JOBS ?= 2
BUILD ?= build/cpp
SAN_BUILD ?= build/asan
TSAN_BUILD ?= build/tsan
FUZZ_SECONDS ?= 30
export CMAKE_BUILD_PARALLEL_LEVEL ?= $(JOBS)
export PIP_ROOT_USER_ACTION ?= ignore

.PHONY: demo test deps python cpp test-cpp test-python test-sanitize test-tsan test-fuzz test-nx check-sizes check-layers check-stubs docs bench bench-national clean

deps:
	scripts/install-deps.sh

python: deps
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-build-isolation .

demo: python
	$(PYTHON) -m ringleader report examples/sample/edges.csv --nodes examples/sample/nodes.csv --directed \
	  --seed 1 -o report

cpp: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

test-cpp: cpp
	cd $(BUILD) && ctest --output-on-failure

test-sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DRINGLEADER_SANITIZE=address,undefined
	cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure

# ThreadSanitizer needs clang and LLVM's OpenMP runtime (libomp, with its
# Archer tool so that OpenMP's own synchronisation is understood); gcc's libgomp
# gives false reports.
TSAN_CXX ?= clang++-14
ARCHER ?= /usr/lib/llvm-14/lib/libarcher.so
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=$(TSAN_CXX) \
	  -DRINGLEADER_SANITIZE=thread
	cmake --build $(TSAN_BUILD) -j $(JOBS)
	cd $(TSAN_BUILD) && OMP_NUM_THREADS=$(JOBS) OMP_TOOL_LIBRARIES=$(ARCHER) \
	  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ignore_noninstrumented_modules=1" \
	  ctest --output-on-failure

# every libFuzzer target and the Python target (atheris) for FUZZ_SECONDS each, from the seeds and
# the checked-in inputs
test-fuzz: deps
	JOBS=$(JOBS) scripts/fuzz.sh $(FUZZ_SECONDS)

test-python: python
	$(PYTHON) -m pytest -q tests/python

# networkx's own tests of the accelerated modules, run on the "ringleader" backend
# from networkx's package folder (so its conftest.py applies); docs/networkx-backend.md
NX_TESTS ?= algorithms/centrality algorithms/components algorithms/community algorithms/tests/test_core.py \
  algorithms/flow algorithms/tests/test_structuralholes.py algorithms/link_analysis
test-nx: python
	cd "$$($(PYTHON) -c 'import networkx, os; print(os.path.dirname(networkx.__file__))')" && \
	  NETWORKX_TEST_BACKEND=ringleader NETWORKX_FALLBACK_TO_NX=True $(PYTHON) -m pytest -q -p no:cacheprovider $(NX_TESTS)

# the compiled module's type stub matches it (scripts/stubs.py)
check-stubs: python
	$(PYTHON) scripts/stubs.py --check

# python/ringleader: files at most 500 lines, functions at most 80 lines of code
check-sizes:
	$(PYTHON) scripts/check_sizes.py

# include rules between core/, graph/, io/ and the kernel families (docs/architecture.md)
check-layers:
	$(PYTHON) scripts/check_layers.py

# the documentation site (docs/index.rst) into build/docs: the Python API from the
# docstrings, the C++ API from the headers, the notebooks run; warnings are errors
# (-W, all reported: --keep-going), every cross-reference must resolve (-n), and a
# fresh build each time (-E) so that the check that every public name is
# described sees every page.  About 20 s on 2 cores.
DOCS_BUILD ?= build/docs
docs: python
	$(PYTHON) -m sphinx -b html -E -n -W --keep-going -q docs $(DOCS_BUILD)

test: check-sizes check-layers test-cpp test-python test-nx check-stubs docs

# every benchmark group (bench/README.md): prints each table, and writes them to bench/out and to the
# committed bench/results/ (loads.md, centrality.md, community.md)
bench: deps
	scripts/install-deps.sh --bench
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-build-isolation .
	$(PYTHON) bench/run.py --results
	$(PYTHON) bench/kernels.py

# the national-scale call network (bench/national.py): generate, load, view, PageRank, Leiden,
# approximate betweenness, rl.leaders, each in a fresh process; tables and the growth plot go to
# bench/out and bench/results.  NATIONAL_CALLS="1000000 10000000" for a shorter run.
NATIONAL_CALLS ?= 1000000 10000000 100000000
bench-national: python
	$(PYTHON) bench/national.py --calls $(NATIONAL_CALLS) --commit

clean:
	rm -rf build
