"""What the reciprocity checks share: helpers and the sources their documentation cites."""

from __future__ import annotations

from datetime import date, timedelta

from coproduction.models.enums import MeetingStatus

_SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (reciprocity principle)"


_SCIE_PAYMENT = (
    "SCIE, Paying people who receive benefits: there are no nationally agreed involvement rates; some people on "
    "benefits choose to decline payment"
)


_CNWL = "Central and North West London NHS Foundation Trust (CNWL), involvement payment rates 2022: £11.50-£15 an hour"


_HQIP = "Healthcare Quality Improvement Partnership (HQIP), patient and public involvement payments: £40 a meeting"


_NHS_ENGLAND = (
    "NHS England, Working in partnership with people and communities: statutory guidance (2022): feed back how "
    "people's input influenced decisions"
)


def days_after(day: date, count: int) -> date:
    """``day`` plus ``count`` days, held at the calendar's last day rather than overflowing."""
    try:
        return day + timedelta(days=count)
    except OverflowError:
        return date.max if count > 0 else date.min


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


_HELD = MeetingStatus.HELD
