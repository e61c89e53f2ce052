"""An exhaustive attacker on published diversity figures, written independently of the library's feasibility
arithmetic (:func:`coproduction.audit.suppression.feasible_values`).

It reads a publishable audit as published (its JSON) and enumerates every table of counts that agrees with it:
the member total, each shown count, "fewer than 5" meaning 1 to 4, "not shown" meaning 0 or 5 and over, "not
published" meaning anything, and the two sums (members = answered + prefer not to say + not known; answered = the
categories). Tests then keep the tables that agree with something else published (check findings, an earlier
audit) and compare what is left.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from coproduction.audit.analysis import Tally
from coproduction.audit.suppression import ANSWERED, NOT_KNOWN, PREFER_NOT_TO_SAY, CellStatus, publish_tally
from coproduction.models import Characteristic

Table = dict[str, int]
Cells = dict[str, tuple[str | None, int | None]]  # key -> (suppressed status or None when shown, count)

COMPLETENESS = {ANSWERED: "answered", PREFER_NOT_TO_SAY: "prefer_not_to_say", NOT_KNOWN: "not_known"}


def entry_for(audit: Mapping[str, Any], characteristic: Characteristic) -> Mapping[str, Any]:
    for entry in audit["characteristics"]:
        if entry["characteristic"] == characteristic.value:
            return entry
    raise KeyError(characteristic)


def categories_of(entry: Mapping[str, Any]) -> list[str]:
    return [row["category"] for row in entry["rows"]]


def cells_of(entry: Mapping[str, Any]) -> Cells:
    """Every cell of one characteristic's published table: its status (``None`` when shown) and count."""
    cells: Cells = {}
    for key, name in COMPLETENESS.items():
        cell = entry["completeness"][name]
        cells[key] = (cell["suppressed"], cell["count"])
    for row in entry["rows"]:
        cells[row["category"]] = (row["count"]["suppressed"], row["count"]["count"])
    return cells


def options(status: str | None, count: int | None, members: int, threshold: int) -> list[int]:
    """The values a reader allows one cell, from its label alone."""
    if status is None:
        assert count is not None
        return [count]
    if status == CellStatus.SMALL.value:
        return [v for v in range(1, threshold) if v <= members]
    if status == CellStatus.WITHHELD.value:
        return [0, *range(threshold, members + 1)]
    assert status == CellStatus.NOT_PUBLISHED.value, status
    return list(range(members + 1))


def tables(cells: Cells, categories: list[str], members: int, threshold: int) -> Iterator[Table]:
    """Every table that agrees with ``cells`` (brute force with pruning)."""
    allowed = {key: options(status, count, members, threshold) for key, (status, count) in cells.items()}

    def split(index: int, remaining: int) -> Iterator[Table]:
        if index == len(categories):
            if remaining == 0:
                yield {}
            return
        for value in allowed[categories[index]]:
            if value > remaining:
                break
            for rest in split(index + 1, remaining - value):
                yield {categories[index]: value, **rest}

    for answered in allowed[ANSWERED]:
        for prefer in allowed[PREFER_NOT_TO_SAY]:
            unknown = members - answered - prefer
            if unknown not in allowed[NOT_KNOWN]:
                continue
            for parts in split(0, answered):
                yield {ANSWERED: answered, PREFER_NOT_TO_SAY: prefer, NOT_KNOWN: unknown, **parts}


def tally_of(characteristic: Characteristic, table: Table, categories: list[str]) -> Tally:
    return Tally(
        characteristic, tuple((key, table[key]) for key in categories), table[PREFER_NOT_TO_SAY], table[NOT_KNOWN]
    )


def republished_cells(tally: Tally, threshold: int) -> Cells:
    """The cells the library would publish for ``tally`` (to keep only tables published the same way)."""
    published = publish_tally(tally, threshold)
    return {
        cell.key: (None if cell.shown else cell.status.value, cell.value if cell.shown else None)
        for cell in published.cells
    }


def values_by_cell(found: list[Table]) -> dict[str, set[int]]:
    seen: dict[str, set[int]] = {}
    for table in found:
        for key, value in table.items():
            seen.setdefault(key, set()).add(value)
    return seen


def hidden_keys(cells: Cells) -> list[str]:
    return [key for key, (status, _) in cells.items() if status is not None]


def answers_for(characteristic: Characteristic, table: Table, categories: list[str]) -> list[dict[str, str] | None]:
    """Monitoring answers that give ``table`` (a combined row's members all take its first category)."""
    out: list[dict[str, str] | None] = []
    for key in categories:
        first = key.split("+")[0]
        out += [{characteristic.value: first}] * table[key]
    out += [{characteristic.value: "prefer-not-to-say"}] * table[PREFER_NOT_TO_SAY]
    out += [{}] * table[NOT_KNOWN]
    return out
