/* gs-crm-deal-terms.h — a deal's pay terms from a CRM export: the discount
 * beyond list price, the contract term, new or existing business, and the
 * SPIFs the CRM flags it for (docs/actuals.md, "Headers").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

/* A discount cell: a percent ("15%", "15 %", "12,5 %" with a decimal comma)
 * or a fraction of the list price ("0.15"); under a percent header
 * ("Discount %") a bare number is a percent ("15").  0–100 %. */
gboolean
gs_crm_parse_discount (const char *text, gboolean percent_header, gboolean decimal_comma,
                       double *out, GError **error);

/* The discount a deal sold at amount has off its list amount: 1 − amount ÷
 * list, to 10⁻⁶ (0.0001 %); 0 when sold at or above list.  list > 0. */
double
gs_crm_discount_from_list (GsMoney amount, GsMoney list);

/* A term cell: whole months ("36", "36 months", "24 mo") or whole years
 * ("3 years", "2 yr"); 1–600 months. */
gboolean
gs_crm_parse_term (const char *text, guint *months, GError **error);

/* A deal type cell: HubSpot's "New Business" / "newbusiness" and "Existing
 * Business", Salesforce's "New Customer" and "Existing Customer - Upgrade"
 * (also "Renewal", "Upsell", "Expansion"). */
gboolean
gs_crm_parse_deal_type (const char *text, GsDealType *out, GError **error);

/* A SPIF cell: SPIF ids or names separated by ";", "," or "|", each a SPIF
 * of a role of model's pay plan (case ignored), at most GS_MAX_DEAL_SPIFS.
 * Returns the ids (NULL-terminated; NULL for an empty cell with no error). */
char **
gs_crm_parse_spif_tags (const char *text, const GsModel *model, GError **error);

G_END_DECLS
