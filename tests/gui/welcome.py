#!/usr/bin/python3
# The start without a file (issue 14): the welcome window, a new plan from a
# target through its form, and Open Example.  Run by tests/gui/with-display.py
# (tests/meson.build).  TAP.
#
#   welcome.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
#
# The new plan's figures are worked by hand in tests/test-new-plan.c: €1 M
# last year, 50 % growth, €10,000 deals: 150 wins; 5 AEs at a €400,000 quota.
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402
from gstap import check, finish, key, poll  # noqa: E402

run = gstap.Run('welcome')
APP, CLI, SHOTS, work = run.app, run.cli, run.shots, run.work
SEED = run.example('seed-saas.goalsheet')
app_env, tree, find = run.env, run.tree, run.find


def start():
    proc = subprocess.Popen([APP], env=app_env, stderr=open(os.path.join(work, 'app.log'), 'a'))
    app = poll(lambda: tree.root.application('goalsheet'), 60)
    if not app:
        print('Bail out! the app did not appear on the accessibility bus')
        sys.exit(1)
    return proc, app


def labels(app):
    return [n.name for n in app.findChildren(lambda n: n.roleName == 'label', recursive=True)]


def fill(app, title, text):
    row = poll(lambda: find(app, 'text', title))
    row.click()
    key('ctrl+a', 'BackSpace', 'type:' + text)


def figure(app, name):
    node = app.findChild(lambda n: n.roleName in ('push button', 'toggle button')
                         and n.name.startswith(name + ': '), retry=False, requireResult=False)
    return node.name[len(name) + 2:].split(' ')[0] if node else None


proc, app = start()
check(poll(lambda: 'Welcome to Goalsheet' in labels(app)) is True, 'without a file the app starts at the welcome page')
check(find(app, 'push button', 'Open Example') is not None, 'it offers the example')
gstap.screenshot(SHOTS, 'welcome')
find(app, 'push button', 'New Plan from a Target').doActionNamed('click')
fill(app, 'Company', 'Nordlicht GmbH')
fill(app, 'Currency (ISO code)', 'EUR')
fill(app, "Last year's bookings", '1000000')
fill(app, 'Growth (%)', 'twenty')
# The deal size is below the fold: Tab to it, as a person would.
key('Tab', 'type:10000')
find(app, 'push button', 'Create Plan').doActionNamed('click')
message = poll(lambda: [t for t in labels(app) if '“' in t])
check(message == ['Growth (%): “twenty” is not a number'], 'a wrong growth is named in the VP\'s words: %r' % message)
gstap.screenshot(SHOTS, 'welcome-form')
fill(app, 'Growth (%)', '50')
find(app, 'push button', 'Create Plan').doActionNamed('click')
wins = poll(lambda: figure(app, 'Wins'))
check(wins == '150', 'the new plan needs 150 wins (€1.5 M ÷ €10,000): %r' % wins)
check(figure(app, 'AEs on staff') is not None, 'the plan window replaced the welcome window')
check('Welcome to Goalsheet' not in labels(app), 'the welcome window is gone')
everything = ' '.join(labels(app))
check('Dana Whitfield' not in everything and 'Acme' not in everything,
      'nothing of the example comes along (no signature, no company name)')
check(find(app, 'text', 'Name of the VP Marketing signing') is not None
      and find(app, 'text', 'Name of the VP Sales signing') is not None, 'both VPs are asked to sign')
check(find(app, 'text', 'Company') is not None, 'the company name is a field on the Targets page')
key('alt+1')
gstap.screenshot(SHOTS, 'new-plan')
proc.kill()
proc.wait()

# Open Example: the seed plan, figures as the engine computes them.
want = json.loads(subprocess.run([CLI, 'compute', '--json', SEED], capture_output=True, text=True,
                                 check=True).stdout)
want_wins = next('{:,}'.format(line['total']['count']) for line in want['lines'] if line['id'] == 'sales.stage.won')
proc, app = start()
poll(lambda: find(app, 'push button', 'Open Example')).doActionNamed('click')
check(poll(lambda: figure(app, 'Wins')) == want_wins, 'Open Example shows the seed plan: %r wins' % figure(app, 'Wins'))
proc.kill()
proc.wait()

shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
