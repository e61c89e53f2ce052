"""Facts several checks ask about the same meetings and groups, worked out once per run.

A run of the checks asks the same questions many times: a meeting's local date, its expected attendees and their
access needs, who is a current member of a group on a day. At national scale (168,000 meetings) asking each
afresh in each check costs more than loading the register. :class:`RunFacts` answers each question once and keeps
the answer for the rest of the run (one :class:`~coproduction.checks.engine.CheckContext`); every answer is the
one the plain helper (``_queries`` and ``accessibility``) would give, so findings do not change.

Current membership changes only on the days a membership starts or ends, so the current members of a group are
worked out once for each stretch of days between those dates, not once for each meeting.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from coproduction.checks._queries import meeting_day
from coproduction.models.enums import AccessNeed, AttendanceStatus, MeetingStatus, PaperFormat, VenueFeature
from coproduction.models.group import Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member
from coproduction.working_days import clear_working_days_between

if TYPE_CHECKING:
    from coproduction.checks.engine import CheckContext

_PRESENT = AttendanceStatus.PRESENT
_APOLOGIES = AttendanceStatus.APOLOGIES
_FORMAT_OF = {need: need.paper_format for need in AccessNeed}
_FEATURE_OF = {need: need.venue_feature for need in AccessNeed}


#: A meeting that is not cancelled, with its local date and how many expected attendees have each access need.
ActiveMeeting = tuple[Meeting, date, Counter[AccessNeed]]


#: Who was present at a meeting: the ids recorded as present, as a set; the ids of members with lived experience
#: among them; how many distinct known members they are.
Presence = tuple[frozenset[str], frozenset[str], int]


class RunFacts:
    """Answers shared by the checks of one run, kept by the ``id()`` of the meeting (hashing a meeting would hash
    all its attendance); each meeting answered about is kept alive, so no id is reused within the run."""

    def __init__(self, context: CheckContext) -> None:
        # Not the context itself: it holds these facts, and a cycle would keep them until a collection.
        self.policy = context.policy
        self.is_working_day = context.is_working_day
        self.register = context.register
        self._bounds: dict[str, tuple[date, ...]] = {}
        self._current: dict[tuple[str, int], tuple[Member, ...]] = {}
        self._current_ids: dict[tuple[str, int], frozenset[str]] = {}
        self._current_sorted: dict[tuple[str, int], tuple[Member, ...]] = {}
        self._current_anywhere: dict[date, frozenset[str]] = {}
        self._current_memberships: dict[tuple[str, int], tuple[Membership, ...]] = {}
        #: Every meeting a cache holds an answer for, by id: kept alive, so that its id cannot be reused by another
        #: object (a caller's temporary meeting) while the answer is kept.
        self._pinned: dict[int, Meeting] = {}
        self._day: dict[int, date] = {}
        self._days: dict[int, date] | None = None
        self._zone = _zone_or_none(context.policy.timezone)
        self._clear: dict[tuple[date, date, int], int] = {}
        self._presence_by_id: dict[int, Presence] | None = None
        self._other_presence: dict[int, Presence] = {}
        self._lived: frozenset[str] | None = None
        self._expected: dict[int, tuple[Member, ...]] = {}
        self._needs: dict[int, Counter[AccessNeed]] = {}
        self._needs_at: dict[int, Counter[AccessNeed]] = {}
        self._register_needs: dict[int, Counter[AccessNeed]] | None = None
        self._present_members: dict[int, tuple[Member, ...]] = {}
        self._apologies: dict[int, frozenset[str]] = {}
        self._formats: dict[int, dict[PaperFormat | None, int]] = {}
        self._features: dict[int, dict[VenueFeature | None, int]] = {}
        self._held: dict[tuple[str, date], tuple[Meeting, ...]] = {}
        self._held_days: dict[tuple[str, date], tuple[tuple[Meeting, date], ...]] = {}
        self._active: tuple[Meeting, ...] | None = None
        self._active_facts: tuple[ActiveMeeting, ...] | None = None
        self._stretch_needs: dict[tuple[str, int], Counter[AccessNeed]] = {}
        self._member_needs: dict[str, frozenset[AccessNeed]] | None = None

    # --- current membership ------------------------------------------------------------------------------------

    def _stretch(self, group_id: str, on: date) -> tuple[str, int]:
        """Which stretch of unchanging membership ``on`` falls in: (group, number of change dates up to ``on``)."""
        return (group_id, bisect_right(self._change_days(group_id), on))

    def _change_days(self, group_id: str) -> tuple[date, ...]:
        """The days on which the group's membership changes (a membership starts or ends), in order."""
        bounds = self._bounds.get(group_id)
        if bounds is None:
            days: set[date] = set()
            for ms in self.register.memberships_by_group.get(group_id, ()):
                if ms.started is not None:
                    days.add(ms.started)
                if ms.left is not None:
                    days.add(ms.left)
            bounds = self._bounds[group_id] = tuple(sorted(days))
        return bounds

    def current_memberships(self, group_id: str, on: date) -> tuple[Membership, ...]:
        """``Register.current_memberships(group_id, on)``, once per stretch of unchanged membership."""
        key = self._stretch(group_id, on)
        found = self._current_memberships.get(key)
        if found is None:
            found = self._current_memberships[key] = self.register.current_memberships(group_id, on)
        return found

    def current_members(self, group_id: str, on: date) -> tuple[Member, ...]:
        """``Register.current_members(group_id, on)``, worked out once per stretch of unchanged membership."""
        key = self._stretch(group_id, on)
        found = self._current.get(key)
        if found is None:
            found = self._current[key] = self.register.members_of(self.current_memberships(group_id, on))
        return found

    def current_members_by_id(self, group_id: str, on: date) -> tuple[Member, ...]:
        """The current members sorted by id."""
        key = self._stretch(group_id, on)
        found = self._current_sorted.get(key)
        if found is None:
            found = self._current_sorted[key] = tuple(
                sorted(self.current_members(group_id, on), key=lambda m: m.id)
            )
        return found

    def current_member_ids(self, group_id: str, on: date) -> frozenset[str]:
        """Ids of members (known or not) with a membership of the group listed as current on ``on``."""
        key = self._stretch(group_id, on)
        found = self._current_ids.get(key)
        if found is None:
            found = self._current_ids[key] = frozenset([ms.member for ms in self.current_memberships(group_id, on)])
        return found

    def current_anywhere(self, on: date) -> frozenset[str]:
        """Ids of members (known or not) with a membership of any group listed as current on ``on``."""
        found = self._current_anywhere.get(on)
        if found is None:
            found = self._current_anywhere[on] = frozenset(
                [ms.member for ms in self.register.memberships if ms.is_current(on)]
            )
        return found

    # --- meetings ----------------------------------------------------------------------------------------------

    def _register_days(self) -> dict[int, date]:
        """The local date of each of the register's meetings whose start converts (aware, inside the calendar),
        by id, worked out in one pass. The register keeps its meetings alive, so their ids are not reused. The
        others (naive starts, the calendar's edges) are left to ``_queries.meeting_day``."""
        if self._days is None:
            days: dict[int, date] = {}
            zone = self._zone
            if zone is not None:
                for meeting in self.register.meetings:
                    start = meeting.start
                    if start.tzinfo is None:
                        continue
                    try:
                        day = start.astimezone(zone).date()
                    except OverflowError:  # left to meeting_day, which keeps such a time as given
                        continue
                    days[id(meeting)] = day
            self._days = days
        return self._days

    def local_day(self, meeting: Meeting) -> date:
        """``_queries.meeting_day``: the meeting's date on the policy's local clock."""
        day = self._register_days().get(id(meeting))
        if day is None:
            key = id(meeting)
            day = self._day.get(key)
            if day is None:
                day = self._day[key] = meeting_day(meeting, self.policy)
                self._pinned[key] = meeting
        return day

    #: The same question under the name the ``_queries`` helpers' callers used.
    query_day = local_day

    def clear_working_days(self, published: date, day: date, at_most: int) -> int:
        """``clear_working_days_between`` with the run's working-day calendar, once per pair of dates."""
        key = (published, day, at_most)
        found = self._clear.get(key)
        if found is None:
            found = self._clear[key] = clear_working_days_between(
                published, day, self.is_working_day, at_most=at_most
            )
        return found

    def lived_ids(self) -> frozenset[str]:
        """Ids of the register's members with lived experience."""
        if self._lived is None:
            self._lived = frozenset(
                member_id for member_id, m in self.register.member_by_id.items() if m.has_lived_experience
            )
        return self._lived

    def lived_present(self, meeting: Meeting) -> int:
        """How many of :meth:`present_members` have lived experience (``count_lived_experience``)."""
        return len(self.lived_present_ids(meeting))

    def lived_present_ids(self, meeting: Meeting) -> frozenset[str]:
        """Ids of :meth:`present_members` with lived experience."""
        return self._presence(meeting)[1]

    def held_meetings(self, group_id: str, until: date) -> tuple[Meeting, ...]:
        """``_queries.held_meetings``: the group's held meetings on or before ``until``, by start then id."""
        key = (group_id, until)
        found = self._held.get(key)
        if found is None:
            found = self._held[key] = tuple([m for m, _ in self.held_meeting_days(group_id, until)])
        return found

    def held_meeting_days(self, group_id: str, until: date) -> tuple[tuple[Meeting, date], ...]:
        """:meth:`held_meetings`, each with its :meth:`query_day`."""
        key = (group_id, until)
        found = self._held_days.get(key)
        if found is None:
            days, held = self._register_days(), MeetingStatus.HELD
            pairs = []
            for meeting in self.register.meetings_by_group.get(group_id, ()):
                if meeting.status is held:
                    day = days.get(id(meeting))
                    if day is None:
                        day = self.query_day(meeting)
                    if day <= until:
                        pairs.append((meeting, day))
            found = self._held_days[key] = tuple(pairs)
        return found

    def active_meetings(self) -> tuple[Meeting, ...]:
        """Meetings not cancelled, in register order.

        Not by start: register order is the order the meetings lie in memory, and at national scale the checks
        read them a third faster in it. The engine sorts every check's findings, so the order is not theirs.
        """
        if self._active is None:
            cancelled = MeetingStatus.CANCELLED
            self._active = tuple([m for m in self.register.meetings if m.status is not cancelled])
        return self._active

    def active_meeting_facts(self) -> tuple[ActiveMeeting, ...]:
        """Each of :meth:`active_meetings` with its :meth:`local_day` and :meth:`need_counts`, in one pass."""
        if self._active_facts is None:
            days, needs = self._register_days(), self._needs_by_meeting()
            rows = []
            for meeting in self.active_meetings():
                day = days.get(id(meeting))
                rows.append((meeting, self.local_day(meeting) if day is None else day, needs[id(meeting)]))
            self._active_facts = tuple(rows)
        return self._active_facts

    def _needs_by_meeting(self) -> dict[int, Counter[AccessNeed]]:
        """:meth:`need_counts` of each of the register's meetings, by id, worked out group by group: a group's
        meetings without an ``expected`` list share one answer per stretch of unchanged membership."""
        if self._register_needs is None:
            days = self._register_days()
            needs: dict[int, Counter[AccessNeed]] = {}
            for group_id, meetings in self.register.meetings_by_group.items():
                bounds = self._change_days(group_id)
                by_stretch: dict[int, Counter[AccessNeed]] = {}
                for meeting in meetings:
                    if meeting.expected:
                        needs[id(meeting)] = self._need_counts_of(self.expected_attendees(meeting))
                        continue
                    day = days.get(id(meeting))
                    if day is None:
                        day = self.local_day(meeting)
                    stretch = bisect_right(bounds, day)
                    counts = by_stretch.get(stretch)
                    if counts is None:
                        counts = by_stretch[stretch] = self._needs_on(meeting, day)
                    needs[id(meeting)] = counts
            self._register_needs = needs
        return self._register_needs

    def expected_attendees(self, meeting: Meeting) -> tuple[Member, ...]:
        """The meeting's ``expected`` members (by id), or else the group's current members on its local date."""
        key = id(meeting)
        found = self._expected.get(key)
        if found is None:
            if meeting.expected:
                by_id = self.register.member_by_id
                found = tuple(by_id[i] for i in sorted(set(meeting.expected)) if i in by_id)
            else:
                found = self.current_members_by_id(meeting.group, self.local_day(meeting))
            self._expected[key] = found
            self._pinned[key] = meeting
        return found

    def need_counts(self, meeting: Meeting) -> Counter[AccessNeed]:
        """How many expected attendees have each access need. Shared: callers must not change it."""
        counts = self._needs_by_meeting().get(id(meeting))
        if counts is None:
            counts = self._needs_at.get(id(meeting))
        if counts is None:  # not one of the register's meetings
            counts = self._needs_at[id(meeting)] = self._needs_on(meeting, self.local_day(meeting))
            self._pinned[id(meeting)] = meeting
        return counts

    def _needs_on(self, meeting: Meeting, day: date) -> Counter[AccessNeed]:
        """:meth:`need_counts`, given the meeting's :meth:`local_day`."""
        if meeting.expected:
            return self._need_counts_of(self.expected_attendees(meeting))
        # The group's current members: the same for every meeting in a stretch of unchanged membership. Counted
        # from their ids (distinct, as the members are), without looking up or sorting the members themselves.
        key = self._stretch(meeting.group, day)
        counts = self._stretch_needs.get(key)
        if counts is None:
            counts = self._stretch_needs[key] = Counter()
            needs_of = self._needs_by_member()
            for member_id in self.current_member_ids(meeting.group, day):
                needs = needs_of.get(member_id)
                if needs:
                    counts.update(needs)
        return counts

    def _needs_by_member(self) -> dict[str, frozenset[AccessNeed]]:
        """The access needs of each of the register's members who has any, by id."""
        if self._member_needs is None:
            self._member_needs = {
                member_id: m.access_needs for member_id, m in self.register.member_by_id.items() if m.access_needs
            }
        return self._member_needs

    def _need_counts_of(self, attendees: tuple[Member, ...]) -> Counter[AccessNeed]:
        """How many of ``attendees`` have each access need, once per tuple of attendees (meetings share them)."""
        key = id(attendees)
        counts = self._needs.get(key)
        if counts is None:
            counts = Counter()
            for member in attendees:
                for need in member.access_needs or ():
                    counts[need] += 1
            self._needs[key] = counts
        return counts

    def wanted_formats(self, meeting: Meeting) -> dict[PaperFormat, int]:
        """Paper formats expected attendees need, with how many need each (AC002). Shared: read only."""
        return self.formats_for(self.need_counts(meeting))

    def formats_for(self, counts: Counter[AccessNeed]) -> dict[PaperFormat, int]:
        """The paper formats ``counts`` (one of :meth:`need_counts`) call for, with how many need each."""
        key = id(counts)
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = {
                _FORMAT_OF[need]: count for need, count in counts.items() if _FORMAT_OF[need] is not None
            }
        return found  # type: ignore[return-value]

    def wanted_features(self, meeting: Meeting) -> dict[VenueFeature, int]:
        """Venue features expected attendees need, with how many need each (AC003). Shared: read only."""
        return self.features_for(self.need_counts(meeting))

    def features_for(self, counts: Counter[AccessNeed]) -> dict[VenueFeature, int]:
        """The venue features ``counts`` (one of :meth:`need_counts`) call for, with how many need each."""
        key = id(counts)
        found = self._features.get(key)
        if found is None:
            found = self._features[key] = {
                _FEATURE_OF[need]: count for need, count in counts.items() if _FEATURE_OF[need] is not None
            }
        return found  # type: ignore[return-value]

    def present(self, meeting: Meeting) -> tuple[str, ...]:
        """``meeting.present`` (no check asks for it often: :meth:`present_ids` is the shared answer)."""
        return meeting.present

    def present_counts(self, meeting: Meeting) -> tuple[int, int]:
        """(how many :meth:`present_members`, how many of them have lived experience), without the members."""
        presence = self._presence(meeting)
        return (presence[2], len(presence[1]))

    def _presence(self, meeting: Meeting) -> Presence:
        """Who was present at ``meeting`` (see :data:`Presence`)."""
        found = self._register_presence().get(id(meeting))
        if found is None:
            found = self._other_presence.get(id(meeting))
        if found is None:  # not one of the register's meetings
            self._pinned[id(meeting)] = meeting
            found = self._other_presence[id(meeting)] = self._presence_at(meeting)
        return found

    def _register_presence(self) -> dict[int, Presence]:
        """:data:`Presence` at each of the register's meetings, by id, in one pass in register order."""
        if self._presence_by_id is None:
            self._presence_by_id = {id(meeting): self._presence_at(meeting) for meeting in self.register.meetings}
        return self._presence_by_id

    def _presence_at(self, meeting: Meeting) -> Presence:
        distinct = frozenset([a.member for a in meeting.attendance if a.status is _PRESENT])
        lived = self.lived_ids().intersection(distinct)  # lived-experience ids are known members' ids
        # So only the others need looking up among the members; a set's difference with a dict reuses the hashes
        # the set keeps, and what is left (the unknown ids) is almost always nothing.
        others = distinct.difference(lived) if len(lived) < len(distinct) else None
        unknown = len(others.difference(self.register.member_by_id)) if others else 0
        return (distinct, lived, len(distinct) - unknown)

    def present_members(self, meeting: Meeting) -> tuple[Member, ...]:
        """Distinct known members recorded as present, in order of first mention."""
        key = id(meeting)
        found = self._present_members.get(key)
        if found is None:
            by_id = self.register.member_by_id
            distinct = dict.fromkeys(self.present(meeting))  # in order of first mention
            self._pinned[key] = meeting
            found = self._present_members[key] = tuple(by_id[i] for i in distinct if i in by_id)
        return found

    def present_ids(self, meeting: Meeting) -> frozenset[str]:
        """Ids with a "present" record (:meth:`present` as a set)."""
        return self._presence(meeting)[0]

    def apologies_ids(self, meeting: Meeting) -> frozenset[str]:
        """Ids with an "apologies" record."""
        key = id(meeting)
        found = self._apologies.get(key)
        if found is None:
            self._pinned[key] = meeting
            found = self._apologies[key] = frozenset([a.member for a in meeting.attendance if a.status is _APOLOGIES])
        return found



def _zone_or_none(name: str) -> ZoneInfo | None:
    """The policy's zone; ``None`` when unknown, so that each helper raises its own error when asked."""
    try:
        return ZoneInfo(name)
    except Exception:
        return None


def facts(context: CheckContext) -> RunFacts:
    """The run's shared facts, made on first use and kept on the context."""
    found = context.cache.get("facts")
    if found is None:
        found = context.cache["facts"] = RunFacts(context)
    assert isinstance(found, RunFacts)
    return found
