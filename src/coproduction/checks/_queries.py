"""Small questions the checks ask: calendar months, a meeting's local date, shares, numbers and words for people.

Kept apart from the checks so that each check reads as its rule. Everything here is a pure function of its
arguments: dates are passed in, never read from the clock.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coproduction.errors import PolicyError, Problem
from coproduction.models.enums import Perspective
from coproduction.models.group import GroundRules, Group
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member
from coproduction.models.register import Register
from coproduction.policy import Policy

#: How each perspective reads in a sentence ("no current member who ...").
PERSPECTIVE_PHRASES = {
    Perspective.USES_SERVICES: "uses services",
    Perspective.CARER: "is a carer or family member",
    Perspective.STAFF: "is a member of staff",
    Perspective.VOLUNTARY_SECTOR: "comes from the voluntary sector",
}


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier, clamped to the month's end (31 March - 1 = 28 Feb).

    A negative ``months`` counts forwards.
    """
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    if year < date.min.year:  # a window longer than the calendar: everything is inside it
        return date.min
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def whole_months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when under a month or ``later`` is earlier)."""
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    if months > 0 and months_before(later, months) < earlier:
        months -= 1
    return max(months, 0)


@lru_cache(maxsize=16)
def policy_zone(name: str) -> ZoneInfo:
    """The policy's time zone; an unknown name is a :class:`PolicyError` at ``$.timezone``."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise PolicyError(
            [Problem("policy", "$.timezone", f"{name!r} is not a known time zone, such as 'Europe/London'")]
        ) from None


def in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    """``moment`` on the clock of ``zone``. A naive time is taken to be on that clock already (never on the
    machine's own, so that findings do not depend on where they are run); a time at the very edge of the calendar
    (year 1 or 9999) that cannot be converted is kept as given."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return moment




def meeting_day(meeting: Meeting, policy: Policy) -> date:
    """The meeting's date in the policy's time zone (a meeting at 23:30 UTC in summer is on the next day)."""
    return in_zone(meeting.start, policy_zone(policy.timezone)).date()




def known_members(register: Register, ids: Iterable[str]) -> tuple[Member, ...]:
    """The distinct members named by ``ids`` that the register knows, in order of first mention."""
    seen: dict[str, Member] = {}
    for member_id in ids:
        member = register.member_by_id.get(member_id)
        if member is not None and member_id not in seen:
            seen[member_id] = member
    return tuple(seen.values())








def is_under(count: int, total: int, share: float) -> bool:
    """Whether ``count / total`` is under ``share``; exactly equal is not under (5 of 10 meets 0.5)."""
    return count / total < share


def percent(share: float) -> str:
    """A share as a percentage for people: 0.5 -> "50%", 1/3 -> "33.3%"."""
    value = share * 100
    if abs(value - round(value)) < 1e-9:
        return f"{round(value)}%"
    return f"{value:.1f}%"


def number(value: float) -> str:
    """A number for people: 45.0 -> "45", 10.5 -> "10.5"."""
    if abs(value - round(value)) < 1e-9:
        return str(round(value))
    return f"{value:.1f}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 member"``, ``"3 members"``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def more_needed(count: int, total: int, share: float) -> int | None:
    """How many more members of the kind counted would lift ``count / total`` to at least ``share``.

    Adding one such member raises both numbers. ``None`` when no number of additions can reach ``share``
    (a share of 1 or more with someone else present).
    """
    if not is_under(count, total, share):
        return 0
    if share >= 1:
        return None
    # (count + k) / (total + k) >= share  <=>  k >= (share * total - count) / (1 - share); then settle any
    # floating-point rounding with the same comparison the checks use.
    needed = max(math.ceil((share * total - count) / (1 - share)) - 1, 0)
    while is_under(count + needed, total + needed, share):
        needed += 1
    return needed


def group_label(group: Group) -> str:
    return f"{group.name!r}"


def rules_current_since(rules: GroundRules, as_of: date) -> date | None:
    """When the ground rules in force on ``as_of`` were last agreed or reviewed; ``None`` if not yet agreed.

    A review dated after ``as_of`` has not happened yet as of that date, so the earlier date stands.
    """
    if rules.agreed > as_of:
        return None
    if rules.reviewed is not None and rules.agreed < rules.reviewed <= as_of:
        return rules.reviewed
    return rules.agreed
