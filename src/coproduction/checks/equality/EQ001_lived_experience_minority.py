"""EQ001 lived-experience-minority: Counts a group's current voting members and how many of them have lived experience
(they use services, or care for someone who does).

The rule (:func:`lived_experience_minority`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/EQ001.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
    is_under,
    more_needed,
    percent,
    plural,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite, project_default
from coproduction.policy import Severity


def lived_experience_minority(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    share = policy.min_lived_experience_share
    index = context.index
    lived_ids = index.lived_experience_ids()
    for group in register.groups:
        voters = index.voting_members(group.id, as_of)
        if not voters:
            continue
        lived = sum(1 for voter in voters if voter.id in lived_ids)
        if not is_under(lived, len(voters), share):
            continue
        needed = more_needed(lived, len(voters), share)
        message = (
            f"{lived} of {plural(len(voters), 'current voting member')} of {group_label(group)} "
            f"{'has' if lived == 1 else 'have'} lived experience ({percent(lived / len(voters))}); "
            f"the policy asks for at least {percent(share)}"
        )
        if needed is None:
            gap = "every voting member needs lived experience to meet the policy"
        else:
            gap = f"{plural(needed, 'more voting member')} with lived experience would reach {percent(share)}"
        hint = (
            f"Recruit people who use services or carers, or give lived-experience members a vote: {gap}. "
            "Making some staff places non-voting advisers also shifts the balance."
        )
        yield Flag(group.id, message, hint)


CHECK = Check(
    code="EQ001",
    name="lived-experience-minority",
    principle=Principle.EQUALITY,
    severity=Severity.ERROR,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Counts a group's current voting members and how many of them have lived experience (they use "
            "services, or care for someone who does). Fires when that share is under "
            "`min_lived_experience_share`. Exactly the share (5 of 10 for 0.5) does not fire. A member who "
            "holds several current memberships of the group counts once, and votes if any of them votes. "
            "Groups with no current voting members are not judged (MB004 reports the group's size)."
        ),
        why=(
            "Co-production shifts power towards people who use services and carers. When staff hold most of "
            "the votes, lived-experience members can be outvoted on every decision, and the group is "
            "consultation with extra steps."
        ),
        example=(
            "A board with 10 voting members: 3 people who use services or carers and 7 staff. 3 of 10 is 30%, "
            "under the default 50%."
        ),
        instead=(
            "Recruit more people who use services and carers (through user-led organisations, the champions "
            "network, community groups), give existing lived-experience members a vote, or make some staff "
            "places non-voting advisers."
        ),
        settings=("min_lived_experience_share",),
        sources=(
            cite("scie-guide-51", "the equality principle"),
            cite("oxfordshire-ccg-coproduction", "board members sit as equals with staff"),
            cite("lanarkshire-links", "at least two service users and two carers as members of a group or committee"),
            project_default("min_lived_experience_share = 0.5"),
        ),
    ),
    run=lived_experience_minority,
)
