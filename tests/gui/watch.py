#!/usr/bin/python3
# The app watches its plan file (docs/reliability.md, "The plan changed on
# disk"): another program's save while the plan is open offers Reload or
# Keep Mine; Reload shows the new figures; Keep Mine then Save writes this
# window's version; a Save over a newer file asks first (Cancel keeps the
# file, Replace writes); a second app instance (another process) is told of
# the first one's save, and its own Save asks.  TAP output.
# Run by tests/gui/with-display.py (a display and D-Bus session of its own;
# tests/meson.build):
#
#   watch.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
#
# The first app is read and clicked through AT-SPI (dogtail); edits are keys
# (xdotool); win.save goes over D-Bus.  The second instance runs under a
# D-Bus session of its own (else it would hand the file to the first one)
# and is followed through its debug log.
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402

# How long a state may take to show: generous, since a loaded machine is
# slow and a poll returns as soon as the state is there.
WAIT = 60

BUILD, SOURCE = sys.argv[1], sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
APP = os.path.join(BUILD, 'src', 'gui', 'goalsheet')
CLI = os.path.join(BUILD, 'src', 'cli', 'goalsheet-cli')
SEED = os.path.join(SOURCE, 'data', 'examples', 'seed-saas.goalsheet')
APP_ID = 'org.goalsheet.Goalsheet'
WINDOW = '/org/goalsheet/Goalsheet/window/1'

work = tempfile.mkdtemp(prefix='goalsheet-watch-')
log_a = os.path.join(work, 'a.log')
log_b = os.path.join(work, 'b.log')
plan = os.path.join(work, 'q3.goalsheet')
shutil.copy(SEED, plan)
app_env = dict(os.environ, XDG_DATA_HOME=work, GSETTINGS_BACKEND='memory', GDK_BACKEND='x11',
               LC_ALL='C.UTF-8', G_DEBUG='fatal-criticals', G_MESSAGES_DEBUG='Goalsheet',
               GTK_A11Y='atspi')
app_env.pop('NO_AT_BRIDGE', None)
tree = gstap.dogtail_tree(work)
check, poll = gstap.check, gstap.poll


def deal_on_disk():
    with open(plan, encoding='utf-8') as f:
        return json.load(f)['funnel']['deal_size']


def write_externally(deal):
    """Another program's save: the plan with another deal size, renamed over."""
    with open(plan, encoding='utf-8') as f:
        data = json.load(f)
    data['funnel']['deal_size'] = deal
    tmp = plan + '.other'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(data, f, indent=2)
    os.rename(tmp, plan)


def wins_for(deal):
    """The engine's wins for the plan with this deal size (goalsheet-cli)."""
    with open(plan, encoding='utf-8') as f:
        data = json.load(f)
    data['funnel']['deal_size'] = deal
    path = os.path.join(work, 'expected.goalsheet')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(data, f)
    out = subprocess.run([CLI, 'compute', '--json', path], capture_output=True, text=True,
                         check=True)
    lines = {line['id']: line for line in json.loads(out.stdout)['lines']}
    return '{:,}'.format(lines['sales.stage.won']['total']['count'])


def wins(app):
    def read():
        node = app.findChild(lambda n: n.roleName in ('push button', 'toggle button')
                             and n.name.startswith('Wins: '), retry=False, requireResult=False)
        return node.name[len('Wins: '):].split(' ')[0] if node else None
    return gstap.steady(read)


def labels(node):
    return gstap.steady(lambda: [n.name for n in node.findChildren(lambda n: n.roleName == 'label',
                                                                   recursive=True)])


def dialog(app, heading):
    """The open dialog (or alert) that says HEADING.  The main window is a
    frame too but never one of these: its labels (hundreds) are not walked,
    which kept each look slow and open to a row changing mid-walk."""
    def read():
        for c in app.children:
            if (c.roleName in ('dialog', 'alert', 'frame')
                    and not (c.name or '').startswith('Goalsheet —')
                    and any(heading in t for t in labels(c))):
                return c
        return None
    return gstap.steady(read)


def click(node, name):
    button = node.findChild(lambda n: n.roleName == 'push button'
                            and (n.name or '').endswith(name), retry=False, requireResult=False)
    if button:
        button.doActionNamed('click')
    return button is not None


def title(app):
    def read():
        frames = [c for c in app.children if c.roleName == 'frame'
                  and (c.name or '').startswith('Goalsheet —')]
        return frames[0].name if frames else ''
    return gstap.steady(read)


def activate(action, env=app_env):
    return subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                           WINDOW, '--method', 'org.gtk.Actions.Activate', action, '[]', '{}'],
                          capture_output=True, text=True, env=env, timeout=30).returncode == 0


def key(*keys):
    # The first app's window (a second instance's has the same name).
    wid = subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--pid', str(proc.pid),
                          '--name', 'Goalsheet — q3'], capture_output=True,
                         text=True).stdout.split()
    subprocess.run(['xdotool', 'windowfocus', '--sync', wid[0]], check=False)
    for k in keys:
        if k.startswith('type:'):
            subprocess.run(['xdotool', 'type', '--delay', '30', '--', k[5:]], check=True)
        else:
            subprocess.run(['xdotool', 'key', '--clearmodifiers', k], check=True)


def set_deal(app, value):
    """Alt+2 shows the Funnel page, Alt+D puts the cursor in the deal size."""
    key('alt+2', 'alt+d', 'ctrl+a', 'type:' + value, 'Return', 'alt+1')
    return poll(lambda: title(app).endswith('•'), WAIT)


def screenshot(name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, name + '.png')],
                       check=False)


def log_count(path, text):
    try:
        return open(path, encoding='utf-8').read().count(text)
    except FileNotFoundError:
        return 0


def quit_instance(process, bus_env):
    """Quits an instance of its own D-Bus session (killed if it will not)."""
    if bus_env:
        subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                        '/org/goalsheet/Goalsheet', '--method', 'org.gtk.Actions.Activate', 'quit',
                        '[]', '{}'], capture_output=True, env=bus_env, timeout=30)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


proc = subprocess.Popen([APP, plan], env=app_env, stdout=open(log_a, 'a'),
                        stderr=subprocess.STDOUT)
app = gstap.app_ready(tree, wins)  # a cold start
if not app:
    gstap.bail('the app did not come up', log_a)
check(wins(app) == wins_for('25000.00'), 'q3.goalsheet opens with the engine\'s wins: %s'
      % wins(app))

# 1. Another program saves while the plan is open, no unsaved edits: asked;
#    Reload shows the new figures.
write_externally('50000.00')
asked = poll(lambda: dialog(app, 'Plan Changed on Disk'), WAIT)
check(bool(asked), 'an external save while the plan is open shows "Plan Changed on Disk"')
screenshot('watch-changed')
check(bool(asked) and click(asked, 'Reload'), 'the dialog offers Reload')
want = wins_for('50000.00')
check(bool(poll(lambda: wins(app) == want, WAIT)), 'Reload shows the new file\'s wins: %s (engine %s)'
      % (wins(app), want))
check(not title(app).endswith('•') and deal_on_disk() == '50000.00',
      'after Reload the plan is clean and the file untouched: ' + title(app))

# 2. Unsaved edits, another save: the dialog says Reload discards them; Keep
#    Mine keeps the window's version, and Save then writes it without asking.
check(bool(set_deal(app, '31000')), 'an edit makes the plan dirty')
write_externally('40000.00')
asked = poll(lambda: dialog(app, 'Plan Changed on Disk'), WAIT)
check(bool(asked) and any('discard the unsaved changes' in t for t in labels(asked)),
      'with unsaved edits the dialog says Reload discards them')
screenshot('watch-changed-dirty')
check(bool(asked) and click(asked, 'Keep Mine'), 'the dialog offers Keep Mine')
check(bool(poll(lambda: not dialog(app, 'Plan Changed on Disk'), WAIT))
      and wins(app) == wins_for('31000.00') and deal_on_disk() == '40000.00',
      'Keep Mine keeps the window\'s figures and leaves the file as the other program wrote it')
activate('save')
check(bool(poll(lambda: deal_on_disk() == '31000.00', WAIT)) and not dialog(app, 'Replace'),
      'Save after Keep Mine writes the window\'s version without asking again')

# 3. Save over a newer file: asked first; Cancel keeps the file, Replace writes.
check(bool(set_deal(app, '32000')), 'another edit')
write_externally('45000.00')
activate('save')
asked = poll(lambda: dialog(app, 'Replace the Newer Plan on Disk?'), WAIT)
check(bool(asked) and deal_on_disk() == '45000.00',
      'Save over a file changed on disk asks "Replace the Newer Plan on Disk?" and writes nothing')
screenshot('watch-replace')
check(bool(asked) and click(asked, 'Cancel') and deal_on_disk() == '45000.00',
      'Cancel leaves the other program\'s file')
activate('save')
asked = poll(lambda: dialog(app, 'Replace the Newer Plan on Disk?'), WAIT)
check(bool(asked) and click(asked, 'Replace')
      and bool(poll(lambda: deal_on_disk() == '32000.00', WAIT)),
      'Save asks again; Replace writes the window\'s version')
check(bool(poll(lambda: not title(app).endswith('•'), WAIT)), 'the plan is clean after Replace')

# 4. A second instance (its own D-Bus session, so another process) on the
#    same file: the first one's save reaches it, and its own Save asks.
bus_file = os.path.join(work, 'bus-b')
b_env = dict(app_env, GTK_A11Y='none', NO_AT_BRIDGE='1')
second = subprocess.Popen(['dbus-run-session', '--', 'sh', '-c',
                           'echo "$DBUS_SESSION_BUS_ADDRESS" > "$0"; exec "$1" "$2"',
                           bus_file, APP, plan],
                          env=b_env, stdout=open(log_b, 'a'), stderr=subprocess.STDOUT)
b_ready = poll(lambda: os.path.exists(bus_file) and open(bus_file).read().strip()
               and len(subprocess.run(['xdotool', 'search', '--onlyvisible', '--name',
                                       'Goalsheet — q3'], capture_output=True,
                                      text=True).stdout.split()) >= 2, 60)
check(bool(b_ready), 'a second app process opens q3.goalsheet')
b_bus = dict(app_env, DBUS_SESSION_BUS_ADDRESS=open(bus_file).read().strip()) if b_ready else {}
check(bool(set_deal(app, '33000')), 'the first instance edits')
activate('save')
check(bool(poll(lambda: deal_on_disk() == '33000.00', WAIT)), 'the first instance saves')
check(bool(poll(lambda: log_count(log_b, 'the plan changed on disk: asking') >= 1, WAIT)),
      'the second instance asks "Plan Changed on Disk"')
screenshot('watch-second-instance')
if b_ready:
    activate('save', b_bus)
check(bool(poll(lambda: log_count(log_b, 'saving over a plan changed on disk: asking') >= 1, WAIT))
      and deal_on_disk() == '33000.00',
      'the second instance\'s Save asks first and writes nothing')
if b_ready:
    activate('disk-replace', b_bus)
check(bool(poll(lambda: deal_on_disk() == '32000.00', WAIT)),
      'answered Replace, the second instance writes its version (opened at 32,000)')
asked = poll(lambda: dialog(app, 'Plan Changed on Disk'), WAIT)
check(bool(asked), 'and the first instance is told in turn')
if asked:
    click(asked, 'Reload')
check(bool(poll(lambda: wins(app) == wins_for('32000.00'), WAIT)),
      'Reload in the first instance shows the second one\'s figures')

# 5. The autosave (recovery file) does not count as a change of the plan.
check(bool(set_deal(app, '34000')), 'an edit to autosave')
recovery = os.path.join(work, 'goalsheet', 'recovery')
autosaved = poll(lambda: any('"34000.00"' in open(os.path.join(recovery, f), encoding='utf-8').read()
                             for f in os.listdir(recovery)), WAIT)
before = log_count(log_a, 'the plan changed on disk')
check(bool(autosaved), 'the edit is autosaved to a recovery file')
gstap.poll(lambda: False, 1)  # no event expected: wait the monitor's settle time over
check(log_count(log_a, 'the plan changed on disk') == before and not dialog(app, 'Changed'),
      'the autosave does not trigger the plan\'s watch')

# 6. A FIFO or a device opened as a plan is refused at once with a message;
#    the window stays responsive (reading either would block the main thread
#    for ever or fill the memory).
fifo = os.path.join(work, 'pipe.goalsheet')
os.mkfifo(fifo)
for path in (fifo, '/dev/zero'):
    subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path',
                    '/org/goalsheet/Goalsheet', '--method', 'org.gtk.Actions.Activate', 'open-uri',
                    "[<'file://%s'>]" % path, '{}'], capture_output=True, env=app_env, timeout=30)
    refused = poll(lambda: dialog(app, 'not a regular file'), WAIT)
    check(bool(refused), '%s opened as a plan shows "not a regular file"' % path)
    check(bool(refused) and click(refused, 'Close')
          and bool(poll(lambda: not dialog(app, 'not a regular file') and wins(app), WAIT)),
          'the window stays usable after %s is refused' % path)

# 7. A plan opened through a symlink (a third process, its own D-Bus
#    session): a save to the file it points at, made through another path,
#    is noticed; so is the link retargeted, and then a save to the new target.
log_c = os.path.join(work, 'c.log')
os.makedirs(os.path.join(work, 'real'))
os.makedirs(os.path.join(work, 'links'))
real1 = os.path.join(work, 'real', 'one.goalsheet')
real2 = os.path.join(work, 'real', 'two.goalsheet')
shutil.copy(SEED, real1)
shutil.copy(SEED, real2)
link = os.path.join(work, 'links', 'linked.goalsheet')
os.symlink(real1, link)


def save_to(path, deal):
    """Another program's save by rename, through the target's own path."""
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    data['funnel']['deal_size'] = deal
    with open(path + '.other', 'w', encoding='utf-8') as f:
        json.dump(data, f, indent=2)
    os.rename(path + '.other', path)


bus_c = os.path.join(work, 'bus-c')
third = subprocess.Popen(['dbus-run-session', '--', 'sh', '-c',
                          'echo "$DBUS_SESSION_BUS_ADDRESS" > "$0"; exec "$1" "$2"',
                          bus_c, APP, link],
                         env=b_env, stdout=open(log_c, 'a'), stderr=subprocess.STDOUT)
c_ready = poll(lambda: log_count(log_c, 'watching the plan\'s link target too: ' + real1) >= 1
               and os.path.exists(bus_c) and open(bus_c).read().strip(), 60)
check(bool(c_ready), 'a plan opened through a symlink watches the file it points at')
c_bus = dict(app_env, DBUS_SESSION_BUS_ADDRESS=open(bus_c).read().strip()) if c_ready else {}
gstap.poll(lambda: False, 1)
save_to(real1, '41000.00')
check(bool(poll(lambda: log_count(log_c, 'the plan changed on disk: asking') >= 1, WAIT)),
      'a save to the link\'s target through its own path is noticed')
if c_ready:
    activate('disk-reload', c_bus)
gstap.poll(lambda: False, 1)
os.symlink(real2, link + '.new')
os.rename(link + '.new', link)  # the link retargeted in one step, as ln -sfT does
check(bool(poll(lambda: log_count(log_c, 'the plan changed on disk: asking') >= 2, WAIT))
      and log_count(log_c, 'watching the plan\'s link target too: ' + real2) >= 1,
      'the link retargeted to another plan is noticed, and the new target watched')
if c_ready:
    activate('disk-reload', c_bus)
gstap.poll(lambda: False, 1)
save_to(real2, '42000.00')
check(bool(poll(lambda: log_count(log_c, 'the plan changed on disk: asking') >= 3, WAIT)),
      'a save to the new target through its own path is noticed')
quit_instance(third, c_bus if c_ready else None)

# The first app has unsaved edits (its close would ask): killed; the second
# one is clean and quits.
proc.kill()
proc.wait()
quit_instance(second, b_bus if b_ready else None)
log = ''.join(open(p, encoding='utf-8').read() for p in (log_a, log_b, log_c))
bad = [line for line in log.splitlines() if re.search(r'WARNING|CRITICAL', line)]
check(not bad, 'no GLib/GTK warning or critical in either app\'s log: %r' % bad[:5])
shutil.rmtree(work, ignore_errors=True)
sys.exit(gstap.finish())
