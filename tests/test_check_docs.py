"""Every check is documented from one source, and docs/checks/ is not stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduction.checks import builtin_registry
from coproduction.checks.documentation import SECTION_HEADINGS, explain_text, page_markdown
from coproduction.cli.docs_pages import expected_pages

DOCS = Path(__file__).resolve().parent.parent / "docs" / "checks"
CHECKS = list(builtin_registry())


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_every_check_has_every_section(check) -> None:  # type: ignore[no-untyped-def]
    doc = check.doc
    for field in ("what", "why", "example", "instead"):
        assert len(getattr(doc, field).split()) >= 5, f"{check.code}: {field!r} is too thin to help anyone"
    assert doc.sources, f"{check.code} cites no source"
    page = page_markdown(check)
    for heading in SECTION_HEADINGS:
        assert f"## {heading}\n\n" in page
    assert check.code in explain_text(check)


def test_docs_pages_are_current() -> None:
    expected = expected_pages()
    stale = [
        name for name, text in expected.items() if not (DOCS / name).is_file() or (DOCS / name).read_text() != text
    ]
    extra = sorted(p.name for p in DOCS.glob("*.md") if p.name not in expected)
    fix = "run: python -m coproduction.cli.docs_pages docs/checks"
    assert not stale, f"docs/checks pages are stale: {stale}; {fix}"
    assert not extra, f"docs/checks has pages for no check: {extra}; {fix}"
