"""The benchmark's comparison stays valid: its direct icalendar build gives exactly the export's bytes."""

from __future__ import annotations

import pytest
from benchmarks.bench_calendar import DOMAIN, DTSTAMP, build_directly, direct_inputs, synthetic_register

from coproduction.calendar import export_calendar
from coproduction.policy import Policy


@pytest.mark.parametrize(("cadences", "attendees"), [(True, False), (False, True)])
def test_direct_build_equals_export(cadences: bool, attendees: bool) -> None:
    register = synthetic_register(300, cadences=cadences)
    assert len(register.meetings) == 300
    exported = export_calendar(register, Policy(), dtstamp=DTSTAMP, domain=DOMAIN, attendees=attendees)
    assert build_directly(*direct_inputs(exported)) == exported
    if cadences:
        assert b"RRULE:FREQ=MONTHLY" in exported
        assert b"RECURRENCE-ID" in exported
        assert b"EXDATE" in exported
