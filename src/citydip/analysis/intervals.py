"""95% intervals for proportions: Wilson (unweighted) and a linearised, design-based weighted version.

Unweighted: Wilson score interval (statsmodels ``proportion_confint(method="wilson")``).

Weighted: the ratio estimator p̂ = Σ w y / Σ w over the respondents of a domain, with its variance by
Taylor linearisation for a stratified design whose strata are the post-stratification cells
(z_i = d_i w_i (y_i − p̂) / Σ d w; v = Σ_h (1 − n_h/N_h) n_h/(n_h − 1) Σ_{i∈h} (z_i − z̄_h)², where
d_i = 1 for respondents of the domain — a country, a size class — and 0 for the other respondents,
who stay in their strata with z_i = 0, as domain estimation requires). statsmodels'
``DescrStatsW`` treats weights as frequency weights and would understate the variance, which is why
this is written out here. The interval is the Wilson interval at the effective sample size
n_eff = p̂(1 − p̂)/v (Kish's (Σw)²/Σw² when v = 0), so it stays inside [0, 1].
"""
import math

import numpy as np
from statsmodels.stats.proportion import proportion_confint

Z = 1.959963984540054


def wilson(successes, n):
    """(low, high) of the 95% Wilson interval; (nan, nan) when n = 0."""
    if n <= 0:
        return (math.nan, math.nan)
    low, high = proportion_confint(successes, n, alpha=0.05, method="wilson")
    return float(low), float(high)


def weighted_proportion(y, weights, strata, frame_n=None, domain=None):
    """Weighted share of ``y`` (0/1) with linearised standard error and Wilson interval at n_eff.

    ``strata`` labels each respondent's post-stratification cell; ``frame_n`` maps a cell to its frame
    size N_h (finite population correction), or None for no correction; ``domain`` (booleans) marks
    the respondents of a subpopulation (all when None). Returns a dict with estimate, se, low, high,
    n_eff, deff.
    """
    y, w = np.asarray(y, dtype=float), np.asarray(weights, dtype=float)
    strata = np.asarray(strata, dtype=object)
    d = np.ones(len(y)) if domain is None else np.asarray(domain, dtype=float)
    w = w * d
    if len(y) == 0 or w.sum() <= 0:
        return {"estimate": math.nan, "se": math.nan, "low": math.nan, "high": math.nan, "n_eff": 0.0,
                "deff": math.nan}
    total = w.sum()
    p = float((w * y).sum() / total)
    z = w * (y - p) / total
    variance = 0.0
    for cell in sorted(set(strata)):
        zh = z[strata == cell]
        nh = len(zh)
        if nh < 2:
            continue
        fpc = 1 - nh / frame_n[cell] if frame_n else 1.0
        variance += fpc * nh / (nh - 1) * float(((zh - zh.mean()) ** 2).sum())
    kish = float(total ** 2 / (w ** 2).sum())
    n_eff = p * (1 - p) / variance if variance > 0 else kish
    low, high = wilson(p * n_eff, n_eff)
    srs = p * (1 - p) / d.sum()
    return {"estimate": p, "se": math.sqrt(variance), "low": low, "high": high, "n_eff": n_eff,
            "deff": variance / srs if srs > 0 else math.nan}
