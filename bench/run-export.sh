#!/usr/bin/env bash
# Export benchmark: time and peak memory of `goalsheet-cli export` for a plan
# with N people on the People sheet (default 10,000), against the same plan
# with 3 people.  Usage: bash bench/run-export.sh [BUILDDIR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
n=${2:-10000}
cli="$build/src/cli/goalsheet-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$n" "$work" <<'PY'
import json, sys
n, work = int(sys.argv[1]), sys.argv[2]
plan = json.load(open("tests/data/people.goalsheet"))
for tag, count in (("small", 3), ("large", n)):
    plan["compensation"]["roles"][0]["people"] = [
        {"name": "AE %05d" % i, **({"quota": "%d.00" % (400000 + 37 * i)} if i % 3 == 0 else {})}
        for i in range(count)]
    json.dump(plan, open("%s/%s.goalsheet" % (work, tag), "w"))
PY

for tag in small large; do
  /usr/bin/time -v "$cli" export "$work/$tag.goalsheet" -o "$work/$tag.xlsx" 2> "$work/$tag.time"
  secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$tag.time")
  kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$tag.time")
  size=$(stat -c %s "$work/$tag.xlsx")
  printf '%-6s %6s people  %8s wall  %6d MiB peak RSS  %8d KiB file\n' "$tag" \
    "$([ $tag = small ] && echo 3 || echo "$n")" "$secs" $((kib / 1024)) $((size / 1024))
done
