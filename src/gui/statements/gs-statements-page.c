/* gs-statements-page.c — a person's commission statement (gs-statements-page.h).
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statement is computed on every update: one person's year is fast
 * (docs/statements.md), so an edit to the plan's compensation shows at once.
 */
#include "gs-statements-page.h"
#include "gs-a11y.h"
#include "gs-dispute-edits.h"
#include "gs-explain.h"
#include "gs-explain-comp.h"
#include "gs-explain-pay.h"
#include "gs-format.h"
#include "gs-statement-item.h"
#include "gs-statement-row.h"

#include <glib/gi18n.h>
#include <math.h>

struct _GsStatementsPage
{
  GtkWidget parent_instance;
  GtkWidget *stack;
  GtkWidget *person_dropdown;
  GtkWidget *period_dropdown;
  GtkWidget *heading_label;
  GtkWidget *error_label;
  GtkWidget *lists_box[GS_STATEMENTS_N_LISTS];
  GListStore *lists[GS_STATEMENTS_N_LISTS];
  GsPlan *plan;
  GPtrArray *periods; /* the period texts the dropdown lists: "FY27 Q1", "2027-01", … */
  char *people_key;   /* the roster's names the person dropdown lists, joined */
  char *periods_key;  /* the period dropdown's labels, joined */
  guint person, period;
  gboolean filling; /* the dropdowns are being refilled: no update of their own */
};

G_DEFINE_FINAL_TYPE (GsStatementsPage, gs_statements_page, GTK_TYPE_WIDGET)

typedef struct
{
  const GsModel *m;
  const GsCompModel *comp;
  const GsStatement *s;
} Ctx;

static char *
money (const Ctx *c, GsMoney v)
{
  return gs_format_money (v, c->comp->digits, c->m->company.currency, GS_MONEY_FORMAT_FULL);
}

static char *
quantity (const Ctx *c, GsMeasure me, double v)
{
  return gs_explain_measure_figure (me, v, c->comp->digits, c->m->company.currency);
}

/* Appended once the item is whole: the list box makes its row at once. */
static void
put (GsStatementsPage *self, GsStatementsList list, GsStatementItem *item)
{
  g_list_store_append (self->lists[list], item);
  g_object_unref (item);
}

static void
add (GsStatementsPage *self, GsStatementsList list, const char *title, const char *subtitle,
     const char *value)
{
  put (self, list, gs_statement_item_new (title, subtitle, value));
}

/* The notes written on this period for one line, appended to its subtitle
 * ("… · Note (open): D2 was 250,000"). */
static char *
with_notes (const Ctx *c, const char *subtitle, const char *deal, GsDisputeLine line)
{
  GString *out = g_string_new (subtitle);
  const GsActualsData *a = c->m->actuals;
  for (guint i = 0; i < c->s->notes->len; i++)
    {
      const GsStatementNote *n = &g_array_index (c->s->notes, GsStatementNote, i);
      const GsDispute *d = &a->disputes[n->index];
      if (n->earlier || d->line != line || g_strcmp0 (d->deal, deal) != 0)
        continue;
      g_string_append (out, " · ");
      /* Translators: a dispute note shown on its line ("Note (open): text"). */
      g_string_append_printf (out, d->resolved ? _ ("Note (resolved): %s") : _ ("Note (open): %s"),
                              d->text);
    }
  return g_string_free (out, FALSE);
}

/* Filling the lists -------------------------------------------------------- */

static void
fill_credits (GsStatementsPage *self, const Ctx *c)
{
  const GsPayYear *y = c->s->year;
  const GsActualsData *a = c->m->actuals;
  for (guint i = 0; i < y->credits->len; i++)
    {
      const GsCreditLine *l = &g_array_index (y->credits, GsCreditLine, i);
      const char *deal = a->deals[l->deal].id;
      GsStatementItem *item;
      g_autofree char *date = NULL, *amount = NULL, *share = NULL, *title = NULL, *sub = NULL;
      g_autofree char *full = NULL;
      if (l->month < 0 || (guint) l->month < c->s->period.first
          || (guint) l->month > c->s->period.last)
        continue;
      date = gs_format_date (&l->date);
      amount = money (c, l->amount);
      share = gs_format_percent (l->share);
      /* Translators: a deal's id and its credit date ("D2 · Feb 10, 2027"). */
      title = g_strdup_printf (_ ("%s · %s"), deal, date);
      /* Translators: the kind of credit, the share and the measure ("owner 100 % · Own bookings").
       */
      sub = g_strdup_printf (_ ("%s %s · %s"), gs_explain_credit_kind (l->kind), share,
                             gs_explain_measure (l->measure));
      full = with_notes (c, sub, deal, GS_DISPUTE_CREDIT);
      item = gs_statement_item_new (title, full, amount);
      gs_statement_item_set_line (item, deal, GS_DISPUTE_CREDIT);
      put (self, GS_STATEMENTS_LIST_CREDITS, item);
    }
}

static void
fill_measures (GsStatementsPage *self, const Ctx *c)
{
  const GsStatement *s = c->s;
  for (guint i = 0; s->year->role && i < s->year->role->n_components; i++)
    {
      GsMeasure me = s->year->role->components[i].measure;
      g_autofree char *p = quantity (c, me, s->measure[me]);
      g_autofree char *t = quantity (c, me, s->measure_ytd[me]);
      g_autofree char *q = quantity (c, me, s->quota[me]);
      g_autofree char *att = gs_format_percent (s->attainment[me]);
      /* Translators: a measure in the period, to date and its annual quota. */
      g_autofree char *sub
          = g_strdup_printf (_ ("%s in the period · %s year to date · quota %s"), p, t, q);
      add (self, GS_STATEMENTS_LIST_MEASURES, gs_explain_measure (me), sub, att);
    }
}

static void
fill_pay (GsStatementsPage *self, const Ctx *c)
{
  const GsStatement *s = c->s;
  for (guint i = 0; i < s->year->lines->len; i++)
    {
      const GsCommissionLine *l = &g_array_index (s->year->lines, GsCommissionLine, i);
      g_autofree char *month = NULL, *amount = NULL, *title = NULL, *full = NULL;
      GsDisputeLine line = (GsDisputeLine) (l->kind + 1);
      GsStatementItem *item;
      if (l->month < s->period.first || l->month > s->period.last)
        continue;
      month = gs_explain_plan_month_label (c->m, (int) l->month);
      amount = money (c, l->amount);
      /* Translators: a pay line's kind and deal ("commission · D1"). */
      title = l->deal ? g_strdup_printf (_ ("%s · %s"), gs_explain_pay_kind (l->kind), l->deal)
                      : g_strdup (gs_explain_pay_kind (l->kind));
      full = with_notes (c, month, l->deal, line);
      item = gs_statement_item_new (title, full, amount);
      gs_statement_item_set_line (item, l->deal, line);
      put (self, GS_STATEMENTS_LIST_PAY, item);
    }
}

static void
fill_totals (GsStatementsPage *self, const Ctx *c)
{
  const GsStatement *s = c->s;
  for (guint k = 0; k < GS_PAY_N_KINDS; k++)
    {
      g_autofree char *p = NULL, *ytd = NULL, *sub = NULL;
      if (s->by_kind[k] == 0 && s->by_kind_ytd[k] == 0)
        continue;
      p = money (c, s->by_kind[k]);
      ytd = money (c, s->by_kind_ytd[k]);
      /* Translators: a total year to date ("year to date $32,000.00"). */
      sub = g_strdup_printf (_ ("year to date %s"), ytd);
      add (self, GS_STATEMENTS_LIST_TOTALS, gs_explain_pay_kind (k), sub, p);
    }
  {
    g_autofree char *p = money (c, s->paid), *ytd = money (c, s->paid_ytd);
    g_autofree char *sub = g_strdup_printf (_ ("year to date %s"), ytd);
    add (self, GS_STATEMENTS_LIST_TOTALS, _ ("Paid in the period"), sub, p);
  }
}

static void
fill_notes (GsStatementsPage *self, const Ctx *c)
{
  const GsActualsData *a = c->m->actuals;
  for (guint i = 0; i < c->s->notes->len; i++)
    {
      const GsStatementNote *n = &g_array_index (c->s->notes, GsStatementNote, i);
      const GsDispute *d = &a->disputes[n->index];
      g_autofree char *text = gs_explain_dispute (c->m, d, n->earlier);
      GsStatementItem *item = gs_statement_item_new (text, NULL, NULL);
      gs_statement_item_set_note (item, (int) n->index, d->resolved);
      put (self, GS_STATEMENTS_LIST_NOTES, item);
    }
}

/* The trace a person can follow with a calculator: each deal at the rates
 * in force, then the year's calculation (every credit to the period's end). */
static void
fill_trace (GsStatementsPage *self, const Ctx *c)
{
  const GsPayYear *y = c->s->year;
  const GsActualsData *a = c->m->actuals;
  for (guint i = 0; i < y->deals->len; i++)
    {
      const GsDealPay *d = &g_array_index (y->deals, GsDealPay, i);
      g_autofree char *text = NULL;
      if ((guint) d->event.month > c->s->period.last)
        continue;
      text = gs_explain_deal_pay (c->comp, d);
      add (self, GS_STATEMENTS_LIST_TRACE, a->deals[d->event.deal].id, text, NULL);
    }
  for (guint i = 0; y->payout && i < y->payout->trace->len; i++)
    {
      const GsTraceLine *t = g_ptr_array_index (y->payout->trace, i);
      g_autofree char *text = gs_explain_comp_line (c->comp, t);
      GsStatementItem *item = gs_statement_item_new (text, NULL, NULL);
      gs_statement_item_set_depth (item, t->depth);
      put (self, GS_STATEMENTS_LIST_TRACE, item);
    }
}

/* The dropdowns -------------------------------------------------------------- */

static void
fill_people (GsStatementsPage *self, const GsActualsData *a)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  g_autofree char *key = NULL;
  for (guint i = 0; i < a->n_people; i++)
    g_strv_builder_add (b, a->people[i].name);
  names = g_strv_builder_end (b);
  key = g_strjoinv ("\n", names);
  if (self->person >= a->n_people)
    self->person = 0;
  if (g_strcmp0 (key, self->people_key) != 0)
    {
      g_autoptr (GtkStringList) list = gtk_string_list_new ((const char *const *) names);
      gtk_drop_down_set_model (GTK_DROP_DOWN (self->person_dropdown), G_LIST_MODEL (list));
      g_free (self->people_key);
      self->people_key = g_steal_pointer (&key);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->person_dropdown), self->person);
}

/* Each fiscal quarter of the plan year, then its months. */
static void
fill_periods (GsStatementsPage *self, const GsModel *m)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) key = g_string_new ("");
  for (guint i = 0; i < GS_COMP_MONTHS; i++)
    {
      GsMonth mm = gs_model_month (m, (int) i);
      if (i == 0
          || gs_model_fiscal_quarter (m, (int) i) != gs_model_fiscal_quarter (m, (int) i - 1))
        {
          /* The text is what gs_pay_period_parse reads; the label is in words. */
          g_ptr_array_add (texts,
                           g_strdup_printf ("FY%02u Q%u", mm.fiscal_year % 100, mm.fiscal_quarter));
          g_ptr_array_add (labels, gs_explain_quarter_label (&mm));
        }
      g_ptr_array_add (labels, gs_explain_plan_month_label (m, (int) i));
      g_ptr_array_add (texts, g_strdup_printf ("%04u-%02u", mm.year, mm.month));
    }
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (key, "%s\n", (char *) g_ptr_array_index (labels, i));
  if (self->period >= texts->len)
    self->period = 0;
  g_ptr_array_unref (self->periods);
  self->periods = g_steal_pointer (&texts);
  /* The list changes only with the plan's calendar: a dropdown keeps its
   * model (and focus) through other edits. */
  if (g_strcmp0 (key->str, self->periods_key) != 0)
    {
      g_autoptr (GtkStringList) list = NULL;
      g_ptr_array_add (labels, NULL);
      list = gtk_string_list_new ((const char *const *) labels->pdata);
      gtk_drop_down_set_model (GTK_DROP_DOWN (self->period_dropdown), G_LIST_MODEL (list));
      g_free (self->periods_key);
      self->periods_key = g_string_free (g_steal_pointer (&key), FALSE);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), self->period);
}

/* Update ------------------------------------------------------------------- */

static void
show_error (GsStatementsPage *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
  gtk_label_set_text (GTK_LABEL (self->heading_label), "");
}

void
gs_statements_page_update (GsStatementsPage *self, GsPlan *plan)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_autoptr (GError) error = NULL;
  g_autoptr (GsStatement) s = NULL;
  const GsCompModel *comp;
  const char *period_text;
  GsPayPeriod period;
  Ctx c;

  g_set_object (&self->plan, plan);
  for (int i = 0; i < GS_STATEMENTS_N_LISTS; i++)
    g_list_store_remove_all (self->lists[i]);
  gtk_widget_set_visible (self->error_label, FALSE);
  if (m->actuals == NULL || m->actuals->n_people == 0 || m->comp == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "statement");
  self->filling = TRUE;
  fill_people (self, m->actuals);
  fill_periods (self, m);
  self->filling = FALSE;
  period_text = g_ptr_array_index (self->periods, self->period);
  comp = gs_plan_get_comp (plan, &error);
  if (comp == NULL || !gs_pay_period_parse (m, period_text, &period, &error)
      || (s = gs_statement_new (m, comp, self->person, &period, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  c = (Ctx){ m, comp, s };
  {
    const GsPerson *p = &m->actuals->people[self->person];
    g_autofree char *paid = money (&c, s->paid), *ytd = money (&c, s->paid_ytd);
    g_autofree char *heading = NULL;
    if (s->year->role)
      /* Translators: person, role, what the period pays and the year to date. */
      heading = g_strdup_printf (_ ("%s (%s): %s paid in the period, %s year to date"), p->name,
                                 s->year->role->name, paid, ytd);
    else
      /* Translators: a person whose role is not in the pay plan. */
      heading = g_strdup_printf (
          _ ("%s: the role “%s” is not a role of the pay plan, so nothing is paid"), p->name,
          p->role);
    gtk_label_set_text (GTK_LABEL (self->heading_label), heading);
  }
  fill_credits (self, &c);
  fill_measures (self, &c);
  fill_pay (self, &c);
  fill_totals (self, &c);
  fill_notes (self, &c);
  fill_trace (self, &c);
  for (int i = 0; i < GS_STATEMENTS_N_LISTS; i++)
    gtk_widget_set_visible (self->lists_box[i],
                            g_list_model_get_n_items (G_LIST_MODEL (self->lists[i])) > 0);
}

static void
on_chosen (GtkDropDown *dropdown, GParamSpec *pspec, GsStatementsPage *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  if (self->filling || i == GTK_INVALID_LIST_POSITION || self->plan == NULL)
    return;
  if (GTK_WIDGET (dropdown) == self->person_dropdown)
    self->person = i;
  else
    self->period = i;
  gs_statements_page_update (self, self->plan);
}

gboolean
gs_statements_page_choose (GsStatementsPage *self, guint person, const char *period)
{
  const GsModel *m = self->plan ? gs_plan_get_model (self->plan) : NULL;
  if (m == NULL || m->actuals == NULL || person >= m->actuals->n_people)
    return FALSE;
  for (guint i = 0; i < self->periods->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->periods, i), period) == 0)
      {
        self->person = person;
        self->period = i;
        gs_statements_page_update (self, self->plan);
        return TRUE;
      }
  return FALSE;
}

gboolean
gs_statements_page_add_note (GsStatementsPage *self, const char *deal, GsDisputeLine line,
                             const char *text, GError **error)
{
  GsDispute note = { 0 };
  const char *author = g_get_real_name ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (self->plan != NULL, FALSE);
  note.person = (int) self->person;
  note.period = g_ptr_array_index (self->periods, self->period);
  note.deal = (char *) deal;
  note.line = line;
  note.text = (char *) text;
  /* GLib says "Unknown" when the system has no real name: the note is then
   * the person's own. */
  note.author = g_strcmp0 (author, "Unknown") == 0 ? NULL : (char *) author;
  g_date_clear (&note.date, 1);
  g_date_set_dmy (&note.date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return gs_plan_add_dispute (self->plan, &note, error);
}

gboolean
gs_statements_page_resolve_note (GsStatementsPage *self, guint index, gboolean resolved,
                                 GError **error)
{
  g_return_val_if_fail (self->plan != NULL, FALSE);
  return gs_plan_set_dispute_resolved (self->plan, index, resolved, error);
}

gboolean
gs_statements_page_edit_note (GsStatementsPage *self, guint index, const char *text, GError **error)
{
  g_return_val_if_fail (self->plan != NULL, FALSE);
  return gs_plan_set_dispute_text (self->plan, index, text, error);
}

gboolean
gs_statements_page_delete_note (GsStatementsPage *self, guint index, GError **error)
{
  g_return_val_if_fail (self->plan != NULL, FALSE);
  return gs_plan_remove_dispute (self->plan, index, error);
}

const char *
gs_statements_page_get_note_text (GsStatementsPage *self, guint index)
{
  const GsActualsData *a = self->plan ? gs_plan_get_model (self->plan)->actuals : NULL;
  return a && index < a->n_disputes ? a->disputes[index].text : NULL;
}

/* Edit… and Delete… ------------------------------------------------------ */

static AdwMessageDialog *
note_dialog (GsStatementsPage *self, const char *heading, const char *body, guint index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  return dialog;
}

static guint
dialog_index (AdwMessageDialog *dialog)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
}

static void
on_edit_response (AdwMessageDialog *dialog, const char *response, GsStatementsPage *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr (GError) error = NULL;
  if (g_strcmp0 (response, "save") != 0 || self->plan == NULL)
    return;
  /* Save is off while the text is blank, so the engine refuses nothing here
   * unless the plan changed meanwhile. */
  if (!gs_statements_page_edit_note (self, dialog_index (dialog),
                                     gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    g_warning ("%s", error->message);
}

static void
on_edit_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

AdwMessageDialog *
gs_statements_page_present_edit (GsStatementsPage *self, guint index)
{
  const char *text = gs_statements_page_get_note_text (self, index);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (text == NULL)
    return NULL;
  dialog = note_dialog (self, _ ("Edit Dispute Note"),
                        _ ("The note keeps its line, author and date; Undo brings the old text "
                           "back."),
                        index);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Dispute note"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_edit_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

static void
on_delete_response (AdwMessageDialog *dialog, const char *response, GsStatementsPage *self)
{
  g_autoptr (GError) error = NULL;
  if (g_strcmp0 (response, "delete") != 0 || self->plan == NULL)
    return;
  if (!gs_statements_page_delete_note (self, dialog_index (dialog), &error))
    g_warning ("%s", error->message);
}

AdwMessageDialog *
gs_statements_page_present_delete (GsStatementsPage *self, guint index)
{
  const char *text = gs_statements_page_get_note_text (self, index);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (text == NULL)
    return NULL;
  /* Translators: the note's text, quoted. */
  body = g_strdup_printf (_ ("“%s” goes from this statement and every later one; Undo brings it "
                             "back."),
                          text);
  dialog = note_dialog (self, _ ("Delete the Dispute Note?"), body, index);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GListModel *
gs_statements_page_get_list (GsStatementsPage *self, GsStatementsList list)
{
  g_return_val_if_fail (list < GS_STATEMENTS_N_LISTS, NULL);
  return G_LIST_MODEL (self->lists[list]);
}

/* Class -------------------------------------------------------------------- */

static void
gs_statements_page_dispose (GObject *object)
{
  GsStatementsPage *self = GS_STATEMENTS_PAGE (object);
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_STATEMENTS_PAGE);
  g_clear_object (&self->plan);
  for (int i = 0; i < GS_STATEMENTS_N_LISTS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->people_key, g_free);
  g_clear_pointer (&self->periods_key, g_free);
  G_OBJECT_CLASS (gs_statements_page_parent_class)->dispose (object);
}

static void
gs_statements_page_class_init (GsStatementsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = gs_statements_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/org/goalsheet/Goalsheet/ui/statements/gs-statements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsStatementsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GsStatementsPage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GsStatementsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GsStatementsPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GsStatementsPage, error_label);
  gtk_widget_class_bind_template_child_full (
      widget_class, "credits_group", FALSE,
      G_STRUCT_OFFSET (GsStatementsPage, lists_box[GS_STATEMENTS_LIST_CREDITS]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "measures_group", FALSE,
      G_STRUCT_OFFSET (GsStatementsPage, lists_box[GS_STATEMENTS_LIST_MEASURES]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "pay_group", FALSE,
      G_STRUCT_OFFSET (GsStatementsPage, lists_box[GS_STATEMENTS_LIST_PAY]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "totals_group", FALSE,
      G_STRUCT_OFFSET (GsStatementsPage, lists_box[GS_STATEMENTS_LIST_TOTALS]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "notes_group", FALSE,
      G_STRUCT_OFFSET (GsStatementsPage, lists_box[GS_STATEMENTS_LIST_NOTES]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "trace_group", FALSE,
      G_STRUCT_OFFSET (GsStatementsPage, lists_box[GS_STATEMENTS_LIST_TRACE]));
}

/* Each group holds one boxed list, bound to its store. */
static void
bind (GsStatementsPage *self, GsStatementsList list)
{
  GtkWidget *box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (box), G_LIST_MODEL (self->lists[list]),
                           gs_statement_row_new, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->lists_box[list]), box);
}

static void
gs_statements_page_init (GsStatementsPage *self)
{
  g_autoptr (GtkExpression) by_name
      = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->periods = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < GS_STATEMENTS_N_LISTS; i++)
    {
      self->lists[i] = g_list_store_new (GS_TYPE_STATEMENT_ITEM);
      bind (self, i);
    }
  /* The roster can be long: its drop-down searches by name. */
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->person_dropdown), by_name);
  gs_a11y_set_label (self->person_dropdown, _ ("Statement of"), NULL);
  gs_a11y_set_label (self->period_dropdown, _ ("Statement period"), NULL);
  g_signal_connect (self->person_dropdown, "notify::selected", G_CALLBACK (on_chosen), self);
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (on_chosen), self);
}

GtkWidget *
gs_statements_page_new (void)
{
  return g_object_new (GS_TYPE_STATEMENTS_PAGE, NULL);
}
