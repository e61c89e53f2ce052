"""A MkDocs hook: a docs page's link to a file of the repository outside docs/ shows as its text on the site.

The pages in docs/ are read on GitHub as well as on the built site. On GitHub a link such as
``[`examples/embed.py`](../examples/embed.py)`` opens the script; the site holds only docs/, so there the same link
would lead nowhere (and ``mkdocs build --strict`` refuses it). This hook keeps the link's text and drops the link on
the site, but only when the file or folder exists in the repository: a link to a missing file is left alone, so the
strict build still reports it as broken.

Configured in mkdocs.yml under ``hooks``.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

#: An inline Markdown link whose target is relative and leaves the page's folder: ``[text](../path)``.
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\((?P<target>\.\./[^)\s#]+)(?P<anchor>#[^)\s]*)?\)")


def outside_target(page_path: str, target: str, docs_dir: Path) -> Path | None:
    """The repository file a link from docs page ``page_path`` points at, when it lies outside ``docs_dir``."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target))
    if not joined.startswith("../"):
        return None  # still inside docs/: MkDocs checks it
    resolved = (docs_dir / joined).resolve()
    return resolved if resolved.exists() else None


def unlink_outside(markdown: str, page_path: str, docs_dir: Path) -> str:
    """``markdown`` with each link to an existing file outside ``docs_dir`` replaced by the link's text."""

    def replace(match: re.Match[str]) -> str:
        if outside_target(page_path, match.group("target"), docs_dir) is None:
            return match.group(0)
        return match.group("text")

    return LINK.sub(replace, markdown)


def on_page_markdown(markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
    """MkDocs event: rewrite the page's outside links before it is rendered."""
    return unlink_outside(markdown, page.file.src_uri, Path(config["docs_dir"]))
