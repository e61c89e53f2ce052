"""Running a round end to end in the domain: quotas from the file and the audit, properties on random pools."""

from __future__ import annotations

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.audit.targets import CategoryTarget, RecruitmentPlan
from coproduction.models.diversity import Characteristic
from coproduction.recruitment import RecruitmentError
from coproduction.recruitment.models import Applicant, QuotaEntry
from coproduction.recruitment.quotas import FROM_AUDIT
from coproduction.recruitment.selection import round_quotas, run_round
from tests.recruitment.builders import applicant, round_of

PLAN = RecruitmentPlan(10, 12, 2, (CategoryTarget(Characteristic.AGE, "16-24", 1),), True, 1)


def _pool() -> list[Applicant]:
    return [
        applicant("y1", diversity={"age": "16-24"}),
        applicant("c1", perspectives=["carer"]),
        applicant("s1", perspectives=["staff"]),
        applicant("o1"),
        applicant("far", area="Kent"),
    ]


def test_the_audits_targets_join_the_files_quotas() -> None:
    round_ = round_of(_pool(), quotas=(QuotaEntry(perspective="carer", at_least=1),))
    quotas, notes = round_quotas(evolve(round_, quotas_from_audit=True), PLAN)
    assert [q.words for q in quotas] == [
        "at least 1 seat for people who are carers",
        "at least 1 seat for people aged 16 to 24",
    ]
    assert quotas[1].sources == (FROM_AUDIT,)
    assert notes[0].startswith("The audit of the current members says: ")


def test_a_round_that_asks_for_no_audit_quotas_gets_none() -> None:
    quotas, notes = round_quotas(round_of(_pool()), PLAN)
    assert quotas == ()
    assert notes == ()


def test_an_audit_plan_that_cannot_be_met_is_said_so() -> None:
    infeasible = RecruitmentPlan(10, 12, 2, (), False, 5)
    quotas, notes = round_quotas(evolve(round_of(_pool()), quotas_from_audit=True), infeasible)
    assert quotas == ()
    assert "only the round file's quotas apply" in notes[0]


def test_a_round_screens_selects_and_draws() -> None:
    round_ = evolve(round_of(_pool(), seats=2), quotas_from_audit=True)
    result = run_round(round_, seed=3, plan=PLAN)
    assert [a.id for a in result.candidates] == ["y1", "c1", "s1", "o1"]
    assert result.probabilities[0] == pytest.approx(1.0)  # the only 16-24 applicant must sit
    assert min(result.probabilities[1:]) == pytest.approx(1 / 3, abs=1e-6)
    assert "y1" in [a.id for a in result.panel]
    assert result.equal_share == pytest.approx(0.5)


def test_screening_out_too_many_is_explained() -> None:
    with pytest.raises(RecruitmentError, match="There are 5 seats but only 4 eligible applicants"):
        run_round(round_of(_pool(), seats=5), seed=1)


PEOPLE = st.lists(
    st.fixed_dictionaries(
        {
            "perspectives": st.sets(st.sampled_from(["uses-services", "carer", "staff"]), min_size=1),
            "diversity": st.fixed_dictionaries({"age": st.sampled_from(["16-24", "25-34", "65-74"])}),
        }
    ),
    min_size=2,
    max_size=8,
)
QUOTAS = st.lists(
    st.one_of(
        st.builds(
            QuotaEntry,
            perspective=st.sampled_from(["lived-experience", "carer", "staff"]),
            at_least=st.integers(0, 2),
            at_most=st.none() | st.integers(2, 4),
        ),
        st.builds(
            QuotaEntry,
            characteristic=st.just("age"),
            category=st.sampled_from(["16-24", "65-74"]),
            at_least=st.integers(0, 2),
            at_most=st.none() | st.integers(2, 4),
        ),
    ),
    max_size=3,
)


@settings(max_examples=30, deadline=None)
@given(PEOPLE, QUOTAS, st.integers(1, 3), st.integers(0, 2**31))
def test_every_panel_meets_every_quota_and_the_result_is_determined(
    people: list[dict[str, object]], quotas: list[QuotaEntry], seats: int, seed: int
) -> None:
    applicants = [applicant(f"a{i}", **fields) for i, fields in enumerate(people)]
    round_ = round_of(applicants, seats=seats, quotas=tuple(quotas))
    try:
        result = run_round(round_, seed=seed)
    except RecruitmentError as error:
        message = str(error)
        result = None
    if result is None:
        assert message.startswith(("No panel of", "There are"))
        return
    for panel in (*result.distribution.panels, result.drawn):
        chosen = [result.candidates[i] for i in panel]
        assert len(chosen) == seats
        for quota in result.quotas:
            count = sum(quota.counts(a) for a in chosen)
            assert count >= quota.at_least
            assert quota.at_most is None or count <= quota.at_most
    assert sum(result.probabilities) == pytest.approx(seats)
    assert run_round(round_, seed=seed) == result
