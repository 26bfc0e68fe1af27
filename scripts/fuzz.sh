#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer, UBSan) and runs each
# for SECONDS (default 60), one after the other on one core, then prints the
# executions per target.  The target `case` is Python: fuzz/fuzz_case.py under
# atheris (the case and column-mapping loaders of the ringleader package, which
# must be importable: installed, or built into python/ringleader), or, without
# atheris, its plain random-input driver for the same time.  A crash, sanitizer report, timeout (10 s) or OOM
# (2 GB) of any target fails the script; libFuzzer leaves the input as
# build/fuzz/artifacts/<target>/crash-* (add it to fuzz/corpus/<target>/ once
# fixed).  The corpus grows in build/fuzz/corpus/<target>/ (seeded afresh by
# fuzz/make_corpus.py on each run unless FUZZ_KEEP_CORPUS=1).
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 1800 pajek
# Environment: FUZZ_BUILD (build dir, default build/fuzz), FUZZ_RUNS (stop
# after this many executions, default unlimited), FUZZ_CPU_SECONDS (also stop
# once the fuzzer has used this much CPU time, user + system: the campaign
# budget counts CPU, not wall time, on a machine shared with builds),
# CXX (default clang++).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
TARGETS=${*:-"csv_edges csv_pair graphml pajek edgelist matrix ucinet binary binary_table case"}
BUILD=${FUZZ_BUILD:-build/fuzz}
RUNS=${FUZZ_RUNS:--1}
CXX_FUZZ=${CXX:-clang++}
command -v "$CXX_FUZZ" >/dev/null || CXX_FUZZ=clang++-14

cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER="$CXX_FUZZ" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DRINGLEADER_FUZZ=ON -DRINGLEADER_BUILD_TESTS=OFF >/dev/null
targets_build=""
for t in $TARGETS; do [ "$t" = case ] || targets_build="$targets_build --target fuzz_$t"; done
[ -z "$targets_build" ] || cmake --build "$BUILD" -j "${JOBS:-2}" $targets_build
PYTHON=${PYTHON:-python3}
case_setup() {  # sets CASE_CMD, the command line of the Python target: atheris or the random driver
  if ! (cd /tmp && "$PYTHON" -c "import ringleader._core") 2>/dev/null; then
    if ls python/ringleader/_core*.so >/dev/null 2>&1; then export PYTHONPATH="$PWD/python${PYTHONPATH:+:$PYTHONPATH}"
    else echo "fuzz: the target case needs the ringleader package: make python" >&2; return 1; fi
  fi
  if "$PYTHON" -c "import atheris" 2>/dev/null; then
    CASE_CMD="$PYTHON fuzz/fuzz_case.py $BUILD/corpus/case -max_total_time=$SECONDS_EACH -runs=$RUNS \
      -rss_limit_mb=2048 -timeout=10 -max_len=4096 -print_final_stats=1 -artifact_prefix=$BUILD/artifacts/case/"
  else
    echo "fuzz: atheris is not installed (pip install atheris): case runs its random-input driver" >&2
    CASE_CMD="$PYTHON fuzz/fuzz_case.py --random $SECONDS_EACH 1 $BUILD/artifacts/case/"
  fi
}

for t in $TARGETS; do
  if [ "${FUZZ_KEEP_CORPUS:-0}" != 1 ] || [ ! -d "$BUILD/corpus/$t" ]; then
    python3 fuzz/make_corpus.py "$BUILD/corpus" "$t"
  fi
done
dict_of() {
  case "$1" in
    csv_*|matrix) echo fuzz/dict/csv.dict ;;
    graphml) echo fuzz/dict/graphml.dict ;;
    pajek) echo fuzz/dict/pajek.dict ;;
    ucinet) echo fuzz/dict/ucinet.dict ;;
    binary|binary_table) echo fuzz/dict/binary.dict ;;
    *) echo "" ;;
  esac
}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export OMP_NUM_THREADS=1
status=0
summary=""
for t in $TARGETS; do
  mkdir -p "$BUILD/artifacts/$t" "$BUILD/logs"
  dict=$(dict_of "$t")
  log="$BUILD/logs/$t.log"
  echo "fuzz: $t for ${SECONDS_EACH}s (log $log)"
  start=$(date +%s)
  set +e
  if [ "$t" = case ]; then
    case_setup || { status=1; continue; }
    /usr/bin/time -f "%U %S" -o "$BUILD/logs/$t.cpu" $CASE_CMD >"$log" 2>&1 &
  else
  /usr/bin/time -f "%U %S" -o "$BUILD/logs/$t.cpu" "$BUILD/fuzz/fuzz_$t" "$BUILD/corpus/$t" ${dict:+-dict=$dict} -max_total_time="$SECONDS_EACH" \
    -runs="$RUNS" -rss_limit_mb=2048 -timeout=10 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$BUILD/artifacts/$t/" >"$log" 2>&1 &
  fi
  timer=$!
  budget_hit=0
  if [ -n "${FUZZ_CPU_SECONDS:-}" ]; then
    # libFuzzer prints its final statistics and exits with 72 on SIGINT.
    tck=$(getconf CLK_TCK)
    while kill -0 "$timer" 2>/dev/null; do
      sleep 5
      fz=$(pgrep -P "$timer" | head -1)
      [ -n "$fz" ] || continue
      used=$(awk -v t="$tck" '{ printf "%d", ($14 + $15) / t }' "/proc/$fz/stat" 2>/dev/null || echo 0)
      if [ "${used:-0}" -ge "$FUZZ_CPU_SECONDS" ]; then
        budget_hit=1
        kill -INT "$fz"
        break
      fi
    done
  fi
  wait "$timer"
  rc=$?
  [ "$budget_hit" = 1 ] && [ "$rc" = 72 ] && rc=0
  set -e
  took=$(( $(date +%s) - start ))
  cpu=$(tail -1 "$BUILD/logs/$t.cpu" 2>/dev/null | awk '{ printf "%d", $1 + $2 }')
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "fuzz: $t FAILED (exit $rc); the end of its log:"
    tail -40 "$log"
    ls "$BUILD/artifacts/$t"
  fi
  summary="$summary$(printf '%-12s %12s %8ss %8ss %5s' "$t" "${execs:-?}" "$took" "$cpu" "$rc")\n"
done
printf "fuzz: target   executions wall-time  CPU-time  exit\n$summary"
exit $status
