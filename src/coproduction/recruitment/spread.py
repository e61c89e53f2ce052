"""From a distribution over compositions (seats per profile) to one over panels of named candidates.

The LEXIMIN program is solved over profiles (:mod:`coproduction.recruitment.profiles`): each composition says how
many seats each profile takes, with a probability. To publish and draw a panel of people, each composition's
probability is shared out among the members of every profile so that each member of a profile ends up with the
same chance, in two steps.

1. How much of composition ``s``'s probability ``w_s`` each member ``j`` of a profile gets, ``a[j, s]``: at most
   ``w_s`` (one seat each), ``c_s * w_s`` in all (the composition's ``c_s`` seats for that profile), and each
   member's total is the profile's chance. A transportation problem that always has an answer (the LEXIMIN
   composition probabilities give every member the same chance), solved as a linear program by HiGHS; a basic
   solution shares few compositions between members.
2. Within composition ``s``, McNaughton's wrap-around rule (R. McNaughton, "Scheduling with deadlines and loss
   functions", Management Science 6(1), 1959) lays the shares ``a[j, s]`` one after another along ``c_s`` seats of
   length ``w_s``: since no share is longer than ``w_s``, no member holds two seats at once. Cutting ``[0, w_s)``
   where any share begins or ends gives panels, each with exactly ``c_s`` members of the profile.

Every panel has the composition's seats per profile, so it meets the quotas; each candidate's chance is their
profile's chance.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import highspy
import numpy as np
from numpy.typing import NDArray

from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.master import quiet_highs
from coproduction.recruitment.profiles import Profiles

#: Cut points closer than this are one cut (the arithmetic's rounding, far below any probability shown).
SNAP = 1e-13


def shares(seats: Sequence[int], widths: Sequence[float], members: int) -> NDArray[np.float64]:
    """``a[j, s]`` (step 1 of the module's docstring) for one profile of ``members`` people, given each
    composition's ``seats`` for the profile (1 .. members) and probability ``widths``."""
    count = len(seats)
    width = np.asarray(widths, dtype=float)
    if members == 1 or all(c == members for c in seats):
        return np.tile(width, (members, 1))
    chance = float(np.dot(seats, width)) / members
    solver = quiet_highs()
    solver.setOptionValue("primal_feasibility_tolerance", 1e-10)
    variables = members * count
    model = highspy.HighsLp()
    model.num_col_ = variables
    model.num_row_ = members + count
    model.col_cost_ = np.zeros(variables)
    model.col_lower_ = np.zeros(variables)
    model.col_upper_ = np.tile(width, members)
    totals = np.concatenate([np.full(members, chance), np.asarray(seats, dtype=float) * width])
    model.row_lower_ = totals
    model.row_upper_ = totals
    column = np.arange(variables)
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_ = np.arange(0, 2 * variables + 1, 2)
    model.a_matrix_.index_ = np.column_stack([column // count, members + column % count]).ravel()
    model.a_matrix_.value_ = np.ones(2 * variables)
    model.a_matrix_.num_col_ = variables
    model.a_matrix_.num_row_ = members + count
    solver.passModel(model)
    solver.run()
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:  # pragma: no cover - always feasible
        raise RecruitmentError("the chances could not be shared out among the candidates")
    values = np.asarray(solver.getSolution().col_value, dtype=float).reshape(members, count)
    values[values < SNAP] = 0.0
    clipped: NDArray[np.float64] = np.minimum(values, width[None, :])
    return clipped


def _tape(candidates: Sequence[int], amounts: NDArray[np.float64]) -> tuple[NDArray[np.float64], list[int]]:
    """Where each share ends along the seats, largest first (ties: the candidate listed first), and whose."""
    order = sorted((i for i in range(len(candidates)) if amounts[i] > 0.0), key=lambda i: (-amounts[i], i))
    return np.cumsum([amounts[i] for i in order]), [candidates[i] for i in order]


def spread(
    profiles: Profiles, compositions: Sequence[NDArray[np.int64]], weights: Sequence[float]
) -> dict[tuple[int, ...], float]:
    """Panels of candidates and their probabilities, giving every member of a profile the chance the
    ``compositions`` (with probabilities ``weights``) give the profile (see the module's docstring)."""
    tapes: list[list[tuple[int, NDArray[np.float64], list[int]]]] = [[] for _ in compositions]
    matrix = np.array([np.asarray(c, dtype=np.int64) for c in compositions])
    for profile in range(profiles.number):
        used = [int(s) for s in np.flatnonzero(matrix[:, profile])]
        if not used:
            continue
        amounts = shares(
            [int(c) for c in matrix[used, profile]], [weights[s] for s in used], int(profiles.counts[profile])
        )
        for column, s in enumerate(used):
            ends, owners = _tape(profiles.members[profile], amounts[:, column])
            tapes[s].append((int(matrix[s, profile]), ends, owners))
    panels: dict[tuple[int, ...], float] = {}
    for s, width in enumerate(weights):
        cuts = {0.0, width}
        for _, ends, _ in tapes[s]:
            cuts.update(float(e) % width for e in ends[:-1])
        points = sorted(cuts)
        kept = [points[0]]
        for point in points[1:]:
            if point - kept[-1] > SNAP:
                kept.append(point)
        kept[-1] = width
        for start, end in itertools.pairwise(kept):
            middle = (start + end) / 2
            chosen: list[int] = []
            for seats, ends, owners in tapes[s]:
                places = np.searchsorted(ends, middle + width * np.arange(seats), side="right")
                chosen.extend(owners[min(int(p), len(owners) - 1)] for p in places)
            panel = tuple(sorted(chosen))
            panels[panel] = panels.get(panel, 0.0) + (end - start)
    return panels


__all__ = ["shares", "spread"]
