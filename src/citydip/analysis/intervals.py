"""95% intervals for proportions: Wilson (unweighted) and a linearised, design-based weighted version.

Unweighted: Wilson score interval (statsmodels ``proportion_confint(method="wilson")``), with the
bound at 0 successes exactly 0 and at n successes exactly 1 (the formula's rounding error removed).

Weighted (docs/analysis.md, "Intervals"): the ratio estimator p̂ = Σ d w y / Σ d w over the respondents
of a domain d (a country, a size class; all respondents for the overall share), weights calibrated
(raked or post-stratified) to frame margins. Its variance is the linearisation variance of a
calibration estimator (Deville & Särndal 1992; Särndal, Swensson & Wretman 1992, §6.6; R survey's
``calibrate``/``rake``): u_i = d_i (y_i − p̂) / Σ d w, e_i the residual of u on the calibration
indicators X by least squares weighted by w, z_i = w_i e_i, and v = n/(n − 1) Σ (z_i − z̄)² over all n
weighted respondents (a with-replacement, single-stage design: no finite population correction).

Edge cases: a margin category with a single respondent would fit that respondent exactly (residual 0,
no variance: the "lonely PSU" of R survey); for the variance, such categories are pooled into one
(:func:`collapse`, like collapsed strata), so a lone respondent adds variance instead of nothing. A
domain with fewer than 2 respondents gets no standard error (NaN), never 0. Kish's design effect
is deff = v / (p̂(1 − p̂)/n_d), the design variance over the variance of a simple random sample
(with replacement) of the same n_d respondents, and the effective sample size n_eff = n_d / deff. The
weighted interval is Wilson's at min(n_eff, n_d): where raking gains precision (deff < 1) the
interval claims no more than the respondents themselves could give. When p̂ is 0 or 1, v = 0 and n_eff is Kish's (Σdw)²/Σ(dw)².
"""
import math

import numpy as np
import pandas as pd

Z = 1.959963984540054
MIN_VARIANCE_GROUP = 2  # respondents a margin category needs to keep its own column in the variance


def wilson(successes, n):
    """(low, high) of the 95% Wilson interval; (nan, nan) when n = 0; exactly 0 / 1 at the edges."""
    if n <= 0:
        return (math.nan, math.nan)
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(successes, n, alpha=0.05, method="wilson")
    low = 0.0 if successes <= 0 else max(0.0, float(low))
    high = 1.0 if successes >= n else min(1.0, float(high))
    return low, high


def collapse(labels, minimum=MIN_VARIANCE_GROUP):
    """Labels with every category of fewer than ``minimum`` respondents pooled into one ("pooled");
    a pool that is itself too small joins the largest category."""
    labels = pd.Series(np.asarray(labels, dtype=object))
    counts = labels.value_counts()
    small = set(counts[counts < minimum].index)
    if not small:
        return labels.to_numpy()
    pooled = labels.where(~labels.isin(small), "(pooled)")
    if (pooled == "(pooled)").sum() < minimum:
        pooled = pooled.replace("(pooled)", counts.idxmax())
    return pooled.to_numpy()


def calibration_matrix(groups):
    """0/1 indicators of each margin's categories (columns of ``groups``, or one 1-D array of cells),
    small categories collapsed (:func:`collapse`)."""
    frame = pd.DataFrame(groups) if np.ndim(groups) == 2 else pd.DataFrame({"cell": np.asarray(groups, dtype=object)})
    parts = [pd.get_dummies(pd.Series(collapse(frame[c]), name=c), prefix=c, dtype=float) for c in frame.columns]
    return pd.concat(parts, axis=1).to_numpy()


def weighted_proportion(y, weights, strata=None, frame_n=None, domain=None):
    """Weighted share of ``y`` (0/1) with its linearised standard error and Wilson interval at n_eff.

    ``strata``: what the weights were calibrated to, per respondent: a 1-D array of post-strata labels,
    or a 2-D table of margins (e.g. country and size class for raked weights); None for no calibration.
    ``frame_n`` is accepted for compatibility and not used (no finite population correction).
    ``domain`` (booleans) marks the respondents of a subpopulation (all when None); the others stay in
    the design with u = 0. Returns estimate, se, low, high, n_eff, deff, n (respondents of the domain).
    """
    y, w = np.asarray(y, dtype=float), np.asarray(weights, dtype=float)
    d = np.ones(len(y)) if domain is None else np.asarray(domain, dtype=float)
    n_d = int(d.sum())
    empty = {"estimate": math.nan, "se": math.nan, "low": math.nan, "high": math.nan, "n_eff": 0.0,
             "deff": math.nan, "n": n_d}
    if len(y) == 0 or (w * d).sum() <= 0:
        return empty
    total = float((w * d).sum())
    p = float((w * d * y).sum() / total)
    u = d * (y - p) / total
    if strata is None:
        X = np.ones((len(y), 1))
    else:
        X = calibration_matrix(strata)
    root = np.sqrt(w)
    coef, *_ = np.linalg.lstsq(X * root[:, None], u * root, rcond=None)
    z = w * (u - X @ coef)
    n = len(y)
    variance = float(n / (n - 1) * ((z - z.mean()) ** 2).sum()) if n > 1 else math.nan
    kish = float(total ** 2 / ((w * d) ** 2).sum())
    if n_d < 2 or not math.isfinite(variance):
        return {**empty, "estimate": p, "n_eff": kish}
    srs = p * (1 - p) / n_d
    deff = variance / srs if srs > 0 else math.nan
    n_eff = n_d / deff if srs > 0 and variance > 0 else kish
    low, high = wilson(p * min(n_eff, n_d), min(n_eff, n_d))
    return {"estimate": p, "se": math.sqrt(variance), "low": low, "high": high, "n_eff": n_eff, "deff": deff,
            "n": n_d}


def raked_share(frame, column, domain=None):
    """The weighted share of a 0/1 ``column`` with the design of ``citydip analyze`` (raked weights, margins
    country and ``rake_size_class``): the one call for any new table of weighted shares.

    ``frame``: rows of the analysis Dataset (``data.cities`` or a subset) with ``weight`` and
    ``rake_size_class``; ``domain``: booleans aligned with ``frame`` (None: all). Rows without an answer
    (NaN in ``column``) are outside the domain but stay in the design. Returns :func:`weighted_proportion`'s dict."""
    weighted = frame[frame["weight"].notna()]
    inside = weighted[column].notna()
    if domain is not None:
        inside &= pd.Series(domain, index=frame.index).reindex(weighted.index).fillna(False).astype(bool)
    return weighted_proportion(weighted[column].fillna(0.0), weighted["weight"],
                               weighted[["country", "rake_size_class"]], domain=inside.to_numpy())
