# gstap.py — what the GUI tests under tests/gui share: TAP lines, polling the
# live window, and dogtail's access to the app over AT-SPI.
#
#   import gstap
#   gstap.check(cond, 'what')      # ok N / not ok N
#   gstap.poll(lambda: ..., 20)    # first truthy result, or the last one
#   gstap.app_ready(tree, ready)   # the app once ready(app) holds (cold start)
#   tree = gstap.dogtail_tree(work)  # before importing anything from dogtail
#   gstap.key('alt+1', 'type:22')   # keys (xdotool) into the Goalsheet window
#   gstap.screenshot(dir, 'name')   # the window as dir/name.png (dir None: none)
#   gstap.labels(app), gstap.label_with(app, 'text')   # the labels' names
#   run.reveal(app, 'text', 'name')  # scrolled into the window with the wheel
#   run.type_into(app, 'title', '42')  # a field's text replaced, then Enter
#   sys.exit(gstap.finish())       # plan line, summary comment, exit status
import contextlib
import os
import subprocess
import sys
import time

checks = 0
failures = 0


def check(cond, what):
    global checks, failures
    checks += 1
    # One TAP line: a message quoting a multi-line dialog would break it.
    what = ' '.join(what.split('\n'))
    print(('ok %d - ' if cond else 'not ok %d - ') % checks + what, flush=True)
    if not cond:
        failures += 1
    return cond


def poll(fn, timeout=20.0):
    """Calls fn until it returns something truthy; the accessibility tree
    changes under us while pages build, so an exception is a 'not yet'."""
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            last = fn()
            if last:
                return last
        except Exception:
            pass
        time.sleep(0.2)
    return last


def steady(fn, tries=10):
    """fn's result, read again if the accessibility tree changed under the
    read.  A walk over a window can meet an object that went away between
    listing it and asking its name (a dialog closing, a list row recycled):
    AT-SPI then raises ("The application no longer exists", "Object does not
    exist").  That is the tree moving, not an answer: read again a little
    later; after TRIES attempts the error is real and is raised."""
    for attempt in range(tries):
        try:
            return fn()
        except Exception as error:  # GLib.GError from AT-SPI
            if attempt == tries - 1:
                raise
            sys.stderr.write('# AT-SPI read retried: %s\n' % error)
            time.sleep(0.3)


def bail(why, log_path=None):
    """Stops the test: TAP's Bail out, and the app's log on stderr, which is
    what CI shows of a failed test."""
    print('Bail out! ' + why, flush=True)
    if log_path and os.path.exists(log_path):
        with open(log_path, encoding='utf-8', errors='replace') as f:
            sys.stderr.write('--- the app\'s log (%s), last lines:\n%s\n' % (log_path, f.read()[-4000:]))
    sys.exit(1)


def app_ready(tree, ready, timeout=180.0):
    """The app on the accessibility bus once READY(app) holds, or None.  The
    app is looked up again on every try: on a loaded machine it registers
    before its window is built, and a node found too early can stay stale
    (AT-SPI's "Object does not exist at path .../cache")."""
    def attempt():
        app = tree.root.application('goalsheet')
        return app if ready(app) else None
    return poll(attempt, timeout)


def dogtail_tree(work):
    """dogtail's tree, configured quietly.  dogtail runs only when GNOME's
    toolkit-accessibility key is on: set it in a keyfile under WORK so nothing
    outside the test is touched.  The app itself needs GTK_A11Y=atspi and no
    NO_AT_BRIDGE in its environment."""
    os.environ.update(GSETTINGS_BACKEND='keyfile', XDG_CONFIG_HOME=work)
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility',
                    'true'], check=True)
    # dogtail announces its log file and an empty desktop on stdout while it
    # imports: keep stdout for TAP lines.
    with contextlib.redirect_stdout(sys.stderr):
        from dogtail import tree
        from dogtail.config import config
    # dogtail's import replaces sys.excepthook with one that writes the
    # traceback only to its debug log, which is off: an uncaught exception
    # then ended a test with status 1 and not a word on stderr.  Put back
    # Python's own hook so every failure shows where it happened.
    sys.excepthook = sys.__excepthook__
    config.searchBackoffDuration = 0.2
    config.searchCutoffCount = 10
    config.logDebugToStdOut = False
    config.logDebugToFile = False
    return tree


class Run:
    """A window test's setting, from its arguments BUILD_DIR SOURCE_DIR
    [SCREENSHOT_DIR]: the binaries, an example's path, a work folder, the
    app's environment and dogtail's tree."""

    def __init__(self, name):
        self.build, self.source, self.shots = (sys.argv[1:] + [None])[:3]
        self.app = os.path.join(self.build, 'src', 'gui', 'goalsheet')
        self.cli = os.path.join(self.build, 'src', 'cli', 'goalsheet-cli')
        import tempfile
        self.work = tempfile.mkdtemp(prefix='goalsheet-%s-' % name)
        self.env = app_env(self.work)
        self.tree = dogtail_tree(self.work)

    def example(self, name):
        return os.path.join(self.source, 'data', 'examples', name)

    def find(self, app, role, name):
        """The ROLE node named NAME; a button's accessible name carries its
        mnemonic text and label after it."""
        return app.findChild(lambda n: n.roleName == role
                             and (n.name == name or n.name.startswith(name + ' ')
                                  or n.name.replace('_', '').startswith(name)),
                             retry=False, requireResult=False)

    def reveal(self, app, role, name, room=20, x=700):
        """Scrolls the page under the pointer (at X on the screen) until the
        ROLE node NAME is in the window with ROOM pixels under it, as a person
        would with the wheel (GTK 4 offers no AT-SPI focus or scroll); the
        node is looked up afresh each time, as a group made again after an
        edit replaces its widgets.  The first notch measures how far one
        notch moves the page; later turns give as many notches as the
        distance needs at once, since each AT-SPI search is the slow part
        (seconds under load) and one search per notch made long pages crawl."""
        top, _, height = geometry()
        node = None
        step = None
        for _ in range(60):
            node = poll(lambda: self.find(app, role, name))
            try:
                y, h = node.position[1], node.size[1]
            except Exception:
                continue
            if top + 120 < y and y + h < top + height - room:
                return node
            down = y + h >= top + height - room
            notches = 1
            if step:
                # Aim for the middle of the window; never more than a screenful.
                target = top + (height - h) // 2
                notches = max(1, min(15, height // step, abs(y - target) // step))
            subprocess.run(['xdotool', 'mousemove', str(x), str(top + height // 2), 'click',
                            '--repeat', str(notches), '--delay', '30', '5' if down else '4'],
                           check=False)
            moved = poll(lambda: self.find(app, role, name).position[1] != y, 1)
            if step is None and moved:
                try:
                    step = abs(self.find(app, role, name).position[1] - y) or None
                except Exception:
                    step = None
        return node

    def type_into(self, app, title, text, x=700):
        """Replaces the text of the field TITLE with TEXT and presses Enter."""
        self.reveal(app, 'text', title, x=x).click()
        key('ctrl+a', 'BackSpace')
        if text:
            key('type:' + text)
        key('Return')


def labels(app):
    """The names of every label in APP's tree."""
    return [n.name for n in app.findChildren(lambda n: n.roleName == 'label', recursive=True)]


def label_with(app, text):
    """The names of APP's labels that contain TEXT."""
    return [t for t in labels(app) if text in t]


def app_env(work):
    """The app's environment for a test under WORK: memory settings, X11, the
    C locale, accessibility on, and a critical warning fatal."""
    env = dict(os.environ, GSETTINGS_BACKEND='memory', GDK_BACKEND='x11', LC_ALL='C.UTF-8',
               XDG_DATA_HOME=work, GTK_A11Y='atspi', G_DEBUG='fatal-criticals')
    env.pop('NO_AT_BRIDGE', None)
    return env


def _window():
    wid = subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--name', 'Goalsheet'],
                         capture_output=True, text=True).stdout.split()
    return wid[0] if wid else 'root'


def geometry():
    """The Goalsheet window's top edge, width and height on the screen."""
    out = subprocess.run(['xdotool', 'getwindowgeometry', '--shell', _window()],
                         capture_output=True, text=True).stdout
    g = dict(line.split('=') for line in out.split() if '=' in line)
    return int(g.get('Y', 0)), int(g.get('WIDTH', 0)), int(g.get('HEIGHT', 800))


def key(*keys):
    """Presses keys in the Goalsheet window; 'type:TEXT' types TEXT."""
    subprocess.run(['xdotool', 'windowfocus', '--sync', _window()], check=False)
    for k in keys:
        if k.startswith('type:'):
            subprocess.run(['xdotool', 'type', '--delay', '30', '--', k[5:]], check=True)
        else:
            subprocess.run(['xdotool', 'key', k], check=True)
        time.sleep(0.25)
    time.sleep(0.5)


def screenshot(shots, name):
    """The Goalsheet window as SHOTS/NAME.png; nothing when SHOTS is None."""
    if shots:
        os.makedirs(shots, exist_ok=True)
        subprocess.run(['import', '-window', _window(), os.path.join(shots, name + '.png')],
                       check=False)


def finish(planned=False):
    """Prints the plan line (unless the test printed it first, so that a
    crash mid-way shows as missing checks) and returns the exit status."""
    if not planned:
        print('1..%d' % checks)
    print('# %d passed, %d failed' % (checks - failures, failures))
    return 1 if failures else 0
