#!/usr/bin/env python3
# The build refuses a wrong-way include: src/check-includes.py passes on the
# tree as it is and fails, naming file and line, on a copy with one wrong-way
# include added (docs/architecture.md).  TAP.
#
#   check-includes-test.py SOURCE_ROOT
import os
import shutil
import subprocess
import sys
import tempfile

root = sys.argv[1]
checker = os.path.join(root, 'src', 'check-includes.py')

# (file under src/, line added, words the refusal must contain)
CASES = [
    ('engine/base/gs-money.c', '#include <cairo.h>', 'the engine is GLib and json-glib only'),
    ('engine/model/gs-model.c', '#include <xlsxwriter.h>', 'the engine is GLib and json-glib only'),
    ('engine/planning/gs-funnel.c', '#include <gtk/gtk.h>', 'the engine is GLib and json-glib only'),
    ('engine/base/gs-json.c', '#include "gs-plan.h"', 'not below engine/base'),
    ('engine/model/gs-model.c', '#include "gs-result.h"', 'not below engine/model'),
    ('charts/gs-chart.c', '#include "gs-window.h"', 'not below charts'),
    ('charts/gs-chart.c', '#include <gtk/gtk.h>', 'never with GTK'),
    ('export/gs-export-csv.c', '#include "gs-chart.h"', 'not below export'),
    ('export/gs-export-csv.c', '#include <cairo.h>', 'it does not draw'),
    ('cli/gs-cli.c', '#include <adwaita.h>', 'without GTK'),
    ('cli/gs-cli.c', '#include "gs-compute-private.h"', 'for its own folder'),
]


def run(src):
    return subprocess.run([sys.executable, checker, src], capture_output=True, text=True)


n = 0
print(f'1..{len(CASES) + 1}')
with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, 'src')
    shutil.copytree(os.path.join(root, 'src'), src,
                    ignore=shutil.ignore_patterns('*.build', '*.xml', '*.py'))
    r = run(src)
    n += 1
    print(('ok' if r.returncode == 0 else 'not ok') + f' {n} - the tree as it is passes'
          + ('' if r.returncode == 0 else ': ' + r.stderr.strip().replace('\n', ' | ')))
    for rel, line, words in CASES:
        path = os.path.join(src, rel)
        with open(path, encoding='utf-8') as f:
            original = f.read()
        lines = original.split('\n')
        at = next(i for i, l in enumerate(lines) if l.startswith('#include')) + 1
        lines.insert(at, line)
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))
        r = run(src)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(original)
        n += 1
        good = r.returncode == 1 and f'src/{rel}:{at + 1}:' in r.stderr and words in r.stderr
        print(('ok' if good else 'not ok') + f' {n} - {rel} refused for {line}'
              + ('' if good else f' (exit {r.returncode}: {r.stderr.strip()})'))
