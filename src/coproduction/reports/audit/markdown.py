"""The audit report as Markdown (GitHub-flavoured tables), for board papers: what the audit found first, the
tables after, and how the figures were worked out at the end. Sources are links with words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coproduction.reports.audit import formatting as f


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _link(words: str, url: str | None) -> str:
    if not url:
        return words
    label = words.replace("[", "\\[").replace("]", "\\]")
    return f"[{label}](<{url}>)"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(_escape(str(c)) for c in row) + " |" for row in rows]
    return lines


def _source(item: dict[str, Any]) -> str:
    after = f.source_after(item)
    link = _link(f.source_words(item), item["baseline"]["url"])
    return f"Population figures: {link}" + (f", {after}." if after else ".")


def render(report: dict[str, Any]) -> str:
    out = [f"# {f.title(report)}", "", f"> {report['notice']}", "", f"## {f.SUMMARY_TITLE}", ""]
    for paragraph in report["summary"]["paragraphs"]:
        out += [paragraph, ""]
    for item in report["characteristics"]:
        out += [f"## {item['title']}", "", f"**{item['finding']}**", ""]
        if item["baseline"] is not None:
            out += [_source(item), ""]
            for line in (f.compared_as_line(item), f.note_line(item)):
                if line:
                    out += [line, ""]
        out += [f.completeness_line(item, report), ""]
        out += _table(f.HEADERS, f.category_rows(item, report))
        out.append("")
    out += [f"## {f.RECRUITMENT_TITLE}", ""]
    for line in f.recruitment_lines(report):
        out += [line, ""]
    out += [f"## {f.CROSS_TITLE}", ""]
    for cross in report["cross_tabulations"]:
        if not cross["published"]:
            continue
        out += ["", f"### {cross['title']}", ""]
        rows = [[r["label"], str(r["lived_experience"]), str(r["staff_and_others"])] for r in cross["rows"]]
        out += _table(("Category", "Lived experience", "Staff and others"), rows)
        out.append("")
    out += [f"- {line}" for line in f.cross_withheld_lines(report)]
    out += ["", f"## {f.METHODS_TITLE}", ""]
    for paragraph in f.methods_paragraphs(report):
        out += [paragraph, ""]
    out += _table(f.INDEX_HEADERS, f.index_rows(report))
    out += ["", "Sources:", ""]
    for name, item in f.sources(report):
        source = item["baseline"]
        after = f.source_after(item)
        out.append(f"- {name}: {_link(f.source_words(item), source['url'])}" + (f", {after}" if after else ""))
    return "\n".join(out).rstrip() + "\n"
