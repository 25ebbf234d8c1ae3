/* gs-roster.h — CRM owners as the plan's named people.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An owner cell holds a name ("Zoë Ĺopez"), an e-mail, or both
 * ("Zoe Lopez (zoe@example.com)"); it matches a person by either, ignoring
 * case and accents, so exports from different tools meet the same person.
 */
#pragma once

#include "gs-actuals-data.h"

G_BEGIN_DECLS

/* The person index for the owner cell, adding a person on role (with
 * *added set) when nobody matches; -1 for an empty cell; -2 with error set
 * when the name or e-mail is longer than a plan's names may be. */
int
gs_roster_match (GsActualsData *data, const char *owner, const char *role, gboolean *added,
                 GError **error);

/* Name folded for comparison: lower case, accents dropped, spaces single. */
char *
gs_roster_fold (const char *text);
/* Folded to letters and digits, every other run becoming separator (or
 * dropped when it is 0): "Zoë Adams" → "zoe_adams"; "Closed Won" and
 * "closedwon" → "closedwon". */
char *
gs_roster_key (const char *text, char separator);

G_END_DECLS
