"""Accessibility checks AC001-AC010 (CHECKS.md): everyone has the same chance to take part, in the way that suits
them best (SCIE guide 51).

Which meetings are judged: every meeting that is not cancelled, past or future. A late paper or a missing
interpreter at a meeting already held is still a finding: it is a record of how the group worked, and the board
can see whether things improve. Times are read in the policy's time zone (``Policy.timezone``), so a meeting's
date and its start and end are those its members see on their clocks.

"Expected attendees" are the meeting's ``expected`` list when it has one, otherwise the group's current members on
the meeting's date. Access needs come from ``Member.access_needs``; a member nobody has asked (``None``) has no
known needs here (MB005 reports that nobody asked). Messages count people rather than name them: access needs can
reveal a disability, so a board paper says "2 expected attendees need large print", not who.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, time
from functools import lru_cache
from typing import TypeVar

from coproduction.checks._facts import facts
from coproduction.checks._queries import in_zone, policy_zone
from coproduction.checks.engine import CheckContext, CheckDoc, Flag, Principle, SubjectKind, check
from coproduction.checks.registry import BUILTIN
from coproduction.models.enums import AccessNeed, MeetingMode, PaperFormat, VenueFeature
from coproduction.models.meeting import AgendaItem, Meeting, Paper
from coproduction.models.member import Member
from coproduction.policy import Region, Severity
from coproduction.working_days import bank_holiday_name, is_weekend

_LGA_1972 = (
    "Local Government Act 1972 s.100B(3), as amended by the Local Authorities (Access to Meetings and Documents) "
    "(Period of Notice) (England) Order 2002 (SI 2002/715): agendas and reports open to inspection at least "
    "five clear days before a meeting"
)
_LANARKSHIRE = (
    "Lanarkshire Links, co-production guidelines: agenda and plain-English minutes at least one week ahead"
)
_SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (accessibility principle)"
_NOTTINGHAM = "University of Nottingham, guidance on involving carers: meetings between 09:30 and 16:00"
_DEFRA = "Defra, accessible meetings guidance: a 10-minute break in meetings over 50 minutes"
_ASLI = "ASLI (Association of Sign Language Interpreters): two interpreters for assignments of two hours or more"
_SEED_ACCESS = "Oxfordshire County Council co-production programme (seed 001: a board member who is blind; "
_SEED_ACCESS += "seeds 002 and 004: Easy Read)"
_EQUALITY_ACT = "Equality Act 2010 s.20: the duty to make reasonable adjustments, including auxiliary aids"
_JUDGED = (
    " Every meeting that is not cancelled is judged, including meetings already held; dates and times are read "
    "in the policy's time zone."
)

_EASY_READ = AccessNeed.EASY_READ
_BSL = AccessNeed.BSL
_CAPTIONS = AccessNeed.CAPTIONS
_ONLINE = MeetingMode.ONLINE
_IN_PERSON = MeetingMode.IN_PERSON

_NEED_WORDS = {
    AccessNeed.EASY_READ: "Easy Read",
    AccessNeed.LARGE_PRINT: "large print",
    AccessNeed.SCREEN_READER: "a screen-reader-ready version",
    AccessNeed.AUDIO: "audio",
    AccessNeed.BRAILLE: "braille",
    AccessNeed.BSL: "a British Sign Language interpreter",
    AccessNeed.CAPTIONS: "captions",
    AccessNeed.HEARING_LOOP: "a hearing loop",
    AccessNeed.STEP_FREE: "step-free access",
    AccessNeed.ACCESSIBLE_TOILET: "an accessible toilet",
    AccessNeed.QUIET_ROOM: "a quiet room",
    AccessNeed.CHANGING_PLACES: "a Changing Places toilet",
    AccessNeed.ACCESSIBLE_PARKING: "accessible parking",
    AccessNeed.BREAKS: "breaks",
    AccessNeed.SUPPORT_WORKER: "a support worker",
}

_FORMAT_WORDS = {
    PaperFormat.STANDARD: "standard print",
    PaperFormat.EASY_READ: "Easy Read",
    PaperFormat.LARGE_PRINT: "large print",
    PaperFormat.SCREEN_READER: "screen-reader-ready",
    PaperFormat.AUDIO: "audio",
    PaperFormat.BRAILLE: "braille",
}

_FEATURE_WORDS = {
    VenueFeature.STEP_FREE: "step-free access",
    VenueFeature.HEARING_LOOP: "a hearing loop",
    VenueFeature.ACCESSIBLE_TOILET: "an accessible toilet",
    VenueFeature.QUIET_ROOM: "a quiet room",
    VenueFeature.ACCESSIBLE_PARKING: "accessible parking",
    VenueFeature.CHANGING_PLACES: "a Changing Places toilet",
}


#: A paper format or a venue feature.
T = TypeVar("T", PaperFormat, VenueFeature)

# --- shared helpers ------------------------------------------------------------------------------------------


def active_meetings(context: CheckContext) -> Iterator[Meeting]:
    """Meetings that are not cancelled, in a stable order (the register's)."""
    return iter(facts(context).active_meetings())


def expected_attendees(context: CheckContext, meeting: Meeting) -> tuple[Member, ...]:
    """The meeting's ``expected`` members, or else the group's current members on the meeting's date (by id)."""
    return facts(context).expected_attendees(meeting)


def _people(count: int) -> str:
    return f"{count} expected attendee{'s' if count != 1 else ''}"


def _people_need(count: int) -> str:
    """"1 expected attendee needs", "2 expected attendees need"."""
    return f"{_people(count)} need{'s' if count == 1 else ''}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _join(words: Iterable[str]) -> str:
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _paper_key(paper: Paper) -> tuple[str, str]:
    return (paper.title, paper.published.isoformat() if paper.published else "")


# --- AC001 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC001",
    name="late-papers",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meeting papers published fewer than `papers_notice_working_days` (default 5) clear working days "
            "before the meeting, and papers not "
            "published yet when even publishing them today would be too late. Clear working days leave out the "
            "day the paper went out, the day of the meeting, weekends and the bank holidays of the policy's "
            "region (England and Wales, Scotland or Northern Ireland). When an expected attendee needs Easy "
            "Read, the paper must also be out at least `easy_read_notice_days` (default 7) calendar days before the "
            "meeting. Every meeting that "
            "is not cancelled is judged, including meetings already held."
        ),
        why=(
            "People need time to read papers, get them explained, talk them over with the people they speak "
            "for and prepare questions. Without that time they sit in the meeting as listeners, not equals. "
            "Councils' own committees must publish agendas 5 clear days ahead; co-production groups deserve "
            "no less, and people who use Easy Read need longer."
        ),
        example=(
            "The board meets on Thursday 12 November. A paper published on Friday 6 November has only 3 clear "
            "working days before the meeting (Monday, Tuesday and Wednesday): AC001 reports it."
        ),
        instead=(
            "Publish papers by the working day before the fifth clear working day (for a Thursday meeting, by "
            "the Wednesday of the week before; earlier over bank holidays). If a paper cannot be ready, move "
            "the item to the next meeting rather than table it late."
        ),
        settings=("papers_notice_working_days", "easy_read_notice_days", "region", "timezone"),
        sources=(_LGA_1972, _LANARKSHIRE, _SCIE, "DOMAIN.md, 'Time': people need to be given the time to do "
                 "co-production well (seed 002)"),
    ),
)
def late_papers(context: CheckContext) -> Iterator[Flag]:
    policy = context.policy
    notice = policy.papers_notice_working_days
    easy_read_days = policy.easy_read_notice_days
    shared = facts(context)
    for meeting, day, needs in shared.active_meeting_facts():
        if not meeting.papers:
            continue
        easy_read_readers = needs.get(_EASY_READ, 0)
        papers = meeting.papers if len(meeting.papers) == 1 else sorted(meeting.papers, key=_paper_key)
        for paper in papers:
            published = paper.published
            if (
                published is not None
                and published < day
                and shared.clear_working_days(published, day, notice) >= notice
                and not (easy_read_readers and (day - published).days < easy_read_days)
            ):
                continue  # out in time: the common case, decided without building any message
            yield from _late_paper(context, meeting.id, day, paper, notice, easy_read_readers)


def _late_paper(
    context: CheckContext, meeting_id: str, day: date, paper: Paper, notice: int, easy_read_readers: int
) -> Iterator[Flag]:
    easy_read_days = context.policy.easy_read_notice_days
    needed = _plural(notice, "clear working day")
    if paper.published is None:
        clear_if_today = facts(context).clear_working_days(context.as_of, day, notice)
        days_away = (day - context.as_of).days
        if context.as_of > day:
            yield Flag(
                meeting_id,
                f"Paper '{paper.title}' was never published, and the meeting on {day.isoformat()} has passed.",
                "If the paper went out, record the date it was published; if not, send it with the minutes.",
            )
        elif clear_if_today < notice:
            remain = "remains" if clear_if_today == 1 else "remain"
            yield Flag(
                meeting_id,
                f"Paper '{paper.title}' is not published and only {_plural(clear_if_today, 'clear working day')} "
                f"{remain} before the meeting on {day.isoformat()}; papers need {needed}.",
                "Publish the paper now and tell members it is late, or move the item to the next meeting.",
            )
        elif easy_read_readers and days_away < easy_read_days:
            yield Flag(
                meeting_id,
                f"Paper '{paper.title}' is not published, the meeting is {_plural(days_away, 'day')} away and "
                f"{_people_need(easy_read_readers)} Easy Read, which needs {_plural(easy_read_days, 'day')}.",
                "Publish the paper and its Easy Read version now, or move the item to the next meeting.",
            )
        return
    published = paper.published.isoformat()
    late_hint = (
        f"Publish papers at least {needed} before the meeting (not counting the day of publication, the meeting "
        "day, weekends and bank holidays); move late items to the next meeting."
    )
    if paper.published >= day:
        yield Flag(
            meeting_id,
            f"Paper '{paper.title}' was published on {published}, not before the meeting on {day.isoformat()}; "
            f"it needs {needed}.",
            late_hint,
        )
        return
    clear = facts(context).clear_working_days(paper.published, day, notice)
    if clear < notice:
        yield Flag(
            meeting_id,
            f"Paper '{paper.title}' was published on {published}, {_plural(clear, 'clear working day')} before "
            f"the meeting on {day.isoformat()}; it needs {notice}.",
            late_hint,
        )
    elif easy_read_readers and (day - paper.published).days < easy_read_days:
        yield Flag(
            meeting_id,
            f"Paper '{paper.title}' was published on {published}, {_plural((day - paper.published).days, 'day')} "
            f"before the meeting; {_people_need(easy_read_readers)} Easy Read, which needs "
            f"{_plural(easy_read_days, 'day')}.",
            f"When anyone needs Easy Read, publish papers and their Easy Read versions at least "
            f"{_plural(easy_read_days, 'day')} before the meeting.",
        )


# --- AC002 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC002",
    name="missing-accessible-format",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meeting papers that are not available in a format an expected attendee needs: Easy Read, "
            "large print, screen-reader-ready, audio or braille. Expected attendees are the meeting's expected "
            "list, or else the group's current members on the meeting's date."
        )
        + _JUDGED,
        why=(
            "A paper someone cannot read shuts them out of the discussion as surely as a locked door. A board "
            "member who is blind, or a self-advocate who reads Easy Read, needs the paper in their format at the "
            "same time as everyone else."
        ),
        example=(
            "One expected attendee needs large print and another needs Easy Read; the budget paper is published "
            "only in standard print: AC002 reports that it lacks Easy Read and large print."
        ),
        instead=(
            "Ask each member about their access needs when they join, keep the answers in the register, and "
            "commission each format when the paper is written, so that every version goes out together."
        ),
        settings=(),
        sources=(_SCIE, _SEED_ACCESS, _EQUALITY_ACT),
    ),
)
def missing_accessible_format(context: CheckContext) -> Iterator[Flag]:
    shared = facts(context)
    hint = "Produce the missing versions and send them out at the same time as the standard paper."
    # By (id of the meeting's need counts, paper's formats): meetings share both, and the run's facts keep the
    # counts (so their ids stay theirs), so each text is written once.
    details: dict[tuple[int, frozenset[PaperFormat]], str] = {}
    for meeting, _, needs in shared.active_meeting_facts():
        if not meeting.papers:
            continue
        papers = meeting.papers if len(meeting.papers) == 1 else sorted(meeting.papers, key=_paper_key)
        for paper in papers:
            formats = paper.formats
            detail = details.get((id(needs), formats))
            if detail is None:
                detail = details[id(needs), formats] = _missing(shared.formats_for(needs), formats, _FORMAT_WORDS)
            if detail:
                yield Flag(meeting.id, f"Paper '{paper.title}' is not available in {detail}.", hint)


def _missing(wanted: Mapping[T, int], there: frozenset[T], words: Mapping[T, str]) -> str:
    """What a paper or venue lacks of what expected attendees need, in words ("large print (2 expected
    attendees) and braille (1 expected attendee)"); empty when nothing is missing."""
    missing = sorted(thing for thing in wanted if thing not in there)
    return _join(f"{words[thing]} ({_people(wanted[thing])})" for thing in missing)


# --- AC003 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC003",
    name="inaccessible-venue",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds in-person and hybrid meetings whose venue lacks a feature an expected attendee needs: "
            "step-free access, a hearing loop, an accessible toilet, a quiet room, a Changing Places toilet or "
            "accessible parking. A meeting with no venue recorded is reported when anyone needs a feature, "
            "since nobody can confirm the venue has it."
        )
        + _JUDGED,
        why=(
            "If someone cannot get into the room, hear the discussion or find a toilet they can use, they "
            "cannot take part as an equal, and often stop coming."
        ),
        example=(
            "A member who uses a wheelchair is expected at the board, which meets on the first floor of a "
            "library with no lift: AC003 reports that the venue lacks step-free access."
        ),
        instead=(
            "Record each venue's features, check them against members' needs when booking, and move the meeting "
            "or offer a hybrid option when a venue falls short."
        ),
        settings=(),
        sources=(_SCIE, _EQUALITY_ACT, "DOMAIN.md, 'Access needs' (step-free access, hearing loop, quiet space)"),
    ),
)
def inaccessible_venue(context: CheckContext) -> Iterator[Flag]:
    shared = facts(context)
    details: dict[tuple[int, frozenset[VenueFeature]], str] = {}  # as in AC002
    for meeting, _, needs in shared.active_meeting_facts():
        if meeting.mode is _ONLINE:
            continue
        features: frozenset[VenueFeature] = meeting.venue.features if meeting.venue else frozenset()
        detail = details.get((id(needs), features))
        if detail is None:
            detail = details[id(needs), features] = _missing(shared.features_for(needs), features, _FEATURE_WORDS)
        if not detail:
            continue
        if meeting.venue is None:
            message = f"No venue is recorded, so nobody can confirm it has {detail}."
            hint = "Record the venue and its features, and book one that has what attendees need."
        else:
            message = f"The venue '{meeting.venue.name}' lacks {detail}."
            hint = "Move the meeting to a venue that has these features, or offer a hybrid option."
        yield Flag(meeting.id, message, hint)


# --- AC004 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC004",
    name="no-interpreter-booked",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings where an expected attendee needs British Sign Language and fewer interpreters are "
            "booked than needed: 2 for meetings of `two_interpreters_from_minutes` (default 120) minutes or longer, "
            "otherwise 1. Applies to online "
            "meetings too."
        )
        + _JUDGED,
        why=(
            "Interpreting is tiring: on long assignments two interpreters take turns so that what is said stays "
            "accurate to the end. Without an interpreter a Deaf member cannot take part at all."
        ),
        example=(
            "A Deaf member is expected at a 150-minute board meeting with one interpreter booked: AC004 "
            "reports that 2 are needed."
        ),
        instead=(
            "Book interpreters when the meeting is set, as early as possible (they are in short supply), and "
            "book two for meetings of two hours or more."
        ),
        settings=("two_interpreters_from_minutes",),
        sources=(_ASLI, _EQUALITY_ACT, _SCIE),
    ),
)
def no_interpreter_booked(context: CheckContext) -> Iterator[Flag]:
    from_minutes = context.policy.two_interpreters_from_minutes
    for meeting, _, needs in facts(context).active_meeting_facts():
        signers = needs.get(_BSL, 0)
        if not signers:
            continue
        minutes = meeting.minutes
        needed = 2 if minutes >= from_minutes else 1
        if meeting.bsl_interpreters < needed:
            yield Flag(meeting.id, *_interpreter_texts(signers, meeting.bsl_interpreters, minutes, from_minutes))


@lru_cache(maxsize=1024)
def _interpreter_texts(signers: int, booked: int, minutes: int, from_minutes: int) -> tuple[str, str]:
    """AC004's message and hint; the same few numbers recur across meetings, so each is written once."""
    needed = 2 if minutes >= from_minutes else 1
    why = f"the meeting runs {minutes} minutes" + (f", {from_minutes} or more" if needed == 2 else "")
    return (
        f"{_people_need(signers)} British Sign Language; "
        f"{booked} interpreter{'s' if booked != 1 else ''} booked, {needed} needed ({why}).",
        f"Book {needed - booked} more BSL interpreter{'s' if needed - booked != 1 else ''} now.",
    )


# --- AC005 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC005",
    name="no-remote-access",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds online and hybrid meetings with no joining link recorded, and online and hybrid meetings "
            "where an expected attendee needs captions and none are provided. (Captions at in-person meetings "
            "are a matter of live captioning at the venue and are not judged here.)"
        )
        + _JUDGED,
        why=(
            "Online meetings let people take part who cannot travel, but only if they can get in and follow the "
            "discussion. A missing link leaves people waiting outside; no captions shuts out people who are "
            "deaf or hard of hearing."
        ),
        example=(
            "A hybrid board meeting has no joining link in the register two days before it: AC005 reports it."
        ),
        instead=(
            "Send the joining link with the papers, and turn on captions (or book a live captioner) whenever "
            "an expected attendee needs them."
        ),
        settings=(),
        sources=(_SCIE, _EQUALITY_ACT),
    ),
)
def no_remote_access(context: CheckContext) -> Iterator[Flag]:
    for meeting, _, needs in facts(context).active_meeting_facts():
        if meeting.mode is _IN_PERSON:
            continue
        if not (meeting.joining_link and meeting.joining_link.strip()):
            yield Flag(
                meeting.id,
                f"This {meeting.mode.value} meeting has no joining link.",
                "Record the joining link and send it to members with the papers.",
            )
        captioned = needs.get(_CAPTIONS, 0)
        if captioned and not meeting.captions:
            yield Flag(
                meeting.id,
                f"{_people_need(captioned)} captions and none are provided.",
                "Turn on captions in the meeting software, or book a live captioner.",
            )


# --- AC006 -----------------------------------------------------------------------------------------------------


def longest_stretch_without_break(meeting: Meeting) -> int:
    """The longest run of minutes between the start, the scheduled breaks and the end."""
    total = max(meeting.minutes, 0)
    position = 0
    longest = 0
    breaks = meeting.breaks
    if len(breaks) > 1:
        breaks = tuple(sorted(breaks, key=lambda b: (b.after_minutes, b.minutes)))
    for brk in breaks:
        starts = min(max(brk.after_minutes, 0), total)
        ends = min(max(brk.after_minutes + max(brk.minutes, 0), 0), total)
        if starts > position:
            longest = max(longest, starts - position)
        position = max(position, ends)
    return max(longest, total - position)


@check(
    BUILTIN,
    code="AC006",
    name="no-break",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings that run longer than `max_minutes_without_break` (default 90) minutes with no "
            "scheduled break, and meetings whose breaks still leave a stretch longer than that (for example a "
            "3-hour meeting with one break after 20 minutes)."
        )
        + _JUDGED,
        why=(
            "Long stretches without a break exclude people with pain, fatigue, anxiety or learning "
            "disabilities, people who need medication or the toilet, and interpreters. Regular breaks keep "
            "everyone able to take part to the end."
        ),
        example="A board meeting runs from 10:00 to 12:00 with no break: AC006 reports 120 minutes without one.",
        instead=(
            "Put a break of at least 10 minutes on the agenda at least every 90 minutes, and say when it will "
            "be so people can plan."
        ),
        settings=("max_minutes_without_break",),
        sources=(_DEFRA, _SCIE, "DOMAIN.md, 'Numbers that councils will want to set': 90 minutes (default)"),
    ),
)
def no_break(context: CheckContext) -> Iterator[Flag]:
    limit = context.policy.max_minutes_without_break
    for meeting in facts(context).active_meetings():
        if max(meeting.minutes, 0) <= limit:
            continue  # no stretch is longer than the whole meeting
        stretch = longest_stretch_without_break(meeting)
        if stretch <= limit:
            continue
        if not meeting.breaks:
            message = f"The meeting runs {meeting.minutes} minutes with no scheduled break (limit {limit})."
        else:
            message = f"The meeting has a stretch of {stretch} minutes without a break (limit {limit})."
        yield Flag(
            meeting.id,
            message,
            f"Schedule a break of at least 10 minutes so no stretch runs longer than {limit} minutes.",
        )


# --- AC007 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC007",
    name="inaccessible-hours",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings that start before `earliest_start` (default 09:30) or end after `latest_end` (default "
            "16:00), local time in the policy's time zone. "
            "A meeting that ends on a later day than it starts ends too late."
        )
        + _JUDGED,
        why=(
            "Carers have mornings and school runs to manage, people who use services may depend on care visits "
            "and accessible transport, and concessionary bus passes often start at 09:30. Meetings outside these "
            "hours quietly exclude them."
        ),
        example="A meeting from 17:30 to 19:00 ends after 16:00: AC007 reports it.",
        instead=(
            "Meet between 09:30 and 16:00, as Oxfordshire's Health and Wellbeing Board did when it moved to "
            "13:00-16:00, unless members have agreed other hours."
        ),
        settings=("earliest_start", "latest_end", "timezone"),
        sources=(
            _NOTTINGHAM,
            "Oxfordshire Health and Wellbeing Board: meetings moved to 13:00-16:00",
            _SCIE,
        ),
    ),
)
def inaccessible_hours(context: CheckContext) -> Iterator[Flag]:
    policy = context.policy
    meetings = facts(context).active_meetings()
    if not meetings:
        return  # (and an unknown time zone is nothing to report without meetings)
    zone = policy_zone(policy.timezone)
    for meeting in meetings:
        start = in_zone(meeting.start, zone)
        end = in_zone(meeting.end, zone)
        problems = []
        if start.time() < policy.earliest_start:
            problems.append(f"starts at {start:%H:%M}, before {_hhmm(policy.earliest_start)}")
        if end.date() > start.date() or end.time() > policy.latest_end:
            problems.append(f"ends at {end:%H:%M}, after {_hhmm(policy.latest_end)}")
        if problems:
            yield Flag(
                meeting.id,
                f"The meeting {' and '.join(problems)}.",
                f"Hold meetings between {_hhmm(policy.earliest_start)} and {_hhmm(policy.latest_end)} so carers "
                "and people who rely on transport or care visits can come, unless members agreed other hours.",
            )


def _hhmm(moment: time) -> str:
    return moment.strftime("%H:%M")


# --- AC008 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC008",
    name="meeting-too-long",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.INFO,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what="Finds meetings that run longer than `max_meeting_minutes` (default 150) minutes, breaks included."
        + _JUDGED,
        why=(
            "Even with breaks, long meetings tire people, push out those with care or work commitments and "
            "leave the last items to whoever still has energy, often the staff."
        ),
        example="A meeting from 10:00 to 13:00 runs 180 minutes: AC008 reports it.",
        instead=(
            "Keep meetings to two and a half hours or less; move items to working groups or a second meeting."
        ),
        settings=("max_meeting_minutes",),
        sources=("DOMAIN.md, 'Numbers that councils will want to set': 150 minutes (default)", _SCIE, _DEFRA),
    ),
)
def meeting_too_long(context: CheckContext) -> Iterator[Flag]:
    limit = context.policy.max_meeting_minutes
    for meeting in facts(context).active_meetings():
        minutes = meeting.minutes
        if minutes > limit:
            yield Flag(
                meeting.id,
                f"The meeting runs {minutes} minutes, longer than {limit}.",
                f"Shorten the agenda to {limit} minutes or less, or split it across two meetings.",
            )


# --- AC009 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="AC009",
    name="meeting-on-non-working-day",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.INFO,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings held on a Saturday, a Sunday or a bank holiday of the policy's region (England and "
            "Wales, Scotland or Northern Ireland, from the holidays library), by the meeting's local date."
        )
        + _JUDGED,
        why=(
            "On weekends and bank holidays transport runs less often, support workers and interpreters are "
            "harder to book, and carers lose their usual respite. Some members may prefer weekends; most do not."
        ),
        example=(
            "A board meeting on Monday 6 April 2026 (Easter Monday in England and Wales) is reported; in "
            "Scotland, where Easter Monday is not a bank holiday, it is not."
        ),
        instead="Meet on working days unless members have chosen otherwise.",
        settings=("region", "timezone"),
        sources=(
            "Banking and Financial Dealings Act 1971, Schedule 1, and the annual proclamations (via the holidays "
            "library, vacanza/holidays)",
            _SCIE,
        ),
    ),
)
def meeting_on_non_working_day(context: CheckContext) -> Iterator[Flag]:
    region = context.policy.region
    hint = "Move it to a working day, unless members chose this day."
    messages: dict[date, str | None] = {}  # by day: meetings share days
    for meeting, day, _ in facts(context).active_meeting_facts():
        if day in messages:
            message = messages[day]
        else:
            message = messages[day] = _non_working_day_message(day, region)
        if message is not None:
            yield Flag(meeting.id, message, hint)


def _non_working_day_message(day: date, region: Region) -> str | None:
    """AC009's message for a meeting on ``day``; ``None`` on a working day."""
    holiday = bank_holiday_name(day, region)
    if is_weekend(day):
        what = f"a {day:%A}"
        if holiday:
            what += f" and a bank holiday ({holiday})"
    elif holiday:
        what = f"a bank holiday ({holiday})"
    else:
        return None
    return f"The meeting on {day.isoformat()} falls on {what}."


# --- AC010 -----------------------------------------------------------------------------------------------------


def _bare(titled: AgendaItem | Paper) -> bool:
    """Whether an agenda item or paper has no explanation recorded."""
    return not (titled.explanation and titled.explanation.strip())


def jargon_used(title: str, jargon: dict[str, str]) -> list[str]:
    """Jargon terms used in ``title`` without being spelt out there, sorted.

    A term matches as a whole word, case-sensitively ("ASC" in "ASC budget", not in "ascend"). It counts as spelt
    out when the title also contains the meaning's first phrase (up to its first comma), in any case, or when the
    term is followed by a bracketed explanation ("CQC (Care Quality Commission)").
    """
    return _jargon_in(title, _jargon_terms(tuple(sorted(jargon.items()))))


@lru_cache(maxsize=64)
def _jargon_terms(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Each term (in order, empty terms left out) with its whole-word pattern and its spelt-out phrase."""
    return tuple(
        (term, re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])"), meaning.split(",")[0].strip().casefold())
        for term, meaning in items
        if term
    )


def _jargon_in(title: str, terms: tuple[tuple[str, re.Pattern[str], str], ...]) -> list[str]:
    found = []
    folded = title.casefold()
    for term, pattern, spelt in terms:
        if term not in title:  # a cheap test first: most titles use no jargon
            continue
        matches = list(pattern.finditer(title))
        if not matches:
            continue
        if spelt and spelt in folded:
            continue
        if all(title[m.end():].lstrip().startswith("(") for m in matches):
            continue
        found.append(term)
    return found


@check(
    BUILTIN,
    code="AC010",
    name="unexplained-jargon",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.INFO,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds agenda items and paper titles that use a term from the policy's `jargon` list (CQC, ICB, KPI, "
            "ASC...) with no plain-language explanation. A term counts when it appears as a whole word with the "
            "same capitals. It is explained when the item or paper has an explanation recorded, when the title "
            "spells the term out (contains the start of its meaning), or when the term is followed by a "
            "bracketed explanation."
        )
        + _JUDGED,
        why=(
            "Acronyms and professional shorthand make people who use services and carers feel like outsiders "
            "and stop them challenging. Plain words are part of sharing power."
        ),
        example=(
            "An agenda item titled 'ICB update on KPIs for ASC' uses three unexplained terms: AC010 reports ICB "
            "and ASC ('KPIs' is not the whole word 'KPI')."
        ),
        instead=(
            "Spell terms out in titles ('Update from the Integrated Care Board'), or record a plain-language "
            "explanation with the item or paper, and keep the jargon list up to date."
        ),
        settings=("jargon",),
        sources=(
            _SCIE,
            "SCIE evaluation in Easy Read (seed 002)",
            _LANARKSHIRE,
        ),
    ),
)
def unexplained_jargon(context: CheckContext) -> Iterator[Flag]:
    jargon = dict(context.policy.jargon)
    if not jargon:
        return
    terms = _jargon_terms(tuple(sorted(jargon.items())))
    meetings = facts(context).active_meetings()
    # Each distinct title is searched once; meetings share titles, and most use no jargon at all.
    titles = {item.title for meeting in meetings for item in meeting.agenda}
    titles.update(paper.title for meeting in meetings for paper in meeting.papers)
    used = {title: found for title in titles if (found := _jargon_in(title, terms))}
    if not used:
        return
    for meeting in meetings:
        titled: list[tuple[str, str, str | None]] = [
            *(("Agenda item", i.title, i.explanation) for i in meeting.agenda if i.title in used and _bare(i)),
            *(("Paper", p.title, p.explanation) for p in meeting.papers if p.title in used and _bare(p)),
        ]
        for kind, title, _ in sorted(set(titled), key=lambda t: (t[0], t[1], t[2] or "")):
            terms_used = used[title]
            yield Flag(
                meeting.id,
                f"{kind} '{title}' uses {_join(repr(t) for t in terms_used)} without explaining "
                f"{'it' if len(terms_used) == 1 else 'them'}.",
                "Say it in plain words, e.g. "
                + "; ".join(f"{t}: {jargon[t]}" for t in terms_used)
                + ", or record an explanation with the "
                + kind.lower()
                + ".",
            )
