"""OXF001 no-healthwatch-member: a board with no current member from the local Healthwatch."""

from __future__ import annotations

from collections.abc import Iterator

from coproduction import GroupKind
from coproduction.plugins import Check, CheckContext, CheckDoc, Flag, Principle, Severity, SubjectKind


def _no_healthwatch_member(context: CheckContext) -> Iterator[Flag]:
    register = context.register
    for group in register.groups:
        if group.kind is not GroupKind.BOARD:
            continue
        members = register.current_members(group.id, context.as_of)
        if not any(m.organisation and "healthwatch" in m.organisation.lower() for m in members):
            yield Flag(
                group.id,
                f"{group.name} has no current member from Healthwatch.",
                "Invite your local Healthwatch to nominate a member to the board.",
            )


NO_HEALTHWATCH_MEMBER = Check(
    code="OXF001",
    name="no-healthwatch-member",
    principle=Principle.DIVERSITY,
    severity=Severity.INFO,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what="Checks that each board has at least one current member from the local Healthwatch.",
        why="Healthwatch is the independent champion for people who use health and social care; its voice on the "
        "board brings what it hears from the wider public.",
        example="A board of 14 with no member whose organisation is Healthwatch Oxfordshire.",
        instead="Ask the local Healthwatch to nominate a member, and record their organisation in the register.",
        sources=("Health and Social Care Act 2012, section 181 (local Healthwatch organisations)",),
    ),
    run=_no_healthwatch_member,
)

CHECKS = [NO_HEALTHWATCH_MEMBER]
