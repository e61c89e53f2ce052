"""The audit report as plain text for a terminal: what the audit found first, the tables after, and how the
figures were worked out at the end. One paragraph is one line (terminals wrap it, and it can be searched for
whole); web addresses appear only in the sources at the end."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coproduction.reports.audit import formatting as f


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header]]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return ["  " + line for line in lines]


def _heading(text: str, underline: str = "-") -> list[str]:
    return [text, underline * len(text)]


def _source(item: dict[str, Any]) -> str:
    after = f.source_after(item)
    return f"Population figures: {f.source_words(item)}" + (f", {after}." if after else ".")


def render(report: dict[str, Any]) -> str:
    """The report as text, ending in a newline."""
    out = [*_heading(f.title(report), "="), "", report["notice"], ""]
    out += _heading(f.SUMMARY_TITLE)
    for paragraph in report["summary"]["paragraphs"]:
        out += [paragraph, ""]
    for item in report["characteristics"]:
        out += [*_heading(item["title"]), item["finding"]]
        if item["baseline"] is not None:
            out.append(_source(item))
            out += [line for line in (f.compared_as_line(item), f.note_line(item)) if line]
        out.append(f.completeness_line(item, report))
        out += _table(f.HEADERS, f.category_rows(item, report))
        out.append("")
    out += [*_heading(f.RECRUITMENT_TITLE), *f.recruitment_lines(report), ""]
    out += _heading(f.CROSS_TITLE)
    for cross in report["cross_tabulations"]:
        if not cross["published"]:
            continue
        out.append(cross["title"])
        rows = [[r["label"], str(r["lived_experience"]), str(r["staff_and_others"])] for r in cross["rows"]]
        out += _table(("Category", "Lived experience", "Staff and others"), rows)
    out += f.cross_withheld_lines(report)
    out += ["", *_heading(f.METHODS_TITLE)]
    for paragraph in f.methods_paragraphs(report):
        out += [paragraph, ""]
    out += ["Diversity index:", *_table(f.INDEX_HEADERS, f.index_rows(report)), "", "Sources:"]
    for name, item in f.sources(report):
        population = item["baseline"]["population"]
        out.append(f"- {name}: {item['baseline']['citation']}" + (f" ({population})." if population else "."))
    return "\n".join(out).rstrip() + "\n"
