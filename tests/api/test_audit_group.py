"""coproduction.audit_group: the one call behind ``coproduction audit`` (issue 11).

It returns the audit the reports render, the same bytes the command line writes for the same options; it takes
the policy's baseline unless told otherwise, refuses an invalid register, and keeps its figures out of ``repr``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import coproduction
from coproduction import (
    AuditError,
    AuditReport,
    DiversityProfile,
    Group,
    InvalidRegisterError,
    Member,
    Membership,
    Policy,
    Register,
    audit_group,
    load_register,
)
from coproduction.audit.analysis import audit_group as audit_arithmetic
from coproduction.cli import main
from coproduction.io.baselines import resolve_baseline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
AS_OF = date(2026, 11, 25)
BOARD = "team-up-board"


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register(EXAMPLE)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["audit", str(EXAMPLE), "--group", BOARD, "--as-of", AS_OF.isoformat(), *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("publishable", [False, True])
@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_the_one_call_renders_what_the_command_line_writes(
    register: Register, capsys: pytest.CaptureFixture[str], fmt: str, publishable: bool
) -> None:
    report = audit_group(register, BOARD, as_of=AS_OF, publishable=publishable)
    expected = cli(capsys, "--format", fmt, *(["--publishable"] if publishable else []))
    assert report.render(fmt) == expected  # type: ignore[arg-type]


def test_the_report_data_is_the_json_the_command_line_writes(
    register: Register, capsys: pytest.CaptureFixture[str]
) -> None:
    report = audit_group(register, BOARD, as_of=AS_OF, publishable=True, target_size=20)
    assert json.loads(report.render("json")) == json.loads(
        cli(capsys, "--format", "json", "--publishable", "--target-size", "20")
    )
    assert report.data["mode"] == "publishable"
    assert report.plan.target_size == 20
    assert report.audit.group_id == BOARD
    assert not report.special_category_data


def test_a_previous_publication_is_compared_with(
    register: Register, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    previous = tmp_path / "board-august.json"
    previous.write_text(cli(capsys, "--format", "json", "--publishable"), encoding="utf-8")
    report = audit_group(register, BOARD, as_of=AS_OF, publishable=True, previous=previous)
    assert report.render("text") == cli(capsys, "--publishable", "--previous", str(previous))
    with pytest.raises(AuditError, match="publishable"):
        audit_group(register, BOARD, as_of=AS_OF, previous=previous)


def test_the_baseline_is_the_policys_unless_given(register: Register) -> None:
    default = audit_group(register, BOARD, as_of=AS_OF)
    assert default.audit.baseline_name == resolve_baseline(Policy().baseline).name
    wales = audit_group(register, BOARD, as_of=AS_OF, policy=Policy(baseline="england-and-wales"))
    assert wales.audit.baseline_name == "england-and-wales"
    by_name = audit_group(register, BOARD, as_of=AS_OF, baseline="england-and-wales")
    by_value = audit_group(register, BOARD, as_of=AS_OF, baseline=resolve_baseline("england-and-wales"))
    assert by_name.data == by_value.data == wales.data


def test_the_one_call_agrees_with_the_arithmetic(register: Register) -> None:
    """coproduction.audit.analysis.audit_group still works for internal callers, and gives the same audit."""
    policy = Policy()
    arithmetic = audit_arithmetic(register, BOARD, as_of=AS_OF, policy=policy, baseline=resolve_baseline("england"))
    assert audit_group(register, BOARD, as_of=AS_OF, baseline="england", policy=policy).audit == arithmetic


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"group_id": "no-such-group"}, "no group has id 'no-such-group'"),
        ({"target_size": 3}, "target size 3 is smaller than the group's"),
        ({"baseline": 12}, "baseline must be a Baseline, a bundled baseline's name or a file's path; found a number"),
    ],
)
def test_what_cannot_be_audited_is_an_audit_error(register: Register, options: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"group_id": BOARD, "as_of": AS_OF, **options}
    with pytest.raises(AuditError, match=message):
        audit_group(register, **arguments)  # type: ignore[arg-type]


def test_an_unknown_format_is_an_audit_error(register: Register) -> None:
    with pytest.raises(AuditError, match="unknown report format 'pdf'; use one of: text, json, markdown, html"):
        audit_group(register, BOARD, as_of=AS_OF).render("pdf")  # type: ignore[arg-type]


def test_an_invalid_register_is_refused_with_every_problem() -> None:
    register = Register(
        organisation="O",
        area="A",
        members=(Member("ann", "Ann", diversity=DiversityProfile(sex="female")),),
        groups=(Group("board", "Board", kind="board"),),
        memberships=(Membership("ann", "board"), Membership("zed", "board")),
    )
    with pytest.raises(InvalidRegisterError) as caught:
        audit_group(register, "board", as_of=AS_OF)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("$.memberships[1].member", "no member with id 'zed' in the register")
    ]


def test_a_register_built_in_code_with_the_files_words_is_audited() -> None:
    """The issue's example: DiversityProfile(sex="male") used to raise a bare AttributeError in the audit."""
    members = tuple(
        Member(
            f"m{number}",
            f"Member {number}",
            perspectives=["carer"],
            diversity=DiversityProfile(sex="male" if number % 2 else "female", age="35-49"),
        )
        for number in range(6)
    )
    register = Register(
        organisation="O",
        area="A",
        members=members,
        groups=(Group("board", "Board", kind="board"),),
        memberships=tuple(Membership(member.id, "board") for member in members),
    )
    report = audit_group(register, "board", as_of=AS_OF, baseline="england")
    assert report.audit.members == 6
    assert report.data["mode"] == "internal"
    assert report.special_category_data


def test_repr_withholds_the_figures(register: Register) -> None:
    report = audit_group(register, BOARD, as_of=AS_OF)
    assert repr(report) == "AuditReport(group='team-up-board', as_of='2026-11-25', internal, <figures withheld>)"
    assert isinstance(report, AuditReport)
    assert coproduction.audit_group is audit_group
