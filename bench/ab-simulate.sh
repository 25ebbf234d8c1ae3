#!/usr/bin/env bash
# Times `goalsheet-cli simulate` of two or more builds against each other,
# alternating run by run, by the CPU time of the whole process (`perf stat -e
# task-clock`), which on the shared machine moves far less with the load than
# the wall time.  Prints each build's minimum and median (ms) and the load
# average at the start and the end.  Not a test.
#
#   bash bench/ab-simulate.sh [-p PLAN] [-n TRIALS] [-t THREADS] [-r RUNS] CLI...
#
# CLI is a goalsheet-cli binary (copy one aside before rebuilding); CLI:T runs
# that binary with T threads instead of -t, so `CLI:1 CLI:2` compares one and
# two threads of the same build.  Defaults: the seed example, 100,000 trials,
# 1 thread, 11 runs.  The per-trial cost is (run − the same run with 1 trial)
# ÷ trials.
set -euo pipefail
cd "$(dirname "$0")/.."
plan=data/examples/seed-saas.goalsheet
trials=100000
threads=1
runs=11
while getopts p:n:t:r: opt; do
  case $opt in
    p) plan=$OPTARG ;;
    n) trials=$OPTARG ;;
    t) threads=$OPTARG ;;
    r) runs=$OPTARG ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-p PLAN] [-n TRIALS] [-t THREADS] [-r RUNS] CLI[:T]..." >&2; exit 2; }
command -v perf >/dev/null || { echo "$0: needs perf (Debian linux-perf)" >&2; exit 1; }

echo "$(date -u '+%F %T UTC'), $(nproc) processors, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "plan $plan, $trials trials, $runs runs each, alternating"
declare -A ms
for ((i = 0; i < runs; i++)); do
  for spec in "$@"; do
    cli=${spec%%:*}
    t=$threads
    [ "$spec" != "$cli" ] && t=${spec##*:}
    ms[$spec]+="$(perf stat -x, -e task-clock "$cli" simulate "$plan" --trials "$trials" \
      --threads "$t" --json 2>&1 >/dev/null | awk -F, '/task-clock/ { print $1 }') "
  done
done
for spec in "$@"; do
  tr ' ' '\n' <<<"${ms[$spec]}" | grep . | sort -n | awk -v name="$spec" \
    '{ v[NR] = $1 } END { printf "%-50s min %8.1f ms  median %8.1f ms\n", name, v[1], v[int((NR + 1) / 2)] }'
done
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
