"""Small builders and a Hypothesis strategy for the accessibility, reciprocity and diversity check tests.

Builders make the one thing a test is about explicit and default everything else to something that does not
fire: a weekday meeting from 10:00 to 11:30 London time, papers published weeks ahead, members asked about
their access needs and needing nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from coproduction.checks import CheckContext, Finding, builtin_registry, run_checks
from coproduction.models import (
    AccessNeed,
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Break,
    Characteristic,
    DiversityProfile,
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
    TrainingRecord,
    Venue,
    VenueFeature,
)
from coproduction.policy import Policy, Region
from coproduction.working_days import working_day_calendar

LONDON = ZoneInfo("Europe/London")
USES = frozenset({Perspective.USES_SERVICES})
CARER = frozenset({Perspective.CARER})
STAFF = frozenset({Perspective.STAFF})

#: Every check code this test module family owns.
OWN_CODES = (
    *(f"AC{n:03d}" for n in range(1, 11)),
    *(f"RC{n:03d}" for n in range(1, 6)),
    *(f"DV{n:03d}" for n in range(2, 6)),
)


def member(
    member_id: str,
    *,
    perspectives: Iterable[Perspective] = USES,
    needs: Iterable[AccessNeed] | None = (),
    **fields: Any,
) -> Member:
    """A member; ``needs=None`` means nobody asked, ``()`` means asked and needs nothing."""
    return Member(
        id=member_id,
        name=fields.pop("name", f"Member {member_id}"),
        perspectives=frozenset(perspectives),
        access_needs=None if needs is None else frozenset(needs),
        **fields,
    )


def group(group_id: str = "board", kind: GroupKind = GroupKind.BOARD, **fields: Any) -> Group:
    return Group(id=group_id, name=fields.pop("name", f"Group {group_id}"), kind=kind, **fields)


def memberships(group_id: str, members: Iterable[Member], started: date = date(2025, 1, 1)) -> list[Membership]:
    return [Membership(member=m.id, group=group_id, started=started) for m in members]


def at(day: date, hour: int = 10, minute: int = 0, zone: ZoneInfo = LONDON) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def meeting(
    meeting_id: str = "m1",
    *,
    group_id: str = "board",
    day: date = date(2026, 11, 12),
    start: time = time(10, 0),
    minutes: int = 90,
    zone: ZoneInfo = LONDON,
    **fields: Any,
) -> Meeting:
    """A Thursday meeting from 10:00 for ``minutes`` minutes, London time, in person at a venue with nothing."""
    begins = datetime.combine(day, start, tzinfo=zone)
    fields.setdefault("venue", Venue("County Hall"))
    return Meeting(
        id=meeting_id,
        group=group_id,
        title=fields.pop("title", f"Meeting {meeting_id}"),
        start=begins,
        end=begins + timedelta(minutes=minutes),
        **fields,
    )


def paper(title: str = "Budget", published: date | None = date(2026, 10, 1), **fields: Any) -> Paper:
    return Paper(title=title, published=published, **fields)


def register(
    *,
    members: Sequence[Member] = (),
    groups: Sequence[Group] | None = None,
    memberships: Sequence[Membership] | None = None,
    meetings: Sequence[Meeting] = (),
) -> Register:
    """A register; by default one board whose members are everyone in ``members``, since 2025-01-01."""
    groups = [group()] if groups is None else groups
    if memberships is None:
        memberships = [ms for g in groups[:1] for ms in _all_members(g.id, members)]
    return Register(
        organisation="Testshire County Council",
        area="Testshire",
        members=tuple(members),
        groups=tuple(groups),
        memberships=tuple(memberships),
        meetings=tuple(meetings),
    )


def _all_members(group_id: str, members: Sequence[Member]) -> list[Membership]:
    return [Membership(member=m.id, group=group_id, started=date(2025, 1, 1)) for m in members]


def context(
    reg: Register, as_of: date = date(2026, 11, 1), policy: Policy | None = None, *, internal: bool = False
) -> CheckContext:
    policy = policy or Policy()
    return CheckContext(
        register=reg,
        policy=policy,
        as_of=as_of,
        is_working_day=working_day_calendar(policy.region),
        internal=internal,
    )


def findings(
    code: str | Sequence[str],
    reg: Register,
    as_of: date = date(2026, 11, 1),
    policy: Policy | None = None,
    *,
    internal: bool = False,
) -> list[Finding]:
    """Findings of the check(s) ``code`` over ``reg`` as of ``as_of`` (``internal``: exact diversity figures)."""
    registry = builtin_registry()
    codes = [code] if isinstance(code, str) else list(code)
    return run_checks([registry[c] for c in codes], context(reg, as_of, policy, internal=internal))


def messages(
    code: str, reg: Register, as_of: date = date(2026, 11, 1), policy: Policy | None = None, *, internal: bool = False
) -> list[str]:
    return [f.message for f in findings(code, reg, as_of, policy, internal=internal)]


# --- Hypothesis: random registers ------------------------------------------------------------------------------

_TITLES = (
    "Budget",
    "CQC inspection",
    "ICB update on KPIs for ASC",
    "Care Quality Commission (CQC) report",
    "KPI",
    "Carers' strategy",
    "",
    "ASC: adult social care plan",
    "SEND review (special educational needs)",
    "Ünïcode ✓ title",
)
_ORGANISATIONS = (None, "", "Testshire County Council", "testshire county council ", "NHS Trust", "Carers Voice")
_AREAS = ("mental health", "learning disability", "older people", "carers", "Mental Health ", "")
_USUAL_DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
#: Mostly nearby dates, sometimes any date at all (year 1 to 9999): odd input must not crash or stall a check.
_DAYS = st.one_of(_USUAL_DAYS, _USUAL_DAYS, _USUAL_DAYS, st.dates())
_ZONES = st.sampled_from([UTC, LONDON, ZoneInfo("America/New_York")])


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n}" for n in range(count)]


@st.composite
def diversity_profiles(draw: st.DrawFn) -> DiversityProfile | None:
    if draw(st.booleans()):
        return None
    answers = {
        c.value: draw(st.none() | st.sampled_from(list(c.categories)))
        for c in Characteristic
    }
    return DiversityProfile(**answers)


@st.composite
def members_strategy(draw: st.DrawFn, member_id: str) -> Member:
    return Member(
        id=member_id,
        name=f"Member {member_id}",
        perspectives=draw(st.frozensets(st.sampled_from(list(Perspective)), max_size=3)),
        joined=draw(st.none() | _DAYS),
        organisation=draw(st.sampled_from(_ORGANISATIONS)),
        organisation_user_led=draw(st.booleans()),
        service_areas=draw(st.frozensets(st.sampled_from(_AREAS), max_size=3)),
        access_needs=draw(st.none() | st.frozensets(st.sampled_from(list(AccessNeed)), max_size=4)),
        training=tuple(
            draw(
                st.lists(
                    st.builds(TrainingRecord, st.just("Co-production basics"), _DAYS, st.booleans()), max_size=2
                )
            )
        ),
        payment_preference=draw(st.sampled_from(list(PaymentPreference))),
        diversity=draw(diversity_profiles()),
    )


@st.composite
def meetings_strategy(draw: st.DrawFn, meeting_id: str, group_ids: list[str], member_ids: list[str]) -> Meeting:
    # Unknown ids ("ghost") and odd values (negative breaks, end before start) are deliberate: odd input must
    # not crash a check.
    people = st.sampled_from([*member_ids, "ghost"])
    start = draw(
        st.one_of(
            st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 31), timezones=_ZONES),
            st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=_ZONES),
        )
    )
    minutes = draw(st.integers(min_value=-30, max_value=400))
    titles = st.sampled_from(_TITLES)
    return Meeting(
        id=meeting_id,
        group=draw(st.sampled_from([*group_ids, "no-such-group"])),
        title="Meeting",
        start=start,
        end=start + timedelta(minutes=minutes),
        mode=draw(st.sampled_from(list(MeetingMode))),
        status=draw(st.sampled_from(list(MeetingStatus))),
        venue=draw(
            st.none() | st.builds(Venue, st.just("Hall"), st.none(), st.frozensets(st.sampled_from(list(VenueFeature))))
        ),
        joining_link=draw(st.sampled_from([None, "", "  ", "https://example.org/join"])),
        captions=draw(st.booleans()),
        bsl_interpreters=draw(st.integers(min_value=0, max_value=3)),
        breaks=tuple(
            draw(
                st.lists(
                    st.builds(
                        Break, st.integers(min_value=-20, max_value=420), st.integers(min_value=-5, max_value=60)
                    ),
                    max_size=3,
                )
            )
        ),
        agenda=tuple(
            draw(
                st.lists(
                    st.builds(
                        AgendaItem,
                        titles,
                        st.tuples(people),
                        st.booleans(),
                        st.none() | st.builds(Outcome, st.just("Done"), _DAYS),
                        st.sampled_from([None, "", "plain words"]),
                    ),
                    max_size=3,
                )
            )
        ),
        papers=tuple(
            draw(
                st.lists(
                    st.builds(
                        Paper,
                        titles,
                        st.none() | _DAYS,
                        st.frozensets(st.sampled_from(list(PaperFormat)), max_size=3),
                        st.sampled_from([None, "plain words"]),
                    ),
                    max_size=3,
                )
            )
        ),
        expected=tuple(draw(st.lists(people, max_size=4))),
        attendance=tuple(
            draw(st.lists(st.builds(Attendance, people, st.sampled_from(list(AttendanceStatus))), max_size=5))
        ),
        actions=tuple(
            draw(
                st.lists(
                    st.builds(
                        Action,
                        st.sampled_from(["Send minutes", "Book venue", ""]),
                        st.none() | people,
                        st.none() | _DAYS,
                        st.sampled_from(list(ActionStatus)),
                    ),
                    max_size=3,
                )
            )
        ),
        payments=tuple(
            draw(
                st.lists(
                    st.builds(
                        Payment,
                        people,
                        st.sampled_from(list(PaymentKind)),
                        st.none() | st.just(Decimal("40.00")),
                    ),
                    max_size=4,
                )
            )
        ),
    )


@st.composite
def registers(draw: st.DrawFn) -> Register:
    """A random, possibly odd, register: up to 8 members, 3 groups and 5 meetings."""
    member_ids = _ids("p", draw(st.integers(min_value=0, max_value=8)))
    group_ids = _ids("g", draw(st.integers(min_value=0, max_value=3)))
    members = [draw(members_strategy(i)) for i in member_ids]
    groups = [
        Group(id=g, name=f"Group {g}", kind=draw(st.sampled_from(list(GroupKind)))) for g in group_ids
    ]
    memberships_list: list[Membership] = []
    if member_ids and group_ids:
        memberships_list = draw(
            st.lists(
                st.builds(
                    Membership,
                    st.sampled_from(member_ids),
                    st.sampled_from(group_ids),
                    started=st.none() | _DAYS,
                    left=st.none() | _DAYS,
                ),
                max_size=12,
            )
        )
    meeting_ids = _ids("mt", draw(st.integers(min_value=0, max_value=5)))
    meetings = [draw(meetings_strategy(i, group_ids, member_ids)) for i in meeting_ids]
    return Register(
        organisation="Random Council",
        area="Randomshire",
        members=tuple(members),
        groups=tuple(groups),
        memberships=tuple(memberships_list),
        meetings=tuple(meetings),
    )


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Policies with every threshold these checks read varied within sensible bounds."""
    return Policy(
        region=draw(st.sampled_from(list(Region))),
        timezone=draw(st.sampled_from(["Europe/London", "UTC", "Pacific/Auckland"])),
        papers_notice_working_days=draw(st.integers(min_value=0, max_value=10)),
        easy_read_notice_days=draw(st.integers(min_value=0, max_value=14)),
        max_minutes_without_break=draw(st.integers(min_value=0, max_value=180)),
        max_meeting_minutes=draw(st.integers(min_value=0, max_value=300)),
        two_interpreters_from_minutes=draw(st.integers(min_value=0, max_value=240)),
        max_unknown_share=draw(st.floats(min_value=0, max_value=1)),
        min_service_areas=draw(st.integers(min_value=0, max_value=5)),
        max_organisation_share=draw(st.floats(min_value=0, max_value=1)),
        involvement_hourly_rate=draw(st.decimals(min_value=0, max_value=30, places=2)),
        training_within_days=draw(st.integers(min_value=0, max_value=400)),
        feedback_within_days=draw(st.integers(min_value=0, max_value=200)),
        monitored_characteristics=tuple(draw(st.lists(st.sampled_from(list(Characteristic)), max_size=4))),
    )


def shuffled(reg: Register, draw: st.DrawFn) -> Register:
    """The same register with every input list (and each meeting's lists) in another order."""

    def perm(items: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(draw(st.permutations(list(items))))

    meetings = [
        attrs.evolve(
            m,
            breaks=perm(m.breaks),
            agenda=perm(m.agenda),
            papers=perm(m.papers),
            expected=perm(m.expected),
            attendance=perm(m.attendance),
            decisions=perm(m.decisions),
            actions=perm(m.actions),
            payments=perm(m.payments),
        )
        for m in reg.meetings
    ]
    return Register(
        organisation=reg.organisation,
        area=reg.area,
        members=perm(reg.members),
        groups=perm(reg.groups),
        memberships=perm(reg.memberships),
        meetings=perm(meetings),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Register, Register, Policy, date]:
    """A random register, the same register with its lists in another order, a policy and an "as of" date."""
    reg = draw(registers())
    return reg, shuffled(reg, draw), draw(policies()), draw(_DAYS)


def assert_stable(codes: Sequence[str], scenario: tuple[Register, Register, Policy, date]) -> None:
    """The checks run without error, give the same findings twice, and the same for the shuffled register."""
    reg, reordered, policy, as_of = scenario
    first = findings(codes, reg, as_of, policy)
    assert findings(codes, reg, as_of, policy) == first
    assert findings(codes, reordered, as_of, policy) == first
    for finding in first:
        assert finding.code in codes
        assert finding.message.strip()
        assert finding.hint.strip()
