/* gs-plan.c — the editable plan document: load, check, edit, undo, save.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-plan.h"
#include "gs-actuals-store.h"
#include "gs-json-rows.h"
#include "gs-history.h"
#include "gs-plan-diff.h"
#include <glib/gi18n-lib.h>
#include "gs-atomic.h"
#include "gs-comp-resolve.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-meeting.h"
#include "gs-read.h"
#include "gs-engine-resources.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  char *path;
  JsonNode *before; /* NULL: the member did not exist */
  JsonNode *after;
  /* An edit of the actuals' records (gs_plan_set_store): before and after
   * are the "actuals" nodes (shared, never changed but to build a store's
   * lists in), the stores hold the records their nulls stand for, and the
   * version is put back with them. */
  gboolean of_store;
  JsonNode *version_before, *version_after;
  GsActualsStore *store_before, *store_after;
} GsEdit;

struct _GsPlan
{
  GObject parent_instance;
  JsonNode *root;
  GsModel *model;
  GsResult *result; /* computed on demand, dropped on every edit */
  GError *result_error;
  GsCompModel *comp; /* resolved from result; NULL without a compensation section */
  GPtrArray *undo;   /* of GsEdit* */
  GPtrArray *redo;
  int saved_depth; /* undo depth at the last save; -1 if that state is gone */
  /* The tree as opened or last saved, for the change log (gs-history.h).
   * Edits replace self->root with an edited copy, so this stays as it was. */
  JsonNode *saved_root;
  char *author; /* who the change log says saved; NULL: the user's name */
  /* The actuals' deals and leads and the roles' people as read from the
   * file, not yet in root (null there): decoded from the text, built into
   * the tree the first time anything reads the whole tree (whole_tree ()) or
   * edits a path that reaches them (tree_for_edit ()).  A verb that only
   * reads the model never builds them, and an edit elsewhere copies the
   * objects on its path with the nulls in them, so root and saved_root may
   * hold the same null in different objects (gs_json_deferred_materialize_into). */
  GsJsonDeferred *deferred;
  /* The actuals' deals and leads, decoded, where root holds null for them
   * (gs-actuals-store.h): an import replaces them without their tree.
   * saved_store is the same for saved_root.  Built into the trees the first
   * time anything reads or edits the tree, as the deferred lists are. */
  GsActualsStore *store;
  GsActualsStore *saved_store;
};

G_DEFINE_FINAL_TYPE (GsPlan, gs_plan, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gs_edit_free (GsEdit *edit)
{
  g_free (edit->path);
  g_clear_pointer (&edit->before, json_node_unref);
  g_clear_pointer (&edit->after, json_node_unref);
  g_clear_pointer (&edit->version_before, json_node_unref);
  g_clear_pointer (&edit->version_after, json_node_unref);
  g_clear_pointer (&edit->store_before, gs_actuals_store_unref);
  g_clear_pointer (&edit->store_after, gs_actuals_store_unref);
  g_free (edit);
}

static void
gs_plan_finalize (GObject *object)
{
  GsPlan *self = GS_PLAN (object);
  g_clear_pointer (&self->saved_root, json_node_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->deferred, gs_json_deferred_free);
  g_clear_pointer (&self->store, gs_actuals_store_unref);
  g_clear_pointer (&self->saved_store, gs_actuals_store_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->model, gs_model_free);
  g_clear_pointer (&self->result, gs_result_free);
  g_clear_error (&self->result_error);
  g_clear_pointer (&self->comp, gs_comp_model_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  G_OBJECT_CLASS (gs_plan_parent_class)->finalize (object);
}

static void
gs_plan_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GsPlan *self = GS_PLAN (object);
  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, gs_plan_get_dirty (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gs_plan_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gs_plan_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_plan_class_init (GsPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->finalize = gs_plan_finalize;
  object_class->get_property = gs_plan_get_property;

  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GsPlan::changed:
   * @path: the field path that changed ("" when the whole plan changed)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gs_plan_init (GsPlan *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_edit_free);
}

static GsPlan *
plan_new_taking (JsonNode *root, GError **error)
{
  g_autoptr (JsonNode) owned = root;
  GsModel *model = gs_model_decode (root, error);
  GsPlan *self;
  if (model == NULL)
    return NULL;
  self = g_object_new (GS_TYPE_PLAN, NULL);
  self->root = g_steal_pointer (&owned);
  self->saved_root = json_node_ref (self->root);
  self->model = model;
  return self;
}

GsPlan *
gs_plan_new_decoded (JsonNode *root, GsModel *model)
{
  GsPlan *self = g_object_new (GS_TYPE_PLAN, NULL);
  self->root = root;
  self->saved_root = json_node_ref (root);
  self->model = model;
  return self;
}

/* The actuals' object of tree, or NULL. */
static JsonObject *
actuals_of (JsonNode *tree)
{
  JsonNode *node = tree != NULL && JSON_NODE_HOLDS_OBJECT (tree)
                       ? json_object_get_member (json_node_get_object (tree), "actuals")
                       : NULL;
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The null of tree's actuals that store holds list for, or NULL. */
static JsonNode *
store_null (JsonNode *tree, const GsActualsStore *store, GsActualsList list)
{
  JsonObject *act = store != NULL ? actuals_of (tree) : NULL;
  JsonNode *node = act ? json_object_get_member (act, gs_actuals_store_list_names[list]) : NULL;
  return node != NULL && JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* Builds store's lists into tree in place of their nulls: the tree then
 * says what it said (the store stood for them), as a tree. */
static void
build_store (JsonNode *tree, const GsActualsStore *store)
{
  for (GsActualsList l = GS_ACTUALS_DEALS; l <= GS_ACTUALS_LEADS; l++)
    if (store_null (tree, store, l) != NULL)
      json_object_set_member (actuals_of (tree), gs_actuals_store_list_names[l],
                              gs_actuals_store_build (store, l));
}

/* The tree with the deferred lists built into it; the store's records may
 * still stand for their nulls (an edit that does not reach them keeps them). */
static JsonNode *
tree_keeping_store (GsPlan *self)
{
  if (self->deferred != NULL)
    {
      /* Into both trees: an edit that did not reach the lists copied the
       * objects above them into root, and saved_root keeps its own. */
      JsonNode *trees[] = { self->root, self->saved_root };
      gs_json_deferred_materialize_into (self->deferred, trees, G_N_ELEMENTS (trees));
      g_clear_pointer (&self->deferred, gs_json_deferred_free);
    }
  return self->root;
}

/* The whole tree: the deferred lists and the store's built into it first. */
static JsonNode *
whole_tree (GsPlan *self)
{
  tree_keeping_store (self);
  if (self->saved_store != NULL)
    {
      build_store (self->saved_root, self->saved_store);
      g_clear_pointer (&self->saved_store, gs_actuals_store_unref);
    }
  if (self->store != NULL)
    {
      build_store (self->root, self->store);
      g_clear_pointer (&self->store, gs_actuals_store_unref);
    }
  return self->root;
}

/* A plan as read from its file holds the actuals' deals and leads as a
 * store, as after an import (docs/plan-format.md, "The actuals as a
 * store"): the records the model decoded from the file's text move into it
 * and the model reads them there, so an edit that does not reach them
 * neither builds them into the tree nor copies them.  The store writes and
 * builds the lists from the file's text (gs_actuals_store_origin), so what
 * is saved is what the deferred lists wrote.  Only when both lists are
 * deferred (the nulls in their place are the store's to stand for). */
static void
hold_read_records (GsPlan *self)
{
  GsActualsData *data = self->model->actuals;
  JsonObject *act = actuals_of (self->root);
  GsActualsStore *store;

  if (data == NULL || data->records_of != NULL || act == NULL)
    return;
  for (GsActualsList l = GS_ACTUALS_DEALS; l <= GS_ACTUALS_LEADS; l++)
    {
      const char *name = gs_actuals_store_list_names[l];
      const char *held = gs_json_deferred_held (self->deferred, json_object_get_member (act, name));
      if (held == NULL
          || strcmp (held, l == GS_ACTUALS_DEALS ? "actuals.deals" : "actuals.leads") != 0)
        return;
    }
  store = gs_actuals_store_new_read (data, self->model, self->deferred);
  gs_actuals_store_share_records (store, data);
  for (GsActualsList l = GS_ACTUALS_DEALS; l <= GS_ACTUALS_LEADS; l++)
    gs_json_deferred_forget (self->deferred,
                             l == GS_ACTUALS_DEALS ? "actuals.deals" : "actuals.leads");
  self->store = store;
  self->saved_store = gs_actuals_store_ref (store);
}

static GsPlan *
plan_new_from_bytes (GBytes *text, GError **error)
{
  g_autoptr (GsJsonDeferred) deferred = NULL;
  g_autoptr (JsonNode) root
      = gs_json_parse_skimming (text, gs_model_deferred_lists, &deferred, error);
  GsModel *model;
  GsPlan *self;

  if (root == NULL)
    return NULL;
  if (gs_json_deferred_unchecked (deferred))
    {
      /* The rows were passed by their lines and checked as decoded
       * (gs_json_parse_skimming): anything wrong, and the plan is read again
       * the usual way, for the message it always got. */
      model = gs_model_decode_deferred (root, deferred, NULL);
      if (model != NULL && gs_json_deferred_check_rest (deferred))
        goto decoded;
      g_clear_pointer (&model, gs_model_free);
      g_clear_pointer (&root, json_node_unref);
      g_clear_pointer (&deferred, gs_json_deferred_free);
      root = gs_json_parse_deferring (text, gs_model_deferred_lists, &deferred, error);
      if (root == NULL)
        return NULL;
    }
  model = gs_model_decode_deferred (root, deferred, error);
  if (model == NULL)
    return NULL;
decoded:
  self = gs_plan_new_decoded (g_steal_pointer (&root), model);
  self->deferred = g_steal_pointer (&deferred);
  hold_read_records (self);
  return self;
}

GsPlan *
gs_plan_new_from_text (const char *text, gssize length, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  return plan_new_from_bytes (bytes, error);
}

GsPlan *
gs_plan_new_from_file (const char *filename, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  char *text = NULL;
  gsize length = 0;

  if (!gs_read_file (filename, GS_MAX_FILE_SIZE, &text, &length, error))
    return NULL;
  bytes = g_bytes_new_take (text, length);
  return plan_new_from_bytes (bytes, error);
}

GsPlan *
gs_plan_new_default (const char *company_name)
{
  /* Looked up in the engine's own resource so the static library keeps it linked. */
  g_autoptr (GBytes) bytes = g_resource_lookup_data (gs_engine_get_resource (),
                                                     "/org/goalsheet/Goalsheet/seed-saas.goalsheet",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr (GError) error = NULL;
  GsPlan *plan;

  g_assert (bytes != NULL);
  plan = gs_plan_new_from_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  if (company_name && *company_name)
    {
      JsonObject *company
          = json_object_get_object_member (json_node_get_object (whole_tree (plan)), "company");
      json_object_set_string_member (company, "name", company_name);
      g_clear_pointer (&plan->model, gs_model_free);
      plan->model = gs_model_decode (whole_tree (plan), &error);
      g_assert_no_error (error);
    }
  return plan;
}

GsPlan *
gs_plan_copy (GsPlan *self)
{
  JsonNode *tree = tree_keeping_store (self);
  g_autoptr (JsonNode) own = NULL;
  GsModel *model;
  GsPlan *copy;

  if (self->store == NULL)
    return plan_new_taking (gs_json_deep_copy (tree), NULL);
  /* The store's records shared, not built and copied (the Actuals page
   * copies the plan on every edit for its worker).  The copy's path to the
   * actuals is its own, so building the lists into either tree (in place,
   * on its actuals object) leaves the other's as it is; every other node is
   * shared and never changed in place. */
  own = gs_json_copy_path (tree, "actuals.deals"); /* root and actuals new */
  model = gs_model_decode_store (own, self->model, tree, NULL, self->store, NULL);
  if (model == NULL)
    return plan_new_taking (gs_json_deep_copy (whole_tree (self)), NULL); /* not expected */
  copy = gs_plan_new_decoded (g_steal_pointer (&own), model);
  copy->store = gs_actuals_store_ref (self->store);
  copy->saved_store = gs_actuals_store_ref (self->store);
  return copy;
}

char *
gs_plan_to_text (GsPlan *self)
{
  /* The lists held apart are written from the file's text or the store's
   * records, as a save writes them: the same text, nothing built. */
  return gs_json_to_text_held (self->root, gs_plan_write_held, self);
}

/* Atomic (gs-atomic.h): the file on disk is always the old plan or the new
 * one, and the previous version is kept as FILE~.  A failure leaves the old
 * file as it was and the plan still dirty. */
void
gs_plan_set_author (GsPlan *self, const char *author)
{
  g_return_if_fail (GS_IS_PLAN (self));
  g_free (self->author);
  self->author = g_strdup (author);
}

/* The user's full name, or the login name where the system has none. */
static const char *
author (GsPlan *self)
{
  const char *real = g_get_real_name ();
  if (self->author != NULL)
    return self->author;
  return real != NULL && *real && g_strcmp0 (real, "Unknown") != 0 ? real : g_get_user_name ();
}

/* Takes back what gs_history_record added when the save fails, so the plan
 * is as it was. */
static void
unrecord (GsPlan *self, gboolean had_history)
{
  JsonObject *root = json_node_get_object (self->root);
  JsonArray *history = json_object_get_array_member (root, "history");
  guint n = json_array_get_length (history);
  if (!had_history)
    json_object_remove_member (root, "history");
  else if (n > 0)
    json_array_remove_element (history, n - 1);
}

/* A list held apart from a tree: a deferred list (the file's text) or a
 * store's (its records). */
typedef struct
{
  const GsJsonDeferred *deferred;
  const char *path; /* of the deferred list */
  const GsActualsStore *store;
  GsActualsList list;
} HeldList;

/* The store's list list into h; a store read from the file is written
 * from the file's text, as the deferred list it was. */
static void
held_store (HeldList *h, const GsActualsStore *store, GsActualsList list)
{
  h->store = store;
  h->list = list;
  if ((h->deferred = gs_actuals_store_origin (store)) != NULL)
    h->path = list == GS_ACTUALS_DEALS ? "actuals.deals" : "actuals.leads";
}

static gboolean
held_list (GsPlan *self, JsonNode *tree, const GsActualsStore *store, GsActualsList list,
           HeldList *out)
{
  JsonObject *act = actuals_of (tree);
  JsonNode *node = act ? json_object_get_member (act, gs_actuals_store_list_names[list]) : NULL;
  *out = (HeldList){ NULL, NULL, NULL, list };
  if (node == NULL || !JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (store != NULL)
    held_store (out, store, list);
  else if ((out->path = gs_json_deferred_held (self->deferred, node)) != NULL)
    out->deferred = self->deferred;
  return out->store != NULL || out->deferred != NULL;
}

static guint
held_length (const HeldList *h)
{
  return h->store ? gs_actuals_store_length (h->store, h->list)
                  : (guint) gs_json_deferred_length (h->deferred, h->path);
}

/* Whether a list of n records of tree is written as rows: deals, from
 * GS_ACTUALS_ROWS_MIN in a plan of format 1.4 or later (docs/plan-format.md,
 * "The actuals as rows"). */
static gboolean
rows_wanted (JsonNode *tree, GsActualsList list, guint n)
{
  const char *version = JSON_NODE_HOLDS_OBJECT (tree) ? json_object_get_string_member_with_default (
                            json_node_get_object (tree), "version", "1.0")
                                                      : "1.0";
  guint major = 0, minor = 0;
  /* Leads stay objects: each one's "reached" object would spread its row
   * over lines and make the text longer, not shorter. */
  if (list != GS_ACTUALS_DEALS || n < GS_ACTUALS_ROWS_MIN
      || sscanf (version, "%u.%u", &major, &minor) != 2)
    return FALSE;
  return major > 1 || minor >= GS_FORMAT_MINOR_ROWS;
}

/* A deferred list's or a tree's records, one at a time, for
 * gs_json_write_rows. */
typedef struct
{
  const HeldList *h;
  JsonArray *array;
  JsonNode *record;
} Records;

static guint
record_members (guint index, GsJsonRowMember *members, gpointer data)
{
  Records *r = data;
  if (r->array != NULL)
    return gs_json_row_members (json_array_get_element (r->array, index), members);
  g_clear_pointer (&r->record, json_node_unref);
  r->record = gs_json_deferred_element (r->h->deferred, r->h->path, index);
  return gs_json_row_members (r->record, members);
}

static void
write_records_as_rows (const HeldList *h, JsonArray *array, guint n, GsJsonWriter *w)
{
  Records r = { h, array, NULL };
  gs_json_write_rows (w, n, record_members, &r, gs_actuals_rows_order[h->list],
                      gs_actuals_rows_tabled[h->list]);
  g_clear_pointer (&r.record, json_node_unref);
}

/* The list as gs_json_to_text writes it in place of its null (as rows when
 * rows): every element of a deferred list is an object (the plan decoded). */
static void
write_held (const HeldList *h, gboolean rows, GsJsonWriter *w)
{
  guint n;
  /* A store read from the file: its records write the file's text, or the
   * file's records are written as they are (below). */
  if (h->store != NULL && h->deferred != NULL
      && gs_actuals_store_write_origin (h->store, h->list, rows, w))
    return;
  if (h->store != NULL && h->deferred == NULL)
    {
      if (rows)
        gs_actuals_store_write_rows (h->store, h->list, w);
      else
        gs_actuals_store_write (h->store, h->list, w);
      return;
    }
  n = held_length (h);
  if (rows)
    {
      write_records_as_rows (h, NULL, n, w);
      return;
    }
  gs_json_writer_begin_array (w, n == 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JsonNode) element = gs_json_deferred_element (h->deferred, h->path, i);
      gs_json_write_node (w, element);
    }
  gs_json_writer_end_array (w);
}

static char *
held_text (const HeldList *h)
{
  GsJsonWriter *w = gs_json_writer_new (NULL, NULL);
  write_held (h, FALSE, w);
  gs_json_writer_finish (w, NULL);
  return gs_json_writer_free_to_text (w);
}

static JsonNode *
held_build (const HeldList *h)
{
  g_autofree char *text = held_text (h);
  g_autoptr (GError) error = NULL;
  JsonNode *node = gs_json_parse (text, -1, &error);
  g_assert_no_error (error);
  return node;
}

/* gs_json_to_text's nulls: a deferred list or the store's, written from
 * the text or the records without their tree. */
gboolean
gs_plan_write_held (JsonNode *node, GsJsonWriter *w, gpointer data)
{
  GsPlan *self = data;
  HeldList h = { NULL, NULL, NULL, GS_ACTUALS_DEALS };
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      /* The lists built into the tree: as rows too when they are long. */
      JsonObject *act = actuals_of (self->root);
      JsonArray *array = json_node_get_array (node);
      for (GsActualsList l = GS_ACTUALS_DEALS; act && l <= GS_ACTUALS_LEADS; l++)
        if (json_object_get_member (act, gs_actuals_store_list_names[l]) == node
            && rows_wanted (self->root, l, json_array_get_length (array)))
          {
            h.list = l;
            write_records_as_rows (&h, array, json_array_get_length (array), w);
            return TRUE;
          }
      return FALSE;
    }
  for (GsActualsList l = GS_ACTUALS_DEALS; l <= GS_ACTUALS_LEADS; l++)
    if (node == store_null (self->root, self->store, l))
      held_store (&h, self->store, l);
  if (h.store == NULL && (h.path = gs_json_deferred_held (self->deferred, node)) != NULL)
    h.deferred = self->deferred;
  if (h.store == NULL && h.deferred == NULL)
    return FALSE;
  if (h.deferred != NULL)
    {
      /* Which list the file's text holds: only the deals may become rows
       * (a role's people or the leads never do). */
      if (strcmp (h.path, "actuals.deals") == 0)
        h.list = GS_ACTUALS_DEALS;
      else if (strcmp (h.path, "actuals.leads") == 0)
        h.list = GS_ACTUALS_LEADS;
      else
        {
          write_held (&h, FALSE, w);
          return TRUE;
        }
    }
  write_held (&h, rows_wanted (self->root, h.list, held_length (&h)), w);
  return TRUE;
}

/* The log keeps a value of more than GS_HISTORY_MAX_VALUE_SIZE values as
 * its size; a list of that many records stands in the compared trees as a
 * list of as many values, all null but the first (tag), which tells two
 * lists apart: one null node, referenced n - 1 times (the log only counts
 * and compares them), not 100,000 nodes allocated.  A smaller one is built. */
static JsonNode *
stand_in (const HeldList *h, const char *tag)
{
  guint n = held_length (h);
  g_autoptr (JsonNode) null = NULL;
  JsonArray *array;
  JsonNode *node;
  if (n < GS_HISTORY_MAX_VALUE_SIZE)
    return held_build (h);
  array = json_array_sized_new (n);
  json_array_add_string_element (array, tag);
  null = json_node_new (JSON_NODE_NULL);
  for (guint i = 1; i < n; i++)
    json_array_add_element (array, json_node_ref (null));
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

/* The trees the change log compares: before and after with each held list
 * in its place (stand_in), so the log reads as for the whole trees. */
static void
history_views (GsPlan *self, JsonNode **before, JsonNode **after)
{
  *before = json_node_ref (self->saved_root);
  *after = json_node_ref (self->root);
  for (GsActualsList l = GS_ACTUALS_DEALS; l <= GS_ACTUALS_LEADS; l++)
    {
      g_autofree char *path = g_strconcat ("actuals.", gs_actuals_store_list_names[l], NULL);
      JsonNode *b = gs_json_lookup (self->saved_root, path);
      JsonNode *a = gs_json_lookup (self->root, path);
      HeldList hb, ha;
      gboolean held_b = held_list (self, self->saved_root, self->saved_store, l, &hb);
      gboolean held_a = held_list (self, self->root, self->store, l, &ha);
      g_autoptr (JsonNode) vb = NULL;
      g_autoptr (JsonNode) va = NULL;

      if (a == b || (!held_a && !held_b))
        continue;
      if (held_b && held_a && hb.store != NULL && hb.store == ha.store)
        continue; /* the same records */
      vb = held_b ? stand_in (&hb, "before") : (b ? json_node_ref (b) : NULL);
      va = held_a ? stand_in (&ha, "after") : (a ? json_node_ref (a) : NULL);
      if (vb != NULL && va != NULL && JSON_NODE_HOLDS_ARRAY (vb) && JSON_NODE_HOLDS_ARRAY (va)
          && (held_b || held_a))
        {
          /* Two lists of the same text are the same list. */
          g_autofree char *tb = held_b ? held_text (&hb) : gs_json_to_text (b);
          g_autofree char *ta = held_a ? held_text (&ha) : gs_json_to_text (a);
          if (strcmp (tb, ta) == 0)
            {
              g_clear_pointer (&vb, json_node_unref);
              vb = json_node_ref (va);
            }
        }
      for (guint side = 0; side < 2; side++)
        {
          JsonNode **tree = side ? after : before;
          JsonNode *value = side ? va : vb;
          JsonNode *copy;
          if (value == NULL || !(side ? held_a : held_b))
            continue;
          copy = gs_json_copy_path (*tree, path);
          gs_json_replace (copy, path, json_node_ref (value), NULL);
          json_node_unref (*tree);
          *tree = copy;
        }
    }
}

/* gs_history_record for the plan's trees, held lists and all. */
static gboolean
record_history (GsPlan *self, GDateTime *now)
{
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  history_views (self, &before, &after);
  return gs_history_record_compared (self->root, before, after, author (self), now);
}

/* A save's text as it is written: its values counted, and past the limit
 * no longer written (the file is then not replaced). */
typedef struct
{
  GsAtomicFile *file;
  gsize values;
} SaveSink;

static gboolean
save_piece (const char *text, gsize len, gpointer data, GError **error)
{
  SaveSink *s = data;
  s->values += gs_json_count_values (text, len);
  return s->values > GS_JSON_MAX_VALUES || gs_atomic_file_write (s->file, text, len, error);
}

gboolean
gs_plan_save_to_file (GsPlan *self, const char *filename, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gboolean had_history = json_object_has_member (json_node_get_object (self->root), "history");
  gboolean changed = self->saved_root != self->root;
  gboolean recorded;

  /* The log is written into the tree in place: its root and history list
   * become the plan's own first, as they may be shared with the saved tree
   * or a scenario's (gs_json_copy_path). */
  if (changed)
    {
      JsonNode *own = gs_json_copy_path (self->root, "history[0]");
      json_node_unref (self->root);
      self->root = own;
    }
  /* The log records what this save changes; the oldest entry may drop off
   * past the limit, and a failed save takes the new one back (below). */
  recorded = changed && record_history (self, now);
  /* The held lists written from the text or the records, not built, and
   * the text streamed to the new file in pieces, not made whole first. */
  g_autoptr (GsAtomicFile) file = gs_atomic_file_begin (filename, GS_ATOMIC_BACKUP, error);
  SaveSink sink = { file, 0 };
  if (file == NULL
      || !gs_json_write_held (self->root, gs_plan_write_held, self, save_piece, &sink, error))
    {
      if (recorded)
        unrecord (self, had_history);
      return FALSE;
    }
  /* Reading refuses a file of more values (gs-json.h): a plan saved over
   * it could never be opened again; the new file is dropped, the old kept. */
  if (sink.values > GS_JSON_MAX_VALUES)
    {
      g_set_error (
          error, GS_ERROR, GS_ERROR_INVALID,
          _ ("the plan would hold %lu values, more than the %d a plan may hold; it was not "
             "saved"),
          (unsigned long) sink.values, GS_JSON_MAX_VALUES);
      if (recorded)
        unrecord (self, had_history);
      return FALSE;
    }
  if (!gs_atomic_file_commit (file, error))
    {
      if (recorded)
        unrecord (self, had_history);
      return FALSE;
    }
  g_clear_pointer (&self->saved_root, json_node_unref);
  self->saved_root = json_node_ref (self->root);
  g_clear_pointer (&self->saved_store, gs_actuals_store_unref);
  self->saved_store = self->store ? gs_actuals_store_ref (self->store) : NULL;
  gs_plan_mark_saved (self);
  return TRUE;
}

const GsModel *
gs_plan_get_model (GsPlan *self)
{
  g_return_val_if_fail (GS_IS_PLAN (self), NULL);
  return self->model;
}

/* Computes once per plan state: the result, and the compensation plans
 * resolved from it. */
static void
ensure_result (GsPlan *self)
{
  if (self->result == NULL && self->result_error == NULL)
    self->result = gs_compute (self->model, &self->result_error);
  if (self->result && self->comp == NULL)
    self->comp = gs_comp_resolve (self->model, self->result);
}

const GsResult *
gs_plan_get_result (GsPlan *self, GError **error)
{
  g_return_val_if_fail (GS_IS_PLAN (self), NULL);
  ensure_result (self);
  if (self->result_error)
    {
      g_propagate_error (error, g_error_copy (self->result_error));
      return NULL;
    }
  return self->result;
}

const GsCompModel *
gs_plan_get_comp (GsPlan *self, GError **error)
{
  g_return_val_if_fail (GS_IS_PLAN (self), NULL);
  if (gs_plan_get_result (self, error) == NULL)
    return NULL;
  return self->comp;
}

JsonNode *
gs_plan_get_root (GsPlan *self)
{
  return whole_tree (self);
}

JsonNode *
gs_plan_peek_root (GsPlan *self)
{
  return self->root;
}

JsonNode *
gs_plan_get_saved_root (GsPlan *self)
{
  whole_tree (self); /* the same node as root while lists are deferred */
  return self->saved_root;
}

GPtrArray *
gs_plan_diff_since_saved (GsPlan *self)
{
  tree_keeping_store (self);
  /* The same records on both sides: both trees hold null for them, which
   * compares equal, as the lists would.  Other records: built, compared. */
  if (self->store != self->saved_store)
    whole_tree (self);
  return gs_plan_diff_trees (self->saved_root, self->root);
}

/* Builds the deferred lists only for a path that reaches them: reading the
 * simulation settings or the version leaves them in the text. */
/* Whether the node at path is, holds or lies inside the store's lists. */
static gboolean
meets_store (const char *path)
{
  static const char *const prefixes[] = { "actuals.deals", "actuals.leads" };
  if (*path == '\0' || strcmp (path, "actuals") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i]);
      if (strncmp (path, prefixes[i], n) == 0 && strchr (".[", path[n]) != NULL)
        return TRUE; /* strchr finds the NUL too */
    }
  return FALSE;
}

JsonNode *
gs_plan_lookup (GsPlan *self, const char *path)
{
  gboolean meets = path == NULL || gs_json_deferred_meets (self->deferred, path)
                   || ((self->store || self->saved_store) && meets_store (path));
  return gs_json_lookup (meets ? whole_tree (self) : self->root, path);
}

JsonNode *
gs_plan_lookup_above_lists (GsPlan *self, const char *path)
{
  if (path != NULL && *path != '\0' && !gs_json_deferred_within (self->deferred, path)
      && !meets_store (path))
    return gs_json_lookup (self->root, path);
  return gs_plan_lookup (self, path);
}

gboolean
gs_plan_lists_deferred (GsPlan *self)
{
  return self->deferred != NULL;
}

gboolean
gs_plan_has_store (GsPlan *self)
{
  return self->store != NULL;
}

/* Applies value at path to a copy of the tree and decodes it: the plan
 * accepts the edit only if the result is a valid plan whose figures compute.
 * The copy is new only along the path (gs_json_copy_path) and shares every
 * other node with the tree, which is never changed in place; the new model
 * reads again only what the edit reached (gs_model_decode_sharing). */
/* Whether an edit at path may leave the store standing for the actuals'
 * lists: it does not reach them.  The edit keeps it only if the model
 * decoded from the edited tree still reads the store's records (an edit
 * that adds a stage, a source or renames a person's id changes what the
 * records were decoded against: the lists are then built into the tree and
 * decoded from it, as before there was a store). */
static gboolean
may_keep_store (GsPlan *self, const char *path)
{
  return self->store != NULL && path != NULL && *path != '\0' && !meets_store (path);
}

/* Whether an edit at path may leave the deferred lists in the file's text:
 * it reaches neither them nor the store's lists (which the model read
 * against the tree as it is).  The model of the edited tree then reads
 * them as the opened plan's did: what the edit did not reach is shared. */
static gboolean
may_keep_deferred (GsPlan *self, const char *path)
{
  return self->deferred != NULL && path != NULL && *path != '\0'
         && !gs_json_deferred_meets (self->deferred, path) && !meets_store (path);
}

/* The tree an edit at path applies to, with the deferred lists and the
 * store's built into it only when the edit reaches them: the first edit of
 * a plan of 50,000 people costs what it changes, not their tree. */
static JsonNode *
tree_for_edit (GsPlan *self, const char *path)
{
  if (may_keep_deferred (self, path))
    return self->root;
  return may_keep_store (self, path) ? tree_keeping_store (self) : whole_tree (self);
}

static gboolean
reads_store (const GsModel *model, const GsActualsStore *store)
{
  return model->actuals != NULL && model->actuals->records_of == store;
}

static JsonNode *
edited_tree (GsPlan *self, const char *path, JsonNode *value, GsModel **model,
             GsResult **result_out, gboolean check_locks, GError **error)
{
  g_autoptr (JsonNode) copy = NULL;
  g_autoptr (GsModel) decoded = NULL;
  g_autoptr (GsResult) result = NULL;
  gboolean keep = may_keep_store (self, path);
  GsJsonDeferred *deferred = may_keep_deferred (self, path) ? self->deferred : NULL;
  JsonNode *base = tree_for_edit (self, path);

  if (path == NULL || *path == '\0')
    copy = gs_json_deep_copy (value);
  else
    {
      copy = gs_json_copy_path (base, path);
      if (!gs_json_replace (copy, path, gs_json_deep_copy (value), error))
        return NULL;
    }
  if (keep)
    {
      decoded = gs_model_decode_store (copy, self->model, base, deferred, self->store, NULL);
      if (decoded == NULL || !reads_store (decoded, self->store))
        {
          /* Not an edit the store survives (or not a valid one): as a
           * tree, whose decode gives the message if there is one. */
          g_clear_pointer (&decoded, gs_model_free);
          whole_tree (self);
          return edited_tree (self, path, value, model, result_out, check_locks, error);
        }
    }
  else
    decoded = gs_model_decode_store (copy, self->model, base, deferred, NULL, error);
  if (decoded == NULL)
    return NULL;
  result = gs_compute (decoded, error);
  if (result == NULL)
    return NULL;
  /* Lines agreed and locked in the meeting may not move; undo and redo
   * replay history and are exempt. */
  if (check_locks
      && !gs_meeting_check_locks (copy, self->model, gs_plan_get_result (self, NULL), result,
                                  error))
    return NULL;
  if (model)
    *model = g_steal_pointer (&decoded);
  if (result_out)
    *result_out = g_steal_pointer (&result);
  return g_steal_pointer (&copy);
}

gboolean
gs_plan_check (GsPlan *self, const char *path, JsonNode *value, GError **error)
{
  g_autoptr (JsonNode) tree = edited_tree (self, path, value, NULL, NULL, TRUE, error);
  return tree != NULL;
}

gboolean
gs_plan_preview (GsPlan *self, const char *path, JsonNode *value, GsModel **model,
                 GsResult **result, GError **error)
{
  g_autoptr (JsonNode) owned = value; /* taken */
  g_autoptr (JsonNode) tree = NULL;
  g_return_val_if_fail (GS_IS_PLAN (self), FALSE);
  tree = edited_tree (self, path, owned, model, result, TRUE, error);
  return tree != NULL;
}

static void
notify_state (GsPlan *self, const char *path)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0, path ? path : "");
}

/* The result computed while checking the edit is kept: no second compute. */
/* The tree and everything decoded or computed from it, before a new one is
 * installed. */
static void
clear_derived (GsPlan *self)
{
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->model, gs_model_free);
  g_clear_pointer (&self->result, gs_result_free);
  g_clear_error (&self->result_error);
  g_clear_pointer (&self->comp, gs_comp_model_free);
}

static void
install (GsPlan *self, JsonNode *tree, GsModel *model, GsResult *result)
{
  /* The deferred lists may still stand: tree shares their nulls
   * (tree_for_edit). */
  clear_derived (self);
  self->root = tree;
  self->model = model;
  self->result = result;
}

gboolean
gs_plan_set (GsPlan *self, const char *path, JsonNode *value, GError **error)
{
  g_autoptr (JsonNode) owned = value; /* taken: freed on return */
  GsModel *model = NULL;
  GsResult *result = NULL;
  JsonNode *tree;
  JsonNode *before;
  GsEdit *edit;

  g_return_val_if_fail (GS_IS_PLAN (self), FALSE);
  before = gs_json_lookup (tree_for_edit (self, path), path);
  if (before && gs_json_equal (before, owned))
    return TRUE; /* nothing changes: no undo step */
  tree = edited_tree (self, path, owned, &model, &result, TRUE, error);
  if (tree == NULL)
    return FALSE;

  edit = g_new0 (GsEdit, 1);
  edit->path = g_strdup (path ? path : "");
  edit->before = before ? gs_json_deep_copy (before) : NULL;
  edit->after = gs_json_deep_copy (owned);
  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
  if (self->saved_depth > (int) self->undo->len - 1)
    self->saved_depth = -1; /* the saved state is no longer reachable by redo */

  install (self, tree, model, result);
  notify_state (self, path);
  return TRUE;
}

/* The member of tree's root object, referenced, or NULL. */
static JsonNode *
member_ref (JsonNode *tree, const char *name)
{
  JsonNode *node = json_object_get_member (json_node_get_object (tree), name);
  return node ? json_node_ref (node) : NULL;
}

/* Decodes tree, whose actuals' lists store holds where it holds null,
 * against the plan as it is: what both share is not read again, and the
 * records are copied from the store. */
static GsModel *
decode_with_store (GsPlan *self, JsonNode *tree, const GsActualsStore *store, GsResult **result,
                   gboolean check_locks, GError **error)
{
  g_autoptr (GsModel) model
      = gs_model_decode_store (tree, self->model, self->root, self->deferred, store, error);
  g_autoptr (GsResult) computed = NULL;
  if (model == NULL || (computed = gs_compute (model, error)) == NULL)
    return NULL;
  if (check_locks
      && !gs_meeting_check_locks (tree, self->model, gs_plan_get_result (self, NULL), computed,
                                  error))
    return NULL;
  *result = g_steal_pointer (&computed);
  return g_steal_pointer (&model);
}

static void
install_with_store (GsPlan *self, JsonNode *tree, GsActualsStore *store, GsModel *model,
                    GsResult *result)
{
  clear_derived (self);
  g_clear_pointer (&self->store, gs_actuals_store_unref);
  self->root = json_node_ref (tree);
  self->store = store ? gs_actuals_store_ref (store) : NULL;
  self->model = model;
  self->result = result;
}

/* Every member but the actuals' lists the same node or the same text. */
static gboolean
same_but_lists (JsonNode *a, JsonNode *b)
{
  JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
  JsonObject *aa = actuals_of (a), *ab = actuals_of (b);
  g_autoptr (GList) names = json_object_get_members (ob);

  if (json_object_get_size (oa) != json_object_get_size (ob) || (aa == NULL) != (ab == NULL)
      || (aa && json_object_get_size (aa) != json_object_get_size (ab)))
    return FALSE;
  for (GList *l = names; l; l = l->next)
    {
      JsonNode *ma = json_object_get_member (oa, l->data),
               *mb = json_object_get_member (ob, l->data);
      if (ma == NULL)
        return FALSE;
      if (ma != mb && strcmp (l->data, "actuals") != 0 && !gs_json_equal (ma, mb))
        return FALSE;
    }
  if (aa != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (ab);
      for (GList *l = members; l; l = l->next)
        {
          JsonNode *ma = json_object_get_member (aa, l->data);
          JsonNode *mb = json_object_get_member (ab, l->data);
          if (ma == NULL)
            return FALSE;
          if (strcmp (l->data, "deals") != 0 && strcmp (l->data, "leads") != 0 && ma != mb
              && !gs_json_equal (ma, mb))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
gs_plan_set_store (GsPlan *self, JsonNode *root, GsActualsStore *store, GError **error)
{
  g_autoptr (JsonNode) owned = root; /* taken */
  const GsActualsData *was = self->model->actuals;
  GsModel *model;
  GsResult *result = NULL;
  GsEdit *edit;

  g_return_val_if_fail (GS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (store_null (root, store, GS_ACTUALS_DEALS) != NULL, FALSE);
  /* The same records and the same everything else: nothing changes, and
   * no undo step (as gs_plan_set). */
  if (was != NULL && gs_actuals_store_same_records (store, was)
      && gs_actuals_store_frame_fits (store, was, self->model) && same_but_lists (self->root, root))
    return TRUE;
  model = decode_with_store (self, root, store, &result, TRUE, error);
  if (model == NULL)
    return FALSE;

  edit = g_new0 (GsEdit, 1);
  edit->path = g_strdup ("");
  edit->of_store = TRUE;
  edit->before = member_ref (self->root, "actuals");
  edit->version_before = member_ref (self->root, "version");
  edit->store_before = self->store ? gs_actuals_store_ref (self->store) : NULL;
  edit->after = member_ref (root, "actuals");
  edit->version_after = member_ref (root, "version");
  edit->store_after = gs_actuals_store_ref (store);
  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
  if (self->saved_depth > (int) self->undo->len - 1)
    self->saved_depth = -1;

  install_with_store (self, root, store, model, result);
  notify_state (self, "");
  return TRUE;
}

gboolean
gs_plan_replace_root (GsPlan *self, JsonNode *root, GError **error)
{
  return gs_plan_set (self, "", root, error);
}

gboolean
gs_plan_set_double (GsPlan *self, const char *path, double value, GError **error)
{
  return gs_plan_set (self, path, json_node_init_double (json_node_alloc (), value), error);
}

gboolean
gs_plan_set_int (GsPlan *self, const char *path, gint64 value, GError **error)
{
  return gs_plan_set (self, path, json_node_init_int (json_node_alloc (), value), error);
}

gboolean
gs_plan_set_string (GsPlan *self, const char *path, const char *value, GError **error)
{
  return gs_plan_set (self, path, json_node_init_string (json_node_alloc (), value), error);
}

gboolean
gs_plan_set_money (GsPlan *self, const char *path, GsMoney value, GError **error)
{
  return gs_plan_set (self, path, gs_json_money_node (value, self->model->company.digits), error);
}

/* Undo and redo re-apply a recorded node; both states were valid once, so a
 * failure here would be a bug, not a user error. */
static gboolean
apply_recorded (GsPlan *self, const char *path, JsonNode *node)
{
  g_autoptr (GError) error = NULL;
  GsModel *model = NULL;
  GsResult *result = NULL;
  JsonNode *tree;

  if (node == NULL)
    {
      /* The member did not exist before: remove it again. */
      g_autoptr (JsonNode) copy = gs_json_copy_path (whole_tree (self), path);
      /* An added member or an appended list element ("capacity.ae.hires[2]"). */
      gs_json_remove (copy, path);
      model = gs_model_decode_sharing (copy, self->model, whole_tree (self), &error);
      if (model == NULL)
        {
          g_critical ("undo produced an invalid plan: %s", error->message);
          return FALSE;
        }
      install (self, g_steal_pointer (&copy), model, NULL);
      return TRUE;
    }
  tree = edited_tree (self, path, node, &model, &result, FALSE, &error);
  if (tree == NULL)
    {
      g_critical ("undo produced an invalid plan: %s", error->message);
      return FALSE;
    }
  install (self, tree, model, result);
  return TRUE;
}

gboolean
gs_plan_can_undo (GsPlan *self)
{
  return self->undo->len > 0;
}

gboolean
gs_plan_can_redo (GsPlan *self)
{
  return self->redo->len > 0;
}

/* An edit of the store: the section, its records and the version put back
 * as they were, in a copy of the tree that shares all else. */
static gboolean
apply_store_edit (GsPlan *self, JsonNode *actuals, JsonNode *version, GsActualsStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) tree = gs_json_copy_path (self->root, "actuals");
  JsonObject *o = json_node_get_object (tree);
  GsResult *result = NULL;
  GsModel *model;

  if (actuals != NULL)
    json_object_set_member (o, "actuals", json_node_ref (actuals));
  else
    json_object_remove_member (o, "actuals");
  if (version != NULL)
    json_object_set_member (o, "version", json_node_ref (version));
  model = decode_with_store (self, tree, store, &result, FALSE, &error);
  if (model == NULL)
    {
      g_critical ("undo produced an invalid plan: %s", error->message);
      return FALSE;
    }
  install_with_store (self, tree, store, model, result);
  return TRUE;
}

static gboolean
apply_edit (GsPlan *self, GsEdit *edit, gboolean back)
{
  if (edit->of_store)
    return back ? apply_store_edit (self, edit->before, edit->version_before, edit->store_before)
                : apply_store_edit (self, edit->after, edit->version_after, edit->store_after);
  return apply_recorded (self, edit->path, back ? edit->before : edit->after);
}

gboolean
gs_plan_undo (GsPlan *self)
{
  GsEdit *edit;
  if (self->undo->len == 0)
    return FALSE;
  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  if (!apply_edit (self, edit, TRUE))
    {
      g_ptr_array_add (self->undo, edit);
      return FALSE;
    }
  g_ptr_array_add (self->redo, edit);
  notify_state (self, edit->path);
  return TRUE;
}

gboolean
gs_plan_redo (GsPlan *self)
{
  GsEdit *edit;
  if (self->redo->len == 0)
    return FALSE;
  edit = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  if (!apply_edit (self, edit, FALSE))
    {
      g_ptr_array_add (self->redo, edit);
      return FALSE;
    }
  g_ptr_array_add (self->undo, edit);
  notify_state (self, edit->path);
  return TRUE;
}

gboolean
gs_plan_get_dirty (GsPlan *self)
{
  return self->saved_depth != (int) self->undo->len;
}

void
gs_plan_mark_saved (GsPlan *self)
{
  self->saved_depth = (int) self->undo->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

void
gs_plan_mark_unsaved (GsPlan *self)
{
  self->saved_depth = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}
