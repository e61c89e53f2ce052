"""The import contract: the domain never imports an edge.

Domain = the models and their validation rules, policy values, the checks, the audit arithmetic, the recruitment
arithmetic, working days and the error types. Edges = file formats, baseline files and the Census importer (all in
``coproduction.io``), settings loading, reports (``coproduction.reports``), the calendar, the command line and the
public API facade.

The test walks the syntax tree of every domain module -- imports at any depth, inside functions, ``if
TYPE_CHECKING:`` blocks and ``try`` blocks included -- resolves relative imports and ``from pkg import module``
forms, and lists every violation as ``file:line``. It is the equivalent of an import-linter "forbidden" contract,
without a new dependency (https://import-linter.readthedocs.io/en/stable/contract_types.html#forbidden-modules).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "coproduction"

# Modules (or packages: every module beneath them) that make up the domain.
DOMAIN: tuple[str, ...] = (
    "coproduction.models",
    "coproduction.policy",
    "coproduction.policy_rules",
    "coproduction.checks",
    "coproduction.audit",  # the whole package: the audit arithmetic (its file reader and reports are edges elsewhere)
    "coproduction.recruitment",  # the whole package: screening, quotas, selection (its renderer is reports.recruitment)
    "coproduction.working_days",
    "coproduction.board_summary",  # the board report's figures (issue 16): rates and totals, no rendering
    "coproduction.errors",
)

# Modules (with everything beneath them) that the domain must not import.
EDGES: tuple[str, ...] = (
    "coproduction.io",  # file formats, baseline files and the Census importer
    "coproduction.settings",
    "coproduction.reports",  # every report: checks, audits, board reports and recruitment rounds, in every format
    "coproduction.calendar",
    "coproduction.cli",
    "coproduction.api",
    "coproduction.baselines",
    "coproduction.profiles",
)

# Known violations kept on purpose, each with its reason: (importing module, imported module) -> reason.
# Empty today; a new entry needs a comment saying why the move is too large for now and which issue tracks it.
ALLOWED: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _domain_files() -> list[Path]:
    files: set[Path] = set()
    for dotted in DOMAIN:
        parts = dotted.split(".")
        base = SRC.joinpath(*parts)
        if base.is_dir():
            files.update(p for p in base.rglob("*.py"))
        elif base.with_suffix(".py").is_file():
            files.add(base.with_suffix(".py"))
    # No edge is nested inside a domain package (test_no_edge_is_nested_in_a_domain_package): every module found
    # here is domain, and its imports are checked.
    return sorted(files)


def imported_modules(source: str, module: str, *, is_package: bool) -> list[tuple[int, str]]:
    """Every module a source file imports, absolute, with its line: ``from a import b`` yields ``a`` and ``a.b``."""
    tree = ast.parse(source)
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")
                if node.level > 1:
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, node.module] if node.module else anchor)
            else:
                base = node.module or ""
            found.append((node.lineno, base))
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*")
    return found


def violations(files: list[Path]) -> list[str]:
    """``file:line: module imports edge`` for every forbidden import in the given domain files."""
    problems: list[str] = []
    for path in files:
        module = _module_name(path)
        seen: set[tuple[int, str]] = set()
        for line, name in imported_modules(
            path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py"
        ):
            for edge in EDGES:
                if _is_under(name, edge) and (module, edge) not in ALLOWED and (line, edge) not in seen:
                    seen.add((line, edge))
                    problems.append(f"{path.relative_to(SRC.parent)}:{line}: {module} imports {name} (edge {edge})")
    return problems


def test_domain_modules_are_found() -> None:
    names = {_module_name(p) for p in _domain_files()}
    assert "coproduction.checks.diversity.DV001_underrepresented_group" in names
    assert "coproduction.models.validation" in names
    assert "coproduction.audit.analysis" in names
    assert "coproduction.policy" in names
    assert not any(_is_under(n, "coproduction.reports") for n in names)


@pytest.mark.parametrize("package", ["audit", "recruitment"])
def test_the_package_is_all_domain(package: str) -> None:
    """Issue 12: ``audit/`` held both the arithmetic and edges (the baseline file reader, the Census importer, the
    reports), and ``recruitment/`` its round's renderer. Now every module under each is domain."""
    modules = {_module_name(p) for p in (PACKAGE / package).rglob("*.py")}
    domain = {_module_name(p) for p in _domain_files()}
    assert modules
    assert modules <= domain


def test_no_edge_is_nested_in_a_domain_package() -> None:
    """Issue 12: no edge lives inside a domain package, and no edge is named inside one. An edge is its own top-level
    package or module (the renderers all under ``coproduction.reports``), so the contract needs no exceptions."""
    inside = {
        _module_name(p)
        for dotted in DOMAIN
        if SRC.joinpath(*dotted.split(".")).is_dir()
        for p in SRC.joinpath(*dotted.split(".")).rglob("*.py")
    }
    assert "coproduction.recruitment.selection" in inside
    nested = sorted(n for n in inside if any(_is_under(n, edge) for edge in EDGES))
    assert nested == [], nested
    assert not [edge for edge in EDGES for dotted in DOMAIN if _is_under(edge, dotted)]
    # The recruitment round's renderer, once recruitment.report, is with the other reports.
    assert (PACKAGE / "reports" / "recruitment.py").is_file()
    assert not (PACKAGE / "recruitment" / "report.py").exists()


def test_every_named_domain_module_exists() -> None:
    for dotted in DOMAIN:
        base = SRC.joinpath(*dotted.split("."))
        assert base.is_dir() or base.with_suffix(".py").is_file(), dotted


def test_the_domain_imports_no_edge() -> None:
    problems = violations(_domain_files())
    assert not problems, "the domain imports an edge:\n" + "\n".join(problems)


def test_allow_list_entries_are_still_needed() -> None:
    problems = {tuple(p) for p in ALLOWED}
    for module, edge in problems:
        path = SRC.joinpath(*module.split("."))
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        names = imported_modules(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")
        assert any(_is_under(n, edge) for _, n in names), f"stale allow-list entry {module} -> {edge}"


@pytest.mark.parametrize(
    "planted",
    [
        "from coproduction.io.loader import load_register\n",
        "import coproduction.settings\n",
        "from coproduction.io import baselines\n",
        "def f():\n    from ..cli import main\n    return main\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from coproduction.calendar import x\n",
        "from .. import api\n",
        "try:\n    from coproduction.reports.audit.html import render\nexcept ImportError:\n    pass\n",
    ],
)
def test_the_contract_catches_a_planted_violation(tmp_path: Path, planted: str) -> None:
    fake = tmp_path / "src" / "coproduction" / "checks" / "planted.py"
    fake.parent.mkdir(parents=True)
    fake.write_text('"""Planted."""\n' + planted, encoding="utf-8")
    module = "coproduction.checks.planted"
    names = [n for _, n in imported_modules(fake.read_text(encoding="utf-8"), module, is_package=False)]
    assert any(any(_is_under(n, edge) for edge in EDGES) for n in names), names


def test_a_planted_violation_is_reported_with_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src"
    fake = src / "coproduction" / "policy.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(
        '"""Planted."""\nimport json\n\n\ndef f():\n    from coproduction.reports.checks import x\n', encoding="utf-8"
    )
    monkeypatch.setattr(f"{__name__}.SRC", src)
    assert violations([fake]) == [
        "src/coproduction/policy.py:6: coproduction.policy imports coproduction.reports.checks"
        " (edge coproduction.reports)"
    ]


def test_domain_only_imports_are_silent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src"
    fake = src / "coproduction" / "checks" / "fine.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(
        "from coproduction.audit import analysis\nfrom coproduction.models.register import Register\n"
        "from ..policy import Policy\nimport coproduction.iox\nfrom coproduction.audit.baselines_note import y\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(f"{__name__}.SRC", src)
    assert violations([fake]) == []
