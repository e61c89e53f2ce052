"""The integer programs behind selection: which panels meet the quotas, the best panel for given weights, and the
smallest relaxation of quotas a pool cannot meet. Solved by HiGHS (https://highs.dev) through SciPy's
``scipy.optimize.milp``.

A panel is ``seats`` distinct candidates (indices ``0 .. size-1``) such that, for every quota ``q``, the number
of panel members in ``groups[q]`` is between ``lower[q]`` and ``upper[q]`` (``None``: no upper bound).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, milp  # type: ignore[import-untyped]
from scipy.sparse import csr_array  # type: ignore[import-untyped]

from coproduction.recruitment.errors import RecruitmentError

#: Values within this of 1 count as "chosen" in a solver's answer.
_HALF = 0.5


@attrs.frozen
class PanelProblem:
    """Candidates ``0 .. size-1``, ``seats`` to fill, and for each quota the candidates it counts and its bounds."""

    size: int
    seats: int
    groups: tuple[frozenset[int], ...] = ()
    lower: tuple[int, ...] = ()
    upper: tuple[int | None, ...] = ()

    def meets_quotas(self, panel: Sequence[int]) -> bool:
        """Whether ``panel`` has ``seats`` distinct candidates and meets every quota."""
        chosen = set(panel)
        if len(chosen) != len(panel) or len(chosen) != self.seats or not chosen <= set(range(self.size)):
            return False
        for group, low, high in zip(self.groups, self.lower, self.upper, strict=True):
            count = len(chosen & group)
            if count < low or (high is not None and count > high):
                return False
        return True


def _matrix(problem: PanelProblem) -> csr_array:
    rows: list[int] = []
    cols: list[int] = []
    for row, group in enumerate(problem.groups):
        for col in sorted(group):
            rows.append(row)
            cols.append(col)
    data = np.ones(len(rows))
    return csr_array((data, (rows, cols)), shape=(len(problem.groups), problem.size))


def _constraints(problem: PanelProblem) -> list[LinearConstraint]:
    constraints = [LinearConstraint(np.ones((1, problem.size)), problem.seats, problem.seats)]
    if problem.groups:
        upper = np.array([np.inf if u is None else float(u) for u in problem.upper])
        constraints.append(LinearConstraint(_matrix(problem), np.array(problem.lower, dtype=float), upper))
    return constraints


def best_panel(problem: PanelProblem, weights: Sequence[float]) -> tuple[int, ...] | None:
    """The quota-meeting panel with the largest total weight (sorted indices), or ``None`` when no panel meets
    the quotas."""
    if problem.seats > problem.size:
        return None
    cost = -np.asarray(weights, dtype=float)
    result = milp(
        cost,
        integrality=np.ones(problem.size),
        bounds=Bounds(0, 1),
        constraints=_constraints(problem),
        options={"disp": False},
    )
    if result.status == 2:  # infeasible
        return None
    if result.x is None:
        raise RecruitmentError(f"the integer program solver stopped without an answer: {result.message}")
    values: NDArray[np.float64] = np.asarray(result.x, dtype=float)
    return tuple(int(i) for i in np.flatnonzero(values > _HALF))


@attrs.frozen
class Relaxation:
    """How far each quota must move for a panel to exist: ``lower_by[q]`` fewer at least, ``upper_by[q]`` more
    at most. ``seats_short`` is how many seats more than the pool's size were asked for."""

    lower_by: tuple[int, ...]
    upper_by: tuple[int, ...]
    seats_short: int = 0

    @property
    def needed(self) -> bool:
        """Whether any quota must move (the quotas cannot all be met as they are)."""
        return self.seats_short > 0 or any(self.lower_by) or any(self.upper_by)


def smallest_relaxation(problem: PanelProblem) -> Relaxation:
    """The smallest total change to the quotas' bounds (in seats) after which some panel meets them all; all
    zeros when the quotas can be met as they are."""
    quotas = len(problem.groups)
    if problem.seats > problem.size:
        return Relaxation((0,) * quotas, (0,) * quotas, problem.seats - problem.size)
    if not quotas:
        return Relaxation((), ())
    n = problem.size
    # Variables: x (n), lower slack (quotas), upper slack (quotas).
    matrix = _matrix(problem).toarray()
    identity = np.eye(quotas)
    zeros = np.zeros((quotas, quotas))
    lower_rows = np.hstack([matrix, identity, zeros])  # A x + s_lo >= lower
    upper_rows = np.hstack([matrix, zeros, -identity])  # A x - s_hi <= upper
    seats_row = np.hstack([np.ones((1, n)), np.zeros((1, 2 * quotas))])
    upper = np.array([np.inf if u is None else float(u) for u in problem.upper])
    constraints = [
        LinearConstraint(seats_row, problem.seats, problem.seats),
        LinearConstraint(lower_rows, np.array(problem.lower, dtype=float), np.inf),
        LinearConstraint(upper_rows, -np.inf, upper),
    ]
    cost = np.concatenate([np.zeros(n), np.ones(2 * quotas)])
    high = np.concatenate([np.ones(n), np.full(2 * quotas, np.inf)])
    result = milp(
        cost,
        integrality=np.ones(n + 2 * quotas),
        bounds=Bounds(np.zeros(n + 2 * quotas), high),
        constraints=constraints,
        options={"disp": False},
    )
    if result.x is None:
        raise RecruitmentError(f"the integer program solver stopped without an answer: {result.message}")
    values = np.rint(np.asarray(result.x, dtype=float)).astype(int)
    return Relaxation(tuple(int(v) for v in values[n : n + quotas]), tuple(int(v) for v in values[n + quotas :]))


__all__ = ["PanelProblem", "Relaxation", "best_panel", "smallest_relaxation"]
