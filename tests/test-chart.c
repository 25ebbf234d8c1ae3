/* test-chart.c — charts rendered and checked for what they show: bar widths
 * by scanning pixels, labels and text sizes through pdftotext, hit tests,
 * exports, styles.
 *
 * Copyright 2026 The Goalsheet developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "gs-chart.h"
#include "gs-comp-resolve.h"
#include "gs-format.h"
#include "gs-montecarlo.h"

#include <glib/gstdio.h>
#include <math.h>

#define W 800
#define H 480

typedef struct
{
  GsModel *model;
  GsResult *result;
  GsCompModel *comp;
  GsSimResult *sim;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) root = example_tree ("seed-saas.goalsheet");
  GsSimSettings s;
  f->model = decode_ok (root);
  f->result = gs_compute (f->model, NULL);
  f->comp = gs_comp_resolve (f->model, f->result);
  gs_sim_settings_init (&s);
  s.trials = 20000;
  f->sim = gs_montecarlo_run (f->model, &s, NULL, NULL, NULL, NULL);
  g_assert_nonnull (f->sim);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gs_sim_result_free (f->sim);
  gs_comp_model_free (f->comp);
  gs_result_free (f->result);
  gs_model_free (f->model);
}

static GsChartData
data_of (Fixture *f)
{
  GsChartData d = { f->model, f->result, f->sim, NULL, f->comp };
  return d;
}

static cairo_surface_t *
render (GsChartKind kind, Fixture *f, gboolean dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  GsChartStyle style;
  GsChartData d = data_of (f);
  g_autoptr (GError) error = NULL;

  gs_chart_style_init (&style, dark);
  g_assert_true (gs_chart_draw (kind, cr, W, H, &style, &d, NULL, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *s, int x, int y, double rgb[3])
{
  const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (s)
                                          + y * cairo_image_surface_get_stride (s));
  guint32 p = row[x];
  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

/* How much of the pixel is `color` painted over white: 0 (white) … 1. */
static double
coverage (const double rgb[3], const GsRgba *color)
{
  double c[3] = { color->r, color->g, color->b }, best = 0, cov = 0;
  for (int i = 0; i < 3; i++)
    if (fabs (1 - c[i]) > best)
      {
        best = fabs (1 - c[i]);
        cov = (1 - rgb[i]) / (1 - c[i]);
      }
  return CLAMP (cov, 0, 1);
}

static gboolean
is_color (const double rgb[3], const GsRgba *color)
{
  return fabs (rgb[0] - color->r) < 0.03 && fabs (rgb[1] - color->g) < 0.03
         && fabs (rgb[2] - color->b) < 0.03;
}

/* Width of the bar of `color` through row y: the run of pixels of that
 * colour plus the anti-aliased share of the pixel at each end. */
static double
bar_width (cairo_surface_t *s, int y, const GsRgba *color)
{
  double rgb[3], width = 0;
  int first = -1, last = -1;
  for (int x = 0; x < W; x++)
    {
      pixel (s, x, y, rgb);
      if (is_color (rgb, color))
        {
          if (first < 0)
            first = x;
          last = x;
        }
    }
  if (first < 0)
    return 0;
  for (int x = first; x <= last; x++)
    {
      pixel (s, x, y, rgb);
      width += coverage (rgb, color);
    }
  if (first > 0)
    {
      pixel (s, first - 1, y, rgb);
      width += coverage (rgb, color);
    }
  if (last + 1 < W)
    {
      pixel (s, last + 1, y, rgb);
      width += coverage (rgb, color);
    }
  return width;
}

/* The funnel draws each stage's total volume as a centred bar.  Scanning
 * down the image, every band of rows in a stage colour is one bar; its width
 * at the band's middle row must be the widest bar's width × volume ÷ the
 * largest volume, within a pixel. */
static void
test_funnel_widths (Fixture *f, gconstpointer data)
{
  cairo_surface_t *s = render (GS_CHART_FUNNEL, f, FALSE);
  GsChartStyle style;
  const GsModel *m = f->model;
  double volume[GS_MAX_STAGES] = { 0 }, width[GS_MAX_STAGES] = { 0 }, vmax = 0, wmax = 0;
  guint found = 0;
  int y = 0;

  gs_chart_style_init (&style, FALSE);
  for (guint k = 0; k < m->n_stages; k++)
    {
      for (guint i = 0; i < f->result->n_months; i++)
        volume[k] += (double) gs_result_needed_total (f->result, k, i);
      vmax = MAX (vmax, volume[k]);
    }
  /* Stages top to bottom: Lead, MQL (blue), SQL, Opportunity (orange), Won
   * (purple). */
  for (guint k = 0; k < m->n_stages; k++)
    {
      const GsRgba *color = k <= m->handoff        ? &style.marketing
                            : k + 1 == m->n_stages ? &style.shared
                                                   : &style.sales;
      int top = -1, bottom = -1;
      for (; y < H; y++)
        {
          gboolean any = bar_width (s, y, color) >= 2;
          if (any && top < 0)
            top = y;
          if (!any && top >= 0)
            {
              bottom = y - 1;
              break;
            }
        }
      g_assert_cmpint (top, >=, 0);
      g_assert_cmpint (bottom, >, top + 10); /* a bar, not a line of text */
      width[k] = bar_width (s, (top + bottom) / 2, color);
      wmax = MAX (wmax, width[k]);
      found++;
    }
  g_assert_cmpuint (found, ==, m->n_stages);
  for (guint k = 0; k < m->n_stages; k++)
    {
      double expected = wmax * volume[k] / vmax;
      if (fabs (width[k] - expected) > 1.0)
        g_error ("stage %u: bar %.2f px, expected %.2f px (%.0f of %.0f)", k, width[k], expected,
                 volume[k], vmax);
    }
  /* Leads are the widest; the bar for wins is a small fraction of it. */
  g_assert_cmpfloat (width[0], ==, wmax);
  g_assert_cmpfloat (width[m->n_stages - 1], <, wmax / 10);
  cairo_surface_destroy (s);
}

/* pdftotext of a chart drawn on a PDF surface, with -bbox when bbox. */
static char *
chart_text (GsChartKind kind, Fixture *f, gboolean bbox)
{
  g_autofree char *dir = g_dir_make_tmp ("gs-chart-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  GsChartStyle style;
  GsChartData d = data_of (f);
  int status = 0;
  const char *argv[] = { "pdftotext", bbox ? "-bbox" : "-layout", pdf, "-", NULL };

  gs_chart_style_init (&style, FALSE);
  g_assert_true (gs_chart_export (kind, &style, &d, W, H, 1, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_unlink (pdf);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");
  return path != NULL;
}

static void
assert_has (const char *text, const char *want)
{
  if (strstr (text, want) == NULL)
    g_error ("“%s” is not in the chart's text:\n%s", want, text);
}

static void
test_labels (Fixture *f, gconstpointer data)
{
  g_autofree char *capacity = NULL, *funnel = NULL, *fan = NULL, *waterfall = NULL;

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  capacity = chart_text (GS_CHART_CAPACITY, f, FALSE);
  assert_has (capacity, "Capacity vs target");
  /* Months: the plan starts 2027-02 and runs 12 months. */
  assert_has (capacity, "Feb 27");
  assert_has (capacity, "Jan 28");
  /* Money ticks on nice numbers, compact: capacity peaks near 272 k, so the
   * axis runs to 300K in steps of 50K or 100K; 100K and 200K are ticks
   * either way. */
  assert_has (capacity, "100K");
  assert_has (capacity, "200K");
  assert_has (capacity, "AE capacity");
  assert_has (capacity, "Target");
  /* The plan hires one AE in 2027-04 and one in 2027-07. */
  assert_has (capacity, "+1 AE");

  funnel = chart_text (GS_CHART_FUNNEL, f, FALSE);
  assert_has (funnel, "Leads");
  assert_has (funnel, "Wins");
  /* Step rates of the example: 25 %, 30 %, 60 %, 25 %; lags 7, 14, 14, 61 d; each
   * label names the stage the rate converts (bars may hold volume entering lower). */
  assert_has (funnel, "↓ 30 % of MQLs convert · 14 d");
  assert_has (funnel, "↓ 25 % of Opportunities convert · 61 d");

  waterfall = chart_text (GS_CHART_WATERFALL, f, FALSE);
  assert_has (waterfall, "before the plan");
  assert_has (waterfall, "61 d before Wins");

  fan = chart_text (GS_CHART_FAN, f, FALSE);
  assert_has (fan, "chance of reaching the target");
  assert_has (fan, "P50");
  assert_has (fan, "Target $2.6M"); /* 2,000,000 × 1.3 */
}

/* No text under 11 units: every word's box in the PDF is at least 11 high
 * (a box is the font's ascent plus descent, more than its size). */
static void
test_text_size (Fixture *f, gconstpointer data)
{
  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  for (guint kind = 0; kind < GS_N_CHARTS; kind++)
    {
      g_autofree char *html = NULL;
      guint words = 0;
      if (kind == GS_CHART_PAYOUT && f->comp == NULL)
        continue;
      html = chart_text (kind, f, TRUE);
      for (const char *p = strstr (html, "<word"); p; p = strstr (p + 1, "<word"))
        {
          double y0 = g_ascii_strtod (strstr (p, "yMin=\"") + 6, NULL);
          double y1 = g_ascii_strtod (strstr (p, "yMax=\"") + 6, NULL);
          if (y1 - y0 < 11)
            g_error ("%s: a word %.1f high:\n%.200s", gs_chart_kind_id (kind), y1 - y0, p);
          words++;
        }
      g_assert_cmpuint (words, >, 10);
    }
}

static void
test_nice_ticks (void)
{
  double first, last, step;
  /* 0 … 294,000 in at most 8 ticks: 294,000 / 7 = 42,000 → steps of 10,000
   * (31 ticks) and 20,000 (16) are too many, 50,000 gives 0 … 300,000 (7). */
  step = gs_chart_nice_ticks (0, 294000, 8, &first, &last);
  g_assert_cmpfloat (step, ==, 50000);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpfloat (last, ==, 300000);
  /* 0 … 1 in 5: 0.1 (11 ticks) and 0.2 (6) too many; 0.5 gives 3. */
  step = gs_chart_nice_ticks (0, 1, 5, &first, &last);
  g_assert_cmpfloat (step, ==, 0.5);
  /* −3 … 7 in 6: step 2 covers −4 … 8 in 7 ticks, too many; 5 covers −5 … 10 in 4. */
  step = gs_chart_nice_ticks (-3, 7, 6, &first, &last);
  g_assert_cmpfloat (step, ==, 5);
  g_assert_cmpfloat (first, ==, -5);
  g_assert_cmpfloat (last, ==, 10);
  /* Degenerate range still gives ticks. */
  step = gs_chart_nice_ticks (0, 0, 5, &first, &last);
  g_assert_cmpfloat (step, >, 0);
  g_assert_cmpfloat (last, >, first);
}

static void
test_hit (Fixture *f, gconstpointer data)
{
  GsChartStyle style;
  GsChartData d = data_of (f);
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_chart_hit_free);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (s);
  GsChartHit *hit;
  double leads = 0;
  g_autofree char *leads_text = NULL;

  gs_chart_style_init (&style, FALSE);
  g_assert_true (gs_chart_draw (GS_CHART_FUNNEL, cr, W, H, &style, &d, hits, NULL));
  g_assert_cmpuint (hits->len, ==, 2 * f->model->n_stages - 1); /* bars and steps */
  cairo_destroy (cr);
  cairo_surface_destroy (s);

  /* The middle of the first bar is the leads figure, exactly. */
  for (guint i = 0; i < f->result->n_months; i++)
    leads += (double) gs_result_needed_total (f->result, 0, i);
  leads_text = gs_format_count ((gint64) leads);
  {
    GsChartHit *first = hits->pdata[0];
    hit = gs_chart_hit_test (GS_CHART_FUNNEL, W, H, &style, &d, W / 2.0,
                             first->y + first->height / 2);
  }
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->label, ==, "Leads needed for the plan");
  g_assert_cmpstr (hit->value, ==, leads_text);
  gs_chart_hit_free (hit);

  /* Fan: the last month's column holds the simulated and target totals. */
  hit = gs_chart_hit_test (GS_CHART_FAN, W, H, &style, &d, W - 130, H / 2.0);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->label, ==, f->result->month_labels[f->result->n_pre + 11]);
  /* The target to date at the last month is the whole 2,000,000 × 1.3. */
  g_assert_nonnull (strstr (hit->value, "Target to date"));
  g_assert_nonnull (strstr (hit->value, "2,600,000.00"));
  gs_chart_hit_free (hit);

  /* Outside every chart element: nothing. */
  g_assert_null (gs_chart_hit_test (GS_CHART_CAPACITY, W, H, &style, &d, 2, 2));
}

/* How strongly the pixel is `color` laid over white, when it is that colour at
 * some opacity (0 … 1); -1 when it is another colour. */
static double
tint (const double rgb[3], const GsRgba *color)
{
  double c[3] = { color->r, color->g, color->b };
  double alpha = coverage (rgb, color);
  for (int i = 0; i < 3; i++)
    if (fabs (rgb[i] - (1 - alpha + alpha * c[i])) > 0.05)
      return -1;
  return alpha;
}

/* The payout chart at 100 % attainment.  Where 100 % is comes from the
 * pixels: the dashed quota line, the one column mostly painted in the target
 * colour.  The hit there is the 100 % strip, and it lists every role's
 * target incentive (the seed example's comp plans pay exactly that at quota),
 * worked by hand as OTE × pay mix. */
static void
test_payout (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *role, *paid;
  } want[] = {
    { "Account executive", "80,000.00" },         /* 160,000 × 50 % */
    { "Sales development rep", "27,000.00" },     /* 90,000 × 30 % */
    { "Sales manager", "104,000.00" },            /* 260,000 × 40 % */
    { "VP marketing", "44,000.00" },              /* 220,000 × 20 % */
    { "Demand generation manager", "24,000.00" }, /* 120,000 × 20 % */
  };
  GsChartStyle style;
  GsChartData d = data_of (f);
  cairo_surface_t *s;
  g_auto (GStrv) lines = NULL;
  GsChartHit *hit;
  int line_x = -1, line_count = 0;

  if (f->comp == NULL)
    {
      g_test_skip ("the example has no compensation plans");
      return;
    }
  gs_chart_style_init (&style, FALSE);
  s = render (GS_CHART_PAYOUT, f, FALSE);
  for (int x = 0; x < W; x++)
    {
      int count = 0;
      for (int y = 0; y < H; y++)
        {
          double rgb[3];
          pixel (s, x, y, rgb);
          if (tint (rgb, &style.target) > 0.5)
            count++;
        }
      if (count > line_count)
        line_x = x, line_count = count;
    }
  cairo_surface_destroy (s);
  /* Dashed down the plot: far more than any text's column. */
  g_assert_cmpint (line_count, >, H / 5);

  hit = gs_chart_hit_test (GS_CHART_PAYOUT, W, H, &style, &d, line_x + 0.5, H / 2.0);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->label, ==, "At 100 % of quota");
  lines = g_strsplit (hit->value, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autofree char *name = g_strconcat (want[i].role, ": ", NULL);
      if (!g_str_has_prefix (lines[i], name) || strstr (lines[i], want[i].paid) == NULL)
        g_error ("line %u is “%s”, expected %s%s", i, lines[i], name, want[i].paid);
    }
  gs_chart_hit_free (hit);
  /* A strip further right is a higher attainment. */
  hit = gs_chart_hit_test (GS_CHART_PAYOUT, W, H, &style, &d, line_x + 40.5, H / 2.0);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->label, !=, "At 100 % of quota");
  g_assert_true (g_str_has_prefix (hit->label, "At 1"));
  gs_chart_hit_free (hit);
}

/* The payout chart prepared once (GsPayoutChart), as the window draws it:
 * background and curves drawn apart give gs_chart_draw's pixels exactly,
 * its hits give gs_chart_hit_test's texts without any drawing, and the
 * background is the same for the same roles and value axis only. */
static void
test_payout_prepared (Fixture *f, gconstpointer data)
{
  const char *roles[] = { NULL, "ae" };
  GsChartStyle style;

  if (f->comp == NULL)
    {
      g_test_skip ("the example has no compensation plans");
      return;
    }
  gs_chart_style_init (&style, FALSE);
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      GsChartData d = data_of (f);
      g_autoptr (GError) error = NULL;
      g_autoptr (GsPayoutChart) chart = gs_payout_chart_new (f->model, f->comp, roles[r], &error);
      g_autoptr (GsPayoutChart) again = gs_payout_chart_new (f->model, f->comp, roles[r], NULL);
      cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
      cairo_surface_t *split = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
      cairo_t *cr;
      GsChartFrame frame;
      guint hits = 0;

      g_assert_no_error (error);
      d.role_id = roles[r];
      cr = cairo_create (whole);
      g_assert_true (gs_chart_draw (GS_CHART_PAYOUT, cr, W, H, &style, &d, NULL, NULL));
      cairo_destroy (cr);
      cr = cairo_create (split);
      gs_payout_chart_draw_background (chart, cr, W, H, &style, &frame);
      gs_payout_chart_draw_curves (chart, cr, W, H, &style, &frame);
      cairo_destroy (cr);
      cairo_surface_flush (whole);
      cairo_surface_flush (split);
      g_assert_cmpmem (
          cairo_image_surface_get_data (whole), cairo_image_surface_get_stride (whole) * H,
          cairo_image_surface_get_data (split), cairo_image_surface_get_stride (split) * H);
      cairo_surface_destroy (whole);
      cairo_surface_destroy (split);

      /* 0–200 % by 1 %; the strips tile the plot. */
      g_assert_cmpuint (gs_payout_chart_n_points (chart), ==, 201);
      for (double x = 0.5; x < W; x += 7)
        {
          GsChartHit *want = gs_chart_hit_test (GS_CHART_PAYOUT, W, H, &style, &d, x, H / 2.0);
          GsChartHit *got = gs_payout_chart_hit (chart, &frame, x, H / 2.0);
          g_assert_true ((want == NULL) == (got == NULL));
          if (want)
            {
              g_assert_cmpstr (got->label, ==, want->label);
              g_assert_cmpstr (got->value, ==, want->value);
              g_assert_cmpfloat_with_epsilon (got->x, want->x, 1e-6);
              g_assert_cmpfloat_with_epsilon (got->width, want->width, 1e-6);
              hits++;
            }
          gs_chart_hit_free (want);
          gs_chart_hit_free (got);
        }
      g_assert_cmpuint (hits, >, 50);
      g_assert_null (gs_payout_chart_hit (chart, &frame, W / 2.0, 2));
      /* The AE's strip at 100 %: the target incentive, 160,000 × 50 %. */
      if (roles[r])
        {
          double x, y, w, h;
          GsChartHit *hit;
          gs_payout_chart_point_rect (chart, &frame, 100, &x, &y, &w, &h);
          hit = gs_payout_chart_hit (chart, &frame, x + w / 2, y + h / 2);
          g_assert_cmpstr (hit->label, ==, "At 100 % of quota");
          g_assert_nonnull (strstr (hit->value, "Account executive: "));
          g_assert_nonnull (strstr (hit->value, "80,000.00"));
          gs_chart_hit_free (hit);
        }
      g_assert_true (gs_payout_chart_same_background (again, chart, &frame));
    }
  /* Another set of roles is another background. */
  {
    g_autoptr (GsPayoutChart) all = gs_payout_chart_new (f->model, f->comp, NULL, NULL);
    g_autoptr (GsPayoutChart) ae = gs_payout_chart_new (f->model, f->comp, "ae", NULL);
    cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
    cairo_t *cr = cairo_create (s);
    GsChartFrame frame;
    gs_payout_chart_draw_background (ae, cr, W, H, &style, &frame);
    g_assert_false (gs_payout_chart_same_background (all, ae, &frame));
    /* A value axis with other ticks is another background too. */
    frame.hi *= 2;
    g_assert_false (gs_payout_chart_same_background (ae, ae, &frame));
    cairo_destroy (cr);
    cairo_surface_destroy (s);
  }
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("gs-chart-XXXXXX", NULL);
  const char *ext[] = { "png", "svg", "pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };
  GsChartStyle style;
  GsChartData d = data_of (f);

  gs_chart_style_init (&style, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (ext); i++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", ext[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *bytes = NULL;
      gsize len = 0;
      g_autoptr (GError) error = NULL;
      g_assert_true (gs_chart_export (GS_CHART_CAPACITY, &style, &d, W, H, 2, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      g_assert_true (memcmp (bytes, magic[i], strlen (magic[i])) == 0);
      g_unlink (path);
    }
  /* PNG at scale 2 is twice the size in pixels. */
  {
    g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
    cairo_surface_t *png;
    g_assert_true (gs_chart_export (GS_CHART_FUNNEL, &style, &d, W, H, 2, path, NULL));
    png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2 * W);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 2 * H);
    cairo_surface_destroy (png);
    g_unlink (path);
  }
  {
    g_autofree char *path = g_build_filename (dir, "chart.jpg", NULL);
    g_autoptr (GError) error = NULL;
    g_assert_false (gs_chart_export (GS_CHART_FUNNEL, &style, &d, W, H, 1, path, &error));
    g_assert_nonnull (strstr (error->message, "must end in .png, .svg or .pdf"));
  }
  g_rmdir (dir);
}

static void
test_styles (Fixture *f, gconstpointer data)
{
  for (int dark = 0; dark <= 1; dark++)
    for (guint kind = 0; kind < GS_N_CHARTS; kind++)
      {
        GsChartStyle style;
        cairo_surface_t *s;
        double rgb[3];
        if (kind == GS_CHART_PAYOUT && f->comp == NULL)
          continue;
        gs_chart_style_init (&style, dark);
        s = render (kind, f, dark);
        /* The corner is the style's background. */
        pixel (s, 1, H - 2, rgb);
        g_assert_true (is_color (rgb, &style.background));
        cairo_surface_destroy (s);
      }
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  GsChartStyle style;
  GsChartData d = data_of (f);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t *cr = cairo_create (s);
  GsChartKind kind;

  gs_chart_style_init (&style, FALSE);
  d.sim = NULL;
  g_assert_false (gs_chart_draw (GS_CHART_FAN, cr, W, H, &style, &d, NULL, &error));
  g_assert_nonnull (strstr (error->message, "needs a simulation"));
  g_clear_error (&error);
  if (f->comp == NULL)
    {
      g_assert_false (gs_chart_draw (GS_CHART_PAYOUT, cr, W, H, &style, &d, NULL, &error));
      g_assert_nonnull (strstr (error->message, "compensation"));
    }
  g_assert_true (gs_chart_kind_from_id ("waterfall", &kind));
  g_assert_cmpint (kind, ==, GS_CHART_WATERFALL);
  g_assert_false (gs_chart_kind_from_id ("pie", &kind));
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/chart/funnel-widths", test_funnel_widths);
  ADD ("/chart/labels", test_labels);
  ADD ("/chart/text-size", test_text_size);
  ADD ("/chart/hit", test_hit);
  ADD ("/chart/payout", test_payout);
  ADD ("/chart/payout-prepared", test_payout_prepared);
  ADD ("/chart/export", test_export);
  ADD ("/chart/styles", test_styles);
  ADD ("/chart/errors", test_errors);
  g_test_add_func ("/chart/nice-ticks", test_nice_ticks);
  return g_test_run ();
}
