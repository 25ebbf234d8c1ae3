/* gs-comp-extras.c — SPIFs, the draw, the clawback and discount modifiers.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-comp-extras.h"
#include "gs-comp-edit-private.h"
#include "gs-comp-edits.h"
#include "gs-error.h"
#include "gs-json.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

/* Refuses an edit with a message in words. */
static gboolean G_GNUC_PRINTF (2, 3) refuse (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, GS_ERROR, GS_ERROR_INVALID, message);
  return FALSE;
}

static JsonArray *
member_array (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Commits an edit of a field format 1.3 added: the plan's version is
 * raised to 1.3 in the same undo step when it is older. */
static gboolean
commit_1_3 (GsCompEdit *e, GError **error)
{
  JsonObject *root = json_node_get_object (gs_plan_get_root (e->plan));
  const char *version = json_object_get_string_member_with_default (root, "version", "1.0");
  guint major = 1, minor = 0;
  g_autoptr (JsonNode) copy = NULL;
  g_autofree char *v = NULL;

  if (sscanf (version, "%u.%u", &major, &minor) == 2 && minor >= GS_FORMAT_MINOR_DEAL_TERMS)
    return gs_comp_edit_commit (e, error);
  copy = gs_json_deep_copy (gs_plan_get_root (e->plan));
  if (!gs_json_replace (copy, e->path, g_steal_pointer (&e->node), error))
    return FALSE;
  v = g_strdup_printf ("%u.%d", major, GS_FORMAT_MINOR_DEAL_TERMS);
  json_object_set_string_member (json_node_get_object (copy), "version", v);
  return gs_plan_replace_root (e->plan, g_steal_pointer (&copy), error);
}

/* SPIFs ----------------------------------------------------------------------- */

static gboolean
spif_begin (GsPlan *plan, guint role, guint spif, GsCompEdit *e, JsonObject **obj, GError **error)
{
  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, e, error))
    return FALSE;
  if (spif >= e->role->n_spifs)
    return refuse (error, _ ("%s has no SPIF %u"), e->role->name, spif + 1);
  *obj = json_array_get_object_element (member_array (e->obj, "spifs"), spif);
  return TRUE;
}

static char *
iso_date (const GDate *date)
{
  char text[16];
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

gboolean
gs_comp_add_spif (GsPlan *plan, guint role, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  JsonArray *spifs;
  JsonObject *s;
  GDate to;
  g_autofree char *id = NULL, *from_text = NULL, *to_text = NULL;

  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (e.role->n_spifs >= GS_MAX_SPIFS)
    return refuse (error, _ ("%s has %u SPIFs, as many as a role can hold"), e.role->name,
                   e.role->n_spifs);
  for (guint k = 1; id == NULL; k++)
    {
      g_autofree char *candidate = k == 1 ? g_strdup ("spif") : g_strdup_printf ("spif-%u", k);
      gboolean taken = FALSE;
      for (guint i = 0; i < e.role->n_spifs; i++)
        taken = taken || g_strcmp0 (e.role->spifs[i].id, candidate) == 0;
      if (!taken)
        id = g_steal_pointer (&candidate);
    }
  spifs = member_array (e.obj, "spifs");
  if (spifs == NULL)
    {
      spifs = json_array_new ();
      json_object_set_array_member (e.obj, "spifs", spifs);
    }
  /* The plan's first quarter. */
  to = e.comp->start;
  g_date_add_months (&to, 3);
  g_date_subtract_days (&to, 1);
  from_text = iso_date (&e.comp->start);
  to_text = iso_date (&to);
  s = json_object_new ();
  json_object_set_string_member (s, "id", id);
  json_object_set_string_member (s, "name", _ ("New SPIF"));
  json_object_set_member (s, "amount", gs_comp_edit_money (&e, 500 * pow (10, e.comp->digits)));
  json_object_set_string_member (s, "from", from_text);
  json_object_set_string_member (s, "to", to_text);
  json_object_set_double_member (s, "expected_events", 1);
  json_array_add_object_element (spifs, s);
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_remove_spif (GsPlan *plan, guint role, guint spif, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  JsonObject *s;
  JsonArray *spifs;

  if (!spif_begin (plan, role, spif, &e, &s, error))
    return FALSE;
  spifs = member_array (e.obj, "spifs");
  json_array_remove_element (spifs, spif);
  if (json_array_get_length (spifs) == 0)
    json_object_remove_member (e.obj, "spifs");
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_spif_name (GsPlan *plan, guint role, guint spif, const char *name, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  JsonObject *s;

  if (!spif_begin (plan, role, spif, &e, &s, error))
    return FALSE;
  if (*stripped == '\0')
    return refuse (error, _ ("A SPIF needs a name (it was “%s”)"), e.role->spifs[spif].name);
  json_object_set_string_member (s, "name", stripped);
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_spif_amount (GsPlan *plan, guint role, guint spif, GsMoney amount, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  JsonObject *s;

  if (!spif_begin (plan, role, spif, &e, &s, error))
    return FALSE;
  if (amount <= 0)
    return refuse (error, _ ("SPIF “%s”: the amount per event must be more than zero"),
                   e.role->spifs[spif].name);
  json_object_set_member (s, "amount", gs_comp_edit_money (&e, (double) amount));
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_spif_dates (GsPlan *plan, guint role, guint spif, const GDate *from, const GDate *to,
                        GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  g_autofree char *from_text = NULL, *to_text = NULL;
  JsonObject *s;

  if (!spif_begin (plan, role, spif, &e, &s, error))
    return FALSE;
  if (!g_date_valid (from) || !g_date_valid (to) || g_date_compare (to, from) < 0)
    return refuse (error, _ ("SPIF “%s”: it ends on or after the day it starts"),
                   e.role->spifs[spif].name);
  from_text = iso_date (from);
  to_text = iso_date (to);
  json_object_set_string_member (s, "from", from_text);
  json_object_set_string_member (s, "to", to_text);
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_spif_events (GsPlan *plan, guint role, guint spif, double expected_events,
                         GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  JsonObject *s;

  if (!spif_begin (plan, role, spif, &e, &s, error))
    return FALSE;
  if (!(expected_events >= 0 && expected_events <= 1e6))
    return refuse (error, _ ("SPIF “%s”: the events expected per person are 0 to 1,000,000"),
                   e.role->spifs[spif].name);
  json_object_set_double_member (s, "expected_events", expected_events);
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_spif_rule (GsPlan *plan, guint role, guint spif, const GsSpifRule *rule, GError **error)
{
  static const char *const types[] = { NULL, "new", "existing" };
  g_auto (GsCompEdit) e = { 0 };
  const GsModel *m = gs_plan_get_model (plan);
  JsonObject *s, *q;

  if (!spif_begin (plan, role, spif, &e, &s, error))
    return FALSE;
  if (rule == NULL || !rule->present)
    {
      if (!e.role->spifs[spif].rule.present)
        return TRUE;
      json_object_remove_member (s, "qualifies");
      return gs_comp_edit_commit (&e, error);
    }
  if (rule->min_amount < 0)
    return refuse (error, _ ("SPIF “%s”: the smallest qualifying deal cannot be negative"),
                   e.role->spifs[spif].name);
  if (rule->max_discount > 1)
    return refuse (error, _ ("SPIF “%s”: a discount is at most 100 %% of the list price"),
                   e.role->spifs[spif].name);
  if (rule->min_term_months > GS_MAX_TERM_MONTHS)
    return refuse (error, _ ("SPIF “%s”: a term is at most %d months"), e.role->spifs[spif].name,
                   GS_MAX_TERM_MONTHS);
  q = json_object_new ();
  if (rule->min_amount > 0)
    json_object_set_member (q, "min_amount", gs_comp_edit_money (&e, (double) rule->min_amount));
  if (rule->n_sources > 0)
    {
      JsonArray *ids = json_array_new ();
      for (guint i = 0; i < rule->n_sources; i++)
        {
          if (rule->sources[i] < 0 || (guint) rule->sources[i] >= m->n_sources)
            {
              json_array_unref (ids);
              json_object_unref (q);
              return refuse (error, _ ("SPIF “%s”: that source is not one of the plan's"),
                             e.role->spifs[spif].name);
            }
          json_array_add_string_element (ids, m->sources[rule->sources[i]].id);
        }
      json_object_set_array_member (q, "sources", ids);
    }
  if (rule->deal_type != GS_DEAL_TYPE_UNKNOWN)
    json_object_set_string_member (q, "deal_type", types[rule->deal_type]);
  if (rule->min_term_months > 0)
    json_object_set_int_member (q, "min_term_months", rule->min_term_months);
  if (rule->max_discount >= 0)
    json_object_set_double_member (q, "max_discount", rule->max_discount);
  if (rule->tagged)
    json_object_set_boolean_member (q, "tagged", TRUE);
  json_object_set_object_member (s, "qualifies", q);
  return commit_1_3 (&e, error);
}

gboolean
gs_comp_set_spif_rule_source (GsPlan *plan, guint role, guint spif, guint source, gboolean included,
                              GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  g_auto (GsCompEdit) e = { 0 };
  g_autofree int *sources = NULL;
  const GsSpif *s;
  JsonObject *obj;
  GsSpifRule rule;
  gboolean was = FALSE;
  guint n = 0;

  if (!spif_begin (plan, role, spif, &e, &obj, error))
    return FALSE;
  s = &e.role->spifs[spif];
  if (source >= m->n_sources)
    return refuse (error, _ ("SPIF “%s”: that source is not one of the plan's"), s->name);
  if (!s->rule.present)
    return refuse (error, _ ("SPIF “%s” has no rule to limit to sources: add one first"), s->name);
  for (guint i = 0; i < s->rule.n_sources; i++)
    was = was || s->rule.sources[i] == (int) source;
  if (was == !!included)
    return TRUE;
  /* In the plan's order of sources, whichever order the file wrote them in. */
  sources = g_new (int, m->n_sources);
  for (guint k = 0; k < m->n_sources; k++)
    {
      gboolean in = k == source && included;
      for (guint i = 0; !in && k != source && i < s->rule.n_sources; i++)
        in = s->rule.sources[i] == (int) k;
      if (in)
        sources[n++] = (int) k;
    }
  rule = s->rule;
  rule.sources = sources;
  rule.n_sources = n;
  return gs_comp_set_spif_rule (plan, role, spif, &rule, error);
}

/* Draw and clawback ----------------------------------------------------------- */

static gboolean
set_draw (GsCompEdit *e, GsMoney amount, guint months, gboolean recoverable, GError **error)
{
  JsonObject *d = json_object_new ();
  if (amount <= 0)
    {
      json_object_unref (d);
      return refuse (error, _ ("%s: a draw pays more than zero a month"), e->role->name);
    }
  if (months < 1 || months > GS_COMP_MONTHS)
    {
      json_object_unref (d);
      return refuse (error, _ ("%s: a draw runs for 1 to %u months"), e->role->name,
                     GS_COMP_MONTHS);
    }
  json_object_set_member (d, "amount", gs_comp_edit_money (e, (double) amount));
  json_object_set_int_member (d, "months", months);
  json_object_set_boolean_member (d, "recoverable", recoverable);
  json_object_set_object_member (e->obj, "draw", d);
  return gs_comp_edit_commit (e, error);
}

gboolean
gs_comp_add_draw (GsPlan *plan, guint role, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  GsMoney monthly;

  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (e.role->draw.present)
    return refuse (error, _ ("%s already has a draw"), e.role->name);
  /* A month's share of the target incentive: what a rep on plan earns. */
  monthly = (GsMoney) llround ((double) e.role->target_incentive / 12.0);
  return set_draw (&e, monthly > 0 ? monthly : 1, 3, TRUE, error);
}

gboolean
gs_comp_remove_draw (GsPlan *plan, guint role, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (!e.role->draw.present)
    return refuse (error, _ ("%s has no draw"), e.role->name);
  json_object_remove_member (e.obj, "draw");
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_draw (GsPlan *plan, guint role, GsMoney amount, guint months, gboolean recoverable,
                  GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (!e.role->draw.present)
    return refuse (error, _ ("%s has no draw; add one first"), e.role->name);
  return set_draw (&e, amount, months, recoverable, error);
}

/* The clawback written whole: its window, and its share when below 100 %
 * (format 1.3). */
static gboolean
set_clawback (GsCompEdit *e, guint days, double share, GError **error)
{
  JsonObject *c;
  if (days < 1 || days > 3650)
    return refuse (error, _ ("%s: a clawback window is 1 to 3,650 days"), e->role->name);
  if (!(share > 0 && share <= 1))
    return refuse (error, _ ("%s: a clawback takes back more than 0 %% and at most 100 %%"),
                   e->role->name);
  c = json_object_new ();
  json_object_set_int_member (c, "days", days);
  if (share != 1)
    json_object_set_double_member (c, "share", share);
  json_object_set_object_member (e->obj, "clawback", c);
  return share != 1 ? commit_1_3 (e, error) : gs_comp_edit_commit (e, error);
}

gboolean
gs_comp_add_clawback (GsPlan *plan, guint role, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (e.role->clawback.present)
    return refuse (error, _ ("%s already has a clawback"), e.role->name);
  return set_clawback (&e, 90, 1, error);
}

gboolean
gs_comp_remove_clawback (GsPlan *plan, guint role, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (!e.role->clawback.present)
    return refuse (error, _ ("%s has no clawback"), e.role->name);
  json_object_remove_member (e.obj, "clawback");
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_clawback_days (GsPlan *plan, guint role, guint days, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (!e.role->clawback.present)
    return refuse (error, _ ("%s has no clawback; add one first"), e.role->name);
  return set_clawback (&e, days, e.role->clawback.share, error);
}

gboolean
gs_comp_set_clawback_share (GsPlan *plan, guint role, double share, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  if (!gs_comp_edit_begin (plan, role, GS_COMP_WHOLE_ROLE, &e, error))
    return FALSE;
  if (!e.role->clawback.present)
    return refuse (error, _ ("%s has no clawback; add one first"), e.role->name);
  return set_clawback (&e, e.role->clawback.days, share, error);
}

/* Discount modifier ----------------------------------------------------------- */

static JsonObject *
discount_row (double from, double to, double multiplier)
{
  JsonObject *row = json_object_new ();
  json_object_set_double_member (row, "from", from);
  if (!isinf (to))
    json_object_set_double_member (row, "to", to);
  json_object_set_double_member (row, "multiplier", multiplier);
  return row;
}

gboolean
gs_comp_add_discount_row (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  JsonArray *rows;
  const GsBand *last;
  double start;

  if (component == GS_COMP_WHOLE_ROLE)
    return refuse (error, _ ("A discount modifier belongs to a component"));
  if (!gs_comp_edit_begin (plan, role, component, &e, error))
    return FALSE;
  rows = member_array (e.obj, "discount_modifier");
  if (rows == NULL || e.c->n_discount == 0)
    {
      rows = json_array_new ();
      json_array_add_object_element (rows, discount_row (0, INFINITY, 1));
      json_object_set_array_member (e.obj, "discount_modifier", rows);
      return gs_comp_edit_commit (&e, error);
    }
  if (e.c->n_discount >= GS_MAX_BANDS)
    return refuse (error, _ ("%s: the discount table has as many rows as it can hold"), e.c->name);
  last = &e.c->discount[e.c->n_discount - 1];
  start = isinf (last->to) ? MIN (last->from + 0.1, 1.0) : last->to;
  if (isinf (last->to))
    {
      if (!(start > last->from))
        return refuse (error,
                       _ ("%s: the last discount row starts at 100 %% already; no row fits above "
                          "it"),
                       e.c->name);
      json_object_set_double_member (json_array_get_object_element (rows, e.c->n_discount - 1),
                                     "to", start);
    }
  json_array_add_object_element (rows, discount_row (start, INFINITY, last->rate));
  return gs_comp_edit_commit (&e, error);
}

static gboolean
discount_begin (GsPlan *plan, guint role, guint component, guint row, GsCompEdit *e,
                JsonArray **rows, GError **error)
{
  if (component == GS_COMP_WHOLE_ROLE)
    return refuse (error, _ ("A discount modifier belongs to a component"));
  if (!gs_comp_edit_begin (plan, role, component, e, error))
    return FALSE;
  if (row >= e->c->n_discount)
    return refuse (error, _ ("%s has no discount row %u"), e->c->name, row + 1);
  *rows = member_array (e->obj, "discount_modifier");
  return TRUE;
}

gboolean
gs_comp_remove_discount_row (GsPlan *plan, guint role, guint component, guint row, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  JsonArray *rows;
  guint n;

  if (!discount_begin (plan, role, component, row, &e, &rows, error))
    return FALSE;
  n = e.c->n_discount;
  if (n == 1)
    json_object_remove_member (e.obj, "discount_modifier");
  else
    {
      /* The neighbour below takes over the row's range (the one above, for the first). */
      const GsBand *gone = &e.c->discount[row];
      if (row == 0)
        json_object_set_double_member (json_array_get_object_element (rows, 1), "from", 0);
      else if (isinf (gone->to))
        json_object_remove_member (json_array_get_object_element (rows, row - 1), "to");
      else
        json_object_set_double_member (json_array_get_object_element (rows, row - 1), "to",
                                       gone->to);
      json_array_remove_element (rows, row);
    }
  return gs_comp_edit_commit (&e, error);
}

gboolean
gs_comp_set_discount_row (GsPlan *plan, guint role, guint component, guint row, double from,
                          double multiplier, GError **error)
{
  g_auto (GsCompEdit) e = { 0 };
  g_autofree char *low = NULL, *high = NULL;
  const GsBand *d;
  JsonArray *rows;

  if (!discount_begin (plan, role, component, row, &e, &rows, error))
    return FALSE;
  d = e.c->discount;
  if (!(multiplier >= 0 && multiplier <= 1))
    return refuse (error, _ ("%s: a discount multiplier is from 0 to 1 (it scales pay down)"),
                   e.c->name);
  if (row == 0 && from != 0)
    return refuse (error, _ ("%s: the first discount row starts at 0 %%"), e.c->name);
  low = gs_trace_percent (row > 0 ? d[row - 1].from : 0);
  high = gs_trace_percent (isinf (d[row].to) ? 1 : d[row].to);
  if (row > 0 && !(from > d[row - 1].from && from < (isinf (d[row].to) ? 1.000001 : d[row].to)))
    return refuse (error,
                   _ ("%s: discount row %u starts above the row before it (%s) and below where it "
                      "ends (%s)"),
                   e.c->name, row + 1, low, high);
  json_object_set_double_member (json_array_get_object_element (rows, row), "from", from);
  json_object_set_double_member (json_array_get_object_element (rows, row), "multiplier",
                                 multiplier);
  if (row > 0)
    json_object_set_double_member (json_array_get_object_element (rows, row - 1), "to", from);
  return gs_comp_edit_commit (&e, error);
}
