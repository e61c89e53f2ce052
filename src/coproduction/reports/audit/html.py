"""The audit report as one self-contained, accessible HTML page.

It opens with what the audit found, in plain words, before any table or chart; the figures follow, one section
per characteristic; "How these figures were worked out" comes last. No scripts, no external files: styles are
inline and charts are inline SVG, each with a title and a description (its text alternative) and followed by a
table with the same figures. Charts take the page's width (bars are drawn in percentages of it, text keeps its
size), wide tables scroll inside their own focusable region rather than the page, and sources are links whose
words name the source. Headings go h1, h2, h3 in order; tables have captions and header cells with scopes; text
is near-black on white (contrast well above WCAG 2.2 AA's 4.5:1). Tested by opening it in headless Chromium and
running axe-core (tests/audit/test_html_accessibility.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from coproduction.reports.audit import formatting as f

MEMBERS_COLOUR = "#0b3d91"  # dark blue: 10.4:1 on white
POPULATION_COLOUR = "#7a3500"  # dark brown: 8.9:1 on white
#: The longest bar, as a share of the chart's width (room is left for the figure after it).
BAR_SPAN = 80.0

STYLE = """
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #111; background: #fff;
  line-height: 1.5; margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem; font-size: 1.05rem; }
h1, h2, h3 { line-height: 1.25; }
h2 { border-top: 2px solid #111; padding-top: 1rem; margin-top: 2rem; }
.notice { border: 3px solid #8a1c1c; padding: 0.75rem 1rem; font-weight: bold; }
.notice.publishable { border-color: #0b3d91; font-weight: normal; }
.summary { background: #f2f5fa; border-left: 6px solid #0b3d91; padding: 0.25rem 1.25rem 0.5rem; margin: 1.5rem 0; }
.summary h2 { border-top: 0; margin-top: 0.75rem; padding-top: 0; }
.finding { font-weight: bold; font-size: 1.1rem; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; margin: 0; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.25rem; }
th, td { border: 1px solid #444; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.gap { font-weight: bold; }
.summary p.headline { font-weight: bold; font-size: 1.15rem; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; height: auto; overflow: visible; }
figcaption { font-size: 0.95rem; }
a { color: #0b3d91; }
:focus { outline: 3px solid #000; outline-offset: 2px; }
""".strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _table(
    caption: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    ident: str,
    numeric: Sequence[int] | None = None,
) -> str:
    """A table with a caption, header cells with scopes, and a scrolling region of its own when it is wider than
    the page (focusable, so it can be scrolled from the keyboard). ``numeric``: the columns aligned right (all
    but the first by default). A finding of a gap is in bold."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    right = set(range(1, len(header))) if numeric is None else set(numeric)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{escape(str(row[0]))}</th>']
        for index, value in enumerate(row[1:], start=1):
            classes = ["number"] if index in right else []
            if header[index] == "Finding" and value == f.STATUS_WORDS["under-represented"]:
                classes.append("gap")
            css = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{css}>{escape(str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="table-wrap" role="region" aria-labelledby="caption-{ident}" tabindex="0">'
        f'<table><caption id="caption-{ident}">{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _bar(x_percent: float, top: int, share: float, colour: str) -> list[str]:
    length = round(max(share, 0.0) * BAR_SPAN, 2)
    return [
        f'<rect x="{x_percent:g}%" y="{top}" width="{length:g}%" height="16" fill="{colour}"/>',
        f'<text x="{length:g}%" dx="6" y="{top + 13}" font-size="14" fill="#111">{f.percent(share)}</text>',
    ]


def _chart(item: dict[str, Any], report: dict[str, Any]) -> str:
    """Horizontal bars: members' share of those who answered beside the population's share, per category.

    The SVG is as wide as the page; bars and their figures are placed in percentages of that width, so the chart
    never overflows and its text stays the same size on a phone as on a desktop."""
    slug = _slug(item["characteristic"])
    block = 66
    top = 56
    height = top + block * len(item["rows"])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" height="{height}" '
        f'aria-labelledby="chart-title-{slug} chart-desc-{slug}">',
        f'<title id="chart-title-{slug}">{escape(item["title"])}: members and population by category</title>',
        f'<desc id="chart-desc-{slug}">{escape(_chart_description(item, report))}</desc>',
        f'<rect x="0" y="4" width="14" height="14" fill="{MEMBERS_COLOUR}"/>',
        '<text x="20" y="16" font-size="14" fill="#111">Members (share of those who answered)</text>',
        f'<rect x="0" y="26" width="14" height="14" fill="{POPULATION_COLOUR}"/>',
        f'<text x="20" y="38" font-size="14" fill="#111">Population of {escape(report["baseline"]["area"])}</text>',
    ]
    y = top
    for row in item["rows"]:
        parts.append(f'<text x="0" y="{y + 13}" font-size="15" fill="#111">{escape(row["label"])}</text>')
        if row["share"] is None:
            words = f"members: {f.count(row['count'], report)}"
            parts.append(f'<text x="0" y="{y + 33}" font-size="14" fill="#111">{escape(words)}</text>')
        else:
            parts += _bar(0, y + 20, row["share"], MEMBERS_COLOUR)
        if row["baseline_share"] is None:
            parts.append(f'<text x="0" y="{y + 53}" font-size="14" fill="#111">population: no figures</text>')
        else:
            parts += _bar(0, y + 40, row["baseline_share"], POPULATION_COLOUR)
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
        f"<figcaption>{escape(item['title'])}: share of members who answered, beside the population's share. "
        "The table below has the same figures.</figcaption>",
        "</figure>",
    ]


def _chart_description(item: dict[str, Any], report: dict[str, Any]) -> str:
    pieces = []
    for row in item["rows"]:
        members = f.percent(row["share"]) if row["share"] is not None else f.count(row["count"], report)
        population = f.percent(row["baseline_share"]) if row["baseline_share"] is not None else "no figures"
        pieces.append(f"{row['label']}: members {members}, population {population}")
    return "; ".join(pieces) + ". The table below gives the same figures."


def _link(words: str, url: str | None) -> str:
    if not url:
        return escape(words)
    return f'<a href="{escape(url, quote=True)}">{escape(words)}</a>'


def _source(item: dict[str, Any]) -> str:
    after = f.source_after(item)
    link = _link(f.source_words(item), item["baseline"]["url"])
    return f"<p>Population figures: {link}" + (f", {escape(after)}." if after else ".") + "</p>"


def _section(ident: str, heading: str, body: Sequence[str], css: str = "") -> list[str]:
    attribute = f' class="{css}"' if css else ""
    return [
        f'<section aria-labelledby="heading-{ident}"{attribute}>',
        f'<h2 id="heading-{ident}">{escape(heading)}</h2>',
        *body,
        "</section>",
    ]


def _characteristic(item: dict[str, Any], report: dict[str, Any]) -> list[str]:
    slug = _slug(item["characteristic"])
    body = [f'<p class="finding">{escape(item["finding"])}</p>']
    if item["baseline"] is not None:
        body.append(_source(item))
        body += [f"<p>{escape(line)}</p>" for line in (f.compared_as_line(item), f.note_line(item)) if line]
    body.append(f"<p>{escape(f.completeness_line(item, report))}</p>")
    body += _figure(item, report)
    body.append(
        _table(
            f"{item['title']}: members against the population",
            f.HEADERS,
            f.category_rows(item, report),
            slug,
            numeric=(1, 2, 3, 4, 5),
        )
    )
    return _section(slug, item["title"], body)


def _cross(report: dict[str, Any]) -> list[str]:
    body = []
    for cross in report["cross_tabulations"]:
        if not cross["published"]:
            continue
        rows = [[r["label"], str(r["lived_experience"]), str(r["staff_and_others"])] for r in cross["rows"]]
        body.append(f"<h3>{escape(cross['title'])}</h3>")
        columns = ("Category", "Lived experience", "Staff and others")
        body.append(_table(f"{cross['title']} by perspective", columns, rows, f"cross-{_slug(cross['title'])}"))
    withheld = f.cross_withheld_lines(report)
    if withheld:
        body.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in withheld) + "</ul>")
    return _section("cross", f.CROSS_TITLE, body)


def _methods(report: dict[str, Any]) -> list[str]:
    body = [f"<p>{escape(paragraph)}</p>" for paragraph in f.methods_paragraphs(report)]
    body.append("<h3>Diversity index</h3>")
    body.append(
        _table("Diversity index: members and population", f.INDEX_HEADERS, f.index_rows(report), "index", (2,))
    )
    body.append("<h3>Sources</h3>")
    items = []
    for name, item in f.sources(report):
        after = f.source_after(item)
        link = _link(f.source_words(item), item["baseline"]["url"])
        items.append(f"<li>{escape(name)}: {link}" + (f", {escape(after)}" if after else "") + "</li>")
    body.append("<ul>" + "".join(items) + "</ul>" if items else "<p>No population figures were used.</p>")
    return _section("methods", f.METHODS_TITLE, body)


def render(report: dict[str, Any]) -> str:
    title = f.title(report)
    publishable = report["mode"] == "publishable"
    notice_class = "notice publishable" if publishable else "notice"
    headline = report["summary"]["headline"]
    summary = [
        f'<p class="headline">{escape(paragraph)}</p>' if paragraph == headline else f"<p>{escape(paragraph)}</p>"
        for paragraph in report["summary"]["paragraphs"]
    ]
    recruitment = [f"<p>{escape(line)}</p>" for line in f.recruitment_lines(report)]
    targets = report["recruitment"]["targets"]
    if targets:
        recruitment.append("<ul>" + "".join(f"<li>{escape(t['words'])}</li>" for t in targets) + "</ul>")
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
        *_section("summary", f.SUMMARY_TITLE, summary, "summary"),
    ]
    for item in report["characteristics"]:
        out += _characteristic(item, report)
    out += _section("recruitment", f.RECRUITMENT_TITLE, recruitment)
    out += _cross(report)
    out += _methods(report)
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
