/* gs-json.h — strict JSON reading with field paths, the stable writer, and
 * path addressing ("funnel.steps[2].rate") into a JSON tree.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every reader takes the path of the object it reads from, so an error says
 * exactly which field is wrong: "funnel.steps[2].rate: 1.4 is not a rate
 * between 0 and 1".  Optional fields that are absent (or null) leave *out at
 * the default given.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "gs-money.h"
#include "gs-json-writer.h"

G_BEGIN_DECLS

typedef enum
{
  GS_FIELD_OPTIONAL = 0,
  GS_FIELD_REQUIRED = 1,
} GsFieldNeed;

char *gs_json_child_path (const char *parent, const char *key);

/* Sets a GS_ERROR_INVALID error "PATH: message". */
void gs_json_invalid (GError **error, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);
/* Ids (stages, sources, roles) are slugs: a-z, 0-9, _ and -. */
gboolean gs_json_valid_id (const char *id);
char *gs_json_index_path (const char *parent, guint index);

/* Lists, objects and the commas between values: about one per value.  A
 * plan within every list limit has far fewer (imported actuals are the
 * largest part: 100,000 deals take ~1.2 million, 100,000 leads ~1 million);
 * 63 MB of "{}," would make json-glib build millions of objects (GBs)
 * before any check saw them.  Counted in a text before parsing it, and
 * before saving one, so no plan is written that could not be read. */
#define GS_JSON_MAX_VALUES 3000000
gsize gs_json_count_values (const char *text, gsize len);

JsonNode *gs_json_parse (const char *text, gssize length, GError **error);

/* Reading a plan without building the tree of its largest lists
 * (docs/plan-format.md, "Reading the actuals"): gs_json_parse, except that
 * the lists at paths ("actuals.deals"; "[]" stands for any element, as in
 * "compensation.roles[].people"; a path ending in "*" may also be written
 * as rows, gs-json-rows.h) are checked as JSON but not built (the
 * deals and leads of "actuals": a million values at 100,000 deals; the
 * people of each role).  The tree holds null where each stands until
 * gs_json_deferred_materialize puts them in; until then a reader takes
 * them element by element (gs_json_deferred_element), each element a tree
 * of its own, dropped when decoded, or without a tree at all
 * (gs_json_deferred_flat).  *deferred is NULL when no list was deferred;
 * the text is kept (a reference) while it lives.  A GsJsonDeferred is
 * reference counted (gs_json_deferred_ref; gs_json_deferred_free drops a
 * reference). */
typedef struct _GsJsonDeferred GsJsonDeferred;
JsonNode *gs_json_parse_deferring (GBytes *text, const char *const *paths,
                                   GsJsonDeferred **deferred, GError **error);
/* The same, but a list at paths written as rows (gs-json-rows.h), one row
 * a line as Goalsheet writes them, is passed by its lines: each row is
 * checked when it is first read (gs_json_deferred_row, by the decoder),
 * one walk instead of three.  The caller reads every row it needs, then
 * calls gs_json_deferred_check_rest while gs_json_deferred_unchecked: on
 * FALSE, or when anything failed before it (the plan's decoding too), it
 * drops what it read and reads the text again with gs_json_parse_deferring,
 * whose messages are the ones to show (docs/plan-format.md, "The actuals
 * as rows").  Once gs_json_deferred_check_rest passes, the tree and
 * *deferred are what gs_json_parse_deferring returns. */
JsonNode *gs_json_parse_skimming (GBytes *text, const char *const *paths,
                                  GsJsonDeferred **deferred, GError **error);
/* Whether some rows of deferred are not checked yet (see above). */
gboolean  gs_json_deferred_unchecked (const GsJsonDeferred *deferred);
/* The rows not read yet checked, and the number of values the text holds:
 * TRUE when the whole text passes every check gs_json_parse_deferring
 * makes (then deferred is as it returns it); FALSE when the text is to be
 * read again with it. */
gboolean  gs_json_deferred_check_rest (GsJsonDeferred *deferred);
/* The number of elements of the deferred list at path (in full:
 * "compensation.roles[2].people"), or -1 when it was not deferred (absent,
 * or not a list: then the tree holds it). */
int       gs_json_deferred_length (const GsJsonDeferred *deferred, const char *path);
/* The deferred list at path as the file writes it (from its "[", or its
 * "{" when written as rows, to the matching close), len bytes, not
 * NUL-ended; NULL when not deferred. */
const char *gs_json_deferred_text (const GsJsonDeferred *deferred, const char *path, gsize *len);
/* Element index of the deferred list at path, as a tree of its own (full). */
JsonNode *gs_json_deferred_element (const GsJsonDeferred *deferred, const char *path, guint index);
/* An element that is an object of at most GS_JSON_FLAT_MAX members, all of
 * them text, read without a tree: each member's name and text (unescaped,
 * followed by a NUL) in text, at the offsets given, in the file's order. */
#define GS_JSON_FLAT_MAX 8
typedef struct
{
  guint n;
  struct
  {
    gsize name, value, length; /* offsets into text; the value's length in bytes */
  } members[GS_JSON_FLAT_MAX];
  GString *text; /* the caller's, reused from element to element */
} GsJsonFlat;
/* Element index of the deferred list at path into flat, when it is such an
 * object and its texts are within the limits gs_json_check_text applies
 * (max_name for member names and the values of "name" and "id", max_text
 * for the others); FALSE otherwise: read it with gs_json_deferred_element,
 * whose checks say what is wrong, if anything. */
gboolean  gs_json_deferred_flat (const GsJsonDeferred *deferred, const char *path, guint index,
                                 guint max_name, guint max_text, GsJsonFlat *flat);
/* The text of flat's member name (its length in *length), or NULL. */
const char *gs_json_flat_get (const GsJsonFlat *flat, const char *name, gsize *length);
/* The path of the deferred list node stands for (the null in its place),
 * or NULL. */
const char *gs_json_deferred_held (const GsJsonDeferred *deferred, JsonNode *node);
/* Whether the node at path is, holds or lies inside a deferred list. */
gboolean  gs_json_deferred_meets (const GsJsonDeferred *deferred, const char *path);
/* Whether the node at path is or lies inside a deferred list (not above). */
gboolean  gs_json_deferred_within (const GsJsonDeferred *deferred, const char *path);
/* Builds every deferred list into the tree (the one gs_json_parse_deferring
 * returned with deferred) in its place. */
void      gs_json_deferred_materialize (const GsJsonDeferred *deferred);
/* The same, and also into each of trees where it still holds the very
 * null in that place: trees made from that tree by edits that copied the
 * objects on their path (gs_json_copy_path) and shared the rest. */
void      gs_json_deferred_materialize_into (const GsJsonDeferred *deferred,
                                             JsonNode *const *trees, guint n_trees);
/* The list at path is held elsewhere from now on (the plan's store of
 * records read from it): gs_json_deferred_materialize no longer builds it
 * and gs_json_deferred_held no longer names its null; its length and
 * elements are still read by path. */
void      gs_json_deferred_forget (GsJsonDeferred *deferred, const char *path);
GsJsonDeferred *gs_json_deferred_ref (GsJsonDeferred *deferred);
void      gs_json_deferred_free (GsJsonDeferred *deferred);
/* gs_json_list's message for a list of n entries over max. */
void      gs_json_too_long (GError **error, const char *path, const char *key, guint n, guint max);
/* gs_json_array_object for an element given apart from its list. */
JsonObject *gs_json_element_object (JsonNode *element, const char *path, guint index,
                                    GError **error);
/* gs_json_check_text for a value at path (an element of a deferred list). */
gboolean  gs_json_check_text_at (JsonNode *node, const char *path, guint max_name, guint max_text,
                                 GError **error);
char     *gs_json_to_text (JsonNode *root);
/* node written through w as gs_json_to_text writes it. */
void      gs_json_write_node (GsJsonWriter *w, JsonNode *node);
/* Writes a null node of the tree that stands for a value held apart (a
 * plan's actuals kept as records, gs-actuals-store.h) as that value; FALSE
 * when node is a null of its own, written as null.  It is given every list
 * (array node) too, to write it another way (as rows, gs-json-rows.h);
 * FALSE writes it as usual. */
typedef gboolean (*GsJsonHeldWriter) (JsonNode *node, GsJsonWriter *w, gpointer data);
/* gs_json_to_text, each null given to held first. */
char     *gs_json_to_text_held (JsonNode *root, GsJsonHeldWriter held, gpointer data);
/* The same text given to sink in pieces (gs-json-writer.h: each ends after
 * a whole value); FALSE with the sink's error. */
gboolean  gs_json_write_held (JsonNode *root, GsJsonHeldWriter held, gpointer data,
                              GsJsonSink sink, gpointer sink_data, GError **error);

/* Absent optional members give TRUE with *out = NULL. */
gboolean    gs_json_object (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                            JsonObject **out, GError **error);
gboolean    gs_json_array (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                           JsonArray **out, GError **error);
/* gs_json_array, and a list longer than max is refused naming the field:
 * every list of a plan has a limit (gs-model.h), so work stays bounded. */
gboolean    gs_json_list (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                          guint max, JsonArray **out, GError **error);
JsonObject *gs_json_array_object (JsonArray *array, const char *path, guint index, GError **error);

gboolean gs_json_string (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                         const char *fallback, char **out, GError **error);
gboolean gs_json_number (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                         double fallback, double min, double max, double *out, GError **error);
gboolean gs_json_rate (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                       double fallback, double *out, GError **error);
gboolean gs_json_fraction (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                           double fallback, double *out, GError **error);
gboolean gs_json_int (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                      gint64 fallback, gint64 min, gint64 max, gint64 *out, GError **error);
gboolean gs_json_bool (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                       gboolean fallback, gboolean *out, GError **error);
gboolean gs_json_money (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                        GsMoney fallback, guint digits, GsMoney *out, GError **error);
gboolean gs_json_enum (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                       int fallback, const char *const *names, int *out, GError **error);
gboolean gs_json_date (JsonObject *obj, const char *path, const char *key, GsFieldNeed need,
                       GDate *out, gboolean *present, GError **error);

/* Reads a JSON number node (an element of an array) with the same checks. */
gboolean gs_json_node_number (JsonNode *node, const char *path, double min, double max,
                              double *out, GError **error);

/* Every text in the tree (member names too) within its limit in characters:
 * max_name for members called "name" or "id" and for member names, max_text
 * for any other text.  The error names the field. */
gboolean gs_json_check_text (JsonNode *root, guint max_name, guint max_text, GError **error);
/* The same, leaving out the root's member skip (checked already). */
gboolean gs_json_check_text_except (JsonNode *root, const char *skip, guint max_name,
                                    guint max_text, GError **error);
/* The same, walking only what differs from checked, a tree checked before
 * (NULL: none): a node the two share at the same path passed then. */
gboolean gs_json_check_text_changed (JsonNode *root, JsonNode *checked, const char *skip,
                                     guint max_name, guint max_text, GError **error);

/* Path addressing.  Paths look like "company.target.growth" or
 * "sources[1].rates[0]"; the root is "". */
JsonNode *gs_json_lookup (JsonNode *root, const char *path);
gboolean  gs_json_replace (JsonNode *root, const char *path, JsonNode *value, GError **error);
/* Removes the object member or array element at path; FALSE if there is none. */
gboolean  gs_json_remove (JsonNode *root, const char *path);

/* Structural sharing: a new root whose nodes from the root down to the
 * parent of the node at path are fresh copies (objects and arrays of the
 * old members, referenced), every other node shared with root.  Editing the
 * copy at path (gs_json_replace, gs_json_remove) leaves root as it was; no
 * shared node may be changed in place afterwards. */
JsonNode *gs_json_copy_path (JsonNode *root, const char *path);
JsonNode *gs_json_deep_copy (JsonNode *node);
/* A deep copy of an object node but for its member shared (e.g. "people"),
 * which the copy references: the copy may be changed anywhere else. */
JsonNode *gs_json_deep_copy_sharing (JsonNode *node, const char *shared);
gboolean  gs_json_equal (JsonNode *a, JsonNode *b);

/* Builders for the writer side. */
JsonNode *gs_json_money_node (GsMoney value, guint digits);
/* A ratio computed in binary (an attainment: 0.15000000000000002) as the
 * figure it stands for, rounded to 9 decimals (0.15): what --json prints
 * and what the text is formatted from, so both show the same figure. */
double    gs_json_ratio (double ratio);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsJsonDeferred, gs_json_deferred_free)

G_END_DECLS
