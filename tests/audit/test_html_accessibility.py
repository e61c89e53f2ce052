"""The HTML report in headless Chromium under axe-core: zero violations (issue 5, item 5).

Locally the tests skip with the reason when Chromium or axe-core is missing; in CI (CI=true) they fail instead,
because .ci/setup-browser.sh installs both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coproduction.audit.analysis import audit_group
from coproduction.audit.targets import recruitment_plan
from coproduction.cli import main
from coproduction.models import Characteristic
from coproduction.policy import Policy
from coproduction.reports.audit import build_report, html, json_report
from tests.audit.browser import axe_violations, layout
from tests.audit.helpers import AS_OF, GROUP, answers, baseline, board

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
ETHNIC = Characteristic.ETHNIC_GROUP
SMALL_COUNT_CELL = re.compile(r'<td class="number">([1-4])</td>')


def describe(violations: list[dict[str, object]]) -> str:
    return json.dumps(violations, indent=2)


def test_the_probe_catches_a_violation(tmp_path: Path) -> None:
    # An image with no text alternative and a page with no language: axe must say so, or the harness is broken.
    page = "<!DOCTYPE html><html><head><title>t</title></head><body><main><img src='x.png'></main></body></html>"
    ids = {v["id"] for v in axe_violations(page, tmp_path)}
    assert {"image-alt", "html-has-lang"} <= ids


def test_example_board_publishable_report_passes_and_shows_no_count_below_5(tmp_path: Path) -> None:
    if not EXAMPLE.is_dir():
        pytest.skip("examples/oxfordshire is not in this tree")
    output = tmp_path / "report.html"
    args = [str(EXAMPLE), "--group", "team-up-board", "--as-of", "2026-11-25", "--publishable"]
    assert main(["audit", *args, "--format", "html", "-o", str(output)]) == 0
    page = output.read_text(encoding="utf-8")
    assert not SMALL_COUNT_CELL.findall(page)
    violations = axe_violations(page, tmp_path)
    assert violations == [], describe(violations)


def report_for(member_answers: list[dict[str, str] | None], *, publishable: bool) -> str:
    policy = Policy(monitored_characteristics=(ETHNIC, Characteristic.AGE))
    audit = audit_group(
        board(member_answers),
        GROUP,
        as_of=AS_OF,
        policy=policy,
        baseline=baseline({ETHNIC: {"white": 70, "asian": 20, "black": 10}}),
    )
    return html.render(build_report(audit, recruitment_plan(audit), policy, publishable=publishable))


@pytest.mark.parametrize("publishable", [False, True], ids=["internal", "publishable"])
def test_board_missing_a_group_report_passes(tmp_path: Path, publishable: bool) -> None:
    page = report_for(answers(ETHNIC, {"white": 20, "asian": 6, None: 2}), publishable=publishable)
    violations = axe_violations(page, tmp_path)
    assert violations == [], describe(violations)


def test_tiny_group_publishable_report_passes(tmp_path: Path) -> None:
    page = report_for(answers(ETHNIC, {"white": 2, "black": 1}), publishable=True)
    violations = axe_violations(page, tmp_path)
    assert violations == [], describe(violations)


def test_report_needs_no_script_and_no_outside_file() -> None:
    page = report_for(answers(ETHNIC, {"white": 14, "asian": 4, "black": 2}), publishable=False)
    assert "<script" not in page
    assert "<link" not in page
    assert not re.search(r"\ssrc=", page)
    assert not re.search(r"<(?!a\s)[^>]*\shref=", page)  # links to sources only; nothing is fetched
    assert "<svg" in page
    assert 'role="img"' in page
    assert page.count("<title") == 1 + page.count("<svg")  # the page's title and one per chart
    # Every chart's figures are also in a table.
    report = json.loads(json_report.render(build_report_for_table_check()))
    for item in report["characteristics"]:
        for row in item["rows"]:
            if row["share"] is not None:
                assert row["label"] in page


def build_report_for_table_check() -> dict[str, object]:
    policy = Policy(monitored_characteristics=(ETHNIC,))
    audit = audit_group(
        board(answers(ETHNIC, {"white": 14, "asian": 4, "black": 2})),
        GROUP,
        as_of=AS_OF,
        policy=policy,
        baseline=baseline({ETHNIC: {"white": 70, "asian": 20, "black": 10}}),
    )
    return build_report(audit, recruitment_plan(audit), policy, publishable=False)


def example_pages(tmp_path: Path) -> dict[str, str]:
    if not EXAMPLE.is_dir():
        pytest.skip("examples/oxfordshire is not in this tree")
    pages = {}
    for mode, extra in (("internal", []), ("publishable", ["--publishable"])):
        output = tmp_path / f"{mode}.html"
        args = [str(EXAMPLE), "--group", "champions", "--as-of", "2026-11-25", *extra, "--format", "html"]
        assert main(["audit", *args, "-o", str(output)]) == 0
        pages[mode] = output.read_text(encoding="utf-8")
    return pages


def test_example_champions_reports_pass_and_open_with_what_was_found(tmp_path: Path) -> None:
    for mode, page in example_pages(tmp_path).items():
        violations = axe_violations(page, tmp_path)
        assert violations == [], (mode, describe(violations))
        # The first thing after the notice is the summary, in words, before any table or chart.
        summary = page.index('<h2 id="heading-summary">What the audit found</h2>')
        assert summary < page.index("<table")
        assert summary < page.index("<svg")
        assert "has fewer members who are male than the area" in page[summary : page.index("<table")]


LINK = re.compile(r'<a href="([^"]+)">([^<]+)</a>')


def test_links_have_words_not_addresses(tmp_path: Path) -> None:
    page = example_pages(tmp_path)["publishable"]
    links = LINK.findall(page)
    assert links, "the example's sources are linked"
    for url, words in links:
        assert url.startswith("https://")
        assert "://" not in words, words
        assert "www." not in words, words
    text = re.sub(r"<[^>]+>", " ", page)
    assert "https://" not in text
    assert "http://" not in text


@pytest.mark.parametrize("width", [500, 1280])
def test_charts_take_the_page_width_and_nothing_overflows(tmp_path: Path, width: int) -> None:
    for mode, page in example_pages(tmp_path).items():
        assert not re.search(r'<svg[^>]*\swidth="\d+(px)?"', page), "no chart has a fixed pixel width"
        measured = layout(page, tmp_path, width)
        assert measured["scrollWidth"] <= measured["innerWidth"], (mode, measured)
        assert measured["charts"], mode
        for chart in measured["charts"]:
            assert chart["svg"] == pytest.approx(chart["figure"], abs=1), (mode, chart)
