"""Candidates who are interchangeable for the quotas, grouped into profiles.

Two candidates have the same *profile* when every quota counts both or neither of them. Swapping them turns any
quota-meeting panel into another, so the LEXIMIN distribution (:mod:`coproduction.recruitment.leximin`) gives
them the same chance of selection: the LEXIMIN vector of chances is unique (the set of possible vectors is convex,
and a leximin optimum over a convex set is unique), and swapping two such candidates maps it to a vector that is
just as good. The selection can therefore be worked out over profiles instead of candidates -- a panel becomes a
*composition*, how many seats each profile takes -- which is far smaller: 1,000 candidates with quotas on six
characteristics of three categories have at most 3^6 = 729 profiles, and in the benchmark's pools 295.
"""

from __future__ import annotations

import attrs
import numpy as np
from numpy.typing import NDArray

from coproduction.recruitment.solver import PanelProblem


@attrs.frozen(eq=False)
class Profiles:
    """``of[i]``: the profile of candidate ``i``; ``members[p]``: the candidates of profile ``p``, ascending;
    ``counts[p]``: how many there are; ``quotas[p, q]``: 1 when quota ``q`` counts the people of profile ``p``.
    Profiles are numbered in the order of their first candidate, so the numbering depends only on the problem."""

    of: tuple[int, ...]
    members: tuple[tuple[int, ...], ...]
    counts: NDArray[np.int64]
    quotas: NDArray[np.int64]

    @property
    def number(self) -> int:
        """How many profiles there are."""
        return len(self.members)


def profiles_of(problem: PanelProblem) -> Profiles:
    """The candidates of ``problem`` grouped by the quotas that count them."""
    found: dict[tuple[bool, ...], int] = {}
    of: list[int] = []
    members: list[list[int]] = []
    for candidate in range(problem.size):
        key = tuple(candidate in group for group in problem.groups)
        profile = found.setdefault(key, len(found))
        if profile == len(members):
            members.append([])
        members[profile].append(candidate)
        of.append(profile)
    quotas = np.zeros((len(found), len(problem.groups)), dtype=np.int64)
    for key, profile in found.items():
        quotas[profile] = key
    counts = np.array([len(m) for m in members], dtype=np.int64)
    return Profiles(tuple(of), tuple(tuple(m) for m in members), counts, quotas)


__all__ = ["Profiles", "profiles_of"]
