"""``coproduction report``: options, output files, and bad input as a clear error with exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.cli.report_cmd import parse_period
from tests.report.helpers import AS_OF, EXAMPLE, example_page

ARGS = [str(EXAMPLE), "--group", "team-up-board", "--as-of", "2026-11-25"]


@pytest.mark.parametrize(("extra", "variant", "format"), [
    ([], "plain", "html"),
    (["--easy-read"], "easy-read", "html"),
    (["--format", "markdown"], "plain", "markdown"),
    (["--easy-read", "--format", "markdown"], "easy-read", "markdown"),
])  # fmt: skip
def test_writes_the_report_to_a_file(tmp_path: Path, extra: list[str], variant: str, format: str) -> None:
    output = tmp_path / "report.out"
    assert main(["report", *ARGS, *extra, "-o", str(output), "--quiet"]) == 0
    assert output.read_text(encoding="utf-8") == example_page(variant, format)


def test_writes_to_standard_output_without_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *ARGS, "--format", "markdown", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out == example_page("plain", "markdown")
    assert out.startswith("# Team-Up Co-production Board: co-production report\n")


def test_an_unknown_group_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "report.html"
    args = [str(EXAMPLE), "--group", "nope", "--as-of", "2026-11-25", "-o", str(output)]
    assert main(["report", *args]) == 2
    err = capsys.readouterr().err
    assert "no group has id 'nope'" in err
    assert "champions, team-up-board" in err
    assert "Traceback" not in err
    assert not output.exists()


def test_the_output_may_not_replace_the_register(capsys: pytest.CaptureFixture[str]) -> None:
    before = (EXAMPLE / "groups.yaml").read_bytes()
    assert main(["report", *ARGS, "-o", str(EXAMPLE / "groups.yaml")]) == 2
    assert "would overwrite the register" in capsys.readouterr().err
    assert (EXAMPLE / "groups.yaml").read_bytes() == before


def test_a_missing_register_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "missing.yaml"), "--group", "g", "--as-of", "2026-11-25"]) == 2
    err = capsys.readouterr().err
    assert "missing.yaml" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("bad", ["0m", "121m", "12", "twelve", "m", "-3m", "1.5m"])
def test_a_bad_period_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", *ARGS, "--period", bad])
    assert stop.value.code == 2
    assert "--period" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "months"), [("12m", 12), ("1m", 1), ("120m", 120), (" 6m ", 6), ("6 m", 6)])
def test_periods_in_months(text: str, months: int) -> None:
    assert parse_period(text) == months


def test_a_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", *ARGS, "--format", "pdf"])
    assert stop.value.code == 2


def test_a_bad_policy_setting_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", *ARGS, "--set", "timezone=Mars/Olympus"]) == 2
    err = capsys.readouterr().err
    assert "timezone" in err
    assert "Traceback" not in err


def test_previous_hides_what_the_change_since_the_last_audit_would_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from coproduction.api import audit_group
    from coproduction.reports.board import board_report
    from tests.report.helpers import example_register

    previous = tmp_path / "previous.json"
    audit_args = [str(EXAMPLE), "--group", "champions", "--as-of", "2026-05-25", "--publishable", "--format", "json"]
    assert main(["audit", *audit_args, "-o", str(previous), "--quiet"]) == 0
    output = tmp_path / "report.md"
    args = [str(EXAMPLE), "--group", "champions", "--as-of", "2026-11-25", "--previous", str(previous)]
    assert main(["report", *args, "--format", "markdown", "-o", str(output), "--quiet"]) == 0
    page = output.read_text(encoding="utf-8")
    assert "Compared with the audit published as of 2026-05-25" in page
    # The diversity figures are the audit's with the same previous publication.
    audit = audit_group(example_register(), "champions", as_of=AS_OF, publishable=True, previous=previous)
    report = board_report(example_register(), "champions", as_of=AS_OF, previous=previous)
    assert report["diversity"]["notice"] == audit.data["notice"]
    assert report["diversity"] != board_report(example_register(), "champions", as_of=AS_OF)["diversity"]


def test_a_previous_file_that_is_not_an_audit_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text("{}", encoding="utf-8")
    output = tmp_path / "report.html"
    assert main(["report", *ARGS, "--previous", str(bogus), "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert "bogus.json" in err
    assert "not a diversity audit" in err
    assert not output.exists()
    assert main(["report", *ARGS, "--previous", str(bogus), "-o", str(bogus)]) == 2
    assert "would overwrite the previous audit" in capsys.readouterr().err
    assert bogus.read_text(encoding="utf-8") == "{}"
