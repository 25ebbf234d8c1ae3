#!/usr/bin/env python3
# Start to first painted frame: the real goalsheet on each plan against a bare
# libadwaita window (bench/peers/gtk-window.c), alternating, RUNS times each.
# Run on a display of its own (bench/run-startup.sh does).  Each process
# writes CLOCK_MONOTONIC at the end of its first paint into a file
# (GOALSHEET_FIRST_FRAME_FILE, src/gui/app/gs-first-frame.c); the time is
# from just before the process is started to that moment; the CPU time
# (user + system) is the whole process's, which ends just after that paint:
# on the shared machine it moves less with the load than the wall time.
#   startup.py BUILDDIR RUNS PLAN...
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

build, runs, plans = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
app = os.path.join(build, 'src', 'gui', 'goalsheet')
floor = os.path.join(build, 'bench', 'gtk-window')
work = tempfile.mkdtemp(prefix='goalsheet-startup-')
mark = os.path.join(work, 'first-frame')
env = dict(os.environ, GOALSHEET_FIRST_FRAME_FILE=mark, XDG_DATA_HOME=work,
           GOALSHEET_RECOVERY_DIR=os.path.join(work, 'recovery'))


def first_frame(argv):
    if os.path.exists(mark):
        os.unlink(mark)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or not os.path.exists(mark):
        sys.exit('%s failed (%d): %s' % (' '.join(argv), proc.returncode, proc.stderr.decode()))
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    with open(mark) as f:
        return (int(f.read()) * 1000 - start) / 1e9, cpu


first_frame([floor])  # warm the file cache: the first process pays for the disk
for plan in plans:
    first_frame([app, plan])
    floors, apps = [], []
    for _ in range(runs):
        floors.append(first_frame([floor]))
        apps.append(first_frame([app, plan]))
    f, a = statistics.median(w for w, _ in floors), statistics.median(w for w, _ in apps)
    fc, ac = statistics.median(c for _, c in floors), statistics.median(c for _, c in apps)
    print('%-24s goalsheet %6.3f s   bare GTK window %6.3f s   ratio %.2f×   '
          'CPU %5.3f s / %5.3f s = %.2f×   (median of %d)'
          % (os.path.basename(plan), a, f, a / f, ac, fc, ac / fc, runs))
