/* gs-large-alloc.c — large buffers on huge pages (gs-large-alloc.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-large-alloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((gsize) 2 * 1024 * 1024)

gpointer
gs_large_alloc (gsize size)
{
  void *p = NULL;
  gsize whole;
  if (size < HUGE_PAGE)
    return g_malloc (size);
  /* Whole huge pages: the kernel maps a 2 MiB page only where all of it
   * lies in the mapping, so a last part would be 4 KiB pages again. */
  whole = (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  /* g_free is free (GLib ≥ 2.46), so posix_memalign's block is g_free's. */
  if (whole < size || posix_memalign (&p, HUGE_PAGE, whole) != 0)
    return g_malloc (size); /* which aborts with g_malloc's message when it fails too */
#ifdef MADV_HUGEPAGE
  /* Advice only: where huge pages are off it changes nothing. */
  madvise (p, whole, MADV_HUGEPAGE);
#endif
  return p;
}

#ifdef MADV_POPULATE_WRITE
typedef struct
{
  char *start;
  gsize size; /* whole huge pages */
} Populate;

/* One huge page at a time from the end, so the caller writing from the
 * start meets the thread about halfway; a page the caller reached first is
 * skipped at no cost.  It stops at the first refusal (a kernel before 5.14,
 * the buffer freed and unmapped): the caller's writes fault the pages in as
 * they would have anyway. */
static gpointer
populate_main (gpointer data)
{
  Populate *job = data;
  gsize at = job->size;
  while (at > 0)
    {
      at -= HUGE_PAGE;
      if (madvise (job->start + at, HUGE_PAGE, MADV_POPULATE_WRITE) != 0)
        break;
    }
  g_free (job);
  return NULL;
}
#endif

gpointer
gs_large_alloc_populated (gsize size)
{
  gpointer p = gs_large_alloc (size);
#ifdef MADV_POPULATE_WRITE
  if (size >= 2 * HUGE_PAGE && ((guintptr) p & (HUGE_PAGE - 1)) == 0)
    {
      Populate *job = g_new (Populate, 1);
      GThread *thread;
      job->start = p;
      job->size = (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
      thread = g_thread_try_new ("gs-populate", populate_main, job, NULL);
      if (thread != NULL)
        g_thread_unref (thread);
      else
        g_free (job);
    }
#endif
  return p;
}

void
gs_large_populate (gpointer p, gsize size)
{
#ifdef MADV_POPULATE_WRITE
  guintptr start = ((guintptr) p + 4095) & ~(guintptr) 4095;
  guintptr end = ((guintptr) p + size) & ~(guintptr) 4095;
  if (end > start)
    madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
#else
  (void) p;
  (void) size;
#endif
}

gpointer
gs_large_alloc0 (gsize size)
{
  gpointer p = gs_large_alloc (size);
  /* g_malloc (0) is NULL, and memset may not be given NULL (UBSan). */
  if (p != NULL)
    memset (p, 0, size);
  return p;
}
