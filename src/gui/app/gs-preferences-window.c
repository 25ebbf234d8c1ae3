/* gs-preferences-window.c — defaults for new plans.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-preferences-window.h"

struct _GsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
  GtkWidget *currency_row;
  GtkWidget *fiscal_row;
  GtkStringList *currencies;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (GsPreferencesWindow, gs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_currency (AdwComboRow *row, GParamSpec *pspec, GsPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (row);
  const char *code = gtk_string_list_get_string (self->currencies, i);
  if (self->settings && code)
    g_settings_set_string (self->settings, "default-currency", code);
}

static void
on_fiscal (AdwComboRow *row, GParamSpec *pspec, GsPreferencesWindow *self)
{
  if (self->settings)
    g_settings_set_int (self->settings, "fiscal-year-start",
                        (int) adw_combo_row_get_selected (row) + 1);
}

static void
gs_preferences_window_dispose (GObject *object)
{
  GsPreferencesWindow *self = GS_PREFERENCES_WINDOW (object);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gs_preferences_window_parent_class)->dispose (object);
}

static void
gs_preferences_window_class_init (GsPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/app/gs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GsPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, GsPreferencesWindow, fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, GsPreferencesWindow, currencies);
}

static void
gs_preferences_window_init (GsPreferencesWindow *self)
{
  GSettingsSchema *schema;
  gtk_widget_init_template (GTK_WIDGET (self));
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema)
    {
      g_autofree char *code = NULL;
      self->settings = g_settings_new (APP_ID);
      code = g_settings_get_string (self->settings, "default-currency");
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->currencies)); i++)
        if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), code) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->currency_row), i);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fiscal_row),
                                  g_settings_get_int (self->settings, "fiscal-year-start") - 1);
      g_settings_schema_unref (schema);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  g_signal_connect (self->currency_row, "notify::selected", G_CALLBACK (on_currency), self);
  g_signal_connect (self->fiscal_row, "notify::selected", G_CALLBACK (on_fiscal), self);
}

GtkWidget *
gs_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (GS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
}
