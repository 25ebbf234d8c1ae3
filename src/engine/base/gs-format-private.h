/* gs-format-private.h — gs-format.c's inner steps, for its tests only.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ICU's UTF-16 result as the text Goalsheet shows (gs-format.c, finish): in
 * one pass, or (slow) through g_utf16_to_utf8 and a byte loop, as every
 * result went before.  house: the C locale's text (plain spaces). */
char *
gs_format_finish_utf16 (const gunichar2 *text, int len, gboolean house, gboolean is_number,
                        gboolean slow);

G_END_DECLS
