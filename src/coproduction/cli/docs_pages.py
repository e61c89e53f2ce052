"""Write ``docs/checks/``: one page per built-in check and an index, generated from the registry.

Run ``python -m coproduction.cli.docs_pages docs/checks`` after changing a check; ``tests/test_check_docs.py`` fails
while a page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from coproduction.checks import builtin_registry
from coproduction.checks.documentation import index_markdown, page_markdown
from coproduction.io.atomic import write_atomic


def expected_pages() -> dict[str, str]:
    """File name -> content for every page the registry implies."""
    registry = builtin_registry()
    pages = {f"{check.code}.md": page_markdown(check) for check in registry}
    pages["README.md"] = index_markdown(registry)
    return pages


def write_pages(folder: str | Path) -> list[Path]:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in expected_pages().items():
        write_atomic(target / name, content)
        written.append(target / name)
    for stale in sorted(target.glob("*.md")):
        if stale.name not in expected_pages():
            stale.unlink()
    return written


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    for path in write_pages(sys.argv[1] if len(sys.argv) > 1 else "docs/checks"):
        print(path)
