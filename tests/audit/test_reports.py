"""Reports: the same figures in every format, byte-for-byte determinism, and publishable output that reveals
nothing a suppressed cell hides."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.audit.analysis import Tally, audit_group, tally
from coproduction.audit.suppression import publish_tally
from coproduction.audit.targets import recruitment_plan
from coproduction.models import Characteristic
from coproduction.policy import Policy
from coproduction.reports.audit import RENDERERS, build_report
from tests.audit.helpers import AS_OF, GROUP, answers, baseline, board
from tests.audit.test_suppression import consistent_tables

ETHNIC, AGE = Characteristic.ETHNIC_GROUP, Characteristic.AGE
FIGURES = {ETHNIC: {"white": 70, "asian": 20, "black": 10}}
POLICY = Policy(monitored_characteristics=(ETHNIC, AGE))


def report(
    member_answers: list[dict[str, str] | None], *, publishable: bool, policy: Policy = POLICY
) -> dict[str, Any]:
    audit = audit_group(board(member_answers), GROUP, as_of=AS_OF, policy=policy, baseline=baseline(FIGURES))
    plan = recruitment_plan(audit, max_unanswered_share=policy.max_unknown_share)
    return build_report(audit, plan, policy, publishable=publishable)


MISSING_GROUP = answers(ETHNIC, {"white": 16, "asian": 4})


@pytest.mark.parametrize("name", sorted(RENDERERS))
@pytest.mark.parametrize("publishable", [False, True])
def test_every_format_is_deterministic(name: str, publishable: bool) -> None:
    first = RENDERERS[name](report(MISSING_GROUP, publishable=publishable))
    again = RENDERERS[name](report(list(MISSING_GROUP), publishable=publishable))
    assert first == again


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_internal_reports_say_they_hold_special_category_data(name: str) -> None:
    text = RENDERERS[name](report(MISSING_GROUP, publishable=False))
    assert "Special category personal data" in text[:2000]
    published = RENDERERS[name](report(MISSING_GROUP, publishable=True))
    assert "Special category personal data" not in published
    assert "Publishable version" in published[:2000]


@pytest.mark.parametrize("name", ["text", "markdown", "html"])
def test_figures_and_targets_appear_in_each_format(name: str) -> None:
    text = RENDERERS[name](report(MISSING_GROUP, publishable=False))
    assert "Recruit at least 2 more members from a Black ethnic group." in text
    assert "To close this gap, recruit at least 2 more members from a Black ethnic group." in text
    assert "A gap: fewer members from a Black ethnic group than the population of Testshire" in text
    assert "Not compared: there are no population figures on age for Testshire." in text


def test_json_report_structure() -> None:
    data = json.loads(RENDERERS["json"](report(MISSING_GROUP, publishable=False)))
    assert data["mode"] == "internal"
    assert data["special_category_data"] is True
    ethnic = data["characteristics"][0]
    black = next(row for row in ethnic["rows"] if row["category"] == "black")
    assert black == {
        "category": "black",
        "label": "Black",
        "count": {"count": 0, "suppressed": None},
        "share": 0.0,
        "baseline_share": 0.1,
        "expected": 2.0,
        "ratio": 0.0,
        "status": "under-represented",
        "additions_needed": 2,
        "phrase": "from a Black ethnic group",
        "additions_needed_at_least": 2,
        "shortfall": 2.0,
        "implied": False,
    }
    assert data["recruitment"]["targets"] == [
        {
            "characteristic": "ethnic_group",
            "category": "black",
            "label": "Black",
            "at_least": 2,
            "words": "2 more members from a Black ethnic group",
        }
    ]


def test_cross_tabulation_published_only_for_groups_of_twenty_with_no_small_cells() -> None:
    even = answers(ETHNIC, {"white": 10, "asian": 10})  # perspectives alternate: 5 and 5 in each cell
    data = report(even, publishable=True)
    ethnic_cross = data["cross_tabulations"][0]
    assert ethnic_cross["published"] is True
    assert {r["label"]: (r["lived_experience"], r["staff_and_others"]) for r in ethnic_cross["rows"]}["White"] == (
        5,
        5,
    )
    small = report(answers(ETHNIC, {"white": 10, "asian": 9}), publishable=True)
    assert small["cross_tabulations"][0]["published"] is False
    assert report(answers(ETHNIC, {"white": 10, "asian": 9}), publishable=False)["cross_tabulations"][0]["published"]


def tally_of(table: dict[str, int]) -> Tally:
    return Tally(
        ETHNIC,
        tuple((category, table[category]) for category in ETHNIC.answer_categories),
        table["prefer-not-to-say"],
        table["not-known"],
    )


def shown_counts(data: Any) -> list[int]:
    """Every number under a "count" key anywhere in the report."""
    found: list[int] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "count" and isinstance(value, int):
                found.append(value)
            else:
                found.extend(shown_counts(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(shown_counts(value))
    return found


boards = st.lists(
    st.sampled_from(["white", "asian", "black", "mixed", "prefer-not-to-say", None]), min_size=0, max_size=14
)


@given(boards)
def test_publishable_report_shows_no_count_from_1_to_4(choices: list[str | None]) -> None:
    member_answers = [None if c is None else {"ethnic_group": c} for c in choices]
    data = report(member_answers, publishable=True)
    assert all(not 0 < value < 5 for value in shown_counts(data))
    for cross in data["cross_tabulations"]:
        for row in cross["rows"]:
            assert not 0 < row["lived_experience"] < 5
            assert not 0 < row["staff_and_others"] < 5


@settings(max_examples=25)
@given(boards, st.randoms(use_true_random=False))
def test_publishable_report_is_the_same_for_every_table_it_could_hide(
    choices: list[str | None], rng: random.Random
) -> None:
    """Swap the true counts for another set that would be published the same way: every byte must match.

    So the derived figures (shares, ratios, statuses, gaps, the diversity index, the recruitment plan) tell a
    reader nothing the published counts do not.
    """
    policy = Policy(monitored_characteristics=(ETHNIC,))
    member_answers = [None if c is None else {"ethnic_group": c} for c in choices]
    published = publish_tally(tally(board(member_answers).members, ETHNIC), 5)
    alternatives = [t for t in consistent_tables(published) if publish_tally(tally_of(t), 5) == published]
    other = rng.choice(alternatives)
    rebuilt = answers(
        ETHNIC,
        {
            **{category: other[category] for category in ETHNIC.answer_categories},
            "prefer-not-to-say": other["prefer-not-to-say"],
            None: other["not-known"],
        },
    )
    original = RENDERERS["json"](report(member_answers, publishable=True, policy=policy))
    swapped = RENDERERS["json"](report(rebuilt, publishable=True, policy=policy))
    assert original == swapped


two_characteristic_boards = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "ethnic_group": st.sampled_from(["white", "asian", "black", "other", "prefer-not-to-say"]),
            "age": st.sampled_from(["16-24", "35-49", "85-plus", "prefer-not-to-say"]),
        },
    )
    | st.none(),
    max_size=30,
)


@settings(max_examples=30)
@given(two_characteristic_boards, st.booleans())
def test_every_renderer_handles_any_board(member_answers: list[dict[str, str] | None], publishable: bool) -> None:
    data = report(member_answers, publishable=publishable)
    for name, render in RENDERERS.items():
        text = render(data)
        assert text.endswith("\n"), name
        assert text == render(report(member_answers, publishable=publishable)), name
    assert json.loads(RENDERERS["json"](data)) == data
