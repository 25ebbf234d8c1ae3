/* people-floor.c — the floor for the export benchmark: bare libxlsxwriter
 * (constant_memory, as Goalsheet writes) writing the same People sheet as
 * `goalsheet-cli export`, with nothing else: no plan, no engine, no other
 * sheet.  Whatever Goalsheet spends above this is its own.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: people-floor PEOPLE ROLES OUT.xlsx
 * Each row as Goalsheet writes it: name and role (strings), people (1), the
 * quota (money format; a formula over the role's quota for two people in
 * three, who have none of their own, as bench/run-export.sh's plans), the
 * measure (string), the target incentive, the payout at 100 % and at the
 * plan's attainment (formulas over a role's named cells, with cached
 * values); then the "Everyone" row.  The named cells are on a one-row Roles
 * sheet.  (Until 3 Dec 2026 the floor wrote neither the last column nor the
 * quota formulas, which Goalsheet's People sheet had gained since.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int
main (int argc, char **argv)
{
  char tmpdir[] = ".";
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir };
  lxw_workbook *wb;
  lxw_worksheet *roles_ws, *ws;
  lxw_format *money, *text, *count, *bold;
  int people, roles;
  char name[64], formula[64], ref[64];
  static const double widths[] = { 30.7, 24.7, 8.7, 20.7, 24.7, 18.7, 20.3, 20.3 };

  if (argc != 4 || (people = atoi (argv[1])) < 1 || (roles = atoi (argv[2])) < 1)
    {
      fprintf (stderr, "usage: people-floor PEOPLE ROLES OUT.xlsx\n");
      return 2;
    }
  wb = workbook_new_opt (argv[3], &options);
  if (wb == NULL)
    return 1;
  money = workbook_add_format (wb);
  format_set_num_format (money, "#,##0.00\" USD\"");
  text = workbook_add_format (wb);
  format_set_num_format (text, "@");
  count = workbook_add_format (wb);
  format_set_num_format (count, "#,##0");
  bold = workbook_add_format (wb);
  format_set_bold (bold);

  roles_ws = workbook_add_worksheet (wb, "Roles");
  for (int r = 0; r < roles; r++)
    {
      /* A role's named cells: target incentive, payout at 100 % and at
       * plan, the first component's quota. */
      static const char *const names[] = { "TI", "Pay100", "PayAtPlan", "C1_Quota" };
      static const double values[] = { 80000, 80000, 55130.05, 520000 };
      for (int c = 0; c < 4; c++)
        {
          worksheet_write_number (roles_ws, r, c, values[c], money);
          snprintf (name, sizeof name, "Role%d_%s", r + 1, names[c]);
          snprintf (ref, sizeof ref, "=Roles!$%c$%d", 'A' + c, r + 1);
          workbook_define_name (wb, name, ref);
        }
    }

  ws = workbook_add_worksheet (wb, "People");
  for (int c = 0; c < 8; c++)
    worksheet_set_column (ws, c, c, widths[c], NULL);
  worksheet_freeze_panes (ws, 2, 1);
  worksheet_protect (ws, NULL, NULL);
  worksheet_write_string (ws, 0, 0, "People: quota and variable pay at plan", bold);
  {
    static const char *const head[] = { "Name",
                                        "Role",
                                        "People",
                                        "Quota (first component)",
                                        "Measure",
                                        "Target incentive",
                                        "Payout at 100 % attainment",
                                        "Payout at the plan's attainment" };
    for (int c = 0; c < 8; c++)
      worksheet_write_string (ws, 1, c, head[c], bold);
  }
  for (int i = 0; i < people; i++)
    {
      int r = i * roles / people, row = 2 + i;
      snprintf (name, sizeof name, "Account executive %05d", i);
      worksheet_write_string (ws, row, 0, name, text);
      worksheet_write_string (ws, row, 1, "Account executive", text);
      worksheet_write_number (ws, row, 2, 1, count);
      if (i % 3 == 0)
        worksheet_write_number (ws, row, 3, 400000 + 37 * i, money);
      else
        {
          snprintf (formula, sizeof formula, "=Role%d_C1_Quota", r + 1);
          worksheet_write_formula_num (ws, row, 3, formula, money, 520000);
        }
      worksheet_write_string (ws, row, 4, "Own bookings", text);
      snprintf (formula, sizeof formula, "=Role%d_TI", r + 1);
      worksheet_write_formula_num (ws, row, 5, formula, money, 80000);
      snprintf (formula, sizeof formula, "=Role%d_Pay100", r + 1);
      worksheet_write_formula_num (ws, row, 6, formula, money, 80000);
      snprintf (formula, sizeof formula, "=Role%d_PayAtPlan", r + 1);
      worksheet_write_formula_num (ws, row, 7, formula, money, 55130.05);
    }
  worksheet_write_string (ws, 2 + people, 0, "Everyone", bold);
  snprintf (formula, sizeof formula, "=SUM(C3:C%d)", 2 + people);
  worksheet_write_formula_num (ws, 2 + people, 2, formula, count, people);
  snprintf (formula, sizeof formula, "=ROUND(SUMPRODUCT(C3:C%d,G3:G%d),2)", 2 + people, 2 + people);
  worksheet_write_formula_num (ws, 2 + people, 6, formula, money, 80000.0 * people);
  snprintf (formula, sizeof formula, "=ROUND(SUMPRODUCT(C3:C%d,H3:H%d),2)", 2 + people, 2 + people);
  worksheet_write_formula_num (ws, 2 + people, 7, formula, money, 55130.05 * people);
  return workbook_close (wb) == LXW_NO_ERROR ? 0 : 1;
}
