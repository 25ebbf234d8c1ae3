#!/usr/bin/python3
# The Statements page (docs/statements.md, "In the app"): the seed example
# with its HubSpot export imported; Tom Becker's FY28 Q1 statement in the
# window pays what goalsheet-cli statement --json says; a dispute note added
# on one of his credited deals shows on the line, then in FY28 Q2's statement
# as an open note of an earlier period; undo takes it away, redo brings it
# back; saved, the CLI prints it too.  Run by tests/gui/with-display.py
# (tests/meson.build).  TAP.
#
#   statements.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gstap import check, finish, key, poll  # noqa: E402
import gstap  # noqa: E402

run = gstap.Run('statements')
APP, CLI, SHOTS, work = run.app, run.cli, run.shots, run.work
node = run.find
PERSON, PERSON_INDEX = 'Tom Becker', 2
NOTE = 'The split on this deal was 90 percent'

plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(run.example('seed-saas.goalsheet'), plan_path)
crm = os.path.join(run.source, 'data', 'examples', 'crm')
cli_env = dict(os.environ, LC_ALL='C.UTF-8')
imp = subprocess.run([CLI, 'import', plan_path, '--deals', os.path.join(crm, 'seed-saas-hubspot-deals.csv'),
                      '--splits', os.path.join(crm, 'seed-saas-hubspot-splits.csv')],
                     capture_output=True, text=True, env=cli_env)
check(imp.returncode == 0, 'the seed example\'s HubSpot export imports: %s' % imp.stderr.strip())


def statement(period):
    out = subprocess.run([CLI, 'statement', plan_path, '--person', PERSON, '--period', period, '--json'],
                         capture_output=True, text=True, env=cli_env)
    return json.loads(out.stdout) if out.returncode == 0 else None


q1 = statement('FY28 Q1')
check(q1 is not None and q1['credits'], 'the CLI has Tom Becker\'s FY28 Q1 statement with credits')
paid = '$%s' % format(float(q1['paid']), ',.2f')
commission = [l for l in q1['lines'] if l['in_period'] and l['kind'] == 'commission'][0]
line_amount = '$%s' % format(float(commission['amount']), ',.2f')
deal = q1['credits'][0]['deal']

proc = subprocess.Popen([APP, plan_path], env=run.env, stderr=open(os.path.join(work, 'app.log'), 'a'))
app = gstap.app_ready(run.tree, lambda a: node(a, 'combo box', 'Statement of') is not None
                      or a.findChild(lambda n: n.roleName == 'frame', retry=False, requireResult=False))
if not app:
    gstap.bail('the app did not appear on the accessibility bus', os.path.join(work, 'app.log'))


def labels():
    return gstap.labels(app)


def label_with(text):
    return gstap.label_with(app, text)


def scroll(clicks):
    """Mouse wheel down (up when negative) over the page: a screenshot of
    what is below the fold."""
    subprocess.run(['xdotool', 'mousemove', '640', '500', 'click', '--repeat', str(abs(clicks)),
                    '--delay', '50', '5' if clicks > 0 else '4'], check=False)
    time.sleep(1)


def choose(name, downs):
    box = poll(lambda: node(app, 'combo box', name))
    box.click()
    time.sleep(0.5)
    key(*(['Home'] + ['Down'] * downs + ['Return']))


# Alt+7: the Statements page.  Its periods: FY28 Q1, its three months, FY28 Q2, …
key('alt+7')
check(poll(lambda: node(app, 'combo box', 'Statement of')) is not None, 'Alt+7 shows the Statements page')
choose('Statement of', PERSON_INDEX)
choose('Statement period', 0)
heading = poll(lambda: label_with('%s (' % PERSON))
check(bool(heading) and ('%s paid in the period' % paid) in heading[0],
      'the window pays %s in FY28 Q1, as goalsheet-cli statement --json says: %r' % (paid, heading))
check(poll(lambda: label_with(line_amount)) and True,
      'a commission line shows the CLI\'s %s for deal %s' % (line_amount, commission['deal']))
check(poll(lambda: label_with('Own bookings')) and True, 'the measures show own bookings')
gstap.screenshot(SHOTS, 'statements-q1')
scroll(15)
gstap.screenshot(SHOTS, 'statements-q1-pay')
scroll(30)
gstap.screenshot(SHOTS, 'statements-q1-trace')
scroll(-60)

# A dispute note on the first credited deal: the popover's text field.
button = poll(lambda: app.findChild(lambda n: n.name.startswith('Dispute %s · ' % deal), retry=False,
                                    requireResult=False))
check(button is not None, 'the credit line of %s offers a dispute note' % deal)
if button:
    button.click()
    entry = poll(lambda: node(app, 'text', 'Dispute note'))
    check(entry is not None, 'the popover asks for the note')
    if entry:
        entry.text = NOTE
        add = poll(lambda: node(app, 'push button', 'Add Note'))
        check(add is not None, 'it has Add Note')
        if add:
            add.doActionNamed('click')
check(poll(lambda: label_with('Note (open): ' + NOTE)) and True, 'the note shows on the line')
gstap.screenshot(SHOTS, 'statements-note')

choose('Statement period', 4)
earlier = poll(lambda: label_with('From FY28 Q1: Deal %s, credit — open' % deal))
check(bool(earlier) and NOTE in earlier[0], 'FY28 Q2\'s statement shows the open note from FY28 Q1: %r'
      % earlier)
scroll(10)
gstap.screenshot(SHOTS, 'statements-next')
scroll(-30)
key('ctrl+z')
check(poll(lambda: not label_with(NOTE)) is True, 'undo takes the note away')
key('ctrl+shift+z')
check(poll(lambda: label_with(NOTE)) and True, 'redo brings it back')
key('ctrl+s')
time.sleep(1)
q2 = statement('FY28 Q2')
notes = q2['notes'] if q2 else []
check(len(notes) == 1 and notes[0]['text'] == NOTE and notes[0]['earlier'] and notes[0]['deal'] == deal
      and notes[0]['period'] == 'FY28 Q1', 'saved, goalsheet-cli statement prints the note in FY28 Q2: %r'
      % notes)

proc.kill()
proc.wait()
shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
