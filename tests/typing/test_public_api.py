"""The public surface a council developer embeds (issue 11): one package to import from, with precise types.

- tests/typing/embedding.py, a sample embedding script, passes ``mypy --strict`` (its ``assert_type`` calls hold)
  and runs; a file calling ``load_register(12345)`` (or with an unknown keyword) is rejected by mypy.
- ``coproduction.__all__``, the lazy export table and the imports a type checker reads agree, name for name, so
  no public name is ``Any`` to mypy.
- Every model and enum is importable from ``coproduction``; plugin authors' names are in ``coproduction.plugins``.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import coproduction
from coproduction import models, plugins

ROOT = Path(__file__).resolve().parents[2]
EMBEDDING = Path(__file__).resolve().parent / "embedding.py"
INIT = ROOT / "src" / "coproduction" / "__init__.py"

REJECTED = """\
from coproduction import Group, load_register

load_register(12345)
load_register("register.yaml", nonsense=True)
Group(id="board", name="Board", kind=3)
"""


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One ``mypy --strict`` run over the embedding script and the file that must be rejected: error lines by
    file name."""
    rejected = tmp_path_factory.mktemp("typing") / "rejected.py"
    rejected.write_text(REJECTED, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--hide-error-context",
            str(EMBEDDING),
            str(rejected),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    found: dict[str, list[str]] = {EMBEDDING.name: [], rejected.name: []}
    for line in result.stdout.splitlines():
        match = re.match(r"(?P<file>[^:]+):(?P<line>\d+): (?P<level>error|note): (?P<text>.*)", line)
        assert match is not None, line
        if match.group("level") == "error":
            found.setdefault(Path(match.group("file")).name, []).append(f"{match.group('line')}: {match.group('text')}")
    return found


def test_the_embedding_script_passes_mypy_strict(mypy_output: dict[str, list[str]]) -> None:
    assert mypy_output[EMBEDDING.name] == []


def test_mypy_rejects_wrong_arguments_to_the_public_calls(mypy_output: dict[str, list[str]]) -> None:
    errors = mypy_output["rejected.py"]
    assert any(
        line.startswith("3: ") and 'incompatible type "int"; expected "str | PathLike[str]"' in line for line in errors
    ), errors
    assert any(line.startswith("4: ") and 'Unexpected keyword argument "nonsense"' in line for line in errors), errors
    assert any(line.startswith("5: ") and 'expected "GroupKind | str"' in line for line in errors), errors


def test_the_embedding_script_runs() -> None:
    result = subprocess.run([sys.executable, str(EMBEDDING)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# -- the export table, __all__ and the type checker's imports agree ----------------------------------------------


def _type_checking_imports() -> dict[str, str]:
    """Name -> module, for every ``from MODULE import NAME`` under ``if TYPE_CHECKING:`` in __init__.py."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                assert statement.module is not None
                for alias in statement.names:
                    found[alias.asname or alias.name] = statement.module
    return found


def test_every_export_is_seen_by_the_type_checker_from_where_it_is_loaded() -> None:
    exports = coproduction._EXPORTS
    assert sorted(exports) == sorted(coproduction.__all__)
    assert _type_checking_imports() == exports


@pytest.mark.parametrize("name", coproduction.__all__)
def test_every_export_resolves_to_the_object_its_module_defines(name: str) -> None:
    value = getattr(coproduction, name)
    assert value is getattr(__import__(coproduction._EXPORTS[name], fromlist=[name]), name)
    assert name in dir(coproduction)


def test_every_model_enum_and_constant_is_exported() -> None:
    assert set(models.__all__) <= set(coproduction.__all__)


@pytest.mark.parametrize(
    "name",
    [
        "load_register",
        "loads_register",
        "save_register",
        "dumps_register",
        "validate_register",
        "check_register",
        "audit_group",
        "export_calendar",
        "load_policy",
        "InvalidRegisterError",
        "Policy",
        "Severity",
    ],
)
def test_the_calls_a_user_needs_are_exported(name: str) -> None:
    assert name in coproduction.__all__


def test_plugin_authors_names_are_in_their_own_module() -> None:
    for name in ("Check", "CheckContext", "CheckDoc", "Flag", "check", "add_plugins", "ENTRY_POINT_GROUP"):
        assert name in plugins.__all__, name
        assert name not in coproduction.__all__, name
    for name in plugins.__all__:
        assert hasattr(plugins, name), name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nonsense'"):
        coproduction.Nonsense  # type: ignore[attr-defined]  # noqa: B018
