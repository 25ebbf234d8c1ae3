#!/usr/bin/python3
# File ▸ Import CRM Export… through the real file chooser (docs/actuals.md,
# "In the app"): the seed example without actuals; the main menu (F10) opens
# the import, GTK's file chooser (GtkFileChooserNative falls back to
# GtkFileChooserDialog without a portal) takes the bundled HubSpot deals by
# Ctrl+L and the path, the import dialog previews the file (its summary and
# first rows), Import brings the 70 deals in, and the Actuals page shows, for
# every stage, the bookings and every person, what goalsheet-cli track --json
# prints for the saved plan on the day the page tracks to.  Undo empties the
# page again.  Every wait polls the window; nothing sleeps and hopes.  Run by
# tests/gui/with-display.py (tests/meson.build).  TAP.
#
#   import.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
import datetime
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gstap import check, finish, key, poll  # noqa: E402
import gstap  # noqa: E402

run = gstap.Run('import')
APP, CLI, SHOTS, work = run.app, run.cli, run.shots, run.work

plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(run.example('seed-saas.goalsheet'), plan_path)
deals = os.path.join(run.source, 'data', 'examples', 'crm', 'seed-saas-hubspot-deals.csv')
cli_env = dict(os.environ, LC_ALL='C.UTF-8')

proc = subprocess.Popen([APP, plan_path], env=run.env, stderr=open(os.path.join(work, 'app.log'), 'a'))
app = gstap.app_ready(run.tree, lambda a: a.findChild(lambda n: n.roleName == 'frame', retry=False,
                                                      requireResult=False) is not None)
if not app:
    gstap.bail('the app did not appear on the accessibility bus', os.path.join(work, 'app.log'))


def labels():
    return gstap.labels(app)


def label_with(text):
    return gstap.label_with(app, text)


def screen_shot(name):
    """The whole screen (the chooser and the import dialog are windows of
    their own) as SHOTS/NAME.png."""
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')], check=False)


def window_keys(title, *keys):
    """Keys into the window titled TITLE (gstap.key types into the main
    window); polls until that window is mapped."""
    wid = poll(lambda: subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', '^%s$' % title],
                                      capture_output=True, text=True).stdout.split())
    if not wid:
        return False
    subprocess.run(['xdotool', 'windowfocus', '--sync', wid[0]], check=False)
    for k in keys:
        if k.startswith('type:'):
            subprocess.run(['xdotool', 'type', '--delay', '30', '--', k[5:]], check=True)
        else:
            subprocess.run(['xdotool', 'key', k], check=True)
    return True


def showing(n):
    try:
        return n is not None and n.showing
    except Exception:
        return False


# The main menu (F10, the primary menu) and its Import CRM Export… item.
key('F10')
item = poll(lambda: app.findChildren(lambda n: n.roleName == 'menu item'
                                     and n.name.replace('_', '') == 'Import CRM Export…', recursive=True))
check(bool(item), 'F10 opens the main menu with Import CRM Export…')
if not item:
    gstap.screenshot(SHOTS, 'import-menu')
    sys.stderr.write('%r\n' % [(n.roleName, n.name) for n in app.findChildren(
        lambda n: 'mport' in n.name or n.roleName in ('menu item', 'menu', 'popup menu'), recursive=True)])
    gstap.bail('no Import CRM Export… in the main menu', os.path.join(work, 'app.log'))
item[0].doActionNamed('click' if 'click' in item[0].actions else list(item[0].actions)[0])

# GTK's own file chooser: Ctrl+L, the path, Enter.
# (GtkFileChooserDialog is a "filler" on AT-SPI, a child of the app.)
chooser = poll(lambda: [n for n in app.children if n.name == 'Import CRM Export'])
chooser = chooser[0] if chooser else None
check(chooser is not None, 'the file chooser opens, titled Import CRM Export')
if chooser is None:
    gstap.screenshot(SHOTS, 'import-nochooser')
    sys.stderr.write('toplevels: %r\n' % [(n.roleName, n.name, showing(n)) for n in app.children])
    gstap.bail('no file chooser', os.path.join(work, 'app.log'))

check(window_keys('Import CRM Export', 'ctrl+l', 'type:' + deals), 'the chooser\'s window is mapped')
screen_shot('import-chooser')
window_keys('Import CRM Export', 'Return')

# The import dialog: the preview before anything is imported.
summary = poll(lambda: label_with('seed-saas-hubspot-deals.csv: HubSpot export'))
check(bool(summary) and '70 rows: 70 imported, 0 updated, 0 refused' in summary[0],
      'the dialog previews the file: %r' % summary)
check(poll(lambda: label_with('Deal Name')) and True, 'the preview shows the header row')
first = open(deals, encoding='utf-8-sig').read().splitlines()[1].split(',')[0]
check(poll(lambda: first in labels()) is True, 'and the first row (record %s)' % first)
check(poll(lambda: not label_with('Row ')) is True, 'no row is refused')
screen_shot('import-dialog-preview')
imp = poll(lambda: app.findChild(lambda n: n.roleName == 'push button'
                                 and n.name.replace('_', '') in ('Import', 'Import Import'),
                                 retry=False, requireResult=False))
check(imp is not None, 'the dialog has Import')
if imp is None:
    sys.stderr.write('%r\n' % [n.name for n in app.findChildren(lambda n: n.roleName == 'push button',
                                                              recursive=True)])
    gstap.bail('no Import button', os.path.join(work, 'app.log'))
imp.doActionNamed('click')

# The Actuals page: its heading names the day tracked to.
heading = poll(lambda: label_with('Plan versus actual to '), 60)
check(bool(heading), 'Import shows the Actuals page: %r' % heading)
if not heading:
    gstap.bail('no Actuals page after the import', os.path.join(work, 'app.log'))
day_text = heading[0].split('Plan versus actual to ')[1].split(' (')[0]
day = datetime.datetime.strptime(day_text, '%b %d, %Y').date()
gstap.screenshot(SHOTS, 'import-actuals')
key('ctrl+s')
check(poll(lambda: 'actuals' in json.load(open(plan_path))) is True, 'Ctrl+S saves the plan with its actuals')
out = subprocess.run([CLI, 'track', plan_path, '--as-of', day.isoformat(), '--json', '--no-p-hit'],
                     capture_output=True, text=True, env=cli_env)
check(out.returncode == 0, 'goalsheet-cli track --json reads the saved plan: %s' % out.stderr.strip())
track = json.loads(out.stdout)
plan = json.load(open(plan_path))


def count(v):
    return format(int(v + 0.5), ',')


def money(minor):
    return '$' + format(int((abs(minor) + 50) // 100), ',')


def figures_after(title):
    """The planned and actual figures of the row titled TITLE in Goals to
    Date (the first such label after its heading: By Source comes later)."""
    names = labels()
    if 'Goals to Date' not in names:
        return None
    names = names[names.index('Goals to Date'):]
    if title not in names:
        return None
    i = names.index(title) + 1
    while i < len(names) and not names[i].startswith('planned '):
        i += 1
    return (names[i][len('planned '):], names[i + 1]) if i + 1 < len(names) else None


stages = plan['funnel']['stages']
for k, stage in enumerate(stages):
    cell = track['to_date']['stages'][k]
    want = (count(cell['planned']), count(cell['actual']))
    got = poll(lambda: figures_after(stage['name']))
    check(got == want, '%s to %s: planned and actual %r, as the CLI says %r' % (stage['name'], day, got,
                                                                                 want))
won = track['to_date']['stages'][-1]
got = poll(lambda: figures_after('New-business bookings'))
check(got is not None and got[1] == money(won['actual_amount']['minor']),
      'New-business bookings %r: the CLI\'s %s' % (got, money(won['actual_amount']['minor'])))
for person in track['people']:
    want = money(person['bookings']['minor'])
    names = labels()
    i = names.index(person['name']) if person['name'] in names else -1
    check(i >= 0 and want in names[i:i + 8], '%s booked %s, as the CLI says' % (person['name'], want))

# One Undo takes the import back: the page is empty again.
key('ctrl+z')
check(poll(lambda: 'Tom Becker' not in labels()) is True, 'Undo empties the page\'s roster')
key('ctrl+s')
check(poll(lambda: 'actuals' not in json.load(open(plan_path))) is True,
      'one Undo took the whole import back: the plan saved has no actuals')

proc.kill()
proc.wait()
shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
