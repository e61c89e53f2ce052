"""MB005 access-needs-not-asked: Fires for each member with at least one current membership whose access needs are
unknown (not recorded at all).

The rule (:func:`access_needs_not_asked`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/MB005.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.policy import Severity


def access_needs_not_asked(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    current = context.index.current_anywhere(as_of)
    for member in register.members:
        if member.id not in current or member.access_needs is not None:
            continue
        message = f"Nobody has recorded asking {member.name} about access needs"
        hint = (
            f"Ask {member.name}, privately, what they need to take part (paper formats, venue, BSL, breaks, "
            'a support worker) and record the answer, including "nothing".'
        )
        yield Flag(member.id, message, hint)


CHECK = Check(
    code="MB005",
    name="access-needs-not-asked",
    principle=Principle.MEMBERSHIP,
    severity=Severity.INFO,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            "Fires for each member with at least one current membership whose access needs are unknown "
            '(not recorded at all). "Needs nothing" (an empty list) is an answer and does not fire. '
            "Former members are not judged."
        ),
        why=(
            "Everyone should have the same chance to take part, in the way that suits them best. Papers, "
            "venues and interpreters can only be arranged for needs someone has asked about."
        ),
        example="A new champion joined last month; nobody has asked whether they need large print or a loop.",
        instead=(
            "Ask the member, privately, what they need to take part (formats, venue, BSL, breaks, a support "
            'worker) and record the answer, including "nothing".'
        ),
        settings=(),
        sources=(
            cite("oxfordshire-breaking-down-barriers", "a board member who is registered blind"),
            cite("scie-guide-51", "the accessibility principle"),
        ),
    ),
    run=access_needs_not_asked,
)
