"""RC001 unpaid-involvement: finds held meetings where a lived-experience attendee who was present has no involvement
payment or expenses recorded for that meeting and has not declined them, either for that meeting (a 'declined'
record) or in general (their payment preference is 'declined').

The rule (:func:`unpaid_involvement`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/RC001.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.reciprocity._common import _HELD
from coproduction.checks.sources import CNWL, HQIP, PAYING, cite
from coproduction.models.enums import PaymentKind, PaymentPreference
from coproduction.policy import Severity

_SETTLED = frozenset({PaymentKind.PAYMENT, PaymentKind.EXPENSES, PaymentKind.DECLINED})


def unpaid_involvement(context: CheckContext) -> Iterator[Flag]:
    index = context.index
    # Present known members with lived experience, less those who have declined payment: the people to be paid.
    declined = frozenset(
        member.id
        for member in context.register.member_by_id.values()
        if member.payment_preference is PaymentPreference.DECLINED
    )
    for meeting in index.meetings_not_cancelled():
        if meeting.status is not _HELD:
            continue
        to_pay = index.lived_experience_present_ids(meeting)
        if declined:
            to_pay = to_pay - declined
        if not to_pay:
            continue
        unpaid = sorted(to_pay.difference([p.member for p in meeting.payments if p.kind in _SETTLED]))
        if unpaid:
            yield Flag(meeting.id, _unpaid_opening(len(unpaid)) + ", ".join(unpaid) + ").", _UNPAID_HINT)


_UNPAID_HINT = "Pay them at the council's involvement rate or reimburse their expenses, or record that they declined."


@lru_cache(maxsize=64)
def _unpaid_opening(count: int) -> str:
    """RC001's message up to the members' ids, for ``count`` of them (made once per count)."""
    return (
        f"{count} lived-experience attendee{'s' if count != 1 else ''} present "
        f"{'have' if count != 1 else 'has'} no involvement payment or expenses recorded and "
        f"{'have' if count != 1 else 'has'} not declined them (member{'s' if count != 1 else ''} "
    )


CHECK = Check(
    code="RC001",
    name="unpaid-involvement",
    principle=Principle.RECIPROCITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds held meetings where a lived-experience attendee who was present has no involvement payment "
            "or expenses recorded for that meeting and has not declined them, either for that meeting (a "
            "'declined' record) or in general (their payment preference is 'declined')."
        ),
        why=(
            "People who use services and carers give their time and expertise as equals with paid staff. Paying "
            "them, or at least covering their costs, says that their contribution is valued; unpaid involvement "
            "excludes people who cannot afford to give their time. Some people on benefits decline payment: that "
            "is their choice, and it should be recorded."
        ),
        example=(
            "Two carers attended the March board meeting; one was paid, and nothing is recorded for the other: "
            "RC001 reports the second."
        ),
        instead=(
            "Record each attendee's payment, expenses or choice to decline when the meeting is held, and pay "
            "promptly at the council's published rate."
        ),
        settings=(),
        sources=(
            cite("scie-guide-51", "the reciprocity principle"),
            cite("scie-paying-people", PAYING),
            cite("involvement-payment-examples", "£11.50-£15 an hour", document=CNWL),
            cite("involvement-payment-examples", "£40 a meeting", document=HQIP),
        ),
    ),
    run=unpaid_involvement,
)
