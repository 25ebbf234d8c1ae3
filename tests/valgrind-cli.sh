#!/usr/bin/env bash
# goalsheet-cli's flows under valgrind --leak-check=full: no definite or
# indirect leak and no memory error (docs/reliability.md).  TAP output.
#   tests/valgrind-cli.sh CLI SOURCE_ROOT
# Slow (valgrind), so it is its own suite: meson test --suite valgrind.
set -uo pipefail
cli="$1"
root="$2"
if ! command -v valgrind >/dev/null; then
  echo "1..0 # SKIP valgrind is not installed"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
seed="$root/data/examples/seed-saas.goalsheet"
mid="$root/data/examples/mid-market.goalsheet"
bad="$root/tests/bad-inputs"
crm="$root/data/examples/crm"
cp "$seed" "$tmp/actuals.goalsheet"
flows=(
  "new --example"
  "new Acme --prior 2000000 --growth 30 --deal-size 25000"
  "validate $seed"
  "validate $mid"
  "show $seed"
  "show $mid"
  "compute --json $seed"
  "compute --json $mid"
  "diff $seed $mid"
  "diff --json $mid $seed"
  "scenarios $seed"
  "payout $seed"
  "payout $mid"
  "payout --role ae --curve $mid"
  "simulate -n 200 --threads=2 $seed"
  "simulate -n 200 --threads=1 --json $mid"
  "export $seed -o $tmp/seed.xlsx"
  "export $mid -o $tmp/mid.xlsx"
  "export --csv $seed -o $tmp/csv"
  "export $seed -o $tmp/no-such-folder/seed.xlsx"
  "chart $seed -k waterfall -o $tmp/w.png"
  "chart $mid -k funnel -o $tmp/f.svg"
  "chart $mid -k fan -n 200 -o $tmp/fan.pdf"
  "chart $mid -k payout -o $tmp/p.png"
  "report $seed --no-simulation -o $tmp/sheet.pdf"
  "export --csv $seed -o $tmp/csv"
  "export $seed -o $tmp"
  "export $seed -o $seed"
  "report $seed --no-simulation -o $tmp/no-such-folder/sheet.pdf"
  "import $tmp/actuals.goalsheet --leads $crm/seed-saas-hubspot-contacts.csv --deals $crm/seed-saas-hubspot-deals.csv"
  "import $tmp/actuals.goalsheet --deals $crm/seed-saas-hubspot-deals.csv --dry-run"
  "import $tmp/actuals.goalsheet --deals $root/tests/actuals/salesforce-leads-ambiguous.csv"
  "track $tmp/actuals.goalsheet --as-of 2027-04-15 --trials 200"
  "track $tmp/actuals.goalsheet --as-of 2027-04-15 --json --no-p-hit"
  "history $tmp/actuals.goalsheet"
  "history --json $tmp/actuals.goalsheet"
  "statement $tmp/actuals.goalsheet --person maya_chen --period 2027-04"
  "statement $tmp/actuals.goalsheet --person maya_chen --period FY28Q1 --json"
  "statement $tmp/actuals.goalsheet --person maya_chen --period 2027-04 -o $tmp/statement.pdf"
  "expense $tmp/actuals.goalsheet --deals"
  "expense $tmp/actuals.goalsheet --json"
  "export $tmp/actuals.goalsheet -o $tmp/actuals.xlsx"
)
# A few refusals too: error paths free what they allocated.
for f in "$bad"/*.goalsheet; do
  [ -e "$f" ] || continue
  flows+=("validate $f")
  [ ${#flows[@]} -ge 44 ] && break
done
flows+=("validate $tmp/missing.goalsheet" "show")
echo "1..${#flows[@]}"
n=0
fails=0
for flow in "${flows[@]}"; do
  n=$((n + 1))
  log="$tmp/vg.$n"
  # shellcheck disable=SC2086
  valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
    --suppressions="$root/tests/valgrind.supp" \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --log-file="$log" \
    "$cli" $flow >/dev/null 2>&1
  status=$?
  if [ $status -eq 99 ] || [ -s "$log" ]; then
    echo "not ok $n - $flow"
    sed 's/^/# /' "$log" | head -60
    fails=$((fails + 1))
  else
    echo "ok $n - $flow (exit $status)"
  fi
done
exit $((fails > 0))
