/* gs-export-payfx.h — the pay plan's arithmetic as Excel formulas (private to
 * the export; gs-export-payfx.c says which rules they follow).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-comp.h"
#include "gs-export-private.h"

G_BEGIN_DECLS

/* Where one component's inputs sit on the Compensation sheet. */
typedef struct
{
  const GsCompComponent *c;
  GsBoundary boundary;
  guint digits;
  guint band_row0, n_bands; /* band rows: column B from, C to, D rate */
  gboolean open_last;       /* the last band has no end (its C is text) */
  guint tier_row0;          /* accelerator rows: B above, C multiplier */
  guint decel_row;          /* B below, C multiplier */
  guint gate_row;           /* B minimum attainment, C the gate's quota per person */
  const char *gate_source;  /* the quota the gate's measure is set from at attainment a */
  const char *gate_a;       /* the attainment of the gate's measure, or NULL: a (every
                               measure at the same attainment) */
  const char *cap;          /* the cap amount's cell, or NULL */
  const char *ti;           /* the component's target incentive cell */
  const char *quota;        /* its quota per person: none (0) pays nothing */
  const char *ti_periods;   /* its split over the periods (a row range), or NULL */
  guint period;             /* amount basis, period by period: only this period (of the
                               component's), or G_MAXUINT for the year */
  const char *discount;     /* the discount modifier's multiplier at plan (NULL: none) */
  const char *period_pays;  /* paid period by period on amounts (gs_payfx_by_period): the
                               cells holding each period's pay at a (a row range), or NULL:
                               spelled out in the formula */
} GsPayRefs;

/* Whether a component pays on amounts period by period (not year to date,
 * more than one period): its periods' pay is then spelled into cells of
 * their own (gs_payfx_amount_period), so no formula passes Excel's 8,192
 * characters. */
gboolean
gs_payfx_by_period (const GsCompComponent *c);
/* Period k's pay of such a component at attainment a, as the engine pays
 * it: the period's amount against the table, behind the gate, up to what
 * the cap leaves after the periods before (before: their sum, or NULL). */
char *
gs_payfx_amount_period (const GsPayRefs *p, const char *a, guint k, const char *before);
/* "100" for two decimals: major units × this = minor units. */
const char *
gs_payfx_scale (guint digits);
/* "(x>=t)" under the upper rule, "(x>t)" under the lower. */
char *
gs_payfx_reached (GsBoundary boundary, const char *x, const char *t);
/* One person's pay on the component at attainment a (a cell or a number). */
char *
gs_payfx_component (const GsPayRefs *p, const char *a);
/* body (taken) behind a gate (its minimum in column B of gate_row; G_MAXUINT
 * for none) and under a cap (a cell, or NULL). */
char *
gs_payfx_gate_cap (GsBoundary boundary, const char *a, guint gate_row, const char *gate_source,
                   const char *cap, char *body);
/* Part i of total split by weights[0..n) by the largest remainder. */
char *
gs_payfx_split (const char *total, char *const *weights, guint n, guint i, guint digits);
/* Period p of a year's amount over n (4 or 12) periods by the months rule. */
char *
gs_payfx_period (const char *year, guint n, guint p, guint digits);

G_END_DECLS
