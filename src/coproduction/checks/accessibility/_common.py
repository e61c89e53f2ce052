"""What the checks of this family share: helpers their messages use, kept in one place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from coproduction.models.enums import PaperFormat, VenueFeature
from coproduction.models.meeting import Paper

_JUDGED = (
    " Every meeting that is not cancelled is judged, including meetings already held; dates and times are read "
    "in the policy's time zone."
)


#: A paper format or a venue feature.
T = TypeVar("T", PaperFormat, VenueFeature)


def _people(count: int) -> str:
    return f"{count} expected attendee{'s' if count != 1 else ''}"


def _people_need(count: int) -> str:
    """"1 expected attendee needs", "2 expected attendees need"."""
    return f"{_people(count)} need{'s' if count == 1 else ''}"


def _join(words: Iterable[str]) -> str:
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _paper_key(paper: Paper) -> tuple[str, str]:
    return (paper.title, paper.published.isoformat() if paper.published else "")


def _missing(wanted: Mapping[T, int], there: frozenset[T], words: Mapping[T, str]) -> str:
    """What a paper or venue lacks of what expected attendees need, in words ("large print (2 expected
    attendees) and braille (1 expected attendee)"); empty when nothing is missing."""
    missing = sorted(thing for thing in wanted if thing not in there)
    return _join(f"{words[thing]} ({_people(wanted[thing])})" for thing in missing)
