"""Exact max-min diversity (the largest possible minimum pairwise distance) by integer programming.

For a threshold t, a set of n cities whose pairwise distances are all at least t exists exactly when
this 0/1 program is feasible (scipy.optimize.milp, HiGHS):

    Σ x_i = n;  x_i + x_j ≤ 1 for every pair with d_ij < t;  Σ_{i ∈ country c} x_i ≤ cap;  x_f = 1 (forced).

The optimum is one of the pairwise distances, so a binary search over the sorted distinct distances
finds the largest feasible t (a set attaining it is returned). The bound is proved by the solver, so
the minimum distance is exact; ties in it are then broken by the mean pairwise distance with 1-for-1
swaps that keep the minimum (a local search: the mean is not guaranteed optimal, and the output says so).
Used up to ``EXACT_MAX_CANDIDATES`` candidates and while every solve proves its answer within
``TIME_LIMIT`` seconds; otherwise the caller falls back to the heuristic and says so.
"""
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

EXACT_MAX_CANDIDATES = 400
TIME_LIMIT = 60.0  # seconds per feasibility program


class NotProved(Exception):
    """The solver stopped (time limit) without proving feasibility or infeasibility."""


def feasible_set(distances, countries, n, cap, forced, threshold):
    """Indices of n cities with all pairwise distances ≥ threshold under the constraints, or None."""
    m = len(countries)
    rows, cols, data, lower, upper = [], [], [], [], []

    def add(indices, lo, hi):
        row = len(lower)
        rows.extend([row] * len(indices))
        cols.extend(indices)
        data.extend([1.0] * len(indices))
        lower.append(lo)
        upper.append(hi)

    add(list(range(m)), n, n)
    for i, j in zip(*np.nonzero(np.triu(distances < threshold, k=1))):
        add([int(i), int(j)], 0, 1)
    for country in sorted(set(countries)):
        add([i for i, c in enumerate(countries) if c == country], 0, cap)
    matrix = coo_matrix((data, (rows, cols)), shape=(len(lower), m)).tocsr()
    low_bound = np.zeros(m)
    low_bound[list(forced)] = 1
    result = milp(c=np.zeros(m), integrality=np.ones(m), bounds=Bounds(low_bound, np.ones(m)),
                  constraints=LinearConstraint(matrix, lower, upper), options={"time_limit": TIME_LIMIT})
    if result.status == 0:
        return [int(i) for i in np.flatnonzero(result.x > 0.5)]
    if result.status == 2:  # infeasible
        return None
    raise NotProved(result.message)


def exact_maxmin(distances, countries, n, cap, forced):
    """(chosen indices, proved optimal minimum distance); raises NotProved if a solve is inconclusive."""
    values = np.unique(distances[np.triu_indices(len(countries), k=1)])
    best = feasible_set(distances, countries, n, cap, forced, values[0])
    if best is None:
        return None, None
    low, high = 0, len(values) - 1  # values[low] is feasible; find the largest feasible index
    while low < high:
        middle = (low + high + 1) // 2
        found = feasible_set(distances, countries, n, cap, forced, values[middle])
        if found is None:
            high = middle - 1
        else:
            low, best = middle, found
    return best, float(values[low])
