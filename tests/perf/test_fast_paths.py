"""The speed-ups of issue 6 (benchmarks) change nothing: templated JSON is ``json.dumps``'s text, pieces written
atomically are the whole text, and the run's shared facts give the plain helpers' answers."""

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
from coproduction.output import render, render_pieces
from coproduction.output.json_report import CHUNK_FINDINGS, render_json, report_to_dict
from coproduction.policy import Severity

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


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_other_formats_come_whole(fmt: str) -> None:
    report = CheckReport(date(2026, 1, 1), "default", ())
    assert list(render_pieces(report, fmt)) == [render(report, fmt)]


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
