/* gs-person-dialog.h — "Add Person…" on the Actuals page's roster.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message dialog asking for a new person's name, e-mail, role and
 * (optional) annual quota.  Each keystroke is checked by the engine
 * (gs_roster_check_name, gs_roster_check_email): a blank name, one the
 * roster already has after folding case and accents, or one over 200
 * characters is named under the fields and Add is disabled until it is
 * fixed.  Add is gs_plan_add_person: one undoable edit.
 */
#pragma once

#include <adwaita.h>
#include "gs-plan.h"

G_BEGIN_DECLS

/* Presents the dialog over parent's window; returns it (owned by GTK). */
AdwMessageDialog *
gs_person_dialog_present (GtkWidget *parent, GsPlan *plan);

/* The message the dialog shows for what is typed now, or NULL when Add is
 * enabled (for tests). */
const char *
gs_person_dialog_get_message (AdwMessageDialog *dialog);

/* Fills the fields as typing would (NULL leaves one as it is; role is an id). */
void
gs_person_dialog_fill (AdwMessageDialog *dialog, const char *name, const char *email,
                       const char *role, const char *quota);

G_END_DECLS
