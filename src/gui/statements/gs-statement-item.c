/* gs-statement-item.c — one line of a commission statement (gs-statement-item.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-statement-item.h"

struct _GsStatementItem
{
  GObject parent_instance;
  char *title;
  char *subtitle;
  char *value;
  char *deal;
  GsDisputeLine line;
  gboolean disputable;
  guint depth;
  int note;
  gboolean resolved;
};

G_DEFINE_FINAL_TYPE (GsStatementItem, gs_statement_item, G_TYPE_OBJECT)

static void
gs_statement_item_finalize (GObject *object)
{
  GsStatementItem *self = GS_STATEMENT_ITEM (object);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->value);
  g_free (self->deal);
  G_OBJECT_CLASS (gs_statement_item_parent_class)->finalize (object);
}

static void
gs_statement_item_class_init (GsStatementItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gs_statement_item_finalize;
}

static void
gs_statement_item_init (GsStatementItem *self)
{
  self->note = -1;
}

GsStatementItem *
gs_statement_item_new (const char *title, const char *subtitle, const char *value)
{
  GsStatementItem *self = g_object_new (GS_TYPE_STATEMENT_ITEM, NULL);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->value = g_strdup (value);
  return self;
}

const char *
gs_statement_item_get_title (GsStatementItem *self)
{
  return self->title;
}

const char *
gs_statement_item_get_subtitle (GsStatementItem *self)
{
  return self->subtitle;
}

const char *
gs_statement_item_get_value (GsStatementItem *self)
{
  return self->value;
}

void
gs_statement_item_set_line (GsStatementItem *self, const char *deal, GsDisputeLine line)
{
  g_free (self->deal);
  self->deal = g_strdup (deal);
  self->line = line;
  self->disputable = TRUE;
}

gboolean
gs_statement_item_get_line (GsStatementItem *self, const char **deal, GsDisputeLine *line)
{
  *deal = self->deal;
  *line = self->line;
  return self->disputable;
}

void
gs_statement_item_set_depth (GsStatementItem *self, guint depth)
{
  self->depth = depth;
}

guint
gs_statement_item_get_depth (GsStatementItem *self)
{
  return self->depth;
}

void
gs_statement_item_set_note (GsStatementItem *self, int index, gboolean resolved)
{
  self->note = index;
  self->resolved = resolved;
}

int
gs_statement_item_get_note (GsStatementItem *self, gboolean *resolved)
{
  *resolved = self->resolved;
  return self->note;
}
