"""EQ003 missing-perspective: For each group, takes the perspectives ``required_perspectives`` lists for its kind (by
default a board needs people who use services, carers and staff; a partnership board people who use services and
carers) and fires once for each one that no current member holds.

The rule (:func:`missing_perspective`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/EQ003.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    PERSPECTIVE_PHRASES,
    group_label,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.enums import Perspective
from coproduction.policy import Severity


def missing_perspective(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    for group in register.groups:
        required = policy.required_perspectives.get(group.kind, frozenset())
        if not required:
            continue
        members = context.index.current_members(group.id, as_of)
        held = frozenset().union(*(m.perspectives for m in members))
        for perspective in Perspective:  # the enum's order keeps findings stable
            if perspective not in required or perspective in held:
                continue
            message = (
                f"{group_label(group)} has no current member who {PERSPECTIVE_PHRASES[perspective]}; "
                f"the policy asks a {group.kind.value.replace('-', ' ')} for this perspective"
            )
            hint = (
                f"Recruit someone who {PERSPECTIVE_PHRASES[perspective]} (for example through a carers' "
                "centre, a user-led organisation or the council's service teams), or record the perspective "
                "of a current member who already holds it."
            )
            yield Flag(group.id, message, hint)


CHECK = Check(
    code="EQ003",
    name="missing-perspective",
    principle=Principle.EQUALITY,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "For each group, takes the perspectives `required_perspectives` lists for its kind (by default a "
            "board needs people who use services, carers and staff; a partnership board people who use "
            "services and carers) and fires once for each one that no current member holds. Voting and "
            "non-voting members both count. Kinds the policy does not list are not judged."
        ),
        why=(
            "Co-production brings people who use services, carers and staff together as equals. A board "
            "without carers misses what caring is like; one without staff cannot turn advice into change."
        ),
        example="A board whose current members all use services or are staff, with no carer among them.",
        instead=(
            "Recruit someone with the missing perspective, for example through a carers' centre, a user-led "
            "organisation or the council's service teams."
        ),
        settings=("required_perspectives",),
        sources=(
            cite("scie-guide-51", "the equality principle"),
            cite("oxfordshire-breaking-down-barriers", "people who use services and carers sit alongside senior staff"),
            cite("oxfordshire-scie-easy-read", "who the champions are"),
            cite("lanarkshire-links", "at least two service users and two carers as members of a group or committee"),
        ),
    ),
    run=missing_perspective,
)
