"""Progress on stderr for long commands: only on a terminal, never when piped, silenced by --quiet (issue 12)."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.cli.progress import Progress

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
AS_OF = "2026-11-25"


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _no_policy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("COPRODUCTION_"):
            monkeypatch.delenv(key)


def run_with(monkeypatch: pytest.MonkeyPatch, stderr: io.StringIO, *args: str) -> tuple[int, str, str]:
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    code = main(list(args))
    return code, stdout.getvalue(), stderr.getvalue()


CHECK = ("check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json")


def test_check_shows_its_phases_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run_with(monkeypatch, Terminal(), *CHECK)
    assert code in (0, 1)
    for phase in ("reading", "checking", "writing"):
        assert f"{phase} (" in err
    assert "coproduction check: [----------------] 0/3 reading" in err
    assert "[################] 3/3 done in" in err
    assert err.endswith("s\n")


def test_piped_stderr_gets_nothing_and_stdout_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    piped_code, piped_out, piped_err = run_with(monkeypatch, io.StringIO(), *CHECK)
    tty_code, tty_out, _ = run_with(monkeypatch, Terminal(), *CHECK)
    assert piped_err == ""
    assert piped_code == tty_code
    assert piped_out == tty_out  # progress is not output: byte for byte the same report


def test_quiet_silences_progress_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, err = run_with(monkeypatch, Terminal(), *CHECK, "--quiet")
    assert err == ""
    assert out.startswith("{")


def test_output_file_is_the_same_with_progress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run_with(monkeypatch, Terminal(), *CHECK, "-o", str(tmp_path / "tty.json"))
    run_with(monkeypatch, io.StringIO(), *CHECK, "-o", str(tmp_path / "piped.json"))
    assert (tmp_path / "tty.json").read_bytes() == (tmp_path / "piped.json").read_bytes()


def test_an_error_wipes_the_bar_before_the_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "register.yaml"
    broken.write_text("members: [\n", encoding="utf-8")
    code, out, err = run_with(monkeypatch, Terminal(), "check", str(broken), "--as-of", AS_OF)
    assert code == 2
    assert out == ""
    assert "done in" not in err
    last_line = err.split("\r")[-1]
    assert last_line.startswith("coproduction: 1 problem")  # the error begins on a clean line
    assert str(broken) in last_line


def test_audit_and_calendar_show_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    audit = ("audit", str(EXAMPLE), "--group", "team-up-board", "--publishable", "--as-of", AS_OF)
    _, audit_out, audit_err = run_with(monkeypatch, Terminal(), *audit)
    assert "coproduction audit: " in audit_err
    assert "auditing (" in audit_err
    _, piped_out, piped_err = run_with(monkeypatch, io.StringIO(), *audit)
    assert piped_err == ""
    assert piped_out == audit_out
    calendar = ("calendar", str(EXAMPLE), "--dtstamp", "2026-11-25T00:00:00Z", "-o", str(tmp_path / "c.ics"))
    _, _, calendar_err = run_with(monkeypatch, Terminal(), *calendar)
    assert "coproduction calendar: " in calendar_err
    assert "exporting (" in calendar_err
    _, _, quiet_err = run_with(monkeypatch, Terminal(), *calendar, "--quiet")
    assert quiet_err == ""


def test_progress_object_is_silent_off_a_terminal() -> None:
    stream = io.StringIO()
    with Progress("x", ("a", "b"), stream=stream) as progress:
        progress.phase("a")
        progress.phase("b")
    assert stream.getvalue() == ""


def test_progress_redraws_one_line_and_pads_over_longer_text() -> None:
    stream = Terminal()
    progress = Progress("x", ("reading-a-long-name", "b"), stream=stream)
    progress.phase("reading-a-long-name")
    progress.phase("b")
    progress.finish()
    text = stream.getvalue()
    assert text.count("\n") == 1
    assert text.endswith("\n")
    lines = text.split("\r")[1:]
    assert len(lines[1]) >= len(lines[0])  # the shorter line covers the longer one it replaces
    assert "[########--------] 1/2 b" in lines[1]
