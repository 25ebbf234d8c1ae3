#!/usr/bin/python3
# A sign-off that means something, in the real window: both VPs sign the
# mid-market example, Lead→MQL goes from 20 % to 22 %, both signatures say
# "Changed since signed"; undo takes the mark away; signing again after the
# change clears it for that side only.  Run by tests/gui/with-display.py
# (tests/meson.build).  TAP.
#
#   signoff.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gstap import check, finish, key, poll  # noqa: E402
import gstap  # noqa: E402

run = gstap.Run('signoff')
APP, CLI, SHOTS, work = run.app, run.cli, run.shots, run.work
EXAMPLE = run.example('mid-market.goalsheet')
app_env, tree, node = run.env, run.tree, run.find


def marks(app):
    return len(app.findChildren(lambda n: n.roleName == 'label' and n.name == 'Changed since signed',
                                recursive=True))


def sign(app, role, name):
    entry = poll(lambda: node(app, 'text', 'Name of the %s signing' % role))
    entry.click()
    key('ctrl+a', 'type:' + name, 'Return')


plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(EXAMPLE, plan_path)
proc = subprocess.Popen([APP, plan_path], env=app_env, stderr=open(os.path.join(work, 'app.log'), 'a'))
app = poll(lambda: tree.root.application('goalsheet'), 60)
if not app:
    print('Bail out! the app did not appear on the accessibility bus')
    sys.exit(1)

key('alt+1')
sign(app, 'VP Marketing', 'Dana Whitfield')
sign(app, 'VP Sales', 'Sam Ortiz')
check(poll(lambda: node(app, 'push button', 'Withdraw the sign-off of VP Sales')) is not None,
      'both VPs signed in the window')
check(marks(app) == 0, 'a fresh signature is not marked changed')

# Lead → MQL 20 % → 22 % on the Funnel page.
key('alt+2')
rate = poll(lambda: node(app, 'text', 'Lead → MQL conversion'))
rate.click()
key('ctrl+a', 'type:22', 'Return', 'alt+1')
check(poll(lambda: marks(app) == 2) is True, 'both signatures say "Changed since signed": %d' % marks(app))
check(node(app, 'push button', 'Sign again as VP Sales') is not None, 'each offers to sign again')
gstap.screenshot(SHOTS, 'signoff-changed')
key('ctrl+s')
time.sleep(1)
with open(plan_path) as f:
    saved = json.load(f)
check(saved['funnel']['steps'][0]['rate'] == 0.22, 'the edit is Lead → MQL 20 %% → 22 %%: %r'
      % saved['funnel']['steps'][0]['rate'])
out = subprocess.run([CLI, 'validate', plan_path], capture_output=True, text=True,
                     env=dict(os.environ, LC_ALL='C.UTF-8'))
check(out.returncode == 0 and out.stdout.count('changed since signed') == 2,
      'validate on the saved file names both changed signatures: %r' % out.stdout)

key('ctrl+z')
check(poll(lambda: marks(app) == 0) is True, 'undo takes the marks away: %d' % marks(app))
key('ctrl+shift+z')
check(poll(lambda: marks(app) == 2) is True, 'redo brings them back')

again = node(app, 'push button', 'Sign again as VP Sales')
again.doActionNamed('click')
check(poll(lambda: marks(app) == 1) is True, 'VP Sales signs again: only VP Marketing stays marked')
key('ctrl+s')
time.sleep(1)
with open(plan_path) as f:
    signoffs = json.load(f)['agreements']['signoffs']
check([s['fingerprint'] == signoffs[1]['fingerprint'] for s in signoffs] == [False, True]
      and all(s['fingerprint'].startswith('sha256:') for s in signoffs),
      'the file records each signature\'s fingerprint')
gstap.screenshot(SHOTS, 'signoff-resigned')

# The change log: each save that changed an input is an entry in the file,
# and File ▸ Change History lists it newest first, in words.
with open(plan_path) as f:
    history = json.load(f).get('history', [])
paths = [[c['path'] for c in e['changes']] for e in history]
check(len(history) == 2 and 'funnel.steps[0].rate' in paths[0]
      and 'agreements.signoffs[1].fingerprint' in paths[1],
      'the file logs both saves: the rate change, then the new signature: %r' % paths)
check(history[0]['changes'][[c['path'] for c in history[0]['changes']].index('funnel.steps[0].rate')]
      == {'path': 'funnel.steps[0].rate', 'from': 0.2, 'to': 0.22},
      'the log says Lead → MQL went from 20 % to 22 %')
env = dict(app_env)
check(subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.goalsheet.Goalsheet',
                      '--object-path', '/org/goalsheet/Goalsheet/window/1', '--method',
                      'org.gtk.Actions.Activate', 'history', '[]', '{}'],
                     capture_output=True, text=True, env=env, timeout=30).returncode == 0,
      'win.history opens the change history')
window = poll(lambda: node(app, 'frame', 'Change History') or node(app, 'dialog', 'Change History'))
check(window is not None, 'the Change History window is shown')
rows = poll(lambda: [n for n in window.findChildren(lambda n: ' — ' in (n.name or ''),
                                                    recursive=True)] or None) if window else None
check(rows is not None and len(rows) >= 2, 'it lists both saves: %r' % [r.name for r in rows or []])
if rows:
    rows[-1].click()
    change = poll(lambda: node(window, 'label', 'Lead → MQL rate: 20 % → 22 %'))
    check(change is not None, 'the oldest save opens to "Lead → MQL rate: 20 % → 22 %"')
else:
    check(False, 'the oldest save opens to its changes')
if SHOTS:  # the history is a window of its own: the whole screen
    subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, 'history.png')], check=False)

proc.kill()
proc.wait()
shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
