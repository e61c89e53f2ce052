"""Words and numbers shared by the text, Markdown and HTML renderers, so that they all read the same.

The report a board reads opens with what the audit found (:mod:`coproduction.reports.audit.summary`) and keeps
internal names (the baseline's and group's keys, policy settings, the name of the diversity index) for the last
section, "How these figures were worked out" (:data:`METHODS_TITLE`), where each is explained in plain words.
"""

from __future__ import annotations

from typing import Any

from coproduction.reports.audit.model import cell_text
from coproduction.reports.audit.summary import (
    date_words,
    gaps_ranked,
    listing,
    people,
    ratio_words,
    targets_sentence,
)

SUMMARY_TITLE = "What the audit found"
RECRUITMENT_TITLE = "Whom to recruit"
CROSS_TITLE = "Lived experience and other members"
METHODS_TITLE = "How these figures were worked out"

#: Table headings for each characteristic's categories.
HEADERS = (
    "Category",
    "Members",
    "Share of those who answered",
    "Share of population",
    "Expected",
    "Ratio to expected",
    "Finding",
    "More needed",
)

STATUS_WORDS = {
    "under-represented": "Gap",
    "within-tolerance": "No gap",
    "not-judged": "Too few expected to judge",
    "no-baseline": "Not compared",
    "not-shown": "Not shown",
}


def percent(value: float | None) -> str:
    """``0.0962`` -> ``"9.6%"``; ``None`` -> ``"-"``."""
    if value is None:
        return "-"
    text = f"{value * 100:.1f}"
    return f"{text[:-2] if text.endswith('.0') else text}%"


def number(value: float | None, places: int = 2) -> str:
    """``14.6937`` -> ``"14.69"``; ``None`` -> ``"-"``."""
    if value is None:
        return "-"
    return f"{value:.{places}f}"


def count(cell: dict[str, Any], report: dict[str, Any]) -> str:
    """A count as this version may show it: the number, "fewer than 5", "not shown" or "not published"."""
    return cell_text(cell, report["policy"]["suppression_threshold"])


def status(value: str) -> str:
    """A row's finding in words ("Gap", "No gap"...) rather than its key."""
    return STATUS_WORDS.get(value, value)


def needed(row: dict[str, Any]) -> str:
    """Members needed to close a row's gap: the number, "at least N" (publishable, see
    :mod:`coproduction.audit.implied`), or "-"."""
    if row["additions_needed"] is not None:
        return str(row["additions_needed"])
    at_least = row.get("additions_needed_at_least")
    return "-" if at_least is None else f"at least {at_least}"


def title(report: dict[str, Any]) -> str:
    """The report's title: ``Diversity audit: <group name>``."""
    return f"Diversity audit: {report['group']['name']}"


def category_rows(item: dict[str, Any], report: dict[str, Any]) -> list[list[str]]:
    """One characteristic's table, as text cells under :data:`HEADERS`."""
    return [
        [
            row["label"],
            count(row["count"], report),
            percent(row["share"]),
            percent(row["baseline_share"]),
            number(row["expected"]),
            number(row["ratio"]),
            status(row["status"]),
            needed(row),
        ]
        for row in item["rows"]
    ]


def completeness_line(item: dict[str, Any], report: dict[str, Any]) -> str:
    """How many answered, preferred not to say, and have no answer recorded."""
    c = item["completeness"]
    return (
        f"Answered: {count(c['answered'], report)}; preferred not to say: {count(c['prefer_not_to_say'], report)}; "
        f"no answer recorded: {count(c['not_known'], report)}."
    )


def source_words(item: dict[str, Any]) -> str:
    """A source's name for a reader: ``Ethnic group (Census 2021 table TS021)``."""
    source = item["baseline"]
    name = source["title"] or source["table"] or "source"
    if source["title"] and source["table"]:
        name += f" (table {source['table']})"
    return str(name)


def source_after(item: dict[str, Any]) -> str:
    """What follows a source's name: its release date and the population it covers."""
    source = item["baseline"]
    parts = []
    if source["released"]:
        parts.append(f"released {date_words(source['released'])}")
    if source["population"]:
        parts.append(str(source["population"]))
    return "; ".join(parts)


def compared_as_line(item: dict[str, Any]) -> str:
    """When the source is coarser than the audit's categories: which groups of categories were compared."""
    source = item["baseline"]
    if source is None or not source.get("compared_as"):
        return ""
    labels = [unit["label"] for unit in source["compared_as"]]
    quoted = listing([f'"{label}"' for label in labels])
    return f"The source gives figures only for {quoted}, so members are counted and compared in those groups."


def note_line(item: dict[str, Any]) -> str:
    """The source's note on how its figures were read (which measure, what rounding), if any."""
    source = item["baseline"]
    return "" if source is None or not source.get("note") else str(source["note"])


def recruitment_lines(report: dict[str, Any]) -> list[str]:
    """The recruitment section's sentences: the plan; or, where it cannot be published, the fewest members each
    gap needs as far as the published figures show; or why there is nothing to say."""
    recruitment = report["recruitment"]
    if recruitment["published"]:
        return [recruitment["sentence"]]
    targets = targets_sentence(report, gaps_ranked(report))
    if targets:
        return [targets]
    return [str(recruitment["sentence"]) or "No recruitment plan was asked for."]


def cross_withheld_lines(report: dict[str, Any]) -> list[str]:
    """Why splits by lived experience were not published: one line per reason, naming the characteristics."""
    reasons: dict[str, list[str]] = {}
    for cross in report["cross_tabulations"]:
        if not cross["published"]:
            reasons.setdefault(str(cross["reason"]), []).append(cross["title"])
    lines = []
    for reason, names in reasons.items():
        listed = listing([names[0], *(name.lower() for name in names[1:])])
        lines.append(f"{listed}: not published, because {reason}.")
    return lines


# --- How these figures were worked out ---------------------------------------------------------------------------


def methods_paragraphs(report: dict[str, Any]) -> list[str]:
    """The methods section in plain words; technical terms and internal names are explained here, and only here."""
    policy = report["policy"]
    baseline = report["baseline"]
    group = report["group"]
    portion = ratio_words(policy["min_representation_ratio"])
    described = f", {baseline['description']}" if baseline["description"] else ""
    paragraphs = [
        f"Members: the current members of {group['name']} (\"{group['id']}\" in the register) on "
        f"{date_words(report['as_of'])}, by their answers to the equality monitoring questions.",
        f"Population: {baseline['area']}{described} (the baseline named \"{baseline['name']}\"). Each "
        "characteristic's source is listed below.",
        "Shares: a category's share is of the members who answered. Members who preferred not to say and members "
        "with no answer recorded are left out, as the census figures leave out people who did not answer the "
        "question.",
        "Expected: the population's share of a category times the number of members who answered. "
        '"Ratio to expected" is the number of members divided by that expected number: 1 means exactly as many '
        "as the population would suggest.",
        f"Gap: a category is under-represented (a gap) when it has fewer than {portion} the expected number of "
        f"members, and is judged only where at least {people(policy['min_expected_count'])} would be expected: a "
        "group this size cannot be judged on a category that rare in the population. These are the council "
        f"policy's settings min_representation_ratio = {policy['min_representation_ratio']:g} and "
        f"min_expected_count = {policy['min_expected_count']:g} (policy \"{policy['name']}\"), the same rule as "
        "check DV001.",
        "More needed: the fewest members of that category to add so that its gap closes, allowing for new "
        "members raising the expected number too. The recruitment plan is the fewest new people that close every "
        "gap at once (one person has a category for every characteristic); it assumes new members answer the "
        "monitoring questions and nobody leaves.",
        "Diversity index: the Gini-Simpson index (also called Blau's index), the chance that two members picked "
        "at random are in different categories of a characteristic. It is 0 when everyone is in one category and "
        "nearer 1 the more varied the group; the same index for the population is shown beside it. Only members "
        "who answered are counted.",
    ]
    if report["mode"] == "publishable":
        threshold = policy["suppression_threshold"]
        paragraphs += [
            f'Small numbers: counts from 1 to {threshold - 1} are shown as "fewer than {threshold}", and some '
            'further counts are "not shown" (secondary suppression) so that no small number can be worked out '
            f"from the totals (suppression_threshold = {threshold}). A table that could not be made safe this way "
            'is "not published".',
            "Findings from hidden counts: where a count is hidden, its finding (gap, no gap, too few expected to "
            "judge) is shown only when every set of counts that fits the published figures gives the same "
            'finding, so it tells a reader nothing the figures do not already say. "At least N" members needed '
            "is shown where every such set needs at least N. Otherwise the finding is \"not shown\". Shares and "
            "ratios resting on a hidden count are left out, as are expected numbers when the number who answered "
            "is hidden.",
            "Lived experience and other members: a characteristic is split this way only for groups of at least "
            f"{policy['min_group_for_cross_tabulation']} (min_group_for_cross_tabulation), only when its own "
            f"table is shown in full, and only when no cell of the split would be from 1 to {threshold - 1}.",
        ]
    else:
        paragraphs.append(
            "This internal version shows every count exactly. The publishable version (--publishable) hides small "
            "numbers and anything that would give them away."
        )
    return paragraphs


def index_rows(report: dict[str, Any]) -> list[list[str]]:
    """The diversity index of each characteristic: the group's and the population's."""
    rows = []
    hidden = "not shown" if report["mode"] == "publishable" else "-"
    for item in report["characteristics"]:
        own = item["diversity_index"]
        population = item["baseline_diversity_index"]
        rows.append(
            [
                item["title"],
                hidden if own is None else f"{own:.2f}",
                "-" if population is None else f"{population:.2f}",
            ]
        )
    return rows


INDEX_HEADERS = ("Characteristic", "Members", "Population")


def sources(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``(characteristic title, its baseline source)`` for every characteristic compared."""
    return [(item["title"], item) for item in report["characteristics"] if item["baseline"] is not None]
