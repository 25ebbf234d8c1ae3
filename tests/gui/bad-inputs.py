#!/usr/bin/python3
# Every plan in the bad-input catalogue (tests/bad-inputs) opened in the
# running app through its open path (app.open-uri, what File ▸ Open and the
# recent list use): the app shows the catalogue's message in a dialog, stays
# alive, and the plan already open stays usable.  TAP output.
# Run by tests/gui/with-display.py (a display and D-Bus session of its own;
# tests/meson.build):
#
#   bad-inputs.py BUILD_DIR SOURCE_DIR
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gstap  # noqa: E402

BUILD, SOURCE = sys.argv[1], sys.argv[2]
APP = os.path.join(BUILD, 'src', 'gui', 'goalsheet')
CATALOGUE = os.path.join(SOURCE, 'tests', 'bad-inputs')
SEED = os.path.join(SOURCE, 'data', 'examples', 'seed-saas.goalsheet')

work = tempfile.mkdtemp(prefix='goalsheet-bad-inputs-')
log_path = os.path.join(work, 'app.log')
app_env = dict(os.environ, XDG_DATA_HOME=work, GSETTINGS_BACKEND='memory', GDK_BACKEND='x11',
               LC_ALL='C.UTF-8', G_DEBUG='fatal-criticals', GTK_A11Y='atspi')
app_env.pop('NO_AT_BRIDGE', None)
tree = gstap.dogtail_tree(work)


def labels(node):
    return [n.name for n in node.findChildren(lambda n: n.roleName == 'label', recursive=True)]


def dialogs(app):
    """Top-level windows other than the plan window: the message dialogs."""
    return [c for c in app.children if c.roleName in ('dialog', 'alert', 'frame')
            and not (c.name or '').startswith('Goalsheet —')]


def open_uri(path):
    uri = 'file://' + urllib.parse.quote(os.path.abspath(path))
    return subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.goalsheet.Goalsheet',
                           '--object-path', '/org/goalsheet/Goalsheet', '--method',
                           'org.gtk.Actions.Activate', 'open-uri', "[<'%s'>]" % uri, '{}'],
                          capture_output=True, text=True, env=app_env, timeout=30).returncode == 0


def usable(app):
    return app.findChild(lambda n: n.roleName in ('push button', 'toggle button')
                         and n.name.startswith('Wins: '), retry=False, requireResult=False)


proc = subprocess.Popen([APP, SEED], env=app_env, stdout=open(log_path, 'a'),
                        stderr=subprocess.STDOUT)
app = gstap.app_ready(tree, usable)  # a cold start
if not app:
    gstap.bail('the app did not come up', log_path)

for name in sorted(f for f in os.listdir(CATALOGUE) if f.endswith('.goalsheet')):
    path = os.path.join(CATALOGUE, name)
    expected = open(path[:-len('.goalsheet')] + '.expected', encoding='utf-8').readline().strip()
    # The CLI escapes a newline in plan text as \n; the dialog shows the text.
    expected = expected.replace('\\n', '\n')
    open_uri(path)
    shown = gstap.poll(lambda: [d for d in dialogs(app)
                                if any(expected in text for text in labels(d))], 10)
    ok = bool(shown)
    if shown:
        # GTK 4.8 names it "_Close Close" (the mnemonic and the label).
        button = shown[0].findChild(lambda n: n.roleName == 'push button'
                                    and (n.name or '').endswith('Close'),
                                    retry=False, requireResult=False)
        if button:
            button.doActionNamed('click')
        ok = bool(gstap.poll(lambda: not dialogs(app), 10))
    ok = ok and proc.poll() is None and bool(usable(app))
    gstap.check(ok, '%s: the app shows “%s” and stays usable' % (name, expected))
    if proc.poll() is not None:
        print('Bail out! the app exited with status %s (see %s)' % (proc.returncode, log_path))
        sys.exit(1)

proc.kill()
proc.wait()
log = open(log_path, encoding='utf-8').read()
bad = [line for line in log.splitlines() if 'WARNING' in line or 'CRITICAL' in line]
gstap.check(not bad, 'no GLib or GTK warning in the session: %r' % bad[:3])
shutil.rmtree(work, ignore_errors=True)
sys.exit(gstap.finish())
