"""The audit report as plain text for a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coproduction.audit.reports import formatting as f

HEADERS = ("Category", "Count", "Share", "Population", "Expected", "Ratio", "Status", "More needed")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header]]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return ["  " + line for line in lines]


def category_rows(item: dict[str, Any], report: dict[str, Any]) -> list[list[str]]:
    return [
        [
            row["label"],
            f.count(row["count"], report),
            f.percent(row["share"]),
            f.percent(row["baseline_share"]),
            f.number(row["expected"]),
            f.number(row["ratio"]),
            f.status(row["status"]),
            f.needed(row["additions_needed"]),
        ]
        for row in item["rows"]
    ]


def render(report: dict[str, Any]) -> str:
    """The report as text, ending in a newline."""
    out = [f.title(report), "=" * len(f.title(report)), "", report["notice"], "", f.summary_line(report)]
    out += [f.thresholds_line(report), ""]
    for item in report["characteristics"]:
        out += [item["title"], "-" * len(item["title"])]
        out += [f.baseline_line(item, report), f.completeness_line(item, report), f.index_line(item)]
        out += _table(HEADERS, category_rows(item, report))
        out.append("")
    out += ["Recruitment targets", "-------------------"]
    recruitment = report["recruitment"]
    out.append(recruitment["sentence"] or "Not asked for.")
    out.append("")
    out += ["Cross-tabulation by perspective", "-------------------------------"]
    for cross in report["cross_tabulations"]:
        if not cross["published"]:
            out.append(f"{cross['title']}: not published because {cross['reason']}.")
            continue
        out.append(cross["title"])
        rows = [[r["label"], str(r["lived_experience"]), str(r["staff_and_others"])] for r in cross["rows"]]
        out += _table(("Category", "Lived experience", "Staff and others"), rows)
    return "\n".join(out).rstrip() + "\n"
