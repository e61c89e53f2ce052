"""Working days: Monday to Friday, less the bank holidays of the policy's UK region.

Bank holidays come from the ``holidays`` library (vacanza/holidays), which cites the Banking and Financial
Dealings Act 1971 and each year's proclamations, rather than a hand-made list. The three UK bank-holiday regions
differ: Scotland has 2 January, the first Monday of August and St Andrew's Day but not Easter Monday; Northern
Ireland has St Patrick's Day and the Battle of the Boyne.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache

import holidays

from coproduction.policy import Region

_SUBDIVISION = {
    Region.ENGLAND_AND_WALES: "ENG",
    Region.SCOTLAND: "SCT",
    Region.NORTHERN_IRELAND: "NIR",
}


@lru_cache(maxsize=8)
def _bank_holidays(region: Region) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=_SUBDIVISION[region])


def is_bank_holiday(day: date, region: Region) -> bool:
    """Whether ``day`` is a bank holiday in ``region``."""
    return day in _bank_holidays(region)


def bank_holiday_name(day: date, region: Region) -> str | None:
    """The name of the bank holiday on ``day`` in ``region`` ("Easter Monday"), or ``None`` if it is not one."""
    name = _bank_holidays(region).get(day)
    return None if name is None else str(name)


def is_weekend(day: date) -> bool:
    """Saturday or Sunday."""
    return day.weekday() >= 5


def working_day_calendar(region: Region) -> Callable[[date], bool]:
    """A function telling whether a date is a working day in ``region``."""
    bank = _bank_holidays(region)

    def is_working_day(day: date) -> bool:
        return day.weekday() < 5 and day not in bank

    return is_working_day


def clear_working_days_between(
    published: date, meeting: date, is_working_day: Callable[[date], bool], *, at_most: int | None = None
) -> int:
    """Working days strictly between publication and the meeting ("clear days": Local Government Act 1972
    s.100B as amended by SI 2002/715 exclude the day of publication and the day of the meeting).

    With ``at_most``, counting stops there: enough to tell whether a notice period is met, and quick however far
    apart the dates are.
    """
    if meeting <= published:
        return 0
    count = 0
    day = published.toordinal() + 1
    last = meeting.toordinal()
    while day < last and (at_most is None or count < at_most):
        if is_working_day(date.fromordinal(day)):
            count += 1
        day += 1
    return count
