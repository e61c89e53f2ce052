"""A Griffe extension for the API reference: the docstrings' Sphinx roles become mkdocstrings cross-references.

The library's docstrings name other objects the way Sphinx does (``:class:`~coproduction.errors.Problem```,
``:func:`load_policy```). mkdocstrings renders Markdown, where such a role would show as literal text, so this
extension rewrites each one, before rendering, as an autorefs link (``[`Problem`][coproduction.errors.Problem]``).
A name in the library is a link, resolved in the docstring's own scope (``scoped_crossrefs`` in mkdocs.yml), so a
misspelt or stale name is a broken reference, which ``mkdocs build --strict`` refuses; only a module of the library
that no reference page renders is named as code. A name outside the library
(the standard library's ``datetime``, a dependency's ``pydantic_settings``) cannot be linked without fetching another
project's inventory over the network, so it is shown as code.

It also turns reStructuredText's ``::`` before an indented example into a plain colon (the indented block is
already code in Markdown), shows an enumeration's members as one table of names and values (the values are what a
register file or policy file holds) instead of a heading per member, and reads an attribute's ``#:`` comment
(Sphinx's form, used for the fields of the library's attrs classes) as its docstring when it has none.

Configured in mkdocs.yml under ``plugins: mkdocstrings: handlers: python: options: extensions``.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

import griffe

#: A Sphinx cross-reference role in the Python domain: ``:role:`target```, ``:role:`~target```, or
#: ``:role:`title <target>```.
ROLE = re.compile(r":(?:py:)?(?P<role>class|func|meth|mod|attr|data|exc|obj|const|type):`(?P<body>[^`]+)`")
_TITLED = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]+)>$")
#: ``text::`` at the end of a paragraph, followed by a blank line (reStructuredText's literal block marker).
_LITERAL_MARKER = re.compile(r"(?<=\S)::(?=\n\s*\n)")

#: The top-level package whose names are linked; every other name is shown as code.
PACKAGE = "coproduction"
#: The API reference's pages, which say (``::: module``) which modules they render.
REFERENCE = Path(__file__).resolve().parent.parent / "reference"
#: Base classes that make a class an enumeration.
ENUM_BASES = frozenset({"Enum", "StrEnum", "IntEnum", "Flag", "IntFlag"})


def is_external(target: str) -> bool:
    """Whether ``target`` names something outside this library (so it is shown as code, not linked)."""
    root = target.lstrip(".").split(".", 1)[0]
    if root == PACKAGE:
        return False
    if root in sys.stdlib_module_names:
        return True
    try:
        return importlib.util.find_spec(root) is not None
    except (ImportError, ValueError):
        return False


def convert_role(match: re.Match[str], code_modules: Collection[str] = ()) -> str:
    """The Markdown for one Sphinx role: a cross-reference for a name in the library, code for any other.

    A module role (``:mod:``) naming one of ``code_modules`` (modules of the library that no reference page shows)
    is code too: it is described in prose, not documented name by name.
    """
    body = match.group("body").strip()
    titled = _TITLED.match(body)
    if titled:
        title, target = titled.group("title"), titled.group("target").strip()
    else:
        target = body.lstrip("~")
        title = target.rsplit(".", 1)[-1] if body.startswith("~") else target
        title = f"`{title}`"
    target = target.removesuffix("()")
    if is_external(target) or (match.group("role") == "mod" and target in code_modules):
        return title
    return f"[{title}][{target}]"


def convert(text: str, code_modules: Collection[str] = ()) -> str:
    """A docstring with every Sphinx role rewritten (see :func:`convert_role`) and ``::`` markers made colons."""
    return _LITERAL_MARKER.sub(":", ROLE.sub(lambda match: convert_role(match, code_modules), text))


def documented_modules(reference_dir: Path = REFERENCE) -> frozenset[str]:
    """The modules the reference pages render (``::: module`` at the start of a line)."""
    directive = re.compile(r"^:::\s+(?P<module>[\w.]+)\s*$", re.M)
    return frozenset(
        match.group("module")
        for page in reference_dir.glob("*.md")
        for match in directive.finditer(page.read_text(encoding="utf-8"))
    )


def is_enum(cls: griffe.Class) -> bool:
    """Whether ``cls`` derives directly from one of the standard library's enumeration classes."""
    return any(str(base).rsplit(".", 1)[-1] in ENUM_BASES for base in cls.bases)


def comment_docstring(attribute: griffe.Object) -> str | None:
    """The ``#:`` comment lines just above an attribute's assignment, joined, or ``None`` when there are none."""
    if attribute.lineno is None or attribute.filepath is None or isinstance(attribute.filepath, list):
        return None
    lines = attribute.lines_collection[attribute.filepath]
    comment: list[str] = []
    index = attribute.lineno - 2  # the line above the assignment, counted from 0
    while index >= 0 and lines[index].lstrip().startswith("#:"):
        comment.insert(0, lines[index].lstrip()[2:].strip())
        index -= 1
    return " ".join(comment) or None


def _shown(value: object) -> str:
    """A member's value as a file holds it: a string literal without its quotes, anything else as written."""
    try:
        literal = ast.literal_eval(str(value))
    except (ValueError, SyntaxError):
        return str(value)
    return literal if isinstance(literal, str) else str(value)


def compact_enum(cls: griffe.Class) -> None:
    """Replace an enumeration's member headings by a table (name, value) at the end of its docstring."""
    members = [
        (name, member)
        for name, member in cls.members.items()
        if not member.is_alias
        and member.is_attribute
        and not name.startswith("_")
        and member.value is not None
        and "property" not in member.labels
    ]
    if not members:
        return
    rows = ["| member | value |", "| --- | --- |"]
    rows.extend(f"| `{name}` | `{_shown(member.value)}` |" for name, member in members)
    table = "\n".join(rows)
    if cls.docstring is None:
        cls.docstring = griffe.Docstring(table, parent=cls)
    else:
        cls.docstring.value = f"{cls.docstring.value}\n\n{table}"
    for name, _ in members:
        del cls.members[name]


class SphinxRoles(griffe.Extension):
    """Rewrites the Sphinx roles of every docstring in the loaded package (see the module's docstring)."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Convert every docstring of ``pkg`` once, after the whole package is loaded."""
        documented = documented_modules()
        # Modules that exist but no page renders: a :mod: role naming one is code. A misspelt module is neither,
        # so its role stays a link, and the strict build reports it.
        code_modules = {path for path in _module_paths(pkg) if path not in documented}
        seen: set[int] = set()
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.docstring is None and obj.is_attribute and (comment := comment_docstring(obj)):
                obj.docstring = griffe.Docstring(comment, parent=obj)
            if obj.docstring is not None:
                obj.docstring.value = convert(obj.docstring.value, code_modules)
            if obj.is_class and is_enum(obj):  # type: ignore[arg-type]
                compact_enum(obj)  # type: ignore[arg-type]
            stack.extend(member for member in obj.members.values() if not member.is_alias)  # type: ignore[misc]


def _module_paths(module: griffe.Module) -> list[str]:
    paths = [module.path]
    for submodule in module.modules.values():
        if not submodule.is_alias:
            paths.extend(_module_paths(submodule))  # type: ignore[arg-type]
    return paths
