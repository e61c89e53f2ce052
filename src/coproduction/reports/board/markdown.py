"""The board report as Markdown that pastes cleanly into board papers: headings, paragraphs, lists and pipe tables,
nothing else (no HTML). Whatever a register says is escaped, so a name with ``*``, ``_``, ``<`` or ``|`` in it stays
text. In Easy Read each point is a list item with its key sentence in bold; the pictures are the HTML version's (a
board paper's own template places its own)."""

from __future__ import annotations

import re
from typing import Any

_ACTIVE = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(text: str) -> str:
    """``text`` with Markdown's active characters backslash-escaped, on one line (CommonMark, "Backslash escapes")."""
    one_line = " ".join(str(text).split())
    escaped = _ACTIVE.sub(r"\\\1", one_line)
    # A line that starts with a number and a full stop, or a "-"/"+", would start a list.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped).replace("\n", " ")


def _block(item: dict[str, Any]) -> list[str]:
    kind = item["type"]
    if kind == "paragraph":
        text = escape(item["text"])
        return [f"**{text}**" if item["strong"] else text, ""]
    if kind == "subheading":
        return [f"### {escape(item['text'])}", ""]
    if kind == "list":
        return [*(f"- {escape(text)}" for text in item["items"]), ""]
    if kind == "findings":
        lines = []
        for number, f in enumerate(item["items"], start=1):
            lines.append(
                f"{number}. **{escape(f['title'])}.** **{escape(f['label'])}.** {escape(f['detail'])} "
                f"What to do next: {escape(f['next'])}"
            )
        return [*lines, ""]
    if kind == "points":
        lines = []
        for p in item["items"]:
            sentences = " ".join(escape(t) for t in p["text"])
            lines.append(f"- **{escape(p['lead'])}**" + (f" {sentences}" if sentences else ""))
        return [*lines, ""]
    if kind == "table":
        header = item["header"]
        lines = [f"Table: {escape(item['caption'])}", ""]
        lines.append("| " + " | ".join(escape(h) for h in header) + " |")
        numeric = set(item.get("numeric", ()))
        lines.append("| " + " | ".join("---:" if i in numeric else "---" for i in range(len(header))) + " |")
        lines += ["| " + " | ".join(escape(v) for v in row) + " |" for row in item["rows"]]
        return [*lines, ""]
    raise ValueError(f"unknown block type {kind!r}")


def render(page: dict[str, Any]) -> str:
    """The page (:func:`coproduction.reports.board.content.standard` or ``easy_read``) as Markdown."""
    lines = [f"# {escape(page['title'])}", "", escape(page["lead"]), ""]
    for section in page["sections"]:
        lines += [f"## {escape(section['heading'])}", ""]
        for item in section["blocks"]:
            lines += _block(item)
    return "\n".join(lines).rstrip("\n") + "\n"
