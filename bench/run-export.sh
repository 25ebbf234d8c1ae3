#!/usr/bin/env bash
# Export benchmark: `goalsheet-cli export` against its floor, bare
# libxlsxwriter writing the same People sheet (bench/peers/people-floor.c),
# measured in the same run, and `goalsheet-cli payout` (the summary: cost at
# plan for every role).  Each figure is the median of RUNS runs (default 3)
# under /usr/bin/time: wall time, CPU time (user + system, the steadier figure
# on a shared machine) and peak RSS; the ratio is Goalsheet's ÷ the floor's.
# Usage: bash bench/run-export.sh [BUILDDIR] [N] [RUNS]
#   N: people on the people.goalsheet plan (default 10,000); the mid-market
#   rows spread 10,000 and 50,000 people over its 5 roles.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
n=${2:-10000}
runs=${3:-3}
cli=$(realpath "$build/src/cli/goalsheet-cli")
floor=$(realpath -m "$build/bench/people-floor")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$n" "$work" <<'PY'
import json, sys
n, work = int(sys.argv[1]), sys.argv[2]
plan = json.load(open("tests/data/people.goalsheet"))
for tag, count in (("small", 3), ("people", n)):
    plan["compensation"]["roles"][0]["people"] = [
        {"name": "AE %05d" % i, **({"quota": "%d.00" % (400000 + 37 * i)} if i % 3 == 0 else {})}
        for i in range(count)]
    json.dump(plan, open("%s/%s.goalsheet" % (work, tag), "w"))
for tag, count in (("mid10k", 10000), ("mid50k", 50000)):
    plan = json.load(open("data/examples/mid-market.goalsheet"))
    roles = plan["compensation"]["roles"]
    for r, role in enumerate(roles):
        k = count // len(roles) + (1 if r < count % len(roles) else 0)
        role["people"] = [
            {"name": "%s %05d" % (role["name"], i),
             **({"quota": "%d.00" % (700000 + 37 * i)} if role.get("kind") == "ae" and i % 3 == 0 else {})}
            for i in range(k)]
        if "headcount" in role:
            role["headcount"] = k
    json.dump(plan, open("%s/%s.goalsheet" % (work, tag), "w"))
PY

# median of $runs runs of a command: prints "wall cpu kib"
measure() {
  local out="$work/m.$$" i
  : > "$out"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" > /dev/null
    awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$work/t" >> "$out"
  done
  sort -n -k2 "$out" | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

# a ÷ b to two places, or "—" when b is below /usr/bin/time's 10 ms steps (0).
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%4.2f", a / b; else printf "%4s", "—" }'
}

row() { # label, goalsheet figures, floor figures (or "")
  local label=$1 g=$2 f=$3
  read -r gw gc gk <<< "$g"
  if [ -n "$f" ]; then
    read -r fw fc fk <<< "$f"
    printf '%-34s %6.3f s %6.3f s CPU %5d MiB | floor %6.3f s %6.3f s CPU %4d MiB | ratio %s wall %s CPU\n' \
      "$label" "$gw" "$gc" $((gk / 1024)) "$fw" "$fc" $((fk / 1024)) \
      "$(ratio "$gw" "$fw")" "$(ratio "$gc" "$fc")"
  else
    printf '%-34s %6.3f s %6.3f s CPU %5d MiB\n' "$label" "$gw" "$gc" $((gk / 1024))
  fi
}

echo "export: $(date -u '+%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), median of $runs"
cd "$work"
for spec in "small 3 1" "people $n 1" "mid10k 10000 5" "mid50k 50000 5"; do
  read -r tag people roles <<< "$spec"
  g=$(measure "$cli" export "$tag.goalsheet" -o "$tag.xlsx")
  f=""
  if [ -x "$floor" ]; then
    f=$(measure "$floor" "$people" "$roles" "floor-$tag.xlsx")
  fi
  case $tag in
    small) label="export, 3 people" ;;
    people) label="export, $people people" ;;
    *) label="export, mid-market + $people people" ;;
  esac
  row "$label" "$g" "$f"
done
row "payout, mid-market + 10000 people" "$(measure "$cli" payout mid10k.goalsheet)" ""
