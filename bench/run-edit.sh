#!/usr/bin/env bash
# One edit in the engine (bench-edit: set a funnel rate, check, recompute),
# on mid-market with 1,000 / 10,000 / 50,000 people spread over its 5 roles,
# and the full compute alone (also at 1,000 people over 36 months).
# Usage: bash bench/run-edit.sh [BUILDDIR] [EDITS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
edits=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for count in (1000, 10000, 50000):
    plan = json.load(open("data/examples/mid-market.goalsheet"))
    roles = plan["compensation"]["roles"]
    for r, role in enumerate(roles):
        k = count // len(roles) + (1 if r < count % len(roles) else 0)
        role["people"] = [
            {"name": "%s %05d" % (role["name"], i),
             **({"quota": "%d.00" % (700000 + 37 * i)} if role.get("kind") == "ae" and i % 3 == 0 else {})}
            for i in range(k)]
        if "headcount" in role:
            role["headcount"] = k
    json.dump(plan, open("%s/people-%d.goalsheet" % (work, count), "w"))
    if count == 1000:  # the issue's "full compute, 1 k people × 36 months"
        plan["company"]["horizon_months"] = 36
        for source in plan["sources"]:  # month lists cover the horizon: the year thrice
            if isinstance(source.get("planned_volume"), list):
                source["planned_volume"] = source["planned_volume"] * 3
        json.dump(plan, open("%s/people-1000-36-months.goalsheet" % work, "w"))
PY

echo "edit: $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for plan in people-1000 people-10000 people-50000 people-1000-36-months; do
  "$build/bench/bench-edit" "$work/$plan.goalsheet" "$edits" | sed "s|^$work/||"
done
