"""The audit report as Markdown (GitHub-flavoured tables)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coproduction.audit.reports import formatting as f
from coproduction.audit.reports.text import HEADERS, category_rows


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(_escape(str(c)) for c in row) + " |" for row in rows]
    return lines


def render(report: dict[str, Any]) -> str:
    out = [f"# {f.title(report)}", "", f"> {report['notice']}", "", f.summary_line(report), ""]
    out += [f.thresholds_line(report), ""]
    for item in report["characteristics"]:
        out += [f"## {item['title']}", "", f.baseline_line(item, report), "", f.completeness_line(item, report)]
        out += ["", f.index_line(item), ""]
        out += _table(HEADERS, category_rows(item, report))
        out.append("")
    out += ["## Recruitment targets", "", report["recruitment"]["sentence"] or "Not asked for.", ""]
    out += ["## Cross-tabulation by perspective", ""]
    for cross in report["cross_tabulations"]:
        if not cross["published"]:
            out += [f"- {cross['title']}: not published because {cross['reason']}."]
            continue
        out += [f"### {cross['title']}", ""]
        rows = [[r["label"], str(r["lived_experience"]), str(r["staff_and_others"])] for r in cross["rows"]]
        out += _table(("Category", "Lived experience", "Staff and others"), rows)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
