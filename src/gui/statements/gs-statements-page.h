/* gs-statements-page.h — a person's commission statement in the window.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pick a person of the roster and a month or fiscal quarter of the plan
 * year; the page shows the engine's statement (gs-statement.h): credited
 * deals with their share, measures and attainment, the period's pay lines
 * and totals by kind with year to date, the trace, and the dispute notes
 * (gs-dispute.h) — with a note to add on any credit or pay line.  Every
 * figure is the engine's, formatted here (docs/statements.md, "In the app").
 */
#pragma once

#include <adwaita.h>
#include "gs-actuals-data.h"
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_TYPE_STATEMENTS_PAGE (gs_statements_page_get_type ())
G_DECLARE_FINAL_TYPE (GsStatementsPage, gs_statements_page, GS, STATEMENTS_PAGE, GtkWidget)

typedef enum
{
  GS_STATEMENTS_LIST_CREDITS,
  GS_STATEMENTS_LIST_MEASURES,
  GS_STATEMENTS_LIST_PAY,
  GS_STATEMENTS_LIST_TOTALS,
  GS_STATEMENTS_LIST_NOTES,
  GS_STATEMENTS_LIST_TRACE,
  GS_STATEMENTS_N_LISTS
} GsStatementsList;

GtkWidget *
gs_statements_page_new (void);
/* Shows plan's statement for the person and period chosen (kept by index). */
void
gs_statements_page_update (GsStatementsPage *self, GsPlan *plan);
/* Chooses a person (index into actuals.people) and a period by its text
 * ("2027-03", "FY27 Q1"); FALSE when there is no such one. */
gboolean
gs_statements_page_choose (GsStatementsPage *self, guint person, const char *period);
/* A dispute note on a line of the statement shown, as one undoable edit. */
gboolean
gs_statements_page_add_note (GsStatementsPage *self, const char *deal, GsDisputeLine line,
                             const char *text, GError **error);
gboolean
gs_statements_page_resolve_note (GsStatementsPage *self, guint index, gboolean resolved,
                                 GError **error);
/* A note's text replaced, or the note deleted: one undoable edit each
 * (gs-dispute-edits.h); index is into actuals.disputes. */
gboolean
gs_statements_page_edit_note (GsStatementsPage *self, guint index, const char *text,
                              GError **error);
gboolean
gs_statements_page_delete_note (GsStatementsPage *self, guint index, GError **error);
/* The note's text as stored, or NULL. */
const char *
gs_statements_page_get_note_text (GsStatementsPage *self, guint index);
/* Edit… and Delete… on a note's row: the dialogs they open (returned, owned
 * by GTK). Edit's Save is disabled while the text is blank; Delete asks
 * first (AdwMessageDialog, destructive). */
AdwMessageDialog *
gs_statements_page_present_edit (GsStatementsPage *self, guint index);
AdwMessageDialog *
gs_statements_page_present_delete (GsStatementsPage *self, guint index);
GListModel *
gs_statements_page_get_list (GsStatementsPage *self, GsStatementsList list);

G_END_DECLS
