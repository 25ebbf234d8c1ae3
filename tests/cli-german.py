#!/usr/bin/env python3
# goalsheet-cli in German: LANGUAGE=de LC_ALL=de_DE.UTF-8, the catalogue that
# meson compiled into BUILD/po (GOALSHEET_LOCALEDIR).  Expected German is
# written by hand here; every output is also checked for English: no
# sentence piece of an English message of po/de.po that its German
# translation does not share may appear.  TAP.  docs/i18n.md.
#
#   cli-german.py GOALSHEET-CLI SOURCE_DIR BUILD_DIR
import os
import re
import subprocess
import sys

CLI, SOURCE, BUILD = sys.argv[1:4]
BAD = os.path.join(SOURCE, 'tests', 'bad-inputs')
SEED = os.path.join(SOURCE, 'data', 'examples', 'seed-saas.goalsheet')
MO = os.path.join(BUILD, 'po', 'de', 'LC_MESSAGES', 'goalsheet.mo')

locales = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
if not any(name.lower() in ('de_de.utf8', 'de_de.utf-8') for name in locales):
    print('1..0 # SKIP de_DE.UTF-8 is not generated (.ci/install-deps runs locale-gen)')
    sys.exit(0)
if not os.path.exists(MO):
    print('Bail out! %s was not built' % MO)
    sys.exit(1)

ENV = dict(os.environ, LANGUAGE='de', LC_ALL='de_DE.UTF-8',
           GOALSHEET_LOCALEDIR=os.path.join(BUILD, 'po'))


def run(*args):
    p = subprocess.run([CLI] + list(args), capture_output=True, text=True, env=ENV)
    return p.returncode, p.stdout, p.stderr


def catalogue():
    """(English, German) pairs of po/de.po, plural forms included."""
    text = open(os.path.join(SOURCE, 'po', 'de.po'), encoding='utf-8').read()
    pairs = []
    for entry in text.split('\n\n'):
        fields = {}
        key = None
        for line in entry.split('\n'):
            if line.startswith('#'):
                continue
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?|msgctxt) (".*")$', line)
            if m:
                key = m.group(1)
                fields[key] = eval(m.group(2))
            elif line.startswith('"') and key:
                fields[key] += eval(line)
        if fields.get('msgid'):
            german = ' '.join(v for k, v in fields.items() if k.startswith('msgstr'))
            pairs.append((fields['msgid'], german))
            if 'msgid_plural' in fields:
                pairs.append((fields['msgid_plural'], german))
    return pairs


# The pieces of English text between placeholders that a German output must
# not contain: at least three words, and not also in the German translation
# (field paths and option names stay as they are).
SPEC = re.compile(r'%(?:\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:l|ll|h|z)?[a-zA-Z%]')
pieces = set()
for english, german in catalogue():
    for piece in SPEC.split(english):
        for part in piece.split('\n'):
            part = part.strip(' :;,.()“”"')
            if len(re.findall(r'[A-Za-z]{2,}', part)) >= 3 and part not in german:
                pieces.add(part)

n = 0
failed = False


def ok(cond, name, detail=''):
    global n, failed
    n += 1
    if cond:
        print('ok %d - %s' % (n, name))
    else:
        failed = True
        print('not ok %d - %s' % (n, name))
        for line in str(detail).splitlines():
            print('# ' + line)


def no_english(name, text):
    found = sorted(p for p in pieces if p in text)
    ok(not found, name + ': no English message', '\n'.join(found) + '\n---\n' + text)


# Bad inputs: the field path stays, the words are German.
for plan, expected in [
    ('rate-above-one', 'funnel.steps[2].rate: 1.4 ist keine Rate zwischen 0 und 1 (0 ausgenommen)'),
    ('missing-company', 'company: fehlt'),
    ('deal-size-zero', 'funnel.deal_size: 0.00 ist kein Auftragswert; er muss größer als null sein'),
    ('amount-not-a-number',
     'funnel.deal_size: „25,000.00“ ist kein Betrag (schreiben Sie ihn wie 25000.00)'),
    ('malformed-json', 'kein gültiges JSON: Zeile 1, Spalte 42: '),
]:
    path = os.path.join(BAD, plan + '.goalsheet')
    status, out, err = run('validate', path)
    ok(status == 2 and err.startswith(path + ': ' + expected), 'validate ' + plan, err)
    no_english('validate ' + plan, err)

status, out, err = run('payout', SEED, '--role', 'nobody')
ok(status == 2 and 'compensation.roles: keine Rolle „nobody“ (Rollen: ae, ' in err,
   'payout with an unknown role', err)
no_english('payout with an unknown role', err)

status, out, err = run('--help')
ok(status == 0 and out.startswith('Aufruf: goalsheet-cli VERB [OPTION …] PLAN\n\nVerben:\n')
   and '  payout     Was die Vergütungspläne auszahlen: pro Rolle, pro Person, mit Rechenweg\n'
   in out, '--help', out)
no_english('--help', out)

status, out, err = run('payout', '--help')
ok(status == 0 and 'Die Kennung der Rolle' in out and 'Die Auszahlungskurve ausgeben' in out,
   'payout --help', out)
no_english('payout --help', out)

# The payout trace in German: hand-written lines of the seed plan's AE at
# 120 % with a SPIF and a refund (the figures as in the C locale, German marks;
# the trace's percents have the no-break space German puts before %).
status, out, err = run('payout', SEED, '--role', 'ae', '--attainment', '1.2',
                       '--spif', 'multi-year:2027-03-15:3', '--refund', '25000:30')
for line in [
    'Zieleinkommen 160.000,00 = Grundgehalt 80.000,00 + Zielprämie 80.000,00 (Vergütungsmix 50\u00a0%)',
    'Bei 120\u00a0% Zielerreichung:',
    '    Q2, seit Jahresbeginn: 312.000,00 von 520.000,00 = 60\u00a0%',
    '      Staffel 100\u00a0% → 150\u00a0% der Quote, 520.000,00 → 624.000,00: '
    '104.000,00 ÷ 520.000,00 × 56.000,00 × 1,5 = 16.800,00',
    '      Abzüglich in früheren Perioden gezahlt: −16.800,00',
    '    Schwelle: Eigener Auftragseingang bei 120\u00a0% erreicht 50\u00a0%',
    '  Rückforderung: 25.000,00 erstattet 30 Tage nach Abschluss (Frist 90 Tage): '
    'Provision ohne den Abschluss 97.561,54 − mit ihm 101.600,00 = −4.038,46',
    '  SPIF Multi-year contract: 3 × 1.000,00 am 2027-03-15 = 3.000,00',
    '  Vorschuss Mär 2027: verdient 0,00, Vorschuss 2.000,00 → Aufstockung 2.000,00 (rückforderbar)',
    '  Vorschuss zurückgeholt aus den Einnahmen Apr 2027 von 19.200,00: −4.000,00',
    '  Variable Vergütung für das Jahr: 100.561,54',
    'Summe der Rolle: 8 × 100.561,54 = 804.492,32',
]:
    ok(status == 0 and line + '\n' in out, 'payout trace: ' + line.strip(), out)
no_english('payout --role ae', out)

print('1..%d' % n)
sys.exit(1 if failed else 0)
