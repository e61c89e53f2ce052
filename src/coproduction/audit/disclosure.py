"""What a check's diversity findings may say when its output may be published (issue 10, part 2).

Domain code. The publishable audit hides small counts and the counts that would give them away
(:mod:`coproduction.audit.suppression`). A check's findings on the same group are published too (Markdown goes
into board papers), so they must not give those counts back: "recruit at least 5 more men" or "not known for 9 of
35" next to the audit's "answered: 30" would.

The rule. In publishable output a diversity finding says only what the publishable audit's tables already imply:

* whether it is reported at all, and every number in it, are worked out from the published cells (and the public
  baseline and policy), never from the true counts. So they are the same for every table the audit would publish
  the same way, and reading them narrows no hidden cell further than the audit alone does;
* a finding is reported only when **every** table consistent with the published cells would report it. It is
  then also reported internally (the true table is one of them), so publishable output never raises an alarm the
  internal output does not; it may leave out a finding that the published cells cannot establish;
* a number is the exact figure when the published cells fix it, else a bound every consistent table meets
  ("at least 8 of 35").

DV001 uses the same conclusions as the publishable audit's own rows (:mod:`coproduction.audit.implied`); DV002
the values a reader allows the "not known" cell (``coproduction.audit.suppression.feasible_bits``). The other
diversity checks (DV003 service areas, DV004 user-led organisations, DV005 staff by organisation) count no
monitoring answers, and none of the other families does.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import attrs

from coproduction.audit.analysis import CategoryRow, RowStatus, Tally
from coproduction.audit.implied import implied_row
from coproduction.audit.suppression import (
    ANSWERED,
    NOT_KNOWN,
    CellStatus,
    PublishedTally,
    domain_bits,
    feasible_bits,
    publish_tally,
)

#: Separator of the categories of a row that combines several (a baseline coarser than the audit's categories).
_COMBINED = "+"


def published_table(counted: Tally, threshold: int) -> PublishedTally:
    """The table the publishable audit would publish of ``counted``, counts below ``threshold`` hidden
    (:func:`coproduction.audit.suppression.publish_tally`): the cells :func:`publishable_rows` and
    :func:`publishable_unknown` work from. Nothing is kept between calls; a check run keeps one table per group and
    threshold in its register index (``CheckContext.index.published_table``), as DV001 and DV002 may both need the
    same group's table."""
    return publish_tally(counted, threshold)


def _row_keys(category: str, published: PublishedTally) -> tuple[str, ...]:
    """The published cells that make up a row: the category itself, or each category of a combined row."""
    keys = {cell.key for cell in published.categories}
    if category in keys:
        return (category,)
    parts = tuple(part for part in category.split(_COMBINED) if part in keys)
    if not parts:
        raise KeyError(category)
    return parts


def publishable_rows(
    published: PublishedTally,
    rows: Sequence[CategoryRow],
    ratio: Fraction,
    min_expected: Fraction,
) -> tuple[CategoryRow, ...]:
    """``rows`` (the audit's rows for the table ``published`` was made from) as a publishable output may give
    them: a row keeps its under-represented status only when the published cells imply it, and its
    ``additions_needed`` becomes the fewest members that every consistent table needs (``None`` when no number
    would do). Other rows are returned as they are: a caller reports under-represented rows only.

    Only rows the true counts find under-represented can be implied so, so the published cells are examined
    for those alone.
    """
    out = []
    shown = {cell.key for cell in published.cells if cell.shown}
    for row in rows:
        if row.status is not RowStatus.UNDER or row.baseline_share is None:
            out.append(row)
            continue
        keys = _row_keys(row.category, published)
        if ANSWERED in shown and shown.issuperset(keys):
            out.append(row)  # its count and the number who answered are published: the row is as it is
            continue
        conclusion = implied_row(published, keys, row.baseline_share, ratio, min_expected)
        if conclusion.status is RowStatus.UNDER:
            out.append(attrs.evolve(row, additions_needed=conclusion.at_least))
        else:
            out.append(attrs.evolve(row, status=RowStatus.NOT_JUDGED, additions_needed=None))
    return tuple(out)


@attrs.frozen
class UnknownFigure:
    """How many members gave no answer ("not known"), as a publishable output may say it: the exact number when
    the published table shows it (``exact``), else the fewest any consistent table has (``at_least``)."""

    at_least: int
    exact: int | None


def publishable_unknown(published: PublishedTally) -> UnknownFigure:
    """The "not known" figure a reader of ``published`` can tell (:class:`UnknownFigure`)."""
    cell = published.not_known
    if cell.status is CellStatus.SHOWN:
        assert cell.value is not None
        return UnknownFigure(cell.value, cell.value)
    members, threshold = published.members, published.threshold
    domains = {c.key: domain_bits(c.status, c.value, members, threshold) for c in published.cells}
    categories = [c.key for c in published.categories]
    possible = feasible_bits(members, domains, categories, only=())[NOT_KNOWN]  # not known alone: no category
    fewest = (possible & -possible).bit_length() - 1  # the lowest value possible (-1 for none)
    return UnknownFigure(max(fewest, 0), None)
