"""The DESCRIPTION of a meeting's event: how to attend, the access provided, and when the papers are out.

Every line starts with a fixed label and holds at most one piece of cleaned user text, so the importer can read
the meeting back (:func:`read_description`). Labels and wording are plain English for the people who read them
in their calendar: Outlook, Google Calendar, Apple Calendar and Thunderbird all show DESCRIPTION as plain text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

import attrs

from coproduction.calendar.text import clean_text
from coproduction.models import MeetingMode, Paper, PaperFormat, Venue, VenueFeature
from coproduction.policy import Policy

MODE_TEXT: Final = {
    MeetingMode.IN_PERSON: "in person",
    MeetingMode.ONLINE: "online",
    MeetingMode.HYBRID: "in person or online",
}
FEATURE_TEXT: Final = {
    VenueFeature.STEP_FREE: "step-free access",
    VenueFeature.HEARING_LOOP: "hearing loop",
    VenueFeature.ACCESSIBLE_TOILET: "accessible toilet",
    VenueFeature.QUIET_ROOM: "quiet room",
    VenueFeature.ACCESSIBLE_PARKING: "accessible parking",
    VenueFeature.CHANGING_PLACES: "Changing Places toilet",
}
FORMAT_TEXT: Final = {
    PaperFormat.STANDARD: "standard",
    PaperFormat.EASY_READ: "Easy Read",
    PaperFormat.LARGE_PRINT: "large print",
    PaperFormat.SCREEN_READER: "screen-reader ready",
    PaperFormat.AUDIO: "audio",
    PaperFormat.BRAILLE: "braille",
}
#: Enum members in declaration order (iterating an Enum class is slow in a loop over thousands of meetings).
_FEATURES: Final = tuple(VenueFeature)
_FORMATS: Final = tuple(PaperFormat)
CAPTIONS_TEXT: Final = "live captions"
EASY_READ_TEXT: Final = "Easy Read papers"
NO_ACCESS_TEXT: Final = "none recorded"
_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_BSL: Final = re.compile(r"(\d+) BSL interpreters? booked")
_PAPER: Final = re.compile(r"(.*) \((published (\d{1,2}) ([A-Za-z]+) (\d{4})|not yet published)(?:; (.*))?\)")


def format_day(day: date) -> str:
    """``3 March 2026``: the form GOV.UK's style guide uses, independent of the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _parse_day(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), _MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


@attrs.frozen
class AccessDetails:
    """What a description says about a meeting; the inverse of :func:`describe`."""

    mode: MeetingMode | None = None
    venue: Venue | None = None
    joining_link: str | None = None
    captions: bool = False
    bsl_interpreters: int = 0
    papers: tuple[Paper, ...] = ()


def describe(
    *,
    mode: MeetingMode,
    venue: Venue | None,
    joining_link: str | None,
    captions: bool,
    bsl_interpreters: int,
    papers: tuple[Paper, ...],
    policy: Policy,
) -> str:
    """The description's lines, joined with line breaks (icalendar escapes them as ``\\n``)."""
    lines = [f"How to attend: {MODE_TEXT[mode]}"]
    if venue is not None:
        lines.append(f"Venue: {clean_text(venue.name)}")
        if venue.address:
            lines.append(f"Address: {clean_text(venue.address)}")
    if joining_link:
        lines.append(f"Join online: {clean_text(joining_link)}")
    access = [FEATURE_TEXT[f] for f in _FEATURES if f in venue.features] if venue is not None else []
    if bsl_interpreters > 0:
        plural = "s" if bsl_interpreters != 1 else ""
        access.append(f"{bsl_interpreters} BSL interpreter{plural} booked")
    if captions:
        access.append(CAPTIONS_TEXT)
    if any(PaperFormat.EASY_READ in paper.formats for paper in papers):
        access.append(EASY_READ_TEXT)
    lines.append(f"Access: {'; '.join(access) if access else NO_ACCESS_TEXT}")
    published = [paper.published for paper in papers if paper.published is not None]
    if papers and len(published) == len(papers):
        lines.append(f"Papers: all out, the last on {format_day(max(published))}")
    else:
        # Stated relative to the meeting, so that every occurrence of a series says the same.
        lines.append(
            f"Papers: out at least {policy.papers_notice_working_days} clear working days before the meeting;"
            f" Easy Read versions, where needed, at least {policy.easy_read_notice_days} days before"
        )
    for paper in papers:
        when = (
            f"published {format_day(paper.published)}" if paper.published is not None else "not yet published"
        )
        formats = ", ".join(FORMAT_TEXT[f] for f in _FORMATS if f in paper.formats)
        lines.append(f"Paper: {clean_text(paper.title)} ({when}{'; ' + formats if formats else ''})")
    return "\n".join(lines)


def read_description(text: str) -> AccessDetails:
    """Read back what :func:`describe` wrote; lines it does not recognise are ignored."""
    mode: MeetingMode | None = None
    venue_name: str | None = None
    address: str | None = None
    link: str | None = None
    features: set[VenueFeature] = set()
    captions = False
    bsl = 0
    papers: list[Paper] = []
    feature_by_text = {v: k for k, v in FEATURE_TEXT.items()}
    format_by_text = {v: k for k, v in FORMAT_TEXT.items()}
    mode_by_text = {v: k for k, v in MODE_TEXT.items()}
    for line in text.splitlines():
        label, _, value = line.partition(": ")
        if label == "How to attend":
            mode = mode_by_text.get(value)
        elif label == "Venue":
            venue_name = value
        elif label == "Address":
            address = value
        elif label == "Join online":
            link = value
        elif label == "Access":
            for item in value.split("; "):
                if item in feature_by_text:
                    features.add(feature_by_text[item])
                elif item == CAPTIONS_TEXT:
                    captions = True
                elif match := _BSL.fullmatch(item):
                    bsl = int(match.group(1))
        elif label == "Paper" and (match := _PAPER.fullmatch(value)):
            published = _parse_day(*match.group(3, 4, 5)) if match.group(3) else None
            names = match.group(6).split(", ") if match.group(6) else []
            formats = frozenset(format_by_text[n] for n in names if n in format_by_text)
            papers.append(Paper(title=match.group(1), published=published, formats=formats))
    venue = (
        Venue(name=venue_name, address=address, features=frozenset(features))
        if venue_name is not None
        else None
    )
    return AccessDetails(
        mode=mode,
        venue=venue,
        joining_link=link,
        captions=captions,
        bsl_interpreters=bsl,
        papers=tuple(papers),
    )
