/* gs-plan.h — the editable plan document.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GsPlan holds the plan as a JSON tree (so unknown fields survive a
 * round trip and saves are byte-stable), the GsModel decoded from it, and the
 * derived GsResult, computed on demand (once per plan state), with the
 * compensation plans resolved from it.  Every edit goes through
 * gs_plan_set(): it is checked by decoding the edited tree, refused with the
 * engine's message if invalid (the plan is then unchanged), recorded for
 * undo, and announced with ::changed.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "gs-json-writer.h"
#include "gs-model.h"
#include "gs-result.h"

G_BEGIN_DECLS

#define GS_TYPE_PLAN (gs_plan_get_type ())
G_DECLARE_FINAL_TYPE (GsPlan, gs_plan, GS, PLAN, GObject)

GsPlan  *gs_plan_new_from_text (const char *text, gssize length, GError **error);
GsPlan  *gs_plan_new_from_file (const char *filename, GError **error);
GsPlan  *gs_plan_new_default (const char *company_name);
/* An independent plan of the same text, clean (for a worker thread): a
 * plan whose records are a store shares the store and every node it never
 * changes in place, and costs no copy of its records. */
GsPlan  *gs_plan_copy (GsPlan *self);
/* A plan of a tree and the model decoded from it (both taken). */
GsPlan  *gs_plan_new_decoded (JsonNode *root, GsModel *model);

char    *gs_plan_to_text (GsPlan *self);
/* A GsJsonHeldWriter (gs-json.h) whose data is the plan: writes a null of
 * gs_plan_peek_root's tree that stands for a list held apart (the file's
 * text, the store's records) as that list, so a text that holds the plan's
 * tree (the recovery file) is written without building the lists. */
gboolean gs_plan_write_held (JsonNode *node, GsJsonWriter *w, gpointer plan);
/* Saving records the inputs changed since the plan was opened or last saved
 * in the plan's change log (gs-history.h), as the author's. */
gboolean gs_plan_save_to_file (GsPlan *self, const char *filename, GError **error);
/* The name the change log records (NULL: the user's real name). */
void     gs_plan_set_author (GsPlan *self, const char *author);

const GsModel  *gs_plan_get_model (GsPlan *self);
const GsResult *gs_plan_get_result (GsPlan *self, GError **error);
/* The compensation plans with their default quotas resolved from the result
 * (gs-comp-resolve.h): what every payout reads.  NULL when the plan has no
 * compensation section, or when its figures do not compute (error set). */
const GsCompModel *gs_plan_get_comp (GsPlan *self, GError **error);
JsonNode       *gs_plan_get_root (GsPlan *self);
/* The tree without building its deferred lists (gs_plan_lists_deferred:
 * null in their place), read only: to decode against the plan's model
 * (gs_model_decode_sharing, which takes what the two share from the
 * model), never to read those lists from. */
JsonNode       *gs_plan_peek_root (GsPlan *self);
/* The tree as opened or last saved (what the change log and "save these
 * changes as a scenario" compare the plan with). */
JsonNode       *gs_plan_get_saved_root (GsPlan *self);
/* The inputs that differ between the plan as last saved (or opened) and
 * now, as gs_plan_diff_trees of the two whole trees gives them (a
 * GPtrArray of GsInputChange), without building the store's deals and
 * leads into the trees when both hold the same store: the Scenarios page
 * asks after every edit. */
GPtrArray      *gs_plan_diff_since_saved (GsPlan *self);
/* The node at path; builds the deferred lists (the actuals' deals and
 * leads, the roles' people) into the tree only when path is, holds or lies
 * inside one of them ("", "compensation", "actuals.deals[3]"). */
JsonNode       *gs_plan_lookup (GsPlan *self, const char *path);
/* gs_plan_lookup, except that a node above lists still held apart (a role
 * above its people read from the file) is given as the tree holds it, with
 * null in their place: for an edit that copies it sharing those members
 * (gs_json_deep_copy_sharing) and sets back only what it changed.  To set
 * the whole node back, build them first (gs_plan_lookup) and put them into
 * the copy in place of that null. */
JsonNode       *gs_plan_lookup_above_lists (GsPlan *self, const char *path);
/* TRUE while the actuals' deals and leads are still kept as text, not built
 * into the tree (what the tests check). */
gboolean        gs_plan_lists_deferred (GsPlan *self);
/* TRUE while the actuals' deals and leads are kept as a store's records
 * (gs_plan_set_store), not built into the tree. */
gboolean        gs_plan_has_store (GsPlan *self);

gboolean gs_plan_check (GsPlan *self, const char *path, JsonNode *value, GError **error);
/* What the plan would be with value (taken) at path, without changing it
 * or its undo: the edited plan's model and result, the caller's to free;
 * FALSE with error when the edit would be refused (as gs_plan_set).  It
 * costs what the edit would, not a copy of the plan (the window's preview
 * while a value is typed). */
gboolean gs_plan_preview (GsPlan *self, const char *path, JsonNode *value, GsModel **model,
                          GsResult **result, GError **error);
gboolean gs_plan_set (GsPlan *self, const char *path, JsonNode *value, GError **error);
gboolean gs_plan_set_double (GsPlan *self, const char *path, double value, GError **error);
gboolean gs_plan_set_int (GsPlan *self, const char *path, gint64 value, GError **error);
gboolean gs_plan_set_string (GsPlan *self, const char *path, const char *value, GError **error);
gboolean gs_plan_set_money (GsPlan *self, const char *path, GsMoney value, GError **error);
gboolean gs_plan_replace_root (GsPlan *self, JsonNode *root, GError **error);
/* Replaces the plan's tree by root (taken) and the actuals' deals and
 * leads by store's records, as one undoable edit, without building their
 * tree (docs/plan-format.md, "The actuals as a store"): root holds null
 * for both lists ("actuals.deals", "actuals.leads"), and shares what did
 * not change with the plan's tree (gs_json_copy_path of gs_plan_peek_root).
 * The same records and the same tree change nothing: no undo step. */
gboolean gs_plan_set_store (GsPlan *self, JsonNode *root, GsActualsStore *store, GError **error);

gboolean gs_plan_can_undo (GsPlan *self);
gboolean gs_plan_can_redo (GsPlan *self);
gboolean gs_plan_undo (GsPlan *self);
gboolean gs_plan_redo (GsPlan *self);

gboolean gs_plan_get_dirty (GsPlan *self);
void     gs_plan_mark_saved (GsPlan *self);
/* The plan matches no file on disk (e.g. restored from a recovery file). */
void     gs_plan_mark_unsaved (GsPlan *self);

G_END_DECLS
