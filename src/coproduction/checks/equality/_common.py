"""What the checks of this family share: helpers their messages use, kept in one place."""

from __future__ import annotations

from datetime import date

from coproduction.checks.engine import CheckContext
from coproduction.models.meeting import Meeting


def _meeting_label(meeting: Meeting, context: CheckContext) -> str:
    day: date = context.index.meeting_day(meeting)
    return f"{meeting.title!r} on {day.isoformat()}"
