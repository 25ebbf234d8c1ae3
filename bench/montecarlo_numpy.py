#!/usr/bin/python3
"""montecarlo_numpy.py — the Monte Carlo model of src/gs-montecarlo.c, vectorised
over trials with NumPy, for timing against the C engine (not a test).

    bench-montecarlo PLAN 1000000 --dump model.json
    /usr/bin/python3 bench/montecarlo_numpy.py model.json 1000000

Same model: beta rates (shared funnel rates, per-source overrides), uniform lag
jitter per step and trial, one binomial per cohort with the product of the
rates (thinning), a Fenton–Wilkinson lognormal for the month's mean deal,
min(funnel + backlog, capacity × a lognormal team factor) plus existing bookings, what does not
fit waiting for the next month less the backlog decay (gs-backlog.h); P10/P50/P90 by exact
percentiles instead of histograms.  Different random streams, so figures
agree statistically, not to the cent.
"""
import json
import sys
import time

import numpy as np

DAYS_PER_MONTH = 30.4375


def simulate(model, trials, seed=1, chunk=250_000):
    rng = np.random.default_rng(seed)
    rates = np.array(model["rates"])
    lags = np.array(model["lags"])
    kappa, sigma, jitter = model["kappa"], model["sigma"], model["jitter"]
    deal, n_pre = model["deal"], int(model["n_pre"])
    existing = np.array([m["existing"] for m in model["months"]])
    capacity = np.array([m["capacity"] for m in model["months"]])
    horizon = len(existing)
    spread = np.expm1(sigma * sigma)
    capsigma = model.get("capsigma", 0)
    decay = model.get("decay", 0)
    totals, monthly, backlogs = [], [], []

    def draw_rate(rate, n):
        if kappa <= 0 or rate <= 0 or rate >= 1:
            return np.full(n, rate)
        return rng.beta(kappa * rate, kappa * (1 - rate), n)

    for start in range(0, trials, chunk):
        n = min(chunk, trials - start)
        funnel = np.stack([draw_rate(r, n) for r in rates])  # steps × n
        lag = np.stack([lags[k] + (2 * rng.random(n) - 1) * jitter if jitter > 0
                        else np.full(n, lags[k]) for k in range(len(lags))])
        lag = np.maximum(lag, 0)
        probs, offsets, volumes = [], [], []
        for src in model["sources"]:
            e = int(src["entry"])
            p = np.ones(n)
            for k in range(e, len(rates)):
                own = src["own_rates"][k]
                p *= draw_rate(own, n) if own is not None else funnel[k]
            probs.append(p)
            days = lag[e:].sum(axis=0)
            offsets.append(np.floor(days / DAYS_PER_MONTH + 0.5).astype(np.int64))
            v = np.floor(np.array(src["volumes"]) + 0.5).astype(np.int64)
            before, after = (v[0], v[-1]) if src["planned"] else (0, 0)
            volumes.append(np.concatenate(([before], v, [after])))
        factor = (np.exp(capsigma * rng.standard_normal(n) - 0.5 * capsigma ** 2)
                  if capsigma > 0 else np.ones(n))
        cum = np.zeros(n)
        backlog = np.zeros(n)
        per_month = np.empty((horizon, n))
        for mo in range(horizon):
            wins = np.zeros(n, dtype=np.int64)
            for p, off, v in zip(probs, offsets, volumes):
                idx = np.clip(n_pre + mo - off + 1, 0, len(v) - 1)
                wins += rng.binomial(v[idx], p)
            bookings = wins * deal
            if sigma > 0:
                s2 = np.log1p(spread / np.maximum(wins, 1))
                bookings = bookings * np.exp(np.sqrt(s2) * rng.standard_normal(n) - 0.5 * s2)
            cap = np.round(capacity[mo] * factor) if capsigma > 0 else capacity[mo]
            waiting = np.round(bookings) + backlog
            delivered = np.minimum(waiting, cap)
            backlog = waiting - delivered
            if decay > 0:
                backlog -= np.round(backlog * decay)
            per_month[mo] = existing[mo] + delivered
            cum += per_month[mo]
        monthly.append(per_month)
        totals.append(cum)
        backlogs.append(backlog)
    totals = np.concatenate(totals)
    monthly = np.concatenate(monthly, axis=1)
    return {
        "p_hit": float(np.mean(totals >= model["target_total"])),
        "total": np.percentile(totals, [10, 50, 90]),
        "monthly_p50": np.percentile(monthly, 50, axis=1),
        "backlog_mean": float(np.mean(np.concatenate(backlogs))),
    }


def main():
    model = json.load(open(sys.argv[1]))
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    start = time.perf_counter()
    res = simulate(model, trials)
    secs = time.perf_counter() - start
    p10, p50, p90 = (x / 100 for x in res["total"])
    print(f"NumPy {np.__version__}: {trials} trials × {len(model['months'])} months, 1 thread: "
          f"{secs:.3f} s ({trials / secs / 1000:.0f} k trials/s), P(hit) {res['p_hit']:.4f}, "
          f"total P10/P50/P90 {p10:,.0f} / {p50:,.0f} / {p90:,.0f}, "
          f"waiting after the horizon {res['backlog_mean'] / 100:,.0f} on average")


if __name__ == "__main__":
    main()
