/* gs-new-plan.h — a plan made from a target: the start of the window's
 * "New Plan from a Target" form.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan takes the form's company, currency, fiscal year, target and deal
 * size, and a funnel preset by sales motion (rates from public benchmarks,
 * docs/presets.md).  It carries nothing of the example it is shaped like: no
 * signatures, no lead definitions, no scenarios, no planned volumes (the
 * plan is what the target needs until someone enters volumes).
 */
#pragma once

#include "gs-plan.h"

G_BEGIN_DECLS

typedef enum
{
  GS_MOTION_INBOUND_SMB,
  GS_MOTION_OUTBOUND_MID_MARKET,
  GS_MOTION_ENTERPRISE,
} GsMotion;
#define GS_N_MOTIONS 3

typedef struct
{
  const char *company;           /* not empty */
  const char *currency;          /* ISO 4217 */
  guint start_year, start_month; /* plan month 0 */
  guint fiscal_year_start_month; /* 1..12 */
  GsMoney prior_bookings;        /* minor units of currency */
  gboolean absolute;             /* TRUE: target_amount; FALSE: prior × (1 + growth) */
  double growth;
  GsMoney target_amount;
  GsMoney deal_size;
  GsMotion motion;
} GsNewPlanSpec;

/* One step of a preset: conversion into the next stage and its lag. */
typedef struct
{
  double rate;
  double lag_days;
} GsPresetStep;

/* The preset's four steps Lead → MQL → SQL → Opportunity → Won. */
const GsPresetStep *
gs_motion_preset (GsMotion motion);

/* NULL with the engine's message when the spec makes no valid plan. */
GsPlan *
gs_plan_new_from_spec (const GsNewPlanSpec *spec, GError **error);

G_END_DECLS
