"""Eligibility screening: a reason for each applicant screened out, none for those who qualify."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.recruitment.eligibility import screen
from tests.recruitment.builders import applicant, round_of


def test_an_applicant_who_meets_every_rule_is_eligible() -> None:
    screening = screen(round_of([applicant("a1")], perspectives=["uses-services", "carer"]))
    assert [a.id for a in screening.eligible] == ["a1"]
    assert screening.screened_out == ()


def test_area_is_matched_ignoring_case_and_spaces() -> None:
    assert screen(round_of([applicant("a1", area=" oxfordshire ")])).eligible


def test_every_broken_rule_has_its_reason() -> None:
    late = applicant(
        "late",
        applied=date(2026, 12, 2),
        area="Berkshire",
        perspectives=["staff"],
        confirms_minimum_age=False,
    )
    screening = screen(round_of([late, applicant("ok")], perspectives=["uses-services", "carer"], minimum_age=18))
    assert [a.id for a in screening.eligible] == ["ok"]
    (out,) = screening.screened_out
    assert out.applicant.id == "late"
    assert out.reasons == (
        "applied on 2026-12-02, after the round closed on 2026-11-30",
        "does not live in the area: the round is for people living in Oxfordshire",
        "holds none of the perspectives the round asks for (carer or uses-services)",
        "did not confirm being aged 18 or over",
    )


def test_an_unknown_area_is_said_so() -> None:
    (out,) = screen(round_of([applicant("a1", area=None)])).screened_out
    assert out.reasons == ("did not say where they live: the round is for people living in Oxfordshire",)


def test_rules_left_empty_screen_out_nobody() -> None:
    person = applicant("a1", area=None, perspectives=[], confirms_minimum_age=False, applied=None)
    assert screen(round_of([person], areas=[], minimum_age=None)).eligible == (person,)


def test_reasons_never_mention_diversity_answers() -> None:
    person = applicant("a1", area="Kent", diversity={"ethnic_group": "asian", "age": "16-24"})
    (out,) = screen(round_of([person])).screened_out
    assert "asian" not in " ".join(out.reasons)
    assert "16-24" not in " ".join(out.reasons)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "area": st.sampled_from(["Oxfordshire", "Kent", None]),
                "perspectives": st.sets(st.sampled_from(["uses-services", "carer", "staff"])),
                "confirms_minimum_age": st.booleans(),
            }
        ),
        max_size=8,
    )
)
def test_screening_partitions_the_applicants(people: list[dict[str, object]]) -> None:
    applicants = [applicant(f"a{i}", **fields) for i, fields in enumerate(people)]
    screening = screen(round_of(applicants, perspectives=["uses-services", "carer"]))
    ids = [a.id for a in screening.eligible] + [o.applicant.id for o in screening.screened_out]
    assert sorted(ids) == sorted(a.id for a in applicants)
    assert all(o.reasons for o in screening.screened_out)
