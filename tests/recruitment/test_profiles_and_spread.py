"""The pieces behind the LEXIMIN selection: profiles of interchangeable candidates, the integer program over
compositions, and sharing a distribution over compositions out among candidates (McNaughton's wrap-around).

The whole LEXIMIN vector (not only its smallest chance) is checked against an independent computation over every
panel that does not use dual weights: after each max-min step, a candidate is fixed when no optimal distribution
can give them more (one linear program per candidate)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog  # type: ignore[import-untyped]

from coproduction.recruitment.leximin import leximin
from coproduction.recruitment.master import CompositionPricer
from coproduction.recruitment.profiles import profiles_of
from coproduction.recruitment.solver import PanelProblem
from coproduction.recruitment.spread import shares, spread

#: 0 and 3 are young; 1 and 4 are carers; 2 and 5 neither; 6 is young and a carer.
MIXED = PanelProblem(7, 3, (frozenset({0, 3, 6}), frozenset({1, 4, 6})), (1, 1), (None, 2))


def test_candidates_counted_by_the_same_quotas_share_a_profile() -> None:
    profiles = profiles_of(MIXED)
    assert profiles.of == (0, 1, 2, 0, 1, 2, 3)
    assert profiles.members == ((0, 3), (1, 4), (2, 5), (6,))
    assert profiles.counts.tolist() == [2, 2, 2, 1]
    assert profiles.quotas.tolist() == [[1, 0], [0, 1], [0, 0], [1, 1]]


def test_without_quotas_everyone_is_one_profile() -> None:
    profiles = profiles_of(PanelProblem(4, 2))
    assert profiles.members == ((0, 1, 2, 3),)
    assert profiles.quotas.shape == (1, 0)


def _compositions(problem: PanelProblem) -> list[tuple[int, ...]]:
    profiles = profiles_of(problem)
    found = set()
    for panel in itertools.combinations(range(problem.size), problem.seats):
        if problem.meets_quotas(panel):
            found.add(tuple(sum(1 for i in panel if profiles.of[i] == p) for p in range(profiles.number)))
    return sorted(found)


def test_the_pricer_finds_the_best_composition_and_a_bound_no_lower() -> None:
    profiles = profiles_of(MIXED)
    pricer = CompositionPricer(MIXED, profiles)
    for weights in ([1.0, 0.0, 0.0, 0.0], [0.0, 0.2, 0.5, 0.1], [0.3, 0.3, 0.0, 0.9]):
        found = pricer.best(np.array(weights))
        assert found is not None
        compositions, bound = found
        best = max(float(np.dot(c, weights)) for c in _compositions(MIXED))
        assert float(np.dot(compositions[0], weights)) == pytest.approx(best)
        assert bound >= best - 1e-9
        assert all(tuple(c.tolist()) in _compositions(MIXED) for c in compositions)


def test_the_pricer_says_when_no_composition_meets_the_quotas() -> None:
    problem = PanelProblem(3, 2, (frozenset({0}),), (2,), (None,))
    assert CompositionPricer(problem, profiles_of(problem)).best(np.ones(2)) is None


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 8).flatmap(
        lambda members: st.lists(st.tuples(st.integers(1, members), st.floats(1e-6, 1.0)), min_size=1, max_size=6).map(
            lambda segments: (members, segments)
        )
    )
)
def test_shares_always_exist_and_respect_every_bound(case: tuple[int, list[tuple[int, float]]]) -> None:
    members, segments = case
    seats = [s for s, _ in segments]
    total = sum(w for _, w in segments)
    widths = [w / total for _, w in segments]
    amounts = shares(seats, widths, members)
    chance = float(np.dot(seats, widths)) / members
    assert amounts.shape == (members, len(seats))
    assert amounts.min() >= 0.0
    assert (amounts <= np.array(widths)[None, :] + 1e-15).all()
    assert amounts.sum(axis=1) == pytest.approx([chance] * members, abs=1e-9)
    assert amounts.sum(axis=0) == pytest.approx([s * w for s, w in zip(seats, widths, strict=True)], abs=1e-9)


@pytest.mark.parametrize(
    ("seats", "widths", "members"),
    [
        # A rule that gives the wide composition to whole members first leaves too few for the narrow one.
        ([4, 4], [0.00058357, 0.99941643], 10),
        ([2, 1, 2, 2, 2, 2], [0.2547824, 0.0000513, 0.0178337, 0.6321996, 0.0886763, 0.0064567], 2),
    ],
)
def test_shares_where_greedy_rules_fail(seats: list[int], widths: list[float], members: int) -> None:
    widths = [w / sum(widths) for w in widths]
    amounts = shares(seats, widths, members)
    assert amounts.sum(axis=1) == pytest.approx([float(np.dot(seats, widths)) / members] * members, abs=1e-9)
    assert amounts.sum(axis=0) == pytest.approx([s * w for s, w in zip(seats, widths, strict=True)], abs=1e-9)


def test_spread_gives_each_member_their_profiles_chance_in_panels_of_the_composition() -> None:
    profiles = profiles_of(MIXED)
    compositions = [np.array([1, 1, 1, 0]), np.array([0, 0, 2, 1]), np.array([2, 1, 0, 0])]
    weights = [0.5, 0.3, 0.2]
    panels = spread(profiles, compositions, weights)
    assert sum(panels.values()) == pytest.approx(1.0)
    chances = [0.0] * MIXED.size
    for panel, weight in panels.items():
        assert len(set(panel)) == MIXED.seats
        for person in panel:
            chances[person] += weight
    expected = [0.0] * profiles.number
    for composition, weight in zip(compositions, weights, strict=True):
        for p in range(profiles.number):
            expected[p] += weight * composition[p] / profiles.counts[p]
    assert chances == pytest.approx([expected[profiles.of[i]] for i in range(MIXED.size)], abs=1e-12)
    # Each panel has one of the compositions' seats per profile.
    shapes = {tuple(c.tolist()) for c in compositions}
    for panel in panels:
        assert tuple(sum(1 for i in panel if profiles.of[i] == p) for p in range(profiles.number)) in shapes


def _leximin_by_enumeration(problem: PanelProblem) -> list[float]:
    """The LEXIMIN chances, sorted, over every quota-meeting panel, without dual weights: maximise the smallest
    chance of the candidates not fixed; fix each candidate no optimal distribution can lift above it."""
    panels = [p for p in itertools.combinations(range(problem.size), problem.seats) if problem.meets_quotas(p)]
    count, size = len(panels), problem.size
    member = np.zeros((size, count))
    for column, panel in enumerate(panels):
        member[list(panel), column] = 1.0
    fixed: dict[int, float] = {}
    while len(fixed) < size:
        free = [i for i in range(size) if i not in fixed]
        # Variables: panel probabilities, then z. Maximise z.
        rows = np.hstack([-member, np.zeros((size, 1))])
        rows[free, count] = 1.0
        limits = np.array([0.0 if i not in fixed else -fixed[i] for i in range(size)])
        equal = np.array([[1.0] * count + [0.0]])
        bounds = [(0, None)] * count + [(None, None)]
        cost = np.zeros(count + 1)
        cost[count] = -1.0
        best = linprog(cost, A_ub=rows, b_ub=limits, A_eq=equal, b_eq=[1.0], bounds=bounds, method="highs")
        level = float(-best.fun)
        # Now z is held at the level: which free candidates can get more?
        held = [(level, None)]
        newly = []
        for i in free:
            lift = np.zeros(count + 1)
            lift[:count] = -member[i]
            result = linprog(
                lift, A_ub=rows, b_ub=limits, A_eq=equal, b_eq=[1.0], bounds=bounds[:count] + held, method="highs"
            )
            if -result.fun <= level + 1e-7:
                newly.append(i)
        for i in newly or free:
            fixed[i] = level
    return sorted(fixed.values())


@st.composite
def _problems(draw: st.DrawFn) -> PanelProblem:
    size = draw(st.integers(2, 7))
    seats = draw(st.integers(1, min(size, 4)))
    quotas = draw(st.integers(0, 3))
    groups = tuple(frozenset(draw(st.sets(st.integers(0, size - 1), min_size=1))) for _ in range(quotas))
    lower = tuple(draw(st.integers(0, min(seats, len(g)))) for g in groups)
    upper = tuple(draw(st.none() | st.integers(low, seats)) for low in lower)
    return PanelProblem(size, seats, groups, lower, upper)


#: 0 and 1 are young; 0, 2 and 3 are carers; three seats with at least one of each. LEXIMIN gives six candidates
#: 1/3 and lifts the last two to 1/2; a distribution that only maximises the smallest chance may give 2/3 to one.
UNEVEN = PanelProblem(8, 3, (frozenset({0, 1}), frozenset({0, 2, 3})), (1, 1), (None, None))


@pytest.mark.parametrize("problem", [UNEVEN, MIXED, PanelProblem(6, 2, (frozenset({0}),), (1,), (None,))])
def test_the_whole_leximin_vector_on_known_pools(problem: PanelProblem) -> None:
    assert sorted(leximin(problem).marginals(problem.size)) == pytest.approx(_leximin_by_enumeration(problem), abs=1e-6)


def test_uneven_pools_leximin_lifts_the_second_smallest() -> None:
    assert _leximin_by_enumeration(UNEVEN) == pytest.approx([1 / 3] * 6 + [1 / 2] * 2, abs=1e-6)


@settings(max_examples=40, deadline=None)
@given(_problems())
def test_the_whole_leximin_vector_matches_an_independent_computation(problem: PanelProblem) -> None:
    if not any(problem.meets_quotas(p) for p in itertools.combinations(range(problem.size), problem.seats)):
        return
    chances = leximin(problem).marginals(problem.size)
    assert sorted(chances) == pytest.approx(_leximin_by_enumeration(problem), abs=1e-6)
    profiles = profiles_of(problem)
    for members in profiles.members:
        assert [chances[i] for i in members] == pytest.approx([chances[members[0]]] * len(members), abs=1e-9)


def test_the_benchmark_shape_on_a_small_pool() -> None:
    # Six characteristics of three categories each, quotas on two categories of each, as in the benchmark.
    rng = np.random.default_rng(14)
    size, seats = 60, 10
    categories = rng.choice(3, size=(size, 6), p=[0.6, 0.3, 0.1])
    groups = tuple(frozenset(np.flatnonzero(categories[:, c] == k).tolist()) for c in range(6) for k in (1, 2))
    lower = tuple(min(len(g), int(share * seats)) for g, share in zip(groups, [0.3, 0.1] * 6, strict=True))
    problem = PanelProblem(size, seats, groups, lower, (None,) * len(groups))
    distribution = leximin(problem)
    assert all(problem.meets_quotas(p) for p in distribution.panels)
    chances = distribution.marginals(size)
    assert sum(chances) == pytest.approx(seats)
    assert sum(distribution.weights) == pytest.approx(1.0)
    assert leximin(problem) == distribution
