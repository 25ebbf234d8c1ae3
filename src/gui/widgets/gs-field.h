/* gs-field.h — one plan input, edited in place.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GsField shows the value at a plan path with its unit and sends edits to
 * the GsPlan on Enter or when focus leaves.  A value the engine refuses stays
 * in the entry, marked as an error with the engine's message underneath; the
 * plan is left unchanged.
 */
#pragma once

#include <gtk/gtk.h>
#include "gs-plan.h"

G_BEGIN_DECLS

typedef enum
{
  GS_FIELD_KIND_TEXT,
  GS_FIELD_KIND_INT,
  GS_FIELD_KIND_NUMBER,
  GS_FIELD_KIND_PERCENT, /* shown ×100, stored as a fraction */
  GS_FIELD_KIND_MONEY,   /* stored as the engine's decimal string */
} GsFieldKind;

#define GS_TYPE_FIELD (gs_field_get_type ())
G_DECLARE_FINAL_TYPE (GsField, gs_field, GS, FIELD, GtkWidget)

/* An engine edit applied instead of setting the value at the path (a weight
 * moves the other weights with it): it gets the typed value — the text of a
 * text field, else the number (money in minor units, a percent as a
 * fraction; NAN when the field was emptied, for a value that can be cleared). */
typedef gboolean (*GsFieldApply) (GsPlan *plan, const char *text, double number, gpointer data,
                                  GError **error);

GtkWidget *
gs_field_new (GsPlan *plan, const char *path, GsFieldKind kind, const char *unit,
              const char *label);
const char *
gs_field_get_path (GsField *self);
void
gs_field_set_path (GsField *self, const char *path);
void
gs_field_set_label (GsField *self, const char *label);
const char *
gs_field_get_error (GsField *self);
const char *
gs_field_get_text (GsField *self);
void
gs_field_set_text (GsField *self, const char *text);
gboolean
gs_field_commit (GsField *self);
void
gs_field_set_width (GsField *self, int chars);
void
gs_field_set_apply (GsField *self, GsFieldApply apply, gpointer data, GDestroyNotify destroy);
void
gs_field_reveal (GsField *self);
GtkWidget *
gs_field_get_entry (GsField *self);
/* Meeting mode (gs-meeting-input.h): "was 20 % · ↑ 2.0 pts" under the
 * entry, NULL when the input is as agreed or there is no meeting; its CSS
 * class ("success", "error", NULL for neutral, as the figures' deltas) and
 * the entry's accessible description that says it. */
const char *
gs_field_get_delta (GsField *self);
const char *
gs_field_get_delta_class (GsField *self);
const char *
gs_field_get_delta_description (GsField *self);
/* The first field under root (root included, depth first) whose path is
 * path, or, with prefix, starts with path; NULL when there is none. */
GsField *
gs_field_find (GtkWidget *root, const char *path, gboolean prefix);

G_END_DECLS
