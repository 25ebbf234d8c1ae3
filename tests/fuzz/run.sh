#!/usr/bin/env bash
# Runs every libFuzzer harness for a bounded time (docs/reliability.md).
#   tests/fuzz/run.sh BUILD_DIR TOTAL_SECONDS [harness…]
# TOTAL_SECONDS is shared evenly by the harnesses (at least 5 s each): a
# random exploration, for developers.
#   GOALSHEET_FUZZ_RUNS=N [GOALSHEET_FUZZ_SEED=S] tests/fuzz/run.sh BUILD_DIR 0
# instead runs N inputs per harness from seed S (default 1): the same inputs
# on every machine, so CI's verdict does not depend on luck or load, and a
# red run reproduces with the same command.
# BUILD_DIR is configured with CC=clang -Dfuzzing=true
# -Db_sanitize=address,undefined.  The committed corpus seeds each run; new
# inputs go to a scratch folder (the repository is not modified).  A crash
# leaves its reproducer in the scratch folder and fails the run: add it to
# tests/fuzz/corpus/HARNESS/crash-NAME once fixed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$1"
total="$2"
shift 2
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in "$build"/tests/fuzz/fuzz-*; do
    [ -x "$f" ] && [ -f "$f" ] && harnesses+=("${f##*/fuzz-}")
  done
fi
seconds=$(( total / ${#harnesses[@]} ))
[ "$seconds" -ge 5 ] || seconds=5
scratch="${FUZZ_SCRATCH:-$(mktemp -d /tmp/goalsheet-fuzz.XXXXXX)}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
status=0
for h in "${harnesses[@]}"; do
  work="$scratch/$h"
  mkdir -p "$work/new" "$work/artifacts"
  seeds=("$here/corpus/$h")
  if [ "$h" = plan ]; then
    seeds+=("$root/data/examples")
    [ -d "$root/tests/bad-inputs" ] && seeds+=("$root/tests/bad-inputs")
  fi
  dict=()
  [ -f "$here/$h.dict" ] && dict=(-dict="$here/$h.dict")
  [ "$h" = recovery ] && dict=(-dict="$here/plan.dict") # a recovery file holds a plan
  if [ -n "${GOALSHEET_FUZZ_RUNS:-}" ]; then
    budget=(-runs="$GOALSHEET_FUZZ_RUNS" -seed="${GOALSHEET_FUZZ_SEED:-1}")
    echo "== fuzz-$h: ${GOALSHEET_FUZZ_RUNS} runs from seed ${GOALSHEET_FUZZ_SEED:-1}"
  else
    budget=(-max_total_time="$seconds")
    echo "== fuzz-$h for ${seconds}s"
  fi
  if ! "$build/tests/fuzz/fuzz-$h" "${dict[@]}" "${budget[@]}" -timeout=10 \
      -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/" "$work/new" "${seeds[@]}" 2>"$work/log"; then
    status=1
    tail -40 "$work/log"
    echo "fuzz-$h: crash; reproducer in $work/artifacts/"
  fi
  grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)|cov:" "$work/log" | tail -3 || true
done
[ -n "${FUZZ_SCRATCH:-}" ] || [ $status -ne 0 ] || rm -rf "$scratch"
exit $status
