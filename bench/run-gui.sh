#!/usr/bin/env bash
# Edit-to-screen benchmark of the window (bench-gui) under Xvfb: the two
# examples, and the mid-market plan with 1,000 and 10,000 people in its comp
# plans; deal-size edits on Targets and Marketing, OTE edits on Compensation.
# Usage: bash bench/run-gui.sh [BUILDDIR] [EDITS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
n=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for people in 1000 10000; do
  python3 bench/make-people-plan.py data/examples/mid-market.goalsheet "$work/people-$people.goalsheet" $people
done

# Xvfb has no GPU: the GL renderer would time llvmpipe, not Goalsheet, so
# the CPU renderer is used (GSK_RENDERER=gl bash bench/run-gui.sh to compare).
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 NO_AT_BRIDGE=1 GSK_RENDERER=${GSK_RENDERER:-cairo}
export GSETTINGS_SCHEMA_DIR="$build/data"
echo "edit to frame, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for plan in data/examples/seed-saas.goalsheet data/examples/mid-market.goalsheet \
  "$work/people-1000.goalsheet" "$work/people-10000.goalsheet"; do
  for page in ${GUI_PAGES:-targets marketing compensation}; do
    python3 tests/gui/with-display.py "$build/bench/bench-gui" "$plan" "$n" "$page"
  done
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
