"""The board report's content: what it says, in what order, in plain English and Easy Read (issue 16)."""

from __future__ import annotations

import re
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.board_summary import summarise_group
from coproduction.checks import Finding, Principle, Subject, SubjectKind, builtin_registry
from coproduction.models import AgendaItem, Decision, MeetingStatus, Payment, Venue
from coproduction.models.meeting import Outcome
from coproduction.policy import DEFAULT_JARGON, Policy, Severity
from coproduction.reports.board import board_report, content, findings_for_group, render_board_report, wording
from coproduction.reports.board.content import page_text
from coproduction.reports.board.markdown import escape as md_escape
from coproduction.reports.board.model import principles
from coproduction.reports.board.readability import measure
from tests.builders import CARER, STAFF, USES_SERVICES, group, meeting, member, membership, register
from tests.report.helpers import AS_OF, VARIANTS, example_page, example_register, example_report, visible_text

# -- Readability of the Easy Read version ------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["team-up-board", "champions"])
def test_easy_read_meets_the_readability_figures(group: str) -> None:
    page = content.easy_read(example_report(group))
    measured = measure(page_text(page))
    assert measured.sentences >= 30, "the Easy Read text is all there"
    assert measured.words_per_sentence <= 12, measured
    assert measured.flesch >= 70, measured
    # The same on the text a reader sees in the HTML page (headings included).
    shown = measure(visible_text(example_page("easy-read", group=group)))
    assert shown.words_per_sentence <= 12, shown
    assert shown.flesch >= 70, shown


def test_the_plain_version_is_not_held_to_easy_read_figures_and_the_measure_tells_them_apart() -> None:
    plain = measure(page_text(content.standard(example_report())))
    easy = measure(page_text(content.easy_read(example_report())))
    assert plain.words_per_sentence > easy.words_per_sentence
    assert plain.flesch < easy.flesch


def _uses(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text) is not None


def test_no_jargon_appears_unexplained_in_easy_read() -> None:
    for group_id in ("team-up-board", "champions"):
        text = page_text(content.easy_read(example_report(group_id)))
        for term, meaning in DEFAULT_JARGON.items():
            if _uses(term, text):
                assert f"{term} means {meaning}." in text, term


def jargon_register(outcome_text: str):  # type: ignore[no-untyped-def]
    held = meeting(
        "m1",
        "g1",
        date(2026, 10, 6),
        present=["ann", "bob", "cat"],
        agenda=(AgendaItem("Plans", lived_experience_input=True, outcome=Outcome(outcome_text, date(2026, 10, 20))),),
    )
    return register(
        members=[member("ann", USES_SERVICES), member("bob", CARER), member("cat", STAFF)],
        groups=[group("g1")],
        memberships=[membership(m, "g1", started=date(2025, 1, 1)) for m in ("ann", "bob", "cat")],
        meetings=[held],
    )


def test_a_jargon_term_from_the_register_is_explained_in_easy_read() -> None:
    report = board_report(jargon_register("You said the ICB should listen; the CQC now asks you."), "g1", as_of=AS_OF)
    page = content.easy_read(report)
    text = page_text(page)
    assert "ICB means Integrated Care Board, the NHS body that plans local health services." in text
    assert "CQC means Care Quality Commission, which inspects care services." in text
    assert page["sections"][-1]["heading"] == "Hard words"


def test_no_hard_words_section_when_no_jargon_is_used() -> None:
    report = board_report(jargon_register("You said the leaflet was hard; we rewrote it."), "g1", as_of=AS_OF)
    page = content.easy_read(report)
    assert all(section["heading"] != "Hard words" for section in page["sections"])
    assert "means" not in page_text(page).replace("Co-production means", "")


def test_a_councils_own_jargon_list_is_the_one_explained() -> None:
    policy = Policy(jargon={"Team-Up": "our co-production board"})
    report = board_report(example_register(), "team-up-board", as_of=AS_OF, policy=policy)
    text = page_text(content.easy_read(report))
    assert "Team-Up means our co-production board." in text


# -- Order and content -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_summary_comes_first(variant: str) -> None:
    page = example_page(variant)
    first_heading = re.search(r"<h2 id=\"heading-([a-z-]+)\">", page)
    assert first_heading is not None
    assert first_heading.group(1) == "summary"
    summary_at = page.index('id="heading-summary"')
    assert summary_at < page.index('id="heading-needs-work"') < page.index('id="heading-next-meetings"')
    if "<table" in page:
        assert summary_at < page.index("<table")


def test_the_plain_summary_says_what_needs_work_and_the_key_figures() -> None:
    page = example_page("plain", "markdown")
    summary = page[page.index("## Summary") : page.index("## What needs work")]
    assert "**The checks found 12 things that need work: 3 need action now" in summary
    assert "Meetings: 12 held, 1 cancelled." in summary
    assert "Attendance: 91% of the places" in summary
    assert "Decisions: 13 of 13 were made with at least 2 members with lived experience present." in summary
    assert "£3,000.00 for people's time and £708.20 in expenses" in summary
    assert "Next meeting: Tuesday 1 December 2026 at 10:00, County Hall, Committee Room 2." in summary


def test_each_finding_says_what_to_do_next_from_the_checks_documentation() -> None:
    report = example_report()
    registry = builtin_registry()
    items = [item for p in report["principles"] for item in p["items"]]
    assert items
    page = example_page("plain", "markdown")
    for item in items:
        assert item["next"] == registry[item["code"]].doc.instead
        assert md_escape(item["next"]) in page


def test_principles_most_important_first() -> None:
    report = example_report()
    order = [p["principle"] for p in report["principles"]]
    # Accessibility has errors (AC001, AC002); equality and diversity have nothing, so they come last.
    assert order[0] == "accessibility"
    assert order[-2:] == ["equality", "diversity"]
    worst = [p["worst"] for p in report["principles"]]
    ranks = [{"error": 0, "warning": 1, "info": 2, None: 3}[w] for w in worst]
    assert ranks == sorted(ranks)


def finding(code: str, principle: Principle, severity: Severity, kind: SubjectKind, subject: str, message: str = "m"):  # type: ignore[no-untyped-def]
    return Finding(code, code.lower(), principle, severity, Subject(kind, subject), message, "hint")


def test_an_error_outranks_many_warnings_and_ties_follow_the_issues_order() -> None:
    found = [
        finding("RC001", Principle.RECIPROCITY, Severity.WARNING, SubjectKind.MEETING, f"m{n}") for n in range(5)
    ] + [finding("GR001", Principle.GOVERNANCE, Severity.ERROR, SubjectKind.GROUP, "g1")]
    found.append(finding("MB004", Principle.MEMBERSHIP, Severity.WARNING, SubjectKind.GROUP, "g1"))
    ordered = principles(found, builtin_registry())
    assert [p["principle"] for p in ordered] == [
        "governance",
        "reciprocity",
        "membership",
        "equality",
        "diversity",
        "accessibility",
    ]
    assert ordered[1]["items"][0]["count"] == 5
    assert ordered[1]["items"][0]["subjects"] == {"meeting": 5}


def test_a_check_the_wording_does_not_know_falls_back_on_its_principle() -> None:
    found = [finding("XX901", Principle.ACCESSIBILITY, Severity.INFO, SubjectKind.GROUP, "g1")]
    item = principles(found, builtin_registry())[0]["items"][0]
    assert item["title"] == "Xx901"
    assert item["next"] == "hint"  # a plugin's own hint when the registry has no documentation
    assert (item["easy_found"], item["easy_do"]) == (
        "We found a problem with easy to take part.",
        "Make meetings easy to use.",
    )
    assert wording.check_title("ZZ1", "no-easy-papers") == "No easy papers"


def test_every_builtin_check_has_plain_and_easy_words() -> None:
    for check in builtin_registry():
        assert check.code in wording.CHECKS, check.code
        _title, found, do = wording.CHECKS[check.code]
        for sentence in (found, do):
            assert len(sentence.split()) <= 12, sentence


def test_findings_for_the_group_only() -> None:
    reg = jargon_register("x")
    reg = register(
        members=reg.members,
        groups=[*reg.groups, group("g2", name="Other group")],
        memberships=reg.memberships,
        meetings=[*reg.meetings, meeting("o1", "g2", date(2026, 10, 7)), meeting("old", "g1", date(2024, 1, 9))],
    )
    summary = summarise_group(reg, "g1", as_of=AS_OF, policy=Policy(), months=12)
    found = [
        finding("GR006", Principle.GOVERNANCE, Severity.INFO, SubjectKind.GROUP, "g1"),
        finding("GR006", Principle.GOVERNANCE, Severity.INFO, SubjectKind.GROUP, "g2"),
        finding("AC006", Principle.ACCESSIBILITY, Severity.WARNING, SubjectKind.MEETING, "m1"),
        finding("AC006", Principle.ACCESSIBILITY, Severity.WARNING, SubjectKind.MEETING, "o1"),
        finding("AC006", Principle.ACCESSIBILITY, Severity.WARNING, SubjectKind.MEETING, "old"),
        finding("RC003", Principle.RECIPROCITY, Severity.WARNING, SubjectKind.MEMBER, "ann"),
        finding("RC003", Principle.RECIPROCITY, Severity.WARNING, SubjectKind.MEMBER, "stranger"),
        finding("MB002", Principle.MEMBERSHIP, Severity.INFO, SubjectKind.MEMBER, "ann", "ann at 'Other group'"),
        finding("MB002", Principle.MEMBERSHIP, Severity.INFO, SubjectKind.MEMBER, "zed", "zed at 'Group g1'"),
        finding("XX001", Principle.GOVERNANCE, Severity.INFO, SubjectKind.POLICY, "policy"),
    ]
    kept = findings_for_group(found, reg, "g1", summary)
    assert [(f.code, f.subject.id) for f in kept] == [
        ("GR006", "g1"),
        ("AC006", "m1"),
        ("RC003", "ann"),
        ("MB002", "zed"),
    ]


# -- Names, escaping, suppression, determinism -------------------------------------------------------------------


@pytest.mark.parametrize("format", ["html", "markdown"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_member_is_named(variant: str, format: str) -> None:
    page = example_page(variant, format)
    for person in example_register().members:
        assert person.name not in page, person.name
        assert person.id not in page, person.id


SMALL_CELL = re.compile(r'<td class="number">([1-4])</td>')


def test_diversity_shows_the_publishable_audits_figures_and_no_count_from_1_to_4() -> None:
    from coproduction.api import audit_group
    from coproduction.reports.audit import formatting

    for group_id in ("team-up-board", "champions"):
        report = example_report(group_id)
        audit = dict(audit_group(example_register(), group_id, as_of=AS_OF, publishable=True).data)
        expected = [
            [[*r[:4], r[6]] for r in formatting.category_rows(item, audit)] for item in audit["characteristics"]
        ]
        assert [c["rows"] for c in report["diversity"]["characteristics"]] == expected
        for rows in expected:
            for row in rows:
                assert not re.fullmatch(r"[1-4]", row[1]), row
        page = example_page("plain", "html", group_id)
        diversity = page[page.index('id="heading-diversity"') : page.index('id="heading-next-meetings"')]
        assert "<td" in diversity
        assert not SMALL_CELL.findall(diversity)
        assert "fewer than 5" in diversity


HOSTILE = "<script>alert(\"x\")</script> & 'quoted' *bold* | pipe"


def hostile_register():  # type: ignore[no-untyped-def]
    held = meeting(
        "m1",
        "g1",
        date(2026, 10, 6),
        present=["ann", "bob", "cat"],
        decisions=(Decision(HOSTILE),),
        agenda=(AgendaItem(HOSTILE, lived_experience_input=True, outcome=Outcome(HOSTILE, date(2026, 10, 20))),),
        payments=(Payment("ann", amount=Decimal("40")),),
    )
    coming = meeting(
        "m2",
        "g1",
        date(2026, 12, 1),
        status=MeetingStatus.SCHEDULED,
        venue=Venue(HOSTILE, HOSTILE, features=frozenset({"step-free"})),
    )
    return register(
        members=[member("ann", USES_SERVICES, name=HOSTILE), member("bob", CARER), member("cat", STAFF)],
        groups=[group("g1", name=HOSTILE)],
        memberships=[membership(m, "g1", started=date(2025, 1, 1)) for m in ("ann", "bob", "cat")],
        meetings=[held, coming],
    )


@pytest.mark.parametrize("easy", [False, True])
def test_script_and_quotes_in_a_register_stay_text_in_html(easy: bool) -> None:
    page = render_board_report(board_report(hostile_register(), "g1", as_of=AS_OF), format="html", easy_read=easy)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;" in page
    assert "<title>&lt;script&gt;" in page


@pytest.mark.parametrize("easy", [False, True])
def test_script_and_markdown_characters_in_a_register_stay_text_in_markdown(easy: bool) -> None:
    page = render_board_report(board_report(hostile_register(), "g1", as_of=AS_OF), format="markdown", easy_read=easy)
    assert re.search(r"(?<!\\)<", page) is None, "every < is escaped"
    assert r"\<script\>alert(\"x\")\</script\> & 'quoted' \*bold\* \| pipe".replace('\\"', '"') in page


@given(st.text(max_size=60))
def test_markdown_escaping_leaves_no_active_character_bare(text: str) -> None:
    escaped = md_escape(text)
    bare = re.sub(r"\\[\\`*_\[\]<>|#~]", "", escaped)
    assert not re.search(r"[\\`*_\[\]<>|#~]", bare)
    assert "\n" not in escaped


@pytest.mark.parametrize("format", ["html", "markdown"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_same_register_day_and_period_give_the_same_bytes(variant: str, format: str) -> None:
    again = render_board_report(
        board_report(example_register(), "team-up-board", as_of=AS_OF),
        format=format,
        easy_read=VARIANTS[variant],  # type: ignore[arg-type]
    )
    assert again == example_page(variant, format)


def test_a_shorter_period_counts_fewer_meetings() -> None:
    six = board_report(example_register(), "team-up-board", as_of=AS_OF, months=6)
    assert six["period"] == {"start": "2026-05-25", "end": "2026-11-25", "months": 6}
    assert six["figures"]["held"] < example_report()["figures"]["held"]


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="html or markdown"):
        render_board_report(example_report(), format="pdf")  # type: ignore[arg-type]


# -- Easy Read layout --------------------------------------------------------------------------------------------


def test_every_easy_read_point_has_a_picture_with_words_and_a_bold_key_sentence() -> None:
    page = example_page("easy-read")
    points = re.findall(r'<ul class="points">(.*?)</ul>', page, re.S)
    assert points
    items = [li for block in points for li in re.findall(r"<li>(.*?)</li>", block, re.S)]
    assert len(items) >= 20
    ids = []
    for li in items:
        found = re.match(
            r'<svg class="icon"[^>]* role="img" aria-labelledby="(icon-[^"]+)"[^>]*><title id="\1">([^<]+)</title>', li
        )
        assert found, li[:200]
        ids.append(found.group(1))
        assert '<p class="key">' in li
    assert len(ids) == len(set(ids)), "each picture's title has its own id"
    assert '<body class="easy-read">' in page


def test_the_easy_read_stylesheet_is_large_and_spacious() -> None:
    from coproduction.reports.templates import stylesheet

    css = str(stylesheet())
    rule = re.search(r"body\.easy-read \{([^}]*)\}", css)
    assert rule is not None
    size = re.search(r"font-size: ([\d.]+)rem", rule.group(1))
    assert size is not None
    assert float(size.group(1)) * 16 >= 16 * 4 / 3  # 16 point is 21.33 CSS pixels
    line = re.search(r"line-height: ([\d.]+)", rule.group(1))
    assert line is not None
    assert float(line.group(1)) >= 1.5


def _sections(page: dict[str, Any]) -> list[str]:
    return [s["id"] for s in page["sections"]]


def test_both_versions_cover_the_issues_four_parts() -> None:
    for page in (content.standard(example_report()), content.easy_read(example_report())):
        assert {"summary", "needs-work", "went-well", "meetings", "diversity", "next-meetings"} <= set(_sections(page))


def test_easy_read_counts_the_things_to_fix_as_it_lists_them() -> None:
    page = content.easy_read(example_report())
    summary = page_text({"sections": page["sections"][:1]})
    fixes = page["sections"][1]["blocks"]
    listed = len(fixes[0]["items"])
    more = re.search(r"There (?:is|are) (\d+) more", page_text({"sections": [page["sections"][1]]}))
    total = listed + (int(more.group(1)) if more else 0)
    kinds = sum(len(p["items"]) for p in example_report()["principles"])
    assert total == kinds == 10
    assert f"We found {total} things to fix." in summary
    assert "2 things need fixing now." in summary  # AC001 and AC002


def test_the_next_meeting_and_its_access_arrangements() -> None:
    plain = example_page("plain", "markdown")
    section = plain[plain.index("## Next meetings") : plain.index("## About this report")]
    assert "### Tuesday 1 December 2026, 10:00 to 12:30" in section
    for line in (
        "- Where: County Hall, Committee Room 2, New Road, Oxford OX1 1ND.",
        "- How: in person.",
        "- At the venue: accessible parking, an accessible toilet, a hearing loop, a quiet room and step-free access.",
        "- British Sign Language interpreters: 2.",
        "- Captions: no.",
        "- Breaks: 1 scheduled.",
        "- Papers: Easy Read, large print, screen-reader ready and standard print.",
    ):
        assert line in section.splitlines(), line
    easy = example_page("easy-read", "markdown")
    assert "**The next meeting is on Tuesday 1 December 2026.** It starts at 10am. It ends at 12:30pm." in easy
    assert "There will be 2 sign language helpers." in easy


def test_online_captions_and_no_venue_are_said_in_both_versions() -> None:
    reg = jargon_register("x")
    online = meeting(
        "m9",
        "g1",
        date(2026, 12, 3),
        start=time(14, 0),
        status=MeetingStatus.SCHEDULED,
        mode="online",
        captions=True,
        joining_link="https://example.org/join",
    )
    reg = register(
        members=reg.members, groups=reg.groups, memberships=reg.memberships, meetings=[*reg.meetings, online]
    )
    report = board_report(reg, "g1", as_of=AS_OF)
    plain = render_board_report(report, format="markdown")
    assert "- How: online only." in plain
    assert "- Captions: yes." in plain
    assert "- British Sign Language interpreters: none booked." in plain
    assert "Where:" not in plain
    easy = render_board_report(report, format="markdown", easy_read=True)
    assert "It starts at 2pm." in easy
    assert "There will be words on the screen." in easy
    assert "You can join on a screen from home." in easy


def test_no_meeting_to_come_is_said_in_both_versions() -> None:
    report = board_report(jargon_register("x"), "g1", as_of=AS_OF)
    assert "No meeting is scheduled after 25 November 2026." in render_board_report(report, format="markdown")
    easy = render_board_report(report, format="markdown", easy_read=True)
    assert "We do not have a date for the next meeting yet." in easy


def test_money_and_attendance_in_plain_words() -> None:
    easy = example_page("easy-read", "markdown")
    assert "**We paid people £3,000 for their time.** We paid £708.20 for travel and other costs." in easy
    plain = example_page("plain", "markdown")
    assert "- Every member expected at 3 or more meetings came to at least 50% of them." in plain
    assert "| Past meetings not yet recorded as held | 0 |" in plain
