/* test-cli-escape.c — goalsheet-cli's text made safe for a terminal.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gs_cli_escape (src/cli/gs-cli-output.c) copies runs of printable ASCII at
 * once and reads every other byte a character at a time.  Here it is
 * compared with the character-at-a-time loop it was (the same function
 * without the runs) on awkward texts and on random bytes, and the texts
 * that matter are written out.
 */
#include "gs-cli.h"

#include <string.h>

static void
check (const char *text)
{
  for (int keep = 0; keep < 2; keep++)
    {
      g_autofree char *got = gs_cli_escape (text, keep);
      g_autofree char *want = gs_cli_escape_by_runs (text, keep, FALSE);
      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_awkward (void)
{
  static const char *const texts[] = {
    "",
    "Plan versus actual to Aug 15, 2027 (6.5 months of the plan)\n\nStage   Planned\n",
    "tab\there\nand a line\r\nend",
    "\033[31mred\033[0m",        /* ESC: a terminal command */
    "del \x7f and ~ and space ", /* DEL, the last printable, a space */
    "\x01\x1f\x20",
    "C1: \xc2\x80 \xc2\x9f, not C1: \xc2\xa0 (no-break space)",
    "Owner 0199 $2,702,000 961.7 % − × € ∞ — “quotes” 日本",
    "cut \xe2\x88",       /* a character cut short at the end */
    "bad \xff\xfe bytes", /* never UTF-8 */
    "overlong \xc0\xaf and a surrogate \xed\xa0\x80",
    "4 bytes \xf0\x9f\x98\x80 then \xf4\x90\x80\x80 (past U+10FFFF)",
    "\n\n\t\t",
    "only ascii only ascii only ascii only ascii only ascii only ascii",
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    check (texts[i]);
  /* What the fast path must not change, said outright. */
  {
    g_autofree char *kept = gs_cli_escape ("a\tb\nc\033d\xc2\x85", TRUE);
    g_autofree char *escaped = gs_cli_escape ("a\tb\nc", FALSE);
    g_assert_cmpstr (kept, ==, "a\tb\nc\\u001Bd\\u0085");
    g_assert_cmpstr (escaped, ==, "a\\tb\\nc");
  }
  {
    g_autofree char *bytes = gs_cli_escape ("x\x7f\xff\xe2\x88 \xc3\xa9\xe2\x88\x92", FALSE);
    g_assert_cmpstr (bytes, ==, "x\\u007F\\xFF\\xE2\\x88 \xc3\xa9\xe2\x88\x92");
  }
}

/* Random texts: printable runs, line breaks, controls, UTF-8 pieces and bad
 * bytes mixed. */
static void
test_random (void)
{
  static const char *const pieces[] = { "abc ",
                                        "\n",
                                        "\t",
                                        "\r",
                                        "\033",
                                        "\x7f",
                                        "\xc2\x80",
                                        "\xc2\xa0",
                                        "\xe2\x88\x9e",
                                        "\xe2",
                                        "\xff",
                                        "~",
                                        "\xf0\x9f\x98\x80",
                                        "\xc3" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261204);
  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr (GString) s = g_string_new (NULL);
      guint len = g_rand_int_range (rand, 0, 40);
      for (guint i = 0; i < len; i++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      check (s->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-escape/awkward", test_awkward);
  g_test_add_func ("/cli-escape/random", test_random);
  return g_test_run ();
}
