"""Publishing again: two publishable audits read side by side must not give away who joined or left.

The attacker (:mod:`tests.audit.attacker`, independent of the library's arithmetic) reads both publications'
JSON, assumes exactly one member joined (or left) in between, and enumerates every previous table the first
allows together with every answer that member may have given, keeping the pairs the second publication allows.
It must be left with at least two possible answers, never exactly one category, and no hidden count pinned,
except where the first publication alone already says as much (the attacker with nothing new published).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduction.audit.analysis import Tally, audit_group
from coproduction.audit.differencing import PreviousTable, publish_since
from coproduction.audit.errors import AuditError, PreviousAuditError
from coproduction.audit.suppression import ANSWERED, NOT_KNOWN, PREFER_NOT_TO_SAY, CellStatus, publish_tally
from coproduction.cli import main
from coproduction.io.saver import save_register
from coproduction.models import (
    Characteristic,
    DiversityProfile,
    Group,
    GroupKind,
    Member,
    Membership,
    Perspective,
    Register,
)
from coproduction.policy import Policy
from coproduction.reports.audit import RENDERERS, build_report
from coproduction.reports.audit.previous import previous_from_data
from tests.audit import attacker
from tests.audit.helpers import AS_OF, GROUP, baseline, board

ETHNIC, SEX = Characteristic.ETHNIC_GROUP, Characteristic.SEX
CATEGORIES = ETHNIC.answer_categories  # asian, black, mixed, white, other
BASE = baseline(
    {ETHNIC: {"white": 80, "asian": 10, "black": 5, "mixed": 3, "other": 2}, SEX: {"female": 50, "male": 50}},
    name="testshire",
)
POLICY = Policy(monitored_characteristics=(SEX, ETHNIC))


def ethnic(counts: Sequence[int], prefer: int = 0, unknown: int = 0) -> Tally:
    return Tally(ETHNIC, tuple(zip(CATEGORIES, counts, strict=True)), prefer, unknown)


def previous_of(counted: Tally, threshold: int = 5) -> PreviousTable:
    published = publish_tally(counted, threshold)
    return PreviousTable(
        counted.characteristic, counted.members, threshold, {c.key: (c.status, c.value) for c in published.cells}
    )


def statuses(counted: Tally, previous: PreviousTable | None) -> dict[str, CellStatus]:
    return {cell.key: cell.status for cell in publish_since(counted, 5, previous).cells}


# --- the attacker over two publications ------------------------------------------------------------------------


@attrs.frozen
class Reading:
    """What a reader of both publications can tell: the member's possible answers, and each hidden cell's
    possible values before and after."""

    answers: frozenset[str]
    before: dict[str, set[int]]
    after: dict[str, set[int]]


def read_both(
    before: attacker.Cells, after: attacker.Cells, categories: list[str], members: int, threshold: int, step: int
) -> Reading:
    """Every (previous table, answer) pair that fits both publications, for a member who joined (``step`` 1) or
    left (-1) and a group of ``members`` now."""
    answers: set[str] = set()
    seen_before: dict[str, set[int]] = {}
    seen_after: dict[str, set[int]] = {}
    allowed_after = {key: set(attacker.options(s, c, members, threshold)) for key, (s, c) in after.items()}
    for table in attacker.tables(before, categories, members - step, threshold):
        for answer in (*categories, PREFER_NOT_TO_SAY, NOT_KNOWN):
            moved = {answer, ANSWERED} if answer in categories else {answer}
            later = {key: value + step if key in moved else value for key, value in table.items()}
            if any(value < 0 or value not in allowed_after[key] for key, value in later.items()):
                continue
            answers.add(answer)
            for key, value in table.items():
                seen_before.setdefault(key, set()).add(value)
            for key, value in later.items():
                seen_after.setdefault(key, set()).add(value)
    return Reading(frozenset(answers), seen_before, seen_after)


def learnt(reading: Reading, categories: list[str], before: attacker.Cells, after: attacker.Cells) -> set[str]:
    found = set()
    if len(reading.answers) < 2:
        found.add("the member's answer")
    if len(reading.answers & set(categories)) == 1:
        found.add("the member's category")
    found |= {f"before:{k}" for k in attacker.hidden_keys(before) if len(reading.before.get(k, set())) < 2}
    found |= {f"after:{k}" for k in attacker.hidden_keys(after) if len(reading.after.get(k, set())) < 2}
    return found


def what_is_learnt(first: Mapping[str, Any], second: Mapping[str, Any], characteristic: Characteristic) -> set[str]:
    """What the second publication gives away on top of the first, for a single joiner or leaver."""
    old, new = attacker.entry_for(first, characteristic), attacker.entry_for(second, characteristic)
    before, after = attacker.cells_of(old), attacker.cells_of(new)
    categories = attacker.categories_of(new)
    members = new["completeness"]["members"]
    step = members - old["completeness"]["members"]
    assert step in (1, -1)
    threshold = second["policy"]["suppression_threshold"]
    reading = read_both(before, after, categories, members, threshold, step)
    assert reading.answers, "the truth must fit both publications"
    nothing_new = dict.fromkeys(after, (CellStatus.NOT_PUBLISHED.value, None))
    unavoidable = read_both(before, nothing_new, categories, members, threshold, step)
    return learnt(reading, categories, before, after) - learnt(unavoidable, categories, before, nothing_new)


def publish(register: Register, previous: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The publishable audit's JSON, compared with ``previous`` (an earlier one's JSON) when given."""
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=POLICY, baseline=BASE)
    before = None
    if previous is not None:
        keys = {item.characteristic: tuple(k for k, _ in item.tally.counts) for item in audit.characteristics}
        before = previous_from_data(
            previous, "previous.json", group_id=GROUP, baseline_name="testshire", categories=keys
        )
    report = build_report(audit, None, POLICY, publishable=True, previous=before)
    return json.loads(RENDERERS["json"](report))  # type: ignore[no-any-return]


# --- suppression against the previous publication ---------------------------------------------------------------


def test_without_a_previous_publication_nothing_more_is_hidden() -> None:
    counted = ethnic([4, 4, 2, 21, 0], 1, 4)
    assert publish_since(counted, 5, None) == publish_tally(counted, 5)


def test_a_joiner_s_category_is_not_shown_by_a_count_moving_by_one() -> None:
    before, after = ethnic([4, 4, 2, 20, 0], 1, 4), ethnic([4, 4, 2, 21, 0], 1, 4)
    assert publish_tally(after, 5).category("white").value == 21  # alone, 21 would be shown: White joined
    found = statuses(after, previous_of(before))
    assert found["white"] is not CellStatus.SHOWN
    assert found[ANSWERED] is not CellStatus.SHOWN


def test_a_count_that_crosses_the_threshold_is_not_left_as_a_telltale() -> None:
    # Male "fewer than 5" then 5: shown, or merely "not shown" (0 or 5 and over), it says a man joined.
    before = Tally(SEX, (("female", 26), ("male", 4)), 1, 4)
    after = Tally(SEX, (("female", 26), ("male", 5)), 1, 4)
    found = statuses(after, previous_of(before))
    assert found["male"] is CellStatus.NOT_PUBLISHED
    assert found["female"] is not CellStatus.SHOWN


def test_a_change_of_one_to_four_in_a_shown_count_is_hidden_whatever_else_changed() -> None:
    # Two joined (the size moved by 2): White 20 -> 22 is still a small change in a shown count.
    before, after = ethnic([0, 0, 0, 20, 0], 0, 0), ethnic([0, 0, 0, 22, 0], 0, 0)
    assert statuses(after, previous_of(before))["white"] is not CellStatus.SHOWN
    # A change of 5 or more may be shown.
    assert statuses(ethnic([0, 0, 0, 25, 0]), previous_of(before))["white"] is CellStatus.SHOWN


def test_nothing_changed_hides_nothing_more() -> None:
    counted = ethnic([4, 4, 2, 20, 0], 1, 4)
    assert publish_since(counted, 5, previous_of(counted)) == publish_tally(counted, 5)


def test_a_previous_table_with_other_categories_is_refused() -> None:
    other = PreviousTable(ETHNIC, 10, 5, {ANSWERED: (CellStatus.SHOWN, 10), "white": (CellStatus.SHOWN, 10)})
    with pytest.raises(AuditError, match="cannot be compared safely"):
        publish_since(ethnic([0, 0, 0, 10, 0]), 5, other)


def test_a_previous_publication_needs_a_publishable_report() -> None:
    register = board([{"ethnic_group": "white"}] * 10)
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=POLICY, baseline=BASE)
    first = publish(register)
    keys = {item.characteristic: tuple(k for k, _ in item.tally.counts) for item in audit.characteristics}
    previous = previous_from_data(first, "p.json", group_id=GROUP, baseline_name="testshire", categories=keys)
    with pytest.raises(AuditError, match="only when the report is publishable"):
        build_report(audit, None, POLICY, publishable=False, previous=previous)


def test_the_example_join_cannot_be_read_off() -> None:
    before = [{"sex": "female", "ethnic_group": "white"}] * 20 + [{"sex": "male", "ethnic_group": "asian"}] * 3
    before += [{"sex": "female", "ethnic_group": "black"}] * 6 + [None] * 2
    first = publish(board(before))
    second = publish(board([*before, {"sex": "male", "ethnic_group": "white"}]), previous=first)
    assert second["previous"] == {"as_of": AS_OF.isoformat()}
    assert "Compared with the audit published as of" in second["notice"]
    for characteristic in (SEX, ETHNIC):
        assert what_is_learnt(first, second, characteristic) == set(), characteristic
    # Without the defence, the same two audits give the joiner away.
    plain = publish(board([*before, {"sex": "male", "ethnic_group": "white"}]))
    assert "the member's category" in what_is_learnt(first, plain, ETHNIC)


# --- the property ------------------------------------------------------------------------------------------------

ANSWER = st.fixed_dictionaries(
    {},
    optional={
        "sex": st.sampled_from(["female", "male", "prefer-not-to-say"]),
        "ethnic_group": st.sampled_from(["white", "white", "asian", "black", "mixed", "prefer-not-to-say"]),
    },
)
PERSON = st.one_of(st.none(), ANSWER)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PERSON, min_size=1, max_size=14), PERSON, st.booleans(), st.data())
def test_one_member_joining_or_leaving_cannot_be_read_off_two_publications(
    people: list[dict[str, str] | None], newcomer: dict[str, str] | None, joins: bool, data: st.DataObject
) -> None:
    if joins or len(people) == 1:
        before, after = people, [*people, newcomer]
    else:
        leaver = data.draw(st.integers(0, len(people) - 1), label="leaver")
        before, after = people, people[:leaver] + people[leaver + 1 :]
    first = publish(board(before))
    second = publish(board(after), previous=first)
    for characteristic in (SEX, ETHNIC):
        assert what_is_learnt(first, second, characteristic) == set(), characteristic


# --- the command line ----------------------------------------------------------------------------------------------


def dated_register(path: Path) -> Path:
    """A board whose 12th member joins on 1 July 2026 and whose 1st leaves on 1 September 2026."""
    answers = [("female", "white")] * 7 + [("male", "asian")] * 2 + [("female", "black")] * 2 + [("male", "white")]
    members, memberships = [], []
    for index, (sex, group) in enumerate(answers):
        member = Member(
            id=f"m{index:02d}",
            name=f"Member {index}",
            perspectives=frozenset({Perspective.USES_SERVICES}),
            diversity=DiversityProfile(sex=SEX.categories(sex), ethnic_group=ETHNIC.categories(group)),
        )
        members.append(member)
        started = date(2026, 7, 1) if index == 11 else date(2025, 1, 1)
        left = date(2026, 9, 1) if index == 0 else None
        memberships.append(Membership(member=member.id, group=GROUP, started=started, left=left))
    register = Register(
        organisation="Testshire Council",
        area="Testshire",
        members=tuple(members),
        groups=(Group(id=GROUP, name="Testshire Board", kind=GroupKind.BOARD),),
        memberships=tuple(memberships),
    )
    save_register(register, path / "register.yaml")
    return path / "register.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


AUDIT = ("audit", "--group", GROUP, "--baseline", "england", "--publishable")


def test_the_command_compares_with_the_previous_publication(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = str(dated_register(tmp_path))
    june, july, september = tmp_path / "june.json", tmp_path / "july.json", tmp_path / "september.json"
    assert run(capsys, *AUDIT, register, "--as-of", "2026-06-01", "--format", "json", "-o", str(june))[0] == 0
    status, _, err = run(
        capsys, *AUDIT, register, "--as-of", "2026-07-01", "--format", "json", "--previous", str(june), "-o", str(july)
    )
    assert (status, err) == (0, "")
    status, _, err = run(
        capsys, *AUDIT, register, "--as-of", "2026-09-01", "--format", "json", "--previous", str(july),
        "-o", str(september),
    )
    assert (status, err) == (0, "")
    first, second, third = (json.loads(p.read_text()) for p in (june, july, september))
    assert second["previous"] == {"as_of": "2026-06-01"}
    for characteristic in (SEX, ETHNIC):
        assert what_is_learnt(first, second, characteristic) == set()  # joined
        assert what_is_learnt(second, third, characteristic) == set()  # left
    # The same command twice gives the same bytes.
    again = tmp_path / "again.json"
    argv = ["--as-of", "2026-07-01", "--format", "json", "--previous", str(june), "-o", str(again)]
    run(capsys, *AUDIT, register, *argv)
    assert again.read_bytes() == july.read_bytes()


def test_previous_without_publishable_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = str(dated_register(tmp_path))
    status, out, err = run(capsys, "audit", register, "--group", GROUP, "--previous", str(tmp_path / "p.json"))
    assert status == 2
    assert out == ""
    assert "--previous is for publishable reports" in err


def test_the_output_may_not_replace_the_previous_publication(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = str(dated_register(tmp_path))
    june = tmp_path / "june.json"
    run(capsys, *AUDIT, register, "--as-of", "2026-06-01", "--format", "json", "-o", str(june))
    kept = june.read_bytes()
    status, _, err = run(
        capsys, *AUDIT, register, "--as-of", "2026-07-01", "--format", "json", "--previous", str(june), "-o", str(june)
    )
    assert status == 2
    assert "would overwrite the previous audit" in err
    assert june.read_bytes() == kept


def _bad_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> str:
    register = str(dated_register(tmp_path))
    previous = tmp_path / "previous.json"
    previous.write_text(text, encoding="utf-8")
    out_file = tmp_path / "out.json"
    status, out, err = run(
        capsys, *AUDIT, register, "--as-of", "2026-07-01", "--previous", str(previous), "-o", str(out_file)
    )
    assert status == 2
    assert out == ""
    assert "Traceback" not in err
    assert not out_file.exists()
    assert previous.read_text(encoding="utf-8") == text
    return err


@pytest.fixture
def june(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    register = str(dated_register(tmp_path))
    status, out, _ = run(capsys, *AUDIT, register, "--as-of", "2026-06-01", "--format", "json")
    assert status == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_a_previous_file_that_is_not_json_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _bad_previous(tmp_path, capsys, "Diversity audit: Testshire Board\n")
    assert "previous.json: is not JSON" in err
    assert "give the audit's --format json output" in err


def test_a_missing_previous_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = str(dated_register(tmp_path))
    status, _, err = run(capsys, *AUDIT, register, "--previous", str(tmp_path / "nowhere.json"))
    assert status == 2
    assert "nowhere.json: cannot be read" in err


@pytest.mark.parametrize(
    ("change", "where", "says"),
    [
        (lambda d: d.update(mode="internal"), "$.mode", "'internal' is not 'publishable'"),
        (lambda d: d["group"].update(id="champions"), "$.group.id", "'champions' is not the group audited now"),
        (lambda d: d["baseline"].update(name="wales"), "$.baseline.name", "'wales' is not the baseline used now"),
        (lambda d: d.update(report="something else"), "$.report", "not a diversity audit"),
        (lambda d: d["policy"].update(suppression_threshold="5"), "$.policy.suppression_threshold", "whole number"),
        (
            lambda d: d["characteristics"][1]["rows"][0]["count"].update(suppressed="hidden"),
            "$.characteristics[1].rows[0].count",
            "expected",
        ),
        (
            lambda d: d["characteristics"][1]["rows"].pop(),
            "$.characteristics[1].rows",
            "are not this audit's",
        ),
        (
            lambda d: d["characteristics"][0]["completeness"].update(
                answered={"count": 2, "suppressed": None}, prefer_not_to_say={"count": 0, "suppressed": None}
            ),
            "$.characteristics[0]",
            "do not add up",
        ),
    ],
)
def test_a_previous_file_that_is_not_a_publishable_audit_of_this_group_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], june: dict[str, Any], change: Any, where: str, says: str
) -> None:
    change(june)
    err = _bad_previous(tmp_path, capsys, json.dumps(june))
    assert f"previous.json: {where}: " in err
    assert says in err


def test_every_problem_in_a_previous_publication_is_reported_at_once() -> None:
    register = board([{"ethnic_group": "white"}] * 10)
    document = publish(register)
    document.update(mode="internal", group={"id": "other"})
    with pytest.raises(PreviousAuditError) as raised:
        previous_from_data(document, "p.json", group_id=GROUP, baseline_name="elsewhere", categories={})
    where = [problem.path for problem in raised.value.problems]
    assert where == ["$.mode", "$.group.id", "$.baseline.name"]
    assert all(problem.file == "p.json" for problem in raised.value.problems)


def test_the_example_board_s_new_member_cannot_be_read_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Bill Harcourt joins the Team-Up board on 1 September 2026 (examples/oxfordshire). Without --previous the
    # August and November audits show which counts moved by one; with it, nothing names his answers.
    example = str(Path(__file__).resolve().parents[2] / "examples" / "oxfordshire")
    common = ("audit", example, "--group", "team-up-board", "--publishable", "--format", "json")
    august, plain, november = tmp_path / "august.json", tmp_path / "plain.json", tmp_path / "november.json"
    assert run(capsys, *common, "--as-of", "2026-08-25", "-o", str(august))[0] == 0
    assert run(capsys, *common, "--as-of", "2026-11-25", "-o", str(plain))[0] == 0
    assert run(capsys, *common, "--as-of", "2026-11-25", "--previous", str(august), "-o", str(november))[0] == 0
    first, undefended, second = (json.loads(p.read_text()) for p in (august, plain, november))
    assert second["members"]["count"] == first["members"]["count"] + 1
    leaks = {c for c in Policy().monitored_characteristics if what_is_learnt(first, undefended, c)}
    assert {ETHNIC, SEX, Characteristic.RELIGION} <= leaks
    for characteristic in Policy().monitored_characteristics:
        assert what_is_learnt(first, second, characteristic) == set(), characteristic
