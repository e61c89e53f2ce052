"""What a previously published export says: the state that keeps SEQUENCE from ever going down.

RFC 5546 section 2.1.4 asks that an event's SEQUENCE never decreases and goes up when the event changes. The
register does not record what was published, so an export that should honour that is given the file published
last (``coproduction calendar --previous FILE``). For each event of that file -- keyed by UID and, for an override,
by the instant of its RECURRENCE-ID -- it keeps the SEQUENCE and the event's text less ``DTSTAMP`` and
``SEQUENCE`` (its *signature*). The next export then writes, for the same key, the larger of its own SEQUENCE and
the previous one (plus one when the signature differs), and keeps an override for every slot the previous file
overrode. It also keeps the identity of stand-alone events: a meeting published as one stays one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Final

import attrs
from icalendar import Calendar

from coproduction.calendar.errors import CalendarImportError
from coproduction.calendar.text import unquote_id
from coproduction.errors import Problem

#: A stand-alone meeting's UID (:func:`coproduction.calendar.export.meeting_uid`).
_MEETING_UID: Final = re.compile(r"meeting\.([A-Za-z0-9_%-]+)\.([A-Za-z0-9_%-]+)@(.+)")
#: Properties that change with every export or are what this module decides: not part of an event's signature.
_UNSIGNED: Final = (b"DTSTAMP", b"SEQUENCE")

#: (UID, RECURRENCE-ID in UTC or ``None`` for a master or a stand-alone event)
EventKey = tuple[str, datetime | None]


@attrs.frozen
class PublishedEvent:
    """One event as it was published: its SEQUENCE and its signature."""

    sequence: int
    signature: bytes


@attrs.frozen
class PreviousExport:
    """The events of a previous export, by key, and its DTSTAMP (the latest one in the file)."""

    events: Mapping[EventKey, PublishedEvent] = attrs.field(factory=dict)
    dtstamp: datetime | None = None

    def standalone_meetings(self, domain: str) -> frozenset[tuple[str, str]]:
        """(group, meeting id) of every stand-alone event published under ``domain``."""
        out = set()
        for uid, recurrence_id in self.events:
            match = _MEETING_UID.fullmatch(uid)
            if match and recurrence_id is None and match.group(3).lower() == domain.lower():
                out.add((unquote_id(match.group(1)), unquote_id(match.group(2))))
        return frozenset(out)

    def overridden(self, uid: str) -> frozenset[datetime]:
        """The RECURRENCE-IDs (UTC) the previous export overrode for ``uid``."""
        return frozenset(rid for key, rid in self.events if key == uid and rid is not None)


def signature(event_text: bytes) -> bytes:
    """An event's unfolded content lines, less ``DTSTAMP`` and ``SEQUENCE``: equal when nothing else changed."""
    unfolded = event_text.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")
    lines = [line for line in unfolded.split(b"\r\n") if line and not _is_unsigned(line)]
    return b"\r\n".join(lines)


def _is_unsigned(line: bytes) -> bool:
    return any(line.startswith(name) and line[len(name) : len(name) + 1] in (b":", b";") for name in _UNSIGNED)


def _event_texts(data: bytes) -> list[bytes]:
    """The text of each VEVENT, in file order (the order :meth:`Calendar.walk` gives)."""
    normal = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    texts = []
    position = 0
    while (begin := normal.find(b"BEGIN:VEVENT\r\n", position)) != -1:
        end = normal.find(b"END:VEVENT\r\n", begin)
        if end == -1:
            break
        texts.append(normal[begin : end + len(b"END:VEVENT\r\n")])
        position = end
    return texts


def read_previous(data: bytes, *, source: str = "<previous>") -> PreviousExport:
    """Read a previously published export. Raises :class:`CalendarImportError` naming ``source`` and the event."""
    try:
        calendar = Calendar.from_ical(data)
    except Exception as error:  # icalendar raises many kinds on malformed input; all mean the same here
        raise CalendarImportError([Problem(source, "", f"not an iCalendar file: {error}")]) from None
    if not isinstance(calendar, Calendar):
        raise CalendarImportError([Problem(source, "", "expected one VCALENDAR")])
    components = calendar.walk("VEVENT")
    texts = _event_texts(data)
    if len(texts) != len(components):
        raise CalendarImportError(
            [Problem(source, "", "expected each VEVENT to begin and end on lines of its own (BEGIN:VEVENT ...)")]
        )
    events: dict[EventKey, PublishedEvent] = {}
    latest: datetime | None = None
    for index, (component, text) in enumerate(zip(components, texts, strict=True)):
        path = f"$.VEVENT[{index}]"
        try:
            uid = str(component["UID"])
            recurrence_id = None
            if "RECURRENCE-ID" in component:
                recurrence_id = _instant(component.decoded("RECURRENCE-ID"))
            sequence = int(str(component.get("SEQUENCE", 0)))
            stamp = _instant(component.decoded("DTSTAMP")) if "DTSTAMP" in component else None
        except Exception as error:  # a missing UID, an unreadable date or number: name the event
            raise CalendarImportError(
                [Problem(source, path, f"cannot read the event's UID, RECURRENCE-ID, SEQUENCE or DTSTAMP: {error}")]
            ) from None
        if sequence < 0:
            raise CalendarImportError([Problem(source, f"{path}.SEQUENCE", "expected a whole number, 0 or more")])
        events[(uid, recurrence_id)] = PublishedEvent(sequence, signature(text))
        if stamp is not None and (latest is None or stamp > latest):
            latest = stamp
    return PreviousExport(events=events, dtstamp=latest)


def _instant(value: object) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError("expected a date-time in UTC or with a TZID")
    return value.astimezone(UTC)


__all__ = ["EventKey", "PreviousExport", "PublishedEvent", "read_previous", "signature"]
