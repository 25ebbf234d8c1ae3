#!/usr/bin/python3
# End-to-end test of the goalsheet window, driven like a person would:
# keys through xdotool, what is on screen read back through AT-SPI (dogtail).
# Run by tests/gui/with-display.py (a display and D-Bus session of its own;
# tests/meson.build).
#
#   e2e.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
#
# Every expected figure comes from the engine itself (goalsheet-cli compute
# --json on the same plan), never from numbers written here.
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gstap import key  # noqa: E402

BUILD, SOURCE = sys.argv[1], sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
APP = os.path.join(BUILD, 'src', 'gui', 'goalsheet')
CLI = os.path.join(BUILD, 'src', 'cli', 'goalsheet-cli')
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402
EXAMPLE = os.path.join(SOURCE, 'data', 'examples', 'mid-market.goalsheet')

work = tempfile.mkdtemp(prefix='goalsheet-e2e-')
app_env = dict(os.environ, GSETTINGS_BACKEND='memory', GDK_BACKEND='x11', LC_ALL='C.UTF-8',
               XDG_DATA_HOME=work,
               GTK_A11Y='atspi', G_DEBUG='fatal-criticals')  # a critical is a failure
app_env.pop('NO_AT_BRIDGE', None)
tree = gstap.dogtail_tree(work)
check = gstap.check


def poll(fn, timeout=15.0):
    return gstap.poll(fn, timeout)


def start(path):
    proc = subprocess.Popen([APP, path], env=app_env, stderr=open(os.path.join(work, 'app.log'), 'a'))
    app = poll(lambda: tree.root.application('goalsheet'), 60)  # a cold start
    if not app:
        print('Bail out! the app did not appear on the accessibility bus')
        sys.exit(1)
    poll(lambda: figure(app, 'Wins'))
    return proc, app


def stop(proc):
    proc.kill()
    proc.wait()


def figure(app, name):
    """The text of the figure whose accessible name is 'NAME: VALUE [delta]'."""
    node = app.findChild(lambda n: n.roleName in ('push button', 'toggle button')
                         and n.name.startswith(name + ': '), retry=False, requireResult=False)
    if node is None:
        return None
    return node.name[len(name) + 2:]


def value_of(app, name):
    text = figure(app, name)
    return text.split(' ')[0] if text else None


def compute(path):
    out = subprocess.run([CLI, 'compute', '--json', path], capture_output=True, text=True, check=True)
    return {line['id']: line for line in json.loads(out.stdout)['lines']}


def count_total(lines, line_id):
    return '{:,}'.format(lines[line_id]['total']['count'])


def title(app):
    frames = [c for c in app.children if c.roleName == 'frame']
    return frames[0].name if frames else ''


def screenshot(name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        wid = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', 'Goalsheet'],
                             capture_output=True, text=True).stdout.split()
        target = wid[0] if wid else 'root'
        subprocess.run(['import', '-window', target, os.path.join(SHOTS, name + '.png')], check=False)


def p_hit(app):
    # A percent by docs/rounding.md's rule: at most one decimal ("27 %", "27.3 %").
    label = app.findChild(lambda n: n.roleName == 'label'
                          and re.fullmatch(r'\d+(\.\d)? %', n.name) is not None,
                          retry=False, requireResult=False)
    return label.name if label else None


def set_deal(value):
    # Alt+2 shows the Funnel page, Alt+D puts the cursor in the deal size.
    key('alt+2', 'alt+d', 'ctrl+a', 'type:' + value, 'Return')


def edited_copy(deal):
    with open(EXAMPLE) as f:
        plan = json.load(f)
    plan['funnel']['deal_size'] = deal
    path = os.path.join(work, 'expected-%s.goalsheet' % deal)
    with open(path, 'w') as f:
        json.dump(plan, f)
    return compute(path)


plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(EXAMPLE, plan_path)
before = compute(plan_path)
after = edited_copy('75000.00')

proc, app = start(plan_path)
check(value_of(app, 'Wins') == count_total(before, 'sales.stage.won'),
      'sheet shows the engine\'s wins: %s' % value_of(app, 'Wins'))
check('•' not in title(app), 'a freshly opened plan is not marked dirty: ' + title(app))

# Change an input through the UI: typed with the English grouping, as the
# field shows its figure ("$75,000").
set_deal('75,000')
key('alt+1')
want_wins = count_total(after, 'sales.stage.won')
want_leads = count_total(after, 'marketing.stage.lead')
check(poll(lambda: value_of(app, 'Wins') == want_wins), 'Targets sheet wins follow the edit: %s (engine %s)' % (value_of(app, 'Wins'), want_wins))
check(value_of(app, 'Leads') == want_leads, 'Targets sheet leads follow the edit: %s (engine %s)' % (value_of(app, 'Leads'), want_leads))
check(want_wins != count_total(before, 'sales.stage.won'), 'the edit changes the wins')
check(title(app).endswith('•'), 'the title shows the unsaved marker: ' + title(app))
key('alt+3')
check(poll(lambda: value_of(app, 'Leads, total') == want_leads), 'Marketing page leads total: %s (engine %s)' % (value_of(app, 'Leads, total'), want_leads))
check(value_of(app, 'MQLs, total') == count_total(after, 'marketing.stage.mql'), 'Marketing page MQLs total')
key('alt+4')
check(poll(lambda: value_of(app, 'Wins, total') == want_wins), 'Sales page wins total: %s (engine %s)' % (value_of(app, 'Wins, total'), want_wins))
check(value_of(app, 'Opportunities, total') == count_total(after, 'sales.stage.opportunity'), 'Sales page opportunities total')

# An invalid value is refused at the field with the engine's message.
set_deal('-5')
message = poll(lambda: ' '.join(n.name for n in app.findChildren(
    lambda n: n.roleName == 'label' and n.name.startswith('Deal size: '), recursive=True)))
check(bool(message) and 'funnel.deal_size' not in message,
      'refused value shows the engine message at the field, naming it in words: %r' % message)
key('Escape', 'alt+1')
check(value_of(app, 'Wins') == want_wins, 'a refused value changes nothing')

# Undo and redo.
key('alt+1', 'ctrl+z')
check(poll(lambda: value_of(app, 'Wins') == count_total(before, 'sales.stage.won')), 'undo restores the wins: %s' % value_of(app, 'Wins'))
key('ctrl+shift+z')
check(poll(lambda: value_of(app, 'Wins') == want_wins), 'redo applies the edit again')

# Save, then reload in a fresh process.
key('ctrl+s')
time.sleep(1)
with open(plan_path) as f:
    saved = json.load(f)
check(saved['funnel']['deal_size'] == '75000.00', 'saved file holds the new deal size: %s' % saved['funnel']['deal_size'])
check(poll(lambda: not title(app).endswith('•')), 'saved plan is no longer marked dirty')
stop(proc)

proc, app = start(plan_path)
check(value_of(app, 'Wins') == want_wins, 'reopened plan shows the saved figures')

# Meeting mode: baseline, then a change shows its delta on both sides.
key('ctrl+m')
check(poll(lambda: any('Meeting mode' in (n.name or '') for n in app.findChildren(lambda n: n.roleName == 'label', recursive=True))), 'meeting mode bar is shown')
set_deal('60000')
key('alt+1')
wins = poll(lambda: figure(app, 'Wins') if '↑' in (figure(app, 'Wins') or '') else None)
check(wins is not None, 'wins show a rise against the baseline: %s' % wins)
leads = figure(app, 'Leads') or ''
check('↑' in leads, 'leads (marketing side) show their delta too: %s' % leads)
# The simulation runs in the background and fills P(hit) in the strip.
key('ctrl+r')
check(poll(lambda: p_hit(app), 60) is not None, 'the simulation fills P(hit): %s' % p_hit(app))
key('alt+1')
screenshot('targets')
for n, page in ((2, 'funnel'), (3, 'marketing'), (4, 'sales'), (5, 'compensation'), (6, 'scenarios')):
    key('alt+%d' % n)
    time.sleep(0.5)
    screenshot(page)
    if page == 'compensation':
        pay = poll(lambda: ' '.join(n.name for n in app.findChildren(
            lambda n: n.roleName == 'label' and n.name.endswith('variable pay per person'), recursive=True)))
        check(bool(pay), 'the compensation page shows the engine\'s payout: %s' % pay)


def actuals_shown():
    """The view switcher's Actuals tab is the selected one (GTK 4.8 does not
    keep 'showing' on the accessibility bus; the tabs say 'selected')."""
    import pyatspi
    tabs = app.findChildren(lambda n: n.roleName == 'page tab' and n.name == 'Actuals', recursive=True)
    return bool(tabs) and all(t.getState().contains(pyatspi.STATE_SELECTED) for t in tabs)


# Alt+8: the Actuals page (Plan Versus Actual), like the other pages' Alt+number.
check(not actuals_shown(), 'the Actuals page is not on screen on Scenarios')
key('alt+8')
check(poll(lambda: actuals_shown()) is True, 'Alt+8 shows the Actuals page')
screenshot('actuals')
stop(proc)

# A bad file: a dialog naming the field, and a usable window.
bad = os.path.join(work, 'bad.goalsheet')
with open(EXAMPLE) as f:
    plan = json.load(f)
plan['funnel']['steps'][1]['rate'] = 1.7
with open(bad, 'w') as f:
    json.dump(plan, f)
proc = subprocess.Popen([APP, bad], env=app_env, stderr=open(os.path.join(work, 'app.log'), 'a'))
app = poll(lambda: tree.root.application('goalsheet'), 60)
dialog_text = poll(lambda: ' '.join(n.name for n in app.findChildren(
    lambda n: n.roleName == 'label' and 'funnel.steps[1].rate' in n.name, recursive=True)))
check(bool(dialog_text), 'opening a bad file names the field: %s' % dialog_text)
# Started with no other window, the one behind it is the welcome window.
check(bool(poll(lambda: app.findChild(lambda n: n.roleName == 'push button' and 'Open Example' in n.name,
                                      retry=False, requireResult=False))),
      'the window behind the message is usable (the welcome window)')
stop(proc)

shutil.rmtree(work, ignore_errors=True)
sys.exit(gstap.finish())
