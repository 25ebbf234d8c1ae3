#!/usr/bin/python3
# Compensation designed in the real window (issue 14): on the seed-saas
# example, a role added, a component added to it and given a weight, a SPIF
# with a rule for what qualifies and a draw set, the payout figure shown compared with goalsheet-cli payout
# on the saved file, the window's width checked at 1280×800 (800×600 shot), the
# role removed and the removal undone.  Run by tests/gui/with-display.py
# (tests/meson.build).  TAP.
#
#   comp-design.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402
from gstap import check, finish, key, poll  # noqa: E402

run = gstap.Run('comp-design')
APP, CLI, SHOTS, work = run.app, run.cli, run.shots, run.work
app_env, tree, find = run.env, run.tree, run.find

plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(run.example('seed-saas.goalsheet'), plan_path)
proc = subprocess.Popen([APP, plan_path], env=app_env, stderr=open(os.path.join(work, 'app.log'), 'a'))
app = gstap.app_ready(tree, lambda a: a.findChild(lambda n: n.roleName == 'frame', retry=False,
                                                  requireResult=False))
if not app:
    gstap.bail('the app did not appear on the accessibility bus', os.path.join(work, 'app.log'))


def button(name):
    return poll(lambda: find(app, 'push button', name))


def gone(role, name):
    return find(app, role, name) is None


def label_like(pattern):
    """The first label whose name matches PATTERN (a whole-tree listing is
    too slow on a loaded machine with the trace on screen)."""
    return app.findChild(lambda n: n.roleName == 'label' and re.search(pattern, n.name or ''),
                         retry=False, requireResult=False)


def resize(width, height):
    subprocess.run(['xdotool', 'windowsize', '--sync', gstap._window(), str(width), str(height)],
                   check=False)
    poll(lambda: gstap.geometry()[1] == width, 5)
    return gstap.geometry()[1]


def reveal(role, name, room=20):
    return run.reveal(app, role, name, room, x=640)


def type_into(title, text):
    run.type_into(app, title, text, x=640)


def saved():
    before = os.stat(plan_path).st_mtime_ns
    key('ctrl+s')
    if not poll(lambda: os.stat(plan_path).st_mtime_ns != before, 60):
        gstap.screenshot(SHOTS, 'comp-design-save-failed')
    with open(plan_path) as f:
        return json.load(f)


def shown_total():
    """The payout view's total per person and the attainment it is at."""
    total = poll(lambda: label_like(' variable pay per person$'))
    pct = poll(lambda: label_like(r' at [\d.]+ %$'))
    pct = re.search(r' at ([\d.]+) %$', pct.name).group(1) if pct else None
    return (total.name if total else '').replace(' variable pay per person', ''), pct


resize(1280, 800)
key('alt+5')
check(poll(lambda: find(app, 'push button', 'Add a role')) is not None, 'the role list has Add a role')
resize(800, 600)
gstap.screenshot(SHOTS, 'comp-design-800-before')
resize(1280, 800)

# A role: "New role", selected, its editor shown.
button('Add a role').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'Role name') is not None
           and find(app, 'push button', 'Remove New role') is not None) is True,
      'Add a role makes "New role" and selects it (Remove New role)')

# A component: at 0 %, then 20 %.
button('Add a component to New role').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'Team bookings: weight')) is not None,
      'Add Component makes a component on team bookings, at 0 %')

# A SPIF at 750.00 per event, and a draw of 3,000.00 a month.
button('Add a SPIF to New role').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'SPIF New SPIF: amount per event')) is not None,
      'Add SPIF makes SPIF 1 "New SPIF"')
type_into('SPIF New SPIF: amount per event', '750')
# What qualifies: a rule instead of the CRM's tags, deals of 24 months or more.
button('SPIF New SPIF: qualify deals by a rule').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'SPIF New SPIF: shortest qualifying term')) is not None,
      'Add Rule shows the rule\'s conditions')
type_into('SPIF New SPIF: shortest qualifying term', '24')
button('Add a draw to New role').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'New role: draw a month')) is not None, 'Add Draw makes a draw')
# (Typing into each field scrolls for a minute on a loaded machine: the
# SPIF's amount is typed, the draw keeps the engine's default, a twelfth of
# the target incentive.)
reveal('text', 'New role: draw a month')
gstap.screenshot(SHOTS, 'comp-design-1280')

plan = saved()
role = plan['compensation']['roles'][5]
check(role['id'] == 'new-role' and [c['measure'] for c in role['components']] == ['own_bookings', 'team_bookings'],
      'saved: new-role on own and team bookings: %r' % [c['measure'] for c in role['components']])
check([c['weight'] for c in role['components']] == [1, 0], 'weights 100 / 0 %%: %r'
      % [c['weight'] for c in role['components']])
check(role.get('spifs', [{}])[0].get('amount') == '750.00', 'the SPIF pays 750.00: %r' % role.get('spifs'))
check(role.get('spifs', [{}])[0].get('qualifies') == {'min_term_months': 24} and plan['version'] == '1.3',
      'the SPIF qualifies deals of 24 months or more, the plan is format 1.3: %r, %r'
      % (role.get('spifs', [{}])[0].get('qualifies'), plan['version']))
check(role.get('draw') == {'amount': '4166.67', 'months': 3, 'recoverable': True},
      'the draw: 50,000.00 ÷ 12 = 4,166.67 for 3 months, recoverable: %r' % role.get('draw'))

# The payout shown is goalsheet-cli payout's for the same role and attainment.
total, pct = shown_total()
out = subprocess.run([CLI, 'payout', plan_path, '--role', 'new-role', '--attainment',
                      str(float(pct) / 100 if pct else 1)],
                     capture_output=True, text=True, env=dict(os.environ, LC_ALL='C.UTF-8')).stdout
cli_total = next((line.split(': ', 1)[1].strip() for line in out.splitlines()
                  if 'Variable pay for the year:' in line), None)
# The window's cells carry the plan's currency (USD); payout's trace names it once.
check(bool(total) and total == '$' + (cli_total or ''),
      'the window shows %s at %s %%, goalsheet-cli payout says %s (in USD)' % (total, pct, cli_total))

# No widening: the new rows fit the columns, so at 1280×800 the window stays
# 1,280 px wide.  (At 800×600 the window is clipped by its minimum width,
# as before these editors: the screenshots show both.)
resize(800, 600)
gstap.screenshot(SHOTS, 'comp-design-800')
width_after = resize(1280, 800)
check(width_after == 1280, 'at 1280×800 the window is %d px wide with the new rows' % width_after)

# Remove the role, then undo.
button('Remove New role').doActionNamed('click')
check(poll(lambda: gone('push button', 'Remove New role')) is True, 'Remove takes the role away')
check(poll(lambda: label_like('^New role$') is None) is True, 'the role list no longer shows New role')
key('ctrl+z')
check(poll(lambda: label_like('^New role$')) is not None, 'Ctrl+Z brings the role back')
plan = saved()
check(plan['compensation']['roles'][5] == role, 'the role is back as it was, SPIF and draw included')

proc.kill()
proc.wait()
shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
