/* gs-recovery.c — recovery files: write after idle, remove on save/close,
 * list what a dead process left behind.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File format (JSON): {"format": "goalsheet-recovery", "version": "1.0",
 * "id", "pid", "document_path" (or null), "written_at" (ISO 8601), "plan": the
 * plan exactly as it would be saved}.
 */
#include "gs-recovery.h"
#include "gs-atomic.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-read.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#define RECOVERY_FORMAT "goalsheet-recovery"
#define RECOVERY_SUFFIX ".goalsheet-recovery"

struct _GsRecovery
{
  GObject parent_instance;
  GsPlan *plan;
  char *id;
  char *filename;
  char *document_path;
  guint timeout_id;
  guint delay_ms;
  gulong changed_id;
  gulong dirty_id;
};

G_DEFINE_FINAL_TYPE (GsRecovery, gs_recovery, G_TYPE_OBJECT)

const char *
gs_recovery_dir (void)
{
  static gsize once;
  static char *dir;
  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("GOALSHEET_RECOVERY_DIR");
      dir = env && *env ? g_strdup (env)
                        : g_build_filename (g_get_user_data_dir (), "goalsheet", "recovery", NULL);
      g_once_init_leave (&once, 1);
    }
  return dir;
}

/* Members of a recovery file read without trusting their types. */
static const char *
string_member (JsonObject *obj, const char *key)
{
  JsonNode *node = json_object_get_member (obj, key);
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gint64
int_member (JsonObject *obj, const char *key)
{
  JsonNode *node = json_object_get_member (obj, key);
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  return 0;
}

static void
gs_recovery_dispose (GObject *object)
{
  GsRecovery *self = GS_RECOVERY (object);
  /* Closing the document: its edits were saved or deliberately dropped. */
  gs_recovery_discard (self);
  if (self->plan)
    {
      g_clear_signal_handler (&self->changed_id, self->plan);
      g_clear_signal_handler (&self->dirty_id, self->plan);
      g_clear_object (&self->plan);
    }
  G_OBJECT_CLASS (gs_recovery_parent_class)->dispose (object);
}

static void
gs_recovery_finalize (GObject *object)
{
  GsRecovery *self = GS_RECOVERY (object);
  g_free (self->id);
  g_free (self->filename);
  g_free (self->document_path);
  G_OBJECT_CLASS (gs_recovery_parent_class)->finalize (object);
}

static void
gs_recovery_class_init (GsRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->dispose = gs_recovery_dispose;
  object_class->finalize = gs_recovery_finalize;
}

static void
gs_recovery_init (GsRecovery *self)
{
  self->delay_ms = GS_RECOVERY_DELAY_MS;
}

static void
on_changed (GsPlan *plan, const char *path, GsRecovery *self)
{
  gs_recovery_schedule (self);
}

static void
on_dirty (GsPlan *plan, GParamSpec *pspec, GsRecovery *self)
{
  /* Saved (or undone back to the saved state): nothing left to recover. */
  if (!gs_plan_get_dirty (plan))
    gs_recovery_discard (self);
}

static GsRecovery *
recovery_new_with_id (GsPlan *plan, const char *document_path, const char *id)
{
  GsRecovery *self = g_object_new (GS_TYPE_RECOVERY, NULL);
  g_autofree char *base = g_strconcat (id, RECOVERY_SUFFIX, NULL);
  self->plan = g_object_ref (plan);
  self->id = g_strdup (id);
  self->filename = g_build_filename (gs_recovery_dir (), base, NULL);
  self->document_path = g_strdup (document_path);
  self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (on_changed), self);
  self->dirty_id = g_signal_connect (plan, "notify::dirty", G_CALLBACK (on_dirty), self);
  return self;
}

GsRecovery *
gs_recovery_new (GsPlan *plan, const char *document_path)
{
  g_autofree char *id = g_uuid_string_random ();
  g_return_val_if_fail (GS_IS_PLAN (plan), NULL);
  return recovery_new_with_id (plan, document_path, id);
}

void
gs_recovery_set_document_path (GsRecovery *self, const char *document_path)
{
  g_free (self->document_path);
  self->document_path = g_strdup (document_path);
}

const char *
gs_recovery_get_id (GsRecovery *self)
{
  return self->id;
}

const char *
gs_recovery_get_filename (GsRecovery *self)
{
  return self->filename;
}

void
gs_recovery_set_delay (GsRecovery *self, guint delay_ms)
{
  self->delay_ms = delay_ms;
}

static gboolean
on_timeout (gpointer data)
{
  GsRecovery *self = data;
  g_autoptr (GError) error = NULL;
  self->timeout_id = 0;
  if (!gs_recovery_write_now (self, &error))
    g_message ("autosave: %s", error->message); /* the next edit tries again */
  return G_SOURCE_REMOVE;
}

void
gs_recovery_schedule (GsRecovery *self)
{
  g_return_if_fail (GS_IS_RECOVERY (self));
  /* Restart the timer: write after a pause in editing, not during it. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, on_timeout, self);
}

gboolean
gs_recovery_write_now (GsRecovery *self, GError **error)
{
  g_autoptr (JsonObject) obj = json_object_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!gs_plan_get_dirty (self->plan))
    {
      gs_recovery_discard (self);
      return TRUE;
    }
  if (g_mkdir_with_parents (gs_recovery_dir (), 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not create %s: %s"), gs_recovery_dir (),
                   g_strerror (errsv));
      return FALSE;
    }
  json_object_set_string_member (obj, "format", RECOVERY_FORMAT);
  json_object_set_string_member (obj, "version", "1.0");
  json_object_set_string_member (obj, "id", self->id);
  json_object_set_int_member (obj, "pid", getpid ());
  if (self->document_path)
    json_object_set_string_member (obj, "document_path", self->document_path);
  else
    json_object_set_null_member (obj, "document_path");
  json_object_set_string_member (obj, "written_at", stamp);
  /* The plan's tree shared, not copied, and its lists held apart (a plan
   * with 100,000 deals) written from where they are held, not built. */
  json_object_set_member (obj, "plan", json_node_ref (gs_plan_peek_root (self->plan)));
  json_node_set_object (node, obj);
  text = gs_json_to_text_held (node, gs_plan_write_held, self->plan);
  return gs_atomic_write (self->filename, text, strlen (text), GS_ATOMIC_NONE, error);
}

void
gs_recovery_discard (GsRecovery *self)
{
  g_return_if_fail (GS_IS_RECOVERY (self));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->filename)
    g_unlink (self->filename);
}

static gboolean
process_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* Reads a recovery file; NULL if it is not one (or damaged). */
static JsonNode *
read_recovery (const char *filename)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  JsonNode *root;
  JsonObject *obj;

  /* A FIFO or device dropped into the folder must not block the app's start. */
  if (!gs_read_file (filename, GS_MAX_FILE_SIZE, &text, &length, NULL))
    return NULL;
  root = gs_json_parse (text, (gssize) length, NULL);
  if (root == NULL)
    return NULL;
  obj = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (obj == NULL || g_strcmp0 (string_member (obj, "format"), RECOVERY_FORMAT) != 0
      || !json_object_has_member (obj, "plan")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "plan")))
    {
      json_node_unref (root);
      return NULL;
    }
  return root;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const GsRecoveryEntry *ea = *(GsRecoveryEntry *const *) a;
  const GsRecoveryEntry *eb = *(GsRecoveryEntry *const *) b;
  return -g_date_time_compare (ea->written_at, eb->written_at);
}

GPtrArray *
gs_recovery_list (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_recovery_entry_free);
  g_autoptr (GDir) dir = g_dir_open (gs_recovery_dir (), 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *filename = NULL;
      g_autoptr (JsonNode) root = NULL;
      JsonObject *obj, *plan, *company;
      GsRecoveryEntry *e;
      const char *stamp;

      if (!g_str_has_suffix (name, RECOVERY_SUFFIX) || name[0] == '.')
        continue;
      filename = g_build_filename (gs_recovery_dir (), name, NULL);
      root = read_recovery (filename);
      if (root == NULL)
        continue;
      obj = json_node_get_object (root);
      if (process_alive (int_member (obj, "pid")))
        continue; /* a running Goalsheet's autosave, not a lost one */
      e = g_new0 (GsRecoveryEntry, 1);
      e->id = g_strndup (name, strlen (name) - strlen (RECOVERY_SUFFIX));
      e->filename = g_steal_pointer (&filename);
      e->document_path = g_strdup (string_member (obj, "document_path"));
      plan = json_object_get_object_member (obj, "plan");
      company = json_object_has_member (plan, "company")
                        && JSON_NODE_HOLDS_OBJECT (json_object_get_member (plan, "company"))
                    ? json_object_get_object_member (plan, "company")
                    : NULL;
      e->title = g_strdup (
          company && string_member (company, "name") ? string_member (company, "name") : "");
      stamp = string_member (obj, "written_at");
      e->written_at = stamp ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;
      if (e->written_at == NULL)
        e->written_at = g_date_time_new_from_unix_utc (0);
      g_ptr_array_add (entries, e);
    }
  g_ptr_array_sort (entries, newest_first);
  return entries;
}

GsPlan *
gs_recovery_entry_load (const GsRecoveryEntry *entry, GError **error)
{
  g_autoptr (JsonNode) root = read_recovery (entry->filename);
  g_autofree char *text = NULL;
  GsPlan *plan;

  if (root == NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_PARSE, _ ("%s: not a Goalsheet recovery file"),
                   entry->filename);
      return NULL;
    }
  text = gs_json_to_text (json_object_get_member (json_node_get_object (root), "plan"));
  plan = gs_plan_new_from_text (text, -1, error);
  if (plan == NULL)
    {
      g_prefix_error (error, "%s: ", entry->filename);
      return NULL;
    }
  gs_plan_mark_unsaved (plan);
  return plan;
}

GsRecovery *
gs_recovery_adopt (const GsRecoveryEntry *entry, GsPlan **plan_out, GError **error)
{
  g_autoptr (GsPlan) plan = gs_recovery_entry_load (entry, error);
  GsRecovery *self;
  if (plan == NULL)
    return NULL;
  self = recovery_new_with_id (plan, entry->document_path, entry->id);
  /* Claim the file for this process right away. */
  if (!gs_recovery_write_now (self, error))
    {
      g_object_unref (self);
      return NULL;
    }
  *plan_out = g_steal_pointer (&plan);
  return self;
}

gboolean
gs_recovery_entry_remove (const GsRecoveryEntry *entry, GError **error)
{
  if (g_unlink (entry->filename) != 0 && errno != ENOENT)
    {
      int errsv = errno;
      g_set_error (error, GS_ERROR, GS_ERROR_IO, _ ("could not remove %s: %s"), entry->filename,
                   g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

void
gs_recovery_entry_free (GsRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->filename);
  g_free (entry->document_path);
  g_free (entry->title);
  g_clear_pointer (&entry->written_at, g_date_time_unref);
  g_free (entry);
}
