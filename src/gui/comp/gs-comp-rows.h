/* gs-comp-rows.h — the rows the compensation editors are built of.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields, drop-downs and buttons that apply an engine edit (gs-comp-edits.h)
 * to one role (and component, and band or tier).  A refused edit leaves the
 * plan as it was and reports the engine's message through the "comp.error"
 * action (parameter "s", "" to clear) of the editor around it.
 */
#pragma once

#include <adwaita.h>
#include "gs-comp-edits.h"
#include "gs-comp-extras.h"
#include "gs-comp-structure.h"
#include "gs-field.h"

G_BEGIN_DECLS

/* What a field edits: its value goes to the matching gs_comp_set_… */
typedef enum
{
  GS_COMP_VALUE_ROLE_NAME,
  GS_COMP_VALUE_OTE,
  GS_COMP_VALUE_PAY_MIX,
  GS_COMP_VALUE_HEADCOUNT,
  GS_COMP_VALUE_COMPONENT_NAME,
  GS_COMP_VALUE_WEIGHT,
  GS_COMP_VALUE_QUOTA,
  GS_COMP_VALUE_RATE,        /* index: the band */
  GS_COMP_VALUE_ACCEL_ABOVE, /* index: the tier */
  GS_COMP_VALUE_ACCEL_MULTIPLIER,
  GS_COMP_VALUE_DECEL_BELOW,
  GS_COMP_VALUE_DECEL_MULTIPLIER,
  GS_COMP_VALUE_GATE_MIN,
  GS_COMP_VALUE_CAP_OF_TARGET,
  GS_COMP_VALUE_CAP_AMOUNT,
  GS_COMP_VALUE_SPIF_NAME, /* index: the SPIF */
  GS_COMP_VALUE_SPIF_AMOUNT,
  GS_COMP_VALUE_SPIF_FROM, /* a date, YYYY-MM-DD */
  GS_COMP_VALUE_SPIF_TO,
  GS_COMP_VALUE_SPIF_EVENTS,
  GS_COMP_VALUE_DRAW_AMOUNT,
  GS_COMP_VALUE_DRAW_MONTHS,
  GS_COMP_VALUE_CLAWBACK_DAYS,
  GS_COMP_VALUE_CLAWBACK_SHARE,
  GS_COMP_VALUE_SPIF_MIN_AMOUNT, /* index: the SPIF; its "qualifies" rule */
  GS_COMP_VALUE_SPIF_MIN_TERM,
  GS_COMP_VALUE_SPIF_MAX_DISCOUNT,
  GS_COMP_VALUE_DISCOUNT_FROM, /* index: the row */
  GS_COMP_VALUE_DISCOUNT_MULTIPLIER,
} GsCompValue;

/* What a button does. */
typedef enum
{
  GS_COMP_ACTION_ADD_ACCELERATOR,
  GS_COMP_ACTION_REMOVE_ACCELERATOR, /* index: the tier */
  GS_COMP_ACTION_ADD_DECELERATOR,
  GS_COMP_ACTION_REMOVE_DECELERATOR,
  GS_COMP_ACTION_ADD_GATE,
  GS_COMP_ACTION_REMOVE_GATE,
  GS_COMP_ACTION_ADD_CAP,
  GS_COMP_ACTION_REMOVE_CAP,
  GS_COMP_ACTION_CLEAR_QUOTA,
  GS_COMP_ACTION_CLEAR_HEADCOUNT,
  GS_COMP_ACTION_ADD_BAND,
  GS_COMP_ACTION_REMOVE_BAND, /* index: the band */
  GS_COMP_ACTION_ADD_COMPONENT,
  GS_COMP_ACTION_REMOVE_COMPONENT,
  GS_COMP_ACTION_DUPLICATE_COMPONENT,
  GS_COMP_ACTION_COMPONENT_UP,
  GS_COMP_ACTION_COMPONENT_DOWN,
  GS_COMP_ACTION_ADD_SPIF,
  GS_COMP_ACTION_REMOVE_SPIF, /* index: the SPIF */
  GS_COMP_ACTION_ADD_DRAW,
  GS_COMP_ACTION_REMOVE_DRAW,
  GS_COMP_ACTION_ADD_CLAWBACK,
  GS_COMP_ACTION_REMOVE_CLAWBACK,
  GS_COMP_ACTION_ADD_SPIF_RULE,    /* index: the SPIF */
  GS_COMP_ACTION_REMOVE_SPIF_RULE, /* index: the SPIF */
  GS_COMP_ACTION_ADD_DISCOUNT_ROW,
  GS_COMP_ACTION_REMOVE_DISCOUNT_ROW, /* index: the row */
} GsCompAction;

/* What a drop-down chooses. */
typedef enum
{
  GS_COMP_CHOICE_MEASURE,
  GS_COMP_CHOICE_PERIOD,
  GS_COMP_CHOICE_ATTAINMENT,
  GS_COMP_CHOICE_GATE_MEASURE,
  GS_COMP_CHOICE_TABLE_KIND,
  GS_COMP_CHOICE_BOUNDARY,
} GsCompChoice;

/* Where an edit applies. */
typedef struct
{
  guint role;
  guint component; /* GS_COMP_WHOLE_ROLE for the role itself */
  guint index;     /* band or tier */
} GsCompTarget;

const GsCompModel *
gs_comp_rows_model (GsPlan *plan);

GtkWidget *
gs_comp_field (GsPlan *plan, const char *path, GsFieldKind kind, const char *unit, const char *a11y,
               int width, GsCompValue value, GsCompTarget target);
GtkWidget *
gs_comp_button (const char *icon, const char *label, const char *a11y, GsPlan *plan,
                GsCompAction action, GsCompTarget target);
GtkWidget *
gs_comp_choice (GsPlan *plan, GsCompChoice choice, GsCompTarget target, const char *a11y);
/* Applies a button's or a choice's edit (also used by tests). */
gboolean
gs_comp_rows_apply (GsPlan *plan, GsCompAction action, GsCompTarget target, GError **error);

GtkWidget *
gs_comp_action_row (GtkWidget *group, const char *title, const char *subtitle);
void
gs_comp_row_add (GtkWidget *row, GtkWidget *suffix);

/* The gate and cap rows of a component (or, GS_COMP_WHOLE_ROLE, the role). */
void
gs_comp_gate_row (GtkWidget *group, GsPlan *plan, GsCompTarget target, const char *name);
/* The cap row; its subtitle (the yearly amount, which a cap set as a multiple
 * of target pay derives from the engine) follows edits through
 * gs_comp_cap_row_update. */
GtkWidget *
gs_comp_cap_row (GtkWidget *group, GsPlan *plan, GsCompTarget target, const char *name);
void
gs_comp_cap_row_update (GtkWidget *row, GsPlan *plan, GsCompTarget target);

/* What an accessible name (or a row's title) says.  A widget tagged with
 * gs_comp_label_tag keeps its label, so a rename of the role, a SPIF or a
 * source updates the text in place (gs_comp_label_update). */
typedef enum
{
  GS_COMP_LABEL_NONE,
  /* The role's name. */
  GS_COMP_LABEL_GATE_MEASURE,
  GS_COMP_LABEL_GATE_MIN,
  GS_COMP_LABEL_REMOVE_GATE,
  GS_COMP_LABEL_ADD_GATE,
  GS_COMP_LABEL_CAP,
  GS_COMP_LABEL_REMOVE_CAP,
  GS_COMP_LABEL_ADD_CAP,
  GS_COMP_LABEL_ADD_COMPONENT,
  GS_COMP_LABEL_ADD_SPIF,
  GS_COMP_LABEL_DRAW_AMOUNT,
  GS_COMP_LABEL_DRAW_MONTHS,
  GS_COMP_LABEL_DRAW_RECOVERABLE,
  GS_COMP_LABEL_REMOVE_DRAW,
  GS_COMP_LABEL_ADD_DRAW,
  GS_COMP_LABEL_CLAWBACK_DAYS,
  GS_COMP_LABEL_CLAWBACK_SHARE,
  GS_COMP_LABEL_REMOVE_CLAWBACK,
  GS_COMP_LABEL_ADD_CLAWBACK,
  /* A SPIF's name. */
  GS_COMP_LABEL_SPIF_AMOUNT,
  GS_COMP_LABEL_SPIF_EVENTS,
  GS_COMP_LABEL_SPIF_FROM,
  GS_COMP_LABEL_SPIF_TO,
  GS_COMP_LABEL_REMOVE_SPIF,
  GS_COMP_LABEL_SPIF_ADD_RULE,
  GS_COMP_LABEL_SPIF_REMOVE_RULE,
  GS_COMP_LABEL_SPIF_MIN_AMOUNT,
  GS_COMP_LABEL_SPIF_MIN_TERM,
  GS_COMP_LABEL_SPIF_MAX_DISCOUNT,
  GS_COMP_LABEL_SPIF_DEAL_TYPE,
  GS_COMP_LABEL_SPIF_TAGGED,
  /* A SPIF's name and a source's. */
  GS_COMP_LABEL_SPIF_SOURCE,
  /* A SPIF's number. */
  GS_COMP_LABEL_SPIF_TITLE,
  GS_COMP_LABEL_SPIF_NAME,
  /* A source's name: a row's title. */
  GS_COMP_LABEL_SOURCE,
} GsCompLabel;

/* The names a label may say. */
typedef struct
{
  const char *name; /* the role's (or, for gate and cap, the component's) */
  const char *spif;
  guint number; /* the SPIF's, from 1 */
  const char *source;
} GsCompNames;

char *
gs_comp_label_text (GsCompLabel label, const GsCompNames *names);
/* Gives widget the label's text (a row: its title; a field, a drop-down, a
 * button or a check: its accessible name) and remembers the label. */
void
gs_comp_label_tag (GtkWidget *widget, GsCompLabel label, const GsCompNames *names);
/* The text again, if widget has a label and its text changed. */
void
gs_comp_label_update (GtkWidget *widget, const GsCompNames *names);
/* A field's or a button's edit applies to band, tier or SPIF index now. */
void
gs_comp_retarget (GtkWidget *widget, guint index);

/* Text of figures as the editors show them. */
char *
gs_comp_money_text (const GsCompModel *comp, GsMoney value);
char *
gs_comp_percent_text (double fraction);
char *
gs_comp_quantity_text (const GsCompModel *comp, GsMeasure measure, double value);

/* A SPIF's rule (target.index: the SPIF) with its deal type and "tagged"
 * set, one undoable edit; nothing when they are unchanged. */
gboolean
gs_comp_set_spif_rule_type (GsPlan *plan, GsCompTarget target, GsDealType type, gboolean tagged,
                            GError **error);

G_END_DECLS
