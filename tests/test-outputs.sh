#!/bin/bash
# test-outputs.sh — every file goalsheet-cli writes is atomic and checked
# (issue 15): devices, pipes, folders and the plan being read are refused;
# links are followed and kept; a name with the wrong extension is written
# with a warning; a CSV export lands whole; stale temporaries are removed;
# and on a full disk, a full /tmp or a read-only folder each writer exits 1
# with the reason and leaves the old file byte for byte.  TAP output.
#
# The disk cases mount a small tmpfs (and a read-only bind mount) in a
# private mount namespace (unshare -m, as root: CI is); where that is
# refused they are skipped with the reason.
#
# Usage: test-outputs.sh GOALSHEET-CLI PLAN SCRATCH-DIR
# (PYTHON3 in the environment: the python3 meson found; tests/meson.build)
# Copyright 2026 The Goalsheet developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
mode=
if [ "${1:-}" = --in-namespace ]; then
  mode=namespace
  shift
fi
cli=$1
plan=$2
scratch=$3
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
check() { if eval "$2"; then ok "$1"; else no "$1"; fi; }

# expect STATUS TEXT NAME COMMAND...: the exit status and a text on stderr.
expect() {
  local want=$1 text=$2 name=$3 st
  shift 3
  timeout 60 "$@" >/dev/null 2>"$work/err"
  st=$?
  if [ "$st" -eq "$want" ] && { [ -z "$text" ] || grep -qF -- "$text" "$work/err"; }; then
    ok "$name"
  else
    no "$name: exit $st, wanted $want and '$text': $(head -c 300 "$work/err")"
  fi
}

temps() { find "$1" -maxdepth 1 -name '.*.tmp' | wc -l; }

# The disk cases, run by the script itself inside the mount namespace.
in_namespace() {
  mount --make-rprivate / || exit 3
  local d=$work/disk
  mkdir -p "$d" "$work/keep"
  mount -t tmpfs -o size=2m tmpfs "$d" || exit 3
  cp "$plan" "$d/plan.goalsheet"
  "$cli" report "$d/plan.goalsheet" --no-simulation -o "$d/sheet.pdf" 2>/dev/null
  for f in pdf svg png; do
    "$cli" chart "$d/plan.goalsheet" --kind funnel -o "$d/chart.$f" 2>/dev/null
  done
  "$cli" export "$d/plan.goalsheet" -o "$d/book.xlsx" 2>/dev/null
  "$cli" export --csv "$d/plan.goalsheet" -o "$d/tables" 2>/dev/null
  cp -r "$d"/sheet.pdf "$d"/chart.* "$d"/book.xlsx "$d"/tables "$work/keep/"
  # Fill the disk to the last block.
  dd if=/dev/zero of="$d/filler" bs=4k >/dev/null 2>&1
  dd if=/dev/zero of="$d/filler2" bs=512 >/dev/null 2>&1

  expect 1 "the disk is full" "full disk: report exits 1 with the reason" \
    "$cli" report "$d/plan.goalsheet" --no-simulation -o "$d/sheet.pdf"
  check "full disk: the old report is kept" "cmp -s '$d/sheet.pdf' '$work/keep/sheet.pdf'"
  for f in pdf svg png; do
    expect 1 "the disk is full" "full disk: chart .$f exits 1 with the reason" \
      "$cli" chart "$d/plan.goalsheet" --kind funnel -o "$d/chart.$f"
    check "full disk: the old chart .$f is kept" "cmp -s '$d/chart.$f' '$work/keep/chart.$f'"
  done
  expect 1 "the disk is full" "full disk: xlsx export exits 1 with the reason" \
    "$cli" export "$d/plan.goalsheet" -o "$d/book.xlsx"
  check "full disk: only our message, naming the file (no libxlsxwriter [ERROR] lines)" \
    "! grep -q '^\[ERROR\]' '$work/err' && grep -qF '$d/book.xlsx: could not write the workbook' '$work/err'"
  check "full disk: the old workbook is kept" "cmp -s '$d/book.xlsx' '$work/keep/book.xlsx'"
  expect 1 "the disk is full" "full disk: CSV export exits 1 with the reason" \
    "$cli" export --csv "$d/plan.goalsheet" -o "$d/tables"
  check "full disk: the old CSV folder is kept whole" "diff -r '$d/tables' '$work/keep/tables' >/dev/null"
  check "full disk: no temporary file or folder is left" "[ \$(temps '$d') -eq 0 ]"
  rm -f "$d/filler" "$d/filler2"

  # A read-only folder: the reason, not cairo's "error while writing".
  mount --bind "$d" "$d" && mount -o remount,bind,ro "$d"
  expect 1 "the disk is read-only" "read-only folder: report says so" \
    "$cli" report "$d/plan.goalsheet" --no-simulation -o "$d/sheet.pdf"
  check "read-only folder: the old report is kept" "cmp -s '$d/sheet.pdf' '$work/keep/sheet.pdf'"
  expect 1 "read-only" "read-only folder: xlsx export says so" \
    "$cli" export "$d/plan.goalsheet" -o "$d/book.xlsx"
  check "read-only folder: only our message, naming the file (no libxlsxwriter [ERROR] lines)" \
    "! grep -q '^\[ERROR\]' '$work/err' && grep -qF '$d/book.xlsx' '$work/err'"
  umount "$d"

  # A full /tmp does not matter: libxlsxwriter's temporaries go beside the
  # target (before, the workbook came out empty while the export exited 0).
  # A checkout under /tmp would vanish under the mount: skip, saying why.
  case "$cli $d" in
    */tmp/* | /tmp/*)
      for what in "xlsx export still works" "the workbook is a complete zip"; do
        n=$((n + 1))
        echo "ok $n # SKIP full /tmp: $what (the build or its scratch is under /tmp)"
      done ;;
    *)
      mount -t tmpfs -o size=16k tmpfs /tmp
      dd if=/dev/zero of=/tmp/filler bs=4k >/dev/null 2>&1
      expect 0 "" "full /tmp: xlsx export still works" \
        "$cli" export "$d/plan.goalsheet" -o "$d/book.xlsx"
      check "full /tmp: the workbook is a complete zip" \
        "\"\${PYTHON3:-python3}\" -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' '$d/book.xlsx'"
      umount /tmp ;;
  esac
  umount "$d"
  exit $failed
}

if [ "$mode" = namespace ]; then
  work=$3
  n=$4
  in_namespace
fi

work=$(mktemp -d "$scratch/gs-outputs-XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$plan" "$work/plan.goalsheet"
p=$work/plan.goalsheet

# Devices, pipes, folders: refused, left as they were.  The devices are
# made here (the same null and full devices as /dev/null and /dev/full):
# a regressed writer running as root would otherwise replace the machine's
# /dev/null with a regular file (which is what finding 1 was).
if mknod "$work/null" c 1 3 2>/dev/null && mknod "$work/full" c 1 7 2>/dev/null; then
  for dev in null full; do
    expect 1 "is a device, not a regular file" "export -o a $dev device is refused" \
      "$cli" export "$p" -o "$work/$dev"
    check "the $dev device is still a device" "[ -c '$work/$dev' ]"
  done
  ln -s full "$work/full.xlsx"
  expect 1 "is a device, not a regular file" "export through a link to a full device is refused" \
    "$cli" export "$p" -o "$work/full.xlsx"
  check "the link to the device stays a link, the device a device" \
    "[ -L '$work/full.xlsx' ] && [ -c '$work/full' ]"
else
  for i in 1 2 3 4 5 6; do
    n=$((n + 1))
    echo "ok $n # SKIP mknod refused here: devices are tested in tests/test-atomic.c only"
  done
fi
# Like /dev/stdout (a link into /proc), but ours: standard output is a pipe.
ln -s /proc/self/fd/1 "$work/stdout"
"$cli" export "$p" -o "$work/stdout" 2>"$work/err" | cat >/dev/null
st=${PIPESTATUS[0]}
check "export -o STDOUT-LINK into a pipe exits 1 naming the pipe" \
  "[ $st -eq 1 ] && grep -q 'named pipe' '$work/err'"
check "the link to standard output stays a link" "[ -L '$work/stdout' ]"
mkfifo "$work/fifo.pdf"
expect 1 "named pipe" "report into a FIFO is refused (and does not block)" \
  "$cli" report "$p" --no-simulation -o "$work/fifo.pdf"
mkdir "$work/dir.pdf"
expect 1 "it is a folder" "report onto a folder is refused" \
  "$cli" report "$p" --no-simulation -o "$work/dir.pdf"

# Links: followed to the end and kept, dangling ones too.
ln -s made.pdf "$work/dangling.pdf"
expect 0 "" "report through a dangling link works" \
  "$cli" report "$p" --no-simulation -o "$work/dangling.pdf"
check "the dangling link stays a link and its target is made" \
  "[ -L '$work/dangling.pdf' ] && [ -f '$work/made.pdf' ]"

# Never over the plan being read.
expect 1 "it is the plan being read" "export -o PLAN is refused" "$cli" export "$p" -o "$p"
ln -s plan.goalsheet "$work/plan-link.pdf"
expect 1 "it is the plan being read" "report over the plan through a link is refused" \
  "$cli" report "$p" --no-simulation -o "$work/plan-link.pdf"
check "the plan is untouched" "cmp -s '$p' '$plan'"
expect 1 "is in that folder" "export --csv into the plan's own folder is refused" \
  "$cli" export --csv "$p" -o "$work"

# An extension that does not match the format: written, with a warning.
expect 0 "warning: $work/out.txt: it was written as an Excel workbook" \
  "export -o out.txt warns" "$cli" export "$p" -o "$work/out.txt"
check "out.txt is a workbook" "[ \"\$(head -c 2 '$work/out.txt')\" = PK ]"

# A CSV folder lands whole; a folder with other files is not replaced.
expect 0 "" "export --csv into a new folder" "$cli" export --csv "$p" -o "$work/tables"
expect 0 "" "export --csv over an earlier export" "$cli" export --csv "$p" -o "$work/tables"
check "the folder holds the nine tables" "[ \$(ls '$work/tables' | wc -l) -eq 9 ]"
expect 0 "" "export --csv into a new folder given with a trailing slash" \
  "$cli" export --csv "$p" -o "$work/slash/"
check "that folder holds the nine tables" "[ \$(ls '$work/slash' | wc -l) -eq 9 ]"
echo keep >"$work/tables/notes.txt"
expect 1 "the folder holds notes.txt" "export --csv over a folder with other files is refused" \
  "$cli" export --csv "$p" -o "$work/tables"
check "notes.txt is still there" "[ -f '$work/tables/notes.txt' ]"

# Temporaries of a killed writer (nobody holds their lock) are removed on
# the next write of the same file; other files are not.
echo stale >"$work/.sheet.pdf.AbC123.tmp"
echo stale >"$work/.sheet.pdf~.XyZ789.tmp"
echo other >"$work/.other.pdf.AbC123.tmp"
expect 0 "" "report next to stale temporaries" \
  "$cli" report "$p" --no-simulation -o "$work/sheet.pdf"
check "the stale temporaries are gone, the other file stays" \
  "[ ! -e '$work/.sheet.pdf.AbC123.tmp' ] && [ ! -e '$work/.sheet.pdf~.XyZ789.tmp' ] && [ -e '$work/.other.pdf.AbC123.tmp' ]"
rm -f "$work/.other.pdf.AbC123.tmp"
check "no temporary file is left anywhere" "[ \$(temps '$work') -eq 0 ]"

if unshare -m true 2>/dev/null; then
  unshare -m "$0" --in-namespace "$cli" "$plan" "$work" "$n"
  st=$?
  [ $st -ne 0 ] && failed=1
  n=$((n + 20))
else
  for i in $(seq 20); do
    n=$((n + 1))
    echo "ok $n # SKIP no mount namespace here (unshare -m refused): full disk, read-only folder, full /tmp"
  done
fi
echo "1..$n"
exit $failed
