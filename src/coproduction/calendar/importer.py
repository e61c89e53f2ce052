"""Import an .ics file (a council's existing calendar, or one this package exported) into meetings.

What is read: each VEVENT's times, SUMMARY, STATUS, SEQUENCE, LOCATION, URL and ATTENDEEs, and the labelled
lines of a DESCRIPTION written by :mod:`coproduction.calendar.description`. A recurring event is expanded into
one meeting per occurrence (less EXDATEs, with RECURRENCE-ID overrides applied); when its rule is one a
:class:`~coproduction.models.Cadence` can say (``FREQ=MONTHLY;BYDAY=1TU`` and the like) the group gets that
cadence, so exporting again writes the same series. UIDs this package wrote give back group and meeting ids;
other UIDs become meeting ids of ``default_group`` (whose cadence is the first expressible rule found).
Occurrences of a series get the id ``<group>-<YYYY-MM-DD>`` (``<UID>-<YYYY-MM-DD>`` for other UIDs).

A local time the clocks repeat or skip is read as RFC 5545 section 3.3.5 says (the first of a repeated time; the
offset before a skipped hour), and every time is kept as a real instant. An occurrence's end is its start plus the
series' exact duration (RFC 5545 section 3.8.5.3). A series that crosses midnight gives a cadence with a start and
no end (a register's cadence ends after it starts): exporting again writes the same series.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

import attrs
from dateutil.rrule import rrulestr
from icalendar import Calendar, Component, vRecur, vText

from coproduction.calendar.description import read_description
from coproduction.calendar.errors import CalendarImportError
from coproduction.calendar.export import CANCELLED_PREFIX, zone_for
from coproduction.calendar.instants import at_wall_time, exact_end
from coproduction.calendar.series import SlotRule
from coproduction.calendar.text import clean_text, unescape_text, unquote_id
from coproduction.errors import Problem
from coproduction.models import (
    Cadence,
    Group,
    GroupKind,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Member,
    Register,
    Venue,
    Weekday,
)
from coproduction.policy import Policy

_SERIES_UID: Final = re.compile(r"series\.([A-Za-z0-9_%-]+)@.+")
_MEETING_UID: Final = re.compile(r"meeting\.([A-Za-z0-9_%-]+)\.([A-Za-z0-9_%-]+)@.+")
_MEMBER_URI: Final = re.compile(r"urn:coproduction:member:([A-Za-z0-9_%-]+)")
_BYDAY: Final = re.compile(r"([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)")
#: A bound for open-ended rules when the caller gives none: far enough for any published schedule.
_DEFAULT_HORIZON_YEARS: Final = 2


@attrs.frozen
class ImportedSchedule:
    """What an .ics file held: groups (with cadences where a series allowed), meetings and named attendees."""

    groups: tuple[Group, ...]
    meetings: tuple[Meeting, ...]
    members: tuple[Member, ...]
    name: str | None = None
    description: str | None = None

    def to_register(self, organisation: str, area: str) -> Register:
        """A register holding the imported groups, meetings and members, for the given organisation and area."""
        return Register(
            organisation=organisation,
            area=area,
            members=self.members,
            groups=self.groups,
            meetings=self.meetings,
        )


@attrs.frozen
class _Fields:
    """One VEVENT as plain values."""

    uid: str
    start: datetime
    end: datetime
    recurrence_id: datetime | None
    summary: str
    cancelled: bool
    sequence: int
    location: str | None
    url: str | None
    description: str
    attendees: tuple[tuple[str, str | None], ...]
    #: The ORGANIZER's CN: for an event this package wrote, the group's name.
    organiser: str | None = None


def import_calendar(
    data: bytes | str,
    *,
    policy: Policy | None = None,
    default_group: str = "imported",
    horizon: date | None = None,
    source: str = "<calendar>",
) -> ImportedSchedule:
    """Read an iCalendar file into a schedule. ``horizon`` bounds rules with no UNTIL or COUNT (default: two
    years after their start). Raises :class:`CalendarImportError` naming ``source`` and the event."""
    policy = policy or Policy()
    zone = zone_for(policy)
    try:
        calendar = Calendar.from_ical(data)
    except Exception as error:  # icalendar raises many kinds on malformed input; all mean the same here
        raise CalendarImportError([Problem(source, "", f"not an iCalendar file: {error}")]) from None
    if not isinstance(calendar, Calendar):
        raise CalendarImportError([Problem(source, "", "expected one VCALENDAR")])
    by_uid: dict[str, list[tuple[int, Component]]] = {}
    for index, event in enumerate(calendar.walk("VEVENT")):
        uid = str(event.get("UID", f"event-{index}"))
        by_uid.setdefault(uid, []).append((index, event))
    groups: dict[str, Cadence | None] = {}
    group_names: dict[str, str] = {}
    meetings: list[Meeting] = []
    used_ids: set[str] = set()
    members: dict[str, str] = {}
    for uid, events in by_uid.items():
        try:
            fields = [_read(event, index, source, zone) for index, event in events]
            for f in fields:
                for member, name in f.attendees:
                    members.setdefault(member, name or member)
            masters = [(f, e) for f, (_, e) in zip(fields, events, strict=True) if f.recurrence_id is None]
            overrides = {f.recurrence_id: f for f in fields if f.recurrence_id is not None}
            series = _SERIES_UID.fullmatch(uid)
            single = _MEETING_UID.fullmatch(uid)
            group = unquote_id(series.group(1)) if series else unquote_id(single.group(1)) if single else default_group
            groups.setdefault(group, None)
            if series or single:  # this package's event: its ORGANIZER is named after the group
                for f in fields:
                    if f.organiser:
                        group_names.setdefault(group, f.organiser)
            master = masters[0] if masters else None
            if master is not None and "RRULE" in master[1]:
                prefix = group if series else clean_text(uid)
                cadence, expanded = _expand(group, prefix, master[0], master[1], overrides, horizon, source, used_ids)
                if cadence is not None and groups.get(group) is None:
                    groups[group] = cadence
                meetings.extend(expanded)
                continue
            for position, f in enumerate(fields):
                if single:
                    meeting_id = unquote_id(single.group(2))
                else:
                    meeting_id = clean_text(uid) + (f"-{position}" if len(fields) > 1 else "")
                while meeting_id in used_ids:  # ids are unique in a register
                    meeting_id += "-1"
                used_ids.add(meeting_id)
                meetings.append(_meeting(meeting_id, group, f))
        except CalendarImportError:
            raise
        except Exception as error:  # a malformed property (icalendar raises many kinds): name the event
            path = f"$.VEVENT[{events[0][0]}]"
            problem = Problem(source, path, f"cannot read the event with UID {uid!r}: {error}")
            raise CalendarImportError([problem]) from None
    name = _text(calendar.get("X-WR-CALNAME") or calendar.get("NAME"))
    description = _text(calendar.get("X-WR-CALDESC") or calendar.get("DESCRIPTION"))
    # A one-group export names the calendar after the group ("Meetings of <group> (<organisation>)").
    single_group_export = bool(
        name and description and len(groups) == 1 and description.startswith(f"Meetings of {name} (")
    )
    group_records = tuple(
        Group(
            id=group_id,
            name=name if name and single_group_export else group_names.get(group_id, group_id),
            kind=GroupKind.WORKING_GROUP,
            cadence=cadence,
        )
        for group_id, cadence in sorted(groups.items())
    )
    return ImportedSchedule(
        groups=group_records,
        meetings=tuple(sorted(meetings, key=lambda m: (m.start, m.id))),
        members=tuple(Member(id=k, name=v) for k, v in sorted(members.items())),
        name=name,
        description=description,
    )


def _text(value: object) -> str | None:
    """A calendar-level TEXT value; icalendar leaves X-WR-CALNAME and the like escaped, so decode those."""
    if value is None:
        return None
    return clean_text(str(value) if isinstance(value, vText) else unescape_text(str(value)))


def _aware(value: object, zone: tzinfo, problem: Problem) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=zone)
    if isinstance(value, date):  # an all-day event: midnight, local time
        return datetime.combine(value, time(0), zone)
    raise CalendarImportError([problem])


def _read(event: Component, index: int, source: str, zone: tzinfo) -> _Fields:
    path = f"$.VEVENT[{index}]"
    if "DTSTART" not in event:
        raise CalendarImportError([Problem(source, path, "the event has no DTSTART; expected a start time")])
    start = _aware(event.decoded("DTSTART"), zone, Problem(source, f"{path}.DTSTART", "expected a date-time"))
    if "DTEND" in event:
        end = _aware(event.decoded("DTEND"), zone, Problem(source, f"{path}.DTEND", "expected a date-time"))
    elif "DURATION" in event:
        end = start + event.decoded("DURATION")
    else:
        end = start + (timedelta(days=1) if not isinstance(event.decoded("DTSTART"), datetime) else timedelta())
    if end < start:
        raise CalendarImportError([Problem(source, f"{path}.DTEND", "the event ends before it starts")])
    recurrence_id = None
    if "RECURRENCE-ID" in event:
        recurrence_id = _aware(
            event.decoded("RECURRENCE-ID"),
            start.tzinfo or zone,
            Problem(source, f"{path}.RECURRENCE-ID", "expected a date-time"),
        )
    status = str(event.get("STATUS", "CONFIRMED")).upper()
    summary = str(event.get("SUMMARY", ""))
    cancelled = status == "CANCELLED"
    if cancelled and summary.startswith(CANCELLED_PREFIX.rstrip()):
        summary = summary[len(CANCELLED_PREFIX.rstrip()) :].removeprefix(" ")
    summary = clean_text(summary)
    try:
        sequence = max(int(event.get("SEQUENCE", 0)), 0)
    except (TypeError, ValueError):
        sequence = 0
    attendees = []
    raw = event.get("ATTENDEE", [])
    for attendee in raw if isinstance(raw, list) else [raw]:
        uri = str(attendee)
        match = _MEMBER_URI.fullmatch(uri)
        member = unquote_id(match.group(1)) if match else clean_text(uri.removeprefix("mailto:"))
        cn = attendee.params.get("CN") if hasattr(attendee, "params") else None
        attendees.append((member, clean_text(str(cn)) if cn else None))
    location = event.get("LOCATION")
    url = event.get("URL")
    organiser = event.get("ORGANIZER")
    organiser_name = organiser.params.get("CN") if hasattr(organiser, "params") else None
    return _Fields(
        uid=str(event.get("UID", "")),
        start=start,
        end=end,
        recurrence_id=recurrence_id,
        summary=summary,
        cancelled=cancelled,
        sequence=sequence,
        location=clean_text(str(location)) if location else None,
        url=clean_text(str(url)) if url else None,
        description=str(event.get("DESCRIPTION", "")),
        attendees=tuple(attendees),
        organiser=clean_text(str(organiser_name)) if organiser_name else None,
    )


def _real(value: datetime) -> datetime:
    """The same instant at a wall-clock time that exists (a skipped local time moves past the gap)."""
    zone = value.tzinfo
    assert zone is not None
    return value.astimezone(UTC).astimezone(zone)


def _wall(value: datetime, zone: tzinfo) -> datetime:
    return value.astimezone(zone).replace(tzinfo=None)


def _meeting(meeting_id: str, group: str, f: _Fields, *, slot: tuple[datetime, datetime] | None = None) -> Meeting:
    """A meeting from an event; ``slot`` is the occurrence's place in its series (start and end, as the series'
    wall-clock times): an event elsewhere was moved, which raised its SEQUENCE by one."""
    details = read_description(f.description)
    venue = details.venue
    if venue is None and f.location:
        venue = Venue(name=f.location)
    link = details.joining_link or f.url
    mode = details.mode
    if mode is None:
        mode = (
            MeetingMode.HYBRID
            if venue and link
            else MeetingMode.ONLINE
            if link
            else MeetingMode.IN_PERSON
        )
    moved = False
    replaces = None
    if slot is not None:
        zone = slot[0].tzinfo
        assert zone is not None
        # By the wall clock, as the export decides what was moved (an event written in UTC is not moved).
        moved = not (at_wall_time(f.start, slot[0], zone) and at_wall_time(f.end, slot[1], zone))
        if f.start.astimezone(zone).date() != slot[0].date():
            replaces = slot[0].date()
    sequence = f.sequence - 1 if (f.cancelled or moved) and f.sequence > 0 else f.sequence
    return Meeting(
        id=meeting_id,
        group=group,
        title=f.summary,
        start=_real(f.start),
        end=_real(f.end),
        mode=mode,
        status=MeetingStatus.CANCELLED if f.cancelled else MeetingStatus.SCHEDULED,
        venue=venue,
        joining_link=link,
        captions=details.captions,
        bsl_interpreters=details.bsl_interpreters,
        papers=details.papers,
        expected=tuple(member for member, _ in f.attendees),
        replaces=replaces,
        sequence=sequence,
    )


def _slot_rule(rule: dict[str, list[object]]) -> SlotRule | None:
    """The cadence an RRULE says, if a :class:`Cadence` can say it."""
    allowed = {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}
    if set(rule) - allowed or len(rule.get("BYDAY", [])) != 1:
        return None
    freq = str(rule["FREQ"][0]).upper()
    interval = int(str(rule.get("INTERVAL", [1])[0]))
    match = _BYDAY.fullmatch(str(rule["BYDAY"][0]).upper())
    if match is None:
        return None
    nth = int(match.group(1)) if match.group(1) else None
    valid = {("WEEKLY", 1), ("WEEKLY", 2), ("MONTHLY", 1), ("MONTHLY", 2), ("MONTHLY", 3)}
    if (freq, interval) not in valid or (freq == "MONTHLY") != (nth is not None):
        return None
    return SlotRule(freq=freq, interval=interval, weekday=Weekday(match.group(2)), week_of_month=nth)


def _expand(
    group: str,
    prefix: str,
    master: _Fields,
    event: Component,
    overrides: dict[datetime, _Fields],
    horizon: date | None,
    source: str,
    used: set[str],
) -> tuple[Cadence | None, list[Meeting]]:
    """Expand a recurring event into meetings, applying EXDATEs and overrides."""
    zone = master.start.tzinfo
    assert zone is not None
    local_start = master.start.replace(tzinfo=None)
    duration = master.end.astimezone(UTC) - master.start.astimezone(UTC)  # elapsed, not by the wall clock
    recur = event["RRULE"]
    if not isinstance(recur, vRecur):
        raise CalendarImportError([Problem(source, f"UID {master.uid}", "expected one RRULE")])
    rule_text = recur.to_ical().decode("ascii")  # type: ignore[no-untyped-call]
    rule_parts = {str(k).upper(): list(v) for k, v in recur.items()}
    if "UNTIL" in rule_parts:
        # dateutil wants UNTIL in the same terms as DTSTART: here, naive local time.
        until = rule_parts["UNTIL"][0]
        if isinstance(until, datetime):
            local_until = until.astimezone(zone).replace(tzinfo=None) if until.tzinfo else until
        else:
            local_until = datetime.combine(until, time(23, 59, 59))
        rule_text = re.sub(r"UNTIL=[^;]+", f"UNTIL={local_until:%Y%m%dT%H%M%S}", rule_text)
    limit = datetime.combine(horizon, time(23, 59, 59)) if horizon else None
    if limit is None and "UNTIL" not in rule_parts and "COUNT" not in rule_parts:
        limit = local_start.replace(year=local_start.year + _DEFAULT_HORIZON_YEARS)
    try:
        recurrence = rrulestr(rule_text, dtstart=local_start)
    except (ValueError, TypeError) as error:
        raise CalendarImportError([Problem(source, f"UID {master.uid}", f"unreadable RRULE: {error}")]) from None
    excluded = set()
    raw_exdates = event.get("EXDATE", [])
    for exdate in raw_exdates if isinstance(raw_exdates, list) else [raw_exdates]:
        for value in exdate.dts:
            day = value.dt
            if isinstance(day, datetime):
                excluded.add(day.astimezone(zone).replace(tzinfo=None) if day.tzinfo else day)
            else:
                excluded.add(datetime.combine(day, local_start.time()))
    rule = _slot_rule(rule_parts)
    cadence = None
    local_end = _wall(master.end, zone)
    end_day_offset = (local_end.date() - local_start.date()).days
    if rule is not None:
        # A series that crosses midnight: the cadence says when it starts; the meetings say when they end.
        cadence_end = local_end.time() if end_day_offset == 0 else None
        cadence = attrs.evolve(rule, start=local_start.time(), end=cadence_end).to_cadence()
    meetings = []
    overrides_by_local = {
        rid.astimezone(zone).replace(tzinfo=None): f for rid, f in overrides.items()
    }
    def slot_of(local: datetime) -> tuple[datetime, datetime]:
        """The slot's start and end as the series' wall-clock times."""
        end = datetime.combine(local.date() + timedelta(days=end_day_offset), local_end.time())
        return local.replace(tzinfo=zone), end.replace(tzinfo=zone)

    for occurrence in _bounded(recurrence, limit):
        if occurrence in excluded:
            continue
        slot = slot_of(occurrence)
        fields = overrides_by_local.pop(occurrence, None)
        if fields is None:
            # Not overridden: the slot's start and the series' exact duration (RFC 5545 section 3.8.5.3).
            fields = attrs.evolve(master, start=slot[0], end=exact_end(slot[0], duration))
        meetings.append(_meeting(_occurrence_id(prefix, occurrence, used), group, fields, slot=slot))
    for local, fields in sorted(overrides_by_local.items()):  # overrides of slots the rule does not make
        meetings.append(_meeting(_occurrence_id(prefix, local, used), group, fields, slot=slot_of(local)))
    return cadence, meetings


def _bounded(recurrence: Iterable[datetime], limit: datetime | None) -> Iterable[datetime]:
    for occurrence in recurrence:
        if limit is not None and occurrence > limit:
            return
        yield occurrence


def _occurrence_id(prefix: str, local: datetime, used: set[str]) -> str:
    candidate = f"{prefix}-{local:%Y-%m-%d}"
    if candidate in used:
        candidate = f"{prefix}-{local:%Y-%m-%dT%H%M}"
    suffix = 2
    while candidate in used:
        candidate = f"{prefix}-{local:%Y-%m-%dT%H%M}-{suffix}"
        suffix += 1
    used.add(candidate)
    return candidate


__all__ = ["ImportedSchedule", "import_calendar"]
