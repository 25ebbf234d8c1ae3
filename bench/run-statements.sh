#!/usr/bin/env bash
# Statements for 1,000 people from 100,000 deals (issue 12: under 1 s).
# One command; figures in bench/RESULTS.md.
# Usage: bash bench/run-statements.sh [BUILDDIR] [DEALS] [PEOPLE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
n=${2:-100000}
people=${3:-1000}
runs=${4:-5}
cli=$build/src/cli/goalsheet-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/make-crm-deals.py "$work/deals.csv" "$n" "$people"
cp data/examples/seed-saas.goalsheet "$work/plan.goalsheet"
"$cli" import "$work/plan.goalsheet" --deals "$work/deals.csv" >/dev/null
# A manager (team roll-up of every AE deal) and a marketer (marketing-sourced
# deals) among them, so every kind of credit is made.
python3 - "$work/plan.goalsheet" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding='utf-8'))
roles = {r['id']: r.get('kind') for r in p['compensation']['roles']}
people = p['actuals']['people']
for want, at in (('manager', 0), ('marketing', 1)):
    role = next((r for r, k in roles.items() if k == want), None)
    if role:
        people[at]['role'] = role
json.dump(p, open(sys.argv[1], 'w', encoding='utf-8'), indent=2)
PY
echo "deals: $n, people: $people; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "bench-statements (whole process): %e s wall, %U s user, %M KiB peak" \
  "$build/bench/bench-statements" "$work/plan.goalsheet" "$runs"
/usr/bin/time -f "goalsheet-cli expense (whole process): %e s wall, %U s user, %M KiB peak" \
  "$cli" expense "$work/plan.goalsheet" >/dev/null
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
