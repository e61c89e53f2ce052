"""The documentation site (mkdocs.yml): it builds in strict mode, and every public name has a docstring.

``make docs`` builds the site with ``mkdocs build --strict``; these tests run the same build into a temporary folder,
so ``make test`` (and CI) fails on a broken link, a broken cross-reference in a docstring or a reference page, or a
public name without a docstring. Strict MkDocs alone does not fail on a missing docstring (it shows a bare heading),
so the docstrings are also checked here, statically with Griffe, as the API reference reads them.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import griffe
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
TOOLING = DOCS / "_tooling"


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"docs_tooling_{name}", TOOLING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sphinx_roles = _tool("sphinx_roles")
outside_links = _tool("outside_links")
exports_table = _tool("exports_table")


def _build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        # Not --quiet: MkDocs then drops warnings before strict mode counts them, and a broken build passes.
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# --- the build ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = _build(CONFIG, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return site


def test_the_site_builds_strictly_with_every_page(site: Path) -> None:
    pages = {
        (p.with_name("index.md") if p.name == "README.md" else p).relative_to(DOCS).with_suffix(".html").as_posix()
        for p in DOCS.rglob("*.md")
    }
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert pages <= built, f"pages missing from the site: {sorted(pages - built)}"
    assert not list(site.rglob("*.py")), "the build's own code (docs/_tooling) must not be published"


def test_the_site_needs_no_network(site: Path) -> None:
    """Built offline and readable offline: no page loads a script, style or font from another host."""
    remote = re.compile(r"""<(?:script|link)\b[^>]*(?:src|href)=["']https?://""", re.I)
    offenders = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if remote.search(p.read_text("utf-8"))]
    assert not offenders, f"pages that fetch from the network: {offenders}"


def test_the_reference_index_lists_every_export_linked_to_its_page(site: Path) -> None:
    import coproduction

    page = (site / "reference" / "index.html").read_text(encoding="utf-8")
    for name in coproduction.__all__:
        assert re.search(rf'<a[^>]*href="[^"]*#coproduction\.(?:\w+\.)*{re.escape(name)}"', page), name


def test_docstring_roles_become_links_on_the_site(site: Path) -> None:
    # coproduction.errors says "derives from :class:`CoproductionError`": a link to the class, not literal text.
    page = (site / "reference" / "errors.html").read_text(encoding="utf-8")
    assert ":class:`" not in page
    assert 'href="#coproduction.errors.CoproductionError"' in page


def _config_for(docs_dir: Path) -> dict[str, Any]:
    """mkdocs.yml with every relative path made absolute and the pages taken from ``docs_dir``."""
    config: dict[str, Any] = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs_dir)
    config["hooks"] = [str(docs_dir.parent / hook) for hook in config["hooks"]]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "mkdocstrings" in plugin:
            python = plugin["mkdocstrings"]["handlers"]["python"]
            python["paths"] = [str(ROOT / path) for path in python["paths"]]
            python["options"]["extensions"] = [str(ROOT / ext) for ext in python["options"]["extensions"]]
    return config


#: Breakages the strict build must refuse: (page, text appended to it, what the build's message names).
BREAKAGES = [
    ("reference/errors.md", "See [`Nothing`][coproduction.errors.NoSuchError].", "coproduction.errors.NoSuchError"),
    ("policy.md", "See [the settings](no-such-page.md).", "no-such-page.md"),
    ("getting-started.md", "See [the script](../examples/no_such_script.py).", "no_such_script.py"),
]


def test_a_broken_reference_or_link_fails_the_strict_build(tmp_path: Path) -> None:
    # One build with all three breakages: strict mode reports every warning before it aborts.
    docs = tmp_path / "repo" / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "repo" / "examples").symlink_to(ROOT / "examples")
    # Only the reference page under test renders the API (most of the build's time); the others keep their title.
    for page in (docs / "reference").glob("*.md"):
        if page.name != "errors.md":
            page.write_text(page.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
    for page, addition, _ in BREAKAGES:
        with (docs / page).open("a", encoding="utf-8") as file:
            file.write(f"\n\n{addition}\n")
    config = tmp_path / "repo" / "mkdocs.yml"
    config.write_text(yaml.safe_dump(_config_for(docs)), encoding="utf-8")
    result = _build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "in strict mode" in result.stdout + result.stderr, result.stderr
    # Each breakage is a warning of its own (the stubbed reference pages add others), and strict mode fails on any.
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    for _, _, expected in BREAKAGES:
        assert any(expected in line for line in warnings), result.stderr


# --- every public name has a docstring ------------------------------------------------------------------------------


def _documented_modules() -> list[str]:
    """Every module a reference page renders (``::: module``), the top-level package first."""
    modules = [module for _page, _title, module in exports_table.pages_and_modules(REFERENCE)]
    return sorted(set(modules), key=lambda m: (m != "coproduction", m))


@cache
def _package() -> griffe.Module:
    """The package as the reference reads it: with the docs' Griffe extension (``#:`` comments are docstrings)."""
    extensions = griffe.load_extensions(str(TOOLING / "sphinx_roles.py"))
    loader = griffe.GriffeLoader(search_paths=[str(ROOT / "src")], extensions=extensions)
    package = loader.load("coproduction")
    assert isinstance(package, griffe.Module)
    loader.resolve_aliases(implicit=False, external=False)
    return package


def _public_names(module_path: str) -> list[str]:
    """The module's ``__all__`` at run time, or else the names Griffe deems public (those the reference shows)."""
    exported = getattr(importlib.import_module(module_path), "__all__", None)
    if exported is not None:
        return list(exported)
    module = _package()[module_path.removeprefix("coproduction.")] if module_path != "coproduction" else _package()
    return [name for name, member in module.members.items() if member.is_public and not member.is_alias]


def _missing_docstrings(module_path: str) -> list[str]:
    module = _package()[module_path.removeprefix("coproduction.")] if module_path != "coproduction" else _package()
    missing = []
    for name in _public_names(module_path):
        if name not in module.members:
            missing.append(f"{module_path}.{name} (not visible to the docs: import it under TYPE_CHECKING too)")
            continue
        member = module.members[name]
        target = member.final_target if member.is_alias else member
        if not (target.docstring and target.docstring.value.strip()):
            missing.append(f"{module_path}.{name}")
        if target.is_class:
            for method_name, method in target.members.items():
                if method_name.startswith("_") or method.is_alias:
                    continue
                if not (method.is_function or "property" in method.labels):
                    continue
                if not (method.docstring and method.docstring.value.strip()):
                    missing.append(f"{module_path}.{name}.{method_name}")
    return missing


def test_the_reference_documents_the_public_modules() -> None:
    assert {"coproduction", "coproduction.models", "coproduction.checks", "coproduction.policy"} <= set(
        _documented_modules()
    )
    assert {"coproduction.audit", "coproduction.calendar", "coproduction.io", "coproduction.errors"} <= set(
        _documented_modules()
    )


@pytest.mark.parametrize("module_path", _documented_modules())
def test_every_public_name_has_a_docstring(module_path: str) -> None:
    missing = _missing_docstrings(module_path)
    assert not missing, "public names without a docstring (the first line says what it is for):\n" + "\n".join(missing)


def test_a_missing_docstring_is_found(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        '"""A sample."""\n\n__all__ = ["documented", "bare"]\n\n'
        'def documented() -> None:\n    """For something."""\n\n\ndef bare() -> None:\n    pass\n',
        encoding="utf-8",
    )
    module = griffe.load("sample", search_paths=[str(tmp_path)])
    assert [name for name, m in module.members.items() if m.is_public and not m.docstring] == ["bare"]


# --- the build's own code: Sphinx roles, outside links, the exports table -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (":class:`~coproduction.errors.Problem`", "[`Problem`][coproduction.errors.Problem]"),
        (":func:`coproduction.load_register`", "[`coproduction.load_register`][coproduction.load_register]"),
        (":meth:`Membership.is_current`", "[`Membership.is_current`][Membership.is_current]"),
        (":func:`load_policy()`", "[`load_policy()`][load_policy]"),
        (":class:`the policy <coproduction.policy.Policy>`", "[the policy][coproduction.policy.Policy]"),
        (":mod:`zoneinfo`", "`zoneinfo`"),
        (":meth:`datetime.date.weekday`", "`datetime.date.weekday`"),
        (":mod:`pydantic_settings`", "`pydantic_settings`"),
        ("a script::\n\n    run()\n", "a script:\n\n    run()\n"),
    ],
)
def test_sphinx_roles_become_markdown(text: str, expected: str) -> None:
    assert sphinx_roles.convert(text) == expected


@given(st.text())
def test_text_without_roles_or_literal_markers_is_unchanged(text: str) -> None:
    if sphinx_roles.ROLE.search(text) is None and "::" not in text:
        assert sphinx_roles.convert(text) == text


@given(st.text())
def test_converting_any_text_never_fails(text: str) -> None:
    assert isinstance(sphinx_roles.convert(text), str)


@given(st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}(\.[A-Za-z_][A-Za-z0-9_]{0,10}){0,3}", fullmatch=True))
def test_a_role_naming_the_library_always_becomes_a_link_to_that_name(name: str) -> None:
    target = f"coproduction.{name}"
    assert sphinx_roles.convert(f"see :class:`~{target}`.") == f"see [`{target.rsplit('.', 1)[-1]}`][{target}]."


def test_an_enumeration_is_shown_as_a_table_of_its_values() -> None:
    extensions = griffe.load_extensions(str(TOOLING / "sphinx_roles.py"))
    package = griffe.load("coproduction", search_paths=[str(ROOT / "src")], extensions=extensions)
    assert isinstance(package, griffe.Module)
    perspective = package["models.enums.Perspective"]
    assert perspective.docstring is not None
    assert "| `USES_SERVICES` | `uses-services` |" in perspective.docstring.value
    assert "USES_SERVICES" not in perspective.members
    assert "rank" in package["policy.Severity"].members, "an enumeration's properties stay documented"


def test_links_outside_docs_keep_their_text_on_the_site() -> None:
    text = "[`examples/embed.py`](../examples/embed.py) and [the format](register-format.md)"
    assert outside_links.unlink_outside(text, "getting-started.md", DOCS) == (
        "`examples/embed.py` and [the format](register-format.md)"
    )


def test_links_outside_docs_to_missing_files_are_left_for_the_build_to_report() -> None:
    text = "[gone](../examples/gone.py), [inside](checks/../policy.md), ![picture](../examples/embed.py)"
    assert outside_links.unlink_outside(text, "getting-started.md", DOCS) == text


def test_the_exports_table_has_a_row_per_export_and_marks_an_undocumented_one(tmp_path: Path) -> None:
    import coproduction

    table = exports_table.exports_table(REFERENCE)
    assert len(table.splitlines()) == 2 + len(coproduction.__all__)
    assert "coproduction.undocumented" not in table
    (tmp_path / "index.md").write_text("# API reference\n\n::: coproduction\n", encoding="utf-8")
    lonely = exports_table.exports_table(tmp_path)
    assert "[`Register`][coproduction.undocumented.Register]" in lonely
