"""Population baselines as plain values: a named area with, per characteristic, each category's share.

Domain code: nothing here reads a file. :mod:`coproduction.audit.baseline` loads baselines from YAML or CSV files
(the bundled Census 2021 ones, or a council's own) and builds these values.

Shares are exact fractions of those who answered: a baseline's "not answered" count (Census 2021's "Not answered"
or "Not stated") is kept for provenance but left out of every share, as a group's "prefer not to say" and "not known"
are left out of its own shares (issue 5; docs/baselines.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType

import attrs

from coproduction.models.diversity import Characteristic


def _frozen_shares(value: Mapping[str, Fraction]) -> Mapping[str, Fraction]:
    return MappingProxyType(dict(value))


def _frozen_characteristics(
    value: Mapping[Characteristic, CharacteristicBaseline],
) -> Mapping[Characteristic, CharacteristicBaseline]:
    return MappingProxyType(dict(value))


@attrs.frozen
class BaselineSource:
    """Where a characteristic's figures come from: the table (e.g. ONS ``TS030``), its title, release and URL."""

    table: str
    title: str | None = None
    released: str | None = None
    url: str | None = None

    @property
    def citation(self) -> str:
        """One line a reader can follow: ``TS030 "Religion", released 2022-11-29, <url>``."""
        parts = [self.table]
        if self.title:
            parts[0] += f' "{self.title}"'
        if self.released:
            parts.append(f"released {self.released}")
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)


@attrs.frozen
class CharacteristicBaseline:
    """One characteristic's population figures.

    ``shares`` maps every answer category of the characteristic to its exact share of those who answered; the
    shares add up to 1. ``counts`` keeps the source's counts when the baseline was given as counts.
    """

    characteristic: Characteristic
    shares: Mapping[str, Fraction] = attrs.field(converter=_frozen_shares)
    source: BaselineSource
    population: str = ""
    counts: Mapping[str, int] | None = attrs.field(default=None)
    not_answered: int | None = None
    total: int | None = None

    def share(self, category: str) -> Fraction:
        """The population share of ``category`` among those who answered (0 for a category with no one)."""
        return self.shares.get(category, Fraction(0))


@attrs.frozen
class Baseline:
    """A named population: its area, a description, and the characteristics it has figures for.

    A baseline need not cover every characteristic: one it lacks is reported as "no baseline", never judged.
    """

    name: str
    area: str
    description: str = ""
    characteristics: Mapping[Characteristic, CharacteristicBaseline] = attrs.field(
        factory=dict, converter=_frozen_characteristics
    )

    def get(self, characteristic: Characteristic) -> CharacteristicBaseline | None:
        """The figures for ``characteristic``, or ``None`` when the baseline has none."""
        return self.characteristics.get(characteristic)


def shares_from_counts(counts: Mapping[str, int]) -> dict[str, Fraction]:
    """Exact shares from counts of those who answered. Raises ``ValueError`` when the counts add up to 0."""
    answered = sum(counts.values())
    if answered <= 0:
        raise ValueError("the counts add up to 0, so no share can be worked out")
    return {category: Fraction(count, answered) for category, count in counts.items()}
