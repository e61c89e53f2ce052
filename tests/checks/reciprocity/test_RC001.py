"""RC001: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

import pytest

from coproduction.models import (
    Attendance,
    AttendanceStatus,
    MeetingStatus,
    Payment,
    PaymentKind,
    PaymentPreference,
)
from tests.checks.acc_builders import (
    CARER,
    STAFF,
    USES,
    findings,
    meeting,
    member,
    messages,
    register,
)

CARER_ANN = member("ann", perspectives=CARER)


USER_BEN = member("ben", perspectives=USES)


STAFF_CAT = member("cat", perspectives=STAFF)


def held(*present, payments=(), status=MeetingStatus.HELD, absent=()):
    attendance = (
        *(Attendance(p) for p in present),
        *(Attendance(p, AttendanceStatus.APOLOGIES) for p in absent),
    )
    return meeting(status=status, attendance=attendance, payments=tuple(payments))


def test_rc001_fires_for_unpaid_lived_experience_attendees():
    reg = register(members=[CARER_ANN, USER_BEN, STAFF_CAT], meetings=[held("ann", "ben", "cat")])
    (finding,) = findings("RC001", reg)
    assert finding.subject.id == "m1"
    assert finding.message == (
        "2 lived-experience attendees present have no involvement payment or expenses recorded and have not "
        "declined them (members ann, ben)."
    )


@pytest.mark.parametrize("kind", list(PaymentKind))
def test_rc001_payment_expenses_or_declined_record_settles(kind):
    reg = register(members=[CARER_ANN], meetings=[held("ann", payments=[Payment("ann", kind)])])
    assert findings("RC001", reg) == []


def test_rc001_payment_to_someone_else_does_not_count():
    reg = register(members=[CARER_ANN, USER_BEN], meetings=[held("ann", "ben", payments=[Payment("ben")])])
    (message,) = messages("RC001", reg)
    assert "1 lived-experience attendee present has" in message
    assert "(member ann)" in message


def test_rc001_declined_preference_is_respected():
    declines = member("dee", perspectives=USES, payment_preference=PaymentPreference.DECLINED)
    reg = register(members=[declines], meetings=[held("dee")])
    assert findings("RC001", reg) == []


def test_rc001_silent_for_staff_absentees_and_meetings_not_held():
    reg = register(members=[CARER_ANN, STAFF_CAT], meetings=[held("cat", absent=["ann"])])
    assert findings("RC001", reg) == []
    for status in (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED):
        reg = register(members=[CARER_ANN], meetings=[held("ann", status=status)])
        assert findings("RC001", reg) == []
