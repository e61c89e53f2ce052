"""`coproduction check`: the output contract of CHECKS.md, exit statuses, selection, formats, bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from coproduction.api import check_register
from coproduction.checks import CheckRegistry
from coproduction.cli import main
from coproduction.io.loader import load_register
from coproduction.reports.checks import render
from coproduction.reports.checks.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
AS_OF = "2026-11-25"


@pytest.fixture(autouse=True)
def _no_policy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("COPRODUCTION_"):
            monkeypatch.delenv(key)


@pytest.fixture(scope="module")
def example_json() -> dict:  # type: ignore[type-arg]
    register = load_register(EXAMPLE)
    from coproduction.reports.checks.json_report import report_to_dict

    return report_to_dict(check_register(register, as_of=date(2026, 11, 25)))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_output_matches_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", str(EXAMPLE), "--format", "json", "--as-of", AS_OF, "--no-plugins")
    document = json.loads(out)
    # The contract's fields, in its order, and "mode": whether the findings may be published.
    assert list(document) == ["as_of", "policy", "mode", "summary", "findings"]
    assert document["as_of"] == AS_OF
    assert document["policy"] == "default"
    assert document["mode"] == "publishable"
    assert list(document["summary"]) == ["error", "warning", "info"]
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in document["findings"]:
        assert list(finding) == ["code", "name", "principle", "severity", "subject", "message", "hint"]
        assert list(finding["subject"]) == ["kind", "id"]
        assert finding["severity"] in counts
        counts[finding["severity"]] += 1
    assert document["summary"] == counts
    keys = [(f["subject"]["kind"], f["subject"]["id"], f["code"]) for f in document["findings"]]
    assert keys == sorted(keys)
    assert status == (1 if counts["error"] else 0)
    assert err == ""


def test_same_command_twice_gives_identical_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "check", str(EXAMPLE), "--format", "json", "--as-of", AS_OF)
    second = run(capsys, "check", str(EXAMPLE), "--format", "json", "--as-of", AS_OF)
    assert first == second


def test_every_family_is_found_on_the_example(example_json: dict) -> None:  # type: ignore[type-arg]
    families = {f["code"][:2] for f in example_json["findings"]}
    assert families >= {"EQ", "DV", "AC", "RC", "GR", "MB"}


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("error", "error"), ("warning", "warning"), ("info", "info"), ("never", None)],
)
def test_fail_on_sets_exit_status(
    capsys: pytest.CaptureFixture[str],
    example_json: dict,
    fail_on: str,
    expected: str | None,  # type: ignore[type-arg]
) -> None:
    status, _, _ = run(capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--fail-on", fail_on, "--format", "json")
    rank = {"info": 0, "warning": 1, "error": 2}
    if expected is None:
        assert status == 0
    else:
        found = any(rank[f["severity"]] >= rank[expected] for f in example_json["findings"])
        assert status == (1 if found else 0)


def test_select_and_ignore_by_prefix(capsys: pytest.CaptureFixture[str], example_json: dict) -> None:  # type: ignore[type-arg]
    _, out, _ = run(
        capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json", "--select", "AC,GR", "--ignore", "AC00"
    )
    codes = {f["code"] for f in json.loads(out)["findings"]}
    expected = {
        f["code"]
        for f in example_json["findings"]
        if f["code"].startswith(("AC", "GR")) and not f["code"].startswith("AC00")
    }
    assert codes == expected


def test_ignore_removes_exactly_that_code(capsys: pytest.CaptureFixture[str], example_json: dict) -> None:  # type: ignore[type-arg]
    code = example_json["findings"][0]["code"]
    _, out, _ = run(capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json", "--ignore", code)
    assert json.loads(out)["findings"] == [f for f in example_json["findings"] if f["code"] != code]


def test_severity_override_from_set(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "check",
        str(EXAMPLE),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--select",
        "MB003",
        "--set",
        'severity={"MB003": "error"}',
    )
    findings = json.loads(out)["findings"]
    assert findings
    assert {f["severity"] for f in findings} == {"error"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "no/such/register.yaml", "--as-of", AS_OF], "no/such/register.yaml"),
        (["check", str(EXAMPLE), "--as-of", "2026-02-30"], "2026-02-30"),
        (["check", str(EXAMPLE), "--as-of", AS_OF, "--select", "ZZ9"], "ZZ9"),
        (["check", str(EXAMPLE), "--as-of", AS_OF, "--profile", "atlantis"], "atlantis"),
        (
            ["check", str(EXAMPLE), "--as-of", AS_OF, "--set", "min_lived_experiense_share=0.6"],
            "min_lived_experience_share",
        ),
        (["check", str(EXAMPLE), "--format", "pdf"], "pdf"),
        (["check"], "path"),
        (["nonsense"], "nonsense"),
    ],
)
def test_bad_input_or_usage_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    try:
        status, _out, err = run(capsys, *args)
    except SystemExit as stop:  # argparse usage errors
        status, err = int(stop.code or 0), capsys.readouterr().err
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_malformed_register_exits_2_naming_file_and_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "team-up.yaml"
    bad.write_text(
        "organisation: Council\narea: Shire\ngroups:\n- {id: b, name: Board, kind: board}\n"
        "meetings:\n- {id: m1, group: b, title: T, start: '2026-01-06T10:00:00', end: '2026-01-06T12:00:00+00:00'}\n"
    )
    before = bad.read_bytes()
    status, out, err = run(capsys, "check", str(bad), "--as-of", AS_OF)
    assert status == 2
    assert "team-up.yaml" in err
    assert "$.meetings[0].start" in err
    assert out == ""
    assert bad.read_bytes() == before


def test_output_file_is_written_and_not_half_written_on_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    status, out, _ = run(capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json", "-o", str(target))
    assert out == ""
    assert json.loads(target.read_text())["as_of"] == AS_OF
    previous = target.read_bytes()
    status, _, _ = run(capsys, "check", str(tmp_path / "missing.yaml"), "--as-of", AS_OF, "-o", str(target))
    assert status == 2
    assert target.read_bytes() == previous


def test_markdown_is_for_board_members(example_json: dict) -> None:  # type: ignore[type-arg]
    register = load_register(EXAMPLE)
    report = check_register(register, as_of=date(2026, 11, 25))
    text = render_markdown(report)
    assert text.startswith("# Co-production check\n")
    assert "Checked on 25 November 2026" in text
    for heading in ("## Equality", "## Diversity", "## Accessibility", "## Reciprocity"):
        assert heading in text
    assert text.count("What to do:") == len(report.findings)
    assert "Needs action" in text


def test_markdown_escapes_register_text() -> None:
    from coproduction.models import Group, GroupKind, Register

    register = Register(organisation="o", area="a", groups=(Group(id="g", name="# <script>", kind=GroupKind.BOARD),))
    report = check_register(register, as_of=date(2026, 1, 1), select=["GR001"])
    text = render(report, "markdown")
    assert "<script>" not in text
    assert "\n# <" not in text


def test_no_findings_renders_in_every_format() -> None:
    from coproduction.models import Register

    report = check_register(Register(organisation="o", area="a"), as_of=date(2026, 1, 1), registry=CheckRegistry())
    assert "0 findings" in render(report, "text")
    assert json.loads(render(report, "json"))["findings"] == []
    assert "every check passed" in render(report, "markdown")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out.startswith("coproduction ")


def test_command_line_select_replaces_the_policys(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json", "--set", 'select=["AC"]', "--select", "GR"
    )
    codes = {f["code"][:2] for f in json.loads(out)["findings"]}
    assert codes == {"GR"}
    _, out, _ = run(capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json", "--set", 'select=["AC"]')
    assert {f["code"][:2] for f in json.loads(out)["findings"]} == {"AC"}


def test_severity_override_for_an_unknown_code_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--set", 'severity={"AC01X": "info"}')
    assert status == 2
    assert "AC01X" in err
    assert out == ""


def test_markdown_names_subjects_as_people_know_them(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(EXAMPLE), "--as-of", AS_OF, "--format", "markdown", "--select", "MB003,AC003")
    assert "(Stephen Cole)" in out
    assert "(Co-production Champions, 19 November 2026)" in out
    assert "member stephen-cole" not in out
    register = load_register(EXAMPLE)
    report = check_register(register, as_of=date(2026, 11, 25), select=["MB003"])
    assert "(member stephen-cole)" in render_markdown(report)  # without the register: kind and id


def test_objects_are_held_until_exit_only_when_the_command_ends_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import coproduction.cli as cli

    marker = object()
    monkeypatch.setattr(cli, "_held", None)  # main() inside another program: nothing is held back
    cli.hold_until_exit(marker)
    assert cli._held is None
    monkeypatch.setattr(cli, "_held", [])  # as entry() sets it, before ending the process with os._exit
    cli.hold_until_exit(marker)
    assert cli._held == [marker]


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(EXAMPLE), "--as-of", AS_OF, "--format", "json"],
        ["check", str(EXAMPLE), "--select", "XX999"],
        ["check", "--as-of", "yesterday"],
        [],
    ],
    ids=["check", "unknown-code", "argparse-error", "help"],
)
def test_the_collector_is_left_as_it_was_found(
    capsys: pytest.CaptureFixture[str], enabled: bool, argv: list[str]
) -> None:
    # The command line pauses the cyclic collector while it imports and checks (issue 12); run inside another
    # program, it gives the collector back as it found it, whatever the outcome.
    import contextlib
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with contextlib.suppress(SystemExit):  # argparse's usage errors
            main(argv)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    capsys.readouterr()
