"""EQ002 no-lived-experience-chair: For each board and partnership board, looks for a current chair or co-chair with
lived experience.

The rule (:func:`no_lived_experience_chair`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/EQ002.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
    known_members,
    plural,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.enums import GroupKind
from coproduction.policy import Severity

#: Kinds of group that must have a lived-experience chair or co-chair (EQ002).
BOARD_KINDS = frozenset({GroupKind.BOARD, GroupKind.PARTNERSHIP_BOARD})


def no_lived_experience_chair(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    if not policy.require_lived_experience_chair:
        return
    for group in register.groups:
        if group.kind not in BOARD_KINDS:
            continue
        chairs = known_members(
            register, (ms.member for ms in register.current_memberships(group.id, as_of) if ms.leads)
        )
        if any(chair.has_lived_experience for chair in chairs):
            continue
        if chairs:
            chair_count = plural(len(chairs), "current chair or co-chair", "current chairs or co-chairs")
            message = f"{group_label(group)} has {chair_count}, none with lived experience"
        else:
            message = f"{group_label(group)} has no current chair or co-chair"
        hint = (
            "Appoint a co-chair who uses services or is a carer, and support them to chair: a briefing "
            "before each meeting, papers in good time, and a support worker if they want one."
        )
        yield Flag(group.id, message, hint)


CHECK = Check(
    code="EQ002",
    name="no-lived-experience-chair",
    principle=Principle.EQUALITY,
    severity=Severity.ERROR,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "For each board and partnership board, looks for a current chair or co-chair with lived "
            "experience. Fires when there is no current chair or co-chair at all, or when none of them has "
            "lived experience. Other kinds of group (champions networks, working groups, focus groups, "
            "Speak Out groups) are not judged. Turned off when `require_lived_experience_chair` is false."
        ),
        why=(
            "Who chairs decides what is discussed, who speaks and when a decision is taken. Oxfordshire's "
            "Team-Up board shares the chair between a member of staff and a co-chair with lived experience, "
            "so that power over the meeting itself is shared."
        ),
        example=("A partnership board whose chair is the council's head of commissioning and which has no co-chair."),
        instead=(
            "Appoint a co-chair from the board's members who use services or are carers, with the support "
            "they need to chair (a briefing before each meeting, papers early, a support worker)."
        ),
        settings=("require_lived_experience_chair",),
        sources=(
            cite("oxfordshire-ccg-coproduction", "board members sit as equals with staff"),
            cite("scie-guide-51", "the equality principle"),
        ),
    ),
    run=no_lived_experience_chair,
)
