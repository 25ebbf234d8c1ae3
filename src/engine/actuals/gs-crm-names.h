/* gs-crm-names.h — the CRM's stage and source names in the plan's words.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mapping in the plan decides first; a name it lacks is resolved from
 * the default stages and sources of HubSpot and Salesforce (docs/actuals.md)
 * and written into the mapping, so the user sees what was assumed and can
 * correct it.
 */
#pragma once

#include "gs-actuals-data.h"
#include "gs-crm-columns.h"

G_BEGIN_DECLS

/* Where a CRM stage name puts a record. */
typedef struct
{
  guint stage; /* plan stage, G_MAXUINT when the name is unknown */
  gboolean lost;
} GsCrmStage;

GsCrmStage
gs_crm_stage_resolve (GsActualsData *data, const GsModel *model, GsCrmKind kind, const char *crm);
/* The plan source index for a CRM source name, or -1 when none fits. */
int
gs_crm_source_resolve (GsActualsData *data, const GsModel *model, const char *crm);

/* Sets crm → plan in a mapping list, replacing an entry for the same name. */
void
gs_actuals_map_set (GsMapEntry **entries, guint *n, const char *crm, const char *plan);

G_END_DECLS
