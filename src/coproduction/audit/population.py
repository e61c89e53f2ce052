"""Population baselines as plain values: a named area with, per characteristic, each category's share.

Domain code: nothing here reads a file. :mod:`coproduction.io.baselines` loads baselines from YAML or CSV files
(the bundled Census 2021 ones, or a council's own) and builds these values.

Shares are exact fractions of those who answered: a baseline's "not answered" count (Census 2021's "Not answered"
or "Not stated") is kept for provenance but left out of every share, as a group's "prefer not to say" and "not known"
are left out of its own shares (issue 5; docs/baselines.md).

A source may be coarser than the audit's categories: an ONS bulletin gives the share aged "65 and over", not one per
band of 65-74, 75-84 and 85+. Such a baseline gives its figures for *units*: groups of the audit's categories, which
partition them. The audit then counts members by unit and judges units, never inventing a split the source does not
publish (issue 10). A unit's key is its categories joined by ``+`` (``65-74+75-84+85-plus``); a unit of one category
is keyed by the category itself, so a baseline with a figure per category is simply one whose units are all single.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType

import attrs

from coproduction.models.diversity import Characteristic


def _frozen_shares(value: Mapping[str, Fraction]) -> Mapping[str, Fraction]:
    return MappingProxyType(dict(value))


UNIT_SEPARATOR = "+"


def unit_key(categories: tuple[str, ...] | list[str]) -> str:
    """The key of a unit of categories: the categories joined by ``+`` (one category: the category itself)."""
    return UNIT_SEPARATOR.join(categories)


def unit_categories(key: str) -> tuple[str, ...]:
    """The categories of a unit key (the inverse of :func:`unit_key`)."""
    return tuple(key.split(UNIT_SEPARATOR))


def _frozen_units(value: tuple[tuple[str, ...], ...] | None) -> tuple[tuple[str, ...], ...] | None:
    return None if value is None else tuple(tuple(unit) for unit in value)


def _frozen_characteristics(
    value: Mapping[Characteristic, CharacteristicBaseline],
) -> Mapping[Characteristic, CharacteristicBaseline]:
    return MappingProxyType(dict(value))


@attrs.frozen
class BaselineSource:
    """Where a characteristic's figures come from: the table (e.g. ONS ``TS030``) or the bulletin they were read
    in (its title), its release date and URL, and a note on how the figures were read or which measure they are
    (e.g. "crude, not age-standardised"). At least one of ``table`` and ``title`` is given."""

    table: str | None
    title: str | None = None
    released: str | None = None
    url: str | None = None
    note: str | None = None

    @property
    def citation(self) -> str:
        """One line a reader can follow: ``TS030 "Religion", released 2022-11-29, <url>``."""
        name = " ".join(part for part in (self.table, f'"{self.title}"' if self.title else None) if part)
        parts = [name or "unnamed source"]
        if self.released:
            parts.append(f"released {self.released}")
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)


@attrs.frozen
class CharacteristicBaseline:
    """One characteristic's population figures.

    ``shares`` maps every unit (see the module's docstring; with ``units`` left ``None``, every answer category of
    the characteristic) to its exact share of those who answered; the shares add up to 1. ``counts`` keeps the
    source's counts when the baseline was given as counts, by the same keys. ``precision`` is how finely published
    percentages were rounded, in percentage points (``Fraction(1, 10)`` for ONS bulletins' one decimal place), or
    ``None`` for exact counts.
    """

    characteristic: Characteristic
    shares: Mapping[str, Fraction] = attrs.field(converter=_frozen_shares)
    source: BaselineSource
    population: str = ""
    counts: Mapping[str, int] | None = attrs.field(default=None)
    not_answered: int | None = None
    total: int | None = None
    precision: Fraction | None = None
    units: tuple[tuple[str, ...], ...] | None = attrs.field(default=None, converter=_frozen_units)

    def share(self, category: str) -> Fraction:
        """The population share of ``category`` (or of a unit, by its key) among those who answered (0 for a
        category with no one)."""
        return self.shares.get(category, Fraction(0))

    @property
    def grouped(self) -> bool:
        """Whether some figure covers more than one of the audit's categories (the source is coarser)."""
        return self.units is not None and any(len(unit) > 1 for unit in self.units)

    @property
    def unit_keys(self) -> tuple[str, ...]:
        """The keys the audit compares, in the characteristic's category order."""
        if self.units is None:
            return self.characteristic.answer_categories
        return tuple(unit_key(unit) for unit in self.units)

    def unit_of(self, category: str) -> str:
        """The key of the unit holding ``category``."""
        if self.units is not None:
            for unit in self.units:
                if category in unit:
                    return unit_key(unit)
        return category


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
