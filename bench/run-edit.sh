#!/usr/bin/env bash
# One edit in the engine (bench-edit: set a funnel rate, check, recompute),
# on mid-market with 1,000 / 10,000 / 50,000 people spread over its 5 roles.
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
PY

echo "edit: $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for count in 1000 10000 50000; do
  "$build/bench/bench-edit" "$work/people-$count.goalsheet" "$edits" | sed "s|^$work/||"
done
