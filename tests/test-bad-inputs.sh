#!/bin/sh
# Runs every plan in tests/bad-inputs through `goalsheet-cli validate` and
# checks that each is refused the right way: exit status 2 (never a signal,
# never success), the message on stderr starting with the file name, and the
# message containing NAME.expected.  TAP output.
#
# Usage: test-bad-inputs.sh GOALSHEET-CLI CATALOGUE-DIR
# Copyright 2026 The Goalsheet developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
dir=$2
n=0
failed=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

count=$(ls "$dir"/*.goalsheet | wc -l)
echo "1..$((count + 1))"

for plan in "$dir"/*.goalsheet; do
  n=$((n + 1))
  name=$(basename "$plan" .goalsheet)
  if [ ! -f "$dir/$name.expected" ]; then
    echo "not ok $n - $name: no $name.expected"
    failed=1
    continue
  fi
  expected=$(head -n 1 "$dir/$name.expected")
  "$cli" validate "$plan" >/dev/null 2>"$tmp"
  status=$?
  message=$(cat "$tmp")
  if [ "$status" -gt 128 ]; then
    echo "not ok $n - $name: killed by signal $((status - 128))"
    failed=1
  elif [ "$status" -ne 2 ]; then
    echo "not ok $n - $name: exit status $status, expected 2 ($message)"
    failed=1
  else
    case "$message" in
      "$plan: "*"$expected"*) echo "ok $n - $name" ;;
      *)
        echo "not ok $n - $name"
        echo "# expected: $plan: …$expected…"
        echo "# got:      $message"
        failed=1
        ;;
    esac
  fi
done

# Every expectation belongs to a plan, so none is silently skipped.
n=$((n + 1))
orphans=""
for exp in "$dir"/*.expected; do
  [ -f "${exp%.expected}.goalsheet" ] || orphans="$orphans $(basename "$exp")"
done
if [ -z "$orphans" ]; then
  echo "ok $n - every .expected has its .goalsheet"
else
  echo "not ok $n - .expected without a plan:$orphans"
  failed=1
fi
exit $failed
