/* gs-roster-edits.h — people added to and removed from the roster by hand.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster (actuals.people) is filled by CRM imports; these edits add a
 * person nobody imported (a new hire before their first deal), change a
 * person's e-mail and remove a person no record names.  Each is one
 * undoable edit; a plan without actuals gets the section (format 1.1) in the
 * same edit as its first person.  Names are checked as the roster matches
 * them (gs_roster_check_name: not blank, at most 200 characters, nobody
 * else's after folding case and accents).
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-plan.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;  /* required */
  const char *email; /* or NULL / "" */
  const char *role;  /* a role id of the compensation plan; NULL: the mapping's owner role */
  GsMoney quota;     /* annual; 0 = the role's */
} GsNewPerson;

/* Appends the person; *index (may be NULL) is their place in the roster. */
gboolean
gs_plan_add_person (GsPlan *plan, const GsNewPerson *person, guint *index, GError **error);

/* Removes actuals.people[index]; refused while a deal, lead or dispute note
 * names the person (the message says how many). */
gboolean
gs_plan_remove_person (GsPlan *plan, guint index, GError **error);

/* Sets or (empty) clears actuals.people[index].email. */
gboolean
gs_plan_set_person_email (GsPlan *plan, guint index, const char *email, GError **error);

/* The role a new person may take: NULL, or a role id of the compensation
 * plan (any valid id when the plan has none).  Returns the role to store. */
const char *
gs_roster_role_for (GsPlan *plan, const char *role, GError **error);

G_END_DECLS
