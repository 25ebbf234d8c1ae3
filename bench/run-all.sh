#!/usr/bin/env bash
# One command for the table of issue 13: each row it can measure as a figure
# and, where a peer exists, the ratio to it measured in the same run.
# Usage: bash bench/run-all.sh [BUILDDIR] [RUNS]     (not a test; see bench/README.md)
# Each helper adds its rows in its own block below, so parallel changes merge.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
meson compile -C "$build" bench/bench-montecarlo src/cli/goalsheet-cli src/cli/goalsheet-cli-draw \
  src/cli/goalsheet-cli-workbook >/dev/null
/usr/bin/python3 -c 'import numpy' 2>/dev/null || { echo "run-all.sh: the NumPy peer needs python3-numpy (apt-get install python3-numpy)" >&2; exit 1; }
cli=$build/src/cli/goalsheet-cli

# Wall seconds of one whole process (start to exit), like the issue's table.
wall() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
# Median of the arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
row() { printf '| %-58s | %-22s | %-28s |\n' "$1" "$2" "$3"; }

echo "# bench/run-all.sh — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), build $build ($(meson introspect --buildoptions "$build" 2>/dev/null | /usr/bin/python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="buildtype"))' 2>/dev/null || echo '?'))"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg); medians of $runs runs, C and peer alternating"
row "work" "peer (same run)" "Goalsheet (ratio to peer)"
row "---" "---" "---"

## Simulation rows (issue 13; simfast) -----------------------------------------
# C: goalsheet-cli simulate, whole process; peer: bench/montecarlo_numpy.py on
# the same model (bench-montecarlo --dump), whole process.
simulate_row() {
  local label=$1 plan=$2 trials=$3 threads=$4 c=() py=()
  "$build/bench/bench-montecarlo" "$plan" 1 --threads 1 --dump "$work/model.json" >/dev/null
  for _ in $(seq "$runs"); do
    c+=("$(wall "$cli" simulate "$plan" --trials "$trials" --threads "$threads" --json)")
    [ -n "${5:-}" ] && py+=("$(wall /usr/bin/python3 bench/montecarlo_numpy.py "$work/model.json" "$trials")")
  done
  local cm; cm=$(median "${c[@]}")
  if [ -n "${5:-}" ]; then
    local pm; pm=$(median "${py[@]}")
    row "$label" "NumPy $(printf '%.2f' "$pm") s" "$(awk -v c="$cm" -v p="$pm" 'BEGIN { printf "%.2f s (%.2f×)", c, c / p }')"
  else
    row "$label" "—" "$(printf '%.2f s' "$cm")"
  fi
}
simulate_row "Monte Carlo 1 M trials × 12 months, seed example, 2 threads" \
  data/examples/seed-saas.goalsheet 1000000 2 numpy
simulate_row "same, mid-market (3 sources, lags, capacity), 2 threads" \
  data/examples/mid-market.goalsheet 1000000 2 numpy
/usr/bin/python3 bench/make-many-sources.py "$work/many100.goalsheet" 100 12
if "$cli" simulate "$work/many100.goalsheet" --trials 1000 >/dev/null 2>"$work/err"; then
  row "simulation with more than 64 sources (100)" "—" "simulates"
else
  row "simulation with more than 64 sources (100)" "—" "refused: $(head -1 "$work/err")"
fi
/usr/bin/python3 bench/make-many-sources.py "$work/many64.goalsheet" 64 36
simulate_row "64 sources × 36 months, 1 M trials, 1 thread" "$work/many64.goalsheet" 1000000 1
fan=()
for _ in $(seq "$runs"); do
  fan+=("$(wall "$cli" chart "$work/many64.goalsheet" --kind fan -o "$work/fan.png")")
done
row "  its \`chart --kind fan\` (the plan's 100,000 trials)" "—" "$(printf '%.2f s' "$(median "${fan[@]}")")"
/usr/bin/python3 bench/make-many-sources.py "$work/many64own.goalsheet" 64 36 --own-rates
simulate_row "  the same, every source with a rate of its own (no shared draws), 100 k trials" \
  "$work/many64own.goalsheet" 100000 1
## End of the simulation rows ---------------------------------------------------

## Export and payout rows (issue 13; exportfast) --------------------------------
# xlsx export against bare libxlsxwriter writing the same People sheet
# (bench/peers/people-floor.c) in the same run, `payout` on mid-market +
# 10,000 people, and one edit at 1,000 / 10,000 / 50,000 people; each script
# prints its own rows (bench/README.md).
meson compile -C "$build" bench/people-floor bench/bench-edit >/dev/null
bash bench/run-export.sh "$build" 10000 "$runs"
bash bench/run-edit.sh "$build"
## End of the export and payout rows ---------------------------------------------

## Other rows: the existing scripts (each prints its own table) ------------------
# The window's rows (start to first frame against a bare GTK window in the
# same run; edit to frame on Targets, Marketing and Compensation) need Xvfb
# and take both cores for minutes: BENCH_ALL_GUI=1 adds them.
if [ "${BENCH_ALL_GUI:-0}" = 1 ]; then
  bash bench/run-startup.sh "$build" 7
  bash bench/run-gui.sh "$build" 200
fi
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
