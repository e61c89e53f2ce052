"""AC009 meeting-on-non-working-day: finds meetings held on a Saturday, a Sunday or a bank holiday of the policy's
region (England and Wales, Scotland or Northern Ireland, from the holidays library), by the meeting's local date.

The rule (:func:`meeting_on_non_working_day`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC009.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from coproduction.checks.accessibility._common import _JUDGED
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.policy import Region, Severity
from coproduction.working_days import bank_holiday_name, is_weekend


def meeting_on_non_working_day(context: CheckContext) -> Iterator[Flag]:
    region = context.policy.region
    hint = "Move it to a working day, unless members chose this day."
    messages: dict[date, str | None] = {}  # by day: meetings share days
    for meeting, day, _ in context.index.meetings_not_cancelled_with_needs():
        if day in messages:
            message = messages[day]
        else:
            message = messages[day] = _non_working_day_message(day, region)
        if message is not None:
            yield Flag(meeting.id, message, hint)


def _non_working_day_message(day: date, region: Region) -> str | None:
    """AC009's message for a meeting on ``day``; ``None`` on a working day."""
    holiday = bank_holiday_name(day, region)
    if is_weekend(day):
        what = f"a {day:%A}"
        if holiday:
            what += f" and a bank holiday ({holiday})"
    elif holiday:
        what = f"a bank holiday ({holiday})"
    else:
        return None
    return f"The meeting on {day.isoformat()} falls on {what}."


CHECK = Check(
    code="AC009",
    name="meeting-on-non-working-day",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.INFO,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings held on a Saturday, a Sunday or a bank holiday of the policy's region (England and "
            "Wales, Scotland or Northern Ireland, from the holidays library), by the meeting's local date."
        )
        + _JUDGED,
        why=(
            "On weekends and bank holidays transport runs less often, support workers and interpreters are "
            "harder to book, and carers lose their usual respite. Some members may prefer weekends; most do not."
        ),
        example=(
            "A board meeting on Monday 6 April 2026 (Easter Monday in England and Wales) is reported; in "
            "Scotland, where Easter Monday is not a bank holiday, it is not."
        ),
        instead="Meet on working days unless members have chosen otherwise.",
        settings=("region", "timezone"),
        sources=(
            cite("bank-holidays", "the bank holidays of each nation (read through the holidays library)"),
            cite("scie-guide-51", "the accessibility principle"),
        ),
    ),
    run=meeting_on_non_working_day,
)
