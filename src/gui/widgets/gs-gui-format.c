/* gs-gui-format.c — figures in widgets: cells by unit, input fields.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gs-gui-format.h"
#include "gs-error.h"
#include "gs-format.h"
#include "gs-meeting.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

static void
locale_marks (const char **decimal, const char **group)
{
  struct lconv *lc = localeconv ();
  *decimal = (lc->decimal_point && *lc->decimal_point) ? lc->decimal_point : ".";
  /* Locales without grouping (C) still get the engine's commas: 12,400 reads better. */
  *group = (lc->thousands_sep && *lc->thousands_sep) ? lc->thousands_sep : ",";
  if (g_strcmp0 (*group, *decimal) == 0)
    *group = " ";
}

/* Swaps the C separators for the locale's; a one-pass walk so "," never
 * becomes "." and back again. */
char *
gs_format_localize (const char *c_text)
{
  const char *decimal, *group;
  GString *out;

  if (c_text == NULL)
    return NULL;
  locale_marks (&decimal, &group);
  if (strcmp (decimal, ".") == 0 && strcmp (group, ",") == 0)
    return g_strdup (c_text);
  out = g_string_sized_new (strlen (c_text) + 4);
  for (const char *p = c_text; *p; p++)
    {
      /* Only separators between digits are numbers' marks; "a, b" stays prose. */
      gboolean between = p > c_text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]);
      if (*p == ',' && between)
        g_string_append (out, group);
      else if (*p == '.' && between)
        g_string_append (out, decimal);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
gs_format_amount (GsMoney value, const char *currency, guint digits, gboolean compact)
{
  return gs_format_money (value, digits, currency,
                          compact ? GS_MONEY_FORMAT_COMPACT : GS_MONEY_FORMAT_WHOLE);
}

/* The style class of the engine's verdict on a change: colour says good or
 * bad, not up or down (docs/meeting.md); a neutral change stays plain. */
const char *
gs_verdict_css_class (GsVerdict verdict)
{
  switch (verdict)
    {
    case GS_VERDICT_GOOD:
      return "success";
    case GS_VERDICT_BAD:
      return "error";
    case GS_VERDICT_NEUTRAL:
    case GS_VERDICT_SAME:
    default:
      return NULL;
    }
}

/* The engine's delta text ("↑ 40", "↓ 12.5 %"), localized; the class is
 * the engine's verdict on it by what the line means (gs_verdict_css_class). */
char *
gs_format_delta (const GsModel *model, const GsGoalLine *line, const GsCell *now,
                 const GsCell *before, const char **css_class)
{
  g_autofree char *c = gs_meeting_delta_text (model, line, now, before);
  *css_class = NULL;
  if (c == NULL)
    return NULL;
  *css_class = gs_verdict_css_class (gs_meeting_delta_verdict (line, now, before));
  return g_steal_pointer (&c);
}

/* Input text: no grouping, the locale's decimal mark, trailing zeros cut. */
char *
gs_format_input_number (double value, int max_decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;
  g_ascii_formatd (buf, sizeof buf, max_decimals == 0 ? "%.0f" : "%.6f", value);
  dot = strchr (buf, '.');
  if (dot)
    {
      char *end = buf + strlen (buf) - 1;
      if (max_decimals > 0 && (int) strlen (dot + 1) > max_decimals)
        dot[max_decimals + 1] = '\0', end = dot + max_decimals;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  if (g_strcmp0 (buf, "-0") == 0)
    return g_strdup ("0");
  return gs_format_localize (buf);
}

/* Accepts the locale's marks and the C ones: removes grouping, spaces, unit
 * signs, and turns the decimal mark into '.'.  Returns NULL for text that has
 * anything else in it. */
char *
gs_format_normalize_number (const char *text)
{
  const char *decimal, *group;
  GString *out = g_string_new (NULL);
  gboolean seen_decimal = FALSE;
  gboolean unit_after = FALSE;

  locale_marks (&decimal, &group);
  for (const char *p = text; *p;)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if (g_ascii_isdigit (c))
        {
          if (unit_after)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append_c (out, (char) c);
        }
      else if ((c == '-' || c == 0x2212) && out->len == 0)
        g_string_append_c (out, '-');
      else if (c == '+' && out->len == 0)
        ;
      else if (strncmp (p, decimal, strlen (decimal)) == 0 && !seen_decimal)
        {
          g_string_append_c (out, '.');
          seen_decimal = TRUE;
          next = p + strlen (decimal);
        }
      else if (c == '.' && !seen_decimal && strcmp (decimal, ".") != 0
               && strchr (text, *decimal) == NULL
               && !(g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
                    && !g_ascii_isdigit (p[4])))
        {
          /* "0.25" typed in a locale whose mark is ',' still means a quarter,
           * even where '.' groups (de_DE): only ".ddd" reads as a group. */
          g_string_append_c (out, '.');
          seen_decimal = TRUE;
        }
      else if (strncmp (p, group, strlen (group)) == 0)
        next = p + strlen (group);
      else if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        ; /* spaces group digits in some locales */
      else if (c == '%' || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL || g_unichar_isalpha (c))
        {
          /* Units and currency around the number ("25 %", "€ 60,000", "10 d"),
           * but never inside it: "1a2" is not a number. */
          if (out->len > 0)
            unit_after = TRUE;
        }
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      p = next;
    }
  if (out->len == 0 || strcmp (out->str, "-") == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

gboolean
gs_format_parse_number (const char *text, double *out)
{
  g_autofree char *norm = gs_format_normalize_number (text);
  char *end = NULL;
  if (norm == NULL)
    return FALSE;
  *out = g_ascii_strtod (norm, &end);
  return end && *end == '\0' && isfinite (*out);
}

/* A money input's text, the one rule for every amount typed in the window:
 * the figure as the sheets show it ("$60,000", "60.000 €"), the locale's
 * grouping and the plan's currency sign from gs-format.h, with the minor
 * units only when there are some ("$1,250.50"), so nothing stored is hidden. */
char *
gs_format_input_money (GsMoney value, guint digits, const char *currency)
{
  return gs_format_money (value, digits, currency, GS_MONEY_FORMAT_INPUT);
}

/* What was typed in a money input, with or without grouping and sign, in the
 * locale's marks or the C ones ("75.000" in German, "75,000", "$ 75000.5"). */
gboolean
gs_parse_input_money (const char *text, guint digits, GsMoney *out, GError **error)
{
  g_autofree char *norm = gs_format_normalize_number (text);
  if (norm == NULL)
    {
      /* Translators: %s what was typed in an amount's field. */
      g_set_error (error, GS_ERROR, GS_ERROR_INVALID, _ ("“%s” is not a number"), text);
      return FALSE;
    }
  return gs_money_parse (norm, digits, out, error);
}
