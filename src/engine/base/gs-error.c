/* gs-error.c
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-error.h"

G_DEFINE_QUARK (goalsheet - error - quark, gs_error)
