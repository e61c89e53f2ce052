"""The JSON report encoded by msgspec (``iter_json_bytes``) is byte for byte what ``json.dumps(report_to_dict(...),
ensure_ascii=False, indent=2) + "\\n"`` gives, whatever the texts, however many findings (across the chunks it is
encoded in), and whether written to a file or rendered as text."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.api import CheckReport
from coproduction.checks import Finding, Principle, Subject, SubjectKind
from coproduction.policy import Severity
from coproduction.reports.checks import json_report, render, render_encoded_pieces, render_pieces
from coproduction.reports.checks.json_report import iter_json_bytes, report_to_dict

# Any text a register can hold: every character but lone surrogates (UTF-8 cannot encode them, so no report can
# hold one), with control characters, quotes, backslashes, non-ASCII and characters outside the BMP favoured.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from(['"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "\u2028", "é", "😀", "/", "<"]),
    ),
    max_size=20,
)

FINDING = st.builds(
    Finding,
    code=st.sampled_from(["AC001", "DV002", "XY123"]),
    name=st.sampled_from(["late-papers", "diversity-data-incomplete"]),
    principle=st.sampled_from(list(Principle)),
    severity=st.sampled_from(list(Severity)),
    subject=st.builds(Subject, kind=st.sampled_from(list(SubjectKind)), id=TEXT),
    message=TEXT,
    hint=TEXT,
)


def expected(report: CheckReport) -> bytes:
    return (json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@settings(max_examples=300)
@given(findings=st.lists(FINDING, max_size=12), policy=TEXT, internal=st.booleans())
def test_bytes_are_json_dumps_whatever_the_texts(findings: list[Finding], policy: str, internal: bool) -> None:
    report = CheckReport(as_of=date(2026, 11, 25), policy=policy, findings=tuple(findings), internal=internal)
    want = expected(report)
    assert b"".join(iter_json_bytes(report)) == want
    assert b"".join(render_encoded_pieces(report, "json")) == want
    assert "".join(render_pieces(report, "json")).encode("utf-8") == want
    assert render(report, "json").encode("utf-8") == want


def test_chunks_join_into_one_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # Three findings a chunk: 0, 1, 3, 4 and 7 findings cross no, one or several chunk boundaries.
    monkeypatch.setattr(json_report, "CHUNK_FINDINGS", 3)
    for count in (0, 1, 3, 4, 7):
        findings = tuple(
            Finding("AC001", "late-papers", Principle.ACCESSIBILITY, Severity.ERROR,
                    Subject(SubjectKind.MEETING, f"m{n}"), f"message {n}", "hint")
            for n in range(count)
        )
        report = CheckReport(as_of=date(2026, 11, 25), policy="default", findings=findings)
        pieces = list(iter_json_bytes(report))
        assert b"".join(pieces) == expected(report)
        assert len(pieces) == (2 + -(-count // 3) if count else 1)


def test_text_formats_are_their_text_encoded() -> None:
    finding = Finding("AC001", "late-papers", Principle.ACCESSIBILITY, Severity.ERROR,
                      Subject(SubjectKind.MEETING, "m1"), "Papers were late – 2 days", "Publish earlier")
    report = CheckReport(as_of=date(2026, 11, 25), policy="default", findings=(finding,))
    for format in ("text", "csv"):
        assert b"".join(render_encoded_pieces(report, format)) == render(report, format).encode("utf-8")
