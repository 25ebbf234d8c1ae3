/* gs-window-private.h — what the window's files share: its fields and the
 * helpers one concern calls in another.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gs-window.c builds the window and keeps it in step with its plan;
 * gs-window-actions.c holds the win.* actions, gs-window-files.c loading,
 * saving, recent plans and closing, gs-window-watch.c the plan file changed
 * by others, gs-window-dnd.c dropped files.
 */
#pragma once

#include "gs-baseline.h"
#include "gs-file-stamp.h"
#include "gs-window.h"

G_BEGIN_DECLS

typedef enum
{
  GS_WINDOW_PAGE_TARGETS,
  GS_WINDOW_PAGE_FUNNEL,
  GS_WINDOW_PAGE_MARKETING,
  GS_WINDOW_PAGE_SALES,
  GS_WINDOW_PAGE_COMP,
  GS_WINDOW_PAGE_ACTUALS,
  GS_WINDOW_PAGE_STATEMENTS,
  GS_WINDOW_PAGE_SCENARIOS,
  GS_WINDOW_N_PAGES
} GsWindowPage;

struct _GsWindow
{
  AdwApplicationWindow parent_instance;

  GtkWidget *header_bar;
  GtkWidget *switcher_title;
  GtkWidget *doc_label;
  GtkWidget *menu_button;
  GtkWidget *meeting_button;
  GtkWidget *strip;
  GtkWidget *meeting_revealer;
  GtkWidget *meeting_label;
  GtkWidget *toasts;
  GtkWidget *stack;
  GtkWidget *targets_page;
  GtkWidget *actuals_box;   /* the Actuals page: plan versus actual and statements */
  GtkWidget *actuals_stack; /* its two views */
  /* Every other page is made when first shown or needed (_gs_window_page):
   * NULL until then, in its empty AdwBin from the template. */
  GtkWidget *bins[GS_WINDOW_N_PAGES];
  GtkWidget *funnel_page;
  GtkWidget *marketing_page;
  GtkWidget *sales_page;
  GtkWidget *comp_page;
  GtkWidget *actuals_page;
  GtkWidget *statements_page;
  GtkWidget *sim_page;
  GMenu *recent_menu;

  GsPlan *plan;
  GFile *file;
  GsBaseline *baseline;
  GsRecovery *recovery; /* autosave of unsaved edits (docs/reliability.md) */
  GSettings *settings;
  gulong changed_id;
  gboolean stale[GS_WINDOW_N_PAGES];
  gboolean close_after_save;
  gboolean closing;

  /* gs-window-watch.c */
  GFileMonitor *monitor;
  GFileMonitor *target_monitor; /* the file a symlinked plan resolves to, or NULL */
  char *target_path;            /* what target_monitor watches */
  GsFileStamp disk;             /* the file as loaded, saved, or seen and kept over */
  guint watch_timeout;
  GtkWidget *disk_dialog; /* asking about the file on disk, or NULL */
};

/* gs-window.c */
void
_gs_window_toast (GsWindow *self, const char *text);
char *
_gs_window_display_name (GsWindow *self);
void
_gs_window_update_title (GsWindow *self);
void
_gs_window_set_plan (GsWindow *self, GsPlan *plan, GFile *file);
GtkWidget *
_gs_window_page (GsWindow *self, GsWindowPage page);

/* gs-window-actions.c */
void
_gs_window_actions_init (GsWindow *self);
void
_gs_window_actions_update (GsWindow *self);

/* gs-window-files.c */
void
_gs_window_files_init (GsWindow *self);
void
_gs_window_save_as (GsWindow *self);
gboolean
_gs_window_save (GsWindow *self);
gboolean
_gs_window_save_now (GsWindow *self);
gboolean
_gs_window_close_request (GtkWindow *window);

/* gs-window-watch.c */
void
_gs_window_watch_init (GsWindow *self);
void
_gs_window_watch_file (GsWindow *self, const GsFileStamp *stamp);
void
_gs_window_watch_dispose (GsWindow *self);
gboolean
_gs_window_watch_may_save (GsWindow *self);

/* gs-window-dnd.c */
void
_gs_window_dnd_init (GsWindow *self);

/* gs-window-import.c */
void
_gs_window_import_init (GsWindow *self);

G_END_DECLS
