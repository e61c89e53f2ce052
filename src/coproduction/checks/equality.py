"""EQ: equality checks (CHECKS.md, "EQ — Equality").

SCIE guide 51 names equality first among co-production's principles: no group is more important, and power
shifts towards people who use services and carers. These checks look at who holds the votes, who chairs, who is
in the room, who leads the agenda and who is present when decisions are taken.

"Lived experience" means using services, or caring for someone who does (SCIE guide 51;
:data:`coproduction.models.LIVED_EXPERIENCE`). "Current" means :meth:`Membership.is_current` on the "as of" date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from coproduction.checks._facts import facts
from coproduction.checks._queries import (
    PERSPECTIVE_PHRASES,
    group_label,
    is_under,
    known_members,
    more_needed,
    percent,
    plural,
)
from coproduction.checks.engine import CheckContext, CheckDoc, Flag, Principle, SubjectKind, check
from coproduction.checks.registry import BUILTIN
from coproduction.models.enums import GroupKind, MeetingStatus, Perspective
from coproduction.models.meeting import Meeting
from coproduction.policy import Severity

SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (principle: equality)"
TEAM_UP = "Oxfordshire County Council, Team-Up Co-production Board (seeds 001-003): a lived-experience co-chair"
LANARKSHIRE = (
    "Lanarkshire Links, guidelines for co-production: at least 2 people who use services and 2 carers on any committee"
)
NORTH_CUMBRIA = "North Cumbria, terms of reference for co-production groups: quorum and who counts as a member"

#: Kinds of group that must have a lived-experience chair or co-chair (EQ002).
BOARD_KINDS = frozenset({GroupKind.BOARD, GroupKind.PARTNERSHIP_BOARD})

_HELD = MeetingStatus.HELD
_SCHEDULED = MeetingStatus.SCHEDULED


@check(
    BUILTIN,
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
        sources=(SCIE, TEAM_UP, LANARKSHIRE),
    ),
)
def lived_experience_minority(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    share = policy.min_lived_experience_share
    shared = facts(context)
    lived_ids = shared.lived_ids()
    for group in register.groups:
        # voting_members(register, group.id, as_of), from the run's memberships
        voters = register.members_of([ms for ms in shared.current_memberships(group.id, as_of) if ms.voting])
        if not voters:
            continue
        lived = sum(1 for voter in voters if voter.id in lived_ids)  # count_lived_experience(voters)
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


@check(
    BUILTIN,
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
        sources=(TEAM_UP, SCIE),
    ),
)
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


@check(
    BUILTIN,
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
        sources=(SCIE, TEAM_UP, LANARKSHIRE),
    ),
)
def missing_perspective(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    for group in register.groups:
        required = policy.required_perspectives.get(group.kind, frozenset())
        if not required:
            continue
        members = facts(context).current_members(group.id, as_of)
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


@check(
    BUILTIN,
    code="EQ004",
    name="staff-dominated-meeting",
    principle=Principle.EQUALITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            'For each held meeting on or before the "as of" date, counts the members recorded as present '
            "and how many of them have lived experience. Fires when that share is under "
            "`min_lived_experience_share_present`; exactly the share does not fire. Meetings with nobody "
            'recorded as present, scheduled or cancelled meetings, and meetings after the "as of" date are '
            "not judged. Attendees who are not in the register's members are not counted. "
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "A board can have a lived-experience majority on paper while staff fill the room. Equality is "
            "about who is actually there when things are discussed."
        ),
        example="A held board meeting with 8 people present, 2 of them carers and 6 staff: 25%, under 40%.",
        instead=(
            "Ask lived-experience members what stops them coming (time, transport, papers, payment) and fix "
            "it; limit the number of staff who attend; postpone items that need lived-experience voices."
        ),
        settings=("min_lived_experience_share_present", "timezone"),
        sources=(SCIE, TEAM_UP),
    ),
)
def staff_dominated_meeting(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    share = policy.min_lived_experience_share_present
    shared = facts(context)
    for group in register.groups:
        for meeting in shared.held_meetings(group.id, as_of):
            present, lived = shared.present_counts(meeting)
            if not present or not is_under(lived, present, share):
                continue
            message = (
                f"{lived} of {plural(present, 'person', 'people')} present at "
                f"{_meeting_label(meeting, context)} had lived experience "
                f"({percent(lived / present)}); the policy asks for at least {percent(share)}"
            )
            hint = (
                "Ask lived-experience members what would help them attend (times, transport, papers, "
                "payment), and keep the number of staff attending in proportion."
            )
            yield Flag(meeting.id, message, hint)


def _eq005_judged(meeting: Meeting, day: date, as_of: date) -> bool:
    """Held meetings up to "as of" (what happened) and scheduled ones from "as of" on (what can still change)."""
    if meeting.status is _HELD:
        return day <= as_of
    if meeting.status is _SCHEDULED:
        return day >= as_of
    return False


@check(
    BUILTIN,
    code="EQ005",
    name="agenda-led-by-staff-only",
    principle=Principle.EQUALITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Counts a meeting's agenda items and how many are led or co-led by a member with lived "
            "experience. Fires when that share is under `min_lived_experience_led_items`; exactly the share "
            "does not fire. Items with no recorded lead count as not led by lived experience. Judged: held "
            'meetings on or before the "as of" date, and scheduled meetings on or after it (their agenda '
            "can still change). Not judged: cancelled meetings, meetings without an agenda, held meetings "
            'after the "as of" date and scheduled meetings before it (their status was never updated). '
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "Leading an agenda item means setting the question and the frame of the discussion. If staff "
            "lead every item, lived-experience members only react to staff's agenda."
        ),
        example=(
            "An agenda of 5 items, all presented by council officers: 0 of 5 led by lived experience, under "
            "the default 25%."
        ),
        instead=(
            "Plan the agenda with the lived-experience co-chair, and invite lived-experience members to lead "
            "or co-lead items, with preparation time and support. Record every item's leads."
        ),
        settings=("min_lived_experience_led_items", "timezone"),
        sources=(SCIE, TEAM_UP),
    ),
)
def agenda_led_by_staff_only(context: CheckContext) -> Iterator[Flag]:
    register, policy = context.register, context.policy
    share = policy.min_lived_experience_led_items
    shared = facts(context)
    lived = shared.lived_ids()  # known members' ids, so a lead among them is a known member with lived experience
    asks = f"; the policy asks for at least {percent(share)}"
    for group in register.groups:
        for meeting in register.meetings_by_group.get(group.id, ()):
            if not meeting.agenda or not _eq005_judged(meeting, shared.query_day(meeting), context.as_of):
                continue
            led = len([item for item in meeting.agenda if not lived.isdisjoint(item.leads)])
            total = len(meeting.agenda)
            if not is_under(led, total, share):
                continue
            unled = sum(1 for item in meeting.agenda if not item.leads)
            note = f" ({plural(unled, 'item')} with no lead recorded)" if unled else ""
            message = (
                f"{led} of {plural(total, 'agenda item')} at {_meeting_label(meeting, context)} "
                f"{'is' if led == 1 else 'are'} led or co-led by a member with lived experience "
                f"({percent(led / total)}){note}{asks}"
            )
            hint = (
                "Plan the agenda with the lived-experience co-chair and invite lived-experience members to "
                "lead or co-lead items, with time to prepare and support; record each item's leads."
            )
            yield Flag(meeting.id, message, hint)


@check(
    BUILTIN,
    code="EQ006",
    name="decision-without-lived-experience",
    principle=Principle.EQUALITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            'For each held meeting on or before the "as of" date that recorded at least one decision, '
            "counts the members present. Fires when fewer than `min_lived_experience_for_decisions` of them "
            "have lived experience, or when the group has a quorum and fewer members than the quorum were "
            "present. Both reasons are given in one finding. "
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "A decision taken when people who use services and carers are not in the room is a decision "
            "made for them, not with them. Lanarkshire Links asks for at least 2 people who use services "
            "and 2 carers on any committee; a quorum makes sure a decision is the group's."
        ),
        example=(
            "A board meeting attended by 5 staff and 1 carer records the decision 'approve the new day "
            "services specification'."
        ),
        instead=(
            "Defer the decision to a meeting where enough lived-experience members are present, or take it "
            "again with them; set a quorum that includes lived-experience members."
        ),
        settings=("min_lived_experience_for_decisions", "timezone"),
        sources=(LANARKSHIRE, NORTH_CUMBRIA, SCIE),
    ),
)
def decision_without_lived_experience(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    minimum = policy.min_lived_experience_for_decisions
    shared = facts(context)
    for group in register.groups:
        for meeting in shared.held_meetings(group.id, as_of):
            if not meeting.decisions:
                continue
            present, lived = shared.present_counts(meeting)
            reasons: list[str] = []
            if lived < minimum:
                reasons.append(
                    f"{plural(lived, 'member')} with lived experience {'was' if lived == 1 else 'were'} "
                    f"present (the policy asks for at least {minimum})"
                )
            if group.quorum is not None and present < group.quorum:
                reasons.append(
                    f"{plural(present, 'member')} {'was' if present == 1 else 'were'} present, "
                    f"under the group's quorum of {group.quorum}"
                )
            if not reasons:
                continue
            decisions = plural(len(meeting.decisions), "decision")
            message = f"{decisions} recorded at {_meeting_label(meeting, context)} while " + " and ".join(reasons)
            hint = (
                "Bring the decision back to a meeting where enough lived-experience members are present, or "
                "confirm it with them, and record who was present."
            )
            yield Flag(meeting.id, message, hint)


def _meeting_label(meeting: Meeting, context: CheckContext) -> str:
    day: date = facts(context).query_day(meeting)
    return f"{meeting.title!r} on {day.isoformat()}"
