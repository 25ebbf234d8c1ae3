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

/* The rows show a position in their list; the keys hold a currency code
 * and a month number (1–12). */
static gboolean
currency_from_setting (GValue *value, GVariant *variant, gpointer data)
{
  GtkStringList *currencies = data;
  const char *code = g_variant_get_string (variant, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (currencies)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (currencies, i), code) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE; /* a code not offered: the row shows the key's default */
}

static GVariant *
currency_to_setting (const GValue *value, const GVariantType *type, gpointer data)
{
  const char *code = gtk_string_list_get_string (data, g_value_get_uint (value));
  return code ? g_variant_new_string (code) : NULL;
}

static gboolean
month_from_setting (GValue *value, GVariant *variant, gpointer data)
{
  g_value_set_uint (value, (guint) g_variant_get_int32 (variant) - 1);
  return TRUE;
}

static GVariant *
month_to_setting (const GValue *value, const GVariantType *type, gpointer data)
{
  return g_variant_new_int32 ((gint32) g_value_get_uint (value) + 1);
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
      self->settings = g_settings_new (APP_ID);
      g_settings_bind_with_mapping (self->settings, "default-currency", self->currency_row,
                                    "selected", G_SETTINGS_BIND_DEFAULT, currency_from_setting,
                                    currency_to_setting, self->currencies, NULL);
      g_settings_bind_with_mapping (self->settings, "fiscal-year-start", self->fiscal_row,
                                    "selected", G_SETTINGS_BIND_DEFAULT, month_from_setting,
                                    month_to_setting, NULL, NULL);
      g_settings_schema_unref (schema);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gs_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (GS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
}
