/* gs-paint-warm-up.c — the memory a window's first edits paint with, touched at idle.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why: with the CPU renderer on X11, each frame GTK 4.8 paints into a new
 * image of the damage's size (calloc'd on the heap) and cairo 1.16 copies it
 * into a block of its X shared-memory pool for XShmPutImage.  The first
 * frames of an edit touch fresh pages of both: ~1,400 page faults in the
 * first edit's frame and ~450–700 in one of the next few (a second XShm
 * block while the X server still reads the first), ~12 µs each on a VM:
 * 20–30 ms, so a window's first edits missed their frame where later ones
 * did not (bench/RESULTS.md, "The window: an edit on the Compensation page").
 * So, once the window has been quiet for 250 ms after its first frame (and
 * its page's figures), and again after a page is shown, at idle, in three
 * steps so input waits for one step only, this touches them ahead:
 *  - the heap: glibc's thresholds fixed (mmap at its own dynamic maximum,
 *    trim at four times the block) and a block the window's size rounded
 *    up to a power of two allocated, written and freed, so the paint
 *    buffers and the edit's allocations land on pages already touched and
 *    a free does not hand them back to the kernel (a page's widgets, made
 *    when it is first shown, take the block: hence again after a page);
 *  - cairo's XShm pool (once): two images of that block's size taken from
 *    it and written (cairo_surface_create_similar_image on the window's
 *    xlib surface), the second freed and a 16 × 16 image taken before the
 *    first is, so the small one splits a touched block and stays: cairo
 *    drops a pool that is all free, and the next frame would make a new,
 *    untouched one.  Its buddy allocator hands the frames the rest of that
 *    block, then the other touched one.
 * It costs the window's size rounded up, once in the heap and twice in
 * shared memory (8 and 16 MiB for a 1,280 × 860 window; 60–250 ms of first
 * touches on this VM, at idle), and is skipped for windows of more than
 * 8 MiB of pixels (larger than 1,920 × 1,080) and off X11; the XShm part
 * only with the CPU (cairo) renderer, the one that paints through the pool.
 */
#define _DEFAULT_SOURCE /* explicit_bzero */
#include "config.h"

#include "gs-paint-warm-up.h"

#include <malloc.h>
#include <string.h>

#if defined(GDK_WINDOWING_X11) && defined(GS_HAVE_XLIB)
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#define WARM_UP_XSHM 1
#endif

#define WARM_UP_MAX_BLOCK (8u << 20)
#define WARM_UP_MMAP_THRESHOLD (32 << 20) /* glibc's DEFAULT_MMAP_THRESHOLD_MAX */

/* The XShm images: 1,024 px wide, one row short of the block, because cairo
 * sizes a new pool's largest block by the first image it holds and the next
 * power of two would double it. */
#define SHM_WIDTH 1024
#define SHM_HEIGHT(block) ((int) ((block) / (SHM_WIDTH * 4)) - 1)

/* Quiet this long after a frame before the warm-up runs: after the page's
 * own frames (its figures come from a worker), before a hand makes an edit. */
#define WARM_UP_QUIET_MS 250

/* A run is three steps, each in an idle of its own, so that input and
 * frames wait for one step (30–100 ms of first touches), not for all. */
typedef enum
{
  STEP_HEAP,
  STEP_XSHM_FIRST,
  STEP_XSHM_SECOND,
} Step;

typedef struct
{
  guint runs;
  gboolean pending;
  guint timeout_id;
  Step step;
  gsize block;
  gint64 start;
  gsize shm_bytes;
  gsize heap_bytes;
  cairo_surface_t *target; /* the window's xlib surface, during a run */
  cairo_surface_t *first;  /* the first XShm image, between its steps */
  cairo_surface_t *anchor; /* keeps cairo's XShm pool, and its touched pages */
} WarmUp;

static void
warm_up_clear (WarmUp *w)
{
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  g_clear_pointer (&w->first, cairo_surface_destroy);
  g_clear_pointer (&w->target, cairo_surface_destroy);
  g_clear_pointer (&w->anchor, cairo_surface_destroy);
  w->step = STEP_HEAP;
}

static void
warm_up_free (gpointer data)
{
  warm_up_clear (data);
  g_free (data);
}

#ifdef WARM_UP_XSHM
/* An image in cairo's XShm pool, written through. */
static cairo_surface_t *
shm_image (cairo_surface_t *window, int width, int height)
{
  cairo_surface_t *image
      = cairo_surface_create_similar_image (window, CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The window's xlib surface, to take images of cairo's XShm pool from. */
static cairo_surface_t *
xlib_target (GdkSurface *surface)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  Window xid = gdk_x11_surface_get_xid (surface);
  XWindowAttributes attrs;
  if (!XGetWindowAttributes (dpy, xid, &attrs))
    return NULL;
  return cairo_xlib_surface_create (dpy, xid, attrs.visual, attrs.width, attrs.height);
}
#endif

static gboolean
warm_up (gpointer user_data);

static gboolean
next_step (WarmUp *w, GtkWindow *window, Step step)
{
  w->step = step;
  w->timeout_id = g_idle_add_full (G_PRIORITY_LOW, warm_up, window, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
run_done (WarmUp *w)
{
  w->step = STEP_HEAP;
  w->runs++;
  g_debug ("paint warm-up %u: %" G_GSIZE_FORMAT " bytes of heap, %" G_GSIZE_FORMAT
           " of XShm, %.1f ms since it began",
           w->runs, w->heap_bytes, w->shm_bytes, (g_get_monotonic_time () - w->start) / 1000.0);
  return G_SOURCE_REMOVE;
}

static gboolean
warm_up (gpointer user_data)
{
  GtkWindow *window = user_data;
  WarmUp *w = g_object_get_data (G_OBJECT (window), "gs-paint-warm-up");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  w->timeout_id = 0;
  if (surface == NULL)
    return run_done (w);
  switch (w->step)
    {
    case STEP_HEAP:
      {
        gsize bytes = (gsize) gdk_surface_get_width (surface) * gdk_surface_get_height (surface)
                      * gdk_surface_get_scale_factor (surface)
                      * gdk_surface_get_scale_factor (surface) * 4;
        guchar *reserve;
        w->start = g_get_monotonic_time ();
        w->pending = FALSE;
        for (w->block = 64 << 10; w->block < bytes; w->block <<= 1)
          ;
        if (w->block > WARM_UP_MAX_BLOCK)
          return run_done (w);
        mallopt (M_MMAP_THRESHOLD, WARM_UP_MMAP_THRESHOLD);
        mallopt (M_TRIM_THRESHOLD, (int) (4 * w->block));
        reserve = g_malloc (w->block);
        explicit_bzero (reserve, w->block); /* a write the compiler keeps; calloc would not touch */
        g_free (reserve);
        w->heap_bytes = w->block;
#ifdef WARM_UP_XSHM
        /* Only the CPU renderer paints through cairo's XShm pool; with GL
         * the pool would be 16 MiB that no frame uses. */
        if (w->anchor == NULL && GDK_IS_X11_SURFACE (surface)
            && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))))
          return next_step (w, window, STEP_XSHM_FIRST);
#endif
        return run_done (w);
      }
#ifdef WARM_UP_XSHM
    case STEP_XSHM_FIRST:
      w->target = xlib_target (surface);
      if (w->target == NULL)
        return run_done (w);
      w->first = shm_image (w->target, SHM_WIDTH, SHM_HEIGHT (w->block));
      /* It comes from the pool only when the X server offers shared
       * memory; otherwise it is a plain image and there is nothing to keep. */
      if (cairo_surface_get_device (w->first) == NULL)
        {
          g_clear_pointer (&w->first, cairo_surface_destroy);
          g_clear_pointer (&w->target, cairo_surface_destroy);
          return run_done (w);
        }
      return next_step (w, window, STEP_XSHM_SECOND);
    case STEP_XSHM_SECOND:
      cairo_surface_destroy (shm_image (w->target, SHM_WIDTH, SHM_HEIGHT (w->block)));
      w->anchor = cairo_surface_create_similar_image (w->target, CAIRO_FORMAT_RGB24, 16, 16);
      g_clear_pointer (&w->first, cairo_surface_destroy);
      g_clear_pointer (&w->target, cairo_surface_destroy);
      w->shm_bytes = (gsize) 2 * SHM_WIDTH * SHM_HEIGHT (w->block) * 4;
      return run_done (w);
#endif
    default:
      return run_done (w);
    }
}

/* Each frame while a warm-up is due puts it off until the window is quiet. */
static void
on_after_paint (GdkFrameClock *clock, GtkWindow *window)
{
  WarmUp *w = g_object_get_data (G_OBJECT (window), "gs-paint-warm-up");
  if (!w->pending || w->step != STEP_HEAP)
    return;
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  w->timeout_id = g_timeout_add_full (G_PRIORITY_LOW, WARM_UP_QUIET_MS, warm_up, window, NULL);
}

static void
on_realize (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_after_paint), widget, 0);
}

static void
on_unrealize (GtkWidget *widget)
{
  WarmUp *w = g_object_get_data (G_OBJECT (widget), "gs-paint-warm-up");
  warm_up_clear (w);
  w->pending = TRUE; /* realized again, on a new frame clock and pool */
}

void
gs_paint_warm_up_watch (GtkWindow *window)
{
  WarmUp *w = g_new0 (WarmUp, 1);
  w->pending = TRUE;
  g_object_set_data_full (G_OBJECT (window), "gs-paint-warm-up", w, warm_up_free);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  g_signal_connect (window, "unrealize", G_CALLBACK (on_unrealize), NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window));
}

void
gs_paint_warm_up_again (GtkWindow *window)
{
  WarmUp *w = g_object_get_data (G_OBJECT (window), "gs-paint-warm-up");
  if (w)
    w->pending = TRUE;
}

guint
gs_paint_warm_up_get_runs (GtkWindow *window, gsize *shm_bytes, gsize *heap_bytes)
{
  WarmUp *w = g_object_get_data (G_OBJECT (window), "gs-paint-warm-up");
  if (shm_bytes)
    *shm_bytes = w ? w->shm_bytes : 0;
  if (heap_bytes)
    *heap_bytes = w ? w->heap_bytes : 0;
  return w ? w->runs : 0;
}
