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

proc.kill()
proc.wait()
shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
