"""MB002 low-attendance: For each current member of each group, looks at the group's held meetings from
``attendance_window_months`` calendar months before the "as of" date up to it (both days included).

The rule (:func:`low_attendance`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/MB002.md`` is generated from them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import chain

from coproduction.checks._queries import (
    group_label,
    months_before,
    percent,
    plural,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.index import RegisterIndex
from coproduction.checks.sources import NORTH_CUMBRIA, cite, project_default
from coproduction.models.meeting import Meeting
from coproduction.policy import Severity


def low_attendance(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    index = context.index
    window_start = months_before(as_of, policy.attendance_window_months)
    for group in register.groups:
        # Per meeting, who was expected: those listed, or when nobody is listed the group's current members on its
        # date (through any membership, known or not). Present counts before apologies, as a member may have both.
        # Meetings without a list share who was expected through a stretch of unchanged membership, so the
        # meetings are taken together by who was expected.
        window: Window = {}
        for meeting, day in index.held_meetings_with_days(group.id, as_of):
            if day >= window_start:
                listed = frozenset(meeting.expected) if meeting.expected else index.current_member_ids(group.id, day)
                window.setdefault(listed, []).append(meeting)
        if not window:
            continue
        expected_at, present_at = _attendance_counts(index, window)
        for member in index.current_members(group.id, as_of):
            expected = expected_at.get(member.id, 0)
            present = present_at.get(member.id, 0)
            # A member expected at no meeting has no attendance to judge, whatever the policy's minimum.
            if expected == 0 or expected < policy.min_expected_meetings:
                continue
            if present / expected >= policy.min_attendance_rate:
                continue
            apologies = _apologies(index, member.id, window)
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


def _attendance_counts(index: RegisterIndex, window: Window) -> tuple[dict[str, int], dict[str, int]]:
    """For each member, at how many of the ``window``'s meetings (by who was expected at them) they were expected,
    and at how many of those they were present."""
    expected_at: dict[str, int] = {}
    present_at: dict[str, int] = {}
    for listed, meetings in window.items():
        came = Counter(chain.from_iterable([index.present_in_order(meeting) for meeting in meetings]))
        for member_id in listed:
            expected_at[member_id] = expected_at.get(member_id, 0) + len(meetings)
            present_at[member_id] = present_at.get(member_id, 0) + came.get(member_id, 0)
    return expected_at, present_at


def _apologies(index: RegisterIndex, member_id: str, window: Window) -> int:
    """At how many of the ``window``'s meetings (by who was expected at them) the member was expected, sent
    apologies and was not present (present counts before apologies, as a member may have both)."""
    return sum(
        1
        for listed, meetings in window.items()
        if member_id in listed
        for meeting in meetings
        if member_id in index.apologies_ids(meeting) and member_id not in index.present_in_order(meeting)
    )


CHECK = Check(
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
            "Attending is one of the expectations of membership, but people who stop coming "
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
        sources=(
            cite("oxfordshire-ccg-coproduction", "members attend and contribute to meetings"),
            cite("practice-guidance", "a member is someone who attended more than one meeting", document=NORTH_CUMBRIA),
            project_default("min_attendance_rate = 0.5, attendance_window_months = 12 and min_expected_meetings = 3"),
        ),
    ),
    run=low_attendance,
)
