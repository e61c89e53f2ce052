"""The report a board reads: a plain-English summary first, no internal names outside the methods section, the
same bytes for the same input.

The summary's wording is tested where it must speak (a board with gaps names the largest, with numbers this
version may show, and whom to recruit) and where it must stay quiet (a board that reflects its area says so and
names no gap). The internal-names test scans what a reader sees in text, Markdown and HTML, up to the heading
"How these figures were worked out", for the diversity index's name, enum values, category keys and snake_case
settings.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.audit.analysis import RowStatus, audit_group
from coproduction.audit.suppression import CellStatus
from coproduction.audit.targets import recruitment_plan
from coproduction.models import Characteristic, Perspective
from coproduction.policy import Policy
from coproduction.reports.audit import RENDERERS, build_report
from coproduction.reports.audit.formatting import METHODS_TITLE
from tests.audit.helpers import AS_OF, GROUP, answers, baseline, board

ETHNIC, AGE, SEX, RELIGION = (
    Characteristic.ETHNIC_GROUP,
    Characteristic.AGE,
    Characteristic.SEX,
    Characteristic.RELIGION,
)
FIGURES = {
    ETHNIC: {"white": 50, "asian": 40, "black": 10},
    AGE: {"16-24": 30, "35-49": 40, "65-74": 30},
    SEX: {"female": 5100, "male": 4900},
}
BASELINE_NAME = "testshire-internal-name"


def make_report(
    member_answers: Sequence[Mapping[str, str] | None],
    *,
    publishable: bool,
    monitored: tuple[Characteristic, ...] = (ETHNIC, AGE),
    figures: dict[Characteristic, dict[str, int]] | None = None,
    plan: bool = True,
    perspectives: list[Perspective] | None = None,
) -> dict[str, Any]:
    policy = Policy(monitored_characteristics=monitored)
    audit = audit_group(
        board(member_answers, perspectives=perspectives),
        GROUP,
        as_of=AS_OF,
        policy=policy,
        baseline=baseline(FIGURES if figures is None else figures, name=BASELINE_NAME),
    )
    recruitment = recruitment_plan(audit, max_unanswered_share=policy.max_unknown_share) if plan else None
    return build_report(audit, recruitment, policy, publishable=publishable)


def paragraphs(report: dict[str, Any]) -> list[str]:
    return list(report["summary"]["paragraphs"])


#: 20 members, all White and aged 35 to 49: against 50% White / 40% Asian / 10% Black and ages 30/40/30, four gaps
#: (Asian 8 expected, 16-24 and 65-74 6 each, Black 2).
ALIKE = [{"ethnic_group": "white", "age": "35-49"}] * 20
#: A board that mirrors those figures.
MIRROR = (
    [{"ethnic_group": "white", "age": "16-24"}] * 3
    + [{"ethnic_group": "white", "age": "35-49"}] * 4
    + [{"ethnic_group": "white", "age": "65-74"}] * 3
    + [{"ethnic_group": "asian", "age": "16-24"}] * 3
    + [{"ethnic_group": "asian", "age": "35-49"}] * 3
    + [{"ethnic_group": "asian", "age": "65-74"}] * 2
    + [{"ethnic_group": "black", "age": "35-49"}] * 2
)


# --- what the summary says ----------------------------------------------------------------------------------------


def test_a_board_with_gaps_is_told_the_largest_and_whom_to_recruit() -> None:
    report = make_report(ALIKE, publishable=False)
    said = paragraphs(report)
    assert said[0] == (
        "Testshire Board had 20 members on 25 November 2026, compared here with the population of Testshire "
        "(synthetic)."
    )
    assert said[1] == (
        "The group has fewer members from an Asian ethnic group, fewer members aged 16 to 24 and fewer members "
        "aged 65 to 74 than Testshire. There is 1 more gap, shown in the tables below."
    )
    assert said[2] == (
        "The largest gaps (of 4): members from an Asian ethnic group (0 against 8.0 expected); members aged 16 to "
        "24 (0 against 6.0 expected); members aged 65 to 74 (0 against 6.0 expected)."
    )
    assert said[3].startswith("To close these gaps, recruit at least ")
    for words in ("more members from an Asian ethnic group", "more members aged 16 to 24", "from a Black ethnic"):
        assert words in said[3]
    assert "could cover all of these" in said[3]
    assert said[4].startswith("A gap means fewer than half the members that the population of Testshire")
    summary = report["summary"]
    assert summary["with_gaps"] == ["ethnic group", "age"]
    assert summary["reflects"] == []
    assert summary["gaps"] == 4
    assert [gap["category"] for gap in summary["largest_gaps"]] == ["asian", "16-24", "65-74"]
    assert summary["largest_gaps"][0]["shortfall"] == 8.0


def test_a_board_that_reflects_its_area_says_so_and_names_no_gap() -> None:
    report = make_report(MIRROR, publishable=False)
    said = paragraphs(report)
    assert said[1] == (
        "The group broadly reflects Testshire on every characteristic that could be compared: ethnic group and age."
    )
    assert said[2] == "No recruitment is needed to close a gap."
    assert not any("gap:" in p.lower() or "largest gaps" in p for p in said)
    assert report["summary"]["largest_gaps"] == []
    assert report["summary"]["with_gaps"] == []
    for item in report["characteristics"]:
        assert item["finding"].startswith("No gap: the group broadly reflects Testshire on ")


def test_reflects_some_but_not_all() -> None:
    # Ethnic group mirrors the area; everyone is 35 to 49.
    member_answers = [{**a, "age": "35-49"} for a in MIRROR if a is not None]
    said = paragraphs(make_report(member_answers, publishable=False))
    assert said[1] == (
        "The group broadly reflects Testshire on ethnic group, but has fewer members aged 16 to 24 and fewer "
        "members aged 65 to 74 than the area."
    )
    assert said[2].startswith("The largest gaps: members aged 16 to 24 (0 against 6.0 expected)")


def test_publishable_summary_uses_only_what_may_be_published() -> None:
    # The Oxfordshire champions' sex table: 4 men of 30 who answered, 14.7 expected.
    member_answers = answers(SEX, {"female": 26, "male": 4, "prefer-not-to-say": 1, None: 4})
    report = make_report(member_answers, publishable=True, monitored=(SEX,))
    said = paragraphs(report)
    assert said[1] == "The group has fewer members who are male than Testshire."
    assert said[2] == "The gap: members who are male (fewer than 5 against 14.7 expected)."
    assert said[3].startswith("To close this gap, recruit at least 5 more members who are male. These are the fewest")
    text = " ".join(said)
    assert not re.search(r"\b[1-4] (against|members who)", text)
    internal = paragraphs(make_report(member_answers, publishable=False, monitored=(SEX,)))
    assert internal[2] == "The gap: members who are male (4 against 14.7 expected)."
    assert internal[3] == "To close this gap, recruit at least 5 more members who are male."


def test_what_cannot_be_compared_or_judged_is_said_in_words() -> None:
    member_answers = [{"ethnic_group": "white", "religion": "christian"}] * 6
    report = make_report(member_answers, publishable=False, monitored=(ETHNIC, RELIGION))
    said = paragraphs(report)
    assert "Religion was counted but not compared: there are no population figures on it for Testshire." in said[1]
    no_religion = next(i for i in report["characteristics"] if i["characteristic"] == "religion")
    assert no_religion["finding"] == "Not compared: there are no population figures on religion for Testshire."
    # Six members against an area where a category is 1 in 1000: too few expected to judge.
    rare = {ETHNIC: {"white": 999, "black": 1}}
    rare_report = make_report(member_answers, publishable=False, monitored=(ETHNIC,), figures=rare)
    assert rare_report["summary"]["reflects"] == ["ethnic group"]
    black = next(r for r in rare_report["characteristics"][0]["rows"] if r["category"] == "black")
    assert black["status"] == RowStatus.NOT_JUDGED.value
    only_rare = make_report(
        [{"ethnic_group": "black"}] * 6, publishable=False, monitored=(ETHNIC,), figures={ETHNIC: {"black": 1}}
    )
    assert only_rare["summary"]["reflects"] == ["ethnic group"]


def test_a_group_under_the_threshold_gets_no_breakdown_in_the_publishable_summary() -> None:
    report = make_report(answers(ETHNIC, {"white": 2, "black": 1}), publishable=True)
    assert paragraphs(report) == [
        "Testshire Board has fewer than 5 members, so this version publishes no breakdown of them: numbers this "
        "small could identify people."
    ]


def test_an_empty_group_and_a_report_without_a_plan() -> None:
    assert paragraphs(make_report([], publishable=False))[0] == (
        "Testshire Board had no current members on 25 November 2026, so there is nothing to compare."
    )
    said = paragraphs(make_report(ALIKE, publishable=False, plan=False))
    assert any(p.startswith("To close these gaps, recruit at least 5 more members from an Asian") for p in said)


def test_a_partly_hidden_characteristic_is_not_called_reflective() -> None:
    # 21 White, 7 Asian, 2 Black: the Black count is "fewer than 5" and its finding depends on it (1 would be a
    # gap of 3 expected, 2 would not), so ethnic group cannot be fully judged from the publishable version.
    report = make_report(answers(ETHNIC, {"white": 21, "asian": 7, "black": 2}), publishable=True, monitored=(ETHNIC,))
    assert report["summary"]["cannot_judge_from_this_version"] == ["ethnic group"]
    assert report["summary"]["reflects"] == []
    assert "Ethnic group cannot be fully judged from this version" in paragraphs(report)[1]


# --- every format opens with it ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["text", "markdown", "html"])
@pytest.mark.parametrize("publishable", [False, True], ids=["internal", "publishable"])
def test_every_format_opens_with_the_summary_before_any_table(name: str, publishable: bool) -> None:
    report = make_report(ALIKE, publishable=publishable)
    rendered = RENDERERS[name](report)
    first_table = min(
        at for at in (rendered.find("<table"), rendered.find("| --- "), rendered.find("  --------")) if at >= 0
    )
    for paragraph in paragraphs(report):
        at = rendered.find(paragraph.replace('"', "&quot;") if name == "html" else paragraph)
        assert 0 <= at < first_table, paragraph
    assert rendered.find("What the audit found") < first_table
    assert rendered.find(METHODS_TITLE) > rendered.rfind("Whom to recruit")


def test_json_keeps_its_keys_and_adds_the_summary_near_the_top() -> None:
    data = json.loads(RENDERERS["json"](make_report(ALIKE, publishable=False)))
    keys = list(data)
    assert keys[:4] == ["report", "mode", "notice", "summary"]
    for key in (
        "special_category_data",
        "group",
        "as_of",
        "baseline",
        "policy",
        "members",
        "characteristics",
        "recruitment",
        "cross_tabulations",
    ):
        assert key in data
    assert set(data["summary"]) >= {"paragraphs", "headline", "largest_gaps", "reflects", "with_gaps"}
    assert data["summary"]["headline"] == data["summary"]["paragraphs"][1]


# --- no internal names where a board reads -----------------------------------------------------------------------


class _Visible(HTMLParser):
    """The text a reader sees: character data outside <style>, <title> and SVG's <desc>/<title> kept (a screen
    reader reads them)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def board_facing(rendered: str, name: str) -> str:
    """The part of a rendered report before "How these figures were worked out", as a reader sees it."""
    if name == "html":
        parser = _Visible()
        parser.feed(rendered)
        rendered = "\n".join(parser.parts)
    at = rendered.find(METHODS_TITLE)
    assert at > 0, "the report has a methods section"
    return rendered[:at]


ENUM_VALUES = sorted(
    {status.value for status in RowStatus}
    | {status.value for status in CellStatus if "-" in status.value}
    | {"not-shown", "not-known", "prefer-not-to-say"}
    | {key for c in Characteristic for key in c.answer_categories if re.search(r"[a-z]-", key)}
    | {c.value for c in Characteristic if "_" in c.value}
)
INTERNAL_WORDS = ("gini", "simpson", "blau", BASELINE_NAME, "dv001", "suppression_threshold")
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def internal_names_in(text: str) -> list[str]:
    lowered = text.lower()
    found = [word for word in INTERNAL_WORDS if word in lowered]
    found += [value for value in ENUM_VALUES if re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text)]
    found += SNAKE_CASE.findall(text)
    return found


def test_the_scan_finds_internal_names_when_they_are_there() -> None:
    assert internal_names_in("Diversity index (Gini-Simpson): 0.5") == ["gini", "simpson"]
    assert internal_names_in("Status: under-represented") == ["under-represented"]
    assert internal_names_in("not-judged and min_representation_ratio") == ["not-judged", "min_representation_ratio"]
    assert set(internal_names_in("ethnic_group: prefer-not-to-say")) == {"prefer-not-to-say", "ethnic_group"}
    assert internal_names_in("A gap: fewer members who are male. Co-production board, 16 to 24.") == []
    # And the methods section does name them, explained.
    for name in ("text", "markdown", "html"):
        rendered = RENDERERS[name](make_report(ALIKE, publishable=True))
        methods = html.unescape(rendered[rendered.find(METHODS_TITLE) :])
        assert "Gini-Simpson index (also called Blau's index), the chance that two members" in methods
        assert "min_representation_ratio = 0.5" in methods
        assert BASELINE_NAME in methods


SAMPLES: dict[str, Sequence[Mapping[str, str] | None]] = {
    "gaps": ALIKE,
    "mirror": MIRROR,
    "small counts": answers(ETHNIC, {"white": 21, "asian": 7, "black": 2, "prefer-not-to-say": 1, None: 3}),
    "tiny": answers(ETHNIC, {"white": 2, "black": 1}),
    "empty": [],
    "no answers": [None] * 8,
}


@pytest.mark.parametrize("name", ["text", "markdown", "html"])
@pytest.mark.parametrize("publishable", [False, True], ids=["internal", "publishable"])
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_no_internal_names_outside_the_methods_section(name: str, publishable: bool, sample: str) -> None:
    monitored = (ETHNIC, AGE, SEX, RELIGION, Characteristic.UNPAID_CARE)
    report = make_report(SAMPLES[sample], publishable=publishable, monitored=monitored)
    text = board_facing(RENDERERS[name](report), name)
    assert internal_names_in(text) == [], text


member_answers_strategy = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "ethnic_group": st.sampled_from(["white", "asian", "black", "other", "prefer-not-to-say"]),
            "age": st.sampled_from(["16-24", "35-49", "65-74", "85-plus", "prefer-not-to-say"]),
            "sex": st.sampled_from(["female", "male", "prefer-not-to-say"]),
        },
    )
    | st.none(),
    max_size=30,
)


@settings(max_examples=30, deadline=None)
@given(member_answers_strategy, st.booleans())
def test_no_internal_names_for_any_board(member_answers: list[dict[str, str] | None], publishable: bool) -> None:
    report = make_report(member_answers, publishable=publishable, monitored=(ETHNIC, AGE, SEX, RELIGION))
    for name in ("text", "markdown", "html"):
        text = board_facing(RENDERERS[name](report), name)
        assert internal_names_in(text) == [], (name, text)


# --- determinism ---------------------------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(member_answers_strategy, st.booleans(), st.randoms(use_true_random=False))
def test_same_input_same_bytes_whatever_the_members_order(
    member_answers: list[dict[str, str] | None], publishable: bool, rng: random.Random
) -> None:
    views = [Perspective.USES_SERVICES if i % 3 else Perspective.STAFF for i in range(len(member_answers))]
    first = make_report(member_answers, publishable=publishable, monitored=(ETHNIC, AGE, SEX), perspectives=views)
    pairs = list(zip(member_answers, views, strict=True))
    rng.shuffle(pairs)
    again = make_report(
        [answer for answer, _ in pairs],
        publishable=publishable,
        monitored=(ETHNIC, AGE, SEX),
        perspectives=[view for _, view in pairs],
    )
    for name, render in RENDERERS.items():
        assert render(first).encode("utf-8") == render(again).encode("utf-8"), name
