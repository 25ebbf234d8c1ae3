#!/usr/bin/python3
"""make-many-sources.py — a plan with many lead sources over a long horizon, for
timing the simulation (not a test).

    /usr/bin/python3 bench/make-many-sources.py OUT [SOURCES] [MONTHS] [--own-rates]

From the mid-market example: SOURCES sources (default 64) entering in turn at
lead, MQL, SAL and SQL, their volumes the example's split between them; every
eighth has a rate of its own on its entry step (as a partner channel would), so
the simulation draws it by itself.  With --own-rates every source has one
(the worst case: no two sources can share a draw).  MONTHS (default 36)
months, the example's seasonality repeated.
"""
import json
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
own_all = "--own-rates" in sys.argv
out = args[0]
n = int(args[1]) if len(args) > 1 else 64
months = int(args[2]) if len(args) > 2 else 36

plan = json.load(open("data/examples/mid-market.goalsheet"))
plan["company"]["horizon_months"] = months
plan["company"]["seasonality"] = (plan["company"]["seasonality"] * months)[:12]
steps = plan["funnel"]["steps"]
stages = [s["id"] for s in plan["funnel"]["stages"]]
# Leads a month reaching each entry stage in the example (5,600 inbound leads).
entry_volume = {"lead": 5600, "mql": 5600 * steps[0]["rate"], "sal": 600,
                "sql": 90}
entries = ["lead", "mql", "sal", "sql"]
per_entry = {e: sum(1 for j in range(n) if entries[j % 4] == e) for e in entries}
sources = []
for j in range(n):
    e = entries[j % 4]
    base = entry_volume[e] / per_entry[e]
    volume = [max(1, round(base * (1 + 0.01 * (i % 12)))) for i in range(months)]
    src = {"id": f"s{j}", "name": f"Source {j}", "owner": ["marketing", "sales", "partner"][j % 3],
           "share": round(1 / n, 6), "cost_per_lead": "50.00", "entry_stage": e,
           "planned_volume": volume}
    if own_all or j % 8 == 7:
        k = stages.index(e)
        src["rates"] = {e: round(steps[k]["rate"] * (0.9 + 0.02 * (j % 10)), 4)}
    sources.append(src)
# Shares must add up to 1 exactly as the plan reads them.
sources[-1]["share"] = round(1 - sum(s["share"] for s in sources[:-1]), 6)
plan["sources"] = sources
plan.pop("scenarios", None)
json.dump(plan, open(out, "w"), indent=1)
