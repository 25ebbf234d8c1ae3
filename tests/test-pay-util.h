/* test-pay-util.h — the tiny plan (test-util.h) with a pay plan for four
 * roles and actuals to credit and pay, worked by hand in test-credit.c and
 * test-statement.c.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-comp-resolve.h"
#include "test-util.h"

/* Roles: ae (TI 50,000.00 on own bookings, quota 500,000.00, marginal: rate
 * 1 to 100 %, 2 above; patched by the statement tests), sdr (TI 10,000.00 on
 * own bookings, quota 100,000.00, flat 1), mgr (manager: TI 20,000.00 on team
 * bookings, quota 1,000,000.00, flat 1) and mkt (marketing: TI 10,000.00 on
 * marketing-sourced bookings, quota 1,000,000.00, flat 1). */
static const char *pay_comp
    = "{\"roles\": ["
      " {\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      "  \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 1,"
      "   \"quota\": \"500000.00\", \"table\": {\"type\": \"marginal\", \"bands\": [{\"from\": 0,"
      "   \"to\": 1, \"rate\": 1}, {\"from\": 1, \"rate\": 2}]}}]},"
      " {\"id\": \"sdr\", \"kind\": \"sdr\", \"ote\": \"50000.00\", \"pay_mix\": 0.2,"
      "  \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 1,"
      "   \"quota\": \"100000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}}]},"
      " {\"id\": \"mgr\", \"kind\": \"manager\", \"ote\": \"100000.00\", \"pay_mix\": 0.2,"
      "  \"components\": [{\"id\": \"team\", \"measure\": \"team_bookings\", \"weight\": 1,"
      "   \"quota\": \"1000000.00\", \"table\": {\"type\": \"flat\", \"rate\": 1}}]},"
      " {\"id\": \"mkt\", \"kind\": \"marketing\", \"ote\": \"50000.00\", \"pay_mix\": 0.2,"
      "  \"components\": [{\"id\": \"src\", \"measure\": \"marketing_sourced_bookings\","
      "   \"weight\": 1, \"quota\": \"1000000.00\", \"table\": {\"type\": \"flat\", \"rate\": "
      "1}}]}]}";

static const char *pay_people = "[{\"id\": \"ann\", \"name\": \"Ann Lee\", \"role\": \"ae\"},"
                                " {\"id\": \"bob\", \"name\": \"Bob Ray\", \"role\": \"ae\"},"
                                " {\"id\": \"omar\", \"name\": \"Omar Ali\", \"role\": \"sdr\"},"
                                " {\"id\": \"sam\", \"name\": \"Sam Park\", \"role\": \"mgr\"},"
                                " {\"id\": \"mia\", \"name\": \"Mia Wong\", \"role\": \"mkt\"}]";

/* The year test-statement.c works by hand (its header has the arithmetic):
 * the AE role with a band table, a draw and a clawback, and three deals. */
G_GNUC_UNUSED static const char *pay_year_deals
    = "[{\"id\": \"D1\", \"owner\": \"ann\", \"amount\": \"100000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"source\": \"inbound\", \"created\": \"2027-01-02\","
      "  \"closed\": \"2027-01-20\", \"refunded\": \"2027-04-15\","
      "  \"splits\": [{\"person\": \"ann\", \"share\": 0.8}, {\"person\": \"omar\", \"share\": "
      "0.2}],"
      "  \"overlays\": [{\"person\": \"bob\", \"share\": 0.5}]},"
      " {\"id\": \"D2\", \"owner\": \"ann\", \"amount\": \"240000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": \"2027-02-10\"},"
      " {\"id\": \"D3\", \"owner\": \"ann\", \"amount\": \"150000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": \"2027-05-05\"}]";

G_GNUC_UNUSED static const char *pay_ae_role
    = "{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"80000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 1,"
      "  \"quota\": \"400000.00\", \"period\": \"quarterly\", \"attainment\": \"ytd\","
      "  \"table\": {\"type\": \"band\", \"bands\": [{\"from\": 0, \"to\": 1, \"rate\": 1},"
      "  {\"from\": 1, \"rate\": 1.5}]}}],"
      " \"draw\": {\"amount\": \"2000.00\", \"months\": 3, \"recoverable\": true},"
      " \"clawback\": {\"days\": 90}}";

/* The AE role and deals of /statement/spif-discount (test-statement.c works
 * them by hand): 10 % commission monthly, a discount table, three SPIFs, a
 * clawback taking back half. */
G_GNUC_UNUSED static const char *spif_role
    = "{\"id\": \"ae\", \"kind\": \"ae\", \"ote\": \"100000.00\", \"pay_mix\": 0.5,"
      " \"components\": [{\"id\": \"own\", \"measure\": \"own_bookings\", \"weight\": 1,"
      "  \"period\": \"monthly\", \"table\": {\"type\": \"flat\", \"basis\": \"amount\", \"rate\": "
      "0.1},"
      "  \"discount_modifier\": [{\"from\": 0, \"to\": 0.1, \"multiplier\": 1},"
      "   {\"from\": 0.1, \"to\": 0.2, \"multiplier\": 0.9}, {\"from\": 0.2, \"multiplier\": "
      "0.7}]}],"
      " \"spifs\": [{\"id\": \"multi-year\", \"name\": \"Multi-year deal\", \"amount\": \"500.00\","
      "   \"from\": \"2027-01-01\", \"to\": \"2027-06-30\", \"qualifies\": {\"min_term_months\": "
      "24}},"
      "  {\"id\": \"partner\", \"name\": \"New inbound logo\", \"amount\": \"250.00\","
      "   \"from\": \"2027-01-01\", \"to\": \"2027-12-31\", \"qualifies\": {\"sources\": "
      "[\"inbound\"],"
      "   \"deal_type\": \"new\", \"min_amount\": \"50000.00\"}},"
      "  {\"id\": \"flagged\", \"name\": \"Flagged\", \"amount\": \"100.00\","
      "   \"from\": \"2027-01-01\", \"to\": \"2027-12-31\"}],"
      " \"clawback\": {\"days\": 90, \"share\": 0.5}}";

G_GNUC_UNUSED static const char *spif_deals
    = "[{\"id\": \"E1\", \"owner\": \"ann\", \"amount\": \"100000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"source\": \"inbound\", \"created\": \"2027-01-02\","
      "  \"closed\": \"2027-01-20\", \"discount\": 0.15, \"term_months\": 36, \"type\": \"new\"},"
      " {\"id\": \"E2\", \"owner\": \"ann\", \"amount\": \"40000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": \"2027-02-10\","
      "  \"discount\": 0.05, \"term_months\": 12, \"type\": \"existing\", \"spifs\": "
      "[\"flagged\"]},"
      " {\"id\": \"E3\", \"owner\": \"ann\", \"amount\": \"60000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": \"2027-03-05\","
      "  \"refunded\": \"2027-04-04\", \"discount\": 0.25, \"term_months\": 24, \"type\": \"new\"},"
      " {\"id\": \"E4\", \"owner\": \"ann\", \"amount\": \"80000.00\", \"stage\": \"won\","
      "  \"status\": \"won\", \"created\": \"2027-01-02\", \"closed\": \"2027-05-12\","
      "  \"term_months\": 36, \"splits\": [{\"person\": \"ann\", \"share\": 0.5},"
      "  {\"person\": \"omar\", \"share\": 0.5}]}]";

/* The tiny plan with pay_comp and actuals {people: pay_people, deals:
 * deals}, after (path, JSON) patches (NULL-terminated, may be NULL).  Fills
 * *comp with the resolved comp section. */
static inline GsModel *
pay_model (const char *deals, const char *const *patches, GsCompModel **comp)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GsResult) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *actuals = g_strdup_printf ("{\"people\": %s, \"deals\": %s}", pay_people, deals);
  GsModel *m;
  patch (tree, "version", "\"1.1\"");
  patch (tree, "compensation", pay_comp);
  patch (tree, "actuals", actuals);
  for (guint i = 0; patches != NULL && patches[i] != NULL; i += 2)
    patch (tree, patches[i], patches[i + 1]);
  m = decode_ok (tree);
  r = gs_compute (m, &error);
  g_assert_no_error (error);
  *comp = gs_comp_resolve (m, r);
  return m;
}

/* The decode error of the tiny pay plan with deals. */
static inline char *
pay_error (const char *deals)
{
  g_autoptr (JsonNode) tree = tiny_tree ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GsModel) m = NULL;
  g_autofree char *actuals = g_strdup_printf ("{\"people\": %s, \"deals\": %s}", pay_people, deals);
  patch (tree, "version", "\"1.1\"");
  patch (tree, "compensation", pay_comp);
  patch (tree, "actuals", actuals);
  m = gs_model_decode (tree, &error);
  g_assert_null (m);
  g_assert_error (error, GS_ERROR, GS_ERROR_INVALID);
  return g_strdup (error->message);
}
