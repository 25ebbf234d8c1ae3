/* gs-comp-trace.h — how the compensation texts write their figures: money in
 * full, rates and multipliers as the shortest decimal, percents to four
 * places (gs_trace_number and gs_trace_percent are gs-comp.h's).  Shared by
 * comp/ and engine/text's trace words.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-comp.h"

G_BEGIN_DECLS

char *
gs_trace_money (guint digits, GsMoney value); /* "1,000.00" */
char *
gs_trace_value (guint digits, GsMeasure measure, double value); /* by the measure's unit */

G_END_DECLS
