# damage.gdb — what each frame repaints: the region GTK's renderer hands to
# gdk_draw_context_begin_frame (its extents, then its rectangles), printed
# at each frame without debug symbols (cairo_region_t: refcount, status,
# then pixman's region: extents x1 y1 x2 y2, then a pointer to the boxes).
# Under Xvfb, with the CPU renderer (surface coordinates: the window's plus
# its 5 px shadow), e.g.:
#   GSK_RENDERER=cairo GDK_BACKEND=x11 GSETTINGS_BACKEND=memory \
#   GSETTINGS_SCHEMA_DIR=_build/data python3 tests/gui/with-display.py \
#   gdb -q -batch -x bench/damage.gdb --args _build/bench/bench-gui PLAN 3 compensation
set pagination off
set confirm off
set breakpoint pending on
handle SIGPIPE nostop noprint
break gdk_draw_context_begin_frame
commands
silent
printf "DAMAGE %d %d %d %d\n", *(int*)($rsi+8), *(int*)($rsi+12), *(int*)($rsi+16), *(int*)($rsi+20)
set $d = *(long*)($rsi+24)
if $d != 0
  set $n = *(long*)($d+8)
  set $i = 0
  while $i < $n && $i < 40
    set $b = (int*)($d+16+16*$i)
    printf "  rect %d %d %d %d\n", $b[0], $b[1], $b[2], $b[3]
    set $i = $i + 1
  end
end
continue
end
run
quit
