"""A MkDocs hook: the API reference's index lists every name ``coproduction`` exports, each linked to its page.

The top-level package re-exports names defined in its modules; each is documented once, on the reference page of
the public module that exports it (``docs/reference/*.md``, one ``::: module`` directive per module). This hook
writes, where the index page says ``<!-- exports-table -->``, a table of ``coproduction.__all__``: the name, the
first line of its docstring and the page it is on, each row also the target of ``coproduction.NAME`` in a
docstring. It is made from the installed package at build time, so a name
added to ``__all__`` appears without an edit here; a name that no reference page documents has no link target,
and ``mkdocs build --strict`` fails on it.

Configured in mkdocs.yml under ``hooks``.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType
from typing import Any

MARKER = "<!-- exports-table -->"
PACKAGE = "coproduction"
#: A mkdocstrings directive: ``::: dotted.module`` at the start of a line.
DIRECTIVE = re.compile(r"^:::\s+(?P<module>[\w.]+)\s*$", re.M)
#: A Sphinx role in a docstring's first line, shown in the table as code (the line is out of its scope there).
_ROLE = re.compile(r":\w+:`~?(?P<target>[^`]+)`")


def documented_names(module: ModuleType) -> dict[str, object]:
    """The names a module's reference documents: its ``__all__``, or else what it defines itself."""
    exported = getattr(module, "__all__", None)
    if exported is not None:
        return {name: getattr(module, name) for name in exported}
    return {
        name: value
        for name, value in vars(module).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__
    }


def pages_and_modules(reference_dir: Path) -> list[tuple[str, str, str]]:
    """(page file name, its title, module) for every ``::: module`` directive, the index first, then by name."""
    found = []
    for page in sorted(reference_dir.glob("*.md"), key=lambda p: (p.name != "index.md", p.name)):
        text = page.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), page.stem)
        found.extend((page.name, title, match.group("module")) for match in DIRECTIVE.finditer(text))
    return found


def summary(value: object) -> str:
    """The first line of ``value``'s own docstring, fit for a table cell."""
    doc = value.__doc__ if isinstance(value, type) or callable(value) else None
    first = (doc or "").strip().split("\n\n", 1)[0]
    line = " ".join(first.split())
    return _ROLE.sub(lambda m: f"`{m.group('target').rsplit('.', 1)[-1]}`", line).replace("|", "\\|")


def exports_table(reference_dir: Path) -> str:
    """The Markdown table of ``coproduction.__all__`` (see the module's docstring)."""
    package = importlib.import_module(PACKAGE)
    places = [
        (page, title, module_name, documented_names(importlib.import_module(module_name)))
        for page, title, module_name in pages_and_modules(reference_dir)
        if module_name != PACKAGE
    ]
    rows = ["| name | what it is for | documented in |", "| --- | --- | --- |"]
    for name in sorted(package.__all__, key=str.lower):
        value = getattr(package, name)
        home = next(((p, t, m) for p, t, m, names in places if name in names and names[name] is value), None)
        # No page documents it: the link below has no target, and the strict build says so.
        page, title, module_name = home if home is not None else ("index.md", "", f"{PACKAGE}.undocumented")
        where = "this page" if page == "index.md" else f"[{title}]({page})"
        # The empty link with an id is an autorefs anchor: a docstring that names `coproduction.NAME` links here.
        anchor = f"[](){{#{PACKAGE}.{name}}}"
        rows.append(f"| {anchor}[`{name}`][{module_name}.{name}] | {summary(value)} | {where} |")
    return "\n".join(rows)


def on_page_markdown(markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
    """MkDocs event: fill the index page's marker with the table."""
    if MARKER not in markdown:
        return markdown
    reference_dir = Path(config["docs_dir"]) / "reference"
    return markdown.replace(MARKER, exports_table(reference_dir))
