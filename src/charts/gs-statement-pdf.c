/* gs-statement-pdf.c — the commission statement on paper
 * (gs-statement-pdf.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statement becomes a list of lines first (headings, table rows, text),
 * every figure formatted by gs-format and worded by the text floor; then the
 * lines are laid out on A4 pages twice: once on a recording surface to find
 * where pages break (so the footer can say "page 1 of 3"), once into the PDF.
 */
#include "gs-statement-pdf.h"
#include "gs-explain.h"
#include "gs-explain-comp.h"
#include "gs-explain-pay.h"
#include "gs-format.h"
#include "gs-report-page.h"
#include "gs-report.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#define MARGIN GS_REPORT_MARGIN
#define CONTENT_W (GS_REPORT_A4_WIDTH - 2 * MARGIN)
#define BOTTOM (GS_REPORT_FOOTER_Y - 12)
#define N_COLS 5

typedef enum
{
  L_TITLE,
  L_SUBTITLE,
  L_HEADLINE,
  L_HEADING,
  L_ROW,  /* up to N_COLS cells at the table's columns */
  L_TEXT, /* a wrapped paragraph, indented by depth */
} LineKind;

typedef enum
{
  T_CREDIT,  /* deal, date, kind and share, amount */
  T_MEASURE, /* measure, period, to date, quota, attainment */
  T_PAY,     /* month, deal, kind, amount */
} Table;

typedef struct
{
  LineKind kind;
  Table table;
  gboolean header; /* a table's column names */
  guint depth;
  char *cells[N_COLS];
} Line;

static void
line_clear (gpointer data)
{
  Line *l = data;
  for (guint i = 0; i < N_COLS; i++)
    g_free (l->cells[i]);
}

static Line *
add (GArray *lines, LineKind kind, const char *text)
{
  Line l = { kind, T_CREDIT, FALSE, 0, { g_strdup (text) } };
  g_array_append_val (lines, l);
  return &g_array_index (lines, Line, lines->len - 1);
}

/* A table row; the cells are taken. */
static void
row (GArray *lines, Table table, gboolean header, char *a, char *b, char *c, char *d, char *e)
{
  Line l = { L_ROW, table, header, 0, { a, b, c, d, e } };
  g_array_append_val (lines, l);
}

static char *
money (const GsStatementPdf *s, GsMoney v)
{
  return gs_format_money (v, s->comp->digits, s->comp->currency, GS_MONEY_FORMAT_FULL);
}

static char *
quantity (const GsStatementPdf *s, GsMeasure me, double v)
{
  return gs_explain_measure_figure (me, v, s->comp->digits, s->comp->currency);
}

static void
credit_lines (const GsStatementPdf *s, GArray *lines)
{
  const GsStatement *st = s->statement;
  const GsActualsData *a = s->model->actuals;
  gboolean any = FALSE;
  add (lines, L_HEADING, _ ("Credited in the period"));
  for (guint i = 0; i < st->year->credits->len; i++)
    {
      const GsCreditLine *c = &g_array_index (st->year->credits, GsCreditLine, i);
      g_autofree char *share = NULL;
      if (c->month < 0 || (guint) c->month < st->period.first || (guint) c->month > st->period.last)
        continue;
      if (!any)
        row (lines, T_CREDIT, TRUE, g_strdup (_ ("Deal")), g_strdup (_ ("Date")),
             g_strdup (_ ("Credit")), g_strdup (_ ("Amount")), NULL);
      any = TRUE;
      share = gs_format_percent (c->share);
      row (lines, T_CREDIT, FALSE, g_strdup (a->deals[c->deal].id), gs_format_date (&c->date),
           g_strdup_printf ("%s %s", gs_explain_credit_kind (c->kind), share), money (s, c->amount),
           NULL);
    }
  if (!any)
    add (lines, L_TEXT, _ ("No deal was credited to the person in the period."));
}

static void
measure_lines (const GsStatementPdf *s, GArray *lines)
{
  const GsStatement *st = s->statement;
  const GsCompRole *role = st->year->role;
  if (role == NULL)
    return;
  add (lines, L_HEADING, _ ("Measures against the annual quota"));
  row (lines, T_MEASURE, TRUE, g_strdup (_ ("Measure")), g_strdup (_ ("Period")),
       g_strdup (_ ("Year to date")), g_strdup (_ ("Quota")), g_strdup (_ ("Attainment")));
  for (guint i = 0; i < role->n_components; i++)
    {
      GsMeasure me = role->components[i].measure;
      row (lines, T_MEASURE, FALSE, g_strdup (gs_explain_measure (me)),
           quantity (s, me, st->measure[me]), quantity (s, me, st->measure_ytd[me]),
           quantity (s, me, st->quota[me]), gs_format_percent (st->attainment[me]));
    }
}

static void
pay_lines (const GsStatementPdf *s, GArray *lines)
{
  const GsStatement *st = s->statement;
  gboolean any = FALSE;
  add (lines, L_HEADING, _ ("Pay in the period"));
  for (guint i = 0; i < st->year->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (st->year->lines, GsCommissionLine, i);
      if (l->month < st->period.first || l->month > st->period.last)
        continue;
      if (!any)
        row (lines, T_PAY, TRUE, g_strdup (_ ("Month")), g_strdup (_ ("Deal")),
             g_strdup (_ ("Kind")), g_strdup (_ ("Amount")), NULL);
      any = TRUE;
      row (lines, T_PAY, FALSE, gs_explain_plan_month_label (s->model, (int) l->month),
           g_strdup (l->deal ? l->deal : ""), g_strdup (gs_explain_pay_kind (l->kind)),
           money (s, l->amount), NULL);
    }
  if (!any)
    add (lines, L_TEXT, _ ("Nothing is paid in the period."));
  if (st->by_kind[GS_PAY_TRUE_UP] != 0)
    add (lines, L_TEXT,
         _ ("A true-up pays earlier credit again at the rate reached year to date (a gate or "
            "band crossed)."));
}

/* The dispute notes the statement shows (gs-dispute.h), as the text floor
 * words them. */
static void
dispute_lines (const GsStatementPdf *s, GArray *lines)
{
  const GsStatement *st = s->statement;
  if (st->notes == NULL || st->notes->len == 0)
    return;
  add (lines, L_HEADING,
       _ ("Dispute notes (on this period, then open ones from earlier periods):"));
  for (guint i = 0; i < st->notes->len; i++)
    {
      const GsStatementNote *n = &g_array_index (st->notes, GsStatementNote, i);
      g_autofree char *text
          = gs_explain_dispute (s->model, &s->model->actuals->disputes[n->index], n->earlier);
      add (lines, L_TEXT, text);
    }
}

static void
trace_lines (const GsStatementPdf *s, GArray *lines)
{
  const GsStatement *st = s->statement;
  const GsActualsData *a = s->model->actuals;
  gboolean any = FALSE;
  for (guint i = 0; i < st->year->deals->len; i++)
    {
      const GsDealPay *d = &g_array_index (st->year->deals, GsDealPay, i);
      g_autofree char *text = NULL, *line = NULL;
      if ((guint) d->event.month > st->period.last)
        continue;
      if (!any)
        add (lines, L_HEADING, _ ("Deals paid at the rates in force"));
      any = TRUE;
      text = gs_explain_deal_pay (s->comp, d);
      line = g_strdup_printf ("%s: %s", a->deals[d->event.deal].id, text);
      add (lines, L_TEXT, line);
    }
  if (st->year->payout == NULL)
    return;
  add (lines, L_HEADING, _ ("The year's calculation (every credit to date)"));
  for (guint i = 0; i < st->year->payout->trace->len; i++)
    {
      const GsTraceLine *t = g_ptr_array_index (st->year->payout->trace, i);
      g_autofree char *text = gs_explain_comp_line (s->comp, t);
      add (lines, L_TEXT, text)->depth = t->depth;
    }
}

static GArray *
statement_lines (const GsStatementPdf *s)
{
  const GsStatement *st = s->statement;
  const GsPayYear *y = st->year;
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autofree char *who = NULL, *paid = NULL, *ytd = NULL, *headline = NULL;

  g_array_set_clear_func (lines, line_clear);
  add (lines, L_TITLE, _ ("Commission statement"));
  /* Translators: the person, their role's name and the period; then the company. */
  who = g_strdup_printf (_ ("%s · %s · %s · %s"), s->model->actuals->people[y->person].name,
                         y->role ? y->role->name : _ ("no role of the pay plan"), s->period,
                         s->model->company.name);
  add (lines, L_SUBTITLE, who);
  paid = money (s, st->paid);
  ytd = money (s, st->paid_ytd);
  /* Translators: what the period pays and what the year has paid to its end. */
  headline = g_strdup_printf (_ ("Paid in the period: %s; year to date: %s"), paid, ytd);
  add (lines, L_HEADLINE, headline);
  if (y->role == NULL)
    add (lines, L_TEXT, _ ("The person's role is not a role of the pay plan: nothing is paid."));
  credit_lines (s, lines);
  measure_lines (s, lines);
  pay_lines (s, lines);
  dispute_lines (s, lines);
  trace_lines (s, lines);
  return lines;
}

/* Left edges of a table's columns; the last column is right-aligned at the
 * right margin, so amounts line up. */
static const double col_x[][N_COLS] = {
  [T_CREDIT] = { 0, 90, 190, CONTENT_W, 0 },
  [T_MEASURE] = { 0, 200, 290, 380, CONTENT_W },
  [T_PAY] = { 0, 150, 250, CONTENT_W, 0 },
};

/* Draws line at y (on a recording surface too, to measure); its height. */
static double
draw_line (cairo_t *cr, PangoLayout *layout, const Line *l, double y)
{
  double indent = 14.0 * l->depth, h = 0;
  switch (l->kind)
    {
    case L_TITLE:
      return gs_report_text (cr, layout, MARGIN, y, CONTENT_W, 18, TRUE, GS_REPORT_INK, FALSE,
                             l->cells[0])
             + 2;
    case L_SUBTITLE:
      return gs_report_text (cr, layout, MARGIN, y, CONTENT_W, 10.5, FALSE, GS_REPORT_MUTED, FALSE,
                             l->cells[0])
             + 8;
    case L_HEADLINE:
      return gs_report_text (cr, layout, MARGIN, y, CONTENT_W, 12, TRUE, GS_REPORT_SALES, FALSE,
                             l->cells[0])
             + 4;
    case L_HEADING:
      return 10
             + gs_report_text (cr, layout, MARGIN, y + 10, CONTENT_W, 12, TRUE, GS_REPORT_INK,
                               FALSE, l->cells[0])
             + 4;
    case L_TEXT:
      return gs_report_text (cr, layout, MARGIN + indent, y, CONTENT_W - indent, 9, FALSE,
                             GS_REPORT_INK, FALSE, l->cells[0])
             + 3;
    case L_ROW:
    default:
      for (guint c = 0; c < N_COLS && l->cells[c] != NULL; c++)
        {
          const double *x = col_x[l->table];
          gboolean last = c + 1 == N_COLS || l->cells[c + 1] == NULL;
          double width = last ? 0 : x[c + 1] - x[c] - 6;
          h = MAX (h, gs_report_text (cr, layout, MARGIN + x[last ? c : c], y, width, 9, l->header,
                                      l->header ? GS_REPORT_MUTED : GS_REPORT_INK, last && c > 0,
                                      l->cells[c]));
        }
      return h + 3;
    }
}

/* The first line of every page. */
static GArray *
page_breaks (const GArray *lines)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  double y = MARGIN;
  guint first = 0;
  g_array_append_val (starts, first);
  for (guint i = 0; i < lines->len; i++)
    {
      double h = draw_line (cr, layout, &g_array_index (lines, Line, i), y);
      /* A heading never ends a page: it moves with the line under it. */
      gboolean heading = g_array_index (lines, Line, i).kind == L_HEADING;
      if (y + h > BOTTOM || (heading && y + h + 14 > BOTTOM))
        {
          if (y > MARGIN)
            {
              g_array_append_val (starts, i);
              y = MARGIN;
              h = draw_line (cr, layout, &g_array_index (lines, Line, i), y);
            }
        }
      y += h;
    }
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return starts;
}

gboolean
gs_statement_write_pdf (const GsStatementPdf *data, const char *filename, GError **error)
{
  g_autoptr (GsAtomicFile) file = gs_atomic_file_begin (filename, GS_ATOMIC_NONE, error);
  g_autoptr (GArray) lines = NULL;
  g_autoptr (GArray) starts = NULL;
  g_autofree char *title = NULL, *what = NULL;
  const char *person;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (file == NULL)
    return FALSE;
  lines = statement_lines (data);
  starts = page_breaks (lines);
  person = data->model->actuals->people[data->statement->year->person].name;
  /* Translators: the PDF's title: the person, the period. */
  title = g_strdup_printf (_ ("Commission statement — %s, %s"), person, data->period);
  what = g_strdup_printf ("%s, %s", person, data->period);
  surface = gs_report_pdf_begin (file, title);
  cr = cairo_create (surface);
  for (guint page = 0; page < starts->len; page++)
    {
      guint end = page + 1 < starts->len ? g_array_index (starts, guint, page + 1) : lines->len;
      PangoLayout *layout = pango_cairo_create_layout (cr);
      g_autofree char *right = NULL;
      double y = MARGIN;
      for (guint i = g_array_index (starts, guint, page); i < end; i++)
        y += draw_line (cr, layout, &g_array_index (lines, Line, i), y);
      /* Translators: the statement's footer: %1$s the company, %2$u the
         page, %3$u the number of pages. */
      right = g_strdup_printf (_ ("%1$s · statement · page %2$u of %3$u"),
                               data->model->company.name, page + 1, starts->len);
      gs_report_footer (cr, layout, data->model, data->printed, what, right);
      g_object_unref (layout);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return gs_report_pdf_finish (surface, file, filename, error);
}
