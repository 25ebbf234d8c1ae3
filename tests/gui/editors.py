#!/usr/bin/python3
# Sources and staffing made in the real window (issue 14): on the seed-saas
# example, a source added, named, removed; Partner referrals moved to enter at
# Opportunity; SDR outbound's own SQL → Opportunity rate set; a refusal in
# words; AE and SDR hire batches added and removed; the AE ramp made longer;
# the backlog decay (absent from the file) typed.
# The saved file holds the engine's figures (worked by hand in
# tests/test-plan-edits.c and tests/test-staffing-edits.c).  Run by
# tests/gui/with-display.py (tests/meson.build).  TAP.
#
#   editors.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402
from gstap import check, finish, key, poll  # noqa: E402

run = gstap.Run('editors')
APP, SHOTS, work = run.app, run.shots, run.work
app_env, tree, find = run.env, run.tree, run.find

plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(run.example('seed-saas.goalsheet'), plan_path)
proc = subprocess.Popen([APP, plan_path], env=app_env, stderr=open(os.path.join(work, 'app.log'), 'a'))
app = poll(lambda: tree.root.application('goalsheet'), 60)
if not app:
    print('Bail out! the app did not appear on the accessibility bus')
    sys.exit(1)


def button(name):
    """A push button by its accessible name (dogtail adds its label after it)."""
    return poll(lambda: find(app, 'push button', name))


def gone(role, name):
    return find(app, role, name) is None


def labels():
    return gstap.labels(app)


def reveal(role, name, room=20):
    return run.reveal(app, role, name, room)


def type_into(title, text):
    run.type_into(app, title, text)


def saved():
    """Saves with Ctrl+S and reads the file once it holds the window's plan
    (its modification time moves)."""
    before = os.stat(plan_path).st_mtime_ns
    key('ctrl+s')
    if not poll(lambda: os.stat(plan_path).st_mtime_ns != before, 60):
        gstap.screenshot(SHOTS, 'editors-save-failed')
    with open(plan_path) as f:
        return json.load(f)


key('alt+1')
# Sources: add one, name it, and see its rows.
button('Add a lead source').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'New source: name')) is not None, 'Add Source makes a row "New source"')
type_into('New source: name', 'Events')
check(poll(lambda: find(app, 'text', 'Events: share of new business')) is not None,
      'renamed, its fields say "Events"')
# A source needs a name: the refusal in words, under the group.
type_into('SDR outbound: name', '')
check(poll(lambda: 'A lead source needs a name (it was “SDR outbound”)' in labels()) is True,
      'an empty name is refused in words, naming the source')
key('Escape')

# Partner referrals enter at Opportunity: the drop-down, then the item.
# With room under it for the list of stages, which opens below it.
# The list opens on its first stage (Lead): Opportunity is three down.
reveal('combo box', 'Partner referrals: enters at', 300).click()
key('Down', 'Down', 'Down', 'Return')
check(poll(lambda: find(app, 'text', 'Partner referrals: Cost per Opportunity')) is not None,
      'Partner referrals enter at Opportunity: its cost is per Opportunity')
gstap.screenshot(SHOTS, 'editors-sources')

# SDR outbound's own SQL → Opportunity rate: 50 % → 45 %.
type_into('SDR outbound: own rate SQL → Opportunity', '45')
button('Remove Events').doActionNamed('click')
check(poll(lambda: gone('text', 'Events: name')) is True, 'Remove Events takes its rows away')

plan = saved()
src = plan['sources']
check([s['id'] for s in src] == ['inbound', 'outbound', 'partner'], 'three sources saved: %r'
      % [s['id'] for s in src])
check(src[2]['entry_stage'] == 'opportunity' and src[2]['cost_per_lead'] == '250.00'
      and abs(src[2]['planned_volume'][0] - 2.4) < 1e-9,
      'partner enters at opportunity: 4 × 60 %% = 2.4 a month at 150.00 ÷ 60 %% = 250.00: %r %r %r'
      % (src[2]['entry_stage'], src[2]['cost_per_lead'], src[2]['planned_volume'][0]))
check(src[1].get('rates') == {'sql': 0.45}, 'outbound\'s own SQL rate is 45 %%: %r' % src[1].get('rates'))

# Staffing: a third AE batch, the first removed, the ramp five months, an SDR batch.
button('Add a batch of AE hires').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'AE hires, batch 3')) is not None, 'Add AE Hires makes batch 3')
type_into('AE hires, batch 3', '2')
button('Remove AE hire batch 1').doActionNamed('click')
check(poll(lambda: gone('text', 'AE hires, batch 3')) is True, 'removing batch 1 leaves two batches')
button('Lengthen the AE ramp by a month').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'AE productivity in ramp month 5')) is not None,
      'the ramp is five months long')
# Backlog decay (not in the example's file: empty, "0" shown greyed): 25 %
# (before the SDR batch, the edit Ctrl+Z takes back below).
type_into('Backlog decay: share of the wins waiting for an AE lost each month', '25')
button('Add a batch of SDR hires').doActionNamed('click')
check(poll(lambda: find(app, 'text', 'SDR hires, batch 2')) is not None, 'Add SDR Hires makes batch 2')
reveal('text', 'AE productivity in ramp month 5')
gstap.screenshot(SHOTS, 'editors-staffing')

plan = saved()
ae, sdr = plan['capacity']['ae'], plan['capacity']['sdr']
check(ae['hires'] == [{'month': '2027-07', 'count': 1}, {'month': '2027-08', 'count': 2}],
      'AE batches saved: July × 1, August × 2: %r' % ae['hires'])
check(ae['ramp'] == [0, 0.25, 0.5, 0.75, 0.875], 'the ramp: 0, 25, 50, 75, 87.5 %%: %r' % ae['ramp'])
check(abs(ae.get('backlog_decay', 0) - 0.25) < 1e-9,
      'the backlog decay typed as 25 %% is saved as 0.25: %r' % ae.get('backlog_decay'))
check(sdr['hires'] == [{'month': '2027-05', 'count': 1}, {'month': '2027-06', 'count': 1}],
      'SDR batches: May and June: %r' % sdr['hires'])
check([o['path'] for o in plan['scenarios'][1]['overrides']] == ['funnel.steps[1].rate', 'capacity.ae.hires[0].month'],
      'the "worst" scenario\'s second batch follows it to batch 1')

# Undo walks the edits back one at a time: the SDR batch first.
key('ctrl+z')
check(poll(lambda: gone('text', 'SDR hires, batch 2')) is True, 'Ctrl+Z takes the SDR batch back')

proc.kill()
proc.wait()
shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
