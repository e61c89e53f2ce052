"""Number and word formats shared by the text, Markdown and HTML renderers (so they all read the same)."""

from __future__ import annotations

from typing import Any

from coproduction.audit.reports.model import cell_text

STATUS_WORDS = {
    "under-represented": "under-represented",
    "within-tolerance": "within tolerance",
    "not-judged": "too few expected to judge",
    "no-baseline": "no baseline",
    "not-shown": "not shown",
}


def percent(value: float | None) -> str:
    """``0.0962`` -> ``"9.6%"``; ``None`` -> ``"-"``."""
    if value is None:
        return "-"
    text = f"{value * 100:.1f}"
    return f"{text[:-2] if text.endswith('.0') else text}%"


def number(value: float | None, places: int = 2) -> str:
    if value is None:
        return "-"
    return f"{value:.{places}f}"


def count(cell: dict[str, Any], report: dict[str, Any]) -> str:
    return cell_text(cell, report["policy"]["suppression_threshold"])


def status(value: str) -> str:
    return STATUS_WORDS.get(value, value)


def needed(value: int | None) -> str:
    return "-" if value is None else str(value)


def title(report: dict[str, Any]) -> str:
    return f"Diversity audit: {report['group']['name']}"


def summary_line(report: dict[str, Any]) -> str:
    baseline = report["baseline"]
    described = f" ({baseline['description']})" if baseline["description"] else ""
    members = count(report["members"], report)
    return (
        f"Group {report['group']['id']}, as of {report['as_of']}. Members: {members}. "
        f"Compared with the {baseline['area']} baseline{described}, named {baseline['name']!r}."
    )


def thresholds_line(report: dict[str, Any]) -> str:
    policy = report["policy"]
    return (
        f"A category is under-represented when its members are under {policy['min_representation_ratio']:.0%} "
        f"of the number expected from the baseline, judged where at least {policy['min_expected_count']:g} "
        "member is expected. Shares are of members who answered; \"prefer not to say\" and \"not known\" are "
        "left out."
    )


def completeness_line(item: dict[str, Any], report: dict[str, Any]) -> str:
    c = item["completeness"]
    return (
        f"Answered: {count(c['answered'], report)}; prefer not to say: {count(c['prefer_not_to_say'], report)}; "
        f"not known: {count(c['not_known'], report)}."
    )


def index_line(item: dict[str, Any]) -> str:
    own = item["diversity_index"]
    population = item["baseline_diversity_index"]
    own_text = "not shown" if own is None else f"{own:.2f}"
    text = f"Diversity index (Gini-Simpson, 0 = everyone alike): {own_text}"
    if population is not None:
        text += f"; population {population:.2f}"
    return text + "."


def baseline_line(item: dict[str, Any], report: dict[str, Any]) -> str:
    if item["baseline"] is None:
        name = report["baseline"]["name"]
        return f"No baseline figures for {item['title'].lower()} in {name!r}: counted, not judged."
    population = item["baseline"]["population"]
    return f"Source: {item['baseline']['citation']}" + (f" ({population})." if population else ".")
