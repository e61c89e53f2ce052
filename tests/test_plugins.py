"""A council's own checks arrive through the ``coproduction.checks`` entry-point group."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "examples" / "plugin"
EXAMPLE = ROOT / "examples" / "oxfordshire"


def _run(args: list[str], pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    env = {k: v for k, v in env.items() if not k.startswith("COPRODUCTION_")}
    return subprocess.run(
        [sys.executable, "-m", "coproduction", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pip-installs examples/plugin into a private folder, as a council would install it beside coproduction."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return target


def test_installed_plugin_is_listed_and_explained(installed_plugin: Path) -> None:
    listed = _run(["rules"], installed_plugin)
    assert listed.returncode == 0, listed.stderr
    assert "OXF001  no-healthwatch-member" in listed.stdout
    explained = _run(["explain", "OXF001"], installed_plugin)
    assert explained.returncode == 0
    assert "Healthwatch" in explained.stdout


def test_installed_plugin_findings_appear(installed_plugin: Path) -> None:
    result = _run(
        ["check", str(EXAMPLE), "--as-of", "2026-11-25", "--select", "OXF", "--format", "json"], installed_plugin
    )
    assert result.returncode == 0, result.stderr
    assert '"code": "OXF001"' in result.stdout
    without = _run(
        ["check", str(EXAMPLE), "--as-of", "2026-11-25", "--no-plugins", "--format", "json"], installed_plugin
    )
    assert '"OXF001"' not in without.stdout


def _fake_distribution(folder: Path, name: str, module_source: str, entry: str) -> None:
    """An installed distribution as importlib.metadata sees one: a dist-info folder and its module."""
    (folder / f"{name}.py").write_text(module_source)
    info = folder / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[coproduction.checks]\n{name} = {entry}\n")


COLLIDING = """
from coproduction.checks import Check, CheckDoc, Principle, SubjectKind
from coproduction.policy import Severity

CHECK = Check("EQ001", "my-own-equality", Principle.EQUALITY, Severity.INFO, SubjectKind.GROUP,
              CheckDoc("what it does here", "why", "example", "instead"), lambda context: [])
"""


def test_plugin_colliding_with_a_builtin_code_is_refused(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "colliding_checks", COLLIDING, "colliding_checks:CHECK")
    result = _run(["rules"], tmp_path)
    assert result.returncode == 2
    assert "EQ001" in result.stderr
    assert "already taken" in result.stderr
    assert "Traceback" not in result.stderr


def test_plugin_that_fails_to_import_is_a_clear_error(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "broken_checks", "raise RuntimeError('boom')\n", "broken_checks:CHECKS")
    result = _run(["rules"], tmp_path)
    assert result.returncode == 2
    assert "broken_checks" in result.stderr
    assert "Traceback" not in result.stderr


def test_plugin_giving_something_else_is_refused(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "odd_checks", "CHECKS = ['not a check']\n", "odd_checks:CHECKS")
    result = _run(["rules"], tmp_path)
    assert result.returncode == 2
    assert "not a coproduction.checks.Check" in result.stderr


def test_plugin_whose_factory_raises_is_a_clear_error(tmp_path: Path) -> None:
    source = "def CHECKS():\n    raise ValueError('misconfigured')\n"
    _fake_distribution(tmp_path, "factory_checks", source, "factory_checks:CHECKS")
    result = _run(["rules"], tmp_path)
    assert result.returncode == 2
    assert "factory_checks" in result.stderr
    assert "misconfigured" in result.stderr
    assert "Traceback" not in result.stderr


def test_plugin_giving_a_non_iterable_is_refused(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "number_checks", "CHECKS = 42\n", "number_checks:CHECKS")
    result = _run(["rules"], tmp_path)
    assert result.returncode == 2
    assert "number_checks" in result.stderr
    assert "Traceback" not in result.stderr


RAISING_CHECK = """
from coproduction.checks import Check, CheckDoc, Principle, SubjectKind
from coproduction.policy import Severity

def _boom(context):
    raise RuntimeError("plugin bug")
    yield

CHECK = Check("ZZP001", "plugin-that-fails", Principle.EQUALITY, Severity.INFO, SubjectKind.GROUP,
              CheckDoc("what it does here", "why", "example", "instead"), _boom)
"""


def test_plugin_check_that_raises_while_running_is_a_clear_error(tmp_path: Path) -> None:
    _fake_distribution(tmp_path, "raising_checks", RAISING_CHECK, "raising_checks:CHECK")
    result = _run(["check", str(EXAMPLE), "--as-of", "2026-11-25"], tmp_path)
    assert result.returncode == 2
    assert "ZZP001" in result.stderr
    assert "plugin bug" in result.stderr
    assert "Traceback" not in result.stderr
