#!/bin/sh
# Takes the window's screenshots of docs/gui.md ("Screenshots"): the seed
# example's main pages at 800×600, 1280×800 and 1920×1080, light and dark,
# named PAGE-WIDTHxHEIGHT-SCHEME.png, into this folder (or OUT).  Each size is
# a screen of its own (Xvfb) with the window made as large as the screen, as
# on a laptop or a projector; dark is libadwaita's prefer-dark.
#
#   docs/screenshots/take.sh BUILD_DIR [OUT]
#
# Look at every picture after taking it: anything cut, overlapping or
# unreadable is a bug.
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${2:-$src/docs/screenshots}
work=$(mktemp -d "${TMPDIR:-/tmp}/goalsheet-shots-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# shoot SIZE SCHEME PAGE:KEY...
shoot() {
  size=$1 scheme=$2
  shift 2
  cp "$src/data/examples/seed-saas.goalsheet" "$work/seed-saas.goalsheet"
  GSETTINGS_BACKEND=memory GDK_BACKEND=x11 LC_ALL=C.UTF-8 XDG_DATA_HOME="$work" \
    GSETTINGS_SCHEMA_DIR="$build/data" GOALSHEET_LOCALEDIR="$build/po" NO_AT_BRIDGE=1 \
    ADW_DEBUG_COLOR_SCHEME="prefer-$scheme" SIZE="$size" OUT="$out" BUILD="$build" \
    PLAN="$work/seed-saas.goalsheet" \
    xvfb-run -a -s "-screen 0 ${size}x24" sh -c '
      "$BUILD/src/gui/goalsheet" "$PLAN" & app=$!
      win=$(xdotool search --sync --onlyvisible --name "Goalsheet" | head -n 1)
      xdotool windowmove "$win" 0 0 windowsize "$win" "${SIZE%x*}" "${SIZE#*x}"
      sleep 4
      for shot in "$@"; do
        page=${shot%%:*} key=${shot#*:}
        xdotool windowfocus --sync "$win" key "$key"
        sleep 3
        import -window root "$OUT/$page-$SIZE-'"$scheme"'.png"
      done
      kill $app' sh "$@"
}

for scheme in light dark; do
  shoot 800x600 "$scheme" targets:alt+1 funnel:alt+2 compensation:alt+5 scenarios:alt+6
  shoot 1280x800 "$scheme" targets:alt+1
  shoot 1920x1080 "$scheme" targets:alt+1
done
