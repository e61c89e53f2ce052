"""AC010 unexplained-jargon: finds agenda items and paper titles that use a term from the policy's ``jargon`` list
(CQC, ICB, KPI, ASC...) with no plain-language explanation.

The rule (:func:`unexplained_jargon`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC010.md`` is generated from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from coproduction.checks.accessibility._common import (
    _JUDGED,
    _join,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.meeting import AgendaItem, Paper
from coproduction.policy import Severity


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


def _bare(titled: AgendaItem | Paper) -> bool:
    """Whether an agenda item or paper has no explanation recorded."""
    return not (titled.explanation and titled.explanation.strip())


def unexplained_jargon(context: CheckContext) -> Iterator[Flag]:
    jargon = dict(context.policy.jargon)
    if not jargon:
        return
    terms = _jargon_terms(tuple(sorted(jargon.items())))
    meetings = context.index.meetings_not_cancelled()
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


CHECK = Check(
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
            cite("scie-guide-51", "the accessibility principle"),
            cite("oxfordshire-scie-easy-read", "the Easy Read way of writing"),
            cite("lanarkshire-links", "minutes in easy to read plain English"),
        ),
    ),
    run=unexplained_jargon,
)
