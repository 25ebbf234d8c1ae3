/* gs-comp-edits.c — edits of a plan's compensation section.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit copies the role's subtree, changes the copy and sets it back with
 * gs_plan_set: one undo step, checked by decoding the whole plan.  Current
 * values are read from the decoded model, never re-parsed from the text.
 * The copy shares the role's people list, which no edit here changes (a
 * role of thousands is mostly its people), and what is set back is only the
 * member that changed when one did (the OTE, one component): the undo step,
 * its comparison and the new tree then hold that member, not the role.
 */
#include "gs-comp-edits.h"
#include "gs-comp-edit-private.h"
#include "gs-error.h"
#include "gs-json.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static const char *const period_ids[] = { "monthly", "quarterly", "annual" };
static const char *const attain_ids[] = { "period", "ytd" };
static const char *const table_ids[] = { "flat", "marginal", "band" };
static const char *const basis_ids[] = { "attainment", "amount" };
static const char *const boundary_ids[] = { "upper", "lower" };

typedef GsCompEdit Edit;

static void
edit_clear (Edit *e)
{
  g_free (e->path);
  g_free (e->where);
  g_clear_pointer (&e->node, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Edit, edit_clear)

static gboolean G_GNUC_PRINTF (4, 0) refuse_va (GError **error, const char *path, const char *field,
                                                const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, "%s%s%s: %s", path, field ? "." : "",
               field ? field : "", message);
  return FALSE;
}

/* Refuses an edit with a message naming the object at path … */
static gboolean G_GNUC_PRINTF (3, 4)
    refuse (GError **error, const char *path, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  refuse_va (error, path, NULL, format, args);
  va_end (args);
  return FALSE;
}

/* … or its member field. */
static gboolean G_GNUC_PRINTF (4, 5)
    refuse_field (GError **error, const char *path, const char *field, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  refuse_va (error, path, field, format, args);
  va_end (args);
  return FALSE;
}

/* The compensation model with its quotas resolved (the decoded one when the
 * plan's figures do not compute); NULL when the plan has none. */
static const GsCompModel *
comp_of (GsPlan *plan)
{
  const GsCompModel *resolved = gs_plan_get_comp (plan, NULL);
  return resolved ? resolved : gs_plan_get_model (plan)->comp;
}

/* Starts an edit of role r, at component c (GS_COMP_WHOLE_ROLE: the role
 * itself, allowed only when whole_ok). */
static gboolean
begin (GsPlan *plan, guint r, guint c, gboolean whole_ok, Edit *e, GError **error)
{
  const GsCompModel *comp = comp_of (plan);
  JsonNode *node;

  e->plan = plan;
  e->comp = comp;
  if (comp == NULL)
    return refuse (error, "compensation", _ ("the plan has no compensation section"));
  e->path = g_strdup_printf ("compensation.roles[%u]", r);
  if (r >= comp->n_roles)
    return refuse (error, e->path, _ ("no such role (the plan has %u)"), comp->n_roles);
  e->role = &comp->roles[r];
  if (c == GS_COMP_WHOLE_ROLE && !whole_ok)
    return refuse (error, e->path, _ ("this edit needs a component"));
  if (c != GS_COMP_WHOLE_ROLE && c >= e->role->n_components)
    return refuse (error, e->path, _ ("no component %u (the role has %u)"), c,
                   e->role->n_components);
  /* The people still in the file's text stay there (null in the tree): an
   * edit of a role of 50,000 people costs what it changes. */
  node = gs_plan_lookup_above_lists (plan, e->path);
  g_return_val_if_fail (node && JSON_NODE_HOLDS_OBJECT (node), FALSE);
  /* Its own copy of every member but the people, shared with the tree. */
  e->node = gs_json_deep_copy_sharing (node, "people");
  if (c == GS_COMP_WHOLE_ROLE)
    {
      e->where = g_strdup (e->path);
      e->obj = json_node_get_object (e->node);
    }
  else
    {
      JsonArray *comps
          = json_object_get_array_member (json_node_get_object (e->node), "components");
      e->c = &e->role->components[c];
      e->where = g_strdup_printf ("%s.components[%u]", e->path, c);
      e->obj = json_array_get_object_element (comps, c);
    }
  return TRUE;
}

/* The one member of a (the role's, or its components' list) that differs
 * from b's, with its path under path; FALSE when none, several, or members
 * came or went. */
static gboolean
one_changed (JsonNode *a, JsonNode *b, const char *path, char **sub, JsonNode **node)
{
  *sub = NULL;
  *node = NULL;
  if (JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
    {
      JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;
      gboolean stopped = FALSE;
      if (json_object_get_size (oa) != json_object_get_size (ob))
        return FALSE;
      json_object_iter_init_ordered (&iter, oa);
      while (!stopped && json_object_iter_next_ordered (&iter, &key, &member))
        {
          JsonNode *other = json_object_get_member (ob, key);
          if (other == member || (other && gs_json_equal (member, other)))
            continue;                               /* the same (the people: shared) */
          stopped = other == NULL || *node != NULL; /* a member came, or a second changed */
          if (!stopped)
            {
              *sub = g_strdup_printf ("%s.%s", path, key);
              *node = member;
            }
        }
      if (stopped)
        {
          g_clear_pointer (sub, g_free);
          *node = NULL;
          return FALSE;
        }
      return *node != NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (a) && JSON_NODE_HOLDS_ARRAY (b))
    {
      JsonArray *xa = json_node_get_array (a), *xb = json_node_get_array (b);
      guint n = json_array_get_length (xa);
      if (n != json_array_get_length (xb))
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (!gs_json_equal (json_array_get_element (xa, i), json_array_get_element (xb, i)))
          {
            if (*node)
              {
                g_clear_pointer (sub, g_free);
                *node = NULL;
                return FALSE;
              }
            *sub = g_strdup_printf ("%s[%u]", path, i);
            *node = json_array_get_element (xa, i);
          }
      return *node != NULL;
    }
  return FALSE;
}

/* Sets the edited role back: only the member that changed when one did (a
 * component: only that component), else the whole role. */
static gboolean
commit (Edit *e, GError **error)
{
  JsonNode *before = gs_plan_lookup_above_lists (e->plan, e->path);
  g_autofree char *sub = NULL;
  JsonNode *node = NULL;
  JsonNode *whole, *people, *shared;
  if (before && one_changed (e->node, before, e->path, &sub, &node))
    {
      g_autofree char *inner = NULL;
      JsonNode *inner_node = NULL;
      JsonNode *was = gs_plan_lookup (e->plan, sub);
      /* One component changed: only it. */
      if (was && JSON_NODE_HOLDS_ARRAY (node) && g_str_has_suffix (sub, ".components")
          && one_changed (node, was, sub, &inner, &inner_node))
        return gs_plan_set (e->plan, inner, json_node_ref (inner_node), error);
      if (was)
        return gs_plan_set (e->plan, sub, json_node_ref (node), error);
    }
  /* The whole role set back: its people built into the tree first, and
   * into the copy in place of the null it shared while they were held in
   * the file's text. */
  whole = gs_plan_lookup (e->plan, e->path);
  people = whole ? json_object_get_member (json_node_get_object (whole), "people") : NULL;
  shared = json_object_get_member (json_node_get_object (e->node), "people");
  if (people != NULL && shared != NULL && shared != people)
    json_object_set_member (json_node_get_object (e->node), "people", json_node_ref (people));
  return gs_plan_set (e->plan, e->path, g_steal_pointer (&e->node), error);
}

static JsonNode *
money_node (const Edit *e, double minor_units)
{
  return gs_json_money_node ((GsMoney) llround (minor_units), e->comp->digits);
}

/* The same, for the structural and modifier edits in their own files. */
void
gs_comp_edit_clear (GsCompEdit *e)
{
  edit_clear (e);
}

gboolean
gs_comp_edit_begin (GsPlan *plan, guint role, guint component, GsCompEdit *e, GError **error)
{
  return begin (plan, role, component, TRUE, e, error);
}

gboolean
gs_comp_edit_commit (GsCompEdit *e, GError **error)
{
  return commit (e, error);
}

JsonNode *
gs_comp_edit_money (const GsCompEdit *e, double minor_units)
{
  return money_node (e, minor_units);
}

const GsCompModel *
gs_comp_edit_model (GsPlan *plan)
{
  return comp_of (plan);
}

/* A quantity of a measure as the file writes it. */
static JsonNode *
quantity_node (const Edit *e, GsMeasure measure, double value)
{
  if (gs_measure_unit (measure) == GS_MEASURE_UNIT_MONEY)
    return money_node (e, value);
  return json_node_init_double (json_node_alloc (), value);
}

static JsonObject *
child (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
child_array (JsonObject *obj, const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
is_set (GsPlan *plan, const char *path)
{
  JsonNode *node = gs_plan_lookup (plan, path);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

gboolean
gs_comp_quota_is_set (GsPlan *plan, guint role, guint component)
{
  g_autofree char *path
      = g_strdup_printf ("compensation.roles[%u].components[%u].quota", role, component);
  return is_set (plan, path);
}

gboolean
gs_comp_headcount_is_set (GsPlan *plan, guint role)
{
  g_autofree char *path = g_strdup_printf ("compensation.roles[%u].headcount", role);
  return is_set (plan, path);
}

gboolean
gs_comp_set_boundary_rule (GsPlan *plan, GsBoundary boundary, GError **error)
{
  if (comp_of (plan) == NULL)
    return refuse (error, "compensation", _ ("the plan has no compensation section"));
  if (boundary > GS_BOUNDARY_LOWER)
    return refuse (error, "compensation.boundary", _ ("is “upper” or “lower”"));
  return gs_plan_set_string (plan, "compensation.boundary", boundary_ids[boundary], error);
}

/* Role pay ------------------------------------------------------------------ */

static gboolean
set_name (Edit *e, const char *name, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  if (*stripped == '\0')
    return refuse (error, e->where, _ ("needs a name"));
  json_object_set_string_member (e->obj, "name", stripped);
  return commit (e, error);
}

gboolean
gs_comp_set_role_name (GsPlan *plan, guint role, const char *name, GError **error)
{
  g_auto (Edit) e = { 0 };
  return begin (plan, role, GS_COMP_WHOLE_ROLE, TRUE, &e, error) && set_name (&e, name, error);
}

gboolean
gs_comp_set_ote (GsPlan *plan, guint role, GsMoney ote, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, GS_COMP_WHOLE_ROLE, TRUE, &e, error))
    return FALSE;
  json_object_set_member (e.obj, "ote", money_node (&e, (double) ote));
  return commit (&e, error);
}

gboolean
gs_comp_set_pay_mix (GsPlan *plan, guint role, double pay_mix, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, GS_COMP_WHOLE_ROLE, TRUE, &e, error))
    return FALSE;
  if (!(pay_mix >= 0 && pay_mix <= 1))
    return refuse_field (
        error, e.path, "pay_mix",
        _ ("the pay mix is the target incentive's share of OTE, from 0 %% to 100 %%"));
  json_object_set_double_member (e.obj, "pay_mix", pay_mix);
  return commit (&e, error);
}

gboolean
gs_comp_set_headcount (GsPlan *plan, guint role, guint headcount, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, GS_COMP_WHOLE_ROLE, TRUE, &e, error))
    return FALSE;
  if (e.role->n_people && headcount != e.role->n_people)
    return refuse_field (
        error, e.path, "headcount",
        "the role lists %u people, so its headcount is %u (change the people instead)",
        e.role->n_people, e.role->n_people);
  json_object_set_int_member (e.obj, "headcount", headcount);
  return commit (&e, error);
}

gboolean
gs_comp_clear_headcount (GsPlan *plan, guint role, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, GS_COMP_WHOLE_ROLE, TRUE, &e, error))
    return FALSE;
  json_object_remove_member (e.obj, "headcount");
  return commit (&e, error);
}

gboolean
gs_comp_set_quota (GsPlan *plan, guint role, guint component, double quota, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  if (!(quota > 0) || !isfinite (quota))
    return refuse_field (error, e.where, "quota", _ ("a quota must be more than zero"));
  json_object_set_member (e.obj, "quota", quantity_node (&e, e.c->measure, quota));
  return commit (&e, error);
}

gboolean
gs_comp_clear_quota (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  json_object_remove_member (e.obj, "quota");
  return commit (&e, error);
}

/* Components ---------------------------------------------------------------- */

gboolean
gs_comp_set_component_name (GsPlan *plan, guint role, guint component, const char *name,
                            GError **error)
{
  g_auto (Edit) e = { 0 };
  return begin (plan, role, component, FALSE, &e, error) && set_name (&e, name, error);
}

gboolean
gs_comp_set_measure (GsPlan *plan, guint role, guint component, GsMeasure measure, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  if (measure >= GS_N_MEASURES)
    return refuse (error, e.where, _ ("no such measure"));
  if (measure == e.c->measure)
    return TRUE;
  if (e.c->table.basis == GS_BASIS_AMOUNT && gs_measure_unit (measure) != GS_MEASURE_UNIT_MONEY)
    return refuse (error, e.where,
                   _ ("the rate table pays a commission on an amount, and “%s” is not money; "
                      "switch the table to attainment first"),
                   gs_measure_label (measure));
  json_object_set_string_member (e.obj, "measure", gs_measure_id (measure));
  json_object_remove_member (e.obj, "quota");
  return commit (&e, error);
}

gboolean
gs_comp_set_weight (GsPlan *plan, guint role, guint component, double weight, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonArray *comps;
  const GsCompRole *r;
  double others = 0, given = 0;
  guint last = G_MAXUINT;

  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  r = e.role;
  if (!(weight >= 0 && weight <= 1))
    return refuse_field (error, e.where, "weight",
                         _ ("a weight is a share of the target incentive, 0 %% to 100 %%"));
  if (r->n_components == 1 && weight != 1)
    return refuse_field (error, e.where, "weight",
                         _ ("the only component carries the whole target incentive (100 %%); add "
                            "another component to share it"));
  comps = json_object_get_array_member (json_node_get_object (e.node), "components");
  for (guint i = 0; i < r->n_components; i++)
    if (i != component)
      {
        others += r->components[i].weight;
        last = i;
      }
  /* The others share 1 − weight in proportion to their weights (evenly if
   * they had none), rounded to 10^-6; the last takes the remainder so the
   * sum is exactly 100 %. */
  for (guint i = 0; i < r->n_components; i++)
    {
      double w;
      if (i == component)
        w = weight;
      else if (i == last)
        w = 1.0 - weight - given;
      else
        {
          w = others > 0 ? r->components[i].weight * (1.0 - weight) / others
                         : (1.0 - weight) / (r->n_components - 1);
          w = round (w * 1e6) / 1e6;
          given += w;
        }
      json_object_set_double_member (json_array_get_object_element (comps, i), "weight",
                                     fabs (w) < 1e-12 ? 0 : w);
    }
  return commit (&e, error);
}

gboolean
gs_comp_set_period (GsPlan *plan, guint role, guint component, GsPeriod period, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  if (period > GS_PERIOD_ANNUAL)
    return refuse (error, e.where, _ ("the period is monthly, quarterly or annual"));
  json_object_set_string_member (e.obj, "period", period_ids[period]);
  return commit (&e, error);
}

gboolean
gs_comp_set_attain_mode (GsPlan *plan, guint role, guint component, GsAttainMode mode,
                         GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  if (mode > GS_ATTAIN_YTD)
    return refuse (error, e.where, _ ("attainment is per period or year to date"));
  json_object_set_string_member (e.obj, "attainment", attain_ids[mode]);
  return commit (&e, error);
}

/* Rate tables --------------------------------------------------------------- */

/* A band boundary in the table's basis units as the file writes it. */
static JsonNode *
edge_node (const Edit *e, GsTableBasis basis, double value)
{
  if (basis == GS_BASIS_AMOUNT)
    return money_node (e, value);
  return json_node_init_double (json_node_alloc (), value);
}

/* The table's bands rewritten from the model (from, to, rate), in basis
 * units, each value passed through the conversion. */
static JsonArray *
bands_from_model (const Edit *e, GsTableBasis basis, double edge_factor, double rate_factor)
{
  const GsRateTable *t = &e->c->table;
  JsonArray *bands = json_array_new ();
  for (guint k = 0; k < t->n_bands; k++)
    {
      JsonObject *b = json_object_new ();
      json_object_set_member (b, "from", edge_node (e, basis, t->bands[k].from * edge_factor));
      if (!isinf (t->bands[k].to))
        json_object_set_member (b, "to", edge_node (e, basis, t->bands[k].to * edge_factor));
      json_object_set_double_member (b, "rate", t->bands[k].rate * rate_factor);
      json_array_add_object_element (bands, b);
    }
  return bands;
}

static gboolean
table_begin (GsPlan *plan, guint role, guint component, Edit *e, JsonObject **table, GError **error)
{
  if (!begin (plan, role, component, FALSE, e, error))
    return FALSE;
  *table = child (e->obj, "table");
  g_return_val_if_fail (*table != NULL, FALSE);
  return TRUE;
}

static gboolean
banded (const Edit *e, GError **error)
{
  if (e->c->table.kind == GS_TABLE_FLAT)
    return refuse (error, e->where,
                   _ ("a flat table has one rate and no bands; make it marginal or band first"));
  return TRUE;
}

gboolean
gs_comp_set_table_kind (GsPlan *plan, guint role, guint component, GsTableKind kind, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *table;
  const GsRateTable *t;

  if (!table_begin (plan, role, component, &e, &table, error))
    return FALSE;
  t = &e.c->table;
  if (kind > GS_TABLE_BAND)
    return refuse (error, e.where, _ ("a rate table is flat, marginal or band"));
  if (kind == t->kind)
    return TRUE;
  if (kind == GS_TABLE_FLAT)
    {
      json_object_remove_member (table, "bands");
      json_object_set_double_member (table, "rate", t->bands[0].rate);
    }
  else if (t->kind == GS_TABLE_FLAT)
    {
      JsonArray *bands = json_array_new ();
      JsonObject *band = json_object_new ();
      json_object_set_member (band, "from", edge_node (&e, t->basis, 0));
      json_object_set_double_member (band, "rate", t->bands[0].rate);
      json_array_add_object_element (bands, band);
      json_object_remove_member (table, "rate");
      json_object_set_array_member (table, "bands", bands);
    }
  json_object_set_string_member (table, "type", table_ids[kind]);
  return commit (&e, error);
}

gboolean
gs_comp_set_table_basis (GsPlan *plan, guint role, guint component, GsTableBasis basis,
                         GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *table;
  double quota, ti, edge_factor, rate_factor;

  if (!table_begin (plan, role, component, &e, &table, error))
    return FALSE;
  if (basis > GS_BASIS_AMOUNT)
    return refuse (error, e.where, _ ("a table's basis is attainment or amount"));
  if (basis == e.c->table.basis)
    return TRUE;
  if (basis == GS_BASIS_AMOUNT && gs_measure_unit (e.c->measure) != GS_MEASURE_UNIT_MONEY)
    return refuse (error, e.where,
                   _ ("a commission on the amount needs a money measure; “%s” is not one"),
                   gs_measure_label (e.c->measure));
  quota = e.c->quota;
  ti = (double) e.c->target_incentive;
  if (!(quota > 0) || !(ti > 0))
    return refuse (error, e.where,
                   _ ("the basis can only be switched with a quota and a target incentive above "
                      "zero (they convert the table)"));
  /* Attainment a is a × quota; a rate r per 100 % of quota pays r × ti on
   * quota, a commission of r × ti ÷ quota on the amount. */
  edge_factor = basis == GS_BASIS_AMOUNT ? quota : 1.0 / quota;
  rate_factor = basis == GS_BASIS_AMOUNT ? ti / quota : quota / ti;
  if (e.c->table.kind == GS_TABLE_FLAT)
    json_object_set_double_member (table, "rate", e.c->table.bands[0].rate * rate_factor);
  else
    json_object_set_array_member (table, "bands",
                                  bands_from_model (&e, basis, edge_factor, rate_factor));
  json_object_set_string_member (table, "basis", basis_ids[basis]);
  return commit (&e, error);
}

gboolean
gs_comp_set_band_rate (GsPlan *plan, guint role, guint component, guint band, double rate,
                       GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *table;

  if (!table_begin (plan, role, component, &e, &table, error))
    return FALSE;
  if (band >= e.c->table.n_bands)
    return refuse (error, e.where, _ ("the rate table has no band %u"), band + 1);
  if (e.c->table.kind == GS_TABLE_FLAT)
    json_object_set_double_member (table, "rate", rate);
  else
    json_object_set_double_member (
        json_array_get_object_element (child_array (table, "bands"), band), "rate", rate);
  return commit (&e, error);
}

gboolean
gs_comp_set_band_edge (GsPlan *plan, guint role, guint component, guint edge, double value,
                       GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *table;
  JsonArray *bands;
  guint n;

  if (!table_begin (plan, role, component, &e, &table, error) || !banded (&e, error))
    return FALSE;
  n = e.c->table.n_bands;
  if (edge > n)
    return refuse (error, e.where, _ ("the rate table has %u bands, so no boundary %u"), n,
                   edge + 1);
  if (!isfinite (value) || value < 0)
    return refuse_field (error, e.where, "table.bands", _ ("a band boundary is 0 or more"));
  bands = child_array (table, "bands");
  if (edge < n)
    json_object_set_member (json_array_get_object_element (bands, edge), "from",
                            edge_node (&e, e.c->table.basis, value));
  if (edge > 0)
    json_object_set_member (json_array_get_object_element (bands, edge - 1), "to",
                            edge_node (&e, e.c->table.basis, value));
  return commit (&e, error);
}

gboolean
gs_comp_add_band (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *table, *band, *last;
  JsonArray *bands;
  const GsRateTable *t;
  const GsBand *top;
  double end;

  if (!table_begin (plan, role, component, &e, &table, error) || !banded (&e, error))
    return FALSE;
  t = &e.c->table;
  top = &t->bands[t->n_bands - 1];
  bands = child_array (table, "bands");
  last = json_array_get_object_element (bands, t->n_bands - 1);
  end = top->to;
  if (isinf (end))
    {
      if (t->basis == GS_BASIS_AMOUNT)
        {
          /* The start again above it; 100,000 in major units from zero. */
          double major = pow (10, e.comp->digits);
          end = top->from > 0 ? top->from * 2 : 100000 * major;
        }
      else
        end = top->from + 0.5;
      json_object_set_member (last, "to", edge_node (&e, t->basis, end));
    }
  band = json_object_new ();
  json_object_set_member (band, "from", edge_node (&e, t->basis, end));
  json_object_set_double_member (band, "rate", top->rate);
  json_array_add_object_element (bands, band);
  return commit (&e, error);
}

gboolean
gs_comp_remove_band (GsPlan *plan, guint role, guint component, guint band, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *table, *gone;
  JsonArray *bands;
  guint n;

  if (!table_begin (plan, role, component, &e, &table, error) || !banded (&e, error))
    return FALSE;
  n = e.c->table.n_bands;
  if (band >= n)
    return refuse (error, e.where, _ ("the rate table has no band %u"), band + 1);
  if (n < 2)
    return refuse (error, e.where, _ ("a rate table keeps at least one band"));
  bands = child_array (table, "bands");
  gone = json_array_get_object_element (bands, band);
  if (band == 0)
    json_object_set_member (json_array_get_object_element (bands, 1), "from",
                            json_node_copy (json_object_get_member (gone, "from")));
  else
    {
      JsonObject *below = json_array_get_object_element (bands, band - 1);
      JsonNode *to = json_object_get_member (gone, "to");
      if (to)
        json_object_set_member (below, "to", json_node_copy (to));
      else
        json_object_remove_member (below, "to");
    }
  json_array_remove_element (bands, band);
  return commit (&e, error);
}

/* Modifiers ----------------------------------------------------------------- */

gboolean
gs_comp_add_accelerator (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonArray *tiers;
  JsonObject *tier;

  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  tiers = child_array (e.obj, "accelerators");
  if (tiers == NULL)
    {
      tiers = json_array_new ();
      json_object_set_array_member (e.obj, "accelerators", tiers);
    }
  tier = json_object_new ();
  json_object_set_double_member (tier, "above",
                                 e.c->n_tiers ? e.c->tiers[e.c->n_tiers - 1].above + 0.25 : 1.0);
  json_object_set_double_member (tier, "multiplier", 1.5);
  json_array_add_object_element (tiers, tier);
  return commit (&e, error);
}

static gboolean
tier_exists (const Edit *e, guint tier, GError **error)
{
  if (tier >= e->c->n_tiers)
    return refuse (error, e->where, _ ("no accelerator %u (the component has %u)"), tier + 1,
                   e->c->n_tiers);
  return TRUE;
}

gboolean
gs_comp_remove_accelerator (GsPlan *plan, guint role, guint component, guint tier, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonArray *tiers;

  if (!begin (plan, role, component, FALSE, &e, error) || !tier_exists (&e, tier, error))
    return FALSE;
  tiers = child_array (e.obj, "accelerators");
  json_array_remove_element (tiers, tier);
  if (json_array_get_length (tiers) == 0)
    json_object_remove_member (e.obj, "accelerators");
  return commit (&e, error);
}

gboolean
gs_comp_set_accelerator (GsPlan *plan, guint role, guint component, guint tier, double above,
                         double multiplier, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *t;

  if (!begin (plan, role, component, FALSE, &e, error) || !tier_exists (&e, tier, error))
    return FALSE;
  if (!(above >= 1))
    {
      g_autofree char *field = g_strdup_printf ("accelerators[%u].above", tier);
      return refuse_field (error, e.where, field,
                           _ ("an accelerator starts at 100 %% of quota or above (a decelerator "
                              "pays less below quota)"));
    }
  t = json_array_get_object_element (child_array (e.obj, "accelerators"), tier);
  json_object_set_double_member (t, "above", above);
  json_object_set_double_member (t, "multiplier", multiplier);
  return commit (&e, error);
}

static void
set_decelerator (JsonObject *obj, double below, double multiplier, gboolean retroactive)
{
  JsonObject *d = json_object_new ();
  json_object_set_double_member (d, "below", below);
  json_object_set_double_member (d, "multiplier", multiplier);
  json_object_set_boolean_member (d, "retroactive", retroactive);
  json_object_set_object_member (obj, "decelerator", d);
}

gboolean
gs_comp_add_decelerator (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  if (e.c->decel.present)
    return refuse (error, e.where, _ ("already has a decelerator"));
  set_decelerator (e.obj, 0.5, 0.5, FALSE);
  return commit (&e, error);
}

gboolean
gs_comp_remove_decelerator (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  if (!e.c->decel.present)
    return refuse (error, e.where, _ ("has no decelerator"));
  json_object_remove_member (e.obj, "decelerator");
  return commit (&e, error);
}

gboolean
gs_comp_set_decelerator (GsPlan *plan, guint role, guint component, double below, double multiplier,
                         gboolean retroactive, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, FALSE, &e, error))
    return FALSE;
  if (!e.c->decel.present)
    return refuse (error, e.where, _ ("has no decelerator; add one first"));
  if (!(below > 0 && below <= 1))
    return refuse_field (
        error, e.where, "decelerator.below",
        _ ("a decelerator applies below an attainment above 0 %% and up to 100 %%"));
  set_decelerator (e.obj, below, multiplier, retroactive);
  return commit (&e, error);
}

static const GsGate *
gate_of (const Edit *e)
{
  return e->c ? &e->c->gate : &e->role->gate;
}

static const GsCap *
cap_of (const Edit *e)
{
  return e->c ? &e->c->cap : &e->role->cap;
}

gboolean
gs_comp_add_gate (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *g;
  GsMeasure measure;

  if (!begin (plan, role, component, TRUE, &e, error))
    return FALSE;
  if (gate_of (&e)->present)
    return refuse (error, e.where, _ ("already has a gate"));
  measure = e.c ? e.c->measure : e.role->components[0].measure;
  g = json_object_new ();
  json_object_set_string_member (g, "measure", gs_measure_id (measure));
  json_object_set_double_member (g, "min_attainment", 0.5);
  json_object_set_object_member (e.obj, "gate", g);
  return commit (&e, error);
}

gboolean
gs_comp_remove_gate (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, TRUE, &e, error))
    return FALSE;
  if (!gate_of (&e)->present)
    return refuse (error, e.where, _ ("has no gate"));
  json_object_remove_member (e.obj, "gate");
  return commit (&e, error);
}

gboolean
gs_comp_set_gate (GsPlan *plan, guint role, guint component, GsMeasure measure,
                  double min_attainment, GError **error)
{
  g_auto (Edit) e = { 0 };
  JsonObject *g;

  if (!begin (plan, role, component, TRUE, &e, error))
    return FALSE;
  if (!gate_of (&e)->present)
    return refuse (error, e.where, _ ("has no gate; add one first"));
  if (measure >= GS_N_MEASURES)
    return refuse (error, e.where, _ ("no such measure"));
  g = child (e.obj, "gate");
  /* The gate's own quota belongs to its measure. */
  if (measure != gate_of (&e)->measure)
    json_object_remove_member (g, "quota");
  json_object_set_string_member (g, "measure", gs_measure_id (measure));
  json_object_set_double_member (g, "min_attainment", min_attainment);
  return commit (&e, error);
}

static gboolean
set_cap (Edit *e, const char *member, JsonNode *value, GError **error)
{
  JsonObject *c = json_object_new ();
  json_object_set_member (c, member, value);
  json_object_set_object_member (e->obj, "cap", c);
  return commit (e, error);
}

gboolean
gs_comp_add_cap (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, TRUE, &e, error))
    return FALSE;
  if (cap_of (&e)->present)
    return refuse (error, e.where, _ ("already has a cap"));
  return set_cap (&e, "of_target", json_node_init_double (json_node_alloc (), 2), error);
}

gboolean
gs_comp_remove_cap (GsPlan *plan, guint role, guint component, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, TRUE, &e, error))
    return FALSE;
  if (!cap_of (&e)->present)
    return refuse (error, e.where, _ ("has no cap"));
  json_object_remove_member (e.obj, "cap");
  return commit (&e, error);
}

gboolean
gs_comp_set_cap_of_target (GsPlan *plan, guint role, guint component, double multiple,
                           GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, TRUE, &e, error))
    return FALSE;
  return set_cap (&e, "of_target", json_node_init_double (json_node_alloc (), multiple), error);
}

gboolean
gs_comp_set_cap_amount (GsPlan *plan, guint role, guint component, GsMoney amount, GError **error)
{
  g_auto (Edit) e = { 0 };
  if (!begin (plan, role, component, TRUE, &e, error))
    return FALSE;
  return set_cap (&e, "amount", money_node (&e, (double) amount), error);
}
