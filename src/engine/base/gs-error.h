/* gs-error.h — the engine's error domain.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GS_ERROR (gs_error_quark ())

typedef enum
{
  GS_ERROR_IO,       /* reading or writing a file failed */
  GS_ERROR_PARSE,    /* the text is not JSON, not UTF-8, truncated */
  GS_ERROR_INVALID,  /* a value breaks a rule of the plan; message names the field path */
  GS_ERROR_VERSION,  /* the file comes from a newer major version */
  GS_ERROR_OVERFLOW, /* money arithmetic left the ±10^15 minor-unit range */
  GS_ERROR_USAGE,    /* the command line is wrong */
  GS_ERROR_CANCELLED,
} GsErrorCode;

GQuark gs_error_quark (void);

G_END_DECLS
