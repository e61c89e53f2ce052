"""Export meetings as one iCalendar (RFC 5545) VCALENDAR that Outlook, Google Calendar, Apple Calendar and
Thunderbird accept.

* ``METHOD:PUBLISH`` (RFC 5546): a feed to subscribe to or import, not an invitation to answer.
* ``NAME``/``DESCRIPTION``/``REFRESH-INTERVAL`` (RFC 7986) with their older ``X-WR-CALNAME``/``X-WR-CALDESC``/
  ``X-PUBLISHED-TTL`` twins, which Outlook and Apple Calendar read; ``X-WR-TIMEZONE`` names the events' zone.
* One rule-based VTIMEZONE for the policy's zone (:mod:`coproduction.calendar.timezone`).
* Each group's cadence as one series with EXDATEs and overrides (:mod:`coproduction.calendar.series`); overrides
  repeat every property, because real clients do not inherit anything from the series.
* Every UID is derived from ids and the caller's domain; DTSTAMP is the caller's clock. Same register, same
  options: same bytes.
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
from coproduction.calendar.errors import CalendarError
from coproduction.calendar.series import Plan, Series, plan_group
from coproduction.calendar.text import clean_domain, clean_text, quote_id
from coproduction.calendar.timezone import build_vtimezone
from coproduction.models import Group, Meeting, MeetingStatus, Register
from coproduction.policy import Policy

PRODID: Final = "-//coproduction//calendar export//EN"
CANCELLED_PREFIX: Final = "Cancelled: "
DEFAULT_REFRESH: Final = timedelta(hours=12)
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

    ``start`` and ``end`` keep meetings whose local start date is within them (both inclusive).
    """

    dtstamp: datetime
    domain: str
    group: str | None = None
    start: date | None = None
    end: date | None = None
    attendees: bool = False
    refresh_interval: timedelta = DEFAULT_REFRESH

    def __attrs_post_init__(self) -> None:
        if self.dtstamp.tzinfo is None or self.dtstamp.utcoffset() is None:
            raise CalendarError("the DTSTAMP clock must be time-zone-aware, e.g. 2026-11-25T00:00:00Z")
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


def default_dtstamp(meetings: Iterable[Meeting]) -> datetime:
    """A DTSTAMP derived from the meetings, not the wall clock: the latest meeting end or paper publication
    date (at 00:00 UTC), so re-exporting an unchanged register gives the same bytes. 1970-01-01 when empty."""
    latest = datetime(1970, 1, 1, tzinfo=UTC)
    for meeting in meetings:
        latest = max(latest, meeting.end.astimezone(UTC))
        for paper in meeting.papers:
            if paper.published is not None:
                latest = max(latest, datetime.combine(paper.published, datetime.min.time(), UTC))
    return latest.replace(microsecond=0)


def select_meetings(register: Register, options: ExportOptions, zone: ZoneInfo) -> list[Meeting]:
    """The meetings to export: one group's or all, within the dates, in (start, id) order."""
    if options.group is not None and options.group not in register.group_by_id:
        known = ", ".join(sorted(register.group_by_id)) or "none"
        raise CalendarError(f"no group with id {options.group!r} in the register (groups: {known})")
    chosen = []
    for meeting in register.meetings:
        if options.group is not None and meeting.group != options.group:
            continue
        if meeting.start.tzinfo is None or meeting.end.tzinfo is None:
            # astimezone() would silently read the machine's zone: refuse instead.
            raise CalendarError(f"meeting {meeting.id!r} has a start or end without a time zone")
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
        self._contents: dict[tuple[object, ...], EventContent] = {}

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
        return event

    def standalone(self, meeting: Meeting) -> Event:
        content = self.actual(self.content(meeting), meeting, moved=False)
        return self.event(
            meeting_uid(meeting.group, meeting.id, self.domain),
            meeting.start.astimezone(self.zone),
            meeting.end.astimezone(self.zone),
            content,
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
        rule["UNTIL"] = series.slot_start(last, self.zone).astimezone(UTC)
        events = [
            self.event(
                uid,
                series.slot_start(first, self.zone),
                series.slot_end(first, self.zone),
                master,
                rrule=rule,
                exdates=[series.slot_start(day, self.zone) for day in series.exdates],
            )
        ]
        for occurrence, content in zip(series.occurrences, contents, strict=True):
            moved = not series.is_exact(occurrence)
            actual = self.actual(content, occurrence.meeting, moved)
            if not moved and (actual is master or actual == master):
                continue
            events.append(
                self.event(
                    uid,
                    occurrence.local_start,
                    occurrence.local_end,
                    actual,
                    recurrence_id=series.slot_start(occurrence.slot, self.zone),
                )
            )
        return events


def _parameter_text(text: str) -> str:
    """Text for a parameter value (CN): cleaned, and without DQUOTE, which RFC 5545 forbids there and which
    few clients decode in RFC 6868's ``^'`` form."""
    return clean_text(text).replace('"', "'")


def _calendar_name(register: Register, group: Group | None) -> tuple[str, str]:
    organisation = clean_text(register.organisation)
    if group is not None:
        name = clean_text(group.name)
        return name, f"Meetings of {name} ({organisation})"
    area = clean_text(register.area)
    return f"{organisation}: co-production meetings", f"Meetings of co-production groups in {area}"


def plan_meetings(register: Register, meetings: Sequence[Meeting], zone: ZoneInfo) -> list[Plan]:
    """One plan per group, in group-id order (meetings of groups not in the register stand alone)."""
    by_group: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        by_group.setdefault(meeting.group, []).append(meeting)
    plans = []
    for group_id in sorted(by_group):
        group = register.group_by_id.get(group_id)
        plans.append(plan_group(group_id, group.cadence if group else None, by_group[group_id], zone))
    return plans


def build_calendar(register: Register, policy: Policy, options: ExportOptions) -> Calendar:
    """The VCALENDAR for ``register``'s meetings chosen by ``options``, in the policy's time zone."""
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
    calendar.add("method", "PUBLISH")
    # TEXT values (RFC 5545 3.3.11; X- properties default to TEXT): escaped, unlike icalendar's default for these.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    calendar.add("description", vText(description))
    calendar.add("x-wr-caldesc", vText(description))
    calendar.add("x-wr-timezone", policy.timezone)
    calendar.add("refresh-interval", options.refresh_interval, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(options.refresh_interval))
    years = [writer.dtstamp.astimezone(zone).year]
    if meetings:
        years = [meetings[0].start.astimezone(zone).year, max(m.end for m in meetings).astimezone(zone).year]
    calendar.add_component(build_vtimezone(policy.timezone, min(years), max(years)))
    # Series first (in group order), then stand-alone meetings (in start order): a stable, readable layout.
    plans = plan_meetings(register, meetings, zone)
    for plan in plans:
        if plan.series is not None:
            for event in writer.series(plan.series):
                calendar.add_component(event)
    standalone = sorted((m for plan in plans for m in plan.standalone), key=lambda m: (m.start, m.id))
    for meeting in standalone:
        calendar.add_component(writer.standalone(meeting))
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
) -> bytes:
    """The iCalendar bytes (UTF-8, CRLF, lines folded at 75 octets) for ``register``'s meetings.

    Raises :class:`~coproduction.calendar.errors.CalendarError` for an unknown group or time zone, a naive
    ``dtstamp`` or a malformed ``domain``.
    """
    options = ExportOptions(
        dtstamp=dtstamp,
        domain=domain,
        group=group,
        start=start,
        end=end,
        attendees=attendees,
        refresh_interval=refresh_interval,
    )
    return bytes(build_calendar(register, policy, options).to_ical())
