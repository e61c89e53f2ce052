"""What the board report says, in plain English or in Easy Read: a page of sections and blocks that the HTML and
Markdown renderers lay out the same way.

A page is ``{"title", "lead", "easy_read", "sections": [{"id", "heading", "blocks": [...]}]}``. A block is one of:

- ``{"type": "paragraph", "text", "strong"}``;
- ``{"type": "list", "items": [text, ...]}``;
- ``{"type": "findings", "items": [{"title", "label", "detail", "next"}]}`` (plain English: what was found, how
  important, what to do next);
- ``{"type": "points", "items": [{"icon", "alt", "lead", "text": [sentence, ...]}]}`` (Easy Read: a picture, a key
  sentence in bold, then short sentences);
- ``{"type": "table", "caption", "header", "rows", "numeric"}``;
- ``{"type": "subheading", "text"}``.

Both versions open with what the report means (house rule: every output a person reads opens with what it means,
in plain words): the summary comes first, the details after it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from coproduction.reports.board import wording

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

#: How many things to fix the Easy Read version lists (the rest are in the plain English version).
EASY_READ_MAX_FIXES = 8
#: How many "you said, we did" examples the Easy Read version gives.
EASY_READ_OUTCOMES = 3

#: Characteristic titles in Easy Read words.
_EASY_CHARACTERISTICS = {
    "age": "age",
    "sex": "being a man or a woman",
    "gender identity": "gender",
    "ethnic group": "race and background",
    "disability": "disability",
    "religion": "religion",
    "sexual orientation": "who people love",
    "unpaid care": "caring for someone",
}


def date_words(iso: str) -> str:
    """``"2026-11-25"`` -> ``"25 November 2026"`` (no locale, so the same on every machine)."""
    day = date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _lower_first(text: str) -> str:
    """``"The group ..."`` -> ``"the group ..."`` (after a colon); a word in capitals ("England") is kept."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[:1].isupper() and first[1:].islower() else text


def _percent(share: float | None) -> str:
    return "no figure" if share is None else f"{round(share * 100)}%"


def _times(count: int, one: str = "time", many: str = "times") -> str:
    return f"{count} {one if count == 1 else many}"


def _listing(items: list[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _clock(hhmm: str) -> str:
    """``"10:00"`` -> ``"10am"``, ``"12:30"`` -> ``"12:30pm"`` (Easy Read times)."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    suffix = "am" if hours < 12 else "pm"
    shown = hours % 12 or 12
    return f"{shown}{'' if minutes == 0 else f':{minutes:02d}'}{suffix}"


def _period_words(report: dict[str, Any]) -> str:
    period = report["period"]
    return f"{date_words(period['start'])} to {date_words(period['end'])}"


def _needs_work(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in report["principles"] if p["items"]]


def _went_well(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in report["principles"] if not p["items"]]


def _where(item: dict[str, Any]) -> str:
    subjects = item["subjects"]
    pieces = []
    if subjects.get("meeting"):
        pieces.append("at " + _times(subjects["meeting"], "meeting", "meetings"))
    if subjects.get("member"):
        pieces.append("for " + _times(subjects["member"], "member", "members"))
    if subjects.get("group"):
        pieces.append("for the group as a whole")
    return f", {_listing(pieces)}" if pieces else ""


# -- Plain English ---------------------------------------------------------------------------------------------


def standard(report: dict[str, Any]) -> dict[str, Any]:
    """The plain English version: summary, what needs work, what went well, meetings, diversity, next meetings."""
    name = report["group"]["name"]
    return {
        "title": f"{name}: co-production report",
        "lead": (
            f"How well {name} worked with people in the {report['period']['months']} months to "
            f"{date_words(report['as_of'])}, and what to do next."
        ),
        "easy_read": False,
        "sections": [
            {"id": "summary", "heading": "Summary", "blocks": _summary(report)},
            {"id": "needs-work", "heading": "What needs work, and what to do next", "blocks": _findings(report)},
            {"id": "went-well", "heading": "What went well", "blocks": _well(report)},
            {"id": "meetings", "heading": "Meetings and involvement", "blocks": _meetings(report)},
            {
                "id": "diversity",
                "heading": f"Who is on the group, compared with {report['diversity']['area']}",
                "blocks": _diversity(report),
            },
            {"id": "next-meetings", "heading": "Next meetings and their access arrangements", "blocks": _next(report)},
            {"id": "about", "heading": "About this report", "blocks": _about(report)},
        ],
    }


def _headline(report: dict[str, Any]) -> str:
    counts = report["counts"]
    total = sum(counts.values())
    if not total:
        return "The checks found nothing that needs work in this period."
    parts = []
    for severity, words in (("error", "need action now"), ("warning", "need attention"), ("info", "are worth a look")):
        if counts.get(severity):
            parts.append(f"{counts[severity]} {words}")
    top = _needs_work(report)[0]
    first = top["items"][0]
    return (
        f"The checks found {_times(total, 'thing', 'things')} that need work: {_listing(parts)}. "
        f"The most important is under {top['heading'].lower()}: {first['title'].lower()}."
    )


def _summary(report: dict[str, Any]) -> list[dict[str, Any]]:
    figures = report["figures"]
    attendance = figures["attendance"]
    payments = figures["payments"]
    name = report["group"]["name"]
    blocks: list[dict[str, Any]] = [
        {
            "type": "paragraph",
            "strong": False,
            "text": (
                f"This report is for the members of {name}. It covers {_period_words(report)}, from what the "
                "council's co-production register records, and names no one."
            ),
        },
        {"type": "paragraph", "strong": True, "text": _headline(report)},
    ]
    well = [p["heading"].lower() for p in _went_well(report)]
    if well:
        blocks.append(
            {"type": "paragraph", "strong": False, "text": f"The checks found nothing to fix on {_listing(well)}."}
        )
    items = [
        f"Meetings: {figures['held']} held"
        + (f", {figures['cancelled']} cancelled" if figures["cancelled"] else "")
        + ".",
        f"Attendance: {_percent(attendance['rate'])} of the places of members expected at meetings were filled; "
        f"apologies were sent for {_percent(attendance['apologies_rate'])}.",
        f"Decisions: {figures['decisions_with_lived_experience']} of {figures['decisions']} were made with at least "
        f"{figures['min_lived_experience_for_decisions']} members with lived experience present.",
        f"You said, we did: outcomes are recorded for {len(figures['outcomes'])} of the {figures['input_items']} "
        "agenda items where people with lived experience gave their views.",
        f"Involvement payments: {payments['payment_total']} for people's time and {payments['expenses_total']} in "
        f"expenses; a payment was declined {_times(payments['declined'])}.",
        f"Diversity: {_lower_first(report['diversity']['headline'])}",
    ]
    if report["upcoming"]:
        nxt = report["upcoming"][0]
        where = f", {nxt['venue']}" if nxt["venue"] else ""
        items.append(f"Next meeting: {nxt['weekday']} {date_words(nxt['day'])} at {nxt['start']}{where}.")
    blocks += [{"type": "subheading", "text": "Key figures"}, {"type": "list", "items": items}]
    return blocks


def _findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    principles = _needs_work(report)
    if not principles:
        return [{"type": "paragraph", "strong": False, "text": "Nothing: the checks found no problem."}]
    blocks: list[dict[str, Any]] = [
        {
            "type": "paragraph",
            "strong": False,
            "text": (
                "Principle by principle, the most important first. Each point says how important it is, how often "
                "it was found, and what to do next."
            ),
        }
    ]
    for principle in principles:
        blocks.append({"type": "subheading", "text": principle["heading"]})
        blocks.append(
            {
                "type": "findings",
                "items": [
                    {
                        "title": item["title"],
                        "label": item["severity_words"],
                        "detail": f"Found {_times(item['count'])}{_where(item)}; check {item['code']}.",
                        "next": item["next"],
                    }
                    for item in principle["items"]
                ],
            }
        )
    return blocks


def _well(report: dict[str, Any]) -> list[dict[str, Any]]:
    figures = report["figures"]
    attendance = figures["attendance"]
    items = [f"{p['heading']}: the checks found no problem." for p in _went_well(report)]
    if figures["decisions"] and figures["decisions_with_lived_experience"] == figures["decisions"]:
        items.append("Every decision was made with enough members with lived experience present.")
    if attendance["members_counted"] and not attendance["members_below"]:
        items.append(
            f"Every member expected at {attendance['min_expected']} or more meetings came to at least "
            f"{_percent(attendance['min_rate'])} of them."
        )
    if figures["outcomes"]:
        items.append(
            f"People were told what happened to their views {_times(len(figures['outcomes']))} (you said, we did)."
        )
    if not items:
        return [{"type": "paragraph", "strong": False, "text": "Every principle has something to work on."}]
    return [{"type": "list", "items": items}]


def _meetings(report: dict[str, Any]) -> list[dict[str, Any]]:
    figures = report["figures"]
    attendance = figures["attendance"]
    payments = figures["payments"]
    rows = [
        ["Members on the last day", str(figures["current_members"])],
        ["Members with lived experience", str(figures["lived_experience_members"])],
        ["Meetings held", str(figures["held"])],
        ["Meetings cancelled", str(figures["cancelled"])],
        ["Past meetings not yet recorded as held", str(figures["not_recorded"])],
        ["Places filled (present)", _percent(attendance["rate"])],
        ["Apologies sent", _percent(attendance["apologies_rate"])],
        [
            f"Members at fewer than {_percent(attendance['min_rate'])} of their meetings",
            f"{attendance['members_below']} of {attendance['members_counted']}",
        ],
        ["Decisions made", str(figures["decisions"])],
        ["Decisions made with lived experience present", str(figures["decisions_with_lived_experience"])],
        ["Items with lived-experience input", str(figures["input_items"])],
        ["Outcomes recorded (you said, we did)", str(len(figures["outcomes"]))],
        ["Involvement payments", f"{payments['payments']}, totalling {payments['payment_total']}"],
        ["Expenses paid", f"{payments['expenses']}, totalling {payments['expenses_total']}"],
        ["Payments declined", str(payments["declined"])],
    ]
    blocks: list[dict[str, Any]] = [
        {
            "type": "paragraph",
            "strong": False,
            "text": (
                "Attendance is counted in places: one member expected at one meeting. Members are counted only "
                "as rates and totals; nobody is named for low attendance, and payments are totals, not what any "
                "one person received."
            ),
        },
        {
            "type": "table",
            "caption": f"Meetings, attendance, decisions and payments, {_period_words(report)}",
            "header": ["Measure", "Figure"],
            "rows": rows,
            "numeric": [1],
        },
        {"type": "subheading", "text": "You said, we did"},
    ]
    outcomes = figures["outcomes"]
    if outcomes:
        blocks.append(
            {
                "type": "list",
                "items": [f"{o['text']} ({o['item']}, {date_words(o['meeting_day'])})" for o in reversed(outcomes)],
            }
        )
    else:
        blocks.append({"type": "paragraph", "strong": False, "text": "No outcome was recorded in this period."})
    missing = figures["input_items"] - len(outcomes)
    if missing > 0:
        blocks.append(
            {
                "type": "paragraph",
                "strong": False,
                "text": f"{_times(missing, 'item still has', 'items still have')} no outcome recorded.",
            }
        )
    return blocks


def _diversity(report: dict[str, Any]) -> list[dict[str, Any]]:
    diversity = report["diversity"]
    blocks: list[dict[str, Any]] = [
        {"type": "paragraph", "strong": i == 1, "text": text} for i, text in enumerate(diversity["summary"])
    ]
    blocks.append({"type": "paragraph", "strong": False, "text": diversity["notice"]})
    for item in diversity["characteristics"]:
        blocks.append({"type": "subheading", "text": item["title"]})
        blocks.append({"type": "paragraph", "strong": False, "text": item["finding"]})
        blocks.append(
            {
                "type": "table",
                "caption": f"{item['title']}: members against the population",
                "header": diversity["headers"],
                "rows": item["rows"],
                "numeric": [1, 2, 3],
            }
        )
    return blocks


def _access_items(meeting: dict[str, Any]) -> list[str]:
    items = []
    if meeting["venue"]:
        address = f", {meeting['address']}" if meeting["address"] else ""
        items.append(f"Where: {meeting['venue']}{address}.")
    mode_words = {"in-person": "in person", "online": "online only", "hybrid": "in person and online"}
    items.append(f"How: {mode_words.get(meeting['mode'], meeting['mode'])}.")
    if meeting["features"]:
        features = [wording.ACCESS_WORDS.get(f, f) for f in meeting["features"]]
        items.append(f"At the venue: {_listing(features)}.")
    items.append(f"British Sign Language interpreters: {meeting['bsl_interpreters'] or 'none booked'}.")
    items.append(f"Captions: {'yes' if meeting['captions'] else 'no'}.")
    items.append(f"Breaks: {meeting['breaks'] or 'none'} scheduled.")
    if meeting["paper_formats"]:
        formats = [wording.ACCESS_WORDS.get(f, f) for f in meeting["paper_formats"]]
        items.append(f"Papers: {_listing(formats)}.")
    return items


def _next(report: dict[str, Any]) -> list[dict[str, Any]]:
    if not report["upcoming"]:
        text = f"No meeting is scheduled after {date_words(report['as_of'])}."
        return [{"type": "paragraph", "strong": False, "text": text}]
    blocks: list[dict[str, Any]] = []
    for meeting in report["upcoming"]:
        heading = f"{meeting['weekday']} {date_words(meeting['day'])}, {meeting['start']} to {meeting['end']}"
        blocks.append({"type": "subheading", "text": heading})
        blocks.append({"type": "list", "items": _access_items(meeting)})
    return blocks


def _about(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "type": "paragraph",
            "strong": False,
            "text": (
                f"Made by the coproduction library's report command for the group '{report['group']['id']}', "
                f"as of {date_words(report['as_of'])}, with the policy '{report['policy']}'. The checks of "
                "co-production's principles are explained one page each in the library's documentation (docs/checks); "
                "what to do next is each check's own advice."
            ),
        },
        {
            "type": "paragraph",
            "strong": False,
            "text": (
                "The diversity figures are the publishable audit's (coproduction audit --publishable): counts from 1 "
                'to 4 are shown as "fewer than 5", so that no one can be picked out.'
            ),
        },
    ]


# -- Easy Read -------------------------------------------------------------------------------------------------


def easy_read(report: dict[str, Any]) -> dict[str, Any]:
    """The Easy Read version: short sentences, one idea each, common words, a picture beside each point."""
    name = report["group"]["name"]
    sections = [
        {"id": "summary", "heading": "The main points", "blocks": [_points(_easy_summary(report))]},
        {"id": "needs-work", "heading": "What we need to fix", "blocks": _easy_fixes(report)},
        {"id": "went-well", "heading": "What went well", "blocks": [_points(_easy_well(report))]},
        {"id": "meetings", "heading": "Our meetings", "blocks": [_points(_easy_meetings(report))]},
        {"id": "diversity", "heading": "Who is in the group", "blocks": [_points(_easy_diversity(report))]},
        {"id": "next-meetings", "heading": "The next meeting", "blocks": [_points(_easy_next(report))]},
    ]
    words = _easy_words(report, sections)
    if words:
        sections.append({"id": "words", "heading": "Hard words", "blocks": [_points(words)]})
    return {
        "title": f"{name}: how we are doing",
        "lead": f"An Easy Read report for {date_words(report['as_of'])}.",
        "easy_read": True,
        "sections": sections,
    }


def _points(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "points", "items": items}


def _point(icon: str, alt: str, lead: str, *text: str) -> dict[str, Any]:
    return {"icon": icon, "alt": alt, "lead": lead, "text": [t for t in text if t]}


def _easy_summary(report: dict[str, Any]) -> list[dict[str, Any]]:
    # Things to fix are counted as the Easy Read list shows them: one per kind of problem (one check), however
    # often it was found.
    items = [item for p in _needs_work(report) for item in p["items"]]
    total = len(items)
    now = sum(1 for item in items if item["severity"] == "error")
    rate = report["figures"]["attendance"]["rate"]
    points = [
        _point(
            "report",
            "A report",
            f"This report is about the {report['group']['name']}.",
            f"It looks at the last {_times(report['period']['months'], 'month', 'months')}.",
            "It does not name anyone.",
        ),
        _point(
            "together",
            "People working together",
            "Co-production means we work together as equals.",
            "People who use help and staff plan things together.",
        ),
    ]
    if total:
        points.append(
            _point(
                "fix-now" if now else "fix-soon",
                "Things to fix",
                f"We found {_times(total, 'thing', 'things')} to fix.",
                f"{_times(now, 'thing needs', 'things need')} fixing now." if now else "",
            )
        )
    else:
        points.append(_point("tick", "Good news", "We found nothing to fix."))
    well = len(_went_well(report))
    if well:
        points.append(_point("tick", "Good news", f"{_times(well, 'part', 'parts')} of our work had no problems."))
    if rate is not None:
        points.append(_point("people", "People at a meeting", _easy_rate(rate)))
    return points


def _easy_money(amount: str) -> str:
    """``"£3,000.00"`` -> ``"£3,000"``; pence are kept when there are any (``"£708.20"``)."""
    return amount[:-3] if amount.endswith(".00") else amount


def _easy_rate(rate: float) -> str:
    tenths = round(rate * 10)
    if tenths >= 10:
        return "Almost everyone came to our meetings."
    return f"About {tenths} in every 10 people came to our meetings."


_SEVERITY_ICONS = {"error": "fix-now", "warning": "fix-soon", "info": "look"}


def _easy_fixes(report: dict[str, Any]) -> list[dict[str, Any]]:
    items = [item for p in _needs_work(report) for item in p["items"]]
    if not items:
        return [_points([_point("tick", "Good news", "We found nothing to fix.")])]
    items.sort(key=lambda i: ({"error": 0, "warning": 1, "info": 2}.get(i["severity"], 3), -i["count"], i["code"]))
    shown = items[:EASY_READ_MAX_FIXES]
    points = []
    for item in shown:
        words = wording.SEVERITY_WORDS.get(item["severity"], ("", "Good to look at"))[1]
        points.append(
            _point(
                _SEVERITY_ICONS.get(item["severity"], "look"),
                words,
                item["easy_found"],
                f"{words}.",
                f"What to do: {item['easy_do']}",
            )
        )
    blocks = [_points(points)]
    rest = len(items) - len(shown)
    if rest:
        blocks.append(
            _points(
                [
                    _point(
                        "report",
                        "The full report",
                        f"There {'is' if rest == 1 else 'are'} {_times(rest, 'more thing', 'more things')} to look at.",
                        "They are in the full report.",
                    )
                ]
            )
        )
    return blocks


def _easy_well(report: dict[str, Any]) -> list[dict[str, Any]]:
    figures = report["figures"]
    points = [
        _point("tick", "Good news", f"{p['easy_heading']}: we found no problems.", p["easy_meaning"])
        for p in _went_well(report)
    ]
    if figures["decisions"] and figures["decisions_with_lived_experience"] == figures["decisions"]:
        points.append(_point("choice", "Making a choice", "People who use help were there for every choice we made."))
    if figures["outcomes"]:
        points.append(_point("speech", "Talking", "We told you what we did with your ideas."))
    if not points:
        points.append(_point("look", "Good to look at", "Every part of our work has something to fix."))
    return points


def _split_outcome(text: str) -> list[str]:
    """A "you said, we did" text as short sentences: split at ";" and ".", each with a capital and a full stop."""
    out = []
    for piece in re.split(r";\s*|(?<=[.!?])\s+", text.strip()):
        piece = piece.strip().rstrip(".")
        if piece:
            out.append(piece[:1].upper() + piece[1:] + ".")
    return out


def _easy_meetings(report: dict[str, Any]) -> list[dict[str, Any]]:
    figures = report["figures"]
    payments = figures["payments"]
    points = [
        _point(
            "calendar",
            "A calendar",
            f"We had {_times(figures['held'], 'meeting', 'meetings')}.",
            f"{_times(figures['cancelled'], 'meeting was', 'meetings were')} called off."
            if figures["cancelled"]
            else "",
        )
    ]
    if figures["attendance"]["rate"] is not None:
        points.append(_point("people", "People at a meeting", _easy_rate(figures["attendance"]["rate"])))
    if figures["decisions"]:
        points.append(
            _point(
                "choice",
                "Making a choice",
                f"We made {_times(figures['decisions'], 'choice', 'choices')}.",
                f"People who use help were there for {figures['decisions_with_lived_experience']} of them.",
            )
        )
    if figures["input_items"]:
        points.append(
            _point(
                "speech",
                "Talking",
                f"You told us your ideas {_times(figures['input_items'])}.",
                f"We did something about {len(figures['outcomes'])} of them.",
            )
        )
    for outcome in list(reversed(figures["outcomes"]))[:EASY_READ_OUTCOMES]:
        points.append(_point("speech", "You said, we did", "You said, we did.", *_split_outcome(outcome["text"])))
    points.append(
        _point(
            "money",
            "Money",
            f"We paid people {_easy_money(payments['payment_total'])} for their time.",
            f"We paid {_easy_money(payments['expenses_total'])} for travel and other costs.",
            "Some people said no to pay. That is OK." if payments["declined"] else "",
        )
    )
    return points


def _easy_diversity(report: dict[str, Any]) -> list[dict[str, Any]]:
    diversity = report["diversity"]

    def easy(titles: list[str]) -> str:
        return _listing([_EASY_CHARACTERISTICS.get(t, t) for t in titles])

    points = [
        _point(
            "people",
            "A group of people",
            "We looked at who is in the group.",
            f"We compared the group with all the people in {diversity['area']}.",
        )
    ]
    if diversity["reflects"]:
        points.append(
            _point(
                "tick",
                "Good news",
                f"The group is a lot like {diversity['area']}.",
                *(f"This is true for {easy([title])}." for title in diversity["reflects"]),
            )
        )
    if diversity["with_gaps"]:
        points.append(
            _point(
                "fix-soon",
                "Fix this soon",
                "Some kinds of people are missing.",
                f"We need more people for {easy(diversity['with_gaps'])}.",
            )
        )
    if diversity["cannot_judge"]:
        points.append(
            _point(
                "lock",
                "A lock",
                "Some numbers are too small to show.",
                "This keeps people private.",
            )
        )
    return points


def _easy_next(report: dict[str, Any]) -> list[dict[str, Any]]:
    if not report["upcoming"]:
        return [_point("calendar", "A calendar", "We do not have a date for the next meeting yet.")]
    meeting = report["upcoming"][0]
    points = [
        _point(
            "calendar",
            "A calendar",
            f"The next meeting is on {meeting['weekday']} {date_words(meeting['day'])}.",
            f"It starts at {_clock(meeting['start'])}.",
            f"It ends at {_clock(meeting['end'])}.",
        )
    ]
    if meeting["venue"]:
        points.append(_point("place", "A map pin", f"It is at {meeting['venue']}."))
    access = [wording.ACCESS_EASY[f] for f in meeting["features"] if f in wording.ACCESS_EASY]
    if meeting["bsl_interpreters"]:
        access.append(
            f"There will be {_times(meeting['bsl_interpreters'], 'sign language helper', 'sign language helpers')}."
        )
    if meeting["captions"]:
        access.append("There will be words on the screen.")
    if meeting["breaks"]:
        access.append(f"There will be {_times(meeting['breaks'], 'break', 'breaks')}.")
    if meeting["online"]:
        access.append("You can join on a screen from home.")
    if access:
        points.append(_point("access", "Help to take part", "Help at the meeting:", *access))
    formats = [wording.FORMATS_EASY.get(f, f) for f in meeting["paper_formats"] if f != "standard"]
    if formats:
        points.append(_point("report", "Papers", f"Papers come in {_listing(formats)}."))
    return points


def page_text(page: dict[str, Any]) -> str:
    """Every sentence a page's sections say, one block to a line (headings left out): what readability is
    measured on and what the jargon test reads."""
    lines: list[str] = []
    for section in page["sections"]:
        for block in section["blocks"]:
            kind = block["type"]
            if kind == "paragraph":
                lines.append(block["text"])
            elif kind == "list":
                lines.extend(block["items"])
            elif kind == "points":
                for item in block["items"]:
                    lines.append(" ".join([item["lead"], *item["text"]]))
            elif kind == "findings":
                for item in block["items"]:
                    lines.append(" ".join([item["title"] + ".", item["label"] + ".", item["detail"], item["next"]]))
            elif kind == "table":
                lines.append(block["caption"])
                lines.extend(" ".join(row) for row in block["rows"])
    return "\n".join(lines)


def _easy_words(report: dict[str, Any], sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A point for each term of the policy's jargon list that the Easy Read text uses (from the register's own
    words: a venue, an outcome), saying what it means."""
    text = page_text({"sections": sections})
    points = []
    for term, meaning in report["jargon"].items():
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text):
            points.append(_point("words", "A book of words", f"{term} means {meaning}."))
    return points
