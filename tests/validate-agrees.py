#!/usr/bin/env python3
"""validate-agrees.py CLI SRCROOT — one validator: every verb over the
bad-input catalogue (tests/bad-inputs and its computed/ folder) and the
examples.  For each plan: no verb dies by a signal or exits other than
0/1/2; a plan `validate` accepts, every verb accepts (exit 0); a plan some
verb refuses as invalid (exit 2), `validate` refuses too.  TAP output.

Copyright 2026 The Goalsheet developers
SPDX-License-Identifier: GPL-3.0-or-later
"""
import concurrent.futures
import glob
import os
import shutil
import subprocess
import sys
import tempfile

cli, src = sys.argv[1], sys.argv[2]
catalogue = os.path.join(src, 'tests', 'bad-inputs')
plans = sorted(glob.glob(os.path.join(catalogue, '*.goalsheet'))
               + glob.glob(os.path.join(catalogue, 'computed', '*.goalsheet'))
               + glob.glob(os.path.join(src, 'data', 'examples', '*.goalsheet')))
work = tempfile.mkdtemp(prefix='gs-agree-')


def verbs(plan, out):
    return [
        ['show', plan],
        ['compute', plan, '--json'],
        ['scenarios', plan],
        ['payout', plan],
        ['simulate', plan, '--trials', '100'],
        ['chart', plan, '--kind', 'fan', '--trials', '100', '-o', os.path.join(out, 'fan.png')],
        ['report', plan, '--trials', '100', '-o', os.path.join(out, 'sheet.pdf')],
        ['export', plan, '-o', os.path.join(out, 'book.xlsx')],
        ['export', plan, '--csv', '-o', os.path.join(out, 'csv')],
    ]


def run(args):
    p = subprocess.run([cli] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, timeout=300)
    return p.returncode, p.stderr.strip()


def check(index, plan):
    out = os.path.join(work, str(index))
    os.mkdir(out)
    name = os.path.relpath(plan, src)
    problems = []
    v_status, v_err = run(['validate', plan])
    if v_status not in (0, 2, 1):
        problems.append('validate exited %d' % v_status)
    for args in verbs(plan, out):
        status, err = run(args)
        what = ' '.join(a if a != plan else 'PLAN' for a in args[:1] + args[2:])
        if status < 0 or status not in (0, 1, 2):
            problems.append('%s: exit %d (%s)' % (what, status, err))
        elif v_status == 0 and status != 0 and 'has no compensation section' not in err:
            problems.append('validate said valid, but %s exited %d: %s' % (what, status, err))
        elif status == 2 and v_status != 2:
            problems.append('%s refused it (%s), validate exited %d' % (what, err, v_status))
    return name, v_status, problems


failed = 0
print('1..%d' % len(plans))
with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
    results = list(pool.map(lambda ip: check(*ip), enumerate(plans)))
for n, (name, v_status, problems) in enumerate(results, 1):
    if problems:
        failed = 1
        print('not ok %d - %s' % (n, name))
        for p in problems:
            print('# ' + p.replace('\n', ' '))
    else:
        print('ok %d - %s (validate %d)' % (n, name, v_status))
shutil.rmtree(work, ignore_errors=True)
sys.exit(failed)
