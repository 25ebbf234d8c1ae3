#!/usr/bin/python3
# Every control in the window has a name a screen reader can say: after each
# page (Alt+1…7) of both bundled examples has been shown, no button, toggle,
# combo box, check box or text field on the accessibility bus is nameless or
# named after its GTK class ("GtkToggleButton" was what a drop-down's button
# said; issue 14).  Run by tests/gui/with-display.py (tests/meson.build).  TAP.
#
#   a11y-names.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gstap import check, finish, key  # noqa: E402
import gstap  # noqa: E402

run = gstap.Run('a11y-names')
ROLES = ('push button', 'toggle button', 'combo box', 'check box', 'text', 'spin button',
         'radio button', 'slider')


def nameless(app):
    """(role, name, where) of each control without a proper name."""
    bad = []
    for n in app.findChildren(lambda n: n.roleName in ROLES, showingOnly=False):
        name = (n.name or '').strip()
        if not name or name.startswith('Gtk') or name.startswith('Adw'):
            parent = n.parent
            where = []
            for _ in range(4):
                if parent is None:
                    break
                if parent.name and not parent.name.startswith('Gtk'):
                    where.append(parent.name[:40])
                parent = parent.parent
            bad.append((n.roleName, name, ' < '.join(where)))
    return bad


for example in ('seed-saas.goalsheet', 'mid-market.goalsheet'):
    log_path = os.path.join(run.work, example + '.log')
    with open(log_path, 'w') as log:
        app_proc = subprocess.Popen([run.app, run.example(example)], env=run.env, stdout=log,
                                    stderr=subprocess.STDOUT)
    app = gstap.app_ready(run.tree, lambda a: a.findChild(
        lambda n: n.roleName == 'frame', retry=False, requireResult=False))
    if app is None:
        gstap.bail('the app did not show its window for %s' % example, log_path)
    for page in range(1, 8):
        key('alt+%d' % page)
    # Pages are built when the window opens; showing each one builds what it
    # makes on first view.  One walk of the whole tree afterwards.
    bad = nameless(app)
    check(not bad, '%s: every control has a name (%d without: %r)' % (example, len(bad), bad[:8]))
    app_proc.terminate()
    app_proc.wait(timeout=30)

sys.exit(finish())
