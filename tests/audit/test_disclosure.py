"""Check findings that may be published give back no count the publishable audit hides (issue 10, part 2).

The recovery tests read what is published (the publishable audit's JSON and the check's findings), enumerate
every table of counts the audit allows (:mod:`tests.audit.attacker`, independent of the library's feasibility
arithmetic), keep those the library would publish the same way, then keep those for which the library's own
checks would have written the same findings. The findings must rule out nothing: every hidden cell keeps every
value the audit alone leaves it. The same attacker, given the internal findings, does narrow cells, so it is
able to find a leak.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduction.api import check_register
from coproduction.audit.analysis import audit_group
from coproduction.audit.labels import characteristic_title
from coproduction.audit.population import Baseline
from coproduction.cli import main
from coproduction.errors import OutputError
from coproduction.io.baselines import resolve_baseline
from coproduction.models import Characteristic, Register
from coproduction.policy import Policy
from coproduction.reports.audit import RENDERERS, build_report
from coproduction.reports.checks import render
from coproduction.reports.checks.json_report import report_to_dict
from tests.audit import attacker
from tests.audit.helpers import AS_OF, GROUP, answers, baseline, board

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
EXAMPLE_DAY = "2026-11-25"
ETHNIC, SEX = Characteristic.ETHNIC_GROUP, Characteristic.SEX
HALF_AND_HALF = baseline({ETHNIC: {"white": 50, "black": 50}, SEX: {"female": 50, "male": 50}})
DV = ("DV001", "DV002")

Finding = tuple[str, str, str]  # code, message, hint (the group's name and id replaced)


@pytest.fixture(autouse=True)
def _no_policy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("COPRODUCTION_"):
            monkeypatch.delenv(key)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def dv_findings(
    register: Register, base: Baseline, policy: Policy, *, internal: bool = False, select: Sequence[str] = DV
) -> list[Any]:
    report = check_register(
        register, as_of=AS_OF, policy=policy, select=select, baselines=lambda _: base, internal=internal
    )
    return list(report.findings)


def unknown_findings(register: Register, *, internal: bool = False) -> list[Any]:
    """DV002's findings on ethnic group."""
    policy = Policy(monitored_characteristics=(ETHNIC,))
    return dv_findings(register, HALF_AND_HALF, policy, internal=internal, select=["DV002"])


# --- what publishable findings say, and when they stay silent ---------------------------------------------------


def test_a_gap_the_published_cells_imply_is_reported_with_the_fewest_every_table_needs() -> None:
    # 20 answered (shown), 1 man ("fewer than 5"), 50% expected: any of 1-4 men is under half of 10 expected.
    register = board(answers(SEX, {"female": 19, "male": 1}))
    policy = Policy(monitored_characteristics=(SEX,))
    (internal,) = dv_findings(register, HALF_AND_HALF, policy, internal=True)
    (published,) = dv_findings(register, HALF_AND_HALF, policy)
    assert published.code == internal.code == "DV001"
    assert published.message == internal.message
    # 1 man needs 6 more (the fewest k with 1 + k >= 0.25 (20 + k)); 4 men would need 2, and the reader cannot
    # tell which: every table the audit allows needs at least 2.
    assert "at least 6 more members who are male" in internal.hint
    assert "at least 2 more members who are male" in published.hint


def test_a_gap_the_published_cells_do_not_imply_is_left_out() -> None:
    # 1 Black member of 8 is under half of 4 expected, but the table shows "fewer than 5" and White "not shown":
    # 2 or 3 would not be under, so a reader cannot tell, and the finding would tell them.
    register = board(answers(ETHNIC, {"black": 1, "white": 7}))
    policy = Policy(monitored_characteristics=(ETHNIC,))
    assert [f.code for f in dv_findings(register, HALF_AND_HALF, policy, internal=True)] == ["DV001"]
    assert dv_findings(register, HALF_AND_HALF, policy) == []


def test_a_row_the_table_shows_keeps_its_exact_figures() -> None:
    # 10 White, 0 Black, nobody unanswered: the table is shown whole and the hint is the internal one.
    register = board(answers(ETHNIC, {"white": 10}))
    policy = Policy(monitored_characteristics=(ETHNIC,))
    internal = dv_findings(register, HALF_AND_HALF, policy, internal=True)
    assert internal
    assert dv_findings(register, HALF_AND_HALF, policy) == internal


def test_a_hidden_number_not_known_is_given_as_the_fewest_any_table_has() -> None:
    # 31 members: 20 answered, 2 prefer not to say ("fewer than 5"), 9 not known; the audit then hides not known
    # too ("not shown"), or it would give the 2 away.
    register = board(answers(ETHNIC, {"white": 12, "black": 8, "prefer-not-to-say": 2, None: 9}))
    (internal,) = unknown_findings(register, internal=True)
    (published,) = unknown_findings(register)
    assert internal.message.startswith("Ethnic group is not known for 9 of 31 current members (29.0%)")
    # Prefer not to say is 1 to 4, so not known is 7 to 10 (answered 20 is shown): at least 7 (22.6%), above 20%.
    assert published.message == (
        "Ethnic group is not known for at least 7 of 31 current members (22.6% or more), more than the 20% "
        "allowed; the exact number is not published, as it could help identify people."
    )


def test_a_shown_number_not_known_is_exact() -> None:
    # 6 of 20 not known, nobody else hidden: the audit shows 6, and so may the finding.
    register = board(answers(ETHNIC, {"white": 14, None: 6}))
    (finding,) = unknown_findings(register)
    assert unknown_findings(register, internal=True) == [finding]
    assert finding.message.startswith("Ethnic group is not known for 6 of 20 current members (30%)")


def test_a_number_not_known_that_may_be_within_the_limit_is_left_out() -> None:
    # 3 of 10 not known (30%) is "fewer than 5": 1 or 2 would be within 20%.
    register = board(answers(ETHNIC, {"white": 7, None: 3}))
    assert len(unknown_findings(register, internal=True)) == 1
    assert unknown_findings(register) == []


def test_a_group_smaller_than_the_threshold_has_no_diversity_findings_when_published() -> None:
    register = board(answers(ETHNIC, {"black": 0, "white": 3, None: 1}))
    policy = Policy(monitored_characteristics=(ETHNIC,))
    assert dv_findings(register, HALF_AND_HALF, policy, internal=True)
    assert dv_findings(register, HALF_AND_HALF, policy) == []


def test_nobody_answered_is_reported_exactly() -> None:
    register = board(answers(ETHNIC, {None: 12}))
    policy = Policy(monitored_characteristics=(ETHNIC,))
    (finding,) = dv_findings(register, HALF_AND_HALF, policy)
    assert finding.message.startswith("Ethnic group is not known for 12 of 12 current members (100%)")


def test_the_report_says_which_mode_it_is_in() -> None:
    register = board(answers(ETHNIC, {"white": 10}))
    published = check_register(register, as_of=AS_OF, baselines=lambda _: HALF_AND_HALF)
    internal = check_register(register, as_of=AS_OF, baselines=lambda _: HALF_AND_HALF, internal=True)
    assert report_to_dict(published)["mode"] == "publishable"
    assert report_to_dict(internal)["mode"] == "internal"
    assert json.loads(render(internal, "json"))["mode"] == "internal"
    assert render(published, "text").splitlines()[1].startswith("Publishable: diversity findings give no count")
    assert "do not publish" in render(internal, "text").splitlines()[1]
    with pytest.raises(OutputError, match="Markdown is for board papers"):
        render(internal, "markdown")
    assert render(published, "markdown").startswith("# Co-production check")


# --- the command line ------------------------------------------------------------------------------------------


def test_the_example_s_findings_give_no_hidden_count_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("json", "markdown", "text"):
        _, out, _ = run(capsys, "check", str(EXAMPLE), "--as-of", EXAMPLE_DAY, "--format", fmt, "--select", "DV")
        assert "9 of 35" not in out, fmt
        assert "at least 8 of 35" in out, fmt
    _, out, _ = run(capsys, "check", str(EXAMPLE), "--as-of", EXAMPLE_DAY, "--format", "json", "--internal")
    document = json.loads(out)
    assert document["mode"] == "internal"
    assert any("9 of 35" in f["message"] for f in document["findings"])


def test_internal_markdown_is_refused_before_anything_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "paper.md"
    status, out, err = run(
        capsys, "check", str(tmp_path / "missing"), "--format", "markdown", "--internal", "-o", str(target)
    )
    assert status == 2
    assert out == ""
    assert "--internal cannot be used with --format markdown" in err
    assert "Traceback" not in err
    assert not target.exists()


# --- recovery: the attacker ------------------------------------------------------------------------------------


def _normalised(findings: Sequence[Mapping[str, Any]], name: str, group_id: str) -> set[Finding]:
    def clean(text: str) -> str:
        return text.replace(name, "<group>").replace(f"--group {group_id}", "--group <id>")

    return {(f["code"], clean(f["message"]), clean(f["hint"])) for f in findings}


def _about(characteristic: Characteristic, finding: Mapping[str, Any]) -> bool:
    if finding["code"] == "DV001":
        return bool(finding["message"].endswith(f"answered about {characteristic_title(characteristic).lower()}"))
    return bool(finding["message"].startswith(f"{characteristic.label.capitalize()} is not known"))


def _recomputed(
    characteristic: Characteristic,
    table: attacker.Table,
    categories: list[str],
    base: Baseline,
    policy: Policy,
    internal: bool,
) -> set[Finding]:
    """The DV findings the library would have written had the group's table been ``table``."""
    register = board(attacker.answers_for(characteristic, table, categories))
    report = check_register(
        register,
        as_of=AS_OF,
        policy=attrs.evolve(policy, monitored_characteristics=(characteristic,)),
        select=DV,
        baselines=lambda _: base,
        internal=internal,
    )
    group = register.group_by_id[GROUP]
    return _normalised(report_to_dict(report)["findings"], group.name, group.id)


@attrs.frozen
class Recovery:
    """Values each hidden cell may take: from the audit alone, and from the audit with the findings."""

    hidden: tuple[str, ...]
    audit_alone: dict[str, set[int]]
    with_findings: dict[str, set[int]]

    def narrowed(self) -> list[str]:
        return [k for k in self.hidden if self.with_findings.get(k, set()) != self.audit_alone.get(k, set())]


def recover(
    audit: Mapping[str, Any],
    check: Mapping[str, Any],
    characteristic: Characteristic,
    base: Baseline,
    policy: Policy,
    *,
    internal: bool = False,
) -> Recovery:
    """Try to narrow ``characteristic``'s hidden cells with the check's findings on top of the audit."""
    entry = attacker.entry_for(audit, characteristic)
    cells = attacker.cells_of(entry)
    categories = attacker.categories_of(entry)
    members = entry["completeness"]["members"]
    threshold = audit["policy"]["suppression_threshold"]
    group = audit["group"]
    published = _normalised(
        [f for f in check["findings"] if f["subject"]["id"] == group["id"] and _about(characteristic, f)],
        group["name"],
        group["id"],
    )
    alone, kept = [], []
    for table in attacker.tables(cells, categories, members, threshold):
        tally = attacker.tally_of(characteristic, table, categories)
        if attacker.republished_cells(tally, threshold) != cells:
            continue  # the library would have published this table differently
        alone.append(table)
        if _recomputed(characteristic, table, categories, base, policy, internal) == published:
            kept.append(table)
    hidden = tuple(attacker.hidden_keys(cells))
    return Recovery(hidden, attacker.values_by_cell(alone), attacker.values_by_cell(kept))


def published_pair(
    register: Register, base: Baseline, policy: Policy, *, internal: bool = False
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The publishable audit's JSON and the check's JSON, as published."""
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=policy, baseline=base)
    audit_json = json.loads(RENDERERS["json"](build_report(audit, None, policy, publishable=True)))
    report = check_register(
        register, as_of=AS_OF, policy=policy, select=DV, baselines=lambda _: base, internal=internal
    )
    return audit_json, json.loads(render(report, "json"))


def example_audit(capsys: pytest.CaptureFixture[str]) -> str:
    """The example champions' publishable audit, as JSON."""
    argv = ["audit", str(EXAMPLE), "--group", "champions", "--publishable", "--as-of", EXAMPLE_DAY, "--format", "json"]
    status, out, _ = run(capsys, *argv)
    assert status == 0
    return out


def test_the_example_s_published_findings_narrow_no_hidden_cell(capsys: pytest.CaptureFixture[str]) -> None:
    audit_out = example_audit(capsys)
    _, check_out, _ = run(capsys, "check", str(EXAMPLE), "--as-of", EXAMPLE_DAY, "--format", "json", "--select", "DV")
    audit, check = json.loads(audit_out), json.loads(check_out)
    policy = Policy()
    base = resolve_baseline(policy.baseline)
    tried = 0
    for characteristic in policy.monitored_characteristics:
        recovery = recover(audit, check, characteristic, base, policy)
        assert recovery.narrowed() == [], characteristic
        tried += bool(recovery.hidden)
    assert tried >= 4  # the example hides cells in most characteristics


def test_the_example_s_internal_findings_would_give_cells_away(capsys: pytest.CaptureFixture[str]) -> None:
    # The attacker works: "not known for 9 of 35" pins sexual orientation's hidden "not known" cell.
    audit_out = example_audit(capsys)
    _, check_out, _ = run(
        capsys, "check", str(EXAMPLE), "--as-of", EXAMPLE_DAY, "--format", "json", "--select", "DV", "--internal"
    )
    policy = Policy()
    recovery = recover(
        json.loads(audit_out),
        json.loads(check_out),
        Characteristic.SEXUAL_ORIENTATION,
        resolve_baseline(policy.baseline),
        policy,
        internal=True,
    )
    assert "not-known" in recovery.narrowed()
    assert recovery.with_findings["not-known"] == {9}


def test_internal_findings_on_a_small_board_would_give_a_cell_away() -> None:
    policy = Policy(monitored_characteristics=(ETHNIC,))
    register = board(answers(ETHNIC, {"black": 1, "white": 7}))
    audit, check = published_pair(register, HALF_AND_HALF, policy, internal=True)
    recovery = recover(audit, check, ETHNIC, HALF_AND_HALF, policy, internal=True)
    assert "black" in recovery.narrowed()
    audit, check = published_pair(register, HALF_AND_HALF, policy)
    assert recover(audit, check, ETHNIC, HALF_AND_HALF, policy).narrowed() == []


#: Small boards: up to 15 members answering about sex and ethnic group, some not at all.
ANSWER = st.fixed_dictionaries(
    {},
    optional={
        "sex": st.sampled_from(["female", "male", "prefer-not-to-say"]),
        "ethnic_group": st.sampled_from(["white", "asian", "black", "mixed", "other", "prefer-not-to-say"]),
    },
)
BOARDS = st.lists(st.one_of(st.none(), ANSWER), min_size=1, max_size=15)
BASELINES = st.sampled_from(
    [
        HALF_AND_HALF,
        baseline(
            {ETHNIC: {"white": 60, "asian": 20, "black": 10, "mixed": 5, "other": 5}, SEX: {"female": 1, "male": 3}}
        ),
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BOARDS, BASELINES, st.sampled_from([0.5, 0.75]), st.sampled_from([0.1, 0.2, 0.4]))
def test_published_findings_never_narrow_a_hidden_cell(
    answers_list: list[dict[str, str] | None], base: Baseline, ratio: float, unknown_share: float
) -> None:
    policy = Policy(
        monitored_characteristics=(SEX, ETHNIC), min_representation_ratio=ratio, max_unknown_share=unknown_share
    )
    register = board(answers_list)
    audit, check = published_pair(register, base, policy)
    for characteristic in (SEX, ETHNIC):
        assert recover(audit, check, characteristic, base, policy).narrowed() == [], characteristic


@given(BOARDS)
@settings(max_examples=30, deadline=None)
def test_published_findings_are_among_the_internal_ones(answers_list: list[dict[str, str] | None]) -> None:
    # Publishable output never raises an alarm the internal one does not; its DV001 messages are the same.
    policy = Policy(monitored_characteristics=(SEX, ETHNIC))
    register = board(answers_list)
    internal = dv_findings(register, HALF_AND_HALF, policy, internal=True)
    published = dv_findings(register, HALF_AND_HALF, policy)
    assert {(f.code, f.message) for f in published if f.code == "DV001"} <= {(f.code, f.message) for f in internal}
    assert {f.code for f in published} <= {f.code for f in internal}
    assert len(published) <= len(internal)
