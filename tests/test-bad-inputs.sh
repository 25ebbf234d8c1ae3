#!/bin/sh
# Runs every plan in tests/bad-inputs through `goalsheet-cli validate` and
# checks that each is refused the right way: exit status 2 (never a signal,
# never success), one line on stderr starting with the file name, and the
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

# computed/ holds plans that load (the app opens them) but fail when a
# figure, scenario, payout or simulation is computed: validate refuses them too.
count=$(ls "$dir"/*.goalsheet "$dir"/computed/*.goalsheet | wc -l)
echo "1..$((count + 1))"

for plan in "$dir"/*.goalsheet "$dir"/computed/*.goalsheet; do
  n=$((n + 1))
  name=$(basename "$plan" .goalsheet)
  if [ ! -f "${plan%.goalsheet}.expected" ]; then
    echo "not ok $n - $name: no $name.expected"
    failed=1
    continue
  fi
  expected=$(head -n 1 "${plan%.goalsheet}.expected")
  "$cli" validate "$plan" >/dev/null 2>"$tmp"
  status=$?
  message=$(cat "$tmp")
  if [ "$status" -gt 128 ]; then
    echo "not ok $n - $name: killed by signal $((status - 128))"
    failed=1
  elif [ "$status" -ne 2 ]; then
    echo "not ok $n - $name: exit status $status, expected 2 ($message)"
    failed=1
  elif [ "$(wc -l < "$tmp")" -ne 1 ]; then
    # Plan text is escaped: an id with a newline cannot print a second line.
    echo "not ok $n - $name: the message is not one line"
    echo "# got: $message"
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
for exp in "$dir"/*.expected "$dir"/computed/*.expected; do
  [ -f "${exp%.expected}.goalsheet" ] || orphans="$orphans $(basename "$exp")"
done
if [ -z "$orphans" ]; then
  echo "ok $n - every .expected has its .goalsheet"
else
  echo "not ok $n - .expected without a plan:$orphans"
  failed=1
fi
exit $failed
