"""``coproduction policy``: text, JSON and TOML output; errors as exit status 2 with a message, never a traceback."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.policy import Policy
from coproduction.settings import load_policy, policy_from_args, policy_to_dict


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.upper().startswith("COPRODUCTION_"):
            monkeypatch.delenv(name)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["policy", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_is_policy_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["--profile", "oxfordshire", "--format", "json"], capsys)
    assert (status, err) == (0, "")
    assert json.loads(out) == policy_to_dict(load_policy("oxfordshire", environ={}))


def test_text_lines_use_set_keys(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--set", "group_sizes.board.minimum=10"], capsys)
    assert status == 0
    assert "group_sizes.board.minimum = 10  # --set\n" in out
    assert 'earliest_start = "09:30"\n' in out
    assert 'name = "default"\n' in out


def test_text_names_where_changes_came_from(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COPRODUCTION_MIN_SERVICE_AREAS", "4")
    status, out, _ = run(["--profile", "oxfordshire", "--set", "suppression_threshold=10"], capsys)
    assert status == 0
    assert "min_service_areas = 4  # environment COPRODUCTION_MIN_SERVICE_AREAS\n" in out
    assert "suppression_threshold = 10  # --set\n" in out
    assert "area = \"Oxfordshire\"  # profile 'oxfordshire'" in out
    assert "max_meeting_minutes = 150\n" in out


def test_toml_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        ["--profile", "oxfordshire", "--set", "min_lived_experience_share=0.6", "--format", "toml"], capsys
    )
    assert status == 0
    path = tmp_path / "ours.toml"
    path.write_text(out, encoding="utf-8")
    expected = load_policy("oxfordshire", environ={}, overrides=["min_lived_experience_share=0.6"])
    assert load_policy(policy_file=path, environ={}) == expected


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COPRODUCTION_PROFILE", "oxfordshire")
    status, out, _ = run(["--format", "json"], capsys)
    assert status == 0
    assert json.loads(out)["area"] == "Oxfordshire"


def test_list_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--list-profiles"], capsys) == (0, "default\noxfordshire\n", "")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--profile", "oxon"], "unknown profile 'oxon'"),
        (["--set", "min_lived_experiance_share=0.6"], "did you mean 'min_lived_experience_share'?"),
        (["--set", "min_lived_experience_share=lots"], "expects a number"),
        (["--policy", "/nonexistent.toml"], "no such policy file"),
    ],
)
def test_errors_exit_2_without_traceback(argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(argv, capsys)
    assert status == 2
    assert out == ""
    assert fragment in err
    assert "Traceback" not in err


def test_misspelt_variable_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COPRODUCTION_MIN_LIVED_EXPERIANCE_SHARE", "0.6")
    status, _, err = run([], capsys)
    assert status == 2
    assert "environment: COPRODUCTION_MIN_LIVED_EXPERIANCE_SHARE" in err


def test_policy_from_args_reads_the_common_options(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("min_service_areas: 4\n", encoding="utf-8")
    args = argparse.Namespace(profile="oxfordshire", policy=str(path), settings=["suppression_threshold=10"])
    policy = policy_from_args(args)
    assert (policy.area, policy.min_service_areas, policy.suppression_threshold) == ("Oxfordshire", 4, 10)


def test_policy_from_args_with_no_options() -> None:
    assert policy_from_args(argparse.Namespace()) == Policy()
