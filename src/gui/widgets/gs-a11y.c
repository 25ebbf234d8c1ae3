/* gs-a11y.c — accessible names GTK 4.8 does not pass on.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-a11y.h"

static void
label_one (GtkWidget *widget, const char *label, const char *description)
{
  if (description)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

void
gs_a11y_set_label (GtkWidget *widget, const char *label, const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  label_one (widget, label, description);
  if (GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      /* The toggle button is the container's first child in GTK 4.8. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child))
          {
            label_one (child, label, description);
            break;
          }
    }
}

void
gs_widget_set_tooltip (GtkWidget *widget, const char *text)
{
  const char *now = gtk_widget_get_tooltip_text (widget);
  /* GTK keeps "" as no tooltip. */
  if (g_strcmp0 (now, text != NULL && *text != '\0' ? text : NULL) == 0)
    return;
  if (gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  /* GTK queries only for a visible widget. */
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}
