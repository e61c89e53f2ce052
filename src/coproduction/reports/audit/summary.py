"""The report's opening in plain words: what the audit found, the largest gaps, and whom to recruit (issue 10).

Every format opens with this summary, before any table. It is written from the report structure alone (the
figures :func:`coproduction.reports.audit.model.build_report` has already decided may be shown), so the
publishable summary can say nothing its own tables do not. It names no internal key, enum value or index: those
stay in the "How these figures were worked out" section at the end.

Wording:

* a characteristic **reflects** the area when at least one of its categories is judged and none has a gap;
* it **has gaps** when a category has fewer than the policy's share (half, by default) of the members expected
  from the population, where enough are expected to judge (DV001, docs/checks/DV001.md);
* the **largest gaps** are those furthest under their expected count (in a publishable report, by the least
  shortfall the published figures allow), at most :data:`LARGEST`;
* the **targets** are the recruitment plan's, or, when the plan cannot be published, the fewest members each
  gap needs on its own as far as the published figures show.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from coproduction.audit.suppression import CellStatus

#: How many gaps the summary names with their numbers.
LARGEST = 3

REFLECTS = "reflects"
GAPS = "gaps"
UNCLEAR = "unclear"
TOO_FEW = "too-few-to-judge"
NOT_COMPARED = "not-compared"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_FRACTION_WORDS = {
    Fraction(1, 2): "half",
    Fraction(1, 3): "a third of",
    Fraction(2, 3): "two thirds of",
    Fraction(1, 4): "a quarter of",
    Fraction(3, 4): "three quarters of",
    Fraction(1): "all of",
}


def cell_text(cell: dict[str, Any], threshold: int) -> str:
    """How a count reads: the number, "fewer than 5", "not shown" or "not published"."""
    if cell["suppressed"] is None:
        return str(cell["count"])
    if cell["suppressed"] == CellStatus.SMALL.value:
        return f"fewer than {threshold}"
    if cell["suppressed"] == CellStatus.NOT_PUBLISHED.value:
        return "not published"
    return "not shown"


def listing(items: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def capital(text: str) -> str:
    """``text`` with its first letter in capitals (the rest left as it is)."""
    return text[:1].upper() + text[1:]


def date_words(iso: str) -> str:
    """``"2026-11-25"`` -> ``"25 November 2026"`` (no locale, so the same on every machine)."""
    day = date.fromisoformat(iso)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def ratio_words(ratio: float) -> str:
    """The policy's ratio as words before "the members expected": 0.5 -> "half", 0.8 -> "80% of"."""
    exact = Fraction(repr(ratio))
    return _FRACTION_WORDS.get(exact, f"{float(exact) * 100:g}% of")


def people(count: float, one: str = "member", many: str = "members") -> str:
    """``"1 member"``, ``"3 members"``."""
    return f"{count:g} {one if count == 1 else many}"


def expected_words(value: float) -> str:
    """An expected count to one decimal place, as the summary gives it."""
    return f"{value:.1f}"


def kind(item: dict[str, Any]) -> str:
    """How one characteristic stands: reflects the area, has gaps, cannot be judged from this version (some
    conclusions hidden), too few expected to judge, or not compared (no population figures)."""
    if item["baseline"] is None:
        return NOT_COMPARED
    statuses = {row["status"] for row in item["rows"]}
    if "under-represented" in statuses:
        return GAPS
    if "not-shown" in statuses:
        return UNCLEAR
    if "within-tolerance" in statuses:
        return REFLECTS
    return TOO_FEW


def _area(report: dict[str, Any]) -> str:
    return str(report["baseline"]["area"])


def _gap_rows(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [row for row in item["rows"] if row["status"] == "under-represented"]


def finding(item: dict[str, Any], report: dict[str, Any]) -> str:
    """One sentence on one characteristic, for the top of its section."""
    area = _area(report)
    title = item["title"].lower()
    found = kind(item)
    if found == NOT_COMPARED:
        return f"Not compared: there are no population figures on {title} for {area}."
    if found == GAPS:
        gaps = _gap_rows(item)
        head = "A gap" if len(gaps) == 1 else "Gaps"
        fewer = listing([f"fewer members {row['phrase']}" for row in gaps])
        return f"{head}: {fewer} than the population of {area} would lead you to expect."
    if found == UNCLEAR:
        return (
            "Not every category can be judged from this version, because some counts are too small to publish. "
            "No gap can be seen in the figures shown."
        )
    if found == REFLECTS:
        return f"No gap: the group broadly reflects {area} on {title}."
    return "Too few members would be expected in any category to judge a group of this size."


def gaps_ranked(report: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every (characteristic, row) with a gap, furthest under its expected count first (then report order)."""
    found = [
        (position, item, row)
        for position, (item, row) in enumerate(
            (item, row) for item in report["characteristics"] for row in _gap_rows(item)
        )
    ]
    found.sort(key=lambda entry: (-(entry[2]["shortfall"] or 0.0), entry[0]))
    return [(item, row) for _, item, row in found]


def gap_words(row: dict[str, Any], report: dict[str, Any]) -> str:
    """``"members who are male (4 against 14.7 expected)"``, in the numbers this version may show."""
    threshold = report["policy"]["suppression_threshold"]
    count = row["count"]
    expected = row["expected"]
    portion = ratio_words(report["policy"]["min_representation_ratio"])
    if count["suppressed"] is None or count["suppressed"] == CellStatus.SMALL.value:
        counted = cell_text(count, threshold)
        numbers = (
            f"{counted} against {expected_words(expected)} expected"
            if expected is not None
            else f"{counted}, under {portion} the number expected"
        )
    elif expected is not None:
        numbers = f"under {portion} the {expected_words(expected)} expected"
    else:
        numbers = f"under {portion} the number expected"
    return f"members {row['phrase']} ({numbers})"


def _close(targets: int) -> str:
    return "To close this gap" if targets == 1 else "To close these gaps"


def _targets_from_plan(recruitment: dict[str, Any]) -> str:
    words = [target["words"] for target in recruitment["targets"]]
    text = f"{_close(len(words))}, recruit at least {listing(words)}."
    additions = recruitment["additions"]
    if len(words) > 1 or recruitment["targets"][0]["at_least"] != additions:
        text += (
            f" {people(additions, 'new person', 'new people')} could cover all of these, as one person can meet "
            "several."
        )
    incomplete = recruitment.get("incomplete") or []
    if incomplete:
        text += (
            f" Many members have not answered about {listing([t.lower() for t in incomplete])}, so this rests on "
            "few answers: ask members to complete their monitoring before relying on it."
        )
    return text


def _targets_from_rows(ranked: list[tuple[dict[str, Any], dict[str, Any]]], published: bool) -> str:
    needs = []
    for _, row in ranked:
        at_least = row["additions_needed_at_least"]
        if at_least:
            noun = "member" if at_least == 1 else "members"
            needs.append(f"{at_least} more {noun} {row['phrase']}")
    if not needs:
        return ""
    text = f"{_close(len(needs))}, recruit at least {listing(needs)}."
    if published:
        text += (
            " These are the fewest each gap needs on its own, as far as the figures in this version show; the "
            "internal report has the full plan."
        )
    return text


def targets_sentence(report: dict[str, Any], ranked: list[tuple[dict[str, Any], dict[str, Any]]]) -> str:
    recruitment = report["recruitment"]
    if recruitment["published"]:
        if recruitment["feasible"] and recruitment["target_size"] is None:
            if not recruitment["targets"]:
                return "No recruitment is needed to close a gap."
            return _targets_from_plan(recruitment)
        return str(recruitment["sentence"])
    if not ranked:
        return ""
    return _targets_from_rows(ranked, report["mode"] == "publishable")


def _verb(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def build_summary(report: dict[str, Any]) -> dict[str, Any]:
    """The summary object of the report (``report["summary"]``): its sentences, and the characteristics and
    gaps they speak of, for scripts."""
    area = _area(report)
    members = report["members"]
    threshold = report["policy"]["suppression_threshold"]
    name = report["group"]["name"]
    when = date_words(report["as_of"])
    description = report["baseline"]["description"]
    population = f"the population of {area}" + (f" ({description})" if description else "")
    kinds = {item["characteristic"]: kind(item) for item in report["characteristics"]}

    def titles(wanted: str) -> list[str]:
        return [item["title"].lower() for item in report["characteristics"] if kinds[item["characteristic"]] == wanted]

    ranked = gaps_ranked(report)
    largest = ranked[:LARGEST]
    paragraphs: list[str] = []
    headline = ""
    if members["suppressed"] is not None:
        paragraphs.append(
            f"{name} has fewer than {threshold} members, so this version publishes no breakdown of them: "
            "numbers this small could identify people."
        )
    elif members["count"] == 0:
        paragraphs.append(f"{name} had no current members on {when}, so there is nothing to compare.")
    else:
        paragraphs.append(f"{name} had {people(members['count'])} on {when}, compared here with {population}.")
        headline = _headline(area, titles, ranked)
        paragraphs.append(headline)
        if largest:
            head = "The largest gaps" if len(largest) > 1 else "The gap"
            if len(ranked) > len(largest):
                head += f" (of {len(ranked)})"
            paragraphs.append(f"{head}: " + "; ".join(gap_words(row, report) for _, row in largest) + ".")
        targets = targets_sentence(report, ranked)
        if targets:
            paragraphs.append(targets)
        paragraphs.append(
            f"A gap means fewer than {ratio_words(report['policy']['min_representation_ratio'])} the members that "
            f"the population of {area} would lead you to expect, counting members who answered, where at least "
            f"{people(report['policy']['min_expected_count'])} would be expected. How the figures were worked "
            "out, and where they come from, is explained at the end."
        )
    return {
        "paragraphs": paragraphs,
        "headline": headline,
        "reflects": titles(REFLECTS),
        "with_gaps": titles(GAPS),
        "cannot_judge_from_this_version": titles(UNCLEAR),
        "too_few_to_judge": titles(TOO_FEW),
        "not_compared": titles(NOT_COMPARED),
        "largest_gaps": [
            {
                "characteristic": item["characteristic"],
                "category": row["category"],
                "label": row["label"],
                "words": gap_words(row, report),
                "count": row["count"],
                "expected": row["expected"],
                "shortfall": row["shortfall"],
                "additions_needed": row["additions_needed"],
                "additions_needed_at_least": row["additions_needed_at_least"],
            }
            for item, row in largest
        ],
        "gaps": len(ranked),
    }


def _headline(area: str, titles: Any, ranked: list[tuple[dict[str, Any], dict[str, Any]]]) -> str:
    reflects, gaps = titles(REFLECTS), titles(GAPS)
    unclear, too_few, not_compared = titles(UNCLEAR), titles(TOO_FEW), titles(NOT_COMPARED)
    fewer = [f"fewer members {row['phrase']}" for _, row in ranked[:LARGEST]]
    fewer_text = listing(fewer)
    if gaps and reflects:
        sentences = [f"The group broadly reflects {area} on {listing(reflects)}, but has {fewer_text} than the area."]
    elif gaps:
        sentences = [f"The group has {fewer_text} than {area}."]
    elif reflects and not unclear:
        sentences = [
            f"The group broadly reflects {area} on every characteristic that could be compared: "
            f"{listing(reflects)}."
        ]
    elif reflects:
        sentences = [f"The group broadly reflects {area} on {listing(reflects)}."]
    else:
        sentences = [f"Nothing could be judged against {area}."]
    more = len(ranked) - LARGEST
    if more > 0:
        sentences.append(
            f"There {_verb(more, 'is', 'are')} {more} more {_verb(more, 'gap', 'gaps')}, shown in "
            "the tables below."
        )
    if unclear:
        sentences.append(
            f"{capital(listing(unclear))} cannot be fully judged from this version, because some counts are too "
            "small to publish."
        )
        if not gaps:
            sentences.append("No gap can be seen in the published figures.")
    if too_few:
        sentences.append(
            f"On {listing(too_few)}, too few members would be expected in any category to judge a group of this size."
        )
    if not_compared:
        count = len(not_compared)
        sentences.append(
            f"{capital(listing(not_compared))} {_verb(count, 'was', 'were')} counted but not compared: there are no "
            f"population figures on {_verb(count, 'it', 'them')} for {area}."
        )
    return " ".join(sentences)
