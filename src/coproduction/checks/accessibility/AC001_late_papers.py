"""AC001 late-papers: finds meeting papers published fewer than ``papers_notice_working_days`` (default 5) clear
working days before the meeting, and papers not published yet when even publishing them today would be too late.

The rule (:func:`late_papers`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC001.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from coproduction.checks.accessibility._common import _paper_key, _people_need
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.enums import AccessNeed
from coproduction.models.meeting import Paper
from coproduction.policy import Severity

_EASY_READ = AccessNeed.EASY_READ


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def late_papers(context: CheckContext) -> Iterator[Flag]:
    policy = context.policy
    notice = policy.papers_notice_working_days
    easy_read_days = policy.easy_read_notice_days
    index = context.index
    for meeting, day, needs in index.meetings_not_cancelled_with_needs():
        if not meeting.papers:
            continue
        easy_read_readers = needs.get(_EASY_READ, 0)
        papers = meeting.papers if len(meeting.papers) == 1 else sorted(meeting.papers, key=_paper_key)
        for paper in papers:
            published = paper.published
            if (
                published is not None
                and published < day
                and index.clear_working_days(published, day, notice) >= notice
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
        clear_if_today = context.index.clear_working_days(context.as_of, day, notice)
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
    clear = context.index.clear_working_days(paper.published, day, notice)
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


CHECK = Check(
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
        sources=(
            cite("lga-1972-s100b", "agendas and reports open to inspection at least five clear days before a meeting"),
            cite("lanarkshire-links", "papers sent with the agenda at least one week in advance"),
            cite("scie-guide-51", "the accessibility principle"),
            cite("oxfordshire-scie-easy-read", "people need to be given the time to do co-production well"),
        ),
    ),
    run=late_papers,
)
