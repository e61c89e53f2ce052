"""Baselines coarser than the audit (issue 10): figures for groups of categories, judged as published.

A bulletin gives the share aged "65 and over", not one per band; the audit then compares "65 and over" and what is
left ("under 65"), never a split the source does not publish.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.audit.analysis import RowStatus, Tally, audit_group, regroup, tally
from coproduction.audit.errors import BaselineError
from coproduction.audit.labels import category_label, category_phrase
from coproduction.audit.population import Baseline
from coproduction.checks import CheckContext
from coproduction.checks.diversity.DV001_underrepresented_group import underrepresented_group
from coproduction.io.baselines import parse_yaml
from coproduction.models import Characteristic
from coproduction.policy import Policy
from tests.audit.helpers import AS_OF, GROUP, answers, board

AGE = Characteristic.AGE
OLDER = "65-74+75-84+85-plus"
YOUNGER = "under-16+16-24+25-34+35-49+50-64"

AGE_YAML = """
name: testshire
area: Testshire
characteristics:
  age:
    source: {title: "Population estimates (test)", released: "2022-06-28", note: "all ages"}
    population: all usual residents
    precision: 0.1
    groups:
      - {name: "aged 65 years and over", categories: [65-74, 75-84, 85-plus], percentage: 20.0}
"""


def _age_baseline(text: str = AGE_YAML) -> Baseline:
    return parse_yaml(text, "age.yaml")


def test_groups_leave_the_rest_as_one_unit_with_what_is_left() -> None:
    figures = _age_baseline().get(AGE)
    assert figures is not None
    assert figures.grouped
    assert figures.unit_keys == (YOUNGER, OLDER)
    assert figures.share(OLDER) == Fraction(1, 5)
    assert figures.share(YOUNGER) == Fraction(4, 5)
    assert figures.precision == Fraction(1, 10)
    assert figures.unit_of("75-84") == OLDER
    assert figures.source.table is None
    assert figures.source.title == "Population estimates (test)"


def test_units_read_as_plain_words() -> None:
    assert category_label(AGE, OLDER) == "65 and over"
    assert category_label(AGE, YOUNGER) == "Under 65"
    assert category_label(AGE, "25-34+35-49") == "25 to 49"
    assert category_phrase(AGE, OLDER) == "aged 65 or over"
    assert category_phrase(AGE, "under-16+16-24") == "aged under 25"
    assert category_label(AGE, "16-24+50-64") == "16 to 24 or 50 to 64"
    disabled = "disabled-limited-a-lot+disabled-limited-a-little"
    assert category_label(Characteristic.DISABILITY, disabled) == "Disabled"
    different = "different-no-identity-given+trans-woman+trans-man+other-identity"
    assert category_phrase(Characteristic.GENDER_IDENTITY, different).startswith("whose gender identity differs")


def test_count_groups_need_the_total_when_they_leave_categories_out() -> None:
    text = """
name: t
area: T
characteristics:
  disability:
    source: {table: TS038}
    groups:
      - {categories: [disabled-limited-a-lot, disabled-limited-a-little], count: 200}
"""
    with pytest.raises(BaselineError, match=r"\$\.characteristics\.disability\.total: is needed: the groups leave "
                       r"out not-disabled"):
        parse_yaml(text, "d.yaml")
    figures = parse_yaml(text + "    total: 1000\n", "d.yaml").get(Characteristic.DISABILITY)
    assert figures is not None
    assert dict(figures.shares) == {
        "disabled-limited-a-lot+disabled-limited-a-little": Fraction(1, 5),
        "not-disabled": Fraction(4, 5),
    }
    assert figures.counts == {"disabled-limited-a-lot+disabled-limited-a-little": 200, "not-disabled": 800}


def test_not_answered_is_left_out_of_the_shares() -> None:
    text = """
name: t
area: T
characteristics:
  gender_identity:
    source: {title: "Gender identity (test)"}
    population: usual residents aged 16 years and over
    precision: 0.1
    groups:
      - {categories: [same-as-sex-at-birth], percentage: 93.5}
      - {categories: [different-no-identity-given, trans-woman, trans-man, other-identity], percentage: 0.5}
    not_answered: 6.0
"""
    figures = parse_yaml(text, "g.yaml").get(Characteristic.GENDER_IDENTITY)
    assert figures is not None
    assert figures.share("same-as-sex-at-birth") == Fraction("93.5") / 94
    assert sum(figures.shares.values()) == 1


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ("- {categories: [65-74, nonsense], percentage: 10}", r"groups\[0\]\.categories\[1\]: is not a age category"),
        (
            "- {categories: [65-74], percentage: 10}\n      - {categories: [65-74, 75-84], percentage: 5}",
            r"groups\[1\]\.categories\[0\]: '65-74' is already in group 0",
        ),
        ("- {categories: [65-74], percentage: 10, count: 3}", r"groups\[0\]: give exactly one of count and percentage"),
        (
            "- {categories: [65-74], percentage: 10}\n      - {categories: [75-84], count: 5}",
            r"groups: give every group a count, or every group a percentage",
        ),
        ("- {categories: [65-74], percentage: 101}", r"groups: add up to more than the 100%"),
        ("- {categories: [], percentage: 1}", r"groups\[0\]\.categories: expected a list of age categories"),
        ("- {categories: [65-74], percentage: 1, colour: red}", r"groups\[0\]\.colour: is not a field here"),
        ("- [65-74]", r"groups\[0\]: expected a mapping with categories"),
    ],
)
def test_bad_groups_are_refused_with_their_place(groups: str, expected: str) -> None:
    text = f"""
name: t
area: T
characteristics:
  age:
    source: {{table: T1}}
    groups:
      {groups}
"""
    with pytest.raises(BaselineError, match=r"\$\.characteristics\.age\." + expected):
        parse_yaml(text, "bad.yaml")


def test_only_one_form_of_figures() -> None:
    text = """
name: t
area: T
characteristics:
  sex:
    source: {table: T1}
    counts: {female: 1, male: 1}
    groups: [{categories: [female], count: 1}]
"""
    with pytest.raises(BaselineError, match="give exactly one of counts, percentages and groups"):
        parse_yaml(text, "two.yaml")


def test_stated_precision_sets_how_far_percentages_may_miss_100() -> None:
    base = """
name: t
area: T
characteristics:
  ethnic_group:
    source: {{table: TS021}}
    {precision}
    percentages: {{asian: 9.3, black: 4.0, mixed: 2.9, white: 81.7, other: 2.4}}
"""
    # 100.3: within the unstated default of 0.5, but five figures rounded to 0.1 can miss by at most 0.25.
    assert parse_yaml(base.format(precision=""), "e.yaml").get(Characteristic.ETHNIC_GROUP) is not None
    with pytest.raises(BaselineError, match=r"add up to 100\.3 with not_answered; expected 100"):
        parse_yaml(base.format(precision="precision: 0.1"), "e.yaml")
    with pytest.raises(BaselineError, match="precision: expected the rounding"):
        parse_yaml(base.format(precision="precision: 0"), "e.yaml")


def test_counts_take_no_precision() -> None:
    text = """
name: t
area: T
characteristics:
  sex:
    source: {table: T1}
    precision: 0.1
    counts: {female: 1, male: 1}
"""
    with pytest.raises(BaselineError, match=r"sex\.precision: is for percentages"):
        parse_yaml(text, "p.yaml")


def _dv001(register_answers: list[dict[str, str] | None], base: Baseline) -> list[tuple[str, str]]:
    context = CheckContext(register=board(register_answers), policy=Policy(), as_of=AS_OF, baselines=lambda _: base)
    return [(flag.message, flag.hint or "") for flag in underrepresented_group(context)]


def test_dv001_judges_the_published_group_and_names_it_in_words() -> None:
    # 20 answered, 20% aged 65 and over: 4 expected. None is under half.
    found = _dv001(answers(AGE, {"35-49": 20}), _age_baseline())
    assert len(found) == 1
    message, hint = found[0]
    assert "members aged 65 or over are under-represented" in message
    assert "Recruit at least" in hint
    assert "aged 65 or over" in hint


def test_dv001_is_silent_when_the_group_as_a_whole_is_within_tolerance() -> None:
    # Two members aged 85+ and none aged 65-74 or 75-84: the source gives no band, so no band is judged.
    assert _dv001(answers(AGE, {"35-49": 18, "85-plus": 2}), _age_baseline()) == []


def test_audit_rows_and_cross_tabulation_follow_the_units() -> None:
    register = board(answers(AGE, {"35-49": 15, "65-74": 1, "85-plus": 1, None: 3}))
    base = _age_baseline()
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=Policy(), baseline=base)
    age = audit.get(AGE)
    assert age is not None
    assert [(row.category, row.count) for row in age.rows] == [(YOUNGER, 15), (OLDER, 2)]
    older = age.rows[1]
    assert older.expected == Fraction(17, 5)
    assert older.status is RowStatus.WITHIN
    (cross,) = [c for c in audit.cross_tabulations if c.characteristic is AGE]
    assert [key for key, _ in cross.rows] == [YOUNGER, OLDER, "prefer-not-to-say", "not-known"]
    assert sum(sum(pair) for _, pair in cross.rows) == 20


@given(st.lists(st.sampled_from([*AGE.answer_categories, None]), max_size=40))
def test_regrouping_keeps_everyone_and_is_idempotent(chosen: list[str | None]) -> None:
    figures = _age_baseline().get(AGE)
    assert figures is not None
    counted = tally(board([None if c is None else {"age": c} for c in chosen]).members, AGE)
    grouped = regroup(counted, figures)
    assert grouped.members == counted.members
    assert grouped.answered == counted.answered
    assert regroup(grouped, figures) == grouped
    assert tuple(key for key, _ in grouped.counts) == figures.unit_keys
    older = sum(1 for c in chosen if c in {"65-74", "75-84", "85-plus"})
    assert grouped.count(OLDER) == older


def test_a_per_category_baseline_is_not_regrouped() -> None:
    counted = Tally(Characteristic.SEX, (("female", 2), ("male", 1)), 0, 0)
    assert regroup(counted, None) is counted


def _doc_yaml_blocks() -> list[str]:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / "baselines.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```yaml\n")[1:]]


def test_the_docs_yaml_examples_load() -> None:
    """docs/baselines.md's YAML examples are real: the whole-file one and the `groups` snippet both load."""
    blocks = _doc_yaml_blocks()
    whole = [b for b in blocks if b.startswith("name:")]
    snippets = [b for b in blocks if "groups:" in b and not b.startswith("name:")]
    assert whole
    assert snippets
    for block in whole:
        assert parse_yaml(block, "docs/baselines.md").characteristics
    for block in snippets:
        loaded = parse_yaml("name: doc\narea: Doc\ncharacteristics:\n" + block, "docs/baselines.md")
        age = loaded.get(AGE)
        assert age is not None
        assert age.share(OLDER) == Fraction("18.6") / 100
