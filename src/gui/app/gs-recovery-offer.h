/* gs-recovery-offer.h — at start, offer to restore the unsaved edits a crash
 * or kill left behind (engine side: gs-recovery.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once per process: if recovery files are waiting, asks over parent whether
 * to restore them.  The answers are the app actions "recovery-restore" and
 * "recovery-discard" (also reachable over D-Bus); closing the dialog keeps
 * the files for the next start. */
void
gs_recovery_offer (GtkApplication *app, GtkWindow *parent);

/* goalsheet --list-recovery: one line per waiting file; returns the exit status. */
int
gs_recovery_print_list (void);

G_END_DECLS
