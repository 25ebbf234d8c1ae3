#!/usr/bin/env bash
# Edit-to-screen benchmark of the window (bench-gui) under Xvfb: the two
# examples, and the mid-market plan with 1,000 people in its comp plans.
# Usage: bash bench/run-gui.sh [BUILDDIR] [EDITS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
n=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/make-people-plan.py data/examples/mid-market.goalsheet "$work/people-1000.goalsheet" 1000

# Xvfb has no GPU: the GL renderer would time llvmpipe, not Goalsheet, so
# the CPU renderer is used (GSK_RENDERER=gl bash bench/run-gui.sh to compare).
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 NO_AT_BRIDGE=1 GSK_RENDERER=${GSK_RENDERER:-cairo}
export GSETTINGS_SCHEMA_DIR="$build/data"
for plan in data/examples/seed-saas.goalsheet data/examples/mid-market.goalsheet "$work/people-1000.goalsheet"; do
  for page in targets marketing; do
    python3 tests/gui/with-display.py "$build/bench/bench-gui" "$plan" "$n" "$page"
  done
done
