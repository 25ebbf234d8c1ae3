#!/usr/bin/env python3
# Runs a command on a display of its own: starts Xvfb with -displayfd, so the X
# server itself picks a free display number and reports it once it listens
# (no guessing like `xvfb-run -a`, which raced when two tests started at the
# same time), sets DISPLAY, runs the command under dbus-run-session, then
# stops Xvfb.  Exits with the command's status.
#
#   with-display.py COMMAND [ARGS...]

import os
import select
import signal
import subprocess
import sys
import tempfile
import time

SCREEN = '1400x900x24'
START_TIMEOUT = 30  # seconds for Xvfb to report its display


def start_xvfb():
    read_fd, write_fd = os.pipe()
    log = tempfile.TemporaryFile()  # read only if Xvfb fails to start
    xvfb = subprocess.Popen(
        ['Xvfb', '-displayfd', str(write_fd), '-screen', '0', SCREEN, '-nolisten', 'tcp',
         '-noreset'],
        pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=log)
    os.close(write_fd)
    data = b''
    deadline = time.monotonic() + START_TIMEOUT
    while not data.endswith(b'\n'):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([read_fd], [], [], left)[0]:
            break
        chunk = os.read(read_fd, 64)
        if not chunk:  # Xvfb exited before it had a display
            break
        data += chunk
    os.close(read_fd)
    if not data.strip().isdigit():
        stop(xvfb)
        log.seek(0)
        sys.exit('with-display: Xvfb did not report a display\n' + log.read().decode(errors='replace'))
    return xvfb, ':' + data.strip().decode()


def stop(xvfb):
    if xvfb.poll() is None:
        xvfb.terminate()
        try:
            xvfb.wait(10)
        except subprocess.TimeoutExpired:
            xvfb.kill()
            xvfb.wait()


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: with-display.py COMMAND [ARGS...]')
    # meson stops a test that timed out with SIGTERM: still stop Xvfb then.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    xvfb, display = start_xvfb()
    try:
        env = dict(os.environ, DISPLAY=display)
        env.pop('WAYLAND_DISPLAY', None)
        # The bus and the services it starts (the AT-SPI registry) write to
        # stderr, so the command's stdout carries only its own (TAP) lines.
        out = os.dup(1)
        child = subprocess.Popen(['dbus-run-session', '--', 'sh', '-c', 'exec "$@" 1>&%d %d>&-'
                                  % (out, out), 'sh'] + sys.argv[1:],
                                 env=env, stdout=sys.stderr, pass_fds=(out,))
        os.close(out)
        try:
            return child.wait()
        finally:
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(10)
                except subprocess.TimeoutExpired:
                    child.kill()
    finally:
        stop(xvfb)


if __name__ == '__main__':
    sys.exit(main())
