/* gs-input-group.h — the Targets page's assumption groups: a titled card of
 * labelled fields, and the small buttons and messages the structural editors
 * (sources, staffing) put in it.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-field.h"
#include "gs-plan.h"

G_BEGIN_DECLS

/* A titled group of labelled fields, one per row, with a message line under
 * the grid for an edit the engine refused (gs_input_group_show_error). */
GtkWidget *
gs_input_group_new (const char *title, GtkWidget **grid);
/* A field at path in row of grid, labelled title; returns the field. */
GtkWidget *
gs_input_group_add_field (GsPlan *plan, GtkWidget *grid, int row, const char *title,
                          const char *path, GsFieldKind kind, const char *unit);
/* A flat button in row of grid whose accessible name is what it does to what
 * ("Remove SDR outbound"); clicked calls back with data. */
GtkWidget *
gs_input_group_add_button (GtkWidget *grid, int row, int column, const char *label,
                           const char *accessible, GCallback clicked, gpointer data);
/* Names a control so that a group made again after an edit (a source added,
 * a ramp made longer) gives the keyboard focus back to the control of the
 * same name: gs_input_group_focus_key before, gs_input_group_refocus after. */
void
gs_input_group_set_key (GtkWidget *widget, const char *key);
char *
gs_input_group_focus_key (GtkWidget *container);
void
gs_input_group_refocus (GtkWidget *container, const char *key);
/* Shows the engine's refusal under the group the widget sits in (NULL hides it). */
void
gs_input_group_show_error (GtkWidget *inside, const GError *error);

G_END_DECLS
