"""What the checks of this family share: helpers their messages use, kept in one place."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from coproduction.checks.engine import CheckContext
from coproduction.models.group import Group
from coproduction.models.member import Member


def _percent(share: float) -> str:
    value = share * 100
    if abs(value - round(value)) < 1e-9:
        return f"{round(value)}%"
    return f"{value:.1f}%"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _groups_with_members(context: CheckContext) -> Iterator[tuple[Group, Sequence[Member]]]:
    """Each group (by id) with its current members on the "as of" date, skipping empty groups."""
    index = context.index
    for group in sorted(context.register.groups, key=lambda g: g.id):
        members = index.current_members_by_id(group.id, context.as_of)
        if members:
            yield group, members
