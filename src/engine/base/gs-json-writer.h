/* gs-json-writer.h — the stable JSON writer, value by value.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place Goalsheet's JSON text is laid out: two-space indents, an
 * object's members one a line, an array of plain values on one line
 * ("[1, 2]"), any other array one element a line, "{}" and "[]" when empty,
 * strings escaped as gs_json_to_text writes them (it walks a tree through
 * this writer), numbers as the shortest text that reads back the same.
 *
 * A writer with a sink hands its text over in pieces of about 64 KiB as it
 * goes, so output of any size (goalsheet-cli expense --json --deals: a row
 * per line as booked) costs the memory of one piece; a piece always ends
 * between two whole tokens, so a UTF-8 character is never split.  The first
 * error of the sink stops all writing and is what gs_json_writer_finish
 * returns; a caller writing many values may test gs_json_writer_ok to stop
 * early.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes len bytes of text (text[len] is '\0'); FALSE with error set when
 * it could not. */
typedef gboolean (*GsJsonSink) (const char *text, gsize len, gpointer data, GError **error);

typedef struct _GsJsonWriter GsJsonWriter;

/* sink NULL: the writer keeps the whole text (gs_json_writer_free_to_text). */
GsJsonWriter *
gs_json_writer_new (GsJsonSink sink, gpointer data);
void
gs_json_writer_free (GsJsonWriter *w);

/* flat: the array holds no object or array (it is written on one line). */
void
gs_json_writer_begin_array (GsJsonWriter *w, gboolean flat);
void
gs_json_writer_end_array (GsJsonWriter *w);
void
gs_json_writer_begin_object (GsJsonWriter *w);
void
gs_json_writer_end_object (GsJsonWriter *w);
/* The next value is the member name of the open object. */
void
gs_json_writer_member (GsJsonWriter *w, const char *name);

/* NULL writes null. */
void
gs_json_writer_string (GsJsonWriter *w, const char *s);
void
gs_json_writer_int (GsJsonWriter *w, gint64 v);
void
gs_json_writer_double (GsJsonWriter *w, double v);
void
gs_json_writer_boolean (GsJsonWriter *w, gboolean v);
void
gs_json_writer_null (GsJsonWriter *w);

/* The objects and arrays open: 0 at the top, 2 for a member of a member
 * of the top object. */
guint
gs_json_writer_depth (const GsJsonWriter *w);
/* A value given as the text this writer would write for it here (a
 * value written at this depth before, as a save copies a list it has
 * not changed): appended as it is, handed to the sink at its line breaks,
 * which in the writer's text lie between tokens. */
void
gs_json_writer_text (GsJsonWriter *w, const char *text, gsize len);

/* FALSE once the sink has failed. */
gboolean
gs_json_writer_ok (const GsJsonWriter *w);
/* Ends the text with a newline and hands the rest to the sink; FALSE with
 * the sink's first error. */
gboolean
gs_json_writer_finish (GsJsonWriter *w, GError **error);
/* A writer without a sink: frees it and returns its text. */
char *
gs_json_writer_free_to_text (GsJsonWriter *w);

/* The shortest text that reads back as the same double (byte-stable
 * saves, and messages that show why a value is refused). */
void
gs_json_format_shortest (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsJsonWriter, gs_json_writer_free)

G_END_DECLS
