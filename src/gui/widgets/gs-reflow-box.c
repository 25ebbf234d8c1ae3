/* gs-reflow-box.c — columns side by side when there is room, one under the
 * other when there is not.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-reflow-box.h"

struct _GsReflowBox
{
  GtkWidget parent_instance;
  int spacing;
  int wide_width;
  gboolean homogeneous;
};

static void
gs_reflow_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GsReflowBox, gs_reflow_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      gs_reflow_box_buildable_init))

enum
{
  PROP_0,
  PROP_SPACING,
  PROP_WIDE_WIDTH,
  PROP_HOMOGENEOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable;

static guint
n_visible (GsReflowBox *self)
{
  guint n = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c;
       c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_should_layout (c);
  return n;
}

/* The width the children need in a row: their minimums and the spacing. */
static int
row_min_width (GsReflowBox *self)
{
  int sum = 0, widest = 0;
  guint n = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c;
       c = gtk_widget_get_next_sibling (c))
    {
      int min = 0;
      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      sum += min;
      widest = MAX (widest, min);
      n++;
    }
  if (n == 0)
    return 0;
  if (self->homogeneous)
    sum = widest * (int) n;
  return sum + self->spacing * (int) (n - 1);
}

gboolean
gs_reflow_box_is_wide_at (GsReflowBox *self, int width)
{
  g_return_val_if_fail (GS_IS_REFLOW_BOX (self), FALSE);
  return n_visible (self) > 1 && width >= self->wide_width && width >= row_min_width (self);
}

/* The widths of the children in a row of this width, as GtkBox shares it. */
static GtkRequestedSize *
row_widths (GsReflowBox *self, int width, guint *n_out)
{
  guint n = n_visible (self), i = 0, n_expand = 0;
  GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, MAX (n, 1));
  int extra = width - self->spacing * (int) (n > 0 ? n - 1 : 0);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c;
       c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_should_layout (c))
        continue;
      sizes[i].data = c;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[i].minimum_size,
                          &sizes[i].natural_size, NULL, NULL);
      n_expand += gtk_widget_compute_expand (c, GTK_ORIENTATION_HORIZONTAL);
      i++;
    }
  if (self->homogeneous && n > 0)
    {
      int each = extra / (int) n;
      for (i = 0; i < n; i++)
        sizes[i].minimum_size = each + ((int) i < extra % (int) n ? 1 : 0);
    }
  else
    {
      for (i = 0; i < n; i++)
        extra -= sizes[i].minimum_size;
      extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
      for (i = 0; i < n && extra > 0; i++)
        {
          GtkWidget *c = sizes[i].data;
          if (n_expand == 0 || gtk_widget_compute_expand (c, GTK_ORIENTATION_HORIZONTAL))
            {
              int share = extra / (int) (n_expand ? n_expand : n - i);
              sizes[i].minimum_size += share;
              extra -= share;
              if (n_expand)
                n_expand--;
            }
        }
      if (extra > 0 && n > 0)
        sizes[n - 1].minimum_size += extra;
    }
  *n_out = n;
  return sizes;
}

static void
gs_reflow_box_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  GsReflowBox *self = GS_REFLOW_BOX (widget);
  guint n = n_visible (self);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Stacked, the widest child's minimum is enough; the natural width is
       * the row's, so a window opens wide enough to show the columns. */
      int nat_sum = 0, nat_widest = 0;
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c;
           c = gtk_widget_get_next_sibling (c))
        {
          int min = 0, nat = 0;
          if (!gtk_widget_should_layout (c))
            continue;
          gtk_widget_measure (c, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          nat_sum += nat;
          nat_widest = MAX (nat_widest, nat);
        }
      if (self->homogeneous)
        nat_sum = nat_widest * (int) n;
      *natural = MAX (nat_sum + self->spacing * (int) (n > 0 ? n - 1 : 0), *minimum);
      return;
    }

  if (for_size >= 0 && gs_reflow_box_is_wide_at (self, for_size))
    {
      g_autofree GtkRequestedSize *sizes = row_widths (self, for_size, &n);
      for (guint i = 0; i < n; i++)
        {
          int min = 0, nat = 0;
          gtk_widget_measure (sizes[i].data, orientation, sizes[i].minimum_size, &min, &nat, NULL,
                              NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0, nat = 0;
      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, orientation, for_size, &min, &nat, NULL, NULL);
      *minimum += min;
      *natural += nat;
    }
  if (n > 1)
    {
      *minimum += self->spacing * (int) (n - 1);
      *natural += self->spacing * (int) (n - 1);
    }
  (void) minimum_baseline;
  (void) natural_baseline;
}

static void
gs_reflow_box_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  GsReflowBox *self = GS_REFLOW_BOX (widget);
  guint n = 0;

  if (gs_reflow_box_is_wide_at (self, width))
    {
      g_autofree GtkRequestedSize *sizes = row_widths (self, width, &n);
      int x = 0;
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      for (guint i = 0; i < n; i++)
        {
          int w = sizes[i].minimum_size;
          GtkAllocation a = { rtl ? width - x - w : x, 0, w, height };
          gtk_widget_size_allocate (sizes[i].data, &a, -1);
          x += w + self->spacing;
        }
      return;
    }
  {
    int y = 0;
    for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
      {
        int min = 0, nat = 0;
        GtkAllocation a;
        if (!gtk_widget_should_layout (c))
          continue;
        gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
        a = (GtkAllocation){ 0, y, width, nat };
        gtk_widget_size_allocate (c, &a, -1);
        y += nat + self->spacing;
      }
  }
  (void) baseline;
}

static GtkSizeRequestMode
gs_reflow_box_get_request_mode (GtkWidget *widget)
{
  (void) widget;
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gs_reflow_box_dispose (GObject *object)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (gs_reflow_box_parent_class)->dispose (object);
}

static void
gs_reflow_box_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsReflowBox *self = GS_REFLOW_BOX (object);
  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_WIDE_WIDTH:
      g_value_set_int (value, self->wide_width);
      break;
    case PROP_HOMOGENEOUS:
      g_value_set_boolean (value, self->homogeneous);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_reflow_box_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GsReflowBox *self = GS_REFLOW_BOX (object);
  switch (prop_id)
    {
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      break;
    case PROP_WIDE_WIDTH:
      self->wide_width = g_value_get_int (value);
      break;
    case PROP_HOMOGENEOUS:
      self->homogeneous = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
gs_reflow_box_class_init (GsReflowBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gs_reflow_box_dispose;
  object_class->get_property = gs_reflow_box_get_property;
  object_class->set_property = gs_reflow_box_set_property;
  widget_class->measure = gs_reflow_box_measure;
  widget_class->size_allocate = gs_reflow_box_size_allocate;
  widget_class->get_request_mode = gs_reflow_box_get_request_mode;

  properties[PROP_SPACING] = g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDE_WIDTH] = g_param_spec_int ("wide-width", NULL, NULL, 0, G_MAXINT, 0,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOMOGENEOUS] = g_param_spec_boolean ("homogeneous", NULL, NULL, FALSE,
                                                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "reflowbox");
}

static void
gs_reflow_box_init (GsReflowBox *self)
{
  (void) self;
}

static void
gs_reflow_box_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child,
                         const char *type)
{
  if (GTK_IS_WIDGET (child))
    gs_reflow_box_append (GS_REFLOW_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
gs_reflow_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = gs_reflow_box_add_child;
}

GtkWidget *
gs_reflow_box_new (void)
{
  return g_object_new (GS_TYPE_REFLOW_BOX, NULL);
}

void
gs_reflow_box_append (GsReflowBox *self, GtkWidget *child)
{
  g_return_if_fail (GS_IS_REFLOW_BOX (self));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
