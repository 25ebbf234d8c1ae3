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
#include "gs-comp.h"
#include "gs-montecarlo.h"
#include "gs-plan.h"
#include "gs-refan.h"

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
  const char *summary;                /* one line for `goalsheet-cli --help` */
  int (*run) (int argc, char **argv); /* argv[0] is the verb */
} GsCliVerb;

int
gs_cli_main (int argc, char **argv);

/* Prints "FILE: message" to stderr and returns the exit status for error. */
int
gs_cli_fail (const char *filename, const GError *error);

/* Loads a plan, or prints the error and sets *status. */
GsPlan *
gs_cli_load_plan (const char *filename, int *status);

/* Parses options for a verb with GOptionContext; handles --help.  Returns
 * FALSE (and sets *status) on a usage error. */
gboolean
gs_cli_parse (GOptionContext *context, int *argc, char ***argv, int *status);

/* Loads and computes a plan, or prints the error and sets *status.  The
 * result belongs to *plan. */
const GsResult *
gs_cli_load_result (const char *filename, GsPlan **plan, int *status);
/* Keeps plan (taken) until the process exits instead of freeing it: a plan
 * with 100,000 deals took some 3 ms to free, for nothing, after its verb
 * had written its output.  It stays reachable (valgrind: "still reachable",
 * not lost). */
void
gs_cli_keep_until_exit (GsPlan *plan);

/* Prints "goalsheet-cli VERB: message (see --help)" and returns GS_EXIT_INVALID. */
int
gs_cli_usage (const char *verb, const char *message);

/* Reads --as-of's YYYY-MM-DD into *day (NULL: today), or prints a usage
 * error for verb and sets *status. */
gboolean
gs_cli_parse_day (const char *verb, const char *text, GDate *day, int *status);

/* Reads a numeric option given as text (NULL: not given, *out unchanged):
 * a finite number (a whole one for _integer) from min to max with nothing
 * after it, or a usage error naming the option (*status set). */
gboolean
gs_cli_option_number (const char *verb, const char *option, const char *text, double min,
                      double max, double *out, int *status);
gboolean
gs_cli_option_integer (const char *verb, const char *option, const char *text, gint64 min,
                       gint64 max, gint64 *out, int *status);

/* --trials and --seed of simulate, chart and report; not given leaves
 * *trials and *seed (0 and -1: the plan's). */
gboolean
gs_cli_sim_options (const char *verb, const char *trials_text, const char *seed_text,
                    gint64 *trials, gint64 *seed, int *status);

/* gs-cli-output.c: ignores SIGPIPE, escapes control characters in what
 * g_print()/g_printerr() write, and checks standard output at exit (status 1
 * with a message when it could not be written). */
void
gs_cli_output_init (void);
/* Control characters (ESC, C1, and newlines and tabs unless keep_newlines)
 * as \uXXXX, \n, \t; bytes that are not UTF-8 as \xXX. */
char *
gs_cli_escape (const char *text, gboolean keep_newlines);
/* The same; with runs FALSE a character at a time, as it was before runs of
 * printable ASCII were copied at once (tests/test-cli-escape.c). */
char *
gs_cli_escape_by_runs (const char *text, gboolean keep_newlines, gboolean runs);

/* The "path", "from" and "to" members of a changed input in the open object
 * of b (diff and history print them alike; null where added or removed). */
void
gs_cli_json_change (JsonBuilder *b, const char *path, JsonNode *from, JsonNode *to);

/* Writes text to stdout; a failed write (closed pipe, full disk) is an I/O
 * failure, not a silent success. */
int
gs_cli_write_stdout (const char *text);
/* The same for output written in pieces: a GsJsonSink (gs-json-writer.h;
 * data unused) that writes each piece as gs_cli_write_stdout writes its
 * text, and the status once the writer is finished (error: the sink's,
 * reported as gs_cli_write_stdout reports it). */
gboolean
gs_cli_stdout_sink (const char *text, gsize len, gpointer data, GError **error);
int
gs_cli_stdout_status (const GError *error);

/* Appends text to out padded with spaces to width characters (not bytes:
 * "Auftragseingang" and "2.600.000,00 $" line up), on the left when right. */
void
gs_cli_pad (GString *out, const char *text, guint width, gboolean right);

/* The verbs, one file each (gs-cli-VERB.c). */
int
gs_cli_validate (int argc, char **argv);
int
gs_cli_new (int argc, char **argv);
int
gs_cli_show (int argc, char **argv);
int
gs_cli_diff (int argc, char **argv);
int
gs_cli_history (int argc, char **argv);
int
gs_cli_compute (int argc, char **argv);
int
gs_cli_scenarios (int argc, char **argv);
int
gs_cli_simulate (int argc, char **argv);
int
gs_cli_chart (int argc, char **argv);
int
gs_cli_report (int argc, char **argv);
int
gs_cli_statement (int argc, char **argv);
/* payout --deals FILE: the role's deals paid in order (gs-cli-statement.c). */
int
gs_cli_payout_deals (const char *file, const GsModel *model, const GsCompModel *comp,
                     const GsCompRole *role, const char *deals_path, gboolean json);

/* Like gs_cli_load_result, for the named scenario of the plan (NULL: the
 * plan itself); *plan is the scenario applied. */
const GsResult *
gs_cli_load_scenario_result (const char *filename, const char *scenario, GsPlan **plan,
                             int *status);

/* Runs the plan's simulation (trials/seed > 0 / ≥ 0 override the plan's
 * settings), or prints the error and sets *status. */
GsSimResult *
gs_cli_simulate_plan (const char *filename, GsPlan *plan, gint64 trials, gint64 seed, int *status);
/* The re-forecast fan from the plan's actuals to day (gs-refan.h), with the
 * same settings, or prints the error and sets *status. */
GsRefan *
gs_cli_refan_plan (const char *filename, GsPlan *plan, gint64 trials, gint64 seed, const GDate *day,
                   int *status);

int
gs_cli_payout (int argc, char **argv);
int
gs_cli_export (int argc, char **argv);
int
gs_cli_import (int argc, char **argv);
int
gs_cli_track (int argc, char **argv);
int
gs_cli_expense (int argc, char **argv);

G_END_DECLS
