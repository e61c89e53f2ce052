"""The audit report as one self-contained, accessible HTML page.

No scripts, no external files: styles are inline in the page and charts are inline SVG, each with a title and a
description (its text alternative) and followed by a table with the same figures. Headings go h1, h2, h3 in order;
tables have captions and header cells with scopes; text is near-black on white (contrast well above WCAG 2.2 AA's
4.5:1). Tested by opening it in headless Chromium and running axe-core (tests/audit/test_html_accessibility.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from coproduction.audit.reports import formatting as f
from coproduction.audit.reports.text import HEADERS, category_rows

MEMBERS_COLOUR = "#0b3d91"  # dark blue: 10.4:1 on white
POPULATION_COLOUR = "#7a3500"  # dark brown: 8.9:1 on white

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #111; background: #fff;
  line-height: 1.5; margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem; font-size: 1.05rem; }
h1, h2, h3 { line-height: 1.25; }
h2 { border-top: 2px solid #111; padding-top: 1rem; margin-top: 2rem; }
.notice { border: 3px solid #8a1c1c; padding: 0.75rem 1rem; font-weight: bold; }
.notice.publishable { border-color: #0b3d91; font-weight: normal; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.25rem; }
th, td { border: 1px solid #444; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figcaption { font-size: 0.95rem; }
a { color: #0b3d91; }
:focus { outline: 3px solid #000; outline-offset: 2px; }
""".strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int = 1) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{escape(str(row[0]))}</th>']
        for index, value in enumerate(row[1:], start=1):
            css = ' class="number"' if index >= numeric_from and index < len(row) else ""
            cells.append(f"<td{css}>{escape(str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _chart(item: dict[str, Any], report: dict[str, Any]) -> str:
    """Horizontal bars: members' share of those who answered beside the population's share, per category."""
    slug = _slug(item["characteristic"])
    width, left, bar_width = 640, 10, 460
    block = 62
    height = 40 + block * len(item["rows"])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="chart-title-{slug} chart-desc-{slug}">',
        f'<title id="chart-title-{slug}">{escape(item["title"])}: members and population by category</title>',
        f'<desc id="chart-desc-{slug}">{escape(_chart_description(item, report))}</desc>',
        f'<rect x="{left}" y="6" width="14" height="14" fill="{MEMBERS_COLOUR}"/>',
        f'<text x="{left + 20}" y="18" font-size="14" fill="#111">Members (share of those who answered)</text>',
        f'<rect x="{left + 340}" y="6" width="14" height="14" fill="{POPULATION_COLOUR}"/>',
        f'<text x="{left + 360}" y="18" font-size="14" fill="#111">Population</text>',
    ]
    y = 40
    for row in item["rows"]:
        parts.append(f'<text x="{left}" y="{y + 12}" font-size="14" fill="#111">{escape(row["label"])}</text>')
        for offset, (share, colour, fallback) in enumerate(
            (
                (row["share"], MEMBERS_COLOUR, f.count(row["count"], report)),
                (row["baseline_share"], POPULATION_COLOUR, "no baseline"),
            )
        ):
            top = y + 18 + offset * 20
            if share is None:
                text = fallback if offset else f"members: {fallback}"
                parts.append(f'<text x="{left}" y="{top + 12}" font-size="13" fill="#111">{escape(text)}</text>')
                continue
            length = max(round(share * bar_width, 1), 0.0)
            parts.append(f'<rect x="{left}" y="{top}" width="{length}" height="15" fill="{colour}"/>')
            parts.append(
                f'<text x="{left + length + 6}" y="{top + 12}" font-size="13" fill="#111">{f.percent(share)}</text>'
            )
        y += block
    parts.append("</svg>")
    return "".join(parts)


def _figure(item: dict[str, Any], report: dict[str, Any]) -> list[str]:
    """The chart in a figure with a caption; nothing when there is no share to draw (the table says it all)."""
    if all(row["share"] is None and row["baseline_share"] is None for row in item["rows"]):
        return []
    return [
        "<figure>",
        _chart(item, report),
        f"<figcaption>{escape(item['title'])}: share of members who answered, beside the population share. "
        "The table below has the same figures.</figcaption>",
        "</figure>",
    ]


def _chart_description(item: dict[str, Any], report: dict[str, Any]) -> str:
    pieces = []
    for row in item["rows"]:
        members = f.percent(row["share"]) if row["share"] is not None else f.count(row["count"], report)
        population = f.percent(row["baseline_share"]) if row["baseline_share"] is not None else "no baseline"
        pieces.append(f"{row['label']}: members {members}, population {population}")
    return "; ".join(pieces) + ". The table below gives the same figures."


def render(report: dict[str, Any]) -> str:
    title = f.title(report)
    publishable = report["mode"] == "publishable"
    notice_class = "notice publishable" if publishable else "notice"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="{notice_class}">{escape(report["notice"])}</p>',
        "</header>",
        "<main>",
        f"<p>{escape(f.summary_line(report))}</p>",
        f"<p>{escape(f.thresholds_line(report))}</p>",
    ]
    for item in report["characteristics"]:
        slug = _slug(item["characteristic"])
        out += [
            f'<section aria-labelledby="heading-{slug}">',
            f'<h2 id="heading-{slug}">{escape(item["title"])}</h2>',
            f"<p>{escape(f.baseline_line(item, report))}</p>",
            f"<p>{escape(f.completeness_line(item, report))}</p>",
            f"<p>{escape(f.index_line(item))}</p>",
            *_figure(item, report),
            _table(f"{item['title']}: members against the baseline", HEADERS, category_rows(item, report)),
            "</section>",
        ]
    recruitment = report["recruitment"]
    out += [
        '<section aria-labelledby="heading-recruitment">',
        '<h2 id="heading-recruitment">Recruitment targets</h2>',
        f"<p>{escape(recruitment['sentence'] or 'Not asked for.')}</p>",
    ]
    if recruitment["targets"]:
        out.append("<ul>" + "".join(f"<li>{escape(t['words'])}</li>" for t in recruitment["targets"]) + "</ul>")
    out.append("</section>")
    out += [
        '<section aria-labelledby="heading-cross">',
        '<h2 id="heading-cross">Cross-tabulation by perspective</h2>',
    ]
    withheld = [c for c in report["cross_tabulations"] if not c["published"]]
    for cross in report["cross_tabulations"]:
        if not cross["published"]:
            continue
        rows = [[r["label"], str(r["lived_experience"]), str(r["staff_and_others"])] for r in cross["rows"]]
        out.append(f"<h3>{escape(cross['title'])}</h3>")
        columns = ("Category", "Lived experience", "Staff and others")
        out.append(_table(f"{cross['title']} by perspective", columns, rows))
    if withheld:
        out.append(
            "<ul>"
            + "".join(
                f"<li>{escape(c['title'])}: not published because {escape(str(c['reason']))}.</li>" for c in withheld
            )
            + "</ul>"
        )
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
