#!/usr/bin/python3
# Scenarios made in the real window: MQL → SQL 30 % → 33 % and deal size
# 25,000 → 27,000 on the Funnel page, saved as the scenario "Better MQL": the
# plan is back at 30 % and 25,000 (nothing written to the file), the
# scenario's row lists both changes, the comparison shows its plan and wins
# against base, and after Run Simulation its own P(hit) against base.  Then
# rename, apply to the plan (the Funnel page shows 33 %), undo, delete with
# the confirmation dialog, undo.  Run by tests/gui/with-display.py
# (tests/meson.build).  TAP.
#
#   scenarios.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
import json
import re
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gstap import check, finish, key, poll  # noqa: E402
import gstap  # noqa: E402

run = gstap.Run('scenarios')
APP, CLI, SHOTS, work = run.app, run.cli, run.shots, run.work
app_env, tree, node = run.env, run.tree, run.find


def action(name, param=None):
    args = ['gdbus', 'call', '--session', '--dest', 'org.goalsheet.Goalsheet', '--object-path',
            '/org/goalsheet/Goalsheet/window/1', '--method', 'org.gtk.Actions.Activate', name,
            '[<%s>]' % json.dumps(param) if param is not None else '[]', '{}']
    return subprocess.run(args, capture_output=True, text=True, env=app_env, timeout=30).returncode == 0


def typed(*keys):
    """Keys into whatever has the focus (a dialog over the window)."""
    for k in keys:
        if k.startswith('type:'):
            subprocess.run(['xdotool', 'type', '--delay', '30', '--', k[5:]], check=True)
        else:
            subprocess.run(['xdotool', 'key', k], check=True)
        time.sleep(0.25)
    time.sleep(0.5)


def plan_shown(app, pattern):
    """The strip's plan figure ("$2.4M") when it matches PATTERN."""
    found = app.findChildren(lambda n: n.roleName == 'label'
                             and re.fullmatch(pattern, n.name or '') is not None, recursive=True)
    return found[0].name if found else None


def saved_rate():
    with open(plan_path) as f:
        return json.load(f)['funnel']['steps'][1]['rate']


def root_shot(name):
    """The whole screen: a dialog is a window of its own."""
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')], check=False)


def exact(app, role, name):
    found = app.findChildren(lambda n: n.roleName == role and n.name == name, recursive=True)
    return found[0] if found else None


def labels(app, predicate):
    return [n.name for n in app.findChildren(lambda n: n.roleName == 'label'
                                             and predicate(n.name or ''), recursive=True)]


def set_field(app, name, text):
    entry = poll(lambda: node(app, 'text', name))
    entry.click()
    key('ctrl+a', 'type:' + text, 'Return')


plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(run.example('seed-saas.goalsheet'), plan_path)
with open(plan_path) as f:
    on_disk = f.read()
proc = subprocess.Popen([APP, plan_path], env=app_env, stderr=open(os.path.join(work, 'app.log'), 'a'))
app = gstap.app_ready(tree, lambda a: node(a, 'page tab', 'Funnel') or node(a, 'push button', 'Run'))
if not app:
    gstap.bail('the app did not come up', os.path.join(work, 'app.log'))

key('alt+2')
set_field(app, 'MQL → SQL conversion', '33')
key('alt+d', 'ctrl+a', 'type:27000', 'Return')

check(action('scenario-save'), 'win.scenario-save opens the name dialog')
time.sleep(1.5)
root_shot('scenario-save-dialog')
typed('ctrl+a', 'type:Better MQL', 'Return')
row = poll(lambda: node(app, 'label', 'Better MQL'))
check(row is not None, 'the Scenarios page lists "Better MQL"')
key('alt+2')
with open(plan_path) as f:
    check(f.read() == on_disk, 'nothing was written to the file')

action('show-page', 'scenarios')
# The comparison: the scenario's plan and wins against base.
diffs = poll(lambda: labels(app, lambda t: t.startswith('+$') or t.startswith('−')) or None, 60)
check(diffs is not None and any(t.startswith('+$') for t in diffs),
      'the comparison shows a difference against base in dollars: %r' % (diffs or [])[:8])
# 2,625,000 of new business ÷ 25,000 = 105 wins; ÷ 27,000 = 97.2, 98 a whole win.
wins = poll(lambda: [t for t in labels(app, lambda t: t == '−7')] or None, 30)
check(wins is not None and node(app, 'label', '98') is not None,
      'wins needed: 98, −7 against base\'s 105: %r' % wins)

# Each scenario's own P(hit), with the same seed as base.
check(action('simulate'), 'win.simulate runs the simulation')
# The rows' figures arrive one by one: wait for all four, not the first.
seen = []


def four_odds():
    seen[:] = labels(app, lambda t: t.startswith('P(hit) '))
    return list(seen) if len(seen) == 4 else None


odds = poll(four_odds, 180)
check(odds is not None, 'every scenario row shows its P(hit): %r' % seen)
mine = [t for t in (odds or []) if 'pts)' in t]
check(len(mine) >= 1, 'with its difference against base in points: %r' % odds)
chance = poll(lambda: node(app, 'label', 'Chance of hitting the target'), 30)
check(chance is not None, 'the comparison has a P(hit) row')
gstap.screenshot(SHOTS, 'scenarios-compared')

# Rename: a taken name is refused in words, then a free one.
check(action('scenario-rename', 'Better MQL'), 'win.scenario-rename opens the rename dialog')
time.sleep(1.5)
root_shot('scenario-rename-dialog')
typed('ctrl+a', 'type:worst', 'Return')
refusal = poll(lambda: labels(app, lambda t: 'already a scenario named' in t) or None)
gstap.screenshot(SHOTS, 'scenario-rename-refused')
check(refusal is not None, 'renaming to "worst" is refused: %r' % refusal)
action('scenario-rename', 'Better MQL')
time.sleep(1.5)
typed('ctrl+a', 'type:Faster funnel', 'Return')
check(poll(lambda: node(app, 'label', 'Faster funnel')) is not None
      and node(app, 'label', 'Better MQL') is None, 'renamed to "Faster funnel"')

# Apply to the plan, then undo.
check(action('scenario-apply', 'Faster funnel'), 'win.scenario-apply')
key('alt+2')
key('ctrl+s')
check(poll(lambda: saved_rate() == 0.33) is True, 'applied: the saved plan has MQL → SQL 33 %%: %r'
      % saved_rate())
key('ctrl+z', 'ctrl+s')
check(poll(lambda: saved_rate() == 0.3) is True, 'one undo takes it out: 30 %% again: %r'
      % saved_rate())

# Delete asks first.
action('show-page', 'scenarios')
check(action('scenario-delete', 'Faster funnel'), 'win.scenario-delete asks first')
time.sleep(1.5)
root_shot('scenario-delete-dialog')
dialog_button = poll(lambda: [n for n in app.findChildren(
    lambda n: n.roleName == 'push button' and (n.name or '').split(' ')[0] == '_Delete',
    recursive=True)] or None)
check(dialog_button is not None, 'the dialog offers Delete: %r' % [
    n.name for n in app.findChildren(lambda n: n.roleName == 'push button'
                                     and 'Delete' in (n.name or ''), recursive=True)])
dialog_button = dialog_button[0] if dialog_button else None
if dialog_button:
    dialog_button.doActionNamed('click')
check(poll(lambda: node(app, 'label', 'Faster funnel') is None) is True, 'the scenario is gone')
key('ctrl+z')
check(poll(lambda: node(app, 'label', 'Faster funnel')) is not None, 'undo brings it back')
key('ctrl+s')
time.sleep(1)
with open(plan_path) as f:
    saved = json.load(f)
mine = [s for s in saved['scenarios'] if s['name'] == 'Faster funnel']
check(len(mine) == 1 and mine[0]['overrides'] == [
    {'path': 'funnel.steps[1].rate', 'value': 0.33},
    {'path': 'funnel.deal_size', 'value': '27000.00'}],
    'the saved file holds the scenario with both overrides: %r' % mine)
check(saved['funnel']['steps'][1]['rate'] == 0.3, 'and the plan at 30 %')
out = subprocess.run([CLI, 'scenarios', plan_path, '-s', 'base', '-s', 'Faster funnel'],
                     capture_output=True, text=True, env=dict(os.environ, LC_ALL='C.UTF-8'))
check(out.returncode == 0 and 'vs base' in out.stdout, 'goalsheet-cli scenarios compares it')

proc.kill()
proc.wait()
sys.exit(finish())
