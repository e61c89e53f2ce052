"""LEXIMIN selection: the fairest random choice of a panel that always meets the quotas.

After Flanigan, Gölz, Gupta, Hennig & Procaccia, "Fair algorithms for selecting citizens' assemblies", Nature 596,
548-552 (2021), https://doi.org/10.1038/s41586-021-03788-6: among all probability distributions over
quota-meeting panels, take the one that maximises the smallest selection probability of any candidate, then,
keeping that, the next smallest, and so on (LEXIMIN). Each step is a linear program over panels, far too many to
list, so it is solved by column generation: the dual program's weights on candidates are handed to an integer
program (:func:`coproduction.recruitment.solver.best_panel`) that finds the panel the current columns lack most;
when no panel improves on the dual's bound, the candidates with positive dual weight are fixed at the step's
value (complementary slackness: every optimal distribution gives them exactly that), and the next step begins.

One panel is then drawn from the distribution with a caller's seed (:func:`draw`), reproducibly: Python's
``random.Random(seed).random()`` gives a number ``u`` in [0, 1), and the panel drawn is the first whose cumulative
probability, in the published order, exceeds ``u``. Anyone with the published distribution and seed can redo it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import attrs
import numpy as np
from scipy.optimize import linprog  # type: ignore[import-untyped]

from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.solver import PanelProblem, best_panel

#: A panel improves the dual bound only by more than this (guards against looping on rounding errors).
PRICING_TOLERANCE = 1e-6
#: Dual weights above this mark a candidate whose probability the step fixes.
FIX_TOLERANCE = 1e-6
#: Panels of probability below this are dropped from the distribution (and the rest rescaled).
NEGLIGIBLE = 1e-9
#: Pricing rounds per step before giving up (never reached on the sizes documented in docs/recruitment.md).
MAX_ROUNDS = 20_000


@attrs.frozen
class Distribution:
    """Panels (sorted candidate indices), each with its probability; the probabilities add up to 1."""

    panels: tuple[tuple[int, ...], ...]
    weights: tuple[float, ...]

    def marginals(self, size: int) -> tuple[float, ...]:
        """Each candidate's probability of selection: the total probability of the panels that contain them."""
        totals = [0.0] * size
        for panel, weight in zip(self.panels, self.weights, strict=True):
            for index in panel:
                totals[index] += weight
        return tuple(totals)


def _initial_panels(problem: PanelProblem) -> list[tuple[int, ...]]:
    """Panels that between them include every candidate who can be in any panel."""
    panels: list[tuple[int, ...]] = []
    covered: set[int] = set()
    while True:
        weights = [0.0 if i in covered else 1.0 for i in range(problem.size)]
        panel = best_panel(problem, weights)
        if panel is None:
            raise RecruitmentError("no panel meets the quotas")
        if panels and covered.issuperset(panel):
            return panels
        panels.append(panel)
        covered.update(panel)


def _solve_dual(
    panels: Sequence[tuple[int, ...]], size: int, fixed: dict[int, float]
) -> tuple[np.ndarray, float, float]:
    """Weights y on candidates, the bound ŷ and the objective of the dual of the step's program."""
    columns = size + 1  # y_0 .. y_{size-1}, then ŷ (free)
    cost = np.zeros(columns)
    cost[size] = 1.0
    for index, value in fixed.items():
        cost[index] = -value
    rows = np.zeros((len(panels), columns))
    for row, panel in enumerate(panels):
        rows[row, list(panel)] = 1.0
        rows[row, size] = -1.0
    equality = np.zeros((1, columns))
    for index in range(size):
        if index not in fixed:
            equality[0, index] = 1.0
    bounds = [(0.0, None)] * size + [(None, None)]
    result = linprog(
        cost, A_ub=rows, b_ub=np.zeros(len(panels)), A_eq=equality, b_eq=[1.0], bounds=bounds, method="highs"
    )
    if result.status != 0:
        raise RecruitmentError(f"the linear program solver stopped without an answer: {result.message}")
    values = np.asarray(result.x, dtype=float)
    return values[:size], float(values[size]), float(result.fun)


def _final_weights(panels: Sequence[tuple[int, ...]], size: int, fixed: dict[int, float]) -> list[float]:
    """Probabilities of the panels that give every candidate (nearly) their fixed probability."""
    count = len(panels)
    # Variables: one weight per panel, then the shortfall t; minimise t subject to pi_i + t >= fixed_i.
    cost = np.zeros(count + 1)
    cost[count] = 1.0
    rows = np.zeros((size, count + 1))
    for column, panel in enumerate(panels):
        rows[list(panel), column] = -1.0
    rows[:, count] = -1.0
    limits = -np.array([fixed[i] for i in range(size)])
    equality = np.zeros((1, count + 1))
    equality[0, :count] = 1.0
    result = linprog(
        cost,
        A_ub=rows,
        b_ub=limits,
        A_eq=equality,
        b_eq=[1.0],
        bounds=[(0.0, None)] * count + [(None, None)],
        method="highs",
    )
    if result.status != 0:
        raise RecruitmentError(f"the linear program solver stopped without an answer: {result.message}")
    weights = [float(w) if w > NEGLIGIBLE else 0.0 for w in np.asarray(result.x, dtype=float)[:count]]
    total = sum(weights)
    return [w / total for w in weights]


def leximin(problem: PanelProblem) -> Distribution:
    """The LEXIMIN distribution over the panels of ``problem`` (see the module's docstring).

    Raises :class:`RecruitmentError` when no panel meets the quotas (check with
    :func:`~coproduction.recruitment.solver.smallest_relaxation` first, to say why) or a solver fails.
    """
    panels = _initial_panels(problem)
    known = set(panels)
    fixed: dict[int, float] = {}
    while len(fixed) < problem.size:
        for _ in range(MAX_ROUNDS):
            y, bound, value = _solve_dual(panels, problem.size, fixed)
            panel = best_panel(problem, [float(v) for v in y])
            assert panel is not None  # the quotas were met by the initial panels
            if sum(float(y[i]) for i in panel) <= bound + PRICING_TOLERANCE or panel in known:
                break
            panels.append(panel)
            known.add(panel)
        else:  # pragma: no cover - a guard against numerical trouble, never seen in the tests
            raise RecruitmentError("the selection did not converge; try fewer quotas or a smaller pool")
        level = max(0.0, min(1.0, value))
        newly = [i for i in range(problem.size) if i not in fixed and y[i] > FIX_TOLERANCE]
        if not newly:  # pragma: no cover - the dual's weights on the unfixed add up to 1
            newly = [i for i in range(problem.size) if i not in fixed]
        for index in newly:
            fixed[index] = level
    weights = _final_weights(panels, problem.size, fixed)
    kept = [(panel, weight) for panel, weight in zip(panels, weights, strict=True) if weight > 0.0]
    kept.sort(key=lambda item: item[0])
    return Distribution(tuple(p for p, _ in kept), tuple(w for _, w in kept))


def draw(distribution: Distribution, seed: int) -> tuple[tuple[int, ...], float]:
    """One panel drawn from ``distribution`` with ``seed``, and the number ``u`` that chose it (see the module's
    docstring: the same distribution and seed always give the same panel)."""
    u = random.Random(seed).random()
    cumulative = 0.0
    for panel, weight in zip(distribution.panels, distribution.weights, strict=True):
        cumulative += weight
        if u < cumulative:
            return panel, u
    return distribution.panels[-1], u


def legacy_draw(problem: PanelProblem, rng: random.Random) -> tuple[int, ...] | None:
    """The greedy procedure selections used before LEXIMIN (Flanigan et al. 2021, "legacy"), for comparison:
    fill seats one at a time, each time choosing at random among the candidates of the quota furthest below its
    lower bound (any candidate when none is below), never breaking an upper bound. ``None`` when it gets stuck
    (a real selection would start again)."""
    chosen: list[int] = []
    left = set(range(problem.size))
    counts = [0] * len(problem.groups)
    for _ in range(problem.seats):
        allowed = [
            i
            for i in sorted(left)
            if all(
                high is None or counts[q] < high or i not in group
                for q, (group, high) in enumerate(zip(problem.groups, problem.upper, strict=True))
            )
        ]
        short = [(problem.lower[q] - counts[q], q) for q in range(len(problem.groups)) if counts[q] < problem.lower[q]]
        pool = allowed
        if short:
            _, neediest = max(short, key=lambda item: (item[0], -item[1]))
            pool = [i for i in allowed if i in problem.groups[neediest]]
        if not pool:
            return None
        person = rng.choice(pool)
        chosen.append(person)
        left.discard(person)
        for q, group in enumerate(problem.groups):
            if person in group:
                counts[q] += 1
    panel = tuple(sorted(chosen))
    return panel if problem.meets_quotas(panel) else None


__all__ = ["Distribution", "draw", "legacy_draw", "leximin"]
