"""What the checks of this family share: helpers their messages use, kept in one place."""

from __future__ import annotations

from datetime import date, timedelta

from coproduction.models.enums import MeetingStatus


def days_after(day: date, count: int) -> date:
    """``day`` plus ``count`` days, held at the calendar's last day rather than overflowing."""
    try:
        return day + timedelta(days=count)
    except OverflowError:
        return date.max if count > 0 else date.min


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


_HELD = MeetingStatus.HELD
