"""The audit report as one self-contained, accessible HTML page, in the layout every HTML report shares
(:mod:`coproduction.reports.templates`: ``layout.html``, ``audit.html``, one stylesheet, Jinja2's autoescaping).

It opens with what the audit found, in plain words, before any table or chart; the figures follow, one section per
characteristic; "How these figures were worked out" comes last. No scripts, no external files: the stylesheet is
inlined and charts are inline SVG, each with a title and a description (its text alternative) and followed by a
table with the same figures. Charts take the page's width (bars are drawn in percentages of it, text keeps its
size), wide tables scroll inside their own focusable region rather than the page, and sources are links whose words
name the source. Headings go h1, h2, h3 in order; tables have captions and header cells with scopes; text is
near-black on white (contrast well above WCAG 2.2 AA's 4.5:1). This module only prepares the words and numbers;
every tag is in the templates, and everything from a register or a baseline file is escaped there. Tested by
opening it in headless Chromium and running axe-core (tests/audit/test_html_accessibility.py).
"""

from __future__ import annotations

import re
from typing import Any

from coproduction.reports import templates
from coproduction.reports.audit import formatting as f

MEMBERS_COLOUR = "#0b3d91"  # dark blue: 10.4:1 on white
POPULATION_COLOUR = "#7a3500"  # dark brown: 8.9:1 on white
#: The longest bar, as a share of the chart's width (room is left for the figure after it).
BAR_SPAN = 80.0
#: Each category's height in a chart, and where the first starts (below the legend).
_BLOCK, _TOP = 66, 56


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _gap_class(header: str, value: str) -> str | None:
    """A table cell's extra class: a finding of a gap is in bold."""
    return "gap" if header == "Finding" and value == f.STATUS_WORDS["under-represented"] else None


def _share(share: float) -> dict[str, Any]:
    return {"words_only": False, "length": f"{round(max(share, 0.0) * BAR_SPAN, 2):g}", "words": f.percent(share)}


def _chart_description(item: dict[str, Any], report: dict[str, Any]) -> str:
    pieces = []
    for row in item["rows"]:
        members = f.percent(row["share"]) if row["share"] is not None else f.count(row["count"], report)
        population = f.percent(row["baseline_share"]) if row["baseline_share"] is not None else "no figures"
        pieces.append(f"{row['label']}: members {members}, population {population}")
    return "; ".join(pieces) + ". The table below gives the same figures."


def _chart(item: dict[str, Any], report: dict[str, Any]) -> dict[str, Any] | None:
    """Horizontal bars: members' share of those who answered beside the population's share, per category; ``None``
    when there is no share to draw (the table says it all)."""
    if all(row["share"] is None and row["baseline_share"] is None for row in item["rows"]):
        return None
    rows = []
    for index, row in enumerate(item["rows"]):
        members = (
            {"words_only": True, "words": f"members: {f.count(row['count'], report)}"}
            if row["share"] is None
            else _share(row["share"])
        )
        population = (
            {"words_only": True, "words": "population: no figures"}
            if row["baseline_share"] is None
            else _share(row["baseline_share"])
        )
        rows.append({"y": _TOP + _BLOCK * index, "label": row["label"], "members": members, "population": population})
    return {
        "slug": _slug(item["characteristic"]),
        "title": item["title"],
        "description": _chart_description(item, report),
        "area": report["baseline"]["area"],
        "height": _TOP + _BLOCK * len(item["rows"]),
        "rows": rows,
    }


def _source(item: dict[str, Any]) -> dict[str, Any]:
    return {"words": f.source_words(item), "url": item["baseline"]["url"], "after": f.source_after(item)}


def _characteristic(item: dict[str, Any], report: dict[str, Any]) -> dict[str, Any]:
    slug = _slug(item["characteristic"])
    lines = []
    if item["baseline"] is not None:
        lines += [line for line in (f.compared_as_line(item), f.note_line(item)) if line]
    lines.append(f.completeness_line(item, report))
    return {
        "slug": slug,
        "title": item["title"],
        "finding": item["finding"],
        "source": _source(item) if item["baseline"] is not None else None,
        "lines": lines,
        "chart": _chart(item, report),
        "table": {
            "caption": f"{item['title']}: members against the population",
            "header": f.HEADERS,
            "rows": f.category_rows(item, report),
            "ident": slug,
            "numeric": (1, 2, 3, 4, 5),
        },
    }


def _crosses(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "title": cross["title"],
            "caption": f"{cross['title']} by perspective",
            "header": ("Category", "Lived experience", "Staff and others"),
            "rows": [[r["label"], str(r["lived_experience"]), str(r["staff_and_others"])] for r in cross["rows"]],
            "ident": f"cross-{_slug(cross['title'])}",
        }
        for cross in report["cross_tabulations"]
        if cross["published"]
    ]


def render(report: dict[str, Any]) -> str:
    """The report (:func:`coproduction.reports.audit.build_report`) as one HTML page."""
    headline = report["summary"]["headline"]
    publishable = report["mode"] == "publishable"
    return templates.render(
        "audit.html",
        title=f.title(report),
        body_class="",
        description=report["notice"],
        notice=report["notice"],
        notice_class="notice publishable" if publishable else "notice",
        titles={
            "summary": f.SUMMARY_TITLE,
            "recruitment": f.RECRUITMENT_TITLE,
            "cross": f.CROSS_TITLE,
            "methods": f.METHODS_TITLE,
        },
        summary=[{"text": p, "headline": p == headline} for p in report["summary"]["paragraphs"]],
        characteristics=[_characteristic(item, report) for item in report["characteristics"]],
        recruitment={
            "lines": f.recruitment_lines(report),
            "targets": [t["words"] for t in report["recruitment"]["targets"]],
        },
        crosses=_crosses(report),
        withheld=f.cross_withheld_lines(report),
        methods=f.methods_paragraphs(report),
        index={"header": f.INDEX_HEADERS, "rows": f.index_rows(report)},
        sources=[
            {"name": name, "words": f.source_words(item), "url": item["baseline"]["url"], "after": f.source_after(item)}
            for name, item in f.sources(report)
        ],
        colours={"members": MEMBERS_COLOUR, "population": POPULATION_COLOUR},
        gap_class=_gap_class,
    )
