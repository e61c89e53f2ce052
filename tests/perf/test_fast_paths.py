"""The speed-ups of issue 6 (benchmarks) change nothing: templated JSON is ``json.dumps``'s text, pieces written
atomically are the whole text, and a run of the checks leaves no cyclic garbage (the register's index:
tests/checks/test_index.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.api import CheckReport
from coproduction.checks import Finding, Principle, Subject, SubjectKind
from coproduction.io.atomic import write_atomic_pieces
from coproduction.policy import Severity
from coproduction.reports.checks import render, render_pieces
from coproduction.reports.checks.json_report import CHUNK_FINDINGS, render_json, report_to_dict

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)

_FINDINGS = st.builds(
    Finding,
    code=st.sampled_from(["AC001", "MB002", "DV001"]),
    name=st.sampled_from(["late-papers", "low-attendance", "é-name"]),
    principle=st.sampled_from(list(Principle)),
    severity=st.sampled_from(list(Severity)),
    subject=st.builds(Subject, st.sampled_from(list(SubjectKind)), _TEXT),
    message=_TEXT,
    hint=_TEXT,
)


def _reference(report: CheckReport) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=60)
@given(findings=st.lists(_FINDINGS, max_size=6), policy=_TEXT)
def test_templated_json_is_json_dumps_text(findings: list[Finding], policy: str) -> None:
    report = CheckReport(as_of=date(2026, 11, 25), policy=policy, findings=tuple(findings))
    assert render_json(report) == _reference(report)
    assert "".join(render_pieces(report, "json")) == _reference(report)


def test_templated_json_across_pieces() -> None:
    finding = Finding("AC001", "late-papers", Principle.ACCESSIBILITY, Severity.ERROR,
                      Subject(SubjectKind.MEETING, "m\"1\n"), "Late\u2028 £", "Publish \\ sooner")
    report = CheckReport(date(2026, 1, 1), "default", (finding,) * (CHUNK_FINDINGS * 2 + 3))
    pieces = list(render_pieces(report, "json"))
    assert len(pieces) > 3
    assert "".join(pieces) == _reference(report)


def test_markdown_comes_whole() -> None:
    report = CheckReport(date(2026, 1, 1), "default", ())
    assert list(render_pieces(report, "markdown")) == [render(report, "markdown")]


@pytest.mark.parametrize("count", [0, 1, CHUNK_FINDINGS, CHUNK_FINDINGS * 2 + 3])
def test_text_in_pieces_is_the_whole_text(count: int) -> None:
    finding = Finding("AC001", "late-papers", Principle.ACCESSIBILITY, Severity.ERROR,
                      Subject(SubjectKind.MEETING, "m1"), "Late £", "Publish sooner")
    report = CheckReport(date(2026, 1, 1), "default", (finding,) * count)
    pieces = list(render_pieces(report, "text"))
    assert len(pieces) == 2 + count // CHUNK_FINDINGS
    assert "".join(pieces) == render(report, "text")
    whole = render(report, "text").splitlines()
    assert whole[0] == "Checked as of 2026-01-01 with policy 'default'."
    assert whole.count("meeting m1: AC001 late-papers [error] Late £") == count
    assert whole[-1] == f"{count} finding{'s' if count != 1 else ''}: {count} error{'s' if count != 1 else ''}, " \
        "0 warnings, 0 info."


def test_pieces_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    write_atomic_pieces(target, ["é", "b" * 10, "c"])
    assert target.read_text(encoding="utf-8") == "é" + "b" * 10 + "c"


def test_failure_part_way_keeps_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")

    def pieces():  # type: ignore[no-untyped-def]
        yield "new text"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_atomic_pieces(target, pieces())
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


# --- DV001's whole-number pre-test agrees with the full audit ----------------------------------------------------

_CATEGORIES = ("a", "b", "c", "d")


@settings(max_examples=300)
@given(
    counts=st.lists(st.integers(0, 30), min_size=4, max_size=4),
    weights=st.lists(st.integers(0, 50), min_size=4, max_size=4).filter(any),
    ratio=st.sampled_from([0.0, 0.5, 0.8, 1.0, 1.25, 2.0]),
    minimum=st.sampled_from([0, 0.5, 1, 2.5, 5]),
)
def test_dv001_pre_test_matches_audit(counts: list[int], weights: list[int], ratio: float, minimum: float) -> None:
    from fractions import Fraction

    from coproduction.audit.analysis import RowStatus, Tally, audit_tally, exact
    from coproduction.audit.population import BaselineSource, CharacteristicBaseline
    from coproduction.checks.diversity.DV001_underrepresented_group import _may_be_under
    from coproduction.models.diversity import Characteristic
    from coproduction.policy import Policy

    total = sum(weights)
    figures = CharacteristicBaseline(
        Characteristic.AGE,
        {c: Fraction(w, total) for c, w in zip(_CATEGORIES, weights, strict=True)},
        BaselineSource("T"),
    )
    counted = Tally(Characteristic.AGE, tuple(zip(_CATEGORIES, counts, strict=True)), 0, 0)
    policy = Policy(min_representation_ratio=ratio, min_expected_count=minimum)
    audit = audit_tally(counted, figures, policy)
    expected = any(row.status is RowStatus.UNDER for row in audit.rows)
    assert _may_be_under(counted.counts, counted.answered, figures, exact(ratio), exact(minimum)) == expected


@settings(max_examples=200)
@given(
    data=st.data(),
    ratio=st.sampled_from([0.5, 0.8, 1.0, 1.25]),
    minimum=st.sampled_from([0, 1, 2.5]),
    without_profile=st.integers(0, 3),
)
def test_dv001_pre_test_from_answers_matches_the_tally(
    data: st.DataObject, ratio: float, minimum: float, without_profile: int
) -> None:
    # The pre-test counts the members' answers by the baseline's units without building a Tally; it must agree
    # with the pre-test on regroup(_tally(...)) for every characteristic of the bundled baselines, grouped or not.
    from collections import Counter

    from coproduction.audit.analysis import exact, regroup
    from coproduction.checks.diversity.DV001_underrepresented_group import (
        _may_be_under,
        _may_be_under_answers,
        _reader,
        _tally,
        _units,
    )
    from coproduction.io.baselines import resolve_baseline
    from coproduction.models.diversity import PREFER_NOT_TO_SAY, DiversityProfile

    baseline = resolve_baseline(data.draw(st.sampled_from(["england", "england-and-wales"])))
    characteristic = data.draw(st.sampled_from(sorted(baseline.characteristics, key=str)))
    figures = baseline.get(characteristic)
    assert figures is not None
    choices = [*characteristic.answer_categories, PREFER_NOT_TO_SAY, None]
    answers = data.draw(st.lists(st.sampled_from(choices), max_size=40))
    profiles = [DiversityProfile(**{characteristic.value: answer}) for answer in answers]
    members = len(profiles) + without_profile
    counted = regroup(_tally(profiles, members, characteristic), figures)
    want = _may_be_under(counted.counts, counted.answered, figures, exact(ratio), exact(minimum))
    got = _may_be_under_answers(
        Counter(map(_reader(characteristic), profiles)), _units(characteristic, figures), figures, exact(ratio),
        exact(minimum),
    )
    assert got == want


# --- a run of the checks makes no reference cycles (check pauses the collector) ---------------------------------


def test_check_run_leaves_no_cyclic_garbage(tmp_path: Path) -> None:
    import gc

    from benchmarks.synthetic import Scale, write_register

    from coproduction.api import check_register
    from coproduction.io.loader import load_register

    small = Scale("small", councils=1, groups_per_council=3, members_per_group=8)
    path = write_register(tmp_path / "small.json", small)
    register = load_register(path)
    for candidate in (register, load_register(Path(__file__).parents[2] / "examples" / "oxfordshire")):
        gc.collect()
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            report = check_register(candidate, as_of=date(2026, 11, 25))
            assert report.findings
            assert gc.collect() == 0
        finally:
            if was_enabled:
                gc.enable()
