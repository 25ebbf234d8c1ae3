/* gs-cli.h — goalsheet-cli: the headless interface finance and scripts use.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 success, 1 I/O failure, 2 invalid plan or usage.  Errors go
 * to stderr and name the file, the field path and what is wrong.
 * Each verb lives in its own gs-cli-VERB.c and is listed in gs-cli.c.
 */
#pragma once

#include <glib.h>
#include "gs-plan.h"

G_BEGIN_DECLS

enum
{
  GS_EXIT_OK = 0,
  GS_EXIT_IO = 1,
  GS_EXIT_INVALID = 2,
};

typedef struct
{
  const char *name;
  const char *summary;                  /* one line for `goalsheet-cli --help` */
  int (*run) (int argc, char **argv);   /* argv[0] is the verb */
} GsCliVerb;

int gs_cli_main (int argc, char **argv);

/* Prints "FILE: message" to stderr and returns the exit status for error. */
int gs_cli_fail (const char *filename, const GError *error);

/* Loads a plan, or prints the error and sets *status. */
GsPlan *gs_cli_load_plan (const char *filename, int *status);

/* Parses options for a verb with GOptionContext; handles --help.  Returns
 * FALSE (and sets *status) on a usage error. */
gboolean gs_cli_parse (GOptionContext *context, int *argc, char ***argv, int *status);

/* The verbs. */
int gs_cli_validate (int argc, char **argv);

G_END_DECLS
