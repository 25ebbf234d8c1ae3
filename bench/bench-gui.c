/* bench-gui.c — how long an edit takes to reach the screen.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens PLAN in a real GsWindow (run it under Xvfb), shows PAGE, then makes
 * N edits one after another: the deal size, or on the compensation page the
 * first role's OTE (gs_comp_set_ote, the edit that page's OTE field makes).
 * For each edit it measures
 *   update:  gs_plan_set() returning, i.e. the engine recomputing and the
 *            window updating the strip and the visible page (synchronous);
 *   painted: from the edit to the end of the next frame's paint, taken from
 *            the window's GdkFrameClock ("after-paint").
 * and, at the end, the main thread's CPU time per edit (CLOCK_THREAD_CPUTIME_ID
 * from the first edit to the last paint, work left to worker threads not
 * counted, the frames their results bring counted), with the part of it
 * spent in the frames' layout (measure, allocate) and paint (snapshot,
 * render, copy to the window) phases.  With BENCH_SETTLED set,
 * each compensation edit waits for the page's worker (the whole plan's
 * figures, the role's totals) and the frame that shows them, as edits made
 * by hand do; otherwise the next edit cancels them when it comes first.
 * With BENCH_SHOT=PREFIX set, the screen is saved (ImageMagick's import) to
 * PREFIX-before.png before the first edit and PREFIX-after.png after the
 * last edit's frame: what the partial repaints left on screen, to look at.
 * Usage: bench-gui PLAN [N] [PAGE]
 *        (PAGE: targets, marketing, sales, funnel, compensation)
 */
#include <adwaita.h>
#include <stdlib.h>
#include <time.h>

#include "gs-comp-edits.h"
#include "gs-comp-page.h"
#include "gs-window.h"

typedef struct
{
  GsPlan *plan;
  GsWindow *window;
  guint n, done;
  gint64 edit_start;
  gboolean waiting;
  GArray *update_us;
  GArray *painted_us;
  GsMoney deal;
  GsMoney ote;
  gboolean comp;
  GMainLoop *loop;
  GtkWidget *comp_page; /* settled: each edit waits for the page's worker */
  gboolean settling;
  double cpu_start; /* the main thread's CPU seconds at the first edit */
  double cpu_end;
  /* Main-thread CPU of the frames from the first edit on, by phase: from
   * before-paint to the end of layout (measure, allocate), and the paint
   * (snapshot, render, copy to the window); our handlers run after GTK's. */
  gboolean running;
  double phase_start;
  double layout_s;
  double paint_s;
} Bench;

static double
thread_cpu (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *what, GArray *values)
{
  double *v = (double *) values->data;
  guint n = values->len;
  g_array_sort (values, cmp_double);
  g_print ("%-8s median %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (%u edits)\n", what,
           v[n / 2] / 1000.0, v[(guint) (n * 0.95)] / 1000.0, v[(guint) (n * 0.99)] / 1000.0,
           v[n - 1] / 1000.0, n);
}

static gboolean
edit (gpointer data);

/* The screen as the X server holds it, to PREFIX-WHEN.png (BENCH_SHOT). */
static void
shot (const char *when)
{
  const char *prefix = g_getenv ("BENCH_SHOT");
  g_autofree char *command = NULL;
  g_autoptr (GError) error = NULL;
  if (prefix == NULL)
    return;
  command = g_strdup_printf ("import -window root %s-%s.png", prefix, when);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, &error))
    g_printerr ("%s: %s\n", command, error->message);
}

static void
next (Bench *b)
{
  if (++b->done >= b->n)
    {
      b->cpu_end = thread_cpu ();
      b->running = FALSE;
      shot ("after");
      g_main_loop_quit (b->loop);
    }
  else
    g_idle_add (edit, b);
}

/* Settled: the figures the page computes in a worker thread are back; the
 * next edit follows the frame that shows them. */
static gboolean
poll_ready (gpointer data)
{
  Bench *b = data;
  if (!gs_comp_page_get_figures_ready (GS_COMP_PAGE (b->comp_page)))
    return G_SOURCE_CONTINUE;
  b->settling = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (b->window));
  return G_SOURCE_REMOVE;
}

static void
before_paint (GdkFrameClock *clock, Bench *b)
{
  b->phase_start = thread_cpu ();
}

static void
after_layout (GdkFrameClock *clock, Bench *b)
{
  double now = thread_cpu ();
  if (b->running)
    b->layout_s += now - b->phase_start;
  b->phase_start = now;
}

static void
after_paint_phase (GdkFrameClock *clock, Bench *b)
{
  if (b->running)
    b->paint_s += thread_cpu () - b->phase_start;
}

static void
after_paint (GdkFrameClock *clock, Bench *b)
{
  if (b->settling)
    {
      b->settling = FALSE;
      next (b);
      return;
    }
  if (!b->waiting)
    return;
  b->waiting = FALSE;
  {
    double painted = (double) (g_get_monotonic_time () - b->edit_start);
    g_array_append_val (b->painted_us, painted);
  }
  if (b->comp_page && !gs_comp_page_get_figures_ready (GS_COMP_PAGE (b->comp_page)))
    g_timeout_add (1, poll_ready, b);
  else
    next (b);
}

static GtkWidget *
find_comp_page (GtkWidget *widget)
{
  if (GS_IS_COMP_PAGE (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_comp_page (c);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
edit (gpointer data)
{
  Bench *b = data;
  g_autoptr (GError) error = NULL;
  double update;
  GsMoney step = (GsMoney) ((b->done % 7) + 1) * 100000; /* +1,000.00 … +7,000.00 */
  gboolean ok;

  b->edit_start = g_get_monotonic_time ();
  if (b->comp)
    ok = gs_comp_set_ote (b->plan, 0, b->ote + step, &error);
  else
    ok = gs_plan_set_money (b->plan, "funnel.deal_size", b->deal + step, &error);
  if (!ok)
    g_error ("%s", error->message);
  update = (double) (g_get_monotonic_time () - b->edit_start);
  g_array_append_val (b->update_us, update);
  b->waiting = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (b->window));
  return G_SOURCE_REMOVE;
}

static gboolean
start (gpointer data)
{
  Bench *b = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (b->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), b);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint), b);
  g_signal_connect (clock, "layout", G_CALLBACK (after_layout), b);
  g_signal_connect (clock, "paint", G_CALLBACK (after_paint_phase), b);
  if (b->comp && g_getenv ("BENCH_SETTLED"))
    b->comp_page = find_comp_page (GTK_WIDGET (b->window));
  shot ("before");
  b->cpu_start = thread_cpu ();
  b->running = TRUE;
  edit (b);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  Bench b = { 0 };
  const char *page = argc > 3 ? argv[3] : "targets";

  if (argc < 2)
    {
      g_printerr ("usage: bench-gui PLAN [N] [PAGE]\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  b.plan = gs_plan_new_from_file (argv[1], &error);
  if (b.plan == NULL)
    g_error ("%s", error->message);
  b.n = argc > 2 ? (guint) atoi (argv[2]) : 100;
  b.deal = gs_plan_get_model (b.plan)->deal_size;
  b.comp = g_str_equal (page, "compensation");
  if (b.comp)
    {
      const GsCompModel *comp = gs_plan_get_model (b.plan)->comp;
      if (comp == NULL || comp->n_roles == 0)
        g_error ("%s has no pay plans", argv[1]);
      b.ote = comp->roles[0].ote;
    }
  b.update_us = g_array_new (FALSE, FALSE, sizeof (double));
  b.painted_us = g_array_new (FALSE, FALSE, sizeof (double));
  b.loop = g_main_loop_new (NULL, FALSE);
  b.window = gs_window_new (NULL, b.plan, NULL);
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1280, 860);
  gs_window_show_page (b.window, page);
  gtk_window_present (GTK_WINDOW (b.window));
  g_timeout_add (1500, start, &b); /* let the first frames settle */
  g_main_loop_run (b.loop);

  g_print ("%s, %s page:\n", argv[1], page);
  report ("update", b.update_us);
  report ("painted", b.painted_us);
  g_print ("main-thread CPU per edit %.2f ms (frames: layout %.2f ms, paint %.2f ms)\n",
           (b.cpu_end - b.cpu_start) * 1000.0 / b.n, b.layout_s * 1000.0 / b.n,
           b.paint_s * 1000.0 / b.n);
  return 0;
}
