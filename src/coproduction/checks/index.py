"""The register's index: what the checks ask of the register, worked out once per run and read-only to them.

The engine hands every check of a run one :class:`RegisterIndex` (``context.index``): who is a current member of
each group on a day, each meeting's date on the policy's clock, who was present, who sent apologies, the access
needs of each meeting's expected attendees, the meetings not cancelled and the held meetings of each group. A check
asks in the words of its rule ("the group's current members on the 'as of' date", "the meetings not cancelled")
and never needs to know how the answers are kept.

At national scale (168,000 meetings) asking each question afresh in each check costs more than loading the
register, so each answer is worked out on first use and kept for the rest of the run. Every answer is immutable
(tuples, frozensets, read-only mappings), so no check can change what another sees. Current membership changes only
on the days a membership starts or ends, so the current members of a group are worked out once for each stretch of
days between those dates, not once for each meeting.

Plugins may read the index too (``docs/embedding.md``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from itertools import chain
from types import MappingProxyType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from coproduction.checks._queries import meeting_day
from coproduction.models.enums import AccessNeed, AttendanceStatus, MeetingStatus, PaperFormat, VenueFeature
from coproduction.models.group import Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member
from coproduction.models.register import Register
from coproduction.policy import Policy
from coproduction.working_days import clear_working_days_between

if TYPE_CHECKING:
    from coproduction.audit.analysis import Tally
    from coproduction.audit.suppression import PublishedTally

_PRESENT = AttendanceStatus.PRESENT
_APOLOGIES = AttendanceStatus.APOLOGIES
_FORMAT_OF = {need: need.paper_format for need in AccessNeed}
_FEATURE_OF = {need: need.venue_feature for need in AccessNeed}

#: How many expected attendees have each access need (read-only).
NeedCounts = Mapping[AccessNeed, int]

#: A meeting that is not cancelled, with its date on the policy's clock and its expected attendees' needs.
MeetingRow = tuple[Meeting, date, NeedCounts]

#: How many distinct known members were present at a meeting, and how many of them have lived experience.
PresentCounts = tuple[int, int]


class RegisterIndex:
    """The register's index for one run of the checks (``context.index``): read-only answers about the register.

    Answers about a meeting are kept by the meeting's ``id()`` (hashing a meeting would hash all its attendance);
    each meeting answered about is kept alive, so no id is reused within the run. The index holds the register and
    the policy, not the check context (which holds the index): no reference cycle.
    """

    def __init__(self, register: Register, policy: Policy, is_working_day: Callable[[date], bool]) -> None:
        self._policy = policy
        self._is_working_day = is_working_day
        self._register = register
        self._bounds: dict[str, tuple[date, ...]] = {}
        self._current: dict[tuple[str, int], tuple[Member, ...]] = {}
        self._current_ids: dict[tuple[str, int], frozenset[str]] = {}
        self._current_sorted: dict[tuple[str, int], tuple[Member, ...]] = {}
        self._voting: dict[tuple[str, int], tuple[Member, ...]] = {}
        self._current_anywhere: dict[date, frozenset[str]] = {}
        self._current_memberships: dict[tuple[str, int], tuple[Membership, ...]] = {}
        #: Every meeting a cache holds an answer for, by id: kept alive, so that its id cannot be reused by another
        #: object (a caller's temporary meeting) while the answer is kept.
        self._pinned: dict[int, Meeting] = {}
        self._day: dict[int, date] = {}
        self._days: dict[int, date] | None = None
        self._zone = _zone_or_none(policy.timezone)
        self._clear: dict[tuple[date, date, int], int] = {}
        self._present: dict[int, tuple[str, ...]] | None = None
        self._other_present: dict[int, tuple[str, ...]] = {}
        self._lived: frozenset[str] | None = None
        self._expected: dict[int, tuple[Member, ...]] = {}
        self._needs: dict[int, NeedCounts] = {}
        self._needs_at: dict[int, NeedCounts] = {}
        self._register_needs: dict[int, NeedCounts] | None = None
        self._present_members: dict[int, tuple[Member, ...]] = {}
        self._apologies: dict[int, frozenset[str]] = {}
        self._formats: dict[int, Mapping[PaperFormat, int]] = {}
        self._features: dict[int, Mapping[VenueFeature, int]] = {}
        self._held: dict[tuple[str, date], tuple[Meeting, ...]] = {}
        self._held_days: dict[tuple[str, date], tuple[tuple[Meeting, date], ...]] = {}
        self._active: tuple[Meeting, ...] | None = None
        self._active_rows: tuple[MeetingRow, ...] | None = None
        self._stretch_needs: dict[tuple[str, int], NeedCounts] = {}
        self._member_needs: dict[str, frozenset[AccessNeed]] | None = None
        self._published: dict[tuple[Tally, int], PublishedTally] = {}

    # --- current membership ------------------------------------------------------------------------------------

    def _stretch(self, group_id: str, on: date) -> tuple[str, int]:
        """Which stretch of unchanging membership ``on`` falls in: (group, number of change dates up to ``on``)."""
        return (group_id, bisect_right(self._change_days(group_id), on))

    def _change_days(self, group_id: str) -> tuple[date, ...]:
        """The days on which the group's membership changes (a membership starts or ends), in order."""
        bounds = self._bounds.get(group_id)
        if bounds is None:
            days: set[date] = set()
            for ms in self._register.memberships_by_group.get(group_id, ()):
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
            found = self._current_memberships[key] = self._register.current_memberships(group_id, on)
        return found

    def current_members(self, group_id: str, on: date) -> tuple[Member, ...]:
        """``Register.current_members(group_id, on)``, worked out once per stretch of unchanged membership."""
        key = self._stretch(group_id, on)
        found = self._current.get(key)
        if found is None:
            found = self._current[key] = self._register.members_of(self.current_memberships(group_id, on))
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

    def voting_members(self, group_id: str, on: date) -> tuple[Member, ...]:
        """Distinct known members with a current voting membership of the group on ``on``."""
        key = self._stretch(group_id, on)
        found = self._voting.get(key)
        if found is None:
            found = self._voting[key] = self._register.members_of(
                [ms for ms in self.current_memberships(group_id, on) if ms.voting]
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
                [ms.member for ms in self._register.memberships if ms.is_current(on)]
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
                for meeting in self._register.meetings:
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

    def meeting_day(self, meeting: Meeting) -> date:
        """The meeting's date on the policy's clock (a meeting at 23:30 UTC in summer is on the next day)."""
        day = self._register_days().get(id(meeting))
        if day is None:
            key = id(meeting)
            day = self._day.get(key)
            if day is None:
                day = self._day[key] = meeting_day(meeting, self._policy)
                self._pinned[key] = meeting
        return day

    def clear_working_days(self, published: date, day: date, at_most: int) -> int:
        """Clear working days between ``published`` and ``day`` on the run's working-day calendar (counting stops
        at ``at_most``)."""
        key = (published, day, at_most)
        found = self._clear.get(key)
        if found is None:
            found = self._clear[key] = clear_working_days_between(
                published, day, self._is_working_day, at_most=at_most
            )
        return found

    def lived_experience_ids(self) -> frozenset[str]:
        """Ids of the register's members with lived experience (using services or caring)."""
        if self._lived is None:
            self._lived = frozenset(
                member_id for member_id, m in self._register.member_by_id.items() if m.has_lived_experience
            )
        return self._lived

    def held_meetings(self, group_id: str, until: date) -> tuple[Meeting, ...]:
        """The group's meetings recorded as held, dated on or before ``until``, by start then id."""
        key = (group_id, until)
        found = self._held.get(key)
        if found is None:
            found = self._held[key] = tuple([m for m, _ in self.held_meetings_with_days(group_id, until)])
        return found

    def held_meetings_with_days(self, group_id: str, until: date) -> tuple[tuple[Meeting, date], ...]:
        """:meth:`held_meetings`, each with its :meth:`meeting_day`."""
        key = (group_id, until)
        found = self._held_days.get(key)
        if found is None:
            days, held = self._register_days(), MeetingStatus.HELD
            pairs = []
            for meeting in self._register.meetings_by_group.get(group_id, ()):
                if meeting.status is held:
                    day = days.get(id(meeting))
                    if day is None:
                        day = self.meeting_day(meeting)
                    if day <= until:
                        pairs.append((meeting, day))
            found = self._held_days[key] = tuple(pairs)
        return found

    def meetings_not_cancelled(self) -> tuple[Meeting, ...]:
        """The register's meetings that are not cancelled, held or still to come, in register order.

        Not by start: register order is the order the meetings lie in memory, and at national scale the checks
        read them a third faster in it. The engine sorts every check's findings, so the order is not theirs.
        """
        if self._active is None:
            cancelled = MeetingStatus.CANCELLED
            self._active = tuple([m for m in self._register.meetings if m.status is not cancelled])
        return self._active

    def meetings_not_cancelled_with_needs(self) -> tuple[MeetingRow, ...]:
        """Each of :meth:`meetings_not_cancelled` with its :meth:`meeting_day` and its expected attendees'
        :meth:`need_counts`."""
        if self._active_rows is None:
            days, needs = self._register_days(), self._needs_by_meeting()
            rows = []
            for meeting in self.meetings_not_cancelled():
                day = days.get(id(meeting))
                rows.append((meeting, self.meeting_day(meeting) if day is None else day, needs[id(meeting)]))
            self._active_rows = tuple(rows)
        return self._active_rows

    # --- expected attendees and their access needs -----------------------------------------------------------

    def _needs_by_meeting(self) -> dict[int, NeedCounts]:
        """:meth:`need_counts` of each of the register's meetings, by id, worked out group by group: a group's
        meetings without an ``expected`` list share one answer per stretch of unchanged membership."""
        if self._register_needs is None:
            days = self._register_days()
            needs: dict[int, NeedCounts] = {}
            for group_id, meetings in self._register.meetings_by_group.items():
                bounds = self._change_days(group_id)
                by_stretch: dict[int, NeedCounts] = {}
                for meeting in meetings:
                    if meeting.expected:
                        needs[id(meeting)] = self._need_counts_of(self.expected_attendees(meeting))
                        continue
                    day = days.get(id(meeting))
                    if day is None:
                        day = self.meeting_day(meeting)
                    stretch = bisect_right(bounds, day)
                    counts = by_stretch.get(stretch)
                    if counts is None:
                        counts = by_stretch[stretch] = self._needs_on(meeting, day)
                    needs[id(meeting)] = counts
            self._register_needs = needs
        return self._register_needs

    def expected_attendees(self, meeting: Meeting) -> tuple[Member, ...]:
        """The meeting's ``expected`` members (by id), or else the group's current members on its date."""
        key = id(meeting)
        found = self._expected.get(key)
        if found is None:
            if meeting.expected:
                by_id = self._register.member_by_id
                found = tuple(by_id[i] for i in sorted(set(meeting.expected)) if i in by_id)
            else:
                found = self.current_members_by_id(meeting.group, self.meeting_day(meeting))
            self._expected[key] = found
            self._pinned[key] = meeting
        return found

    def need_counts(self, meeting: Meeting) -> NeedCounts:
        """How many of the meeting's :meth:`expected_attendees` have each access need (a member nobody has asked
        has none known)."""
        counts = self._needs_by_meeting().get(id(meeting))
        if counts is None:
            counts = self._needs_at.get(id(meeting))
        if counts is None:  # not one of the register's meetings
            counts = self._needs_at[id(meeting)] = self._needs_on(meeting, self.meeting_day(meeting))
            self._pinned[id(meeting)] = meeting
        return counts

    def _needs_on(self, meeting: Meeting, day: date) -> NeedCounts:
        """:meth:`need_counts`, given the meeting's :meth:`meeting_day`."""
        if meeting.expected:
            return self._need_counts_of(self.expected_attendees(meeting))
        # The group's current members: the same for every meeting in a stretch of unchanged membership. Counted
        # from their ids (distinct, as the members are), without looking up or sorting the members themselves.
        key = self._stretch(meeting.group, day)
        found = self._stretch_needs.get(key)
        if found is None:
            needs_of = self._needs_by_member().get
            current = self.current_member_ids(meeting.group, day)
            counts = Counter(chain.from_iterable([needs for i in current if (needs := needs_of(i))]))
            found = self._stretch_needs[key] = MappingProxyType(counts)
        return found

    def _needs_by_member(self) -> dict[str, frozenset[AccessNeed]]:
        """The access needs of each of the register's members who has any, by id."""
        if self._member_needs is None:
            self._member_needs = {
                member_id: m.access_needs for member_id, m in self._register.member_by_id.items() if m.access_needs
            }
        return self._member_needs

    def _need_counts_of(self, attendees: tuple[Member, ...]) -> NeedCounts:
        """How many of ``attendees`` have each access need, once per tuple of attendees (meetings share them)."""
        key = id(attendees)
        found = self._needs.get(key)
        if found is None:
            counts = Counter(chain.from_iterable([m.access_needs for m in attendees if m.access_needs]))
            found = self._needs[key] = MappingProxyType(counts)
        return found

    def formats_needed(self, counts: NeedCounts) -> Mapping[PaperFormat, int]:
        """The paper formats that ``counts`` (one of :meth:`need_counts`) call for, with how many need each."""
        key = id(counts)
        found = self._formats.get(key)
        if found is None:
            formats = {}
            for need, count in counts.items():
                wanted = _FORMAT_OF[need]
                if wanted is not None:
                    formats[wanted] = count
            found = self._formats[key] = MappingProxyType(formats)
        return found

    def features_needed(self, counts: NeedCounts) -> Mapping[VenueFeature, int]:
        """The venue features that ``counts`` (one of :meth:`need_counts`) call for, with how many need each."""
        key = id(counts)
        found = self._features.get(key)
        if found is None:
            features = {}
            for need, count in counts.items():
                wanted = _FEATURE_OF[need]
                if wanted is not None:
                    features[wanted] = count
            found = self._features[key] = MappingProxyType(features)
        return found

    # --- attendance ----------------------------------------------------------------------------------------------

    def present_in_order(self, meeting: Meeting) -> tuple[str, ...]:
        """Ids recorded as present at ``meeting`` (known members or not), each once, in order of first mention.

        Worked out for all the register's meetings in one pass and kept as tuples: the sets of who was present,
        kept for every meeting, took about 460 MB at national scale (issue 12 benchmarks); these take a seventh of
        that, and EQ004, EQ006, RC001 and MB002 all read them."""
        found = self._register_present().get(id(meeting))
        if found is None:
            found = self._other_present.get(id(meeting))
        if found is None:  # not one of the register's meetings
            self._pinned[id(meeting)] = meeting
            found = self._other_present[id(meeting)] = _present_at(meeting)
        return found

    def present_ids(self, meeting: Meeting) -> frozenset[str]:
        """Ids recorded as present at ``meeting`` (known members or not)."""
        return frozenset(self.present_in_order(meeting))

    def lived_experience_present_ids(self, meeting: Meeting) -> frozenset[str]:
        """Ids of the members with lived experience recorded as present at ``meeting``."""
        return self.lived_experience_ids().intersection(self.present_in_order(meeting))

    def present_counts(self, meeting: Meeting) -> PresentCounts:
        """(how many distinct known members were present, how many of them have lived experience)."""
        present = self.present_in_order(meeting)
        if not present:
            return (0, 0)
        lived = len(self.lived_experience_ids().intersection(present))
        if lived == len(present):  # lived-experience ids are known members' ids
            return (lived, lived)
        known = self._register.member_by_id
        return (sum(map(known.__contains__, present)), lived)

    def present_members(self, meeting: Meeting) -> tuple[Member, ...]:
        """Distinct known members recorded as present, in order of first mention."""
        key = id(meeting)
        found = self._present_members.get(key)
        if found is None:
            by_id = self._register.member_by_id
            self._pinned[key] = meeting
            found = self._present_members[key] = tuple(by_id[i] for i in self.present_in_order(meeting) if i in by_id)
        return found

    def apologies_ids(self, meeting: Meeting) -> frozenset[str]:
        """Ids with an "apologies" record at ``meeting``."""
        key = id(meeting)
        found = self._apologies.get(key)
        if found is None:
            self._pinned[key] = meeting
            found = self._apologies[key] = frozenset([a.member for a in meeting.attendance if a.status is _APOLOGIES])
        return found

    def _register_present(self) -> dict[int, tuple[str, ...]]:
        """:meth:`present_in_order` at each of the register's meetings, by id, in one pass in register order."""
        if self._present is None:
            self._present = {id(meeting): _present_at(meeting) for meeting in self._register.meetings}
        return self._present

    # --- diversity ---------------------------------------------------------------------------------------------

    def published_table(self, counted: Tally, threshold: int) -> PublishedTally:
        """The table the publishable audit would publish of ``counted`` (small numbers suppressed below
        ``threshold``; :func:`coproduction.audit.suppression.publish_tally`), once per run: DV001 and DV002 may both
        need the same group's table."""
        key = (counted, threshold)
        found = self._published.get(key)
        if found is None:
            from coproduction.audit.suppression import publish_tally

            found = self._published[key] = publish_tally(counted, threshold)
        return found


def _present_at(meeting: Meeting) -> tuple[str, ...]:
    """The ids recorded as present at ``meeting``, each once, in order of first mention."""
    present = [a.member for a in meeting.attendance if a.status is _PRESENT]
    return tuple(dict.fromkeys(present)) if present else ()


def _zone_or_none(name: str) -> ZoneInfo | None:
    """The policy's zone; ``None`` when unknown, so that each helper raises its own error when asked."""
    try:
        return ZoneInfo(name)
    except Exception:
        return None
