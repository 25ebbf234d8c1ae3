#!/usr/bin/python3
# export-check.py — checks goalsheet-cli's workbooks with a real spreadsheet
# engine (LibreOffice Calc, headless, through UNO) and their structure with
# openpyxl.
#
# Copyright 2026 The Goalsheet developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For every plan:
#  1. goalsheet-cli writes plan.xlsx and the same tables as CSV (the engine's
#     numbers, cell for cell in the same positions as the sheets).
#  2. openpyxl: sheets, defined names, number formats, validations, cached
#     values equal the engine's, user text never a formula.
#  3. LibreOffice opens the workbook with recalculation on load forced
#     (OOXMLRecalcMode = 0 in a throwaway profile): every recalculated cell
#     equals the engine's number to the cent.  A copy with a falsified cached
#     value proves the recalculation really happens.
#  4. Deal size and a conversion rate are changed on the Inputs sheet through
#     UNO, and every kind of pay input on the Compensation sheet,
#     calculateAll(), and every cell equals the engine run on the plan
#     changed the same way; the pay figures also equal goalsheet-cli payout
#     --json on that plan whether or not they are formulas.
#  5. goalsheet-cli expense -o writes the seed plan's workbook with the
#     Expense and Payments sheets of tests/data/ledger/lines.csv: every figure
#     equals goalsheet-cli expense --json on load, and again after
#     CustomerLife is changed to 24 and to 12 months (the expedient).
#  6. Both bundled examples with their CRM exports imported: goalsheet-cli
#     export writes Statements, Expense and Payments; every cell recalculates
#     to the engine's table on load, each person's paid per quarter and
#     attainment equal goalsheet-cli statement --json, the company row their
#     sum, and the Expense and Payments sheets equal expense --json.
# One soffice serves all plans.  Exit 77 (skip) when LibreOffice or its
# Python bridge is missing.
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

try:
    import uno
    import openpyxl
except ImportError as e:
    print("# SKIP: %s (install python3-uno and python3-openpyxl)" % e)
    sys.exit(77)

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
if not os.path.exists(SOFFICE):
    print("# SKIP: soffice not found (install libreoffice-calc-nogui)")
    sys.exit(77)

failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 40:
        print("FAIL: " + msg)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("command failed (%d): %s\n%s%s" % (p.returncode, " ".join(cmd), p.stdout, p.stderr))


def csv_name(sheet):
    return sheet.lower().replace(" ", "-")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def as_number(text):
    try:
        return float(text)
    except ValueError:
        return None


def expected_text(text):
    # The CSV guards formula-like text with an apostrophe; the workbook does not need to.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def close(a, b):
    # To the cent and far below: a cent is 0.01, float noise is ~1e-10.
    return abs(a - b) <= 1e-6 + 1e-12 * abs(b)


def export(cli, plan, work, tag, extra=()):
    """The workbook and the same tables as CSV; extra: more export options (--as-of DAY)."""
    xlsx = os.path.join(work, tag + ".xlsx")
    csvdir = os.path.join(work, tag + "-csv")
    run([cli, "export", plan, "-o", xlsx] + list(extra))
    run([cli, "export", plan, "-o", csvdir, "--csv"] + list(extra))
    tables = {}
    for name in os.listdir(csvdir):
        tables[name[:-4]] = read_csv(os.path.join(csvdir, name))
    return xlsx, tables


# ---- openpyxl ---------------------------------------------------------------

USER_TEXT_PREFIXES = tuple("=+-@")


def column_widths(ws):
    """Each used column's width in Excel's unit (8.43 when not set)."""
    widths = []
    for c in range(1, ws.max_column + 1):
        dim = ws.column_dimensions.get(openpyxl.utils.get_column_letter(c))
        widths.append(dim.width if dim is not None and dim.width else 8.43)
    return widths


def check_print(tag, ws, doc):
    """Landscape on the plan's paper (Letter for USD and CAD, A4 elsewhere);
    fitted to one page wide only where that leaves text of 8 pt or more
    (Calibri 11: a digit 7 px, 5 px padding a column, 0.7" margins), else at
    full size with the header rows and label columns repeated."""
    letter = doc["company"]["currency"] in ("USD", "CAD")
    if ws.page_setup.orientation != "landscape":
        fail("%s: %s does not print landscape" % (tag, ws.title))
    if str(ws.page_setup.paperSize) != ("1" if letter else "9"):
        fail("%s: %s prints on paper %s, expected %s" % (tag, ws.title, ws.page_setup.paperSize,
                                                       "Letter" if letter else "A4"))
    paper = (11.0 if letter else 297 / 25.4) - 1.4
    inches = sum(w * 7 / 96 + 5 / 96 for w in column_widths(ws))
    points = 11 * min(1.0, paper / inches)
    fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    if fit:
        if ws.page_setup.fitToWidth not in (None, 1) or ws.page_setup.fitToHeight not in (0, "0"):
            fail("%s: %s is not fitted to one page wide" % (tag, ws.title))
        if points < 7.9:
            fail("%s: %s is fitted to one page wide at about %.1f pt" % (tag, ws.title, points))
    elif points >= 8.1:
        fail("%s: %s would fit one page wide at %.1f pt but is not fitted" % (tag, ws.title, points))
    elif not ws.print_title_cols:
        fail("%s: %s prints over pages without its label columns repeated" % (tag, ws.title))


def shown(cell):
    """The text Excel shows for a number cell in its format."""
    f, v = cell.number_format, cell.value
    if "%" in f:
        decimals = len(f.split(".")[1].rstrip("%")) if "." in f else 0
        return "%.*f%%" % (decimals, v * 100)
    decimals = len(f.split(".")[1].split('"')[0].strip()) if "." in f else 0
    text = "{:,.{}f}".format(v, decimals)
    if '"' in f:
        text += " " + f.split('"')[1].strip()
    return text


def check_widths(tag, ws):
    """No ### at the default font: every cached number fits its column."""
    widths = column_widths(ws)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                need = len(shown(cell)) + 1
                if need > widths[cell.column - 1]:
                    fail("%s: %s!%s shows %r in a column %.1f wide (###)"
                         % (tag, ws.title, cell.coordinate, shown(cell), widths[cell.column - 1]))
                    return


def check_structure(tag, xlsx, tables, user_texts, doc):
    wb = openpyxl.load_workbook(xlsx)
    cached = openpyxl.load_workbook(xlsx, data_only=True)
    names = wb.sheetnames
    main = ["Inputs", "Targets", "Funnel", "Marketing goals", "Sales goals", "Capacity"]
    if names[:6] != main:
        fail("%s: sheets %s, expected %s first" % (tag, names, main))
    defined = set(wb.defined_names.keys()) if hasattr(wb.defined_names, "keys") else {d.name for d in wb.defined_names.definedName}
    for want in ["DealSize", "Rate_S1", "AE_Quota", "AE_Attainment", "Src1_Share", "Growth"]:
        if want not in defined and not (want == "Growth" and "TargetAmount" in defined):
            fail("%s: no defined name %s" % (tag, want))
    inputs = wb["Inputs"]
    # Every input (a named single cell) is unlocked, and rates are validated 0..1.
    validated = set()
    for dv in inputs.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            validated.add(rng.coord)
    rate_dv = False
    for dv in inputs.data_validations.dataValidation:
        # "between" is the default operator, so openpyxl reads it as None.
        if dv.type == "decimal" and dv.operator in (None, "between") and float(dv.formula1) == 0 and float(dv.formula2) == 1:
            rate_dv = True
    if not rate_dv:
        fail("%s: no 0–100 %% validation on the rates" % tag)
    for name in ["DealSize", "Rate_S1", "AE_Quota"]:
        dn = wb.defined_names[name]
        sheet, coord = list(dn.destinations)[0]
        coord = coord.replace("$", "")
        cell = wb[sheet][coord]
        if cell.protection.locked:
            fail("%s: input %s (%s) is locked" % (tag, name, coord))
        if coord not in validated:
            fail("%s: input %s (%s) has no validation" % (tag, name, coord))
        if name == "DealSize" and "#,##0" not in cell.number_format:
            fail("%s: DealSize format %r has no thousands separator" % (tag, cell.number_format))
        if name == "Rate_S1" and "%" not in cell.number_format:
            fail("%s: Rate_S1 format %r is not a percentage" % (tag, cell.number_format))
    if not inputs.protection.sheet:
        fail("%s: the Inputs sheet is not protected (inputs must be the only editable cells)" % tag)
    if wb["Funnel"].freeze_panes is None:
        fail("%s: Funnel has no frozen header" % tag)
    if wb.properties.title is None or wb.properties.creator is None:
        fail("%s: document properties missing" % tag)
    signed = [so["name"] for so in doc.get("agreements", {}).get("signoffs", [])
              if so.get("name") and so.get("date")]
    author = ", ".join(signed) if signed else doc["company"]["name"]
    if wb.properties.creator != author:
        fail("%s: workbook author %r, expected %r (who signed, else the company)" % (tag, wb.properties.creator, author))
    with zipfile.ZipFile(xlsx) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        app = z.read("docProps/app.xml").decode()
    want_charts = 3 if "Compensation" in names else 2
    if len(charts) != want_charts:
        fail("%s: %d charts, expected %d (funnel bars, capacity lines, payout curves)" % (tag, len(charts), want_charts))
    if "<Company>" not in app:
        fail("%s: no company in the document properties" % tag)

    n_formulas = 0
    formulas = set()
    for ws in wb.worksheets:
        table = tables.get(csv_name(ws.title))
        if table is None:
            fail("%s: sheet %s has no CSV table" % (tag, ws.title))
            continue
        check_print(tag, ws, doc)
        check_widths(tag, ws)
        cws = cached[ws.title]
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                cell = ws.cell(row=r + 1, column=c + 1)
                if cell.data_type == "f":
                    n_formulas += 1
                    formulas.add((ws.title, r, c))
                elif not cell.protection.locked:
                    formulas.add((ws.title, r, c))  # an input: it takes the changed plan's value
                    if isinstance(cell.value, str) and any(t in cell.value for t in user_texts):
                        fail("%s: %s!%s: user text inside a formula: %s" % (tag, ws.title, cell.coordinate, cell.value))
                num = as_number(text)
                if text == "":
                    continue
                if num is not None and cell.data_type == "s" and cell.value == text:
                    continue  # text that reads as a number: a CRM deal id such as 9063
                if is_iso_date(text) and hasattr(cell.value, "date") and cell.value.date().isoformat() == text:
                    continue  # a date: a real date in the workbook, ISO text in the CSV
                if num is None:
                    want = expected_text(text)
                    if cell.data_type == "f" or cell.value != want:
                        fail("%s: %s!%s: text %r written as %r (%s)" % (tag, ws.title, cell.coordinate, want, cell.value, cell.data_type))
                    continue
                got = cws.cell(row=r + 1, column=c + 1).value
                if not isinstance(got, (int, float)) or not close(float(got), num):
                    fail("%s: %s!%s: cached %r, engine %s" % (tag, ws.title, cell.coordinate, got, text))
    if "Compensation" in names:
        check_comp_structure(tag, wb, defined)
    if n_formulas < 50:
        fail("%s: only %d formulas; derived cells must be formulas" % (tag, n_formulas))
    # Every user text that looks like a formula is a plain string somewhere.
    for t in user_texts:
        found = False
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value == t:
                        found = True
                        if cell.data_type == "f":
                            fail("%s: %r became a formula at %s!%s" % (tag, t, ws.title, cell.coordinate))
        if not found:
            fail("%s: user text %r is not in the workbook as text" % (tag, t))
    return n_formulas, formulas


def check_comp_structure(tag, wb, defined):
    """The comp model is live: its inputs are named, unlocked and validated,
    what they drive is a formula, and the sheet is protected."""
    comp = wb["Compensation"]
    if not comp.protection.sheet:
        fail("%s: the Compensation sheet is not protected" % tag)
    validated = set()
    for dv in comp.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            for row in rng.cells:
                validated.add(row)
    for name in ["Role1_OTE", "Role1_PayMix", "Role1_C1_Weight", "Role1_C1_B1_Rate"]:
        if name not in defined:
            fail("%s: no defined name %s" % (tag, name))
            continue
        sheet, coord = list(wb.defined_names[name].destinations)[0]
        cell = wb[sheet][coord.replace("$", "")]
        if sheet != "Compensation" or cell.protection.locked or cell.data_type == "f":
            fail("%s: %s is not an unlocked input on the Compensation sheet" % (tag, name))
        if (cell.row, cell.column) not in validated:
            fail("%s: input %s has no validation" % (tag, name))
    for name in ["Role1_TI", "Role1_C1_TI", "Role1_Pay100"]:
        sheet, coord = list(wb.defined_names[name].destinations)[0]
        cell = wb[sheet][coord.replace("$", "")]
        if cell.data_type != "f" or not cell.protection.locked:
            fail("%s: %s is not a locked formula" % (tag, name))
    people = wb["People"]
    if not people.protection.sheet:
        fail("%s: the People sheet is not protected" % tag)


# ---- LibreOffice ------------------------------------------------------------

def start_office(work):
    profile = os.path.join(work, "lo-profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
                '<item oor:path="/org.openoffice.Office.Common/Misc">'
                '<prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>\n'
                '</oor:items>\n')
    pipe = "goalsheet%d" % os.getpid()
    proc = subprocess.Popen([SOFFICE, "--headless", "--invisible", "--nologo", "--norestore",
                             "--nodefault", "--nolockcheck",
                             "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("LibreOffice did not start")
            time.sleep(0.3)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def stop_office(proc, desktop):
    """Ends the soffice start_office started (either may be None)."""
    if desktop is not None:
        try:
            desktop.terminate()
        except Exception:
            pass
    if proc is not None:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name = name
    p.Value = value
    return p


def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                        (prop("Hidden", True),))


TEXT = None


def compare_with_engine(tag, doc, tables, what, formulas=None, values=None):
    """Every cell against tables; with formulas given, cells that are values
    (not formulas) are compared with values instead: they do not recalculate."""
    global TEXT
    if TEXT is None:
        TEXT = uno.Enum("com.sun.star.table.CellContentType", "TEXT")
    sheets = doc.Sheets
    checked = 0
    for i in range(sheets.Count):
        sheet = sheets.getByIndex(i)
        table = tables.get(csv_name(sheet.Name))
        if table is None:
            continue
        fixed = values.get(csv_name(sheet.Name)) if values else None
        width = max(len(r) for r in table)
        data = sheet.getCellRangeByPosition(0, 0, width - 1, len(table) - 1).getDataArray()
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                if text == "":
                    continue
                got = data[r][c]
                if fixed is not None and sheet.Name != "Inputs" and (sheet.Name, r, c) not in formulas:
                    text = fixed[r][c] if r < len(fixed) and c < len(fixed[r]) else ""
                    if text == "":
                        continue
                num = as_number(text)
                if num is not None and got == text:
                    continue  # text that reads as a number: a CRM deal id such as 9063
                if is_iso_date(text) and got == date_serial(text):
                    continue  # a date: Calc's day number, ISO text in the CSV
                if num is None:
                    want = expected_text(text)
                    cell = sheet.getCellByPosition(c, r)
                    if got != want or (want[:1] in USER_TEXT_PREFIXES and cell.getType() != TEXT):
                        fail("%s %s: %s row %d col %d: text %r, Calc has %r" % (tag, what, sheet.Name, r + 1, c + 1, want, got))
                    continue
                checked += 1
                if not isinstance(got, float) or not close(got, num):
                    cell = sheet.getCellByPosition(c, r)
                    fail("%s %s: %s!%s: Calc %r, engine %s; formula %s" % (tag, what, sheet.Name, cell.AbsoluteName.split(".")[-1], got, text, cell.getFormula()[:300]))
    return checked


def is_iso_date(text):
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


def date_serial(text):
    """A spreadsheet's day number of an ISO date (1899-12-30 is day 0)."""
    import datetime
    return float((datetime.date.fromisoformat(text) - datetime.date(1899, 12, 30)).days)


def compute_json(cli, plan):
    p = subprocess.run([cli, "compute", plan, "--json"], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("goalsheet-cli compute --json failed: %s" % p.stderr)
    return json.loads(p.stdout)


def json_figure(cell):
    """A compute --json figure as a number in the workbook's units."""
    if isinstance(cell, dict):
        if "amount" in cell:
            return float(cell["amount"])
        if "count" in cell:
            return float(cell["count"])
        return float(cell["value"])
    return float(cell)


def sheet_data(doc, name):
    sheet = doc.Sheets.getByName(name)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()


def find_rows(data, col, label, col2=None, label2=None):
    return [r for r, row in enumerate(data)
            if row[col] == label and (col2 is None or row[col2] == label2)]


class Tally:
    """same(where, got, want): a Calc figure against the engine's, counted."""

    def __init__(self, tag, what, source):
        self.tag, self.what, self.source, self.checked = tag, what, source, 0

    def __call__(self, where, got, want):
        self.checked += 1
        if not isinstance(got, float) or not close(got, want):
            fail("%s %s: %s: Calc %r, %s %s" % (self.tag, self.what, where, got, self.source, want))


def check_against_compute(tag, doc, comp, what):
    """The workbook as Calc computes it against goalsheet-cli compute --json, an
    output path independent of the export's own tables."""
    n_pre, n_months = comp["n_pre"], len(comp["months"])
    same = Tally(tag, what, "compute --json")

    # Goal sheets: each line by its label, in its side's sheet (shared lines on both).
    for name, sides in (("Marketing goals", ("marketing", "shared")), ("Sales goals", ("sales", "shared"))):
        data = sheet_data(doc, name)
        for line in comp["lines"]:
            if line["side"] not in sides:
                continue
            rows = find_rows(data, 0, line["label"])
            if len(rows) != 1:
                fail("%s: %s: %d rows labelled %r" % (tag, name, len(rows), line["label"]))
                continue
            row = data[rows[0]]
            cells = line["months"] + line["quarters"] + [line["total"], line["before"]]
            for c, cell in enumerate(cells):
                same("%s %r col %d" % (name, line["label"], c + 2), row[1 + c], json_figure(cell))
    # Funnel: every source and stage, every month; then all sources.
    data = sheet_data(doc, "Funnel")
    names = {s["id"]: s["name"] for s in comp["funnel"]["stages"]}
    for src in comp["funnel"]["sources"]:
        for stage, counts in src["needed"].items():
            rows = find_rows(data, 0, src["name"], 1, names[stage])
            if len(rows) != 1:
                fail("%s: Funnel: %d rows for %s / %s" % (tag, len(rows), src["name"], names[stage]))
                continue
            for i in range(n_months):
                same("Funnel %s/%s month %d" % (src["name"], names[stage], i), data[rows[0]][2 + i], counts[i])
    for stage, counts in comp["funnel"]["needed_total"].items():
        rows = find_rows(data, 0, "All sources", 1, names[stage])
        for i in range(n_months):
            same("Funnel all/%s month %d" % (names[stage], i), data[rows[0]][2 + i], counts[i])
    rows = find_rows(data, 1, "Projected bookings")
    for mo, v in enumerate(comp["funnel"]["projected_bookings"]):
        same("Funnel projected bookings %d" % mo, data[rows[0]][2 + n_pre + mo], json_figure(v))
    # Capacity and the plan, by label.
    data = sheet_data(doc, "Capacity")
    cap = comp["capacity"]
    series = [("AEs hired to date (start + hires)", cap["ae_hired"]),
              ("AEs on staff (expected, after attrition)", cap["ae_headcount"]),
              ("Fully-ramped AE equivalents", cap["ae_ramped"]),
              ("AE capacity (ramped AEs × quota ÷ 12 × attainment)", cap["ae_capacity"]),
              ("SDR capacity (meetings a month)", cap["sdr_capacity"]),
              ("New-business target", comp["targets"]["new_business_by_month"]),
              ("Bookings target", comp["targets"]["by_month"]),
              ("Plan: existing + the smaller of funnel and backlog, and capacity", comp["plan"]["by_month"]),
              ("Backlog: won, waiting for capacity, carried to the next month",
               comp["plan"]["backlog_by_month"])]
    for label, values in series:
        rows = find_rows(data, 0, label)
        if len(rows) != 1:
            fail("%s: Capacity: no row %r" % (tag, label))
            continue
        for mo, v in enumerate(values):
            same("Capacity %r month %d" % (label, mo), data[rows[0]][1 + mo], json_figure(v))
    rows = find_rows(data, 0, "Gap to target (plan − target)")
    same("Capacity gap total", data[rows[0]][1 + comp["horizon"]], json_figure(comp["plan"]["gap"]))
    return same.checked


def payout_json(cli, plan):
    """goalsheet-cli payout --json, and each role's curve (0 to 200 % by 10 %)."""
    def run_json(*args):
        p = subprocess.run([cli, "payout", plan, "--json"] + list(args), capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit("goalsheet-cli payout --json failed: %s" % p.stderr)
        return json.loads(p.stdout)
    with open(plan) as f:
        if "compensation" not in json.load(f):
            return None
    pay = run_json()
    pay["curves"] = [run_json("--role", role["id"], "--curve", "--step", "0.1")["curve"]
                     for role in pay["roles"]]
    return pay


def check_pay_live(tag, doc, pay, mod_tables, what):
    """The comp model as Calc computes it against goalsheet-cli payout --json on
    the same edited plan, whether or not the cells are formulas: payout curves,
    everyone at 100 %, person-years, pay as staffed at 100 % of quota and at
    the attainment the plan implies (its deal size, rates, quota and hires
    changed: the funnel and capacity move it), that attainment, the new
    business, total variable pay and cost of sales on both bases; one
    person's year at 100 % and People's total against the edited plan's own
    export."""
    same = Tally(tag, what, "payout --json")
    data = sheet_data(doc, "Compensation")
    want = mod_tables["compensation"]
    for r in find_rows(data, 0, "Variable pay for the year: one person at 100 %"):
        same("one person at 100 %% (row %d)" % (r + 1), data[r][1], float(want[r][1]))
    head = find_rows(data, 0, "Attainment")
    if len(head) != 1:
        fail("%s: Compensation: no payout curve table" % tag)
    else:
        for k, role in enumerate(pay["roles"]):
            for i, point in enumerate(pay["curves"][k]):
                row = data[head[0] + 1 + i]
                same("curve %s at %s" % (role["id"], point["attainment"]), row[0], float(point["attainment"]))
                same("curve %s at %s" % (role["id"], point["attainment"]), row[1 + k], float(point["earned"]))
    head = find_rows(data, 1, "Everyone a full year at 100 %")
    if len(head) != 1:
        fail("%s: Compensation: no cost at plan table" % tag)
    else:
        for k, role in enumerate(pay["roles"]):
            row = data[head[0] + 1 + k]
            same("everyone at 100 %% %s" % role["id"], row[1], float(role["variable_at_plan"]))
            same("person-years %s" % role["id"], row[2], float(role["paid_years"]))
            same("as staffed at 100 %% %s" % role["id"], row[3], float(role["staffed_at_quota"]))
            same("as staffed at the plan's attainment %s" % role["id"], row[4],
                 float(role["staffed_at_plan"]))
    for label, col, key in (("Variable pay at plan", 1, "variable_pay"),
                            ("Variable pay at plan", 3, "staffed_at_quota"),
                            ("Variable pay at plan", 4, "staffed_at_plan"),
                            ("New business the plan carries in the comp year (its target)", 4, "new_business"),
                            ("AE attainment the plan implies", 4, "ae_attainment_at_plan"),
                            ("Cost of sales on all bookings (variable pay ÷ bookings)", 1, "cost_of_sales"),
                            ("Cost of sales on all bookings (variable pay ÷ bookings)", 4,
                             "cost_of_sales_all_bookings"),
                            ("Cost of sales on new business (variable pay ÷ new business)", 4,
                             "cost_of_sales_new_business")):
        rows = find_rows(data, 0, label)
        if len(rows) != 1:
            fail("%s: Compensation: no row %r" % (tag, label))
            continue
        same("%s col %d" % (label, col + 1), data[rows[0]][col], float(pay[key]))
    data = sheet_data(doc, "People")
    rows = find_rows(data, 0, "Everyone")
    want = mod_tables["people"]
    same("People: everyone's people", data[rows[0]][2], float(want[rows[0]][2]))
    same("People: everyone's payout", data[rows[0]][6], float(want[rows[0]][6]))
    same("People: everyone's payout at the plan's attainment", data[rows[0]][7],
         float(want[rows[0]][7]))
    return same.checked


def falsify_cached(xlsx, out):
    """A copy whose first cached formula result on the Funnel sheet is wrong."""
    with zipfile.ZipFile(xlsx) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                text = data.decode()
                text, n = re.subn(r"(<f>[^<]*</f><v>)([^<]*)(</v>)", r"\g<1>987654321\g<3>", text, count=1)
                assert n == 1, "no formula on the Funnel sheet"
                data = text.encode()
            zout.writestr(item, data)


def changed_plan(plan, out, variant=False):
    """Deal size +20 %, second conversion rate +10 points (capped at 100 %);
    the AE quota −40 % and a backlog decay of 25 % (capacity binds);
    also the target (growth +5 points, or the amount +10 %), the third
    seasonality weight +0.3, 5 points of share moved from the second source
    to the first, the first AE hire a month later, and 100 more planned leads
    in the third month of the first source."""
    with open(plan) as f:
        doc = json.load(f)
    target = doc["company"]["target"]
    if target["mode"] == "growth":
        target["growth"] = round(target["growth"] + 0.05, 4)
        inputs = {"Growth": target["growth"]}
    else:
        digits0 = 0 if doc["company"]["currency"] in ("JPY", "KRW", "CLP", "ISK", "VND") else 2
        amount = round(float(target["amount"]) * 1.1, digits0)
        target["amount"] = ("%." + str(digits0) + "f") % amount
        inputs = {"TargetAmount": amount}
    season = doc["company"].setdefault("seasonality", [1] * 12)
    season[2] = round(season[2] + 0.3, 4)
    inputs["Season_M03"] = season[2]
    src = doc["sources"]
    if len(src) > 1 and src[1]["share"] >= 0.05:
        src[0]["share"] = round(src[0]["share"] + 0.05, 6)
        src[1]["share"] = round(src[1]["share"] - 0.05, 6)
        inputs["Src1_Share"] = src[0]["share"]
        inputs["Src2_Share"] = src[1]["share"]
    digits = 0 if doc["company"]["currency"] in ("JPY", "KRW", "CLP", "ISK", "VND") else 2
    deal = round(float(doc["funnel"]["deal_size"]) * 1.2, digits)
    doc["funnel"]["deal_size"] = ("%." + str(digits) + "f") % deal
    step = 1 if len(doc["funnel"]["steps"]) > 1 else 0
    rate = min(1.0, round(doc["funnel"]["steps"][step]["rate"] + 0.1, 4))
    doc["funnel"]["steps"][step]["rate"] = rate
    hires = doc.get("capacity", {}).get("ae", {}).get("hires", [])
    if hires:
        # The first AE hire a month later, when that is still in the plan.
        y0, m0 = map(int, doc["company"]["plan_start"].split("-"))
        y, mth = map(int, hires[0]["month"].split("-"))
        index = (y - y0) * 12 + mth - m0  # 0-based plan month
        if index + 1 < doc["company"].get("horizon_months", 12):
            y, mth = (y + 1, 1) if mth == 12 else (y, mth + 1)
            hires[0]["month"] = "%04d-%02d" % (y, mth)
            inputs["AE_Hire1_Month"] = index + 2
    if "planned_volume" in src[0] and len(src[0]["planned_volume"]) > 2:
        src[0]["planned_volume"][2] += 100  # the forward funnel: projected bookings and the plan
        inputs["Src1_Planned#2"] = src[0]["planned_volume"][2]
    # AEs with 60 % of their quota (then +10 % with the pay inputs below), so
    # capacity binds and wins wait in the backlog, a quarter of which goes
    # cold each month.
    ae = doc["capacity"]["ae"]
    quota = round(float(ae["quota"]) * 0.6, digits)
    ae["quota"] = ("%." + str(digits) + "f") % quota
    ae["backlog_decay"] = 0.25
    inputs["AE_Quota"] = quota
    inputs["AE_BacklogDecay"] = 0.25
    inputs.update(changed_pay(doc, digits, variant))
    inputs.update(changed_people(doc, digits))
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)
    inputs["DealSize"] = deal
    inputs["Rate_S%d" % (step + 1)] = rate
    return inputs


def amount_table(role, measure, attainment, edge, rate1, rate2):
    """The role's component on measure paid by quarter on a commission table
    on amounts (two bands meeting at edge) with an accelerator above the
    quota; returns the component."""
    for c in role["components"]:
        if c["measure"] == measure:
            c["period"] = "quarterly"
            c["attainment"] = attainment
            c["table"] = {"type": "marginal", "basis": "amount",
                          "bands": [{"from": "0.00", "to": edge, "rate": rate1},
                                    {"from": edge, "rate": rate2}]}
            c["accelerators"] = [{"above": 1, "multiplier": 1.5}]
            return c
    raise SystemExit("no component on %s" % measure)


def variant_plan(plan, out):
    """A bundled example with the pay structures it lacks: a commission table
    on amounts (quarterly, year to date, with an accelerator above the year's
    quota) for the first marketing role's
    company bookings, and one paid on each quarter alone (accelerator,
    decelerator, cap) for the last one's marketing-sourced bookings; the SDRs' sourced
    pipeline gated on meetings held (whose quota the change makes zero: the
    gate then shuts, as in the engine, with no #DIV/0!), and the last
    marketing role gated on SQLs accepted against a quota of its own (its
    attainment is the measure's, scaled by the two quotas)."""
    with open(plan) as f:
        doc = json.load(f)
    roles = doc["compensation"]["roles"]
    for role in roles:
        if role["kind"] == "sdr":
            for c in role["components"][1:]:
                if c["measure"] == "sourced_pipeline":
                    c["gate"] = {"measure": "meetings_held", "min_attainment": 0.5}
    # The first marketing role's company bookings on a commission table:
    # amounts to date by quarter, an accelerator above the year's quota.
    vp = [r for r in roles if r["kind"] == "marketing"][0]
    amount_table(vp, "company_bookings", "ytd", "500000.00", 0.004, 0.006)
    marketing = [r for r in roles if r["kind"] == "marketing"][-1]
    marketing["gate"] = {"measure": "sqls_accepted", "min_attainment": 0.4, "quota": 900}
    # Its marketing-sourced bookings on amounts paid on each quarter alone,
    # with an accelerator, a decelerator and a cap: each quarter's pay is a
    # cell of its own (at 100 %, at every curve point, at the plan's
    # attainment), so no formula passes Excel's 8,192 characters.
    c = amount_table(marketing, "marketing_sourced_bookings", "period", "100000.00", 0.02, 0.03)
    c["decelerator"] = {"below": 0.5, "multiplier": 0.5}
    c["cap"] = {"of_target": 2}
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)


def people_amount_plan(plan, out):
    """The people test plan with its AEs paid on amounts: own bookings on a
    commission table paid on each quarter alone (accelerator, cap) and
    company bookings on one for the year, so a listed person's own quota is
    their amount at 100 % and their People row is the role's formula on it
    (each quarter's pay in a cell of its own)."""
    with open(plan) as f:
        doc = json.load(f)
    ae = doc["compensation"]["roles"][0]
    own = amount_table(ae, "own_bookings", "period", "100000.00", 0.05, 0.08)
    own["cap"] = {"of_target": 2}
    own["weight"] = 0.7
    ae["components"].append({"id": "company", "name": "Company bookings",
                             "measure": "company_bookings", "weight": 0.3, "period": "annual",
                             "table": {"type": "marginal", "basis": "amount",
                                       "bands": [{"from": "0.00", "to": "1000000.00", "rate": 0.002},
                                                 {"from": "1000000.00", "rate": 0.004}]}})
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)


def changed_people(doc, digits):
    """The first listed person with a quota of their own, +10 % (the People
    sheet's input; the row follows the roles' people in order)."""
    inputs = {}
    row = 3  # the People sheet's first person (a title row, a header row)
    for role in doc.get("compensation", {}).get("roles", []):
        people = role.get("people", [])
        for person in people:
            if "quota" in person:
                quota = round(float(person["quota"]) * 1.1, digits)
                person["quota"] = ("%." + str(digits) + "f") % quota
                inputs["People!D%d" % row] = quota
                return inputs
            row += 1
        if not people:
            row += 1
    return inputs


def changed_pay(doc, digits, variant=False):
    """Every kind of pay input changed, in every role (the Compensation
    sheet's named inputs): OTE +10 %, pay mix +5 points, 5 points of weight
    moved between the first two components, every band, flat and accelerator
    rate and decelerator multiplier raised, caps tightened to 1.2 × the target
    incentive (so the curves meet them), a set quota +10 %, an explicit
    headcount +1, SPIF amounts and expected events raised, the draw +500 a
    month for a month longer, the discount table's first multiplier × 0.95,
    a gate's own quota +10 %; the AE quota, the first AE hire's count, the
    acceptance rate and SDR meetings a month on the Inputs sheet too.  A workbook holding values
    instead of formulas fails here: the engine's payouts for the changed plan
    differ from the exported ones."""
    inputs = {}
    comp = doc.get("compensation")
    if not comp:
        return inputs
    fmt = "%." + str(digits) + "f"
    # Quotas read from the goal sheets follow their inputs: MQL follow-up
    # (the acceptance rate) and SDR meetings (per SDR a month); a variant
    # whose SDR pipeline is gated on meetings gets none (a zero quota).
    agreements = doc.setdefault("agreements", {})
    if "acceptance_rate" in agreements:
        agreements["acceptance_rate"] = round(agreements["acceptance_rate"] - 0.07, 6)
        inputs["AcceptanceRate"] = agreements["acceptance_rate"]
    sdr = doc.get("capacity", {}).get("sdr")
    if sdr is not None and "sqls_per_month" in sdr:
        sdr["sqls_per_month"] = 0 if variant else sdr["sqls_per_month"] + 2
        inputs["SDR_SqlsPerMonth"] = sdr["sqls_per_month"]
    ae = doc.get("capacity", {}).get("ae", {})
    if "quota" in ae:
        ae["quota"] = fmt % round(float(ae["quota"]) * 1.1, digits)
        inputs["AE_Quota"] = float(ae["quota"])
    if ae.get("hires"):
        ae["hires"][0]["count"] += 1
        inputs["AE_Hire1_Count"] = ae["hires"][0]["count"]

    def cap(obj, name):
        if "cap" in obj and "of_target" in obj["cap"]:
            obj["cap"]["of_target"] = 1.2
            inputs[name] = 1.2

    for r, role in enumerate(doc["compensation"]["roles"], 1):
        pre = "Role%d_" % r
        role["ote"] = fmt % round(float(role["ote"]) * 1.1, digits)
        inputs[pre + "OTE"] = float(role["ote"])
        if "pay_mix" in role:
            role["pay_mix"] = round(role["pay_mix"] + 0.05, 6)
            inputs[pre + "PayMix"] = role["pay_mix"]
        comps = role["components"]
        if len(comps) > 1 and comps[0]["weight"] > 0.1:
            comps[0]["weight"] = round(comps[0]["weight"] - 0.05, 6)
            comps[1]["weight"] = round(comps[1]["weight"] + 0.05, 6)
            inputs[pre + "C1_Weight"] = comps[0]["weight"]
            inputs[pre + "C2_Weight"] = comps[1]["weight"]
        for i, c in enumerate(comps, 1):
            table = c["table"]
            if table.get("basis", "attainment") == "amount":
                # Commission on amounts: every rate + 0.1 point, every band's end + 10 %.
                for b, band in enumerate(table["bands"], 1):
                    band["rate"] = round(band["rate"] + 0.001, 6)
                    inputs["%sC%d_B%d_Rate" % (pre, i, b)] = band["rate"]
                for b, band in enumerate(table["bands"], 1):
                    if "to" in band:
                        end = fmt % round(float(band["to"]) * 1.1, digits)
                        band["to"] = end
                        table["bands"][b]["from"] = end
                        inputs["%sC%d_B%d_To" % (pre, i, b)] = float(end)
            elif table["type"] == "flat":
                table["rate"] = round(table["rate"] + 0.1, 6)
                inputs["%sC%d_B1_Rate" % (pre, i)] = table["rate"]
            else:
                for b, band in enumerate(table["bands"], 1):
                    band["rate"] = round(band["rate"] + 0.1 * b, 6)
                    inputs["%sC%d_B%d_Rate" % (pre, i, b)] = band["rate"]
            for k, tier in enumerate(c.get("accelerators", []), 1):
                tier["multiplier"] = round(tier["multiplier"] + 0.25 * k, 6)
                inputs["%sC%d_Accel%d_Times" % (pre, i, k)] = tier["multiplier"]
            if "decelerator" in c:
                c["decelerator"]["multiplier"] = round(c["decelerator"]["multiplier"] / 2, 6)
                inputs["%sC%d_Decel_Times" % (pre, i)] = c["decelerator"]["multiplier"]
            if c.get("discount_modifier"):
                # Pay at plan is at list price: the first band's multiplier applies.
                first = c["discount_modifier"][0]
                first["multiplier"] = round(first["multiplier"] * 0.95, 6)
                inputs["%sC%d_Disc1_Times" % (pre, i)] = first["multiplier"]
            if "quota" in c and isinstance(c["quota"], str):
                c["quota"] = fmt % round(float(c["quota"]) * 1.1, digits)
                inputs["%sC%d_Quota" % (pre, i)] = float(c["quota"])
            cap(c, "%sC%d_Cap" % (pre, i))
        cap(role, pre + "Cap")
        gate = role.get("gate")
        if gate and "quota" in gate:
            gate["quota"] = round(gate["quota"] * 1.1, 2)
            inputs[pre + "Gate_Quota"] = gate["quota"]
        if "people" not in role and role["kind"] not in ("ae", "sdr"):
            role["headcount"] = role.get("headcount", 1) + 1
            inputs[pre + "Headcount"] = role["headcount"]
        if "draw" in role:
            # The draw month by month: more a month, one month longer.
            draw = role["draw"]
            draw["amount"] = fmt % (float(draw["amount"]) + 500)
            draw["months"] = min(12, draw.get("months", 3) + 1)
            inputs[pre + "Draw"] = float(draw["amount"])
            inputs[pre + "DrawMonths"] = draw["months"]
        for k, spif in enumerate(role.get("spifs", []), 1):
            spif["amount"] = fmt % (float(spif["amount"]) + 100)
            spif["expected_events"] = spif.get("expected_events", 0) + 2
            inputs["%sSpif%d_Amount" % (pre, k)] = float(spif["amount"])
            inputs["%sSpif%d_Events" % (pre, k)] = spif["expected_events"]
    return inputs


# ---- the Expense and Payments sheets (goalsheet-cli expense -o) ----------

LEDGER_LINES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "ledger", "lines.csv")


def ledger_plan(plan, out, life):
    with open(plan) as f:
        doc = json.load(f)
    doc["compensation"]["payment"] = {"lag_months": 1}
    doc["compensation"]["expense"] = {"customer_life_months": life}
    with open(out, "w") as f:
        json.dump(doc, f)
    return out


def expense_json(cli, plan):
    p = subprocess.run([cli, "expense", plan, "--lines", LEDGER_LINES, "--json", "--deals"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("goalsheet-cli expense --json failed: %s" % p.stderr)
    return json.loads(p.stdout)


def check_ledger_sheets(same, doc, eng):
    """Every figure of the Expense and Payments sheets against expense --json;
    months past the engine's schedule must be 0."""
    x = eng["expense"]
    data = sheet_data(doc, "Expense")
    month0, first = 9, 5
    n_cols = len([c for c in data[3][month0:] if c not in ("", "Total")])

    def month_value(arr, m):
        return float(arr[m]["amount"]) if m < len(arr) else 0.0
    for i, row in enumerate(x["rows"]):
        r = first + i
        for m in range(n_cols):
            same("Expense row %d month %d" % (r + 1, m), data[r][month0 + m], month_value(row["expense"], m))
        same("Expense row %d total" % (r + 1), data[r][month0 + n_cols], float(row["amount"]["amount"]))
    labels = {"Expense": lambda o: float(o["expense"]["amount"]),
              "Capitalised": lambda o: float(o["capitalised"]["amount"]),
              "Amortised and reversed": lambda o: float(o["amortised"]["amount"]) + float(o["reversed"]["amount"]),
              "Capitalised balance at close": lambda o: float(o["balance_close"]["amount"])}
    for label, get in labels.items():
        rows = find_rows(data, 0, label)
        if len(rows) != 1:
            fail("Expense: %d rows labelled %r" % (len(rows), label))
            continue
        for m in range(n_cols):
            want = get(x["months"][m]) if m < len(x["months"]) else 0.0
            same("Expense %s month %d" % (label, m), data[rows[0]][month0 + m], want)
    for d in x["deals"]:
        rows = [r for r in find_rows(data, 1, d["deal"]) if r > first + len(x["rows"])]
        if len(rows) != 1:
            fail("Expense: no row for deal %s" % d["deal"])
            continue
        for m in range(n_cols):
            same("Expense deal %s month %d" % (d["deal"], m), data[rows[0]][month0 + m], month_value(d["expense"], m))
    pay = eng["payments"]
    data = sheet_data(doc, "Payments")
    keys = ["earned", "clawed_back", "paid", "payable"]
    blocks = [(p["person"], p["months"]) for p in pay["people"]] + [("Everyone", pay["total"])]
    for b, (who, months) in enumerate(blocks):
        for f, key in enumerate(keys):
            r = first + 4 * b + f
            if data[r][0] != who:
                fail("Payments row %d: %r, expected %r" % (r + 1, data[r][0], who))
            for m, mo in enumerate(months):
                same("Payments %s %s %s" % (who, key, mo["month"]), data[r][2 + m], float(mo[key]["amount"]))


def check_ledger(cli, plans, work, desktop):
    seed = [p for p in plans if os.path.basename(p).startswith("seed-saas")][0]
    plan = ledger_plan(seed, os.path.join(work, "ledger.goalsheet"), 36)
    xlsx = os.path.join(work, "ledger.xlsx")
    run([cli, "expense", plan, "--lines", LEDGER_LINES, "-o", xlsx])
    doc = load(desktop, xlsx)
    same = Tally("ledger", "on load", "expense --json")
    check_ledger_sheets(same, doc, expense_json(cli, plan))
    counts = [same.checked]
    # The life is an input: 24 months, then 12 (the expedient), recalculated
    # against the engine run on the plan with that life.
    for life in (24, 12):
        doc.NamedRanges.getByName("CustomerLife").getReferredCells().getCellByPosition(0, 0).setValue(life)
        doc.calculateAll()
        changed = ledger_plan(seed, os.path.join(work, "ledger-%d.goalsheet" % life), life)
        same = Tally("ledger", "customer life %d" % life, "expense --json")
        check_ledger_sheets(same, doc, expense_json(cli, changed))
        counts.append(same.checked)
    doc.close(True)
    print("ok: ledger: %d Expense and Payments figures equal expense --json on load, %d at a life "
          "of 24 months, %d at 12" % tuple(counts))


# ---- a plan with actuals: Statements, Expense and Payments (goalsheet-cli export) ----

CRM = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "examples", "crm")
# Each bundled example's CRM export, its splits file, and the fiscal year its
# comp year is (the seed plan's starts in February 2027: FY28).
IMPORTS = {"seed-saas": ("seed-saas-hubspot-deals.csv", "seed-saas-hubspot-splits.csv", "FY28"),
           "mid-market": ("mid-market-salesforce-opportunities.csv", None, "FY27")}


def with_actuals(cli, plan, work, tag):
    out = os.path.join(work, tag + "-actuals.goalsheet")
    shutil.copy(plan, out)
    deals, splits, fy = IMPORTS[tag]
    run([cli, "import", out, "--deals", os.path.join(CRM, deals)])
    if splits:
        run([cli, "import", out, "--splits", os.path.join(CRM, splits)])
    return out, fy


def cli_json(cli, *args):
    p = subprocess.run([cli] + list(args), capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("goalsheet-cli %s failed: %s" % (" ".join(args[:1]), p.stderr))
    return json.loads(p.stdout)


def check_statements_sheet(same, doc, cli, plan, fy):
    """Every person's paid by quarter and attainment at each quarter's end
    against goalsheet-cli statement --json; the company against the sum."""
    with open(plan) as f:
        people = [p["name"] for p in json.load(f)["actuals"]["people"]]
    data = sheet_data(doc, "Statements")
    month0, total = 4, 16
    everyone = 0.0
    for who in people:
        paid = find_rows(data, 0, who, 2, "Paid")
        attained = [r for r in find_rows(data, 0, who) if data[r][2].startswith("Attainment to date")]
        if len(paid) != 1:
            fail("Statements: %d paid rows for %s" % (len(paid), who))
            continue
        year = 0.0
        for q in range(4):
            st = cli_json(cli, "statement", plan, "--person", who, "--period", "%s Q%d" % (fy, q + 1), "--json")
            want = float(st["paid"])
            year += want
            same("Statements %s %s Q%d paid" % (who, fy, q + 1),
                 sum(data[paid[0]][month0 + 3 * q + i] for i in range(3)), want)
            if len(attained) != len(st["measures"]):
                fail("Statements: %s has %d attainment rows, the statement %d measures"
                     % (who, len(attained), len(st["measures"])))
                continue
            for r, m in zip(attained, st["measures"]):
                same("Statements %s attainment %s Q%d" % (who, m["measure"], q + 1),
                     data[r][month0 + 3 * q + 2], m["attainment"])
        same("Statements %s year" % who, data[paid[0]][total], year)
        everyone += year
    company = find_rows(data, 0, "Company", 2, "Paid")
    if len(company) != 1:
        fail("Statements: no company row")
    else:
        same("Statements company", data[company[0]][total], everyone)
    return everyone


def check_actuals(cli, plans, work, desktop):
    for plan in plans:
        tag = os.path.basename(plan).split(".")[0]
        if tag not in IMPORTS:
            continue
        actual, fy = with_actuals(cli, plan, work, tag)
        xlsx, tables = export(cli, actual, work, tag + "-actuals")
        for sheet in ("statements", "expense", "payments"):
            if sheet not in tables:
                fail("%s with actuals: no %s table" % (tag, sheet))
        with open(actual) as f:
            nf, _ = check_structure(tag + " with actuals", xlsx, tables, [], json.load(f))
        doc = load(desktop, xlsx)
        checked = compare_with_engine(tag + " with actuals", doc, tables, "on load")
        same = Tally(tag + " with actuals", "on load", "statement --json")
        everyone = check_statements_sheet(same, doc, cli, actual, fy)
        eng = cli_json(cli, "expense", actual, "--json", "--deals")
        booked = sum(float(m["expense"]["amount"]) for m in eng["expense"]["months"])
        if not close(booked, everyone):
            fail("%s with actuals: the expense books %s, the statements pay %s" % (tag, booked, everyone))
        ledger = Tally(tag + " with actuals", "on load", "expense --json")
        check_ledger_sheets(ledger, doc, eng)
        doc.close(True)
        print("ok: %s with actuals: %d formulas, %d cells equal the engine's tables on load; %d "
              "Statements figures equal statement --json, %d Expense and Payments figures expense "
              "--json; the statements pay %.2f, the expense books it" % (tag, nf, checked, same.checked,
                                                                       ledger.checked, everyone))


def main():
    cli = sys.argv[1]
    plans = sys.argv[2:]
    work = tempfile.mkdtemp(prefix="goalsheet-export-")
    proc = desktop = None
    try:
        exported = []
        # The bundled examples once more with the pay structures they lack.
        variants = []
        for plan in plans:
            if os.path.basename(os.path.dirname(os.path.abspath(plan))) == "examples":
                out = os.path.join(work, os.path.basename(plan).replace(".goalsheet", "+pay.goalsheet"))
                variant_plan(plan, out)
                variants.append(out)
            elif os.path.basename(plan) == "people.goalsheet":
                out = os.path.join(work, "people+amount.goalsheet")
                people_amount_plan(plan, out)
                variants.append(out)
        for n, plan in enumerate(plans + variants):
            tag = os.path.basename(plan).split(".")[0]
            xlsx, tables = export(cli, plan, work, "p%d" % n)
            with open(plan) as f:
                doc = json.load(f)
            user_texts = [doc["company"]["name"]] + [s["name"] for s in doc["funnel"]["stages"]] + \
                         [s["name"] for s in doc["sources"]]
            user_texts = [t for t in user_texts if t.startswith(USER_TEXT_PREFIXES)]
            nf, formulas = check_structure(tag, xlsx, tables, user_texts, doc)
            mod = os.path.join(work, "p%d-changed.goalsheet" % n)
            inputs = changed_plan(plan, mod, plan in variants)
            _, mod_tables = export(cli, mod, work, "p%d-changed" % n)
            exported.append((tag, xlsx, tables, mod_tables, inputs, nf, formulas,
                             compute_json(cli, plan), compute_json(cli, mod),
                             payout_json(cli, plan), payout_json(cli, mod)))

        proc, desktop = start_office(work)
        for n, (tag, xlsx, tables, mod_tables, inputs, nf, formulas, comp, mod_comp, pay,
                mod_pay) in enumerate(exported):
            doc = load(desktop, xlsx)
            checked = compare_with_engine(tag, doc, tables, "on load")
            by_json = check_against_compute(tag, doc, comp, "on load")
            pay_checked = check_pay_live(tag, doc, pay, tables, "on load") if pay else 0
            names = doc.NamedRanges
            for key, value in inputs.items():
                if "!" in key:  # "People!D3": a cell without a name
                    sheet, _, cell = key.partition("!")
                    doc.Sheets.getByName(sheet).getCellRangeByName(cell).setValue(value)
                    continue
                name, _, index = key.partition("#")  # "Src1_Planned#2": the third cell of a range
                cells = names.getByName(name).getReferredCells()
                cells.getCellByPosition(0, int(index or 0)).setValue(value)
            doc.calculateAll()
            checked2 = compare_with_engine(tag, doc, mod_tables, "after changing the inputs",
                                           formulas, tables)
            by_json2 = check_against_compute(tag, doc, mod_comp, "after changing the inputs")
            pay_checked2 = check_pay_live(tag, doc, mod_pay, mod_tables, "after changing the pay inputs") \
                if mod_pay else 0
            doc.close(True)
            print("ok: %s: %d formulas; %d cells equal the engine's tables on load, %d after the change; "
                  "%d and %d equal compute --json; %d and %d pay figures equal payout --json"
                  % (tag, nf, checked, checked2, by_json, by_json2, pay_checked, pay_checked2))
            if n == 0:
                fake = os.path.join(work, "falsified.xlsx")
                falsify_cached(xlsx, fake)
                doc = load(desktop, fake)
                compare_with_engine(tag, doc, tables, "falsified cache (recalculation on load)")
                doc.close(True)
        check_ledger(cli, plans, work, desktop)
        check_actuals(cli, plans, work, desktop)
    finally:
        stop_office(proc, desktop)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("all workbooks check out")


if __name__ == "__main__":
    main()
