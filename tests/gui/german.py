#!/usr/bin/python3
# The app in German: LANGUAGE=de LC_ALL=de_DE.UTF-8 on the seed example.  The
# labels come from po/de.po (the app reads the catalogue meson compiled into
# BUILD/po, named by GOALSHEET_LOCALEDIR) and the figures use the locale's
# marks: 4.628 leads, 2,6 Mio. $.  Run by tests/gui/with-display.py (a display
# and D-Bus session of its own; tests/meson.build).  TAP.
#
#   german.py BUILD_DIR SOURCE_DIR [SCREENSHOT_DIR]
#
# Expected figures come from the engine (goalsheet-cli compute --json, C
# locale); only the German marks are applied here, by the rule: '.' groups
# thousands, ',' is the decimal mark, the currency sign follows the number.
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gstap import check, dogtail_tree, finish, key, poll  # noqa: E402

BUILD, SOURCE = sys.argv[1], sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
APP = os.path.join(BUILD, 'src', 'gui', 'goalsheet')
CLI = os.path.join(BUILD, 'src', 'cli', 'goalsheet-cli')
SEED = os.path.join(SOURCE, 'data', 'examples', 'seed-saas.goalsheet')
MO = os.path.join(BUILD, 'po', 'de', 'LC_MESSAGES', 'goalsheet.mo')

locales = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
if not any(name.lower() in ('de_de.utf8', 'de_de.utf-8') for name in locales):
    print('1..0 # SKIP de_DE.UTF-8 is not generated (.ci/install-deps runs locale-gen)')
    sys.exit(0)
if not os.path.exists(MO):
    print('Bail out! %s was not built' % MO)
    sys.exit(1)

work = tempfile.mkdtemp(prefix='goalsheet-de-')
app_env = dict(os.environ, GSETTINGS_BACKEND='memory', GDK_BACKEND='x11', LANGUAGE='de',
               LC_ALL='de_DE.UTF-8', XDG_DATA_HOME=work,
               GTK_A11Y='atspi', G_DEBUG='fatal-criticals')  # a critical is a failure
app_env.pop('NO_AT_BRIDGE', None)
tree = dogtail_tree(work)


def figure(app, name):
    """The text of the figure whose accessible name is 'NAME: VALUE'."""
    node = app.findChild(lambda n: n.roleName in ('push button', 'toggle button')
                         and n.name.startswith(name + ': '), retry=False, requireResult=False)
    return node.name[len(name) + 2:] if node else None


def labels(app):
    return {n.name for n in app.findChildren(lambda n: n.roleName == 'label', recursive=True)
            if n.name}


def german_count(n):
    return '{:,}'.format(n).replace(',', '.')


def german_millions(minor):
    # The compact form (ICU's German "Mio."): two significant digits, half away
    # from zero, a trailing zero dropped; no-break spaces around "Mio.".
    millions = decimal.Decimal(minor) / 100 / 1000000
    step = decimal.Decimal('0.1') if millions < 10 else decimal.Decimal('1')
    text = str(millions.quantize(step, rounding=decimal.ROUND_HALF_UP))
    if text.endswith('.0'):
        text = text[:-2]
    return text.replace('.', ',') + '\u00a0Mio.\u00a0$'


out = subprocess.run([CLI, 'compute', '--json', SEED], capture_output=True, text=True, check=True,
                     env=dict(os.environ, LC_ALL='C.UTF-8'))
lines = {line['id']: line for line in json.loads(out.stdout)['lines']}
leads = lines['marketing.stage.lead']['total']['count']
target = lines['shared.target']['total']['minor']

plan_path = os.path.join(work, 'plan.goalsheet')
shutil.copy(SEED, plan_path)
proc = subprocess.Popen([APP, plan_path], env=app_env,
                        stderr=open(os.path.join(work, 'app.log'), 'w'))
app = poll(lambda: tree.root.application('goalsheet'), 60)  # a cold start
if not app:
    print('Bail out! the app did not appear on the accessibility bus')
    proc.kill()
    sys.exit(1)
# Stage names are the user's words: German shows the stage line as it is named ("Lead").
shown_leads = poll(lambda: figure(app, 'Lead'))
time.sleep(0.5)  # let the first frame settle before the screenshot
if SHOTS:
    os.makedirs(SHOTS, exist_ok=True)
    subprocess.run(['import', '-window', 'root', os.path.join(SHOTS, 'targets-de.png')],
                   check=False)
seen = labels(app)

for german, english in (('Ziel', 'Target'), ('Lücke', 'Gap'), ('Annahmen', 'Assumptions'),
                        ('GEMEINSAM', 'SHARED'), ('Ziele', 'Targets'), ('Vergütung', 'Compensation'),
                        ('Hebel, um die Lücke zu schließen:', 'Levers to close the gap:')):
    check(german in seen and english not in seen, '%r is shown as %r' % (english, german))
check(any(n.roleName == 'push button' and n.name == 'Rückgängig'
          for n in app.findChildren(lambda n: n.roleName == 'push button', recursive=True)),
      'the undo button is named Rückgängig')

# 4,628 leads → 4.628; 260,000,000 cents = 2.6 million dollars → 2,6 Mio. $.
check(leads >= 1000 and shown_leads == german_count(leads),
      'leads %d shown with German grouping: %r' % (leads, shown_leads))
shown_target = figure(app, 'Auftragsziel')
check(shown_target == german_millions(target),
      'bookings target %d cents shown as %r (want %r)' % (target, shown_target,
                                                          german_millions(target)))
# Goal-line names come from the engine's text module in German, none in English.
for german, english in (('Auftragsziel', 'Bookings target'), ('Lücke zum Ziel', 'Gap to target'),
                        ('Plan (Funnel und Kapazität)', 'Plan (funnel and capacity)'),
                        ('Pipeline aus Marketing', 'Marketing-sourced pipeline'),
                        ('AE-Kapazität', 'AE capacity'), ('Quote pro AE', 'Quota per AE')):
    check(german in seen and english not in seen, 'goal line %r is shown as %r' % (english, german))
english_grouped = sorted(n for n in seen if re.search(r'\d,\d{3}(?!\d)', n))
check(not english_grouped, 'no label groups thousands with commas: %r' % english_grouped[:5])

# Money inputs accept what a German user types: "75.000" is seventy-five
# thousand ('.' groups).  (The field's text itself is not on the
# accessibility bus in GTK 4.8; test-gui-widgets /gui/field/money-german
# checks that it reads "75.000 $".)
# Alt+A: the German mnemonic of "_Auftragswert" (Alt+D in English).
key('alt+2', 'alt+a', 'ctrl+a', 'type:75.000', 'Return', 'ctrl+s')


def saved_deal():
    with open(plan_path) as f:
        return json.load(f)['funnel']['deal_size']


check(poll(lambda: saved_deal() == '75000.00') is True,
      '"75.000" typed in German is saved as 75000.00: %s' % saved_deal())

proc.kill()
proc.wait()
with open(os.path.join(work, 'app.log')) as f:
    log = f.read()
check('CRITICAL' not in log and 'WARNING' not in log, 'the app logged no warning: %r' % log[-300:])

shutil.rmtree(work, ignore_errors=True)
sys.exit(finish())
