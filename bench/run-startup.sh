#!/usr/bin/env bash
# Start to first painted frame (issue 13: ≤ 1.5× a bare GTK 4 window on the
# seed example, ≤ 2× with a 10,000-person plan), under Xvfb with the CPU
# renderer, the bare window timed in the same run (bench/startup.py).
# Usage: bash bench/run-startup.sh [BUILDDIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/make-people-plan.py data/examples/mid-market.goalsheet "$work/people-10000.goalsheet" 10000

export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 NO_AT_BRIDGE=1 GSK_RENDERER=${GSK_RENDERER:-cairo}
export GSETTINGS_SCHEMA_DIR="$build/data"
echo "start to first frame, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 tests/gui/with-display.py /usr/bin/python3 bench/startup.py "$build" "$runs" \
  "$PWD/data/examples/seed-saas.goalsheet" "$PWD/data/examples/mid-market.goalsheet" \
  "$work/people-10000.goalsheet"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
