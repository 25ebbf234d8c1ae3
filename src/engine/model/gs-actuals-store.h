/* gs-actuals-store.h — the actuals' deals and leads, decoded, as the plan
 * keeps them (docs/plan-format.md, "The actuals as a store").
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import replaces a plan's records: 100,000 deals are about 1.2 million
 * JSON values, so the plan does not hold them as a json-glib tree.  Its tree
 * holds null at "actuals.deals" and "actuals.leads", and the store holds the
 * records, decoded, together with the frame they were decoded against (the
 * plan's stage and source ids, its currency digits and the people's ids).
 * A store never changes once made and is reference counted: the plan, its
 * undo history and its saved state share it.  It writes the two lists'
 * text straight from the records, in the layout gs_json_to_text gives the
 * tree gs_actuals_to_json builds, and builds that tree only when asked.
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-json-writer.h"

G_BEGIN_DECLS

/* GsActualsStore is declared in gs-model.h. */

typedef enum
{
  GS_ACTUALS_DEALS,
  GS_ACTUALS_LEADS,
} GsActualsList;

/* The records of data (a copy), decoded against model; NULL with error
 * when a text is over its limit (the message the plan's reader gives:
 * "actuals.deals[3].name: a name of 201 characters; …"). */
GsActualsStore *
gs_actuals_store_new (const GsActualsData *data, const GsModel *model, GError **error);
/* The same, but data's deals and leads are moved into the store, not
 * copied: data keeps none when it succeeds, all when it fails (records
 * data shares with a store are copied). */
GsActualsStore *
gs_actuals_store_new_taking (GsActualsData *data, const GsModel *model, GError **error);
/* The records of a plan as read from its file, moved into the store
 * (data, a model's actuals, keeps none): origin holds the lists they were
 * decoded from, at "actuals.deals" and "actuals.leads" (a reference is
 * kept).  Such a store writes and builds its lists from that text, as the
 * deferred lists were written and built: a save writes what was read. */
GsActualsStore *
gs_actuals_store_new_read (GsActualsData *data, const GsModel *model, GsJsonDeferred *origin);
/* The file's lists the store's records were read from, or NULL (an
 * import's records). */
GsJsonDeferred *
gs_actuals_store_origin (const GsActualsStore *store);
/* Writes list (as rows when rows) as the value the writer expects next,
 * for a store read from its file (gs_actuals_store_new_read), when the
 * records written give exactly the file's text of the list: then from the
 * file's text as it is when the writer is where the file has the list (a
 * member of "actuals" in the plan at the top), else from the records.
 * FALSE, with nothing written, when they would give another text (a
 * member Goalsheet does not know, an amount not written as it writes one,
 * another layout): the caller writes the file's records as they are.
 * Which it is is found once, by writing the records (about as long as a
 * save of them), and kept. */
gboolean
gs_actuals_store_write_origin (const GsActualsStore *store, GsActualsList list, gboolean rows,
                               GsJsonWriter *w);
/* The same without the check: what a text over its limit writes. */
GsActualsStore *
gs_actuals_store_new_unchecked (const GsActualsData *data, const GsModel *model);
GsActualsStore *
gs_actuals_store_ref (GsActualsStore *store);
void
gs_actuals_store_unref (GsActualsStore *store);
guint
gs_actuals_store_length (const GsActualsStore *store, GsActualsList list);
/* Whether the store's records are data's deals and leads and its frame
 * the model's (same stage, source and people ids, same digits). */
gboolean
gs_actuals_store_frame_fits (const GsActualsStore *store, const GsActualsData *data,
                             const GsModel *model);
gboolean
gs_actuals_store_same_records (const GsActualsStore *store, const GsActualsData *data);
/* Lends the store's deals and leads to data (which has none yet): data
 * holds a reference to the store and must not change them (a model's
 * actuals; gs_actuals_data_copy gives records of its own). */
void
gs_actuals_store_share_records (const GsActualsStore *store, GsActualsData *data);
/* Writes list as the array value the writer expects next. */
void
gs_actuals_store_write (const GsActualsStore *store, GsActualsList list, GsJsonWriter *w);
/* The same as rows (gs-json-rows.h, docs/plan-format.md "The actuals as
 * rows"): the fields in gs_actuals_rows_order, the stage, status, owner,
 * source and CRM names written once each. */
void
gs_actuals_store_write_rows (const GsActualsStore *store, GsActualsList list, GsJsonWriter *w);
/* For gs_json_write_rows, per list: the fields in the order a record's
 * members are written, and those whose texts are written once. */
extern const char *const *const gs_actuals_rows_order[];
extern const char *const *const gs_actuals_rows_tabled[];
/* list as a json-glib tree (what gs_actuals_to_json puts there). */
JsonNode *
gs_actuals_store_build (const GsActualsStore *store, GsActualsList list);

/* The names of the lists in "actuals": "deals", "leads". */
extern const char *const gs_actuals_store_list_names[];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsActualsStore, gs_actuals_store_unref)

G_END_DECLS
