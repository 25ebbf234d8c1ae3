/* gs-welcome-window.c — the start without a file: an AdwStatusPage with
 * "New Plan from a Target" (a short form; the plan is the engine's,
 * gs-new-plan.h) and "Open Example".  Either opens a plan window and closes
 * this one.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-welcome-window.h"
#include "gs-gui-format.h"
#include "gs-new-plan.h"
#include "gs-window.h"

#include <glib/gi18n.h>

struct _GsWelcomeWindow
{
  AdwApplicationWindow parent_instance;
  GtkWidget *stack;
  GtkWidget *company, *currency, *start_month, *start_year, *fiscal, *prior;
  GtkWidget *target_mode, *growth, *amount, *deal, *motion;
  GtkWidget *error;
};

G_DEFINE_FINAL_TYPE (GsWelcomeWindow, gs_welcome_window, ADW_TYPE_APPLICATION_WINDOW)

static void
open_plan (GsWelcomeWindow *self, GsPlan *plan)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GsWindow *window = gs_window_new (app, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_example (GsWelcomeWindow *self)
{
  g_autoptr (GsPlan) plan = gs_plan_new_default (NULL);
  open_plan (self, plan);
}

static void
on_new (GsWelcomeWindow *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "form");
  gtk_widget_grab_focus (self->company);
}

static void
on_back (GsWelcomeWindow *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "welcome");
}

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* "Growth: “twenty” is not a number" — the field's title, in the user's words. */
static gboolean
read_money (GtkWidget *row, guint digits, GsMoney *out, GError **error)
{
  if (!gs_parse_input_money (text_of (row), digits, out, NULL) || *out <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %1$s a field's title, %2$s what was typed. */
                   _ ("%1$s: “%2$s” is not an amount above zero"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text_of (row));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_spec (GsWelcomeWindow *self, GsNewPlanSpec *spec, GError **error)
{
  guint digits = 2;
  double growth;

  spec->company = text_of (self->company);
  spec->currency = text_of (self->currency);
  spec->start_month = adw_combo_row_get_selected (ADW_COMBO_ROW (self->start_month)) + 1;
  spec->start_year = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->start_year));
  spec->fiscal_year_start_month = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fiscal)) + 1;
  spec->absolute = adw_combo_row_get_selected (ADW_COMBO_ROW (self->target_mode)) == 1;
  spec->motion = adw_combo_row_get_selected (ADW_COMBO_ROW (self->motion));
  /* An unknown code is the engine's to refuse, by name. */
  gs_format_currency_digits (spec->currency, &digits);
  if (!read_money (self->prior, digits, &spec->prior_bookings, error)
      || !read_money (self->deal, digits, &spec->deal_size, error))
    return FALSE;
  if (spec->absolute)
    return read_money (self->amount, digits, &spec->target_amount, error);
  if (!gs_format_parse_number (text_of (self->growth), &growth))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("%1$s: “%2$s” is not a number"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->growth)),
                   text_of (self->growth));
      return FALSE;
    }
  spec->growth = growth / 100;
  return TRUE;
}

static void
on_create (GsWelcomeWindow *self)
{
  GsNewPlanSpec spec = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GsPlan) plan = NULL;

  if (read_spec (self, &spec, &error))
    plan = gs_plan_new_from_spec (&spec, &error);
  if (plan == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error), error->message);
      gtk_widget_set_visible (self->error, TRUE);
      return;
    }
  open_plan (self, plan);
}

static void
on_mode (GsWelcomeWindow *self)
{
  gboolean absolute = adw_combo_row_get_selected (ADW_COMBO_ROW (self->target_mode)) == 1;
  gtk_widget_set_visible (self->growth, !absolute);
  gtk_widget_set_visible (self->amount, absolute);
}

static void
on_motion (GsWelcomeWindow *self)
{
  const GsPresetStep *p
      = gs_motion_preset (adw_combo_row_get_selected (ADW_COMBO_ROW (self->motion)));
  g_autofree char *r0 = gs_format_percent (p[0].rate), *r1 = gs_format_percent (p[1].rate);
  g_autofree char *r2 = gs_format_percent (p[2].rate), *r3 = gs_format_percent (p[3].rate);
  g_autofree char *text = g_strdup_printf (
      /* Translators: the preset's four conversion rates. */
      _ ("Lead → MQL %s, MQL → SQL %s, SQL → Opportunity %s, Opportunity → Won %s"), r0, r1, r2,
      r3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->motion), text);
}

static GtkStringList *
months (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  for (guint m = 1; m <= 12; m++)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_utc (2001, (int) m, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (dt, "%B");
      gtk_string_list_append (list, name);
    }
  return list;
}

static GtkWidget *
entry_row (GtkWidget *group, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
combo_row (GtkWidget *group, const char *title, GListModel *model, guint selected)
{
  GtkWidget *row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_unref (model);
  return row;
}

static GtkWidget *
welcome_page (GsWelcomeWindow *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *create = gtk_button_new_with_mnemonic (_ ("_New Plan from a Target…"));
  GtkWidget *example = gtk_button_new_with_mnemonic (_ ("Open _Example"));
  GtkWidget *open = gtk_button_new_with_mnemonic (_ ("_Open a Plan…"));

  /* The app's icon once installed; a theme icon when run from the build tree. */
  adw_status_page_set_icon_name (
      ADW_STATUS_PAGE (status),
      gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), APP_ID)
          ? APP_ID
          : "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _ ("Welcome to Goalsheet"));
  adw_status_page_set_description (
      ADW_STATUS_PAGE (status),
      _ ("Start from the company's target: both goal sheets, the funnel and the team follow "
         "from it, and marketing and sales agree on one plan."));
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  for (GtkWidget **b = (GtkWidget *[]){ create, example, open, NULL }; *b; b++)
    {
      gtk_widget_add_css_class (*b, "pill");
      gtk_box_append (GTK_BOX (buttons), *b);
    }
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "app.open");
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (on_new), self);
  g_signal_connect_swapped (example, "clicked", G_CALLBACK (on_example), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), buttons);
  return status;
}

static GtkWidget *
form_page (GsWelcomeWindow *self, const char *currency, guint fiscal_year_start)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *company = adw_preferences_group_new ();
  GtkWidget *target = adw_preferences_group_new ();
  GtkWidget *funnel = adw_preferences_group_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *back = gtk_button_new_with_mnemonic (_ ("_Back"));
  GtkWidget *create = gtk_button_new_with_mnemonic (_ ("_Create Plan"));
  GtkWidget *year_row = adw_action_row_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GtkStringList *modes = gtk_string_list_new (
      (const char *[]){ _ ("Growth over last year"), _ ("A set amount"), NULL });
  GtkStringList *motions = gtk_string_list_new ((const char *[]){
      _ ("Inbound, small business"), _ ("Outbound, mid-market"), _ ("Enterprise"), NULL });

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (company), _ ("New Plan from a Target"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (company),
      _ ("A few figures to start; every input stays editable in the plan."));
  self->company = entry_row (company, _ ("Company"), "");
  self->currency = entry_row (company, _ ("Currency (ISO code)"), currency);
  self->start_month = combo_row (company, _ ("Plan starts in"), G_LIST_MODEL (months ()),
                                 (guint) g_date_time_get_month (now) % 12);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _ ("Plan starts in the year"));
  self->start_year = gtk_spin_button_new_with_range (2000, 2100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->start_year),
                             g_date_time_get_year (now) + (g_date_time_get_month (now) == 12));
  gtk_widget_set_valign (self->start_year, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_year), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Plan starts in the year"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), self->start_year);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (company), year_row);
  self->fiscal = combo_row (company, _ ("Fiscal year starts in"), G_LIST_MODEL (months ()),
                            CLAMP (fiscal_year_start, 1, 12) - 1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (target), _ ("Target"));
  self->prior = entry_row (target, _ ("Last year's bookings"), "");
  self->target_mode = combo_row (target, _ ("Target"), G_LIST_MODEL (modes), 0);
  self->growth = entry_row (target, _ ("Growth (%)"), "");
  self->amount = entry_row (target, _ ("Target for the year"), "");
  self->deal = entry_row (target, _ ("Average deal size"), "");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (funnel), _ ("Funnel"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (funnel),
      _ ("Conversion rates from public benchmarks for the sales motion; change them on the "
         "Funnel page."));
  self->motion = combo_row (funnel, _ ("Sales motion"), G_LIST_MODEL (motions), 1);
  self->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error), 0);
  gtk_widget_add_css_class (self->error, "error");
  gtk_widget_set_visible (self->error, FALSE);
  gtk_widget_set_margin_top (self->error, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (funnel), self->error);
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  gtk_widget_set_margin_top (actions, 12);
  gtk_box_append (GTK_BOX (actions), back);
  gtk_box_append (GTK_BOX (actions), create);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (funnel), actions);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back), self);
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (on_create), self);
  g_signal_connect_swapped (self->target_mode, "notify::selected", G_CALLBACK (on_mode), self);
  g_signal_connect_swapped (self->motion, "notify::selected", G_CALLBACK (on_motion), self);
  on_mode (self);
  on_motion (self);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (company));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (target));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (funnel));
  return page;
}

static void
gs_welcome_window_class_init (GsWelcomeWindowClass *klass)
{
}

static void
gs_welcome_window_init (GsWelcomeWindow *self)
{
}

GtkWidget *
gs_welcome_window_new (GtkApplication *app, const char *currency, guint fiscal_year_start)
{
  GsWelcomeWindow *self
      = g_object_new (GS_TYPE_WELCOME_WINDOW, "application", app, "title", "Goalsheet",
                      "default-width", 720, "default-height", 640, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack),
                                 GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), welcome_page (self), "welcome");
  gtk_stack_add_named (
      GTK_STACK (self->stack),
      form_page (self, currency && *currency ? currency : "EUR", fiscal_year_start), "form");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->stack);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
  return GTK_WIDGET (self);
}
