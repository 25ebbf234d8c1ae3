/* gs-export-targets.c — the Targets sheet: the company target split into
 * months and sources by largest remainder, as formulas.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gs_money_split, spelled out in cells so a spreadsheet reproduces it to the
 * cent: each part's exact share in minor units, its whole units (INT), its
 * remainder, and one extra unit for the parts with the largest remainders
 * (earliest first on ties) until the whole is given out.  Every cached value
 * is the engine's split trace (GsResult's new_business_split, existing_split,
 * source_split, year totals and new_business_to_date, from
 * gs_money_split_trace): this file computes no figure.  A split the formulas
 * cannot show (an extra other than 0 or 1) is written as values with a note.
 */
#include "gs-export-private.h"
#include "gs-explain.h"

#include <math.h>

#define LIVE_SPLIT_NOTE                                                                            \
  "Largest remainder, as Goalsheet splits money: each part gets the whole minor units of its "     \
  "exact share, and the units left over go one each to the parts with the largest remainders "     \
  "(the earlier part on a tie), so the parts add up to the whole to the cent."
#define VALUE_SPLIT_NOTE                                                                           \
  "A value: this split could not be reproduced by the formulas here, so the sheet carries "        \
  "Goalsheet's figure."

typedef struct
{
  const GsModel *m;
  const GsResult *r;
  guint digits;
  double scale; /* 10^digits */
  GsXTable *t;
  guint col0;
} T;

/* ROUND(ref*10^d,0): a money cell in whole minor units. */
static char *
minor_of (T *c, const char *ref)
{
  return g_strdup_printf ("ROUND(%s*%.0f,0)", ref, c->scale);
}

/* The rows of one largest-remainder block of the month grid: exact, whole,
 * remainder, extra and the resulting money row. */
typedef struct
{
  guint exact, whole, rem, extra, money;
} Block;

/* The engine's split decided every part by its whole units plus at most
 * one extra unit: the formulas below reproduce exactly that. */
static gboolean
split_is_plain (const GsMoneySplitPart *trace, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (trace[i].extra != 0 && trace[i].extra != 1)
      return FALSE;
  return TRUE;
}

/* Month split of each plan year (new business or existing customers):
 * helper rows exact/whole/remainder/extra, then the parts in money. */
static void
month_block (T *c, const char *what, guint year_row, guint year_col, guint weight_row,
             const GsMoneySplitPart *split, GsMoney total_value, gboolean live, Block *b)
{
  const GsResult *r = c->r;
  guint H = r->horizon;
  GsXRow *rows[5] = { NULL };
  static const char *const labels[]
      = { "exact share (minor units)", "whole minor units", "remainder", "extra minor unit" };

  if (live)
    for (guint k = 0; k < 4; k++)
      {
        g_autofree char *label = g_strdup_printf ("%s: %s", what, labels[k]);
        rows[k] = gs_xrow_add (c->t);
        gs_xput_text (rows[k], 0, label, GS_XSTYLE_PLAIN);
      }
  rows[4] = gs_xrow_add (c->t);
  b->money = gs_xrow_index (c->t);
  b->exact = b->money - 4;
  b->whole = b->money - 3;
  b->rem = b->money - 2;
  b->extra = b->money - 1;
  gs_xput_text (rows[4], 0, what, GS_XSTYLE_TOTAL);

  for (guint mo = 0; mo < H; mo++)
    {
      guint col = c->col0 + mo, y = mo / 12;
      guint fa = c->col0 + y * 12, fb = c->col0 + MIN (H, y * 12 + 12) - 1;
      const GsMoneySplitPart *sp = &split[mo];
      GsXCell *cell;

      if (!live)
        {
          cell = gs_xput_money (c->digits, rows[4], col, sp->part, NULL);
          if (mo == 0)
            cell->note = g_strdup (VALUE_SPLIT_NOTE);
          continue;
        }
      {
        g_autofree char *total_ref = gs_xref (year_row + y, year_col, TRUE);
        g_autofree char *total = minor_of (c, total_ref);
        g_autofree char *wref = gs_xref (weight_row, col, FALSE);
        g_autofree char *sref = gs_xref (year_row + y, 2, TRUE);
        g_autofree char *e = gs_xref (b->exact, col, FALSE);
        g_autofree char *wh = gs_xref (b->whole, col, FALSE);
        g_autofree char *re = gs_xref (b->rem, col, FALSE);
        g_autofree char *ex = gs_xref (b->extra, col, FALSE);
        g_autofree char *rems = gs_xrange (b->rem, fa, b->rem, fb);
        g_autofree char *wholes = gs_xrange (b->whole, fa, b->whole, fb);
        g_autofree char *before = col > fa ? gs_xrange (b->rem, fa, b->rem, col - 1) : NULL;
        g_autofree char *ties
            = before ? g_strdup_printf ("+SUMPRODUCT(--(%s=%s))", before, re) : g_strdup ("");

        gs_xput_number (rows[0], col, sp->exact, 2,
                        g_strdup_printf ("%s*(%s/%s)", total, wref, sref));
        gs_xput_count (rows[1], col, sp->whole, g_strdup_printf ("INT(%s)", e));
        gs_xput_number (rows[2], col, sp->remainder, 4,
                        g_strdup_printf ("IF(%s>0,%s-%s,-1)", wref, e, wh));
        /* Rank of this remainder in its year (ties: the earlier month first)
         * against the units left over after the whole units. */
        gs_xput_count (rows[3], col, sp->extra,
                       g_strdup_printf ("IF(1+SUMPRODUCT(--(%s>%s))%s<=%s-SUM(%s),1,0)", rems, re,
                                        ties, total, wholes));
        cell = gs_xput_money (c->digits, rows[4], col, sp->part,
                              g_strdup_printf ("(%s+%s)/%.0f", wh, ex, c->scale));
        if (mo == 0)
          cell->note = g_strdup (LIVE_SPLIT_NOTE);
      }
    }
  {
    g_autofree char *total = gs_xsum (b->money, c->col0, b->money, c->col0 + H - 1);
    gs_xput_money (c->digits, rows[4], c->col0 + H, total_value,
                   g_strdup_printf ("ROUND(%s,%u)", total, c->digits));
  }
}

gboolean
gs_export_build_targets (GsExportBook *book, const GsModel *m, const GsResult *r,
                         GsTargetsLayout *out)
{
  const GsCompany *co = &m->company;
  guint H = r->horizon, n_years = (H + 11) / 12;
  T c = { m, r, co->digits, pow (10, co->digits), NULL, 1 };
  GsXRow *row;
  guint year_row, weight_row, running_row;
  gboolean live;
  Block nb, ex;

  c.t = gs_xtable_new (book, "Targets", "targets");

  /* Formulas only where the engine's split is the plain largest remainder. */
  live = split_is_plain (r->new_business_split, H) && split_is_plain (r->existing_split, H);

  gs_xput_text (gs_xrow_add (c.t), 0, "Targets: the company target by year, month and source",
                GS_XSTYLE_TITLE);
  gs_xput_text (gs_xrow_add (c.t), 0,
                "Each year's target is split into months by the seasonality weights, and each "
                "month's new business across the sources by share, to the cent.",
                GS_XSTYLE_PLAIN);
  c.t->freeze_cols = 1;
  c.t->widths[0] = 58;
  for (guint i = 1; i <= H + 1 && i < G_N_ELEMENTS (c.t->widths); i++)
    c.t->widths[i] = 15;

  /* Year by year. */
  row = gs_xrow_add (c.t);
  {
    static const char *const head[]
        = { "Plan year",          "Months",      "Their seasonality weights", "Target",
            "Existing customers", "New business" };
    for (guint i = 0; i < G_N_ELEMENTS (head); i++)
      gs_xput_text (row, i, head[i], GS_XSTYLE_HEADER);
  }
  year_row = c.t->rows->len;
  for (guint y = 0; y < n_years; y++)
    {
      guint n = MIN (12, H - y * 12);
      g_autofree char *label = g_strdup_printf ("Year %u", y + 1);
      g_autofree char *full = NULL;
      g_autofree char *target = NULL;
      g_autofree char *exist = NULL;
      g_autofree char *weights = NULL;
      if (co->target_mode == GS_TARGET_GROWTH)
        full = g_strdup_printf ("ROUND(PriorBookings*(1+Growth)^%u,%u)", y + 1, c.digits);
      else
        full = g_strdup ("TargetAmount");
      {
        GString *ws = g_string_new (NULL);
        for (guint i = 0; i < n; i++)
          g_string_append_printf (ws, "%sSeason_M%02u", i ? "+" : "", i + 1);
        weights = g_string_free (ws, FALSE);
      }
      {
        g_autofree char *part = gs_xref (year_row + y, 2, FALSE);
        GString *all12 = g_string_new (NULL);
        for (guint i = 0; i < 12; i++)
          g_string_append_printf (all12, "%sSeason_M%02u", i ? "+" : "", i + 1);
        /* A partial last year gets its months' share of the year's target. */
        target = n < 12 ? g_strdup_printf ("ROUND(%s*%s/(%s),%u)", full, part, all12->str, c.digits)
                        : g_strdup (full);
        exist = n < 12 ? g_strdup_printf ("ROUND(ExistingBookings*%s/(%s),%u)", part, all12->str,
                                          c.digits)
                       : g_strdup ("ExistingBookings");
        g_string_free (all12, TRUE);
      }
      row = gs_xrow_add (c.t);
      gs_xput_text (row, 0, label, GS_XSTYLE_LABEL);
      gs_xput_count (row, 1, n, NULL);
      gs_xput_number (row, 2, r->weight_year[y], 2, g_steal_pointer (&weights));
      gs_xput_money (c.digits, row, 3, r->target_year[y], live ? g_steal_pointer (&target) : NULL);
      gs_xput_money (c.digits, row, 4, r->existing_year[y], live ? g_steal_pointer (&exist) : NULL);
      {
        g_autofree char *a = gs_xref (year_row + y, 3, FALSE);
        g_autofree char *b = gs_xref (year_row + y, 4, FALSE);
        gs_xput_money (c.digits, row, 5, r->new_business_year[y],
                       live ? g_strdup_printf ("ROUND(%s-%s,%u)", a, b, c.digits) : NULL);
      }
    }

  /* Month by month. */
  gs_xrow_add (c.t);
  row = gs_xrow_add (c.t);
  gs_xput_text (row, 0, "By month", GS_XSTYLE_HEADER);
  for (guint mo = 0; mo < H; mo++)
    {
      g_autofree char *month = gs_explain_month_label (&r->months[r->n_pre + mo]);
      gs_xput_text (row, c.col0 + mo, month, GS_XSTYLE_HEADER);
    }
  gs_xput_text (row, c.col0 + H, "Plan", GS_XSTYLE_HEADER);
  row = gs_xrow_add (c.t);
  weight_row = gs_xrow_index (c.t);
  gs_xput_text (row, 0, "Seasonality weight", GS_XSTYLE_LABEL);
  for (guint mo = 0; mo < H; mo++)
    {
      g_autofree char *name = g_strdup_printf ("Season_M%02u", mo % 12 + 1);
      gs_xput_number (row, c.col0 + mo, co->seasonality[mo % 12], 2, g_steal_pointer (&name));
    }

  month_block (&c, "New-business target", year_row, 5, weight_row, r->new_business_split,
               r->target_new_business, live, &nb);
  month_block (&c, "Existing-customer bookings", year_row, 4, weight_row, r->existing_split,
               r->target_existing, live, &ex);
  row = gs_xrow_add (c.t);
  out->target_row = gs_xrow_index (c.t);
  gs_xput_text (row, 0, "Bookings target", GS_XSTYLE_TOTAL);
  for (guint mo = 0; mo <= H; mo++)
    {
      g_autofree char *a = gs_xref (nb.money, c.col0 + mo, FALSE);
      g_autofree char *b = gs_xref (ex.money, c.col0 + mo, FALSE);
      gs_xput_money (c.digits, row, c.col0 + mo, mo < H ? r->target_month[mo] : r->target_total,
                     g_strdup_printf ("ROUND(%s+%s,%u)", a, b, c.digits));
    }
  out->col0 = c.col0;
  out->nb_row = nb.money;
  out->ex_row = ex.money;

  /* By source: the running new-business target split by share each month;
   * a month's part is the increase of the running part. */
  gs_xrow_add (c.t);
  row = gs_xrow_add (c.t);
  running_row = gs_xrow_index (c.t);
  gs_xput_text (row, 0, "New business to date (minor units)", GS_XSTYLE_LABEL);
  {
    g_autofree char *shares = NULL;
    GString *ss = g_string_new ("(");
    for (guint j = 0; j < m->n_sources; j++)
      g_string_append_printf (ss, "%sSrc%u_Share", j ? "+" : "", j + 1);
    g_string_append_c (ss, ')');
    shares = g_string_free (ss, FALSE);
    for (guint mo = 0; mo < H; mo++)
      {
        g_autofree char *a = gs_xref (nb.money, c.col0, TRUE);
        g_autofree char *b = gs_xref (nb.money, c.col0 + mo, FALSE);
        g_autofree char *sum = g_strdup_printf ("SUM(%s:%s)", a, b);
        gs_xput_count (row, c.col0 + mo, r->new_business_to_date[mo], minor_of (&c, sum));
      }

    {
      if (!split_is_plain (r->source_split, (gsize) H * m->n_sources))
        {
          for (guint j = 0; j < m->n_sources; j++)
            {
              g_autofree char *label
                  = g_strdup_printf ("%s: new-business target", m->sources[j].name);
              row = gs_xrow_add (c.t);
              out->src_row[j] = gs_xrow_index (c.t);
              gs_xput_text (row, 0, label, GS_XSTYLE_TOTAL);
              for (guint mo = 0; mo < H; mo++)
                {
                  GsXCell *cell = gs_xput_money (c.digits, row, c.col0 + mo,
                                                 r->source_target[(gsize) j * H + mo], NULL);
                  if (mo == 0)
                    cell->note = g_strdup (VALUE_SPLIT_NOTE);
                }
            }
          return FALSE;
        }
    }
    for (guint j = 0; j < m->n_sources; j++)
      {
        const GsSource *src = &m->sources[j];
        guint base = c.t->rows->len; /* exact, whole, rem, extra, to date, month */
        GsXRow *sr[6];
        static const char *const labels[]
            = { "exact share of the running target (minor units)", "whole minor units", "remainder",
                "extra minor unit", "share of the target to date (minor units)" };
        for (guint k = 0; k < 6; k++)
          {
            g_autofree char *label
                = g_strdup_printf ("%s: %s", src->name, k < 5 ? labels[k] : "new-business target");
            sr[k] = gs_xrow_add (c.t);
            /* The label joins user text to ours: always a string cell. */
            gs_xput_text (sr[k], 0, label, k < 5 ? GS_XSTYLE_PLAIN : GS_XSTYLE_TOTAL);
          }
        out->src_row[j] = base + 5;
        for (guint mo = 0; mo < H; mo++)
          {
            guint col = c.col0 + mo;
            const GsMoneySplitPart *sp = &r->source_split[(gsize) j * H + mo];
            g_autofree char *run = gs_xref (running_row, col, TRUE);
            g_autofree char *e = gs_xref (base, col, FALSE);
            g_autofree char *wh = gs_xref (base + 1, col, FALSE);
            g_autofree char *re = gs_xref (base + 2, col, FALSE);
            g_autofree char *exr = gs_xref (base + 3, col, FALSE);
            g_autofree char *td = gs_xref (base + 4, col, FALSE);
            GString *rank = g_string_new ("1");
            GString *wholes = g_string_new (NULL);
            for (guint i = 0; i < m->n_sources; i++)
              {
                g_autofree char *ri = gs_xref (base + 2 + ((gint) i - (gint) j) * 6, col, FALSE);
                g_autofree char *wi = gs_xref (base + 1 + ((gint) i - (gint) j) * 6, col, FALSE);
                if (i != j)
                  g_string_append_printf (rank, "+(%s%s%s)", ri, i < j ? ">=" : ">", re);
                g_string_append_printf (wholes, "%s%s", i ? "+" : "", wi);
              }
            gs_xput_number (sr[0], col, sp->exact, 2,
                            g_strdup_printf ("%s*(Src%u_Share/%s)", run, j + 1, shares));
            gs_xput_count (sr[1], col, sp->whole, g_strdup_printf ("INT(%s)", e));
            gs_xput_number (sr[2], col, sp->remainder, 4,
                            g_strdup_printf ("IF(Src%u_Share>0,%s-%s,-1)", j + 1, e, wh));
            gs_xput_count (sr[3], col, sp->extra,
                           g_strdup_printf ("IF(%s<=%s-(%s),1,0)", rank->str, run, wholes->str));
            gs_xput_count (sr[4], col, sp->part, g_strdup_printf ("%s+%s", wh, exr));
            {
              g_autofree char *prev = mo ? gs_xref (base + 4, col - 1, FALSE) : NULL;
              GsXCell *cell
                  = gs_xput_money (c.digits, sr[5], col, r->source_target[(gsize) j * H + mo],
                                   prev ? g_strdup_printf ("(%s-%s)/%.0f", td, prev, c.scale)
                                        : g_strdup_printf ("%s/%.0f", td, c.scale));
              if (mo == 0 && j == 0)
                cell->note = g_strdup (LIVE_SPLIT_NOTE);
            }
            g_string_free (rank, TRUE);
            g_string_free (wholes, TRUE);
          }
        {
          g_autofree char *total = gs_xsum (base + 5, c.col0, base + 5, c.col0 + H - 1);
          gs_xput_money (c.digits, sr[5], c.col0 + H, r->source_target_total[j],
                         g_strdup_printf ("ROUND(%s,%u)", total, c.digits));
        }
      }
  }
  return live;
}
