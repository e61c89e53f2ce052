"""One road to a policy: every command reads its policy through ``coproduction.settings``, with or without
``--profile``, ``--policy`` or ``--set``: the same environment variables, the same validation, the same errors."""

from __future__ import annotations

import argparse
import ast
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.cli import main
from coproduction.cli.common import policy_from_args
from coproduction.policy import Policy
from coproduction.settings import explain_from_args, load_policy
from coproduction.settings.sources import Layer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
ROUND = ROOT / "examples" / "recruitment" / "board-round.yaml"
AS_OF = "2026-11-25"

#: Every command that reads a policy, run on the example register with no policy option.
COMMANDS = {
    "check": ["check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json"],
    "calendar": ["calendar", str(EXAMPLE), "--group", "team-up-board"],
    "audit": ["audit", str(EXAMPLE), "--group", "team-up-board", "--as-of", AS_OF],
    "select": ["select", str(ROUND), "--register", str(EXAMPLE), "--group", "team-up-board", "--seed", "1"],
    "policy": ["policy", "--format", "json"],
}


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.upper().startswith("COPRODUCTION_"):
            monkeypatch.delenv(name)


def _args(**changes: object) -> argparse.Namespace:
    return argparse.Namespace(**{"profile": None, "policy": None, "settings": [], **changes})


def test_no_options_and_no_environment_give_policys_defaults() -> None:
    assert policy_from_args(_args()) == Policy()


def test_an_environment_variable_applies_with_no_profile(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COPRODUCTION_NAME", "from-the-environment")
    monkeypatch.setenv("COPRODUCTION_MIN_SERVICE_AREAS", "5")
    assert policy_from_args(_args()).min_service_areas == 5
    status, out, _ = _run(capsys, COMMANDS["check"])
    assert status in (0, 1)
    assert json.loads(out)["policy"] == "from-the-environment"


def test_without_the_variable_the_check_names_the_default_policy(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, COMMANDS["check"])
    assert status in (0, 1)
    assert json.loads(out)["policy"] == "default"


def test_the_default_profile_is_read_even_with_no_options(monkeypatch: pytest.MonkeyPatch) -> None:
    # The road does not stop short at Policy() when nothing is given: the shipped default profile is a layer like
    # any other. With "default" pointing at another profile, a command with no options meets that profile.
    import coproduction.settings.loader as loader

    monkeypatch.setattr(loader, "DEFAULT_PROFILE", "oxfordshire")
    policy = policy_from_args(_args())
    assert (policy.name, policy.area) == ("oxfordshire", "Oxfordshire")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_bad_environment_value_stops_every_command_with_a_located_error(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COPRODUCTION_MAX_MEETING_MINUTES", "long")
    status, out, err = _run(capsys, COMMANDS[command])
    assert status == 2
    assert out == ""
    assert "environment: COPRODUCTION_MAX_MEETING_MINUTES: expects a whole number; got 'long'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_misspelt_variable_stops_every_command(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COPRODUCTION_MIN_LIVED_EXPERIANCE_SHARE", "0.6")
    status, out, err = _run(capsys, COMMANDS[command])
    assert (status, out) == (2, "")
    assert "environment: COPRODUCTION_MIN_LIVED_EXPERIANCE_SHARE" in err
    assert "did you mean 'COPRODUCTION_MIN_LIVED_EXPERIENCE_SHARE'?" in err


def test_an_unknown_profile_in_the_environment_stops_a_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COPRODUCTION_PROFILE", "hampshire")
    status, out, err = _run(capsys, COMMANDS["check"])
    assert (status, out) == (2, "")
    assert "environment: COPRODUCTION_PROFILE: unknown profile 'hampshire'" in err


def test_a_namespace_without_policy_options_reads_as_none_given() -> None:
    assert policy_from_args(argparse.Namespace()) == Policy()
    assert explain_from_args(argparse.Namespace(), environ={}).origins == {}


def test_explain_from_args_names_the_layer_of_each_change() -> None:
    explained = explain_from_args(_args(settings=["min_service_areas=4"]), environ={"COPRODUCTION_REGION": "scotland"})
    assert explained.origins == {"min_service_areas": "--set", "region": "environment COPRODUCTION_REGION"}


@given(areas=st.integers(min_value=0, max_value=1000), share=st.floats(0, 1, allow_nan=False))
def test_the_commands_road_and_load_policy_agree(areas: int, share: float) -> None:
    environ = {"COPRODUCTION_MIN_SERVICE_AREAS": str(areas)}
    args = _args(settings=[f"min_lived_experience_share={share!r}"])
    from coproduction.settings import policy_from_args as settings_road

    expected = load_policy(environ=environ, overrides=[f"min_lived_experience_share={share!r}"])
    assert settings_road(args, environ) == expected
    assert (expected.min_service_areas, expected.min_lived_experience_share) == (areas, share)


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- the road is one, in the source too ------------------------------------------------------------------------

CLI = ROOT / "src" / "coproduction" / "cli"
#: Ways to build a policy that bypass the road (each is right in the library, not in a command).
BYPASSES = {"Policy", "load_policy", "explain_policy", "PolicySettings", "PolicyFields"}
ROAD = {"policy_from_args", "explain_from_args"}


def _called_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "")
    return names


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda path: path.name)
def test_no_command_builds_a_policy_off_the_road(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _called_names(tree) & BYPASSES == set()
    if "add_policy_arguments" in _called_names(tree):  # a command that takes --profile/--policy/--set
        assert _called_names(tree) & ROAD


def test_the_road_check_would_see_a_bypass() -> None:
    assert _called_names(ast.parse("policy = Policy()")) & BYPASSES == {"Policy"}
    assert _called_names(ast.parse("p = settings.load_policy(profile=x)")) & BYPASSES == {"load_policy"}


# --- when no layer changes a default, the road does not load pydantic (issue 12: county check under 0.5 s) -------


def _full_validation(layers: Sequence[Layer]) -> Policy:
    from coproduction.settings.build import validated_policy

    return validated_policy(layers)


def _exact(value: object) -> object:
    """``value`` compared to the last detail: each table's order, each amount's digits, each type."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        return type(value).__name__, [(f.name, _exact(getattr(value, f.name))) for f in fields]
    if isinstance(value, Mapping):
        return type(value).__name__, [(_exact(key), _exact(item)) for key, item in value.items()]
    if isinstance(value, frozenset):  # a set's order is not its own: hash seeds change it from run to run
        return "frozenset", sorted(repr(_exact(item)) for item in value)
    if isinstance(value, tuple):
        return "tuple", [_exact(item) for item in value]
    return type(value).__name__, repr(value)


def test_validating_policys_defaults_gives_what_the_road_gives_without_validating() -> None:
    # What the road returns when no layer changes a default must be what validating the layers gives, to the
    # order of each table and the last digit of every amount.
    from coproduction.settings.loader import gather_layers

    unvalidated = policy_from_args(_args())
    assert unvalidated == Policy()
    for layers in ([gather_layers(None, None, {}, ())[0]], gather_layers(None, None, {}, ())):
        assert _exact(_full_validation(layers)) == _exact(unvalidated)


def test_the_default_road_reads_every_layer_but_loads_no_pydantic() -> None:
    import subprocess
    import sys

    program = (
        "import argparse, sys\n"
        "from coproduction.settings import policy_from_args\n"
        "from coproduction.policy import Policy\n"
        "assert policy_from_args(argparse.Namespace()) == Policy()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_settings', 'yaml'))\n"
        "assert 'coproduction.settings.sources' in sys.modules, 'the profile is read'\n"
        "print(loaded)\n"
    )
    environ = {name: value for name, value in os.environ.items() if not name.upper().startswith("COPRODUCTION_")}
    result = subprocess.run([sys.executable, "-c", program], env=environ, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "overrides",
    [
        {"min_expected_count": True},  # true == 1.0 in Python, but a number written as true is refused
        {"min_expected_count": "1.0"},
        {"earliest_start": "9:30:00"},
    ],
    ids=["bool-for-number", "text-for-number", "other-spelling"],
)
def test_a_value_equal_to_a_default_but_not_the_same_is_validated(overrides: dict[str, object]) -> None:
    from coproduction.errors import PolicyError
    from coproduction.settings.loader import gather_layers

    layers = gather_layers(None, None, {}, overrides)
    try:
        expected: Policy | str = _full_validation(layers)
    except PolicyError as error:
        expected = str(error)
    try:
        got: Policy | str = load_policy(environ={}, overrides=overrides)  # type: ignore[arg-type]
    except PolicyError as error:
        got = str(error)
    assert got == expected
    if overrides == {"min_expected_count": True}:
        assert isinstance(got, str)
        assert "true/false is not a number" in got


def test_restating_a_default_still_names_its_layer() -> None:
    environ = {"COPRODUCTION_REGION": "england-and-wales"}
    explained = explain_from_args(_args(settings=["name=default"]), environ=environ)
    assert explained.policy == Policy()
    assert explained.origins == {"name": "--set", "region": "environment COPRODUCTION_REGION"}
