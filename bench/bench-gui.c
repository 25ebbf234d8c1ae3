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
 * With BENCH_TAIL=MS set, every edit that took longer than MS to paint is
 * printed with what happened between it and its paint (its place in the
 * bench's cycle of seven OTE steps, the frames, each phase's CPU and wall
 * time, the main thread's CPU outside the frames, whether the worker's
 * figures arrived first), and the same columns' medians over all edits, to
 * compare the tail with the body, and the first five edits with them; each
 * with the main thread's page faults (getrusage, RUSAGE_THREAD), which the
 * first frames of a new paint size pay on fresh pages.
 * With BENCH_WARMUP=W set, W edits are made first and not counted (the
 * first edits of a window pay one-time costs: see bench/RESULTS.md).
 * With BENCH_SHOT=PREFIX set, the screen is saved (ImageMagick's import) to
 * PREFIX-before.png before the first edit and PREFIX-after.png after the
 * last edit's frame: what the partial repaints left on screen, to look at.
 * Usage: bench-gui PLAN [N] [PAGE]
 *        (PAGE: targets, marketing, sales, funnel, compensation)
 */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "gs-comp-edits.h"
#include "gs-comp-page.h"
#include "gs-window.h"

/* One edit, from the edit to the after-paint that shows it (BENCH_TAIL). */
typedef struct
{
  guint index;
  double update_ms;  /* the edit returning */
  double painted_ms; /* the edit to its after-paint */
  double wait_ms;    /* the edit returning to its frame's before-paint (wall) */
  double idle_cpu;   /* main-thread CPU in that wait: other sources, the worker's results */
  guint frames;      /* frames begun since the edit (1: its own) */
  double layout_cpu, layout_wall;
  double paint_cpu, paint_wall;
  guint figures;   /* worker results shown before the frame (page's figures, role totals) */
  double phase_ms; /* the frame clock's frame time minus the edit's start */
  gint64 start_us; /* the edit's start, CLOCK_MONOTONIC (perf record -k CLOCK_MONOTONIC) */
  double faults;   /* the main thread's page faults from the edit to its after-paint */
} EditRecord;

typedef struct
{
  GsPlan *plan;
  GsWindow *window;
  guint n, done;
  guint warmup; /* edits made first, not counted (BENCH_WARMUP) */
  gint64 edit_start;
  gboolean waiting;
  GArray *update_us;
  GArray *painted_us;
  GsMoney deal;
  GsMoney ote;
  gboolean comp;
  GMainLoop *loop;
  GtkWidget *comp_page; /* the Compensation page, when settled or tail */
  gboolean settle;      /* each edit waits for the page's worker (BENCH_SETTLED) */
  gboolean settling;
  double cpu_start; /* the main thread's CPU seconds at the first edit */
  double cpu_end;
  long faults_start; /* the main thread's page faults at the first edit */
  long faults_end;
  long edit_faults; /* at this edit's start */
  /* Main-thread CPU of the frames from the first edit on, by phase: from
   * before-paint to the end of layout (measure, allocate), and the paint
   * (snapshot, render, copy to the window); our handlers run after GTK's. */
  gboolean running;
  double phase_start;
  double layout_s;
  double paint_s;
  /* BENCH_TAIL: this edit's record, and every edit's. */
  double tail_ms; /* 0: off */
  EditRecord cur;
  GArray *records;
  double edit_done_cpu; /* the main thread's CPU when the edit returned */
  gint64 edit_done_us;
  double layout_start_wall;
  double paint_start_wall;
  gboolean ready_at_edit; /* the page's figures when the edit returned */
} Bench;

static double
thread_cpu (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Page faults of the calling thread (minor: first touches of fresh pages;
 * major ones need a disk and do not happen here). */
static long
thread_faults (void)
{
  struct rusage u;
  getrusage (RUSAGE_THREAD, &u);
  return u.ru_minflt + u.ru_majflt;
}

/* The process's memory at the end (bench/RESULTS.md compares the paint
 * warm-up's cost): resident anonymous and shared (XShm) memory, and the
 * peak resident set, from /proc/self/status. */
static void
report_memory (void)
{
  static const char *const keys[] = { "VmHWM:", "RssAnon:", "RssShmem:" };
  g_autofree char *status = NULL;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  g_print ("memory at the end (KiB):");
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *at = strstr (status, keys[k]);
      if (at)
        g_print (" %s %" G_GINT64_FORMAT, keys[k],
                 g_ascii_strtoll (at + strlen (keys[k]), NULL, 10));
    }
  g_print ("\n");
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

static double
median_of (GArray *records, gsize offset)
{
  g_autoptr (GArray) v = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < records->len; i++)
    {
      const char *r = (const char *) &g_array_index (records, EditRecord, i);
      double x = *(const double *) (r + offset);
      g_array_append_val (v, x);
    }
  g_array_sort (v, cmp_double);
  return v->len ? g_array_index (v, double, v->len / 2) : 0;
}

static void
print_record (const char *what, guint index, double update, double painted, double wait,
              double idle, guint frames, double lc, double lw, double pc, double pw, double phase,
              guint figures, double faults)
{
  g_print ("%-7s %5u %4u %7.2f %8.2f %7.2f %7.2f %4u %7.2f %7.2f %7.2f %7.2f %7.2f %3u %6.0f\n",
           what, index, index % 7 + 1, update, painted, wait, idle, frames, lc, lw, pc, pw, phase,
           figures, faults);
}

static void
print_edit (const char *what, const EditRecord *r)
{
  print_record (what, r->index, r->update_ms, r->painted_ms, r->wait_ms, r->idle_cpu, r->frames,
                r->layout_cpu, r->layout_wall, r->paint_cpu, r->paint_wall, r->phase_ms, r->figures,
                r->faults);
  if (g_getenv ("BENCH_TAIL_TIMES"))
    g_print ("        at %" G_GINT64_FORMAT " us, CLOCK_MONOTONIC\n", r->start_us);
}

/* BENCH_TAIL: the edits slower than tail_ms, and the medians of all. */
static void
report_tail (Bench *b)
{
  guint slow = 0, with_figures = 0, all_figures = 0, extra_frames = 0;
  g_print ("edits painted later than %.1f ms (step: the cycle's +N,000.00; ms; frames begun; "
           "figures: the worker's results shown before the frame):\n",
           b->tail_ms);
  g_print ("%-7s %5s %4s %7s %8s %7s %7s %4s %7s %7s %7s %7s %7s %3s %6s\n", "", "edit", "step",
           "update", "painted", "wait", "idlecpu", "frm", "lay.cpu", "lay.wal", "pnt.cpu",
           "pnt.wal", "phase", "fig", "faults");
  /* The first edits of a window pay one-time costs (fresh pages). */
  for (guint i = 0; i < MIN (5, b->records->len); i++)
    print_edit ("first", &g_array_index (b->records, EditRecord, i));
  for (guint i = 0; i < b->records->len; i++)
    {
      const EditRecord *r = &g_array_index (b->records, EditRecord, i);
      all_figures += r->figures;
      if (r->painted_ms <= b->tail_ms)
        continue;
      slow++;
      with_figures += r->figures;
      extra_frames += r->frames > 1;
      print_edit ("slow", r);
    }
  print_record ("median", 0, median_of (b->records, G_STRUCT_OFFSET (EditRecord, update_ms)),
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, painted_ms)),
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, wait_ms)),
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, idle_cpu)), 1,
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, layout_cpu)),
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, layout_wall)),
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, paint_cpu)),
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, paint_wall)),
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, phase_ms)), 0,
                median_of (b->records, G_STRUCT_OFFSET (EditRecord, faults)));
  g_print ("%u slow of %u; %u of them after more than one frame; the worker's figures before "
           "the frame in %u slow edits, %u of all\n",
           slow, b->records->len, extra_frames, with_figures, all_figures);
}

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
  if (++b->done == b->warmup)
    {
      b->cpu_start = thread_cpu ();
      b->faults_start = thread_faults ();
      b->running = TRUE;
    }
  if (b->done >= b->warmup + b->n)
    {
      b->cpu_end = thread_cpu ();
      b->faults_end = thread_faults ();
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

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
before_paint (GdkFrameClock *clock, Bench *b)
{
  b->phase_start = thread_cpu ();
  if (b->tail_ms > 0 && b->waiting)
    {
      EditRecord *r = &b->cur;
      if (r->frames++ == 0)
        {
          r->wait_ms = wall_ms () - b->edit_done_us / 1000.0;
          r->idle_cpu = (b->phase_start - b->edit_done_cpu) * 1000.0;
          r->phase_ms = (gdk_frame_clock_get_frame_time (clock) - b->edit_start) / 1000.0;
          if (b->comp_page)
            r->figures
                = !b->ready_at_edit && gs_comp_page_get_figures_ready (GS_COMP_PAGE (b->comp_page));
        }
      /* A frame without a layout phase (nothing to lay out) emits no
       * "layout": its paint is timed from here. */
      b->layout_start_wall = b->paint_start_wall = wall_ms ();
    }
}

static void
after_layout (GdkFrameClock *clock, Bench *b)
{
  double now = thread_cpu ();
  if (b->running)
    b->layout_s += now - b->phase_start;
  if (b->tail_ms > 0 && b->waiting)
    {
      b->cur.layout_cpu += (now - b->phase_start) * 1000.0;
      b->cur.layout_wall += wall_ms () - b->layout_start_wall;
      b->paint_start_wall = wall_ms ();
    }
  b->phase_start = now;
}

static void
after_paint_phase (GdkFrameClock *clock, Bench *b)
{
  double now = thread_cpu ();
  if (b->running)
    b->paint_s += now - b->phase_start;
  if (b->tail_ms > 0 && b->waiting)
    {
      b->cur.paint_cpu += (now - b->phase_start) * 1000.0;
      b->cur.paint_wall += wall_ms () - b->paint_start_wall;
    }
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
  if (b->done >= b->warmup)
    {
      double painted = (double) (g_get_monotonic_time () - b->edit_start);
      g_array_append_val (b->painted_us, painted);
      if (b->tail_ms > 0)
        {
          b->cur.painted_ms = painted / 1000.0;
          b->cur.faults = thread_faults () - b->edit_faults;
          g_array_append_val (b->records, b->cur);
        }
    }
  if (b->settle && !gs_comp_page_get_figures_ready (GS_COMP_PAGE (b->comp_page)))
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

  b->edit_faults = thread_faults ();
  b->edit_start = g_get_monotonic_time ();
  if (b->comp)
    ok = gs_comp_set_ote (b->plan, 0, b->ote + step, &error);
  else
    ok = gs_plan_set_money (b->plan, "funnel.deal_size", b->deal + step, &error);
  if (!ok)
    g_error ("%s", error->message);
  b->edit_done_us = g_get_monotonic_time ();
  b->edit_done_cpu = thread_cpu ();
  update = (double) (b->edit_done_us - b->edit_start);
  if (b->done >= b->warmup)
    g_array_append_val (b->update_us, update);
  memset (&b->cur, 0, sizeof b->cur);
  b->cur.index = b->done;
  b->cur.start_us = b->edit_start;
  b->cur.update_ms = update / 1000.0;
  if (b->comp_page)
    b->ready_at_edit = gs_comp_page_get_figures_ready (GS_COMP_PAGE (b->comp_page));
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
  if (b->comp && (g_getenv ("BENCH_SETTLED") || b->tail_ms > 0))
    b->comp_page = find_comp_page (GTK_WIDGET (b->window));
  b->settle = b->comp_page && g_getenv ("BENCH_SETTLED");
  shot ("before");
  b->cpu_start = thread_cpu ();
  b->faults_start = thread_faults ();
  b->running = b->warmup == 0;
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
  if (g_getenv ("BENCH_WARMUP"))
    b.warmup = (guint) atoi (g_getenv ("BENCH_WARMUP"));
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
  b.records = g_array_new (FALSE, FALSE, sizeof (EditRecord));
  if (g_getenv ("BENCH_TAIL"))
    b.tail_ms = g_ascii_strtod (g_getenv ("BENCH_TAIL"), NULL);
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
  g_print ("main-thread CPU per edit %.2f ms (frames: layout %.2f ms, paint %.2f ms), "
           "page faults per edit %.1f\n",
           (b.cpu_end - b.cpu_start) * 1000.0 / b.n, b.layout_s * 1000.0 / b.n,
           b.paint_s * 1000.0 / b.n, (double) (b.faults_end - b.faults_start) / b.n);
  report_memory ();
  if (b.tail_ms > 0)
    report_tail (&b);
  return 0;
}
