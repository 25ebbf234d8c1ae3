/* gs-crm-date.h — dates as CRM exports write them, the day/month order
 * decided once per file.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ISO (2027-03-04, with or without a time) is never ambiguous.  03/04/2027
 * is 3 April in Europe and 4 March in the US; one row cannot tell, a file
 * usually can: a 13 or more in the first place means day first, in the
 * second place month first.  A file whose every such date fits both orders
 * is ambiguous and needs the mapping's date_order.
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

/* What the dates of one file allow. */
typedef struct
{
  gboolean day_first_seen;   /* a date whose first part only fits a day */
  gboolean month_first_seen; /* a date whose second part only fits a day */
  guint n_ambiguous;         /* non-ISO dates that fit both orders */
  char *example;             /* the first ambiguous date, for the message */
} GsDateEvidence;

/* Adds text (one cell) to the evidence; unreadable text adds nothing. */
void
gs_date_evidence_add (GsDateEvidence *ev, const char *text);
void
gs_date_evidence_clear (GsDateEvidence *ev);

/* The order to read the file with: from the evidence, else the mapping's
 * setting.  Fails (GS_ERROR_INVALID) when the file mixes both orders, or is
 * ambiguous and the setting is auto. */
gboolean
gs_date_order_decide (const GsDateEvidence *ev, GsDateOrder setting, GsDateOrder *out,
                      GError **error);

/* Reads one cell with the file's order; FALSE when it is not a date. */
gboolean
gs_crm_date_parse (const char *text, GsDateOrder order, GDate *out);

G_END_DECLS
