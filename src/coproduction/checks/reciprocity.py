"""Reciprocity checks RC001-RC005 (CHECKS.md): people get something back for what they put in (SCIE guide 51).

Meetings are read on the policy's local clock (``Policy.timezone``). Meeting checks look only at meetings that are
not cancelled; RC001 and RC004 look only at meetings recorded as held.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from coproduction.checks._facts import facts
from coproduction.checks.engine import CheckContext, CheckDoc, Flag, Principle, SubjectKind, check
from coproduction.checks.registry import BUILTIN
from coproduction.models.enums import ActionStatus, MeetingStatus, PaymentKind, PaymentPreference
from coproduction.models.member import Member
from coproduction.policy import Severity

_SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (reciprocity principle)"
_SCIE_PAYMENT = (
    "SCIE, Paying people who receive benefits: there are no nationally agreed involvement rates; some people on "
    "benefits choose to decline payment"
)
_CNWL = "Central and North West London NHS Foundation Trust (CNWL), involvement payment rates 2022: £11.50-£15 an hour"
_HQIP = "Healthcare Quality Improvement Partnership (HQIP), patient and public involvement payments: £40 a meeting"
_NLW = (
    "National Minimum Wage Regulations 2015, as uprated each April; GOV.UK, 'National Minimum Wage and National "
    "Living Wage rates'"
)
_NHS_ENGLAND = (
    "NHS England, Working in partnership with people and communities: statutory guidance (2022): feed back how "
    "people's input influenced decisions"
)
_OXFORDSHIRE_TRAINING = "Oxfordshire County Council co-production programme: co-produced training (seeds 001-002)"


def days_after(day: date, count: int) -> date:
    """``day`` plus ``count`` days, held at the calendar's last day rather than overflowing."""
    try:
        return day + timedelta(days=count)
    except OverflowError:
        return date.max if count > 0 else date.min


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


# --- RC001 -----------------------------------------------------------------------------------------------------

_SETTLED = frozenset({PaymentKind.PAYMENT, PaymentKind.EXPENSES, PaymentKind.DECLINED})
_HELD = MeetingStatus.HELD


@check(
    BUILTIN,
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
        sources=(_SCIE, _SCIE_PAYMENT, _CNWL, _HQIP),
    ),
)
def unpaid_involvement(context: CheckContext) -> Iterator[Flag]:
    shared = facts(context)
    # Present known members with lived experience, less those who have declined payment: the people to be paid.
    declined = frozenset(
        member.id
        for member in context.register.member_by_id.values()
        if member.payment_preference is PaymentPreference.DECLINED
    )
    for meeting in shared.active_meetings():
        if meeting.status is not _HELD:
            continue
        to_pay = shared.lived_present_ids(meeting)
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


# --- RC002 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="RC002",
    name="payment-below-living-wage",
    principle=Principle.RECIPROCITY,
    severity=Severity.WARNING,
    subject=SubjectKind.POLICY,
    doc=CheckDoc(
        what=(
            "Compares the policy's hourly involvement rate (`involvement_hourly_rate`) with the National Living Wage "
            "in force on the 'as of' date, taken from the policy's dated table of rates, `national_living_wage` "
            "(so a new April rate is a data change). Before the table's first date there is nothing to compare "
            "and the check is silent."
        ),
        why=(
            "Paying people with lived experience less per hour than the lowest legal wage for staff says their "
            "expertise is worth less, which is the opposite of working as equals."
        ),
        example=(
            "The policy pays £12.00 an hour; from 1 April 2026 the National Living Wage is £12.71: RC002 reports "
            "the gap of £0.71."
        ),
        instead=(
            "Set the involvement rate at or above the National Living Wage and review it each April when the "
            "rate changes; many councils and NHS trusts pay more (CNWL paid £11.50-£15 an hour in 2022)."
        ),
        settings=("involvement_hourly_rate", "national_living_wage"),
        sources=(_NLW, _SCIE_PAYMENT, _CNWL, _HQIP),
    ),
)
def payment_below_living_wage(context: CheckContext) -> Iterator[Flag]:
    policy = context.policy
    rate = policy.living_wage_on(context.as_of)
    if rate is None or policy.involvement_hourly_rate >= rate.hourly:
        return
    gap = rate.hourly - policy.involvement_hourly_rate
    yield Flag(
        policy.name,
        f"The involvement rate of £{policy.involvement_hourly_rate:.2f} an hour is £{gap:.2f} below the "
        f"National Living Wage of £{rate.hourly:.2f} in force since {rate.since.isoformat()}.",
        f"Raise involvement_hourly_rate to at least £{rate.hourly:.2f}.",
    )


# --- RC003 -----------------------------------------------------------------------------------------------------


def joined_on(context: CheckContext, member: Member) -> date | None:
    """When the member joined: ``Member.joined``, or else the earliest start of their memberships."""
    if member.joined is not None:
        return member.joined
    starts = [ms.started for ms in context.register.memberships_by_member.get(member.id, ()) if ms.started]
    return min(starts) if starts else None


@check(
    BUILTIN,
    code="RC003",
    name="training-not-completed",
    principle=Principle.RECIPROCITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            "Finds current members (of any group) with no co-production training completed within "
            "`training_within_days` (default 180) days of joining. The joining date is the member's own, or "
            "else the start of their earliest membership; a member with neither is not judged. Training before "
            "joining counts. The check waits until that period has passed, so a new member is not reported, and "
            "it stops once training is recorded, even if late: a finding that nothing can clear would only "
            "teach people to ignore it."
        ),
        why=(
            "Training is part of what members get back, and it lets people with lived experience and staff "
            "work on the same footing. Members who are never trained are left to pick up the rules alone."
        ),
        example=(
            "A carer joined the champions network on 2 January 2026 and has no co-production training recorded "
            "by 1 July 2026, 180 days later: from 2 July RC003 reports it."
        ),
        instead=(
            "Offer co-production training, co-produced with members, within six months of joining, and record "
            "it in the member's training list."
        ),
        settings=("training_within_days",),
        sources=(_OXFORDSHIRE_TRAINING, _SCIE, "DOMAIN.md: within 180 days (default)"),
    ),
)
def training_not_completed(context: CheckContext) -> Iterator[Flag]:
    as_of, within = context.as_of, context.policy.training_within_days
    current = facts(context).current_anywhere(as_of)
    hint = "Offer co-production training now, at a time and in a format that suits the member."
    messages: dict[date, str | None] = {}  # by joining date (members join on the same days); None: not yet due
    for member_id, member in context.register.member_by_id.items():
        if member_id not in current:
            continue
        joined = joined_on(context, member)
        if joined is None:
            continue
        if joined in messages:
            message = messages[joined]
        else:
            message = messages[joined] = _untrained_message(joined, within, as_of)
        if message is None:
            continue
        for training in member.training:
            if training.coproduction and training.completed <= as_of:
                break
        else:  # no co-production training completed
            yield Flag(member.id, message, hint)


def _untrained_message(joined: date, within: int, as_of: date) -> str | None:
    """RC003's message for a member who joined on ``joined``; ``None`` while the days for training last."""
    deadline = days_after(joined, within)
    if as_of <= deadline:
        return None
    return (
        f"Joined on {joined.isoformat()}; no co-production training completed by "
        f"{deadline.isoformat()}, {_days(within)} later."
    )


# --- RC004 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="RC004",
    name="no-feedback-on-input",
    principle=Principle.RECIPROCITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds agenda items at held meetings where people with lived experience gave input and no outcome "
            "('you said, we did') was recorded within `feedback_within_days` (default 90) days of the meeting. The "
            "check waits until those days have passed, and stops once an outcome is recorded, even a late one."
        ),
        why=(
            "People give their time to change things. If they never hear what happened to their input, they "
            "conclude it made no difference, and stop taking part. Feeding back is how trust is built."
        ),
        example=(
            "At the board on 10 March members with lived experience advised on the new carers' strategy; by "
            "8 June, 90 days later, no outcome is recorded: from 9 June RC004 reports it."
        ),
        instead=(
            "Record on each item what was done with people's input, and report it back to the group (a "
            "'you said, we did' paper) within three months."
        ),
        settings=("feedback_within_days", "timezone"),
        sources=(_NHS_ENGLAND, _SCIE, "DOMAIN.md: within 90 days (default)"),
    ),
)
def no_feedback_on_input(context: CheckContext) -> Iterator[Flag]:
    within, as_of = context.policy.feedback_within_days, context.as_of
    after = f"' had input from people with lived experience and no outcome recorded {_days(within)} after the meeting."
    hint = "Record what was done with their input and tell the group ('you said, we did')."
    deadlines: dict[date, date] = {}  # by meeting day: meetings share days
    for meeting, day, _ in facts(context).active_meeting_facts():
        if meeting.status is not _HELD:
            continue
        deadline = deadlines.get(day)
        if deadline is None:
            deadline = deadlines[day] = days_after(day, within)
        if as_of <= deadline:
            continue
        items = {
            (item.title, item.outcome.recorded if item.outcome else None)
            for item in meeting.agenda
            if item.lived_experience_input
        }
        for title, recorded in sorted(items, key=_title_then_recorded) if len(items) > 1 else items:
            if recorded is None or recorded > as_of:
                yield Flag(meeting.id, "Item '" + title + after, hint)


def _title_then_recorded(pair: tuple[str, date | None]) -> tuple[str, date]:
    return (pair[0], pair[1] or date.min)


# --- RC005 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="RC005",
    name="overdue-action",
    principle=Principle.RECIPROCITY,
    severity=Severity.INFO,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds actions from a meeting (not cancelled) whose due date is before the 'as of' date and which "
            "are still open. Actions done or dropped, and actions with no due date, are not reported."
        ),
        why=(
            "Actions are the group's promises. When they slip without a word, members with lived experience "
            "see their effort go nowhere."
        ),
        example=(
            "An action from the May board, 'send the carers' survey in Easy Read', was due on 30 June and is "
            "still open on 1 July: RC005 reports it."
        ),
        instead=(
            "Review open actions at every meeting; finish them, agree a new date, or drop them and say why."
        ),
        settings=(),
        sources=(_SCIE, _NHS_ENGLAND),
    ),
)
def overdue_action(context: CheckContext) -> Iterator[Flag]:
    for meeting in facts(context).active_meetings():
        if not meeting.actions:
            continue
        overdue = sorted(
            {
                (action.due, action.text, action.owner or "")
                for action in meeting.actions
                if action.status is ActionStatus.OPEN and action.due is not None and action.due < context.as_of
            }
        )
        for due, text, owner in overdue:
            owned = f" (owner {owner})" if owner else ""
            yield Flag(
                meeting.id,
                f"Action '{text}'{owned} was due on {due.isoformat()}, {_days((context.as_of - due).days)} ago, "
                "and is still open.",
                "Finish it, agree a new due date with the group, or drop it and tell members why.",
            )
