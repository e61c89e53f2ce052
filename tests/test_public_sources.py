"""What ships cites sources a reader can open: no file under src/, docs/ or examples/, nor README.md or
pyproject.toml, points at notes that are not shipped (the project's private domain notes and their copies of
source texts); every ``sources.md#anchor`` cited anywhere is an anchor of docs/sources.md, and the anchors others
link to are there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "docs" / "sources.md"
SHIPPED = ("src", "docs", "examples", "README.md", "pyproject.toml")

#: Build output, caches and packaging metadata, as .gitignore lists them: not shipped sources.
SKIPPED_DIRECTORIES = {"__pycache__", "build", "dist", ".hypothesis", ".mypy_cache", ".ruff_cache", ".pytest_cache"}

#: Folders whose private references another change is still replacing; each entry goes once that lands. Empty:
#: the checks and their pages were the last (they cite docs/sources.md since the checks' public-sources change).
ALLOWED: tuple[str, ...] = ()

#: References to notes that do not ship: a numbered source text ("seed 002", "seeds 001-003"), the domain and
#: checks notes, and the folder they live in.
PRIVATE = re.compile(
    r"\bseeds? ?0\d\d"
    r"|\bDOMAIN\.md\b"
    r"|\bCHECKS\.md\b"
    r"|/work/shared\b"
    r"|\.\./shared\b"
    r"|\bshared/(?:seeds|DOMAIN|CHECKS|STYLE|hooks|tools)\b",
    re.IGNORECASE,
)

#: The anchors of docs/sources.md that other pages and modules link to.
REQUIRED_ANCHORS = (
    "oxfordshire-real-experts",
    "oxfordshire-breaking-down-barriers",
    "oxfordshire-scie-easy-read",
    "oxfordshire-ccg-coproduction",
    "voiceability-coproduction",
    "scie-guide-51",
    "nsun-4pi",
    "nhs-england-working-in-partnership",
    "tlap-ladder",
    "lga-1972-s100b",
    "lanarkshire-links",
    "nottingham-meeting-hours",
    "flanigan-2021",
    "project-defaults",
)

CITED_ANCHOR = re.compile(r"sources\.md#([A-Za-z0-9_-]+)")
#: Words that stand for an anchor where a docstring shows the form of a citation ("(docs/sources.md#entry)").
EXAMPLE_ANCHORS = {"entry", "anchor"}


def private_references(text: str) -> list[str]:
    """The private references in ``text``, as written."""
    return [match.group(0) for match in PRIVATE.finditer(text)]


def shipped_files() -> Iterator[Path]:
    for name in SHIPPED:
        top = ROOT / name
        if top.is_file():
            yield top
            continue
        for path in sorted(top.rglob("*")):
            parts = set(path.relative_to(ROOT).parts)
            if path.is_file() and not parts & SKIPPED_DIRECTORIES and not any(p.endswith(".egg-info") for p in parts):
                yield path


def shipped_texts() -> Iterator[tuple[str, str]]:
    for path in shipped_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a workbook or an image: no prose to cite from
            continue
        yield path.relative_to(ROOT).as_posix(), text


def anchors_of_sources() -> set[str]:
    """Explicit ``{#anchor}`` ids of docs/sources.md's headings."""
    return set(re.findall(r"\{#([A-Za-z0-9_-]+)\}", SOURCES.read_text(encoding="utf-8")))


def test_no_shipped_file_points_at_private_notes() -> None:
    found = {
        name: private_references(text)
        for name, text in shipped_texts()
        if not name.startswith(ALLOWED) and private_references(text)
    }
    assert found == {}, "cite the public source (docs/sources.md) instead"


def test_the_sources_page_itself_names_no_private_note() -> None:
    text = SOURCES.read_text(encoding="utf-8")
    assert private_references(text) == []
    assert "seed" not in text.lower()


@pytest.mark.parametrize("anchor", REQUIRED_ANCHORS)
def test_the_sources_page_has_the_anchors_others_link_to(anchor: str) -> None:
    assert anchor in anchors_of_sources()


def test_every_cited_anchor_of_the_sources_page_exists() -> None:
    anchors = anchors_of_sources()
    missing = {
        (name, anchor)
        for name, text in shipped_texts()
        for anchor in CITED_ANCHOR.findall(text)
        if anchor not in anchors and anchor not in EXAMPLE_ANCHORS
    }
    assert missing == set()


def test_the_sources_page_is_in_the_sites_menu() -> None:
    assert "sources.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "Oxfordshire (seed 003)",
        "Team-Up (seeds 001, 002)",
        "Seed 002: the champions",
        "the numbers in DOMAIN.md",
        "(CHECKS.md output contract)",
        "copies in /work/shared/seeds",
        "see ../shared/DOMAIN.md",
        "the project's shared/seeds/ folder",
    ],
)
def test_private_references_are_found(text: str) -> None:
    assert private_references(text)


@pytest.mark.parametrize(
    "text",
    [
        "drawn with the announced seed 20261201",
        "--seed 1",
        "the seeded sample of mutants",
        "docs/sources.md#oxfordshire-ccg-coproduction",
        "reports/templates/shared/base.html",
        "a shared/common layout",
        "domain.py and checks.py",
    ],
)
def test_public_text_is_not_flagged(text: str) -> None:
    assert private_references(text) == []


@given(
    st.text(max_size=100),
    st.sampled_from(["seed 001", "DOMAIN.md", "checks.md", "/work/shared", "shared/seeds"]),
    st.text(max_size=100),
)
def test_a_private_reference_is_found_wherever_it_stands(before: str, reference: str, after: str) -> None:
    assert reference.lower() in [found.lower() for found in private_references(f"{before} {reference} {after}")]


@given(st.text(max_size=300))
def test_text_without_the_private_words_is_never_flagged(text: str) -> None:
    lowered = text.lower()
    if not any(word in lowered for word in ("seed", "domain.md", "checks.md", "shared")):
        assert private_references(text) == []
