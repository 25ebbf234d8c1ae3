#!/usr/bin/env bash
# check-translations.sh SRCROOT [LANG...] — every translatable string of the
# sources is translated (and not fuzzy) in po/LANG.po, and the catalogue passes
# msgfmt --check.  The template is extracted afresh from po/POTFILES.in (the
# committed po/goalsheet.pot may be stale), so a string added to a .c or .ui
# file without a translation fails here, listed with its source location.
set -euo pipefail
src=$1
shift
langs=("$@")
[ ${#langs[@]} -gt 0 ] || mapfile -t langs < <(grep -Ev '^\s*(#|$)' "$src/po/LINGUAS")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every source that marks a string for translation is in po/POTFILES.in:
# a file left out would have its strings silently untranslated.
status=0
missing=$(cd "$src" && comm -23 \
  <(grep -rlE '(^|[^A-Za-z_])(N?C?_|g_dngettext|g_dpgettext2) \(' src --include='*.c' | sort) \
  <(grep -Ev '^\s*(#|$)' po/POTFILES.in | sort))
missing_ui=$(cd "$src" && comm -23 <(grep -rl 'translatable="yes"' ui data --include='*.ui' | sort) \
  <(grep -Ev '^\s*(#|$)' po/POTFILES.in | sort))
for f in $missing $missing_ui; do
  echo "FAIL: $f marks strings for translation but is not in po/POTFILES.in"
  status=1
done

# The keywords of meson's i18n 'glib' preset (po/meson.build).
(cd "$src" && xgettext --package-name=goalsheet --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in --output="$tmp/fresh.pot")
total=$(grep -c '^msgid ' "$tmp/fresh.pot" || true)

for lang in "${langs[@]}"; do
  po="$src/po/$lang.po"
  echo "== po/$lang.po against $((total - 1)) strings of the sources"
  if ! msgfmt --check --statistics --output-file=/dev/null "$po"; then
    echo "FAIL: msgfmt --check rejects po/$lang.po (see above)"
    status=1
    continue
  fi
  msgmerge --quiet --previous "$po" "$tmp/fresh.pot" --output-file="$tmp/$lang.po"
  msgattrib --untranslated --no-obsolete "$tmp/$lang.po" --output-file="$tmp/$lang.untranslated"
  msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" --output-file="$tmp/$lang.fuzzy"
  # Entries whose strings left the sources: harmless, reported so they get pruned.
  stale=$(grep -c '^#~ msgid ' "$tmp/$lang.po" || true)
  [ "$stale" -eq 0 ] || echo "note: $stale entries of po/$lang.po are no longer in the sources" \
    "(meson compile -C _build goalsheet-update-po marks them obsolete)"
  for kind in untranslated fuzzy; do
    f="$tmp/$lang.$kind"
    # msgattrib writes the header only when there are entries besides it.
    n=$(grep -c '^msgid ' "$f" 2>/dev/null || true)
    n=$(( n > 0 ? n - 1 : 0 ))
    if [ "$n" -gt 0 ]; then
      echo "FAIL: $n string(s) of the sources are $kind in po/$lang.po:"
      awk 'BEGIN { RS = ""; ORS = "\n\n" } NR > 1' "$f"
      status=1
    fi
  done
done
if [ $status -ne 0 ]; then
  echo "Fix: meson compile -C _build goalsheet-pot goalsheet-update-po, translate the strings"
  echo "listed above in po/LANG.po (remove any '#, fuzzy' after checking), then rerun this test."
else
  echo "All ${#langs[@]} catalogue(s) translate all $((total - 1)) strings."
fi
exit $status
