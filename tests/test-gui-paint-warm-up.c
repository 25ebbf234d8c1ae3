/* test-gui-paint-warm-up.c — a window's first edits paint on memory touched ahead.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/gui/widgets/gs-paint-warm-up.c touches, after a window's first frame,
 * the heap and cairo's X shared memory the frames of its first edits paint
 * into.  Here: mid-market on the Compensation page at 1,280 × 860 (as
 * bench/bench-gui), six OTE edits, each followed by its frame, counting the
 * process's resident shared memory (cairo's XShm pools) before and after:
 * the warm-up's blocks stay resident (also when cairo drops its pools that
 * are all free) and the edits' frames need no new ones.
 * Its own process, so no other test's window has made cairo's pool.
 */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#endif

#include "gs-comp-edits.h"
#include "gs-comp-page.h"
#include "gs-paint-warm-up.h"
#include "gs-window.h"
#include "test-gui-util.h"

static void
on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static void
wait_for_frame (GsWindow *window)
{
  gboolean painted = FALSE;
  gulong id = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                                G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), id);
}

/* The process's resident shared memory (cairo's XShm pools), KiB. */
static gint64
rss_shmem (void)
{
  g_autofree char *status = NULL;
  const char *at;
  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  at = strstr (status, "RssShmem:");
  g_assert_nonnull (at);
  return g_ascii_strtoll (at + strlen ("RssShmem:"), NULL, 10);
}

/* What makes cairo free its XShm pools that nothing is taken from. */
static void
drop_free_pools (GsWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  Window xid = gdk_x11_surface_get_xid (surface);
  XWindowAttributes attrs;
  cairo_surface_t *target, *image;

  g_assert_true (XGetWindowAttributes (dpy, xid, &attrs));
  XSync (dpy, False);
  target = cairo_xlib_surface_create (dpy, xid, attrs.visual, attrs.width, attrs.height);
  image = cairo_surface_create_similar_image (target, CAIRO_FORMAT_RGB24, 64, 64);
  cairo_surface_destroy (image);
  cairo_surface_destroy (target);
#endif
}

static void
test_first_edits (void)
{
  g_autofree char *file
      = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "mid-market.goalsheet", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = gs_plan_new_from_file (file, &error);
  gsize shm = 0, heap = 0;
  gint64 shmem_before;
  GsWindow *window;
  GsMoney ote;

#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
#endif
    {
      g_test_skip ("the warm-up is for X11's cairo path");
      return;
    }
  g_assert_no_error (error);
  ote = gs_plan_get_model (plan)->comp->roles[0].ote;
  shmem_before = rss_shmem ();
  window = gs_window_new (NULL, plan, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gs_window_show_page (window, "compensation");
  gtk_window_present (GTK_WINDOW (window));
  while (gs_paint_warm_up_get_runs (GTK_WINDOW (window), &shm, &heap) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* 1,280 × 860 × 4 bytes rounded up to 8 MiB: the heap block, and two
   * images one row short of it in XShm, kept resident by the pool's anchor
   * (without it cairo drops the pool when the images are freed). */
  g_assert_cmpuint (heap, ==, 8u << 20);
  g_assert_cmpuint (shm, ==, 2 * ((8u << 20) - 4096));
  g_assert_cmpint (rss_shmem () - shmem_before, >=, (gint64) shm / 1024);
  /* cairo drops a pool that is all free whenever an image of it is freed
   * after the X server has seen it attached; the anchor keeps this one. */
  drop_free_pools (window);
  g_assert_cmpint (rss_shmem () - shmem_before, >=, (gint64) shm / 1024);

  /* Without the warm-up the first edits' frames take new XShm blocks (a
   * new pool, or a second block while the X server reads the first): the
   * process's shared memory grows by 2–6 MiB over them.  With it they land
   * on the pool's touched blocks.  The heap part is measured by bench-gui
   * (page faults per edit, bench/RESULTS.md, h13m), not here: with the
   * example's few people and edits at once, 20–400 faults an edit remain on
   * free chunks inside the heap that no frame had written. */
  shmem_before = rss_shmem ();
  for (guint i = 0; i < 6; i++)
    {
      g_assert_true (gs_comp_set_ote (plan, 0, ote + (GsMoney) (i + 1) * 100000, &error));
      g_assert_no_error (error);
      wait_for_frame (window);
    }
  g_assert_cmpint (rss_shmem () - shmem_before, <=, 256);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  /* The XShm part is for the CPU renderer (Xvfb would give GL on llvmpipe,
   * whose frames never use the pool). */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/paint-warm-up/first-edits", test_first_edits);
  return g_test_run ();
}
