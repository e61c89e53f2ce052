"""Every check cites sources a reader can open: public documents by publisher and title, each with its entry in
docs/sources.md, and "this project's default" for numbers no source gives. Nothing cites files the repository does
not ship."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coproduction.checks import builtin_registry
from coproduction.checks.documentation import page_markdown
from coproduction.checks.sources import DOCUMENTS, cite, project_default

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "src" / "coproduction" / "checks"
PRIVATE = re.compile(r"seeds? 0\d\d|DOMAIN\.md|CHECKS\.md|\.\./shared|/work/shared", re.IGNORECASE)
ENTRY = re.compile(r"\(docs/sources\.md#([a-z0-9-]+)\)$")
ANCHORS = set(re.findall(r"\{#([a-z0-9-]+)\}", (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")))


@pytest.mark.parametrize("check", list(builtin_registry()), ids=lambda c: c.code)
def test_each_source_names_its_entry_in_docs_sources(check) -> None:
    assert check.doc.sources
    for source in check.doc.sources:
        found = ENTRY.search(source)
        assert found, f"{check.code}: {source!r} does not end with its docs/sources.md entry"
        assert found.group(1) in ANCHORS, f"{check.code}: docs/sources.md has no entry #{found.group(1)}"
        assert not PRIVATE.search(source)


def test_no_check_module_docstring_or_comment_cites_a_private_file() -> None:
    cited = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(CHECKS.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert cited == []


def test_no_generated_page_cites_a_private_file() -> None:
    pages = sorted((ROOT / "docs" / "checks").glob("*.md"))
    assert len(pages) == len(builtin_registry()) + 1
    assert [p.name for p in pages if PRIVATE.search(p.read_text(encoding="utf-8"))] == []


def test_every_document_has_an_entry_in_docs_sources() -> None:
    assert set(DOCUMENTS) <= ANCHORS


def test_cite_and_project_default_read_as_sentences_with_their_entry() -> None:
    assert cite("equality-act-2010", "section 4") == "Equality Act 2010: section 4 (docs/sources.md#equality-act-2010)"
    assert cite("practice-guidance", document="Defra") == "Defra (docs/sources.md#practice-guidance)"
    assert project_default("max_meeting_minutes = 150") == (
        "max_meeting_minutes = 150: this project's default, which each council sets in its policy "
        "(docs/sources.md#project-defaults)"
    )
    with pytest.raises(KeyError):
        cite("no-such-entry")


def test_pages_link_each_source_to_its_entry() -> None:
    page = page_markdown(builtin_registry()["AC006"])
    assert "- max_minutes_without_break = 90: this project's default, which each council sets in its policy " in page
    assert "([sources](../sources.md#project-defaults))" in page
    assert "docs/sources.md" not in page
