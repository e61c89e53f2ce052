"""Synthetic boards and baselines for the audit tests: small, exact, and built in the tests (no census figures)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from typing import Any

from coproduction.audit.population import Baseline, BaselineSource, CharacteristicBaseline
from coproduction.models import (
    Characteristic,
    DiversityProfile,
    Group,
    GroupKind,
    Member,
    Membership,
    Perspective,
    Register,
)

AS_OF = date(2026, 11, 25)
GROUP = "board"
SOURCE = BaselineSource("TEST01", "Synthetic test figures", None, None)


def baseline(figures: Mapping[Characteristic, Mapping[str, int]], name: str = "testshire") -> Baseline:
    """A baseline from counts per category (every answer category must be given; unlisted ones are 0)."""
    characteristics = {}
    for characteristic, counts in figures.items():
        full = {c: counts.get(c, 0) for c in characteristic.answer_categories}
        total = sum(full.values())
        characteristics[characteristic] = CharacteristicBaseline(
            characteristic=characteristic,
            shares={c: Fraction(v, total) for c, v in full.items()},
            source=SOURCE,
            population="synthetic",
            counts=full,
        )
    return Baseline(name=name, area="Testshire", description="synthetic", characteristics=characteristics)


def board(
    answers: Iterable[Mapping[str, Any] | None],
    *,
    perspectives: Iterable[Perspective] | None = None,
    kind: GroupKind = GroupKind.BOARD,
) -> Register:
    """A register with one group whose current members have the given monitoring answers (``None``: no profile).

    Each answer mapping goes to :class:`DiversityProfile` by field name with string values, e.g.
    ``{"ethnic_group": "black", "age": "16-24"}``.
    """
    answer_list = list(answers)
    perspective_list = list(perspectives) if perspectives is not None else [
        Perspective.USES_SERVICES if i % 2 == 0 else Perspective.STAFF for i in range(len(answer_list))
    ]
    members = []
    for index, (answer, perspective) in enumerate(zip(answer_list, perspective_list, strict=True)):
        profile = None
        if answer is not None:
            fields = {key: Characteristic(key).categories(value) for key, value in answer.items()}
            profile = DiversityProfile(**fields)
        members.append(
            Member(id=f"m{index:03d}", name=f"Member {index}", perspectives=frozenset({perspective}), diversity=profile)
        )
    return Register(
        organisation="Testshire Council",
        area="Testshire",
        members=tuple(members),
        groups=(Group(id=GROUP, name="Testshire Board", kind=kind),),
        memberships=tuple(Membership(member=m.id, group=GROUP, started=date(2025, 1, 1)) for m in members),
    )


def answers(characteristic: Characteristic, counts: Mapping[str | None, int]) -> list[dict[str, str] | None]:
    """Member answers for one characteristic: ``{"black": 2, "prefer-not-to-say": 1, None: 3}``."""
    out: list[dict[str, str] | None] = []
    for category, count in counts.items():
        for _ in range(count):
            out.append(None if category is None else {characteristic.value: category})
    return out
