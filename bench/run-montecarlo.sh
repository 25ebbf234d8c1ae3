#!/usr/bin/env bash
# Times the C Monte Carlo engine against the NumPy version of the same model.
# Needs a build in _build and python3-numpy (Debian).  Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
plan=${1:-data/examples/seed-saas.goalsheet}
trials=${2:-1000000}
dump=$(mktemp --suffix=.json)
trap 'rm -f "$dump"' EXIT
meson compile -C _build bench/bench-montecarlo >/dev/null
_build/bench/bench-montecarlo "$plan" "$trials" --dump "$dump"
/usr/bin/python3 bench/montecarlo_numpy.py "$dump" "$trials"
