#!/usr/bin/env python3
"""Writes the seed corpus for the fuzz harnesses (tests/fuzz/corpus/).

Seeds are small mutations of the example plans chosen to reach the edges:
amounts at the 10^15 minor-unit limit, tiny rates, huge volumes, the longest
horizon and lags, truncation.  Re-run after changing the plan format; crash
reproducers found by fuzzing are added to the corpus by hand (named
crash-*), never regenerated.
"""
import copy
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
seed_path = os.path.join(root, "data", "examples", "seed-saas.goalsheet")
seed_text = open(seed_path, encoding="utf-8").read()
seed = json.loads(seed_text)


def write(kind, name, data):
    d = os.path.join(here, "corpus", kind)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(d, name), mode) as f:
        f.write(data)


def plan(name, change):
    p = copy.deepcopy(seed)
    change(p)
    write("plan", name, json.dumps(p, indent=1))


def setpath(path, value):
    def change(p):
        node = p
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return change


LIMIT = "10000000000000.00"  # 10^13 major units = 10^15 cents
plan("deal-at-limit", setpath(["funnel", "deal_size"], LIMIT))
plan("deal-one-cent", setpath(["funnel", "deal_size"], "0.01"))
plan("prior-at-limit", setpath(["company", "prior_year_bookings"], LIMIT))
plan("growth-100x-at-limit", lambda p: (setpath(["company", "prior_year_bookings"], LIMIT)(p),
                                        setpath(["company", "target", "growth"], 100)(p)))
def no_planned(p):
    for s in p["sources"]:
        s.pop("planned_volume", None)


plan("absolute-at-limit", lambda p: (p["company"].update(
    target={"mode": "absolute", "amount": LIMIT}, horizon_months=36), no_planned(p)))
plan("absolute-at-limit-deal-at-limit", lambda p: (p["company"].update(
    target={"mode": "absolute", "amount": LIMIT}), p["funnel"].update(deal_size=LIMIT), no_planned(p)))
plan("cost-per-lead-at-limit", lambda p: (p["sources"][0].update(cost_per_lead=LIMIT), no_planned(p)))
plan("tiny-rates", lambda p: [s.update(rate=1e-300) for s in p["funnel"]["steps"]])
plan("tiny-rates-at-limit", lambda p: ([s.update(rate=1e-300) for s in p["funnel"]["steps"]],
                                       p["company"].update(target={"mode": "absolute", "amount": LIMIT}),
                                       p["funnel"].update(deal_size="0.01")))
plan("huge-volume", lambda p: [s.update(planned_volume=[1e12] * 12) for s in p["sources"]])
plan("huge-volume-huge-deal", lambda p: ([s.update(planned_volume=[1e12] * 12) for s in p["sources"]],
                                         p["funnel"].update(deal_size=LIMIT)))
plan("huge-team", lambda p: p["capacity"]["ae"].update(
    start_headcount=100000, quota=LIMIT, attainment=3,
    hires=[{"month": "2027-03", "count": 100000}] * 40))
plan("long-lags", lambda p: ([s.update(lag_days=730) for s in p["funnel"]["steps"]],
                             p["company"].update(horizon_months=36), no_planned(p)))
plan("negative-growth", setpath(["company", "target", "growth"], -0.99))
plan("existing-equals-target", lambda p: p["company"].update(
    target={"mode": "absolute", "amount": "1000.00"}, existing_customer_bookings="1000.00"))
plan("jpy", lambda p: p["company"].update(currency="JPY"))
plan("kwd", lambda p: p["company"].update(currency="KWD"))
plan("no-comp", lambda p: p.pop("compensation", None))


def actuals_rows(p):
    """Format 1.4: the deals and leads written as rows (docs/plan-format.md)."""
    p["version"] = "1.4"
    p["actuals"] = {
        "people": [{"id": "ann", "name": "Ann Lee"}, {"id": "bob", "name": "Bob Ray"}],
        "deals": {
            "fields": ["id", "name", "amount", "stage", "crm_stage", "status", "created", "closed",
                       "owner", "source", "crm_source", "splits", "paid", "discount",
                       "term_months", "type", "spifs"],
            "texts": {"stage": ["won", "opportunity"], "crm_stage": ["Closed Won", "Demo"],
                      "status": ["won", "open"], "owner": ["ann", "bob"],
                      "source": ["inbound", "partner"], "crm_source": ["Organic"],
                      "type": ["new"]},
            "rows": [
                ["9001", "Acme", "25000.00", 0, 0, 0, "2027-02-03", "2027-03-10", 0, 0, 0,
                 [{"person": "ann", "share": 0.85}, {"person": "bob", "share": 0.15}],
                 "2027-04-02", 0.15, 36, 0, ["multi-year"]],
                ["9002", None, "1200.50", 1, 1, 1, "2027-03-01", None, 1, 1, None,
                 None, None, None, None, None, None],
                ["9003", "Quote \"q\"", 300, 1, None, None, "2027-03-05", "", None, None, 0,
                 None, None, None, None, None, None]]},
        "leads": {
            "fields": ["id", "owner", "source", "crm_source", "reached"],
            "texts": {"owner": ["bob"], "source": ["inbound"], "crm_source": ["Organic"]},
            "rows": [["5003", 0, 0, 0, {"lead": "2027-02-13", "mql": "2027-02-22"}],
                     ["5004", None, None, None, {"lead": "2027-03-01"}]]}}


plan("actuals-rows", actuals_rows)


def actuals_plain_rows(p):
    """Rows of plain values as Goalsheet writes them (one line each), read by
    the direct decoder into one block of texts; a name with non-ASCII text."""
    p["version"] = "1.4"
    p["actuals"] = {
        "people": [{"id": "ann", "name": "Ann Lee"}],
        "deals": {
            "fields": ["id", "name", "amount", "stage", "crm_stage", "status", "created", "closed",
                       "owner", "source", "crm_source"],
            "texts": {"stage": ["won", "opportunity"], "crm_stage": ["Closed Won", "Demo"],
                      "status": ["won", "open"], "owner": ["ann"], "source": ["inbound"],
                      "crm_source": ["Organic"]},
            "rows": ["@ROWS@"]}}


def plain_rows_text(rows):
    p = copy.deepcopy(seed)
    actuals_plain_rows(p)
    return json.dumps(p, indent=1, ensure_ascii=False).replace('"@ROWS@"', ",\n".join(rows))


plain = ['["9001", "Acme", "25000.00", 0, 0, 0, "2027-02-03", "2027-03-10", 0, 0, 0]',
         '["9002", "Zoë Ça € 😀", "1200.50", 1, 1, 1, "2027-03-01", null, 0, 0, null]',
         '["9003", null, "300.00", 1, null, null, "2027-03-05", null, null, null, 0]']
write("plan", "actuals-plain-rows", plain_rows_text(plain))
write("plan", "actuals-plain-rows-bad-number",
      plain_rows_text(plain[:1] + ['["9004", "B", "5.00", 01, 0, 0, "2027-03-05", null, 0, 0, 0]']))
write("plan", "truncated", seed_text[: len(seed_text) // 2])
write("plan", "empty", "")
write("plan", "null", "null")
write("plan", "list", "[]")
write("plan", "object", "{}")
write("plan", "nested", "[" * 2000 + "]" * 2000)
write("plan", "not-utf8", seed_text.encode("utf-8")[:200] + b"\xff\xfe" + seed_text.encode("utf-8")[200:])
write("plan", "nul-byte", seed_text[:100] + "\0" + seed_text[100:])

money = {
    "plain": b"\x022600000.00", "negative": b"\x02-12.34", "plus": b"\x02+.5",
    "trailing-zero": b"\x0210.500", "too-many-decimals": b"\x0210.555", "jpy": b"\x001000",
    "kwd": b"\x031.250", "limit": b"\x0210000000000000.00", "over-limit": b"\x0210000000000000.01",
    "huge": b"\x0299999999999999999999999", "long-fraction": b"\x021." + b"0" * 40,
    "exponent": b"\x021e5", "dot": b"\x02.", "minus": b"\x02-", "grouped": b"\x021,000",
    "min-limit": b"\x02-10000000000000.00",
}
for name, data in money.items():
    write("money", name, data)

paths = {
    "name": 'company.name\n"X"', "rate": "funnel.steps[2].rate\n0.3",
    "bad-rate": "funnel.steps[2].rate\n1.4", "share": "sources[0].share\n1",
    "index-past-end": "funnel.steps[99].rate\n0.1", "append": "funnel.steps[4]\n{}",
    "double-dot": "company..name\n1", "index-only": "[0]\n1", "root": "\n{}",
    "deal-limit": 'funnel.deal_size\n"10000000000000.00"', "growth": "company.target.growth\n100",
    "stage": 'funnel.stages[1]\n{"id": "x", "name": "X"}', "huge-index": "sources[99999999999999999999]\n1",
    "new-member": 'company.note\n"hi"', "append-hire": 'capacity.ae.hires[2]\n{"month": "2027-05", "count": 1}',
    "index-wrap": "sources[4294967296].share\n1", "index-negative": "sources[-1].share\n1", "bracket": "sources[\n1", "volume": "sources[0].planned_volume[3]\n1e12",
}
for name, data in paths.items():
    write("json-path", name, data)
print("corpus written", file=sys.stderr)
