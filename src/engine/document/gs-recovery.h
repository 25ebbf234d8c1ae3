/* gs-recovery.h — autosave of unsaved edits, and their recovery after a
 * crash, a kill or a power cut.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GsRecovery per open document.  It follows the plan: every change
 * (re)starts an idle timer (GS_RECOVERY_DELAY_MS) after which the plan, if
 * still dirty, is written atomically to
 * $XDG_DATA_HOME/goalsheet/recovery/ID.goalsheet-recovery (the folder can be
 * overridden with GOALSHEET_RECOVERY_DIR, for tests).  A clean save (the plan
 * is no longer dirty) or closing the document (disposing the GsRecovery)
 * removes the file, so a file left behind means edits were lost with the
 * process: gs_recovery_list() offers them at the next start.
 */
#pragma once

#include <glib-object.h>
#include "gs-plan.h"

G_BEGIN_DECLS

#define GS_RECOVERY_DELAY_MS 3000

#define GS_TYPE_RECOVERY (gs_recovery_get_type ())
G_DECLARE_FINAL_TYPE (GsRecovery, gs_recovery, GS, RECOVERY, GObject)

/* document_path: where the plan is saved, or NULL for a new, unsaved plan. */
GsRecovery *
gs_recovery_new (GsPlan *plan, const char *document_path);
void
gs_recovery_set_document_path (GsRecovery *self, const char *document_path);
const char *
gs_recovery_get_id (GsRecovery *self);
const char *
gs_recovery_get_filename (GsRecovery *self);

/* The app may call these itself; gs_recovery_new already connects them to
 * the plan's ::changed and notify::dirty. */
void
gs_recovery_schedule (GsRecovery *self);
gboolean
gs_recovery_write_now (GsRecovery *self, GError **error);
void
gs_recovery_discard (GsRecovery *self);
void
gs_recovery_set_delay (GsRecovery *self, guint delay_ms);

typedef struct
{
  char *id;
  char *filename;      /* the recovery file */
  char *document_path; /* NULL for a plan that was never saved */
  char *title;         /* the plan's company name */
  GDateTime *written_at;
} GsRecoveryEntry;

const char *
gs_recovery_dir (void);

/* Recovery files left by processes that are no longer running, newest
 * first.  Unreadable or damaged files are skipped (and left in place). */
GPtrArray *
gs_recovery_list (void);
GsPlan *
gs_recovery_entry_load (const GsRecoveryEntry *entry, GError **error);
/* Restores: the returned GsRecovery takes over the entry's file (so a second
 * crash before the next edit still loses nothing); the plan is dirty. */
GsRecovery *
gs_recovery_adopt (const GsRecoveryEntry *entry, GsPlan **plan, GError **error);
gboolean
gs_recovery_entry_remove (const GsRecoveryEntry *entry, GError **error);
void
gs_recovery_entry_free (GsRecoveryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsRecoveryEntry, gs_recovery_entry_free)

G_END_DECLS
