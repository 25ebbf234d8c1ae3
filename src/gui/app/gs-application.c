/* gs-application.c — the Goalsheet application: windows, files, preferences.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-application.h"
#include "gs-first-frame.h"
#include "gs-json.h"
#include "gs-preferences-window.h"
#include "gs-recovery-offer.h"
#include "gs-welcome-window.h"
#include "gs-window.h"

#include <glib/gi18n.h>

struct _GsApplication
{
  AdwApplication parent_instance;
  GSettings *settings; /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (GsApplication, gs_application, ADW_TYPE_APPLICATION)

/* Without a file Goalsheet starts at the welcome window (a new plan from a
 * target, or the example), with the user's default currency and fiscal year
 * in its form. */
static GtkWindow *
new_window (GsApplication *self)
{
  g_autofree char *currency = NULL;
  guint fiscal = 1;
  if (self->settings)
    {
      currency = g_settings_get_string (self->settings, "default-currency");
      fiscal = (guint) g_settings_get_int (self->settings, "fiscal-year-start");
    }
  return GTK_WINDOW (gs_welcome_window_new (GTK_APPLICATION (self), currency, fiscal));
}

static void
gs_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = new_window (GS_APPLICATION (app));
  gs_first_frame_probe (window);
  gtk_window_present (window);
  gs_recovery_offer (GTK_APPLICATION (app), window);
}

/* Opens file in from if that window holds an untouched new plan, else in a
 * new window; a file that fails to load leaves the window as it was. */
void
gs_application_open_file (GsApplication *self, GFile *file, GtkWindow *from)
{
  g_autoptr (GError) error = NULL;
  GsWindow *window = NULL;
  gboolean fresh = FALSE;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GS_IS_WINDOW (l->data) && gs_window_get_file (l->data)
        && g_file_equal (gs_window_get_file (l->data), file))
      {
        gtk_window_present (l->data);
        return;
      }
  if (from && GS_IS_WINDOW (from) && gs_window_is_pristine (GS_WINDOW (from)))
    window = GS_WINDOW (from);
  else
    {
      window = gs_window_new (GTK_APPLICATION (self), NULL, NULL);
      fresh = TRUE;
    }
  if (!gs_window_load (window, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Open “%s”"), name);
      GtkWindow *behind = from;
      if (fresh)
        {
          gtk_window_destroy (GTK_WINDOW (window));
          /* The message shows over the window it came from, else over a
           * welcome window: always something usable behind it. */
          if (behind == NULL)
            behind = new_window (self);
        }
      else
        behind = GTK_WINDOW (window);
      gtk_window_present (behind);
      gs_window_report_error (behind, heading, error->message);
      return;
    }
  gs_first_frame_probe (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  if (from && GS_IS_WELCOME_WINDOW (from))
    gtk_window_destroy (from);
}

static void
gs_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  for (int i = 0; i < n_files; i++)
    gs_application_open_file (GS_APPLICATION (app), files[i], active);
  gs_recovery_offer (GTK_APPLICATION (app),
                     gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static int
gs_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "list-recovery"))
    return gs_recovery_print_list ();
  return -1;
}

static void
on_open_response (GtkNativeDialog *native, int response, GsApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      gs_application_open_file (self, file, gtk_native_dialog_get_transient_for (native));
    }
  g_object_unref (native);
}

static void
action_open (GSimpleAction *action, GVariant *param, gpointer data)
{
  GsApplication *self = data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *native = gtk_file_chooser_native_new (
      _ ("Open Plan"), parent, GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("Goalsheet plans"));
  gtk_file_filter_add_pattern (filter, "*.goalsheet");
  gtk_file_filter_add_mime_type (filter, "application/x-goalsheet");
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
action_open_uri (GSimpleAction *action, GVariant *param, gpointer data)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  gs_application_open_file (data, file, gtk_application_get_active_window (data));
}

static void
action_new (GSimpleAction *action, GVariant *param, gpointer data)
{
  gtk_window_present (new_window (data));
}

static void
action_preferences (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkWindow *parent = gtk_application_get_active_window (data);
  GtkWidget *prefs = gs_preferences_window_new (parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
action_about (GSimpleAction *action, GVariant *param, gpointer data)
{
  static const char *developers[] = { "The Goalsheet developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (data);
  adw_show_about_window (
      parent, "application-name", "Goalsheet", "application-icon", APP_ID, "version",
      PACKAGE_VERSION, "developer-name", _ ("The Goalsheet developers"), "developers", developers,
      "license-type", GTK_LICENSE_GPL_3_0, "comments",
      _ ("One shared goal sheet for marketing and sales, derived from the company target"),
      "translator-credits", _ ("translator-credits"), NULL);
}

static void
action_quit (GSimpleAction *action, GVariant *param, gpointer data)
{
  /* Each window asks about its own unsaved changes. */
  for (GList *l = gtk_application_get_windows (data); l;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "new", action_new },
  { "open", action_open },
  { "open-uri", action_open_uri, "s" },
  { "preferences", action_preferences },
  { "about", action_about },
  { "quit", action_quit },
};

static void
gs_application_startup (GApplication *app)
{
  GsApplication *self = GS_APPLICATION (app);
  static const char *undo[] = { "<Ctrl>z", NULL };
  static const char *redo[] = { "<Ctrl><Shift>z", "<Ctrl>y", NULL };
  static const char *save[] = { "<Ctrl>s", NULL };
  static const char *save_as[] = { "<Ctrl><Shift>s", NULL };
  static const char *open[] = { "<Ctrl>o", NULL };
  static const char *new_[] = { "<Ctrl>n", NULL };
  static const char *quit[] = { "<Ctrl>q", NULL };
  static const char *close[] = { "<Ctrl>w", NULL };
  static const char *prefs[] = { "<Ctrl>comma", NULL };
  static const char *meeting[] = { "<Ctrl>m", NULL };
  static const char *simulate[] = { "<Ctrl>r", NULL };
  /* GTK sets it only when it finds "gtk/help-overlay.ui" (see above). */
  static const char *help[] = { "<Ctrl>question", NULL };
  static const char *pages[] = { "targets",      "funnel",    "marketing",  "sales",
                                 "compensation", "scenarios", "statements", "actuals" };
  GSettingsSchema *schema;

  G_APPLICATION_CLASS (gs_application_parent_class)->startup (app);
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema)
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_schema_unref (schema);
    }
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save", save);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-as", save_as);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new_);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.meeting", meeting);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.simulate", simulate);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };
      gtk_application_set_accels_for_action (GTK_APPLICATION (app), detailed, accels);
    }
}

/* Keyboard Shortcuts: the shortcuts window is built when first asked for.
 * GTK builds a resource at "gtk/help-overlay.ui" for every application
 * window as it is added, before its first frame (a GtkShortcutsWindow of
 * every shortcut: about 10 ms of the start); the file is kept elsewhere and
 * each window gets this action instead.  GTK adds its own action with the
 * overlay only when the window has none (gtk_application_window_set_help_overlay). */
static void
action_show_help_overlay (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);
  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder
          = gtk_builder_new_from_resource ("/org/goalsheet/Goalsheet/ui/gtk/help-overlay.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
gs_application_window_added (GtkApplication *app, GtkWindow *window)
{
  GTK_APPLICATION_CLASS (gs_application_parent_class)->window_added (app, window);
  if (GTK_IS_APPLICATION_WINDOW (window))
    {
      g_autoptr (GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);
      g_signal_connect_object (action, "activate", G_CALLBACK (action_show_help_overlay), window,
                               0);
      g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
    }
}

static void
gs_application_dispose (GObject *object)
{
  g_clear_object (&GS_APPLICATION (object)->settings);
  G_OBJECT_CLASS (gs_application_parent_class)->dispose (object);
}

static void
gs_application_class_init (GsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_application_dispose;
  app_class->activate = gs_application_activate;
  app_class->open = gs_application_open;
  app_class->startup = gs_application_startup;
  app_class->handle_local_options = gs_application_handle_local_options;
  GTK_APPLICATION_CLASS (klass)->window_added = gs_application_window_added;
}

static void
gs_application_init (GsApplication *self)
{
  g_application_add_main_option (
      G_APPLICATION (self), "list-recovery", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
      _ ("List plans whose unsaved changes a crash left behind, and exit"), NULL);
}

GsApplication *
gs_application_new (void)
{
  return g_object_new (GS_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", "/org/goalsheet/Goalsheet",
                       NULL);
}
