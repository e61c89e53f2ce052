"""What the equality checks share: helpers and the sources their documentation cites."""

from __future__ import annotations

from datetime import date

from coproduction.checks._facts import facts
from coproduction.checks.engine import CheckContext
from coproduction.models.meeting import Meeting

SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (principle: equality)"


TEAM_UP = "Oxfordshire County Council, Team-Up Co-production Board (seeds 001-003): a lived-experience co-chair"


LANARKSHIRE = (
    "Lanarkshire Links, guidelines for co-production: at least 2 people who use services and 2 carers on any committee"
)


def _meeting_label(meeting: Meeting, context: CheckContext) -> str:
    day: date = facts(context).query_day(meeting)
    return f"{meeting.title!r} on {day.isoformat()}"
