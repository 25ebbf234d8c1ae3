#!/bin/bash
# `goalsheet-cli show` in German (LANGUAGE=de, LC_ALL=de_DE.UTF-8): the goal
# names, months, levers and headings come from po/de.po, none in English.
# Expectations are written by hand for data/examples/seed-saas.goalsheet.
# TAP output.
#
# Usage: test-show-german.sh GOALSHEET-CLI PLAN   (GOALSHEET_LOCALEDIR: BUILD/po)
# Copyright 2026 The Goalsheet developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
plan=$2
if ! locale -a | grep -qi '^de_DE\.utf-\?8$'; then
  echo "1..0 # SKIP de_DE.UTF-8 is not generated (.ci/install-deps runs locale-gen)"
  exit 0
fi
if [ ! -f "$GOALSHEET_LOCALEDIR/de/LC_MESSAGES/goalsheet.mo" ]; then
  echo "Bail out! $GOALSHEET_LOCALEDIR/de/LC_MESSAGES/goalsheet.mo was not built"
  exit 1
fi
quarters=$(LANGUAGE=de LC_ALL=de_DE.UTF-8 "$cli" show "$plan") || { echo "Bail out! show failed"; exit 1; }
months=$(LANGUAGE=de LC_ALL=de_DE.UTF-8 "$cli" show --months "$plan") || { echo "Bail out! show --months failed"; exit 1; }
n=0
failed=0
nbsp=$'\u00a0' # German puts a no-break space before %
ok() { # ok DESCRIPTION COMMAND...
  local what=$1
  shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=1; fi
}
has() { grep -qF -- "$2" <<<"$1"; }
lacks() { ! grep -qF -- "$2" <<<"$1"; }

# German, written by hand.
for text in 'Acme Analytics — Zielblätter, Feb 27 bis Jan 28 (12 Monate), USD' \
  'Auftragsziel' 'Lücke zum Ziel' 'Plan (Funnel und Kapazität)' 'Pipeline aus Marketing' \
  'Nötiger Auftragseingang aus Neugeschäft' 'Vertriebszyklus (Tage)' 'AE-Kapazität' 'Quote pro AE' \
  'MQL, Nachfassen ≤ 24 h' 'Kosten pro MQL' 'GJ28 Q1' 'GJ28 Q4' 'VERTRIEB' 'GEMEINSAM' \
  'HEBEL FÜR DIE LÜCKE — jeder allein schließt die Lücke' '+840 Lead' "Lead→MQL 25${nbsp}% → 28,7${nbsp}%" \
  "Auftragswert 25.000${nbsp}\$ → 27.355${nbsp}\$" 'Mehr AEs bis Feb 27 allein können die Lücke nicht schließen' \
  'VEREINBARUNGEN' 'VP Vertrieb: nicht freigegeben'; do
  ok "show has “$text”" has "$quarters" "$text"
done
for text in 'Mär 27' 'Mai 27' 'Okt 27' 'Dez 27'; do
  ok "show --months has the month “$text”" has "$months" "$text"
done
# No English goal names, months, levers or headings.
for text in 'Bookings target' 'Gap to target' 'Marketing-sourced' 'Sales cycle' 'AE capacity' \
  'Quota per AE' 'Wins' 'Leads' 'FY28' 'GAP LEVERS' 'alone cannot close' 'deal ' 'AGREEMENTS' \
  'Before plan' 'Total' 'goal sheets' 'SHARED' 'SALES' 'follow up'; do
  ok "show has no English “$text”" lacks "$quarters" "$text"
done
for text in 'Mar 27' 'May 27' 'Oct 27' 'Dec 27'; do
  ok "show --months has no English month “$text”" lacks "$months" "$text"
done
echo "1..$n"
exit $failed
