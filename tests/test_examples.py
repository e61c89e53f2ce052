"""The bundled example (examples/oxfordshire) and examples/embed.py: they load, run, and show what they promise.

The example is a fictional register meant to be checked as of 2026-11-25 (docs/getting-started.md). Its generator,
examples/oxfordshire/_generate.py, lists the lapses planted in it; the tests below hold the example to that list,
so that a change to the data or to a check that silently hides a planted finding is noticed.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.api import CheckReport, check_register
from coproduction.checks import Finding, SubjectKind, builtin_registry
from coproduction.io.loader import load_register
from coproduction.models import GroupKind, MeetingStatus, Register
from coproduction.policy import Policy, Severity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "oxfordshire"
EMBED = ROOT / "examples" / "embed.py"
AS_OF = date(2026, 11, 25)
BOARD, CHAMPIONS = "team-up-board", "champions"


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register(EXAMPLE)


@pytest.fixture(scope="module")
def report(register: Register) -> CheckReport:
    return check_register(register, as_of=AS_OF, policy=Policy())


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("oxfordshire_generate", EXAMPLE / "_generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the example loads and has the shape the brief describes ------------------------------------------------------


def test_the_committed_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    _load_generator().main(tmp_path)
    written = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert written == sorted(p.name for p in EXAMPLE.glob("*.yaml"))
    for name in written:
        assert (tmp_path / name).read_text(encoding="utf-8") == (EXAMPLE / name).read_text(encoding="utf-8"), (
            f"examples/oxfordshire/{name} is out of date: run examples/oxfordshire/_generate.py"
        )


def test_example_loads_as_one_register_from_its_folder(register: Register) -> None:
    assert register.organisation == "Oxfordshire County Council"
    assert register.area == "Oxfordshire"
    assert {g.id: g.kind for g in register.groups} == {
        BOARD: GroupKind.BOARD,
        CHAMPIONS: GroupKind.CHAMPIONS_NETWORK,
    }
    # Lists from several files are concatenated: both meeting files contribute.
    assert {m.group for m in register.meetings} == {BOARD, CHAMPIONS}


def test_board_and_network_sizes(register: Register) -> None:
    assert 12 <= len(register.current_members(BOARD, AS_OF)) <= 16
    assert 30 <= len(register.current_members(CHAMPIONS, AS_OF)) <= 40


@pytest.mark.parametrize("group", [BOARD, CHAMPIONS])
def test_a_year_of_monthly_meetings_with_one_scheduled_ahead(register: Register, group: str) -> None:
    meetings = register.meetings_by_group[group]
    held = [m for m in meetings if m.status is MeetingStatus.HELD]
    held_months = {(m.start.year, m.start.month) for m in held}
    year = {(2025, 12)} | {(2026, month) for month in range(1, 12)}
    assert held_months == year
    assert all(m.start.date() <= date(2026, 11, 24) for m in held)
    assert any(m.status is MeetingStatus.SCHEDULED and m.start.date() > AS_OF for m in meetings)


def test_one_meeting_was_cancelled(register: Register) -> None:
    cancelled = [m.id for m in register.meetings if m.status is MeetingStatus.CANCELLED]
    assert cancelled == ["board-2026-04-07"]


def test_times_carry_the_london_offset_of_their_season(register: Register) -> None:
    by_id = register.meeting_by_id
    assert by_id["board-2026-01-06"].start.utcoffset() == timedelta(0)  # GMT
    assert by_id["board-2026-06-02"].start.utcoffset() == timedelta(hours=1)  # BST
    assert by_id["board-2026-11-03"].start.utcoffset() == timedelta(0)  # after the clocks went back


def test_the_board_has_the_members_the_brief_describes(register: Register) -> None:
    members = register.current_members(BOARD, AS_OF)
    needs = {need.value for m in members for need in (m.access_needs or ())}
    assert {"screen-reader", "easy-read", "bsl"} <= needs
    assert any(m.organisation_user_led for m in members)
    chairs = [ms for ms in register.current_memberships(BOARD, AS_OF) if ms.leads]
    assert len(chairs) == 2
    assert any(register.member_by_id[ms.member].has_lived_experience for ms in chairs)
    assert any(register.member_by_id[ms.member].is_staff for ms in chairs)


def test_diversity_profiles_are_mostly_present_with_some_prefer_not_to_say(register: Register) -> None:
    profiles = [m.diversity for m in register.members]
    missing = sum(1 for p in profiles if p is None)
    assert 0 < missing < len(profiles) / 4
    assert any(p is not None and "prefer-not-to-say" in (p.sex, p.religion) for p in profiles)


def test_no_real_contact_details() -> None:
    """Joining links and documents use the reserved example.org domain (RFC 2606), never a live service."""
    for path in EXAMPLE.glob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "https://" in line:
                assert "https://example.org/" in line or "https://meet.example.org/" in line, line


# --- the checks find what was planted, in every family -------------------------------------------------------------


def _families() -> set[str]:
    return {check.code[:2] for check in builtin_registry()}


def test_findings_in_equality_governance_and_membership(report: CheckReport) -> None:
    found = {f.code[:2] for f in report.findings}
    assert {"EQ", "GR", "MB"} <= found


def test_a_finding_in_every_registered_family(report: CheckReport) -> None:
    families = _families()
    assert families, "no checks are registered"
    found = Counter(f.code[:2] for f in report.findings)
    assert {family for family in families if found[family] == 0} == set()


#: The planted lapses (see _generate.py's docstring): (code, subject id). Each is asserted when its check exists.
PLANTED = [
    ("EQ004", "champions-2026-08-20"),
    ("EQ005", "champions-2026-10-15"),
    ("DV001", CHAMPIONS),
    ("DV002", CHAMPIONS),
    ("DV005", CHAMPIONS),
    ("AC001", "board-2026-02-03"),
    ("AC002", "board-2026-06-02"),
    ("AC003", "champions-2026-11-19"),
    ("AC005", "champions-2026-03-19"),
    ("AC006", "board-2026-01-06"),
    ("AC007", "champions-2026-10-15"),
    ("AC008", "champions-2026-10-15"),
    ("AC009", "champions-2026-07-04"),
    ("AC010", "board-2026-05-05"),
    ("RC001", "board-2026-07-07"),
    ("RC001", "champions-2026-09-17"),
    ("RC003", "leon-fairbairn"),
    ("RC004", "board-2026-05-05"),
    ("RC005", "board-2026-09-01"),
    ("RC005", "champions-2026-06-18"),
    ("GR002", CHAMPIONS),
    ("GR003", "bill-harcourt"),
    ("GR003", "nadia-kowalczyk"),
    ("MB001", "patricia-lowe"),
    ("MB002", "denise-carver"),
    ("MB003", "stephen-cole"),
    ("MB005", "nadia-kowalczyk"),
]


@pytest.mark.parametrize(("code", "subject"), PLANTED, ids=[f"{c}-{s}" for c, s in PLANTED])
def test_each_planted_lapse_is_found(report: CheckReport, code: str, subject: str) -> None:
    assert (code, subject) in {(f.code, f.subject.id) for f in report.findings}


def _about_board(report: CheckReport, register: Register) -> list[Finding]:
    """Findings about the board itself or one of its meetings."""

    def group_of(f: Finding) -> str | None:
        if f.subject.kind is SubjectKind.GROUP:
            return f.subject.id
        if f.subject.kind is SubjectKind.MEETING:
            return register.meeting_by_id[f.subject.id].group
        return None

    return [f for f in report.findings if group_of(f) == BOARD]


def test_the_board_is_broadly_good(report: CheckReport, register: Register) -> None:
    """A few lapses, not dozens; and none of the structural failings (membership balance, chairs, rules)."""
    board = _about_board(report, register)
    assert 0 < sum(1 for f in board if f.severity is Severity.ERROR) <= 4
    assert len(board) <= 12
    structural = {"EQ001", "EQ002", "EQ003", "DV003", "DV004", "GR001", "GR004", "GR005", "GR006", "MB004"}
    assert structural.isdisjoint(f.code for f in board)


def test_nothing_fires_at_a_quiet_meeting(report: CheckReport) -> None:
    """A routine board meeting (papers on time, every format, a break, paid attendees) has no findings."""
    assert [f for f in report.findings if f.subject.id == "board-2026-03-03"] == []


# --- determinism ---------------------------------------------------------------------------------------------------


def test_the_same_check_twice_gives_identical_results(register: Register, report: CheckReport) -> None:
    again = check_register(load_register(EXAMPLE), as_of=AS_OF, policy=Policy())
    assert again == report
    assert check_register(register, as_of=AS_OF, policy=Policy()).findings == report.findings


@settings(max_examples=15)
@given(day=st.dates(min_value=date(2025, 6, 1), max_value=date(2027, 6, 30)))
def test_any_as_of_date_checks_without_error_and_deterministically(register: Register, day: date) -> None:
    first = check_register(register, as_of=day, policy=Policy())
    second = check_register(register, as_of=day, policy=Policy())
    assert first.findings == second.findings
    assert [f.sort_key for f in first.findings] == sorted(f.sort_key for f in first.findings)


# --- embed.py ------------------------------------------------------------------------------------------------------


def _run_embed(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EMBED), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_embed_prints_a_to_do_list_per_group_and_exits_1_on_errors(report: CheckReport) -> None:
    result = _run_embed()
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "as of 2026-11-25" in out
    assert "Team-Up Co-production Board:" in out
    assert "Co-production Champions:" in out
    assert out.index("Team-Up Co-production Board:") < out.index("Co-production Champions:")
    summary = report.summary
    assert f"{summary['error']} errors, {summary['warning']} warnings, {summary['info']} for information." in out
    assert "Denise Carver" in out  # people are named, not shown as ids


def test_embed_exits_0_when_nothing_selected_is_an_error() -> None:
    result = _run_embed("--select", "GR")
    assert result.returncode == 0, result.stderr
    assert "GR002" in result.stdout
    assert "AC001" not in result.stdout


def test_embed_is_deterministic() -> None:
    assert _run_embed().stdout == _run_embed().stdout


def test_embed_reports_bad_input_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "register.yaml"
    broken.write_text("organisation: Somewhere\narea: Somewhere\nmembers:\n  - id: x\n    joined: not-a-date\n")
    result = _run_embed(str(broken))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "members[0]" in result.stderr


def test_embed_rejects_an_unknown_code() -> None:
    result = _run_embed("--select", "ZZ")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "ZZ" in result.stderr


# --- docs/getting-started.md: its commands, snippets and quoted output stay true -----------------------------------

GETTING_STARTED = ROOT / "docs" / "getting-started.md"


def _blocks(language: str) -> list[str]:
    text = GETTING_STARTED.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def _documented_commands() -> list[str]:
    lines = [line for block in _blocks("console") for line in block.splitlines()]
    return [line[2:] for line in lines if line.startswith("$ coproduction ") and not line.endswith("\\")]


def _run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from coproduction.cli import main

    capsys.readouterr()
    status = main(argv)
    return status, capsys.readouterr().out


def test_getting_started_commands_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    commands = _documented_commands()
    assert len(commands) >= 5
    for command in commands:
        argv = shlex.split(command)[1:]
        if "-o" in argv:  # write the report somewhere harmless
            at = argv.index("-o") + 1
            argv[at] = str(tmp_path / argv[at])
        status, _ = _run_cli(argv, capsys)
        assert status in (0, 1), command


def test_getting_started_quotes_real_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    status, out = _run_cli(["check", "examples/oxfordshire", "--as-of", "2026-11-25"], capsys)
    assert status == 1  # the guide says so
    quoted = [line for block in _blocks("text") for line in block.splitlines() if line.strip()]
    assert quoted
    for line in quoted:
        assert line in out.splitlines(), f"docs/getting-started.md quotes a line the check no longer prints: {line}"


def test_getting_started_json_summary_is_real(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    _, out = _run_cli(["check", "examples/oxfordshire", "--as-of", "2026-11-25", "--format", "json"], capsys)
    actual = json.loads(out)
    documented = json.loads(_blocks("json")[0])
    assert documented["summary"] == actual["summary"]
    assert documented["findings"][0]["code"] == actual["findings"][0]["code"]
    assert documented["findings"][0]["subject"] == actual["findings"][0]["subject"]
    assert set(documented["findings"][0]) == set(actual["findings"][0])


def test_json_output_is_byte_identical_run_to_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    argv = ["check", "examples/oxfordshire", "--as-of", "2026-11-25", "--format", "json"]
    assert _run_cli(argv, capsys) == _run_cli(argv, capsys)


def test_getting_started_python_snippet_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    snippet = _blocks("python")[0]
    exec(compile(snippet, str(GETTING_STARTED), "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    promised = re.search(r"print\(report\.summary\)\s+# (\{.*\})", snippet)
    assert promised is not None
    assert printed[0] == promised.group(1)
    assert all(line.split()[0] in {"AC001", "AC002", "AC003", "AC004"} for line in printed[1:])


def test_getting_started_minimal_register_loads_and_checks(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    path.write_text(_blocks("yaml")[0], encoding="utf-8")
    minimal = load_register(path)
    assert minimal.member_by_id["ann-example"].access_needs is not None
    check_register(minimal, as_of=AS_OF, policy=Policy())
