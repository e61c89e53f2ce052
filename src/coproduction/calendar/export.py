"""Export meetings as one iCalendar (RFC 5545) VCALENDAR that Outlook, Google Calendar, Apple Calendar and
Thunderbird accept.

* ``METHOD:PUBLISH`` (RFC 5546): a feed to subscribe to or import, not an invitation to answer. Every event names
  its ORGANIZER, as PUBLISH requires. With attendees the file has no METHOD: RFC 5546 allows no ATTENDEE in a
  PUBLISH, and a file without METHOD is a plain snapshot of calendar data (RFC 5545 section 3.7.2) that may list
  them, with no invitation or reply implied.
* ``NAME``/``DESCRIPTION``/``REFRESH-INTERVAL`` (RFC 7986) with their older ``X-WR-CALNAME``/``X-WR-CALDESC``/
  ``X-PUBLISHED-TTL`` twins, which Outlook and Apple Calendar read; ``X-WR-TIMEZONE`` names the events' zone.
* One rule-based VTIMEZONE for the policy's zone (:mod:`coproduction.calendar.timezone`).
* Each group's cadence as one series with EXDATEs and overrides (:mod:`coproduction.calendar.series`); overrides
  repeat every property, because real clients do not inherit anything from the series.
* Every UID is derived from ids and the caller's domain; DTSTAMP is the caller's clock. Same register, same
  options: same bytes.
* Start and end times at a local time the clocks repeat or skip are written in UTC
  (:mod:`coproduction.calendar.instants`); so is an occurrence whose plain reading would differ between engines.
* Given the previous export (:mod:`coproduction.calendar.previous`), no event's SEQUENCE ever goes down.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from icalendar import Calendar, Event, Parameters, vCalAddress, vDuration, vText, vUri

from coproduction.calendar.description import describe
from coproduction.calendar.errors import CalendarError, MeetingValue, MeetingValueError
from coproduction.calendar.instants import (
    DATE_WINDOW_TEXT,
    LATEST,
    WINDOW_TEXT,
    ClockChanges,
    date_in_window,
    in_window,
    inside,
    is_unclear,
    latest_reading,
)
from coproduction.calendar.previous import EventKey, PreviousExport, signature
from coproduction.calendar.series import Occurrence, Plan, Series, plan_group
from coproduction.calendar.text import clean_domain, clean_text, quote_id
from coproduction.calendar.timezone import build_vtimezone
from coproduction.models import Group, Meeting, MeetingStatus, Register
from coproduction.policy import EMAIL_ADDRESS, Policy

PRODID: Final = "-//coproduction//calendar export//EN"
CANCELLED_PREFIX: Final = "Cancelled: "
DEFAULT_REFRESH: Final = timedelta(hours=12)
#: RFC 5545 section 3.3.8: an INTEGER is at most 2147483647; SEQUENCE may be raised once more by the export.
MAX_SEQUENCE: Final = 2_147_483_646
#: The default DTSTAMP when the register records nothing as past.
EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
#: A joining link goes into URL and CONFERENCE (URI values, which icalendar does not escape) only if it is an
#: http(s) URL with no character RFC 3986 forbids; otherwise it appears in the description only.
_SAFE_URL: Final = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


#: RFC 7986 CONFERENCE parameters: constants, never built from user text.
_CONFERENCE_PARAMETERS: Final = Parameters({
    "VALUE": "URI",
    "FEATURE": ["AUDIO", "VIDEO"],
    "LABEL": "Join online",
})


@attrs.frozen
class EventContent:
    """Everything an event says apart from its times and UID; equal contents need no override."""

    summary: str
    status: str
    sequence: int
    location: str | None
    description: str
    url: str | None
    attendees: tuple[tuple[str, str], ...]


@attrs.frozen(kw_only=True)
class ExportOptions:
    """What to export and how. ``dtstamp`` is the clock (RFC 5545 DTSTAMP); ``domain`` ends every UID.

    ``start`` and ``end`` keep meetings whose local start date is within them (both inclusive). ``previous`` is the
    export published last (:func:`coproduction.calendar.previous.read_previous`): given, no SEQUENCE goes down.
    """

    dtstamp: datetime
    domain: str
    group: str | None = None
    start: date | None = None
    end: date | None = None
    attendees: bool = False
    refresh_interval: timedelta = DEFAULT_REFRESH
    previous: PreviousExport | None = None

    def __attrs_post_init__(self) -> None:
        if self.dtstamp.tzinfo is None or self.dtstamp.utcoffset() is None:
            raise CalendarError("the DTSTAMP clock must be time-zone-aware, e.g. 2026-11-25T00:00:00Z")
        if in_window(self.dtstamp) is None:
            raise CalendarError(
                f"the DTSTAMP {self.dtstamp.isoformat()} is outside the years the calendar writes; expected"
                f" {WINDOW_TEXT}"
            )
        if self.refresh_interval <= timedelta(0):
            raise CalendarError("the refresh interval must be positive")


def series_uid(group: str, domain: str) -> str:
    """The stable UID of a group's recurring series: the same group and domain always give the same UID, so a
    calendar program updates the series instead of adding a copy (RFC 5545 section 3.8.4.7)."""
    return f"series.{quote_id(group)}@{domain}"


def meeting_uid(group: str, meeting: str, domain: str) -> str:
    """The stable UID of one meeting, made from its group's and its own id (RFC 5545 section 3.8.4.7)."""
    return f"meeting.{quote_id(group)}.{quote_id(meeting)}@{domain}"


def attendee_uri(member: str) -> str:
    """Members have no e-mail address in the register, so an attendee is named by a URN of their id."""
    return f"urn:coproduction:member:{quote_id(member)}"


def group_uri(group: str) -> str:
    """A group's ORGANIZER address when the policy names no organiser's e-mail address: a URN of its id."""
    return f"urn:coproduction:group:{quote_id(group)}"


def default_dtstamp(meetings: Iterable[Meeting], previous: PreviousExport | None = None) -> datetime:
    """A DTSTAMP derived from the register, not the wall clock, and never in the future when the register is
    true: the latest date the register records as past -- a paper's publication date (at 00:00 UTC) or the end of
    a meeting marked held -- and never earlier than ``previous``'s DTSTAMP. 1970-01-01 when there is none.

    Re-exporting an unchanged register gives the same bytes. RFC 5545 section 3.8.7.2 makes DTSTAMP the time the
    file was made (with METHOD) or the information last revised (without): both lie in the past, while a meeting's
    end usually lies ahead. Values outside the calendar's years are passed over, never an error here.
    """
    latest = EPOCH
    for meeting in meetings:
        if meeting.status is MeetingStatus.HELD:
            end = in_window(meeting.end)
            if end is not None and end > latest:
                latest = end
        for paper in meeting.papers:
            if paper.published is not None and date_in_window(paper.published):
                latest = max(latest, datetime.combine(paper.published, datetime.min.time(), UTC))
    if previous is not None and previous.dtstamp is not None and in_window(previous.dtstamp):
        latest = max(latest, previous.dtstamp)
    return min(latest, LATEST).replace(microsecond=0)


def check_meetings(chosen: Iterable[tuple[int, Meeting]]) -> None:
    """Refuse, naming each, meetings the calendar cannot write: a start or end without an offset or outside the
    calendar's years, a ``replaces`` date outside them, a ``sequence`` past what RFC 5545 allows.

    ``chosen`` pairs each meeting with its position in the register's meetings. Raises
    :class:`~coproduction.calendar.errors.MeetingValueError` listing every such value.
    """
    found: list[MeetingValue] = []
    outside = "is outside the years the calendar writes"
    for index, meeting in chosen:
        start, end, replaces = meeting.start, meeting.end, meeting.replaces
        if (  # the common case, without a call: aware, a day or more inside the years, an ordinary sequence
            1900 < start.year < 2200
            and 1900 < end.year < 2200
            and start.utcoffset() is not None
            and end.utcoffset() is not None
            and (replaces is None or 1900 <= replaces.year <= 2200)
            and meeting.sequence <= MAX_SEQUENCE
        ):
            continue
        for field in ("start", "end"):
            value: datetime = getattr(meeting, field)
            if not inside(value):
                naive = value.tzinfo is None or value.utcoffset() is None
                wrong = "has a start or end without a time zone" if naive else outside
                found.append(MeetingValue(index, meeting.id, field, value.isoformat(), wrong, WINDOW_TEXT))
        if meeting.replaces is not None and not date_in_window(meeting.replaces):
            found.append(
                MeetingValue(index, meeting.id, "replaces", meeting.replaces.isoformat(), outside, DATE_WINDOW_TEXT)
            )
        if meeting.sequence > MAX_SEQUENCE:
            found.append(
                MeetingValue(
                    index,
                    meeting.id,
                    "sequence",
                    str(meeting.sequence),
                    "has a SEQUENCE larger than iCalendar allows",
                    f"a whole number up to {MAX_SEQUENCE:,}",
                )
            )
    if found:
        raise MeetingValueError(found)


def select_meetings(register: Register, options: ExportOptions, zone: ZoneInfo) -> list[Meeting]:
    """The meetings to export: one group's or all, within the dates, in (start, id) order.

    Raises :class:`~coproduction.calendar.errors.MeetingValueError` when one of the group's (or the register's)
    meetings cannot be written (:func:`check_meetings`), before any time is converted.
    """
    if options.group is not None and options.group not in register.group_by_id:
        known = ", ".join(sorted(register.group_by_id)) or "none"
        raise CalendarError(f"no group with id {options.group!r} in the register (groups: {known})")
    candidates = [
        (index, meeting)
        for index, meeting in enumerate(register.meetings)
        if options.group is None or meeting.group == options.group
    ]
    # astimezone() would silently read the machine's zone for a naive time, and overflow past Python's years.
    check_meetings(candidates)
    chosen = []
    for _, meeting in candidates:
        if options.start or options.end:
            day = meeting.start.astimezone(zone).date()
            if (options.start and day < options.start) or (options.end and day > options.end):
                continue
        chosen.append(meeting)
    return sorted(chosen, key=lambda m: (m.start, m.id))


def zone_for(policy: Policy) -> ZoneInfo:
    try:
        return ZoneInfo(policy.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarError(
            f"unknown time zone {policy.timezone!r}; use an IANA name such as Europe/London"
        ) from None


class _Writer:
    """Builds the events of one export; holds the per-export constants."""

    def __init__(self, register: Register, policy: Policy, options: ExportOptions, zone: ZoneInfo) -> None:
        self.register = register
        self.policy = policy
        self.options = options
        self.zone = zone
        self.domain = clean_domain(options.domain)
        self.dtstamp = options.dtstamp.astimezone(UTC).replace(microsecond=0)
        self.previous = options.previous
        self._contents: dict[tuple[object, ...], EventContent] = {}
        self._organisers: dict[str, vCalAddress] = {}
        #: Whether an event's start or end was written in UTC (a time the clocks repeat or skip).
        self.wrote_utc = False
        self.changes = ClockChanges(zone)

    def content(self, meeting: Meeting) -> EventContent:
        """The meeting's content as scheduled: status and SEQUENCE bumps are applied by :meth:`actual`.

        Meetings of a series mostly share their content, so it is built once per distinct set of fields.
        """
        key = (
            meeting.title,
            meeting.mode,
            meeting.venue,
            meeting.joining_link,
            meeting.captions,
            meeting.bsl_interpreters,
            meeting.papers,
            meeting.sequence,
            meeting.expected if self.options.attendees else (),
        )
        content = self._contents.get(key)
        if content is None:
            content = self._contents[key] = self._build_content(meeting)
        return content

    def _build_content(self, meeting: Meeting) -> EventContent:
        venue = meeting.venue
        location = None
        if venue is not None:
            parts = [clean_text(venue.name), clean_text(venue.address or "")]
            location = ", ".join(part for part in parts if part) or None
        link = clean_text(meeting.joining_link) if meeting.joining_link else None
        description = describe(
            mode=meeting.mode,
            venue=venue,
            joining_link=link,
            captions=meeting.captions,
            bsl_interpreters=meeting.bsl_interpreters,
            papers=meeting.papers,
            policy=self.policy,
        )
        attendees: tuple[tuple[str, str], ...] = ()
        if self.options.attendees:
            members = self.register.member_by_id
            attendees = tuple(
                (attendee_uri(member), _parameter_text(members[member].name) if member in members else "")
                for member in dict.fromkeys(meeting.expected)
            )
        return EventContent(
            summary=clean_text(meeting.title),
            status="CONFIRMED",
            sequence=max(meeting.sequence, 0),
            location=location,
            description=description,
            url=link if link and _SAFE_URL.fullmatch(link) else None,
            attendees=attendees,
        )

    def organiser(self, group_id: str) -> vCalAddress:
        """The ORGANIZER of a group's events: named after the group, at the policy's organiser address or, with
        none, at a URN of the group's id (RFC 5546 section 3.2.1 requires one in a PUBLISH)."""
        address = self._organisers.get(group_id)
        if address is None:
            group = self.register.group_by_id.get(group_id)
            mailbox = self.policy.calendar_organiser
            if mailbox is not None and not EMAIL_ADDRESS.fullmatch(mailbox):
                # The settings refuse such a value; a Policy built in Python is checked here, before it is written.
                raise CalendarError(
                    f"the policy's calendar_organiser {mailbox!r} is not an e-mail address such as"
                    " democratic.services@council.gov.uk"
                )
            address = vCalAddress(f"mailto:{mailbox}" if mailbox else group_uri(group_id))
            name = _parameter_text(group.name) if group is not None else ""
            address.params["CN"] = name or group_id_text(group_id)
            self._organisers[group_id] = address
        return address

    @staticmethod
    def actual(content: EventContent, meeting: Meeting, moved: bool) -> EventContent:
        """A cancelled meeting says so in its summary; cancelling or moving raises SEQUENCE (RFC 5546 2.1.4)."""
        cancelled = meeting.status is MeetingStatus.CANCELLED
        if not (cancelled or moved):
            return content
        return attrs.evolve(
            content,
            summary=CANCELLED_PREFIX + content.summary if cancelled else content.summary,
            status="CANCELLED" if cancelled else content.status,
            sequence=content.sequence + 1,
        )

    def event(
        self,
        uid: str,
        group: str,
        start: datetime,
        end: datetime,
        content: EventContent,
        *,
        recurrence_id: datetime | None = None,
        rrule: dict[str, object] | None = None,
        exdates: Sequence[datetime] = (),
    ) -> Event:
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", self.dtstamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        if recurrence_id is not None:
            event.add("recurrence-id", recurrence_id)
        if rrule is not None:
            event.add("rrule", rrule)
        for exdate in exdates:
            event.add("exdate", exdate)
        event.add("organizer", self.organiser(group))
        event.add("summary", content.summary)
        event.add("status", content.status)
        event.add("sequence", content.sequence)
        if content.location is not None:
            event.add("location", content.location)
        event.add("description", content.description)
        if content.url is not None:
            event.add("url", content.url, parameters={"VALUE": "URI"})
            event.add(
                "conference",
                vUri(content.url),
                parameters=_CONFERENCE_PARAMETERS,
            )
        for uri, name in content.attendees:
            address = vCalAddress(uri)
            if name:
                address.params["CN"] = name
            address.params["CUTYPE"] = "INDIVIDUAL"
            address.params["ROLE"] = "REQ-PARTICIPANT"
            address.params["PARTSTAT"] = "NEEDS-ACTION"
            event.add("attendee", address)
        if self.previous is not None:
            key: EventKey = (uid, recurrence_id.astimezone(UTC) if recurrence_id is not None else None)
            self._keep_sequence(event, key, content.sequence)
        return event

    def _keep_sequence(self, event: Event, key: EventKey, sequence: int) -> None:
        """Never below the previous export's SEQUENCE for the same event, one above it if the event changed; a new
        override of a published series one above the series' (RFC 5546 section 2.1.4, per occurrence)."""
        assert self.previous is not None
        published = self.previous.events.get(key)
        if published is None:
            uid, recurrence_id = key
            series = self.previous.events.get((uid, None)) if recurrence_id is not None else None
            if series is None:
                return
            # A new override of a published series: its occurrence had the series' SEQUENCE, and now differs.
            kept = max(sequence, series.sequence + 1)
        else:
            changed = signature(event.to_ical()) != published.signature
            kept = max(sequence, published.sequence + changed)
        if kept != sequence:
            del event["SEQUENCE"]
            event.add("sequence", kept)

    def times(self, start: datetime, end: datetime) -> tuple[datetime, datetime]:
        """Local times in the zone, or both in UTC when either is a local time the clocks repeat or skip."""
        local_start, local_end = start.astimezone(self.zone), end.astimezone(self.zone)
        if self.changes.is_unclear(local_start) or self.changes.is_unclear(local_end):
            self.wrote_utc = True
            return start.astimezone(UTC), end.astimezone(UTC)
        return local_start, local_end

    def standalone(self, meeting: Meeting) -> Event:
        content = self.actual(self.content(meeting), meeting, moved=False)
        return self.event(
            meeting_uid(meeting.group, meeting.id, self.domain),
            meeting.group,
            *self.times(meeting.start, meeting.end),
            content,
        )

    def _plain(self, series: Series, occurrence: Occurrence, duration: timedelta, wall_duration: timedelta) -> bool:
        """Whether every engine reads the exact occurrence's slot as the meeting's start and end: neither its start
        nor its end is repeated or skipped, and it lasts as long as the series' first slot (engines disagree on
        whether an occurrence keeps its wall-clock end or its length, which differ across a clock change).

        ``duration`` is the first slot's length, ``wall_duration`` a slot's length by the wall clock: on dates
        without a clock change (nearly all), what every slot lasts.
        """
        slot = occurrence.slot
        changes = self.changes
        if not changes.on(slot) and (
            series.end_day_offset == 0
            or not any(changes.on(slot + timedelta(days=n)) for n in range(1, series.end_day_offset + 1))
        ):
            return wall_duration == duration
        slot_start = series.slot_start(slot, self.zone)
        slot_end = series.slot_end(slot, self.zone)
        return (
            not is_unclear(slot_start, self.zone)
            and not is_unclear(slot_end, self.zone)
            and slot_end.astimezone(UTC) - slot_start.astimezone(UTC) == duration
        )

    def series(self, series: Series) -> list[Event]:
        """The series' master event, then one override per occurrence that differs from it."""
        contents = [self.content(o.meeting) for o in series.occurrences]
        counts = Counter(contents)
        first_seen: dict[EventContent, int] = {}
        for position, content in enumerate(contents):
            first_seen.setdefault(content, position)
        # The commonest content is the series'; ties go to the earliest occurrence.
        master = max(counts, key=lambda c: (counts[c], -first_seen[c]))
        uid = series_uid(series.group, self.domain)
        first, last = series.occurrences[0].slot, series.occurrences[-1].slot
        rule: dict[str, object] = {"FREQ": series.rule.freq}
        if series.rule.interval != 1:
            rule["INTERVAL"] = series.rule.interval
        rule["BYDAY"] = series.rule.byday
        # The last slot's latest reading: the last occurrence is included whichever reading an engine takes.
        rule["UNTIL"] = latest_reading(last, series.start, self.zone)
        first_start, first_end = series.slot_start(first, self.zone), series.slot_end(first, self.zone)
        events = [
            self.event(
                uid,
                series.group,
                first_start,
                first_end,
                master,
                rrule=rule,
                exdates=[series.slot_start(day, self.zone) for day in series.exdates],
            )
        ]
        # With a first slot at an unclear local time, engines disagree on every occurrence's length: all are
        # written out. (timedelta.max matches no slot's length.)
        clear_first = not is_unclear(first_start, self.zone) and not is_unclear(first_end, self.zone)
        duration = first_end.astimezone(UTC) - first_start.astimezone(UTC) if clear_first else timedelta.max
        wall_duration = series.wall_duration
        overridden = self.previous.overridden(uid) if self.previous is not None else frozenset()
        for occurrence, content in zip(series.occurrences, contents, strict=True):
            moved = not series.is_exact(occurrence, self.zone)
            actual = self.actual(content, occurrence.meeting, moved)
            if (
                not moved
                and (actual is master or actual == master)
                and self._plain(series, occurrence, duration, wall_duration)
                and (
                    not overridden
                    or series.slot_start(occurrence.slot, self.zone).astimezone(UTC) not in overridden
                )
            ):
                continue
            recurrence_id = series.slot_start(occurrence.slot, self.zone)
            events.append(
                self.event(
                    uid,
                    series.group,
                    *self.times(occurrence.local_start, occurrence.local_end),
                    actual,
                    recurrence_id=recurrence_id,
                )
            )
        return events


def _parameter_text(text: str) -> str:
    """Text for a parameter value (CN): cleaned, without DQUOTE, which RFC 5545 forbids there and which few
    clients decode in RFC 6868's ``^'`` form, and without ``;``, which some parsers (node-ical) split parameters
    at even inside quotes."""
    return clean_text(text).replace('"', "'").replace(";", ",")


def group_id_text(group_id: str) -> str:
    """A group id as a CN when the register has no such group (its meetings still name it)."""
    return _parameter_text(group_id) or "group"


def _calendar_name(register: Register, group: Group | None) -> tuple[str, str]:
    organisation = clean_text(register.organisation)
    if group is not None:
        name = clean_text(group.name)
        return name, f"Meetings of {name} ({organisation})"
    area = clean_text(register.area)
    return f"{organisation}: co-production meetings", f"Meetings of co-production groups in {area}"


def plan_meetings(
    register: Register,
    meetings: Sequence[Meeting],
    zone: ZoneInfo,
    standalone: frozenset[tuple[str, str]] = frozenset(),
) -> list[Plan]:
    """One plan per group, in group-id order (meetings of groups not in the register stand alone).

    ``standalone`` holds (group, meeting id) pairs published before as stand-alone events: they stay so.
    """
    by_group: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        by_group.setdefault(meeting.group, []).append(meeting)
    plans = []
    for group_id in sorted(by_group):
        group = register.group_by_id.get(group_id)
        kept = frozenset(meeting for group_of, meeting in standalone if group_of == group_id)
        plans.append(plan_group(group_id, group.cadence if group else None, by_group[group_id], zone, standalone=kept))
    return plans


def build_calendar(register: Register, policy: Policy, options: ExportOptions) -> Calendar:
    """The VCALENDAR for ``register``'s meetings chosen by ``options``, in the policy's time zone.

    Raises :class:`~coproduction.calendar.errors.MeetingValueError` for meetings it cannot write, naming each.
    """
    zone = zone_for(policy)
    meetings = select_meetings(register, options, zone)
    writer = _Writer(register, policy, options, zone)
    calendar = Calendar()
    name, description = _calendar_name(
        register, register.group_by_id[options.group] if options.group is not None else None
    )
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if not options.attendees:
        calendar.add("method", "PUBLISH")
    # TEXT values (RFC 5545 3.3.11; X- properties default to TEXT): escaped, unlike icalendar's default for these.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    calendar.add("description", vText(description))
    calendar.add("x-wr-caldesc", vText(description))
    calendar.add("refresh-interval", options.refresh_interval, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(options.refresh_interval))
    years = [writer.dtstamp.astimezone(zone).year]
    if meetings:
        years = [meetings[0].start.astimezone(zone).year, max(m.end for m in meetings).astimezone(zone).year]
    calendar.add_component(build_vtimezone(policy.timezone, min(years), max(years)))
    # Series first (in group order), then stand-alone meetings (in start order): a stable, readable layout.
    standalone_ids = options.previous.standalone_meetings(writer.domain) if options.previous else frozenset()
    plans = plan_meetings(register, meetings, zone, standalone_ids)
    for plan in plans:
        if plan.series is not None:
            for event in writer.series(plan.series):
                calendar.add_component(event)
    standalone = sorted((m for plan in plans for m in plan.standalone), key=lambda m: (m.start, m.id))
    for meeting in standalone:
        calendar.add_component(writer.standalone(meeting))
    if not writer.wrote_utc:
        # Engines that follow X-WR-TIMEZONE move UTC times onto its wall clock, where a time in the repeated hour
        # loses which of its two instants it was (recurring-ical-events does): with a UTC time, it is left out.
        calendar.add("x-wr-timezone", policy.timezone)
    return calendar


def export_calendar(
    register: Register,
    policy: Policy,
    *,
    dtstamp: datetime,
    domain: str,
    group: str | None = None,
    start: date | None = None,
    end: date | None = None,
    attendees: bool = False,
    refresh_interval: timedelta = DEFAULT_REFRESH,
    previous: PreviousExport | None = None,
) -> bytes:
    """The iCalendar bytes (UTF-8, CRLF, lines folded at 75 octets) for ``register``'s meetings.

    Raises :class:`~coproduction.calendar.errors.CalendarError` for an unknown group or time zone, a naive
    ``dtstamp`` or a malformed ``domain``, and its :class:`~coproduction.calendar.errors.MeetingValueError` for
    meetings it cannot write.
    """
    options = ExportOptions(
        dtstamp=dtstamp,
        domain=domain,
        group=group,
        start=start,
        end=end,
        attendees=attendees,
        refresh_interval=refresh_interval,
        previous=previous,
    )
    return bytes(build_calendar(register, policy, options).to_ical())
