#!/usr/bin/python3
# export-actuals-check.py — the workbook's Actuals and Tracking sheets checked
# with LibreOffice Calc (headless, through UNO), as export-check.py checks the
# plan's sheets.
#
# Copyright 2026 The Goalsheet developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For both bundled plans with their bundled CRM export imported:
#  1. goalsheet-cli writes the workbook and the same tables as CSV.
#  2. Calc opens it with every formula recalculated on load: every cell of
#     the Actuals and Tracking sheets equals the engine's (dates as day
#     numbers).
#  3. Independently of the export's tables, the Tracking sheet's month and
#     year-to-date rows equal goalsheet-cli track --json on the day the sheet
#     says it is tracked to: planned and actual per stage and source, money
#     at the deal stage and the win.
#  4. An actual count and an actual amount are changed through UNO;
#     calculateAll(); the variance and % of plan of that row, of "All
#     sources", of the quarter and of the year to date move by exactly that.
#  5. export --as-of DAY (a day other than the default): the sheet says it is
#     tracked to DAY, and steps 2 and 3 hold for that workbook against
#     goalsheet-cli track --as-of DAY --json.
import datetime
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("export_check", os.path.join(HERE, "export-check.py"))
ec = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ec)  # exits 77 (skip) without LibreOffice or its bridge

EPOCH = datetime.date(1899, 12, 30)
ISO = re.compile(r"^\d{4}-\d\d-\d\d$")

PLANS = [
    ("seed-saas", ["--leads", "seed-saas-hubspot-contacts.csv", "--deals", "seed-saas-hubspot-deals.csv"]),
    ("mid-market", ["--leads", "mid-market-salesforce-leads.csv",
                    "--deals", "mid-market-salesforce-opportunities.csv"]),
]

# Step 5's day for each plan: mid-month, before the default day of its export.
AS_OF = {"seed-saas": "2027-03-20", "mid-market": "2027-03-15"}

COL = {name: i for i, name in enumerate(
    ["period", "stage", "source", "part", "planned", "planned_td", "actual", "variance", "share",
     "amount", "amount_td", "actual_amount", "amount_variance", "amount_share"])}


def day_number(text):
    return str((datetime.date.fromisoformat(text) - EPOCH).days)


def with_day_numbers(table):
    return [[day_number(c) if ISO.match(c) else c for c in row] for row in table]


def compare_sheets(tag, doc, tables):
    """Every cell against the engine's tables: numbers to the cent, text as
    written (a CRM id like 9013 is text on both sides)."""
    checked = 0
    for name, table in tables.items():
        sheet = doc.Sheets.getByName(name.capitalize())
        width = max(len(r) for r in table)
        data = sheet.getCellRangeByPosition(0, 0, width - 1, len(table) - 1).getDataArray()
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                got = data[r][c]
                if text == "" or got == ec.expected_text(text):
                    continue
                num = ec.as_number(text)
                checked += 1
                if num is None or not isinstance(got, float) or not ec.close(got, num):
                    cell = sheet.getCellByPosition(c, r)
                    ec.fail("%s: %s!%s: Calc %r, engine %s; formula %s"
                            % (tag, sheet.Name, cell.AbsoluteName.split(".")[-1], got, text, cell.getFormula()[:200]))
    return checked


def plan_with_actuals(cli, root, work, name, files):
    plan = os.path.join(work, name + ".goalsheet")
    shutil.copy(os.path.join(root, "data", "examples", name + ".goalsheet"), plan)
    args = [cli, "import", plan]
    for i, f in enumerate(files):
        args.append(os.path.join(root, "data", "examples", "crm", f) if i % 2 else f)
    ec.run(args)
    return plan


def track_json(cli, plan, day):
    p = subprocess.run([cli, "track", plan, "--as-of", day, "--json", "--no-p-hit"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("goalsheet-cli track failed: %s" % p.stderr)
    return json.loads(p.stdout)


def names(plan):
    with open(plan) as f:
        doc = json.load(f)
    stages = {s["id"]: s["name"] for s in doc["funnel"]["stages"]}
    sources = {s["id"]: s["name"] for s in doc["sources"]}
    sources[None] = "No plan source"
    return stages, sources


def check_against_track(tag, data, track, stages, sources):
    """Month rows and year-to-date rows against track --json."""
    same = ec.Tally(tag, "Tracking against track --json", "track")
    month_rows = {}
    ytd_rows = {}
    for r, row in enumerate(data):
        if row[COL["stage"]] and row[COL["source"]] and isinstance(row[COL["part"]], float):
            month_rows[(row[COL["period"]], row[COL["stage"]], row[COL["source"]])] = row
        elif row[COL["period"]] == "Year to date":
            ytd_rows[(row[COL["stage"]], row[COL["source"]])] = row


    for month in track["months"]:
        if not month["begun"]:
            continue
        for st in month["stages"]:
            for src in st["sources"]:
                key = (month["label"], stages[st["stage"]], sources[src["source"]])
                row = month_rows.get(key)
                if row is None:
                    if src["actual"] or src["source"] is not None:
                        ec.fail("%s: no Tracking row for %s" % (tag, key))
                    continue
                same("%s planned" % (key,), row[COL["planned"]], float(src["planned"]))
                same("%s actual" % (key,), row[COL["actual"]], float(src["actual"]))
                if "planned_amount" in src:
                    same("%s planned amount" % (key,), row[COL["amount"]], float(src["planned_amount"]["amount"]))
                    same("%s actual amount" % (key,), row[COL["actual_amount"]],
                         float(src["actual_amount"]["amount"]))
    for st in track["to_date"]["stages"]:
        key = (stages[st["stage"]], "All sources")
        row = ytd_rows.get(key)
        if row is None:
            ec.fail("%s: no year-to-date row for %s" % (tag, key))
            continue
        # track --json rounds planned to two decimals.
        if abs(row[COL["planned_td"]] - st["planned"]) > 0.006:
            ec.fail("%s: %s planned to date: Calc %r, track %r" % (tag, key, row[COL["planned_td"]], st["planned"]))
        same("%s actual to date" % (key,), row[COL["actual"]], float(st["actual"]))
        if "planned_amount" in st:
            same("%s planned amount to date" % (key,), row[COL["amount_td"]], float(st["planned_amount"]["amount"]))
            same("%s actual amount to date" % (key,), row[COL["actual_amount"]], float(st["actual_amount"]["amount"]))
        for src in st["sources"]:
            row = ytd_rows.get((stages[st["stage"]], sources[src["source"]]))
            if row is None:
                continue
            if abs(row[COL["planned_td"]] - src["planned"]) > 0.006:
                ec.fail("%s: %s planned to date: Calc %r, track %r" % (tag, key, row[COL["planned_td"]], src["planned"]))
            same("%s %s actual to date" % (key, src["source"]), row[COL["actual"]], float(src["actual"]))
    return same.checked


def check_change(tag, doc):
    """An actual count and amount changed: every variance above them moves."""
    sheet = doc.Sheets.getByName("Tracking")
    data = ec.sheet_data(doc, "Tracking")
    # The first source row at the win of the first month: it has money too.
    first = None
    for r, row in enumerate(data):
        if isinstance(row[COL["part"]], float) and isinstance(row[COL["amount"]], float) \
                and row[COL["source"]] != "All sources" and row[COL["stage"]] == data[r + 1][COL["stage"]]:
            first = r
    if first is None:
        ec.fail("%s: no source row with money on the Tracking sheet" % tag)
        return 0
    row = data[first]
    period, stage, source = row[COL["period"]], row[COL["stage"]], row[COL["source"]]
    all_r = next(r for r in range(first, len(data))
                 if data[r][COL["stage"]] == stage and data[r][COL["source"]] == "All sources")
    quarter = next(r for r in range(first, len(data))
                   if data[r][COL["period"]].endswith(" to date") and data[r][COL["period"]] != "Year to date"
                   and data[r][COL["stage"]] == stage and data[r][COL["source"]] == source)
    ytd = next(r for r in range(len(data)) if data[r][COL["period"]] == "Year to date"
               and data[r][COL["stage"]] == stage and data[r][COL["source"]] == source)
    before = {r: list(data[r]) for r in (first, all_r, quarter, ytd)}
    sheet.getCellByPosition(COL["actual"], first).setValue(row[COL["actual"]] + 7)
    sheet.getCellByPosition(COL["actual_amount"], first).setValue(row[COL["actual_amount"]] + 1234.5)
    doc.calculateAll()
    after = ec.sheet_data(doc, "Tracking")
    checked = 0
    for r in (first, quarter, ytd):
        b, a = before[r], after[r]
        for col, by in (("actual", 7), ("variance", 7), ("actual_amount", 1234.5), ("amount_variance", 1234.5)):
            checked += 1
            if not ec.close(a[COL[col]], b[COL[col]] + by):
                ec.fail("%s: %s / %s / %s row %d: %s went %r → %r, not by %r"
                        % (tag, period, stage, source, r + 1, col, b[COL[col]], a[COL[col]], by))
        for col, num, den in (("share", "actual", "planned_td"), ("amount_share", "actual_amount", "amount_td")):
            checked += 1
            want = a[COL[num]] / a[COL[den]] if a[COL[den]] else 0
            if not ec.close(a[COL[col]], want):
                ec.fail("%s: row %d: %s is %r, not %r" % (tag, r + 1, col, a[COL[col]], want))
    b, a = before[all_r], after[all_r]
    checked += 1
    if not ec.close(a[COL["variance"]], b[COL["variance"]] + 7):
        ec.fail("%s: All sources row %d: the variance went %r → %r" % (tag, all_r + 1, b[COL["variance"]], a[COL["variance"]]))
    return checked


def main():
    cli, root = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="goalsheet-export-actuals-")
    proc = desktop = None
    try:
        made = []
        for name, files in PLANS:
            plan = plan_with_actuals(cli, root, work, name, files)
            for as_of in (None, AS_OF[name]):
                tag = name if as_of is None else "%s-as-of-%s" % (name, as_of)
                xlsx, tables = ec.export(cli, plan, work, tag, () if as_of is None else ("--as-of", as_of))
                for sheet in ("actuals", "tracking"):
                    if sheet not in tables:
                        ec.fail("%s: the workbook has no %s table" % (tag, sheet))
                tables = {k: with_day_numbers(tables[k]) for k in ("actuals", "tracking") if k in tables}
                made.append((tag, plan, xlsx, tables, as_of))
        proc, desktop = ec.start_office(work)
        for tag, plan, xlsx, tables, as_of in made:
            doc = ec.load(desktop, xlsx)
            checked = compare_sheets(tag, doc, tables)
            day = ec.sheet_data(doc, "Tracking")[1][1]
            day = (EPOCH + datetime.timedelta(days=int(day))).isoformat()
            if as_of is not None and day != as_of:
                ec.fail("%s: the Tracking sheet is tracked to %s, not the %s asked for" % (tag, day, as_of))
            stages, sources = names(plan)
            by_track = check_against_track(tag, ec.sheet_data(doc, "Tracking"),
                                           track_json(cli, plan, day), stages, sources)
            changed = check_change(tag, doc) if as_of is None else 0
            doc.close(True)
            print("ok: %s tracked to %s: %d cells of Actuals and Tracking equal the engine's on load, "
                  "%d equal track --json, %d variances follow a changed actual" % (tag, day, checked, by_track, changed))
    finally:
        ec.stop_office(proc, desktop)
        shutil.rmtree(work, ignore_errors=True)
    if ec.failures:
        print("%d failure(s)" % len(ec.failures))
        sys.exit(1)
    print("all Actuals and Tracking sheets check out")


if __name__ == "__main__":
    main()
