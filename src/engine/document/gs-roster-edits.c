/* gs-roster-edits.c — the roster's people added, removed, re-addressed.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-roster-edits.h"
#include "gs-actuals-edits.h"
#include "gs-actuals-json.h"
#include "gs-comp.h"
#include "gs-error.h"
#include "gs-json.h"
#include "gs-roster.h"

#include <glib/gi18n-lib.h>
#include <string.h>

const char *
gs_roster_role_for (GsPlan *plan, const char *role, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsCompModel *comp;

  if (role == NULL || *role == '\0')
    return m->actuals ? m->actuals->mapping.owner_role : "ae";
  if (m->comp == NULL)
    {
      if (gs_json_valid_id (role))
        return role;
    }
  else if ((comp = gs_plan_get_comp (plan, error)) == NULL)
    return NULL;
  else
    for (guint r = 0; r < comp->n_roles; r++)
      if (strcmp (comp->roles[r].id, role) == 0)
        return comp->roles[r].id;
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("“%s” is not a role of the compensation plan"),
               role);
  return NULL;
}

static gboolean
check_quota (GsMoney quota, GError **error)
{
  if (quota >= 0)
    return TRUE;
  g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("a quota cannot be negative"));
  return FALSE;
}

gboolean
gs_plan_add_person (GsPlan *plan, const GsNewPerson *person, guint *index, GError **error)
{
  const GsModel *m = gs_plan_get_model (plan);
  const GsActualsData *d = m->actuals;
  g_autofree char *name = NULL, *email = NULL, *id = NULL;
  const char *role;
  gboolean ok;
  JsonObject *o;
  JsonNode *list;

  if ((name = gs_roster_check_name (d, person->name, -1, error)) == NULL)
    return FALSE;
  email = gs_roster_check_email (d, person->email, -1, &ok, error);
  if (!ok || (role = gs_roster_role_for (plan, person->role, error)) == NULL
      || !check_quota (person->quota, error))
    return FALSE;
  if (d && d->n_people >= GS_MAX_ROSTER)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the roster holds %d people, the most it can"), GS_MAX_ROSTER);
      return FALSE;
    }
  if (d == NULL)
    {
      /* The first person of a plan without actuals: the section with them. */
      g_autoptr (GsActualsData) data = gs_actuals_data_new (m->n_stages);
      GsPerson *p;
      data->people = g_new0 (GsPerson, 1);
      p = &data->people[0];
      p->id = gs_roster_new_id (data, name); /* before n_people counts them */
      data->n_people = 1;
      p->name = g_strdup (name);
      p->email = g_strdup (email);
      p->role = g_strdup (role);
      p->quota = person->quota;
      if (!gs_plan_set_actuals (plan, data, error))
        return FALSE;
      if (index)
        *index = 0;
      return TRUE;
    }

  id = gs_roster_new_id (d, name);
  o = json_object_new ();
  json_object_set_string_member (o, "id", id);
  json_object_set_string_member (o, "name", name);
  if (email)
    json_object_set_string_member (o, "email", email);
  json_object_set_string_member (o, "role", role);
  if (person->quota > 0)
    json_object_set_member (o, "quota", gs_json_money_node (person->quota, m->company.digits));
  {
    JsonNode *old = gs_plan_lookup (plan, "actuals.people");
    list = old && JSON_NODE_HOLDS_ARRAY (old) ? gs_json_deep_copy (old)
                                              : gs_actuals_json_take_array (json_array_new ());
  }
  json_array_add_object_element (json_node_get_array (list), o);
  if (index)
    *index = d->n_people;
  return gs_plan_set (plan, "actuals.people", list, error);
}

static const GsPerson *
person_at (GsPlan *plan, guint index, GError **error)
{
  const GsActualsData *d = gs_plan_get_model (plan)->actuals;
  if (d == NULL || index >= d->n_people)
    {
      /* Translators: %u is a position in the roster, counted from 1. */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("the roster has no person %u"), index + 1);
      return NULL;
    }
  return &d->people[index];
}

gboolean
gs_plan_remove_person (GsPlan *plan, guint index, GError **error)
{
  const GsActualsData *d = gs_plan_get_model (plan)->actuals;
  const GsPerson *p = person_at (plan, index, error);
  g_autoptr (JsonNode) list = NULL;
  guint n;

  if (p == NULL)
    return FALSE;
  n = gs_roster_person_records (d, index);
  if (n > 0)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   /* Translators: a person's name and how many records name them. */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s is named on %u record of the actuals (a deal, lead or dispute "
                                "note), so cannot be removed from the roster",
                                "%s is named on %u records of the actuals (deals, leads or dispute "
                                "notes), so cannot be removed from the roster",
                                n),
                   p->name, n);
      return FALSE;
    }
  list = gs_json_deep_copy (gs_plan_lookup (plan, "actuals.people"));
  json_array_remove_element (json_node_get_array (list), index);
  return gs_plan_set (plan, "actuals.people", g_steal_pointer (&list), error);
}

gboolean
gs_plan_set_person_email (GsPlan *plan, guint index, const char *email, GError **error)
{
  const GsActualsData *d = gs_plan_get_model (plan)->actuals;
  g_autofree char *path = g_strdup_printf ("actuals.people[%u]", index);
  g_autofree char *clean = NULL;
  JsonNode *copy;
  gboolean ok;

  if (person_at (plan, index, error) == NULL)
    return FALSE;
  clean = gs_roster_check_email (d, email, (int) index, &ok, error);
  if (!ok)
    return FALSE;
  copy = gs_json_deep_copy (gs_plan_lookup (plan, path));
  if (clean)
    json_object_set_string_member (json_node_get_object (copy), "email", clean);
  else
    json_object_remove_member (json_node_get_object (copy), "email");
  return gs_plan_set (plan, path, copy, error);
}
