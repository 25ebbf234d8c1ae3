/* gs-comp-private.h — helpers shared by the compensation files.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-comp-payout.h"
#include "gs-comp-trace.h"

G_BEGIN_DECLS

/* TRUE when x has reached threshold t under the boundary rule: with the
 * upper rule a value exactly on t has reached it, with the lower it has not.
 * Equality allows for binary noise (1e-12 relative). */
gboolean
gs_comp_reached (GsBoundary boundary, double x, double t);

/* The one rounding: snapped to 10^-6 of a minor unit (so 12.4999999999, the
 * binary image of 12.5, rounds as 12.5), then half away from zero.  Sets
 * *overflow when the result leaves the ±10^15 range. */
GsMoney
gs_comp_round (double minor_units, gboolean *overflow);

/* Evaluates a component's table (with its accelerators and decelerator) at x
 * (measure units) against quota and target incentive ti.  Appends GsSlice to
 * slices (may be NULL) and returns Σ slice amounts. */
GsMoney
gs_comp_table_eval (const GsCompComponent *c, GsBoundary boundary, double x, double quota,
                    GsMoney ti, double discount_multiplier, GArray *slices, gboolean *overflow);

/* The discount modifier's multiplier for an average discount. */
double
gs_comp_discount_multiplier (const GsCompComponent *c, GsBoundary boundary, double discount);

/* Appends a line of the given kind to trace (NULL: no trace, returns NULL);
 * the caller fills in the kind's figures. */
GsTraceLine *
gs_trace_add (GPtrArray *trace, GsTraceKind kind, guint depth, gboolean counts, GsMoney amount,
              const GsCompComponent *component);

G_END_DECLS
