"""LEXIMIN selection: the fairest random choice of a panel that always meets the quotas.

After Flanigan, Gölz, Gupta, Hennig & Procaccia, "Fair algorithms for selecting citizens' assemblies", Nature 596,
548-552 (2021), https://doi.org/10.1038/s41586-021-03788-6: among all probability distributions over
quota-meeting panels, take the one that maximises the smallest selection probability of any candidate, then,
keeping that, the next smallest, and so on (LEXIMIN).

How it is computed, as in the paper's Methods, with one change of scale:

- Candidates whom every quota treats alike (the same *profile*, :mod:`coproduction.recruitment.profiles`) get the
  same chance, so the programs are written over profiles, and a panel over them is a *composition*: how many seats
  each profile takes. 1,000 candidates with quotas on six characteristics have a few hundred profiles.
- Stage 1 maximises the smallest chance. The linear program has a column for every composition, far too many to
  list, so it is solved by column generation (:mod:`coproduction.recruitment.master`): the restricted program over
  the compositions found so far gives dual weights on the profiles, and an integer program finds compositions of
  greatest weight. The stage stops when the gap between the restricted optimum (a lower bound) and the best
  Lagrangian bound seen (an upper bound, see :func:`_stage`) is at most :data:`GAP`, or when no composition
  improves on the restricted program.
- Then the profiles with positive dual weight are fixed at the stage's value (complementary slackness: every
  optimal distribution gives them exactly that), and the next stage maximises the smallest chance of the rest,
  keeping those. The linear program is changed in place, never rebuilt.
- Last, the distribution over compositions is shared out among the members of each profile
  (:mod:`coproduction.recruitment.spread`): a distribution over panels of candidates, each candidate with their
  profile's chance.

One panel is then drawn from the distribution with a caller's seed (:func:`draw`), reproducibly: Python's
``random.Random(seed).random()`` gives a number ``u`` in [0, 1), and the panel drawn is the first whose cumulative
probability, in the published order, exceeds ``u``. Anyone with the published distribution and seed can redo it.
"""

from __future__ import annotations

import random

import attrs
import numpy as np
from numpy.typing import NDArray

from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.master import CompositionPricer, RestrictedMaster
from coproduction.recruitment.profiles import Profiles, profiles_of
from coproduction.recruitment.solver import PanelProblem
from coproduction.recruitment.spread import spread

#: A stage ends when its proved gap (upper bound minus the value reached) is at most this; far below the four
#: decimals chances are shown with.
GAP = 1e-9
#: A composition improves on the restricted program only when its weight exceeds the dual's bound by more than
#: this (guards against looping on rounding errors).
PRICING_TOLERANCE = 1e-9
#: How far the pricing point lies towards the dual weights with the best bound so far (0: no smoothing).
SMOOTHING = 0.5
#: Dual weights above this mark a profile whose chance the stage fixes.
FIX_TOLERANCE = 1e-6
#: Compositions and panels of probability below this are dropped from the distribution (and the rest rescaled).
NEGLIGIBLE = 1e-9
#: Pricing rounds per stage before giving up (never reached on the sizes documented in docs/recruitment.md).
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


@attrs.define
class _Search:
    """The state of the column generation: the two models and the compositions found so far."""

    profiles: Profiles
    pricer: CompositionPricer
    master: RestrictedMaster
    compositions: list[NDArray[np.int64]] = attrs.Factory(list)
    known: set[bytes] = attrs.Factory(set)

    def add(self, composition: NDArray[np.int64]) -> bool:
        """Add ``composition`` as a column unless it is one already; whether it was new."""
        key = composition.tobytes()
        if key in self.known:
            return False
        self.known.add(key)
        self.compositions.append(composition)
        self.master.add(composition)
        return True

    def best(self, weights: NDArray[np.float64]) -> tuple[list[NDArray[np.int64]], float]:
        """Compositions of greatest weight and a bound (:meth:`CompositionPricer.best`); an error when none
        meets the quotas."""
        found = self.pricer.best(weights)
        if found is None:
            raise RecruitmentError("no panel meets the quotas")
        return found


def _cover(search: _Search) -> None:
    """Start with compositions that between them give a seat to every profile that can have one."""
    covered = np.zeros(search.profiles.number, dtype=bool)
    while True:
        composition = search.best(np.where(covered, 0.0, 1.0))[0][0]
        if search.compositions and covered[composition > 0].all():
            return
        search.add(composition)
        covered[composition > 0] = True


def _stage(
    search: _Search, counts: NDArray[np.float64], floors: NDArray[np.float64]
) -> tuple[float, NDArray[np.float64]]:
    """One LEXIMIN stage by column generation: the stage's value and the dual weights on the profiles.

    ``floors`` are the fixed chances (0 for a profile not fixed). Any weights ``y`` on the profiles (not negative,
    adding up to 1 on those not fixed) give an upper bound on the stage's value: the greatest weight of any
    composition, ``max_c sum_t y_t c_t / counts_t``, minus ``floors . y`` (weak duality; the integer program's
    bound stands in for the greatest weight). The restricted program's optimum is a lower bound.

    Pricing is stabilised by smoothing (Wentges, "Weighted Dantzig-Wolfe decomposition for linear mixed-integer
    programming", International Transactions in Operational Research 4(2), 1997): the integer program is given a
    point halfway between the weights with the best bound so far and the restricted program's own, which keeps
    the weights from jumping between the corners of a very degenerate program. When that point yields no
    composition the restricted program lacks, its own weights are priced, and only they can end the stage.
    """
    best_bound = np.inf
    centre: NDArray[np.float64] | None = None
    for _ in range(MAX_ROUNDS):
        value, duals, dual_bound = search.master.solve()
        if best_bound - value <= GAP:
            return value, duals
        tries = [duals] if centre is None else [SMOOTHING * centre + (1.0 - SMOOTHING) * duals, duals]
        for weights in tries:
            compositions, weight_bound = search.best(weights / counts)
            bound = weight_bound - float(np.dot(floors, weights))
            if bound < best_bound:
                best_bound, centre = bound, weights
            better = [c for c in compositions if float(np.dot(c, duals / counts)) > dual_bound + PRICING_TOLERANCE]
            if sum(search.add(c) for c in better):
                break
        else:
            return value, duals
    raise RecruitmentError(  # pragma: no cover - a guard against numerical trouble, never seen in the tests
        "the selection did not converge; try fewer quotas or a smaller pool"
    )


def leximin(problem: PanelProblem) -> Distribution:
    """The LEXIMIN distribution over the panels of ``problem`` (see the module's docstring).

    Raises :class:`RecruitmentError` when no panel meets the quotas (check with
    :func:`~coproduction.recruitment.solver.smallest_relaxation` first, to say why) or a solver fails.
    """
    if problem.seats > problem.size:
        raise RecruitmentError("no panel meets the quotas")
    profiles = profiles_of(problem)
    search = _Search(profiles, CompositionPricer(problem, profiles), RestrictedMaster(profiles.counts))
    _cover(search)
    counts = profiles.counts.astype(float)
    floors = np.zeros(profiles.number)
    fixed: set[int] = set()
    while len(fixed) < profiles.number:
        value, duals = _stage(search, counts, floors)
        level = max(0.0, min(1.0, value))
        newly = [p for p in range(profiles.number) if p not in fixed and duals[p] > FIX_TOLERANCE]
        if not newly:  # pragma: no cover - the dual's weights on the unfixed add up to 1
            newly = [p for p in range(profiles.number) if p not in fixed]
        for profile in newly:
            fixed.add(profile)
            floors[profile] = level
            search.master.fix(profile, level)
    probabilities = search.master.weights()
    support = [s for s, w in enumerate(probabilities) if w > NEGLIGIBLE]
    total = float(sum(probabilities[s] for s in support))
    panels = spread(
        profiles, [search.compositions[s] for s in support], [float(probabilities[s]) / total for s in support]
    )
    kept = sorted((panel, weight) for panel, weight in panels.items() if weight > NEGLIGIBLE)
    if not all(problem.meets_quotas(panel) for panel, _ in kept):  # pragma: no cover - by construction
        raise RecruitmentError("the selection's panels could not be formed; try fewer quotas or a smaller pool")
    total = sum(weight for _, weight in kept)
    return Distribution(tuple(p for p, _ in kept), tuple(w / total for _, w in kept))


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
