"""MB: membership checks (CHECKS.md, "MB — Membership").

Oxfordshire's Team-Up board sets out what it expects of members (seed 003): live in the council's area, attend
and contribute to meetings, and more. These checks look at residence, attendance, terms, the size of each group
and whether anyone has asked members about their access needs. Low attendance is a prompt to offer support,
never to remove someone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import chain

from coproduction.checks._facts import RunFacts, facts
from coproduction.checks._queries import (
    group_label,
    months_before,
    percent,
    plural,
)
from coproduction.checks.engine import CheckContext, CheckDoc, Flag, Principle, SubjectKind, check
from coproduction.checks.registry import BUILTIN
from coproduction.models.group import Group
from coproduction.models.meeting import Meeting
from coproduction.policy import Severity

SEED_003 = (
    "Oxfordshire Team-Up board membership expectations (seed 003): live in the council's area; attend and "
    "contribute to meetings"
)
SEED_001 = "Oxfordshire Team-Up board (seed 001): a board member who is blind; access needs"
NORTH_CUMBRIA = "North Cumbria, terms of reference: a member is someone who attended more than one meeting"
SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (principle: accessibility)"


def _normalise_area(area: str) -> str:
    """Areas compare without regard to case or spacing ("West  Oxfordshire" is "west oxfordshire")."""
    return " ".join(area.split()).casefold()


@check(
    BUILTIN,
    code="MB001",
    name="lives-outside-area",
    principle=Principle.MEMBERSHIP,
    severity=Severity.WARNING,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            "For groups that require residence, fires for each current member whose recorded area differs "
            "from the policy's `area` (or, when that is not set, the register's area). Areas compare "
            "ignoring case and extra spaces. Members with no recorded area are not judged. A member of "
            "several such groups gets one finding naming them all."
        ),
        why=(
            "A council's board speaks for the people of its area; Team-Up asks members to live in "
            "Oxfordshire. Someone who has moved away may no longer use the council's services."
        ),
        example="A member of a board that requires residence in 'Oxfordshire' whose area is 'Swindon'.",
        instead=(
            "Check the member's address with them. If they have moved, talk about other ways to stay "
            "involved (a regional network, a user-led organisation); if the group does not need residence, "
            "say so in its settings."
        ),
        settings=("area",),
        sources=(SEED_003,),
    ),
)
def lives_outside_area(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    area = context.policy.area or register.area
    wanted = _normalise_area(area)
    groups_of: dict[str, list[Group]] = {}
    for group in register.groups:
        if not group.requires_residence:
            continue
        for member in facts(context).current_members(group.id, as_of):
            groups_of.setdefault(member.id, []).append(group)
    for member in register.members:
        groups = groups_of.get(member.id)
        if not groups or member.area is None or _normalise_area(member.area) == wanted:
            continue
        names = ", ".join(sorted(group_label(g) for g in groups))
        message = (
            f"{member.name} is recorded as living in {member.area!r}, outside {area!r}; "
            f"{'this group requires' if len(groups) == 1 else 'these groups require'} residence: {names}"
        )
        hint = (
            f"Check {member.name}'s area with them; if they have moved, talk about other ways to stay "
            "involved, and if the group does not need residence, change its setting."
        )
        yield Flag(member.id, message, hint)


@check(
    BUILTIN,
    code="MB002",
    name="low-attendance",
    principle=Principle.MEMBERSHIP,
    severity=Severity.INFO,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            "For each current member of each group, looks at the group's held meetings from "
            '`attendance_window_months` calendar months before the "as of" date up to it (both days '
            "included). A member was expected at a meeting when the meeting lists them as expected, or, "
            "when it lists nobody, when they were a current member on the meeting's date. Fires when the "
            "member was expected at least `min_expected_meetings` times and was present at under "
            "`min_attendance_rate` of them; exactly the rate does not fire. Apologies count as not present. "
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "Attending is one of the expectations of membership (seed 003), but people who stop coming "
            "usually have a reason: meeting times, transport, health, caring, papers they cannot read, "
            "payment. Noticing early is a chance to offer support. This check never suggests removal."
        ),
        example=(
            "A carer expected at 10 monthly board meetings in the last year, present at 3 (30%), with apologies for 5."
        ),
        instead=(
            "Get in touch and ask what would help: other times, joining online, transport, a support "
            "worker, papers in another format, payment for their time, or a break from the group."
        ),
        settings=("attendance_window_months", "min_attendance_rate", "min_expected_meetings", "timezone"),
        sources=(SEED_003, NORTH_CUMBRIA),
    ),
)
def low_attendance(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    shared = facts(context)
    window_start = months_before(as_of, policy.attendance_window_months)
    for group in register.groups:
        # Per meeting, who was expected: those listed, or when nobody is listed the group's current members on its
        # date (through any membership, known or not). Present counts before apologies, as a member may have both.
        # Meetings without a list share who was expected through a stretch of unchanged membership, so the
        # meetings are taken together by who was expected.
        window: Window = {}
        for meeting, day in shared.held_meeting_days(group.id, as_of):
            if day >= window_start:
                listed = frozenset(meeting.expected) if meeting.expected else shared.current_member_ids(group.id, day)
                window.setdefault(listed, []).append(meeting)
        if not window:
            continue
        expected_at, present_at = _attendance_counts(shared, window)
        for member in shared.current_members(group.id, as_of):
            expected = expected_at.get(member.id, 0)
            present = present_at.get(member.id, 0)
            # A member expected at no meeting has no attendance to judge, whatever the policy's minimum.
            if expected == 0 or expected < policy.min_expected_meetings:
                continue
            if present / expected >= policy.min_attendance_rate:
                continue
            apologies = _apologies(shared, member.id, window)
            sent = f", with apologies for {apologies}" if apologies else ""
            message = (
                f"{member.name} was present at {present} of the {plural(expected, 'meeting')} of "
                f"{group_label(group)} they were expected at in the "
                f"{plural(policy.attendance_window_months, 'month')} to {as_of.isoformat()} "
                f"({percent(present / expected)}{sent}); the policy looks for at least "
                f"{percent(policy.min_attendance_rate)}"
            )
            hint = (
                f"Get in touch with {member.name} and ask what would help them take part: other times, "
                "joining online, transport, a support worker, papers in another format, or payment for "
                "their time. This is an offer of support, not a step towards removal."
            )
            yield Flag(member.id, message, hint)


#: MB002's meetings in the window, by who was expected at them.
Window = dict[frozenset[str], list[Meeting]]


def _attendance_counts(shared: RunFacts, window: Window) -> tuple[dict[str, int], dict[str, int]]:
    """For each member, at how many of the ``window``'s meetings (by who was expected at them) they were expected,
    and at how many of those they were present."""
    expected_at: dict[str, int] = {}
    present_at: dict[str, int] = {}
    for listed, meetings in window.items():
        came = Counter(chain.from_iterable([shared.present_ids(meeting) for meeting in meetings]))
        for member_id in listed:
            expected_at[member_id] = expected_at.get(member_id, 0) + len(meetings)
            present_at[member_id] = present_at.get(member_id, 0) + came.get(member_id, 0)
    return expected_at, present_at


def _apologies(shared: RunFacts, member_id: str, window: Window) -> int:
    """At how many of the ``window``'s meetings (by who was expected at them) the member was expected, sent
    apologies and was not present (present counts before apologies, as a member may have both)."""
    return sum(
        1
        for listed, meetings in window.items()
        if member_id in listed
        for meeting in meetings
        if member_id in shared.apologies_ids(meeting) and member_id not in shared.present_ids(meeting)
    )


@check(
    BUILTIN,
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
        sources=(SEED_003, NORTH_CUMBRIA),
    ),
)
def term_expired(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    shared = facts(context)
    for group in register.groups:
        for ms in shared.current_memberships(group.id, as_of):
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


@check(
    BUILTIN,
    code="MB004",
    name="group-size-out-of-range",
    principle=Principle.MEMBERSHIP,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Counts each group's distinct current members (voting or not) and fires when there are fewer "
            "than the minimum or more than the maximum `group_sizes` sets for its kind. The bounds "
            "themselves are in range. Kinds the policy gives no range are not judged."
        ),
        why=(
            "Too small, and a group cannot hold the range of experience co-production needs or survive a "
            "few absences; too large, and quieter members stop being heard."
        ),
        example="A board with 5 current members when the policy asks boards for 8 to 24.",
        instead=(
            "Recruit (through user-led organisations, the champions network, community groups) or split "
            "a large group into smaller working groups that report back."
        ),
        settings=("group_sizes",),
        sources=(SCIE, "Team-Up board of about 15 members, larger champions network (seeds 001-003)"),
    ),
)
def group_size_out_of_range(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    for group in register.groups:
        size_range = policy.group_sizes.get(group.kind)
        if size_range is None:
            continue
        size = len(facts(context).current_members(group.id, as_of))
        kind = group.kind.value.replace("-", " ")
        if size < size_range.minimum:
            message = (
                f"{group_label(group)} has {plural(size, 'current member')}, fewer than the "
                f"{size_range.minimum} the policy asks of a {kind}"
            )
            hint = (
                "Recruit new members, for example through user-led organisations, the champions network "
                "or community groups, with a balance of lived experience and staff."
            )
        elif size > size_range.maximum:
            message = (
                f"{group_label(group)} has {plural(size, 'current member')}, more than the "
                f"{size_range.maximum} the policy allows a {kind}"
            )
            hint = (
                "Split the work into smaller working groups that report back, or review the membership "
                "with the group so that everyone can be heard."
            )
        else:
            continue
        yield Flag(group.id, message, hint)


@check(
    BUILTIN,
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
        sources=(SEED_001, SCIE),
    ),
)
def access_needs_not_asked(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    current = facts(context).current_anywhere(as_of)
    for member in register.members:
        if member.id not in current or member.access_needs is not None:
            continue
        message = f"Nobody has recorded asking {member.name} about access needs"
        hint = (
            f"Ask {member.name}, privately, what they need to take part (paper formats, venue, BSL, breaks, "
            'a support worker) and record the answer, including "nothing".'
        )
        yield Flag(member.id, message, hint)
