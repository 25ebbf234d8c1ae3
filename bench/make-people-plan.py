#!/usr/bin/env python3
# A plan with many people in its comp plans, for the window's benches
# (run-gui.sh, run-startup.sh): PEOPLE spread over the plan's roles, every
# third AE with a quota of their own, headcounts set to match.
#   make-people-plan.py PLAN OUT PEOPLE
import json
import sys

source, out, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
plan = json.load(open(source))
roles = plan.get("compensation", {}).get("roles", [])
for r, role in enumerate(roles):
    count = total // len(roles) + (1 if r < total % len(roles) else 0)
    people = []
    for i in range(count):
        person = {"name": "%s %05d" % (role["name"], i)}
        if role.get("kind") == "ae" and i % 3 == 0:
            person["quota"] = "%d.00" % (700000 + 37 * i)
        people.append(person)
    role["people"] = people
    if "headcount" in role:
        role["headcount"] = count
json.dump(plan, open(out, "w"))
print("roles:", len(roles), "people:", sum(len(r["people"]) for r in roles))
