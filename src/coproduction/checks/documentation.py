"""Each check's documentation, rendered from the one source: the registry (Ruff's way, STYLE.md).

``docs/checks/<CODE>.md`` pages are generated from here (``python -m coproduction.cli.docs_pages docs/checks``)
and a test fails when a page is stale. ``coproduction explain CODE`` prints :func:`explain_text`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from coproduction.checks.engine import Check, Principle

SECTION_HEADINGS = (
    "What it checks",
    "Why it matters",
    "Example",
    "What to do instead",
    "Settings",
    "Sources",
)


def _settings_lines(check: Check) -> list[str]:
    lines = [f"- `{setting}`" for setting in check.doc.settings]
    lines.append(f"- `severity.{check.code}`: change this check's severity (default {check.severity.value})")
    return lines


def page_markdown(check: Check) -> str:
    """The Markdown page for one check."""
    doc = check.doc
    parts = [
        f"# {check.code} {check.name}",
        "",
        f"Principle: {check.principle.heading}. Default severity: {check.severity.value}. "
        f"Points at: a {check.subject.value}.",
        "",
        f"## {SECTION_HEADINGS[0]}",
        "",
        doc.what.strip(),
        "",
        f"## {SECTION_HEADINGS[1]}",
        "",
        doc.why.strip(),
        "",
        f"## {SECTION_HEADINGS[2]}",
        "",
        doc.example.strip(),
        "",
        f"## {SECTION_HEADINGS[3]}",
        "",
        doc.instead.strip(),
        "",
        f"## {SECTION_HEADINGS[4]}",
        "",
        *_settings_lines(check),
        "",
        f"## {SECTION_HEADINGS[5]}",
        "",
        *(f"- {_linked(source)}" for source in doc.sources),
        "",
    ]
    return "\n".join(parts)


_SOURCES_ENTRY = re.compile(r"\(docs/sources\.md#([a-z0-9-]+)\)$")


def _linked(source: str) -> str:
    """A source line with its closing "(docs/sources.md#entry)" as a link the page's reader can follow."""
    return _SOURCES_ENTRY.sub(r"([sources](../sources.md#\1))", source)


def index_markdown(checks: Iterable[Check]) -> str:
    """The catalogue page: every check by principle."""
    checks = list(checks)
    lines = [
        "# Checks",
        "",
        "Generated from the registry by `python -m coproduction.cli.docs_pages docs/checks`; do not edit by hand.",
        "Codes and names are a public contract: they are never reused.",
        "",
    ]
    for principle in Principle:
        chosen = [c for c in checks if c.principle is principle]
        if not chosen:
            continue
        lines += [f"## {principle.heading}", "", "| code | name | severity | points at |", "| --- | --- | --- | --- |"]
        lines += [f"| [{c.code}]({c.code}.md) | {c.name} | {c.severity.value} | {c.subject.value} |" for c in chosen]
        lines.append("")
    return "\n".join(lines)


def explain_text(check: Check, width: int = 88) -> str:
    """Plain text for a terminal: the page without Markdown, wrapped."""
    out: list[str] = [f"{check.code} {check.name}", ""]
    out.append(
        f"Principle: {check.principle.heading}. Default severity: {check.severity.value}. "
        f"Points at: a {check.subject.value}."
    )
    bodies = (check.doc.what, check.doc.why, check.doc.example, check.doc.instead)
    for heading, body in zip(SECTION_HEADINGS[:4], bodies, strict=True):
        out += ["", heading.upper(), ""]
        for paragraph in body.strip().split("\n\n"):
            out.append(textwrap.fill(" ".join(paragraph.split()), width=width))
            out.append("")
        out.pop()
    out += ["", SECTION_HEADINGS[4].upper(), ""]
    out += [line.replace("`", "") for line in _settings_lines(check)]
    out += ["", SECTION_HEADINGS[5].upper(), ""]
    out += [textwrap.fill(f"- {source}", width=width, subsequent_indent="  ") for source in check.doc.sources]
    return "\n".join(out) + "\n"
