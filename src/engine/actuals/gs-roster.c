/* gs-roster.c — matching owners to people.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-roster.h"
#include "gs-error.h"
#include "gs-json.h"

#include <glib/gi18n-lib.h>

#include <string.h>

char *
gs_roster_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, g_ascii_tolower (*p));
    }
  if (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Splits "Name (mail@x)" / "Name <mail@x>" / "mail@x" / "Name". */
static void
split_owner (const char *owner, char **name, char **email)
{
  const char *open = strpbrk (owner, "(<");
  *name = NULL;
  *email = NULL;
  if (open && strchr (open, '@'))
    {
      *name = g_strstrip (g_strndup (owner, open - owner));
      *email = g_strstrip (g_strndup (open + 1, strcspn (open + 1, ")>")));
    }
  else if (strchr (owner, '@'))
    *email = g_strstrip (g_strdup (owner));
  else
    *name = g_strstrip (g_strdup (owner));
  if (*name && **name == '\0')
    g_clear_pointer (name, g_free);
}

/* A person's name (or the e-mail standing for it) must fit the plan's
 * limit on names (gs-model.h), or the plan saved after the import could not
 * be read again. */
static gboolean
check_length (const char *name, const char *email, GError **error)
{
  glong n = name ? g_utf8_strlen (name, -1) : 0;
  glong e = email ? g_utf8_strlen (email, -1) : 0;
  if (n > GS_MAX_NAME)
    /* The plan's own words for a name too long (gs-json.c). */
    g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                 _ ("a name of %ld characters; at most %u are allowed"), n, (guint) GS_MAX_NAME);
  else if (e > GS_MAX_NAME)
    g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                 _ ("an e-mail address of %ld characters; at most %u are allowed"), e,
                 (guint) GS_MAX_NAME);
  else
    return TRUE;
  return FALSE;
}

/* The base is cut so "_12" still fits the limit on ids. */
static char *
unique_id (const GsActualsData *d, const char *base)
{
  char *id = g_strndup (base, GS_MAX_NAME - 12);
  for (guint n = 2;; n++)
    {
      gboolean used = FALSE;
      for (guint i = 0; i < d->n_people && !used; i++)
        used = strcmp (d->people[i].id, id) == 0;
      if (!used)
        return id;
      g_free (id);
      id = g_strdup_printf ("%s_%u", base, n);
    }
}

char *
gs_roster_key (const char *text, char separator)
{
  g_autofree char *folded = gs_roster_fold (text);
  GString *out = g_string_new (NULL);
  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
    else if (separator && out->len && out->str[out->len - 1] != separator)
      g_string_append_c (out, separator);
  while (out->len && out->str[out->len - 1] == separator)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

int
gs_roster_match (GsActualsData *d, const char *owner, const char *role, gboolean *added,
                 GError **error)
{
  g_autofree char *name = NULL, *email = NULL, *fname = NULL, *femail = NULL;
  GsPerson *p;

  *added = FALSE;
  if (owner == NULL || *owner == '\0')
    return -1;
  split_owner (owner, &name, &email);
  if (!check_length (name, email, error))
    return -2;
  fname = name ? gs_roster_fold (name) : NULL;
  femail = email ? gs_roster_fold (email) : NULL;
  for (guint i = 0; i < d->n_people; i++)
    {
      g_autofree char *pn = gs_roster_fold (d->people[i].name);
      g_autofree char *pe = d->people[i].email ? gs_roster_fold (d->people[i].email) : NULL;
      if ((fname && strcmp (pn, fname) == 0) || (femail && pe && strcmp (pe, femail) == 0)
          || (femail && strcmp (pn, femail) == 0))
        {
          /* A later export may add the e-mail the first one lacked. */
          if (email && d->people[i].email == NULL)
            d->people[i].email = g_strdup (email);
          return (int) i;
        }
    }
  if (d->n_people >= GS_MAX_ROSTER)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("the roster holds %d people, the most it can; this owner is new"),
                   GS_MAX_ROSTER);
      return -2;
    }
  d->people = g_renew (GsPerson, d->people, d->n_people + 1);
  p = &d->people[d->n_people];
  memset (p, 0, sizeof *p);
  p->name = g_strdup (name ? name : email);
  p->email = g_steal_pointer (&email);
  p->id = gs_roster_new_id (d, p->name);
  p->role = g_strdup (role);
  *added = TRUE;
  return (int) d->n_people++;
}

char *
gs_roster_new_id (const GsActualsData *d, const char *name)
{
  g_autofree char *id = gs_roster_key (name, '_');
  return unique_id (d, *id ? id : "person");
}

char *
gs_roster_check_name (const GsActualsData *d, const char *name, int except, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *folded = NULL;
  glong n = g_utf8_strlen (stripped, -1);

  if (*stripped == '\0')
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("A person needs a name."));
      return NULL;
    }
  if (n > GS_MAX_NAME)
    {
      /* The plan's own words for a name too long (gs-json.c). */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("a name of %ld characters; at most %u are allowed"), n, (guint) GS_MAX_NAME);
      return NULL;
    }
  folded = gs_roster_fold (stripped);
  for (guint i = 0; d && i < d->n_people; i++)
    {
      g_autofree char *other = NULL;
      if ((int) i == except)
        continue;
      other = gs_roster_fold (d->people[i].name);
      if (strcmp (other, folded) == 0)
        {
          /* Translators: the name already on the roster, as it is written there. */
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("There is already a person named “%s” on the roster; choose another "
                          "name."),
                       d->people[i].name);
          return NULL;
        }
    }
  return g_steal_pointer (&stripped);
}

char *
gs_roster_check_email (const GsActualsData *d, const char *email, int except, gboolean *ok,
                       GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (email ? email : ""));
  g_autofree char *folded = NULL;
  glong n = g_utf8_strlen (stripped, -1);

  *ok = TRUE;
  if (*stripped == '\0')
    return NULL;
  *ok = FALSE;
  if (n > GS_MAX_NAME)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("an e-mail address of %ld characters; at most %u are allowed"), n,
                   (guint) GS_MAX_NAME);
      return NULL;
    }
  if (strchr (stripped, '@') == NULL || strpbrk (stripped, " \t<>()") != NULL)
    {
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                   _ ("“%s” is not an e-mail address (like ann@example.com)"), stripped);
      return NULL;
    }
  folded = gs_roster_fold (stripped);
  for (guint i = 0; d && i < d->n_people; i++)
    {
      g_autofree char *other = NULL;
      if ((int) i == except || d->people[i].email == NULL)
        continue;
      other = gs_roster_fold (d->people[i].email);
      if (strcmp (other, folded) == 0)
        {
          /* Translators: an e-mail address, then the name of the person who has it. */
          g_set_error (error, GS_ERROR, GS_ERROR_INVALID,
                       _ ("%s is already the e-mail address of %s"), stripped, d->people[i].name);
          return NULL;
        }
    }
  *ok = TRUE;
  return g_steal_pointer (&stripped);
}

static gboolean
credited (const GsDealCredit *credits, guint n, guint person)
{
  for (guint i = 0; i < n; i++)
    if (credits[i].person == (int) person)
      return TRUE;
  return FALSE;
}

guint
gs_roster_person_records (const GsActualsData *d, guint person)
{
  guint n = 0;
  for (guint i = 0; i < d->n_deals; i++)
    {
      const GsActualDeal *a = &d->deals[i];
      if (a->owner == (int) person || credited (a->splits, a->n_splits, person)
          || credited (a->overlays, a->n_overlays, person))
        n++;
    }
  for (guint i = 0; i < d->n_leads; i++)
    if (d->leads[i].owner == (int) person)
      n++;
  for (guint i = 0; i < d->n_disputes; i++)
    if (d->disputes[i].person == (int) person)
      n++;
  return n;
}
