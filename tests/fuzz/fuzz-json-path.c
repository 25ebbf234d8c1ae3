/* fuzz-json-path.c — field paths and edits: the input's first line is a path
 * ("funnel.steps[2].rate"), the rest (if any) is the JSON value to set there.
 * Lookup and replace run on the example plan's tree, then the edit goes
 * through gs_plan_set, which must either apply it (a valid plan that
 * computes, undoable back to the original) or refuse it with a message.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"
#include "gs-plan.h"

#include <string.h>

static GsPlan *example;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  char *newline = strchr (input, '\n');
  const char *path = input;
  const char *value_text = NULL;
  g_autoptr (JsonNode) copy = NULL;
  g_autoptr (GError) error = NULL;

  if (example == NULL)
    example = gs_plan_new_default ("Fuzz");
  if (newline)
    {
      *newline = '\0';
      value_text = newline + 1;
    }

  gs_json_lookup (gs_plan_get_root (example), path);
  copy = gs_json_deep_copy (gs_plan_get_root (example));
  if (!gs_json_replace (copy, path, json_node_init_int (json_node_alloc (), 7), &error))
    fuzz_check_error (error);
  g_clear_error (&error);

  if (value_text && *value_text)
    {
      g_autoptr (JsonNode) value = gs_json_parse (value_text, -1, &error);
      g_autoptr (GsPlan) plan = gs_plan_copy (example);
      g_autofree char *before = gs_plan_to_text (plan);
      if (value == NULL)
        {
          fuzz_check_error (error);
          return 0;
        }
      if (gs_plan_set (plan, path, g_steal_pointer (&value), &error))
        {
          g_assert_nonnull (gs_plan_get_result (plan, NULL));
          if (gs_plan_can_undo (plan))
            {
              g_autofree char *after_undo = NULL;
              g_assert_true (gs_plan_undo (plan));
              after_undo = gs_plan_to_text (plan);
              g_assert_cmpstr (after_undo, ==, before);
            }
        }
      else
        fuzz_check_error (error);
    }
  return 0;
}
