/* fuzz-common.h — shared by the libFuzzer harnesses.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GLib critical or warning is a bug the fuzzer must report, so they abort.
 * Every refusal must be a GS_ERROR with a non-empty message.
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "gs-error.h"
#include "gs-json.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv);
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fuzz_quiet_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_printerr ("%s: %s\n", domain ? domain : "", message);
      abort ();
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_default_handler (fuzz_quiet_log, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static inline void
fuzz_check_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == GS_ERROR);
  g_assert_true (error->message != NULL && error->message[0] != '\0');
}
