"""MB003 term-expired: Fires for each membership whose term ended before the "as of" date while the member is still
listed as current on that date (no leaving date, or one after the "as of" date).

The rule (:func:`term_expired`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/MB003.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import NORTH_CUMBRIA, cite
from coproduction.policy import Severity


def term_expired(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    index = context.index
    for group in register.groups:
        for ms in index.current_memberships(group.id, as_of):
            if ms.term_ends is None or ms.term_ends >= as_of:
                continue
            member = register.member_by_id.get(ms.member)
            if member is None:
                continue
            message = (
                f"{member.name}'s term as {ms.role.value} of {group_label(group)} ended on "
                f"{ms.term_ends.isoformat()}, but they are still listed as a current member"
            )
            hint = (
                f"Talk with {member.name}: renew the term and record its new end date, or thank them and "
                "record the date they left."
            )
            yield Flag(member.id, message, hint)


CHECK = Check(
    code="MB003",
    name="term-expired",
    principle=Principle.MEMBERSHIP,
    severity=Severity.WARNING,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            'Fires for each membership whose term ended before the "as of" date while the member is still '
            'listed as current on that date (no leaving date, or one after the "as of" date). A term '
            'ending on the "as of" date itself has not yet expired.'
        ),
        why=(
            "Fixed terms make room for new voices and keep the group's make-up under review. A register "
            "that lists people past their term gives a false picture of who the group is."
        ),
        example="A board member whose three-year term ended on 31 March 2025, still listed in June 2025.",
        instead=(
            "Talk with the member: renew their term (and record the new end date), or thank them and record "
            "the date they left."
        ),
        settings=(),
        sources=(
            cite("oxfordshire-ccg-coproduction", "members attend and contribute to meetings"),
            cite("practice-guidance", "a member is someone who attended more than one meeting", document=NORTH_CUMBRIA),
        ),
    ),
    run=term_expired,
)
