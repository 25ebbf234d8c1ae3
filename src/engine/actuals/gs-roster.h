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

/* A name a person may take (a new one, or person except renamed; -1 for
 * none): not blank, at most GS_MAX_NAME characters, and nobody else's after
 * folding case and accents.  Returns the name trimmed, or NULL with error
 * set in the house's words ("A person needs a name.", "There is already a
 * person named “Jörg Müller” on the roster; choose another name."). */
char *
gs_roster_check_name (const GsActualsData *data, const char *name, int except, GError **error);
/* An e-mail a person may have: empty (NULL returned, no error), or one with
 * an "@", at most GS_MAX_NAME characters, nobody else's. *ok is FALSE with
 * error set when refused. */
char *
gs_roster_check_email (const GsActualsData *data, const char *email, int except, gboolean *ok,
                       GError **error);
/* A free id for a person called name ("Zoë Adams" → "zoe_adams", or
 * "zoe_adams_2" when taken). */
char *
gs_roster_new_id (const GsActualsData *data, const char *name);
/* How many records of the actuals name the person: deals owned or
 * credited (splits, overlays), leads owned, dispute notes. */
guint
gs_roster_person_records (const GsActualsData *data, guint person);

G_END_DECLS
