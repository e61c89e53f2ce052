"""Members leaving at the round's close (issue 14: "the new panel plus the remaining members"): read from the round
file with located errors, left out of the audit that sets the targets, and refused when not current members."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.cli import main
from coproduction.io.formats import Format
from coproduction.io.loader import load_register
from coproduction.io.round_loader import load_round, loads_round
from coproduction.models.register import Register
from coproduction.recruitment import RecruitmentError, RoundError
from coproduction.recruitment.leavers import without_leavers
from coproduction.recruitment.selection import round_quotas
from tests.recruitment.builders import applicant, round_of
from tests.recruitment.test_loading import VALID
from tests.recruitment.test_selection import PLAN

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "examples" / "recruitment" / "board-round.yaml"
REGISTER = ROOT / "examples" / "oxfordshire"
CLOSING = date(2026, 11, 30)
BOARD = "team-up-board"


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register(REGISTER)


def _problems(document: dict[str, object]) -> list[str]:
    with pytest.raises(RoundError) as caught:
        loads_round(json.dumps(document), Format.JSON, source="round.json")
    return [str(p) for p in caught.value.problems]


def test_a_round_file_lists_leavers() -> None:
    assert loads_round(json.dumps({**VALID, "leavers": ["m1", "m2"]}), Format.JSON).leavers == ("m1", "m2")
    assert loads_round(json.dumps(VALID), Format.JSON).leavers == ()


@pytest.mark.parametrize(
    ("leavers", "expected"),
    [
        (["m1", "m1"], "$.leavers[1]: duplicate member id 'm1'; first at $.leavers[0]"),
        (["m1", " "], "$.leavers[1]: expected a member id; found an empty text"),
        ("m1", "$.leavers"),
        ([3], "$.leavers[0]"),
    ],
)
def test_bad_leavers_are_located(leavers: object, expected: str) -> None:
    assert any(expected in p for p in _problems({**VALID, "leavers": leavers}))


def test_leavers_are_not_current_members_of_the_copy(register: Register) -> None:
    before = [m.id for m in register.current_members(BOARD, CLOSING)]
    after = without_leavers(register, BOARD, ["janet-whitlock", "tom-haverley"], CLOSING)
    assert [m.id for m in after.current_members(BOARD, CLOSING)] == [
        m for m in before if m not in {"janet-whitlock", "tom-haverley"}
    ]
    # The register read is unchanged, and so is every other group.
    assert [m.id for m in register.current_members(BOARD, CLOSING)] == before
    assert after.current_members("champions", CLOSING) == register.current_members("champions", CLOSING)
    # Before the close they were still members.
    assert "janet-whitlock" in [m.id for m in after.current_members(BOARD, date(2026, 11, 29))]


def test_no_leavers_leave_the_register_as_it_is(register: Register) -> None:
    assert without_leavers(register, BOARD, (), CLOSING) is register


def test_a_leaver_who_is_not_a_current_member_is_refused(register: Register) -> None:
    with pytest.raises(RecruitmentError, match=r"leavers 'nobody', 'janet-whitlok' are not current members of"):
        without_leavers(register, BOARD, ["janet-whitlock", "nobody", "janet-whitlok"], CLOSING)


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_set_of_current_members_leaves_exactly_those(register: Register, data: st.DataObject) -> None:
    current = [m.id for m in register.current_members(BOARD, CLOSING)]
    leaving = data.draw(st.lists(st.sampled_from(current), unique=True))
    after = without_leavers(register, BOARD, leaving, CLOSING)
    assert [m.id for m in after.current_members(BOARD, CLOSING)] == [m for m in current if m not in leaving]


def test_the_report_says_how_many_left_and_only_then() -> None:
    round_ = evolve(round_of([applicant("a1"), applicant("a2")]), quotas_from_audit=True)
    _, notes = round_quotas(evolve(round_, leavers=("m1", "m2")), PLAN)
    assert notes[0].startswith("2 members leave the group at the round's close; the audit counted only the members")
    _, notes = round_quotas(evolve(round_, leavers=("m1",)), PLAN)
    assert notes[0].startswith("1 member leaves the group")
    _, notes = round_quotas(round_, PLAN)
    assert not any("leave" in note for note in notes)


def _round_with(tmp_path: Path, leavers: list[str]) -> Path:
    data = yaml.safe_load(ROUND.read_text(encoding="utf-8"))
    data["leavers"] = leavers
    path = tmp_path / "round.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _select(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["select", str(path), "--register", str(REGISTER), "--group", BOARD, "--seed", "1", "--publishable"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_command_sets_targets_for_the_remaining_members(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _select(_round_with(tmp_path, []), capsys)
    assert status == 0
    assert "To grow to 24 members, recruit 8" in out
    assert "leave the group" not in out
    status, out, _ = _select(_round_with(tmp_path, ["janet-whitlock", "tom-haverley", "helen-marsh"]), capsys)
    assert status == 0
    assert "3 members leave the group at the round's close" in out
    assert "To grow to 21 members, recruit 8" in out
    assert load_round(ROUND).leavers == ()  # the example is untouched


def test_the_command_refuses_a_mistyped_leaver(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _select(_round_with(tmp_path, ["janet-whitlok"]), capsys)
    assert status == 2
    assert out == ""
    assert "the round file's leaver 'janet-whitlok' is not a current member of team-up-board on 2026-11-30" in err
    assert "Traceback" not in err
