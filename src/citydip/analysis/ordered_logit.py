"""The ordered logit with its score and Hessian in closed form (statsmodels' OrderedModel, logit link).

statsmodels' ``OrderedModel`` is a ``GenericLikelihoodModel``: it differentiates the log-likelihood by
finite differences, for Newton's steps, for its convergence check and for the sandwich covariance.
Finite differences carry a rounding error of about 1e-8 relative that changes from one rounding of the
inputs to the next: the same data held in memory in another layout (a view of a wider frame instead
of a copy) gave coefficients that agreed to 10 digits but standard errors that agreed to 8 only, and
a BFGS fit stopped by its gradient tolerance differed in the printed digits (docs/reliability.md).
With the derivatives below Newton–Raphson converges quadratically to machine precision and the
standard errors are computed, not approximated, so every printed digit is determined by the data.

Parameters as statsmodels has them: ``β`` (one per predictor), then the lowest threshold ``θ₁`` and
the logs of the increments, ``θ_m = θ₁ + Σ_{r<m} exp(φ_r)``. For a case in category ``c`` with upper and
lower bounds ``a = θ_c − xβ`` and ``b = θ_{c−1} − xβ`` (±∞ at the ends), ``p = F(a) − F(b)`` and, with ``A``
and ``B`` the derivatives of ``a`` and ``b`` with respect to (β, θ):

* score ``s = (f(a)·A − f(b)·B) / p``;
* Hessian ``Σ [f′(a)·AAᵀ − f′(b)·BBᵀ] / p − s sᵀ``;

then the chain rule from θ to the increments' logs (``∂θ_m/∂φ_r = exp(φ_r)`` for ``r < m``, plus the
score times ``∂²θ_m/∂φ_r² = exp(φ_r)``). F is the logistic distribution, f = F(1 − F), f′ = f(1 − 2F).
Checked against statsmodels' finite differences in tests/analysis/test_fit_models.py.
"""
import numpy as np
from scipy.special import expit
from statsmodels.miscmodels.ordinal_model import OrderedModel


class OrderedLogit(OrderedModel):
    """``OrderedModel(endog, exog, distr="logit")`` with the analytic score, score per case and Hessian."""

    def __init__(self, endog, exog, **kwds):
        super().__init__(endog, exog, distr="logit", **kwds)

    def _parts(self, params):
        """(score of each case with respect to (β, all thresholds incl. ±∞), A, B, f′(a)/p, f′(b)/p)."""
        params = np.asarray(params, dtype=float)
        low, upp = self._bounds(params)
        cdf_upp, cdf_low = expit(upp), expit(low)
        pdf_upp, pdf_low = cdf_upp * (1 - cdf_upp), cdf_low * (1 - cdf_low)
        prob = np.maximum(cdf_upp - cdf_low, 0) + 1e-20  # as in OrderedModel.loglikeobs
        n, levels = len(low), self.k_levels
        minus_x = -np.asarray(self.exog, dtype=float).reshape(n, self.k_vars)
        upper, lower = np.zeros((n, levels + 1)), np.zeros((n, levels + 1))
        rows = np.arange(n)
        upper[rows, self.endog + 1] = 1.0
        lower[rows, self.endog] = 1.0
        A, B = np.hstack([minus_x, upper]), np.hstack([minus_x, lower])
        score = (pdf_upp[:, None] * A - pdf_low[:, None] * B) / prob[:, None]
        return (score, A, B, pdf_upp * (1 - 2 * cdf_upp) / prob, pdf_low * (1 - 2 * cdf_low) / prob)

    def _jacobian(self, params):
        """∂(β, thresholds incl. ±∞)/∂params: the chain rule from the thresholds to statsmodels' parameters."""
        params = np.asarray(params, dtype=float)
        k, m = self.k_vars, self.k_levels - 1
        increments = np.exp(params[k + 1:])
        jacobian = np.zeros((k + m + 2, k + m))
        jacobian[:k, :k] = np.eye(k)
        for threshold in range(m):  # row k + 1 + threshold: θ_{threshold+1}; rows k and k + m + 1 are ±∞
            jacobian[k + 1 + threshold, k] = 1.0
            jacobian[k + 1 + threshold, k + 1:k + 1 + threshold] = increments[:threshold]
        return jacobian

    def score_obs(self, params, **kwds):
        return self._parts(params)[0] @ self._jacobian(params)

    def score(self, params):
        return self.score_obs(params).sum(axis=0)

    def hessian(self, params):
        params = np.asarray(params, dtype=float)
        score, A, B, curvature_upp, curvature_low = self._parts(params)
        extended = A.T @ (curvature_upp[:, None] * A) - B.T @ (curvature_low[:, None] * B) - score.T @ score
        jacobian = self._jacobian(params)
        hessian = jacobian.T @ extended @ jacobian
        k, m = self.k_vars, self.k_levels - 1
        threshold_score = score.sum(axis=0)[k + 1:k + 1 + m]  # ∂ℓ/∂θ_1 … ∂ℓ/∂θ_m
        for r in range(1, m):  # ∂²θ_t/∂φ_r² = exp(φ_r) for every threshold t above r
            hessian[k + r, k + r] += np.exp(params[k + r]) * threshold_score[r:].sum()
        return hessian
