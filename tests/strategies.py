"""Hypothesis strategies for every model in ``coproduction.models``, in one place for every test to share.

Each model has a strategy of the same name in the plural (``members()``, ``meetings()`` ...). Strategies for
things that refer to members or groups take the ids they may refer to, so that :func:`registers` builds registers
that pass the loader's consistency checks: unique ids, references that resolve, ends after starts, numbers in
range. Text is drawn from all of Unicode (no surrogates) unless an argument says otherwise, so that round trips
are tested on awkward characters; ids are short, readable slugs.

Typical use::

    @given(registers())
    def test_round_trip(register): ...

    @given(st.data())
    def test_x(data):
        meeting = data.draw(meetings(group_ids=["board"], member_ids=["ann", "bob"]))
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from hypothesis import strategies as st

from coproduction.models import (
    AccessNeed,
    Acknowledgement,
    Action,
    ActionStatus,
    AgeBand,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Break,
    Cadence,
    Decision,
    Disability,
    DiversityProfile,
    EthnicGroup,
    Frequency,
    GenderIdentity,
    GroundRule,
    GroundRules,
    Group,
    GroupKind,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Member,
    Membership,
    Outcome,
    Paper,
    PaperFormat,
    Payment,
    PaymentKind,
    PaymentPreference,
    Perspective,
    Register,
    Religion,
    Role,
    Sex,
    SexualOrientation,
    TrainingRecord,
    UnpaidCare,
    Venue,
    VenueFeature,
    Weekday,
)

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2060, 12, 31)

#: Short lists keep examples small; tests that need volume build it themselves.
MAX_LIST = 2


# -- leaves -------------------------------------------------------------------------------------------------


def texts(*, min_size: int = 0, max_size: int = 24) -> st.SearchStrategy[str]:
    """Any Unicode text except surrogates (which no file encoding can hold)."""
    return st.text(min_size=min_size, max_size=max_size)


def readable_texts(*, min_size: int = 1, max_size: int = 24) -> st.SearchStrategy[str]:
    """Letters, digits, spaces and a little punctuation: for tests that print or compare text."""
    alphabet = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ',.-éëç")
    return st.text(alphabet, min_size=min_size, max_size=max_size)


def identifiers() -> st.SearchStrategy[str]:
    """Short readable ids such as ``ann-2``."""
    return st.from_regex(r"[a-z][a-z0-9-]{0,9}", fullmatch=True)


def unique_identifiers(*, min_size: int = 0, max_size: int = 5) -> st.SearchStrategy[list[str]]:
    return st.lists(identifiers(), min_size=min_size, max_size=max_size, unique=True)


def enum_values(enum_type: type[E]) -> st.SearchStrategy[E]:
    return st.sampled_from(list(enum_type))


def enum_sets(enum_type: type[E], *, max_size: int | None = None) -> st.SearchStrategy[frozenset[E]]:
    return st.frozensets(enum_values(enum_type), max_size=max_size)


def dates(*, min_value: date = FIRST_DAY, max_value: date = LAST_DAY) -> st.SearchStrategy[date]:
    return st.dates(min_value=min_value, max_value=max_value)


def offsets() -> st.SearchStrategy[timezone]:
    """UTC and fixed offsets in whole minutes from -12:00 to +14:00: what ISO 8601 and TOML hold.

    Named zones (Europe/London) are left out on purpose: a register stores offsets, not zone names, and Python
    never finds a London time in the autumn's repeated hour equal to the same instant at a fixed offset (PEP 495),
    so such a value could not round-trip "equal" whatever the loader did.
    """
    fixed = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    return st.one_of(st.just(UTC), st.just(timezone(timedelta(hours=1))), fixed)


def aware_datetimes(
    *, min_day: date = FIRST_DAY, max_day: date = LAST_DAY
) -> st.SearchStrategy[datetime]:
    """Time-zone-aware date-times (seconds and microseconds included, to test that nothing is lost)."""
    return st.datetimes(
        min_value=datetime.combine(min_day, time()),
        max_value=datetime.combine(max_day, time(23, 59)),
        timezones=offsets(),
    )


def times_of_day() -> st.SearchStrategy[time]:
    """Local times of day, mostly on the minute (as registers write them), sometimes with seconds."""
    on_the_minute = st.builds(time, st.integers(0, 23), st.integers(0, 59))
    return st.one_of(on_the_minute, st.times())


def amounts() -> st.SearchStrategy[Decimal]:
    """Money: 0.00 to 10,000.00, in pence."""
    return st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _some(strategy: st.SearchStrategy[T], max_size: int = MAX_LIST) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def _one_of_ids(ids: Sequence[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(list(ids))


# -- members ------------------------------------------------------------------------------------------------


def diversity_profiles() -> st.SearchStrategy[DiversityProfile]:
    return st.builds(
        DiversityProfile,
        age=_optional(enum_values(AgeBand)),
        sex=_optional(enum_values(Sex)),
        gender_identity=_optional(enum_values(GenderIdentity)),
        ethnic_group=_optional(enum_values(EthnicGroup)),
        disability=_optional(enum_values(Disability)),
        religion=_optional(enum_values(Religion)),
        sexual_orientation=_optional(enum_values(SexualOrientation)),
        unpaid_care=_optional(enum_values(UnpaidCare)),
    )


def training_records() -> st.SearchStrategy[TrainingRecord]:
    return st.builds(TrainingRecord, course=texts(), completed=dates(), coproduction=st.booleans())


def members(member_id: str | st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Member]:
    """A member; ``member_id`` fixes the id (or gives a strategy for it)."""
    ids = identifiers() if member_id is None else member_id
    return st.builds(
        Member,
        id=ids if isinstance(ids, st.SearchStrategy) else st.just(ids),
        name=texts(),
        perspectives=enum_sets(Perspective),
        joined=_optional(dates()),
        organisation=_optional(texts()),
        organisation_user_led=st.booleans(),
        area=_optional(texts()),
        service_areas=st.frozensets(texts(max_size=12), max_size=MAX_LIST),
        access_needs=_optional(enum_sets(AccessNeed, max_size=4)),
        training=_some(training_records()),
        payment_preference=enum_values(PaymentPreference),
        diversity=_optional(diversity_profiles()),
    )


# -- groups -------------------------------------------------------------------------------------------------


@st.composite
def cadences(draw: st.DrawFn) -> Cadence:
    """A cadence; when both times are given, the end is after the start."""
    start = draw(_optional(times_of_day()))
    end = draw(_optional(times_of_day()))
    if start is not None and end is not None and end <= start:
        start, end = (end, start) if end < start else (start, None)
    return Cadence(
        frequency=draw(enum_values(Frequency)),
        weekday=draw(_optional(enum_values(Weekday))),
        week_of_month=draw(_optional(st.sampled_from([1, 2, 3, 4, -1]))),
        start=start,
        end=end,
    )


def ground_rule_items() -> st.SearchStrategy[GroundRule]:
    return st.builds(GroundRule, text=texts(), easy_read=_optional(texts()))


def acknowledgements(member_ids: Sequence[str]) -> st.SearchStrategy[Acknowledgement]:
    return st.builds(Acknowledgement, member=_one_of_ids(member_ids), on=dates())


@st.composite
def ground_rules(draw: st.DrawFn, member_ids: Sequence[str] = ()) -> GroundRules:
    """Ground rules, reviewed (if ever) on or after the day they were agreed."""
    agreed = draw(dates())
    return GroundRules(
        agreed=agreed,
        rules=draw(_some(ground_rule_items())),
        reviewed=draw(_optional(dates(min_value=agreed))),
        easy_read_document=draw(_optional(texts())),
        acknowledgements=draw(_some(acknowledgements(member_ids))) if member_ids else (),
    )


def groups(
    group_id: str | st.SearchStrategy[str] | None = None, member_ids: Sequence[str] = ()
) -> st.SearchStrategy[Group]:
    """A group; acknowledgements of its ground rules name members from ``member_ids``."""
    ids = identifiers() if group_id is None else group_id
    return st.builds(
        Group,
        id=ids if isinstance(ids, st.SearchStrategy) else st.just(ids),
        name=texts(),
        kind=enum_values(GroupKind),
        purpose=_optional(texts()),
        terms_of_reference=_optional(texts()),
        cadence=_optional(cadences()),
        quorum=_optional(st.integers(min_value=0, max_value=30)),
        requires_residence=st.booleans(),
        ground_rules=_optional(ground_rules(member_ids)),
    )


@st.composite
def memberships(draw: st.DrawFn, member_ids: Sequence[str], group_ids: Sequence[str]) -> Membership:
    """A membership of one of ``member_ids`` in one of ``group_ids``; it ends (if at all) after it started."""
    started = draw(_optional(dates()))
    later = dates(min_value=started) if started is not None else dates()
    return Membership(
        member=draw(_one_of_ids(member_ids)),
        group=draw(_one_of_ids(group_ids)),
        role=draw(enum_values(Role)),
        voting=draw(st.booleans()),
        started=started,
        term_ends=draw(_optional(later)),
        left=draw(_optional(later)),
    )


# -- meetings -----------------------------------------------------------------------------------------------


def venues() -> st.SearchStrategy[Venue]:
    return st.builds(Venue, name=texts(), address=_optional(texts()), features=enum_sets(VenueFeature))


def breaks() -> st.SearchStrategy[Break]:
    return st.builds(
        Break, after_minutes=st.integers(min_value=0, max_value=300), minutes=st.integers(1, 60)
    )


def outcomes() -> st.SearchStrategy[Outcome]:
    return st.builds(Outcome, text=texts(), recorded=dates())


def agenda_items(member_ids: Sequence[str] = ()) -> st.SearchStrategy[AgendaItem]:
    leads = _some(_one_of_ids(member_ids)) if member_ids else st.just(())
    return st.builds(
        AgendaItem,
        title=texts(),
        leads=leads,
        lived_experience_input=st.booleans(),
        outcome=_optional(outcomes()),
        explanation=_optional(texts()),
    )


def papers() -> st.SearchStrategy[Paper]:
    return st.builds(
        Paper,
        title=texts(),
        published=_optional(dates()),
        formats=enum_sets(PaperFormat),
        explanation=_optional(texts()),
    )


def attendances(member_ids: Sequence[str]) -> st.SearchStrategy[Attendance]:
    return st.builds(Attendance, member=_one_of_ids(member_ids), status=enum_values(AttendanceStatus))


def decisions() -> st.SearchStrategy[Decision]:
    return st.builds(Decision, text=texts())


def actions(member_ids: Sequence[str] = ()) -> st.SearchStrategy[Action]:
    owner = _optional(_one_of_ids(member_ids)) if member_ids else st.none()
    return st.builds(
        Action,
        text=texts(),
        owner=owner,
        due=_optional(dates()),
        status=enum_values(ActionStatus),
        completed=_optional(dates()),
    )


def payments(member_ids: Sequence[str]) -> st.SearchStrategy[Payment]:
    return st.builds(
        Payment, member=_one_of_ids(member_ids), kind=enum_values(PaymentKind), amount=_optional(amounts())
    )


@st.composite
def meetings(
    draw: st.DrawFn,
    meeting_id: str | None = None,
    group_ids: Sequence[str] = ("board",),
    member_ids: Sequence[str] = (),
) -> Meeting:
    """A meeting of one of ``group_ids``, lasting 1 minute to 8 hours; people are drawn from ``member_ids``."""
    start = draw(aware_datetimes())
    end = start + timedelta(minutes=draw(st.integers(min_value=1, max_value=8 * 60)))
    people = bool(member_ids)
    return Meeting(
        id=meeting_id if meeting_id is not None else draw(identifiers()),
        group=draw(_one_of_ids(group_ids)),
        title=draw(texts()),
        start=start,
        end=end,
        mode=draw(enum_values(MeetingMode)),
        status=draw(enum_values(MeetingStatus)),
        venue=draw(_optional(venues())),
        joining_link=draw(_optional(texts())),
        captions=draw(st.booleans()),
        bsl_interpreters=draw(st.integers(min_value=0, max_value=3)),
        breaks=draw(_some(breaks())),
        agenda=draw(_some(agenda_items(member_ids))),
        papers=draw(_some(papers())),
        expected=draw(_some(_one_of_ids(member_ids))) if people else (),
        attendance=draw(_some(attendances(member_ids))) if people else (),
        decisions=draw(_some(decisions())),
        actions=draw(_some(actions(member_ids))),
        payments=draw(_some(payments(member_ids))) if people else (),
        replaces=draw(_optional(dates())),
        sequence=draw(st.integers(min_value=0, max_value=20)),
    )


# -- registers ----------------------------------------------------------------------------------------------


@st.composite
def registers(draw: st.DrawFn, *, max_members: int = 5, max_groups: int = 3, max_meetings: int = 4) -> Register:
    """A consistent register: unique ids, every reference resolves, every end after its start."""
    member_ids = draw(unique_identifiers(max_size=max_members))
    group_ids = draw(unique_identifiers(max_size=max_groups))
    meeting_ids = draw(unique_identifiers(max_size=max_meetings)) if group_ids else []
    return Register(
        organisation=draw(texts()),
        area=draw(texts()),
        members=tuple(draw(members(member_id)) for member_id in member_ids),
        groups=tuple(draw(groups(group_id, member_ids)) for group_id in group_ids),
        memberships=draw(_some(memberships(member_ids, group_ids), max_size=6))
        if member_ids and group_ids
        else (),
        meetings=tuple(draw(meetings(meeting_id, group_ids, member_ids)) for meeting_id in meeting_ids),
    )


__all__ = [
    "acknowledgements",
    "actions",
    "agenda_items",
    "amounts",
    "attendances",
    "aware_datetimes",
    "breaks",
    "cadences",
    "dates",
    "decisions",
    "diversity_profiles",
    "enum_sets",
    "enum_values",
    "ground_rule_items",
    "ground_rules",
    "groups",
    "identifiers",
    "meetings",
    "members",
    "memberships",
    "offsets",
    "outcomes",
    "papers",
    "payments",
    "readable_texts",
    "registers",
    "texts",
    "times_of_day",
    "training_records",
    "unique_identifiers",
    "venues",
]
