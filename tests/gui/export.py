#!/usr/bin/python3
# File ▸ Export to Excel in the real app: the action opens the save dialog
# with the plan's name, Export writes a complete workbook next to the plan,
# and a toast says so.  Both example plans.  TAP output.
# Run by tests/gui/with-display.py (a display and D-Bus session of its own;
# tests/meson.build):
#
#   export.py BUILD_DIR SOURCE_DIR
#
# The action is activated over D-Bus (org.gtk.Actions, the path the menu item
# takes); the dialog is answered with xdotool.
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

BUILD, SOURCE = sys.argv[1], sys.argv[2]
APP = os.path.join(BUILD, 'src', 'gui', 'goalsheet')
APP_ID = 'org.goalsheet.Goalsheet'
APP_PATH = '/org/goalsheet/Goalsheet'
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402

work = tempfile.mkdtemp(prefix='goalsheet-export-gui-')
log_path = os.path.join(work, 'app.log')
env = dict(os.environ, XDG_DATA_HOME=work, XDG_CONFIG_HOME=work, GSETTINGS_BACKEND='memory',
           GDK_BACKEND='x11', LC_ALL='C.UTF-8', G_DEBUG='fatal-criticals',
           G_MESSAGES_DEBUG='Goalsheet', NO_AT_BRIDGE='1', GTK_A11Y='none',
           GTK_USE_PORTAL='0')

check, poll = gstap.check, gstap.poll


def windows(name):
    r = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', name],
                       capture_output=True, text=True, env=env)
    return r.stdout.split()


def win_activate(action):
    return subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                           APP_PATH + '/window/1', '--method', 'org.gtk.Actions.Activate', action,
                           '[]', '{}'], capture_output=True, text=True, env=env,
                          timeout=30).returncode == 0


def sheets(path):
    try:
        with zipfile.ZipFile(path) as z:
            return re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
    except (OSError, KeyError, zipfile.BadZipFile):
        return []


examples = ['seed-saas', 'mid-market']
print('1..%d' % (4 * len(examples) + 1), flush=True)
for name in examples:
    plan = os.path.join(work, name + '.goalsheet')
    out = os.path.join(work, name + '.xlsx')
    shutil.copy(os.path.join(SOURCE, 'data', 'examples', name + '.goalsheet'), plan)
    log = open(log_path, 'a')
    app = subprocess.Popen([APP, plan], env=env, stdout=log, stderr=log)
    wins = poll(lambda: windows(name + '.goalsheet'), 60)  # a cold start on a busy machine
    if not check(bool(wins), 'the app opens %s' % name):
        app.kill()
        continue
    poll(lambda: win_activate('export'), 10)
    dialog = poll(lambda: windows('Export to Excel'), 15)
    check(bool(dialog), '%s: Export opens the save dialog' % name)
    if dialog:
        subprocess.run(['xdotool', 'windowfocus', '--sync', dialog[0]], env=env)
        time.sleep(0.5)
        # The name is suggested ("NAME.xlsx" in the plan's folder): Return exports.
        subprocess.run(['xdotool', 'key', '--clearmodifiers', 'Return'], env=env)
    got = poll(lambda: sheets(out), 20) or []
    check(got[:6] == ['Inputs', 'Targets', 'Funnel', 'Marketing goals', 'Sales goals', 'Capacity'],
          '%s: %s.xlsx is written next to the plan with its sheets: %r' % (name, name, got))
    check(not [f for f in os.listdir(work) if f.startswith('.' + name)],
          '%s: no temporary file is left beside it' % name)
    app.terminate()
    try:
        app.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()

text = open(log_path, encoding='utf-8').read()
bad = [line for line in text.splitlines() if re.search(r'WARNING|CRITICAL', line)]
check(not bad, 'no GLib/GTK warning or critical in the sessions: %r' % bad[:5])
shutil.rmtree(work, ignore_errors=True)
sys.exit(gstap.finish(planned=True))
