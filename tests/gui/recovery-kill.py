#!/usr/bin/python3
# The real app is killed with unsaved edits and started again: the edits were
# autosaved to a recovery file, the next start offers them, and restoring
# brings the plan back (docs/reliability.md).  TAP output.
# Run by tests/gui/with-display.py (a display and D-Bus session of its own;
# tests/meson.build):
#
#   recovery-kill.py BUILD_DIR SOURCE_DIR
#
# Keys go in through xdotool; the restore answer is the dialog's own action
# (app.recovery-restore) activated over D-Bus, the path its Restore button
# takes.  G_DEBUG=fatal-criticals, and the app's log must hold no warning.
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402

BUILD, SOURCE = sys.argv[1], sys.argv[2]
APP = os.path.join(BUILD, 'src', 'gui', 'goalsheet')
SEED = os.path.join(SOURCE, 'data', 'examples', 'seed-saas.goalsheet')
APP_ID = 'org.goalsheet.Goalsheet'
APP_PATH = '/org/goalsheet/Goalsheet'

work = tempfile.mkdtemp(prefix='goalsheet-recovery-')
recovery_dir = os.path.join(work, 'goalsheet', 'recovery')
log_path = os.path.join(work, 'app.log')
env = dict(os.environ, XDG_DATA_HOME=work, XDG_CONFIG_HOME=work, GSETTINGS_BACKEND='memory',
           GDK_BACKEND='x11', LC_ALL='C.UTF-8', G_DEBUG='fatal-criticals',
           G_MESSAGES_DEBUG='Goalsheet', NO_AT_BRIDGE='1', GTK_A11Y='none')
env.pop('GOALSHEET_RECOVERY_DIR', None)
plan = os.path.join(work, 'q3.goalsheet')
shutil.copy(SEED, plan)

check = gstap.check
poll = gstap.poll


def windows(name):
    r = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', name],
                       capture_output=True, text=True, env=env)
    return r.stdout.split()


def start(*args):
    log = open(log_path, 'a')  # g_debug goes to stdout, warnings to stderr
    return subprocess.Popen([APP, *args], env=env, stdout=log, stderr=log)


def recovery_files():
    if not os.path.isdir(recovery_dir):
        return []
    return [os.path.join(recovery_dir, f) for f in os.listdir(recovery_dir)
            if f.endswith('.goalsheet-recovery')]


def recovery_text():
    files = recovery_files()
    return open(files[0], encoding='utf-8').read() if len(files) == 1 else ''


def list_recovery():
    r = subprocess.run([APP, '--list-recovery'], capture_output=True, text=True, env=env,
                       timeout=30)
    return [line for line in r.stdout.splitlines() if line.strip()]


def gdbus_activate(action):
    return subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                           APP_PATH, '--method', 'org.gtk.Actions.Activate', action, '[]', '{}'],
                          capture_output=True, text=True, env=env, timeout=30).returncode == 0


def win_activate(window_path, action, arg):
    return subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                           window_path, '--method', 'org.gtk.Actions.Activate', action,
                           "[<'%s'>]" % arg, '{}'],
                          capture_output=True, text=True, env=env, timeout=30).returncode == 0



# 1. Open a plan and change the deal size, as a person would.
app = start(plan)
wins = poll(lambda: windows('q3.goalsheet'), 60)  # a cold start on a busy machine
if not check(bool(wins), 'the app opens q3.goalsheet'):
    print('Bail out! no window (see %s)' % log_path)
    sys.exit(1)
subprocess.run(['xdotool', 'windowfocus', '--sync', wins[0]], env=env)
win_activate(APP_PATH + '/window/1', 'goto-input', 'funnel.deal_size')
time.sleep(0.5)
subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+a'], env=env)
subprocess.run(['xdotool', 'type', '--delay', '30', '31000'], env=env)
subprocess.run(['xdotool', 'key', 'Return'], env=env)
check(bool(poll(lambda: windows('q3.goalsheet •'), 10)), 'the edit makes the plan dirty')

# 2. A few seconds later the edit is in a recovery file; the plan on disk is untouched.
text = poll(lambda: '"31000.00"' in recovery_text() and recovery_text(), 15)
check(bool(text), 'the unsaved edit is autosaved to a recovery file after the idle delay')
check('"25000.00"' in open(plan, encoding='utf-8').read(), 'the plan file itself is unchanged')

# 3. Kill the app: the recovery file stays and is offered.
app.send_signal(signal.SIGKILL)
app.wait()
listed = list_recovery()
check(len(listed) == 1 and plan in listed[0], '--list-recovery offers it after SIGKILL: %r' % listed)

# 4. Start again: the restore offer appears; restoring reopens the plan, still dirty.
app = start()
offered = poll(lambda: 'offering to restore 1 plan' in open(log_path, encoding='utf-8').read())
check(bool(offered), 'the next start offers to restore it')
poll(lambda: gdbus_activate('recovery-restore'), 10)
check(bool(poll(lambda: windows('q3.goalsheet •'), 15)), 'Restore reopens q3.goalsheet with the edit unsaved')
pid_ok = poll(lambda: re.search(r'"pid": %d\b' % app.pid, recovery_text()), 10)
check(bool(pid_ok) and '"31000.00"' in recovery_text(),
      'the restored plan keeps its recovery file, now owned by the new process')
check(list_recovery() == [], 'a running app\'s autosave is not offered to another start')

# 5. A second kill before any new edit still loses nothing.
app.send_signal(signal.SIGKILL)
app.wait()
check(len(list_recovery()) == 1, 'after a second SIGKILL the edit is still offered')

# 6. Restore once more, save, quit: the plan file has the edit, nothing is left to recover.
app = start()
poll(lambda: open(log_path, encoding='utf-8').read().count('offering to restore 1 plan') >= 2)
poll(lambda: gdbus_activate('recovery-restore'), 10)
restored = poll(lambda: windows('q3.goalsheet •'), 15)
saved = False
for n in range(1, 6):  # the restored window's number on the bus
    win_activate_noarg = subprocess.run(
        ['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
         '%s/window/%d' % (APP_PATH, n), '--method', 'org.gtk.Actions.Activate', 'save', '[]',
         '{}'], capture_output=True, text=True, env=env, timeout=30)
    if win_activate_noarg.returncode == 0 and poll(lambda: windows('q3.goalsheet$'), 3):
        saved = True
        break
check(bool(restored) and saved and '"31000.00"' in open(plan, encoding='utf-8').read(),
      'Save writes the restored edit to q3.goalsheet')
check(bool(poll(lambda: recovery_files() == [], 10)), 'a clean save removes the recovery file')
gdbus_activate('quit')
try:
    code = app.wait(timeout=20)
except subprocess.TimeoutExpired:
    app.kill()
    code = None
check(code == 0, 'the app quits cleanly (exit status %r)' % code)

log = open(log_path, encoding='utf-8').read()
bad = [line for line in log.splitlines() if re.search(r'WARNING|CRITICAL', line)]
check(not bad, 'no GLib/GTK warning or critical in the session: %r' % bad[:5])

shutil.rmtree(work, ignore_errors=True)
sys.exit(gstap.finish())
