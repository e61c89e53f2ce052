"""``check --format xlsx`` and ``--format csv``: one row per finding with exactly the JSON contract's columns, the
workbook filterable with a frozen header and the same bytes for the same input, formulas never written, and the
publishable and internal rules of the other check outputs kept."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import time
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.api import CheckReport, check_register
from coproduction.checks import Finding, Principle, Subject, SubjectKind
from coproduction.cli import main
from coproduction.errors import OutputError
from coproduction.io.loader import load_register, loads_register
from coproduction.policy import Policy, Severity
from coproduction.reports.checks import FORMATS, render, render_bytes, render_pieces, xlsx_report
from coproduction.reports.checks.csv_report import as_text_cell, render_csv
from coproduction.reports.checks.findings_table import COLUMNS, could_be_formula, finding_row
from coproduction.reports.checks.json_report import finding_to_dict
from coproduction.reports.checks.text import INTERNAL_NOTICE, PUBLISHABLE_NOTICE
from coproduction.reports.checks.xlsx_report import render_xlsx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
AS_OF = date(2026, 11, 25)
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

#: Register text that a spreadsheet would run as formulas if it were written as formulas.
HOSTILE_NAMES = """\
organisation: '=HYPERLINK("https://example.org/x","Council")'
area: Oxfordshire
members:
  - {id: '=HYPERLINK("https://example.org/a","ann")', name: '=HYPERLINK("https://example.org/a","Ann")',
     perspectives: [carer], joined: 2025-01-01}
  - {id: '+bob', name: '+Bob', perspectives: [staff], organisation: '-Org'}
  - {id: '@cat', name: '@Cat', perspectives: [uses-services]}
groups:
  - {id: '=HYPERLINK("https://example.org/g","board")', name: '=HYPERLINK("https://example.org/g","Board")',
     kind: board}
memberships:
  - {member: '=HYPERLINK("https://example.org/a","ann")', group: '=HYPERLINK("https://example.org/g","board")',
     role: chair}
  - {member: '+bob', group: '=HYPERLINK("https://example.org/g","board")'}
  - {member: '@cat', group: '=HYPERLINK("https://example.org/g","board")'}
"""


@pytest.fixture(scope="module")
def report() -> CheckReport:
    return check_register(load_register(EXAMPLE), as_of=AS_OF, policy=Policy())


@pytest.fixture(scope="module")
def hostile() -> CheckReport:
    register = loads_register(HOSTILE_NAMES, "yaml")
    return check_register(register, as_of=AS_OF, policy=Policy())


# -- reading a workbook back, with nothing but the standard library ---------------------------------------------


def sheets(data: bytes) -> dict[str, list[list[str]]]:
    """Each sheet's name and rows of cell text, in workbook order; fails on a formula or a cell not text."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
        names = [sheet.get("name") or "" for sheet in workbook.iter(f"{MAIN}sheet")]
        found: dict[str, list[list[str]]] = {}
        for number, name in enumerate(names, start=1):
            root = ElementTree.fromstring(package.read(f"xl/worksheets/sheet{number}.xml"))
            assert root.find(f".//{MAIN}f") is None, f"a formula on sheet {name}"
            rows = []
            for row in root.iter(f"{MAIN}row"):
                cells = []
                for cell in row.iter(f"{MAIN}c"):
                    assert cell.get("t") == "inlineStr", ElementTree.tostring(cell)
                    cells.append("".join(text.text or "" for text in cell.iter(f"{MAIN}t")))
                rows.append(cells)
            found[name] = rows
    return found


def sheet_xml(data: bytes, number: int) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def json_rows(report: CheckReport) -> list[list[str]]:
    """The JSON report's findings as rows of the table's columns."""
    rows = []
    for finding in json.loads(render(report, "json"))["findings"]:
        subject = finding.pop("subject")
        finding["subject.kind"], finding["subject.id"] = subject["kind"], subject["id"]
        rows.append([finding[column] for column in COLUMNS])
    return rows


# -- the columns and rows -----------------------------------------------------------------------------------------


def test_the_columns_are_the_json_contracts() -> None:
    subject = Subject(SubjectKind.MEETING, "m")
    finding = Finding("AC001", "n", Principle.ACCESSIBILITY, Severity.ERROR, subject, "x", "y")
    contract = finding_to_dict(finding)
    flat = [key for key in contract if key != "subject"]
    flat[flat.index("severity") + 1 : flat.index("severity") + 1] = ["subject.kind", "subject.id"]
    assert list(COLUMNS) == flat
    assert finding_row(finding) == ("AC001", "n", "accessibility", "error", "meeting", "m", "x", "y")


def test_the_workbook_has_a_row_per_finding_with_the_jsons_values(report: CheckReport) -> None:
    assert len(report.findings) >= 20
    book = sheets(render_xlsx(report))
    assert list(book) == ["About", "Findings"]
    assert book["Findings"][0] == list(COLUMNS)
    assert book["Findings"][1:] == json_rows(report)


def test_the_csv_has_a_row_per_finding_with_the_jsons_values(report: CheckReport) -> None:
    rows = csv_rows(render_csv(report))
    assert rows[0] == list(COLUMNS)
    assert rows[1:] == json_rows(report)


def test_the_header_is_frozen_and_filterable(report: CheckReport) -> None:
    xml = sheet_xml(render_xlsx(report), 2)
    last = len(report.findings) + 1
    assert f'<autoFilter ref="A1:H{last}"/>' in xml
    assert re.search(r'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>', xml)


def test_the_workbook_opens_on_what_it_means(report: CheckReport) -> None:
    with zipfile.ZipFile(io.BytesIO(render_xlsx(report))) as package:
        workbook = package.read("xl/workbook.xml").decode("utf-8")
    assert 'activeTab="1"' not in workbook  # the first sheet, About, is the one shown
    about = sheets(render_xlsx(report))["About"]
    assert about[0] == ["Co-production check findings"]
    labels = {row[0]: row[1] for row in about[1:] if len(row) == 2}
    assert labels["What this is"].startswith("Each row of the Findings sheet is one place where")
    assert labels["Checked as of"] == "2026-11-25"
    assert labels["May it be published?"] == PUBLISHABLE_NOTICE
    assert labels["Findings"] == str(len(report.findings))
    assert [labels["Errors"], labels["Warnings"], labels["Info"]] == [
        str(report.summary[s]) for s in ("error", "warning", "info")
    ]


def test_no_findings_give_the_header_alone() -> None:
    empty = CheckReport(as_of=AS_OF, policy="default", findings=())
    assert sheets(render_xlsx(empty))["Findings"] == [list(COLUMNS)]
    assert render_csv(empty) == ",".join(COLUMNS) + "\r\n"


def test_more_findings_than_a_sheet_holds_go_on_to_further_sheets(
    report: CheckReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_report, "MAX_ROWS", 11)  # 10 findings a sheet
    book = sheets(render_xlsx(report))
    expected = len(report.findings)
    findings_sheets = [name for name in book if name.startswith("Findings")]
    assert findings_sheets == ["Findings", *(f"Findings {n}" for n in range(2, len(findings_sheets) + 1))]
    assert len(findings_sheets) == -(-expected // 10)
    assert all(book[name][0] == list(COLUMNS) for name in findings_sheets)
    assert [row for name in findings_sheets for row in book[name][1:]] == json_rows(report)


# -- formulas: written as text, never run -------------------------------------------------------------------------


def test_names_that_look_like_formulas_are_text_in_the_workbook(hostile: CheckReport) -> None:
    cells = [cell for row in sheets(render_xlsx(hostile))["Findings"][1:] for cell in row]
    assert '=HYPERLINK("https://example.org/g","board")' in cells
    assert "+bob" in cells
    assert "@cat" in cells
    assert any(cell.startswith("-Org provides") for cell in cells)
    assert sum(cell.startswith("=HYPERLINK") for cell in cells) >= 8  # all kept, exactly as written


def test_names_that_look_like_formulas_are_text_in_the_csv(hostile: CheckReport) -> None:
    rows = csv_rows(render_csv(hostile))[1:]
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if could_be_formula(cell)]
    assert "'=HYPERLINK(\"https://example.org/g\",\"board\")" in cells
    assert "'+bob" in cells
    assert "'@cat" in cells
    # Nothing else changes: only the cells that could start a formula gain an apostrophe.
    expected = [list(finding_row(finding)) for finding in hostile.findings]
    assert [
        [cell[1:] if cell != plain else cell for cell, plain in zip(row, original, strict=True)]
        for row, original in zip(rows, expected, strict=True)
    ] == expected
    changed = [cell for row in rows for cell in row if cell not in {c for r in expected for c in r}]
    assert changed
    assert all(cell.startswith("'") and could_be_formula(cell[1:]) for cell in changed)


def test_ordinary_text_is_left_alone_in_the_csv() -> None:
    for text in ("Ann", "'quoted already", "a = b", "5 members", "", "  =not at the start?"):
        assert as_text_cell(text) == text
    for text in ("=1+1", "+44 1865", "-5", "@SUM(A1)", "\t=1", "\r=1"):
        assert as_text_cell(text) == "'" + text


# -- the same input gives the same bytes --------------------------------------------------------------------------


def test_the_same_report_gives_the_same_workbook_bytes_later(report: CheckReport) -> None:
    first = render_xlsx(report)
    time.sleep(1.1)  # a workbook stamped with the clock would differ by now
    assert render_xlsx(report) == first


def test_the_command_writes_the_same_bytes_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for name in ("a.xlsx", "b.xlsx", "a.csv", "b.csv"):
        target = tmp_path / name
        fmt = target.suffix[1:]
        status = main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", fmt, "-o", str(target)])
        assert status == 1  # the example has errors
        assert capsys.readouterr() == ("", "")
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[2] == outputs[3]
    with zipfile.ZipFile(io.BytesIO(outputs[0])) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 31, 0, 0, 0)}
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-25T00:00:00Z</dcterms:created>" in core
    assert "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-25T00:00:00Z</dcterms:modified>" in core


def test_the_csv_file_is_utf8_with_crlf_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "findings.csv"
    main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", "csv", "-o", str(target)])
    capsys.readouterr()
    data = target.read_bytes()
    text = data.decode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert text.startswith("code,name,principle,severity,subject.kind,subject.id,message,hint\r\n")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare line feeds: no field in the example holds one


# -- where each format may go ---------------------------------------------------------------------------------------


def test_a_workbook_is_never_written_to_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", "xlsx"])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert "--format xlsx writes a workbook" in err
    assert "-o findings.xlsx" in err
    assert "Traceback" not in err


def test_the_workbook_refusal_comes_before_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no-such-register.yaml", "--format", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert "--format xlsx writes a workbook" in err
    assert "no such file" not in err


def test_the_csv_goes_to_standard_output_without_o(report: CheckReport, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", "csv"])
    out, err = capsys.readouterr()
    assert out == render_csv(report)
    assert err == ""


def test_an_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "findings.xlsx"
    assert main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", "xlsx", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err
    assert "Traceback" not in err
    assert not target.parent.exists()


def test_the_formats_are_registered_with_the_others(report: CheckReport) -> None:
    assert {"csv", "xlsx"} <= set(FORMATS)
    assert "".join(render_pieces(report, "csv")) == render(report, "csv") == render_csv(report)
    assert render_bytes(report, "csv") == render_csv(report).encode("utf-8")
    assert render_bytes(report, "xlsx") == render_xlsx(report)
    with pytest.raises(OutputError, match="render_bytes"):
        render(report, "xlsx")


# -- publishable and internal ---------------------------------------------------------------------------------------


def test_published_rows_say_what_the_publishable_json_says(report: CheckReport) -> None:
    """Diversity findings in the workbook and the CSV are the publishable report's: no count it hides."""
    diversity = [row for row in json_rows(report) if row[2] == "diversity"]
    assert diversity
    assert [row for row in sheets(render_xlsx(report))["Findings"][1:] if row[2] == "diversity"] == diversity
    assert [row for row in csv_rows(render_csv(report))[1:] if row[2] == "diversity"] == diversity
    assert any("is not published" in row[6] for row in diversity)


def test_an_internal_workbook_says_so_and_is_private(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "internal.xlsx"
    argv = ["check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", "xlsx", "-o", str(target), "--internal"]
    assert main(argv) == 1
    capsys.readouterr()
    about = {row[0]: row[1] for row in sheets(target.read_bytes())["About"][1:] if len(row) == 2}
    assert about["May it be published?"] == INTERNAL_NOTICE
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    published = tmp_path / "published.xlsx"
    main(["check", str(EXAMPLE), "--as-of", "2026-11-25", "--format", "xlsx", "-o", str(published)])
    capsys.readouterr()
    internal_rows = sheets(target.read_bytes())["Findings"]
    published_rows = sheets(published.read_bytes())["Findings"]
    assert internal_rows != published_rows  # exact figures inside, only where it says so


def test_an_internal_csv_is_refused_before_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no-such-register.yaml", "--format", "csv", "--internal"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "--internal cannot be used with --format csv" in err
    internal = CheckReport(as_of=AS_OF, policy="default", findings=(), internal=True)
    with pytest.raises(OutputError, match="csv"):
        render_csv(internal)


# -- any text at all --------------------------------------------------------------------------------------------------

_TEXT = st.text(max_size=40)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    return Finding(
        code=draw(st.from_regex(r"[A-Z]{2}[0-9]{3}", fullmatch=True)),
        name=draw(_TEXT),
        principle=draw(st.sampled_from(list(Principle))),
        severity=draw(st.sampled_from(list(Severity))),
        subject=Subject(draw(st.sampled_from(list(SubjectKind))), draw(_TEXT)),
        message=draw(_TEXT),
        hint=draw(_TEXT),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(findings(), max_size=6))
def test_any_findings_come_back_from_the_csv_exactly(found: list[Finding]) -> None:
    report = CheckReport(as_of=AS_OF, policy="default", findings=tuple(found))
    rows = csv_rows(render_csv(report))
    assert rows[0] == list(COLUMNS)
    assert rows[1:] == [[as_text_cell(cell) for cell in finding_row(f)] for f in found]


@settings(max_examples=25, deadline=None)
@given(st.lists(findings(), max_size=4))
def test_any_findings_make_a_workbook_of_text_cells(found: list[Finding]) -> None:
    """Control characters, formula starts, any script: a well-formed workbook, every cell text, none a formula."""
    report = CheckReport(as_of=AS_OF, policy="default", findings=tuple(found))
    data = render_xlsx(report)
    assert data == render_xlsx(report)
    rows = sheets(data)["Findings"]
    assert len(rows) == len(found) + 1
    assert [row[0] for row in rows[1:]] == [f.code for f in found]
