"""DV001: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from coproduction.api import check_register
from coproduction.audit.errors import UnknownBaselineError
from coproduction.audit.population import Baseline, CharacteristicBaseline
from coproduction.checks import BUILTIN, CheckContext, builtin_registry
from coproduction.checks.diversity.DV001_underrepresented_group import underrepresented_group
from coproduction.models import (
    Characteristic,
    Register,
)
from coproduction.policy import Policy, Severity
from tests.audit.helpers import AS_OF, GROUP, answers, baseline, board

#: The day the mutation-gap tests below judge on.
GAP_AS_OF = date(2026, 3, 2)


def test_dv001_a_category_without_a_share_is_skipped_not_the_end_of_the_scan() -> None:
    ethnic = Characteristic.ETHNIC_GROUP
    figures = CharacteristicBaseline(
        characteristic=ethnic,
        shares={"black": Fraction(1, 2), "white": Fraction(1, 2)},  # no share for 'asian', scanned first
        source="synthetic",
        population="synthetic",
    )
    base = Baseline(name="testshire", area="Testshire", description="synthetic", characteristics={ethnic: figures})
    context = CheckContext(
        register=board(answers(ethnic, {"asian": 1, "black": 1, "white": 7})),
        policy=Policy(),
        as_of=GAP_AS_OF,
        baselines=lambda name: base,
        internal=True,
    )
    found = list(underrepresented_group(context))
    assert [f.subject_id for f in found] == [GROUP]
    assert "from a Black ethnic group" in found[0].message


def test_dv001_one_member_who_answered_is_judged_when_the_minimum_allows() -> None:
    ethnic = Characteristic.ETHNIC_GROUP
    context = CheckContext(
        register=board(answers(ethnic, {"white": 1})),
        policy=Policy(min_expected_count=0.5),  # 1 answered x 50% = 0.5 expected Black members: judged
        as_of=GAP_AS_OF,
        baselines=lambda name: baseline({ethnic: {"white": 50, "black": 50}}),
        internal=True,
    )
    found = list(underrepresented_group(context))
    assert [f.subject_id for f in found] == [GROUP]
    assert "from a Black ethnic group" in found[0].message


def test_dv001_a_characteristic_not_under_does_not_stop_the_scan() -> None:
    sex, ethnic = Characteristic.SEX, Characteristic.ETHNIC_GROUP
    people = [{"sex": "female" if n % 2 else "male", "ethnic_group": "black" if n == 0 else "white"} for n in range(8)]
    context = CheckContext(
        register=board(people),
        policy=Policy(monitored_characteristics=(sex, ethnic)),
        as_of=GAP_AS_OF,
        baselines=lambda name: baseline({sex: {"female": 50, "male": 50}, ethnic: {"white": 50, "black": 50}}),
        internal=True,
    )
    found = list(underrepresented_group(context))
    assert [f.subject_id for f in found] == [GROUP]
    assert "from a Black ethnic group" in found[0].message


ETHNIC = Characteristic.ETHNIC_GROUP


HALF_AND_HALF = baseline({ETHNIC: {"white": 50, "black": 50}})


TEN_PERCENT = baseline({ETHNIC: {"white": 90, "black": 10}})


def flags(register: Register, base: Baseline, policy: Policy | None = None, as_of: date = AS_OF) -> list[str]:
    names: list[str] = []

    def lookup(name: str) -> Baseline:
        names.append(name)
        return base

    # Internal: the exact rule. What publishable output may say is tested in tests/audit/test_disclosure.py.
    context = CheckContext(
        register=register, policy=policy or Policy(), as_of=as_of, baselines=lookup, internal=True
    )
    found = [f.message for f in underrepresented_group(context)]
    assert names in ([], [(policy or Policy()).baseline])
    return found


def test_registered_with_its_contract() -> None:
    registry = builtin_registry()
    check = registry["DV001"]
    assert (check.name, check.severity, check.subject.value) == ("underrepresented-group", Severity.WARNING, "group")
    assert "DV001" in BUILTIN


def test_exactly_half_the_expected_count_is_silent() -> None:
    # 8 answered, 50% baseline: 4 expected; 2 is exactly half.
    assert flags(board(answers(ETHNIC, {"black": 2, "white": 6})), HALF_AND_HALF) == []


def test_one_under_half_the_expected_count_fires_with_the_gap() -> None:
    found = flags(board(answers(ETHNIC, {"black": 1, "white": 7})), HALF_AND_HALF)
    assert len(found) == 1
    assert "from a Black ethnic group" in found[0]
    assert "under-represented" in found[0]
    # No count, expected count or number who answered: together they would reveal a suppressed small count.
    assert not any(char.isdigit() for char in found[0].replace("50%", ""))


def test_hint_says_how_many_more_close_the_gap() -> None:
    register = board(answers(ETHNIC, {"black": 1, "white": 7}))
    context = CheckContext(
        register=register, policy=Policy(), as_of=AS_OF, baselines=lambda _: HALF_AND_HALF, internal=True
    )
    (flag,) = underrepresented_group(context)
    # 1 + k >= 0.5 * 0.5 * (8 + k)  ->  k >= 4/3  ->  2
    assert "at least 2 more members from a Black ethnic group" in flag.hint
    assert flag.subject_id == GROUP


def test_expected_count_exactly_the_minimum_is_judged() -> None:
    # 10 answered, 10% baseline: 1.0 expected (the default min_expected_count); 0 members fires.
    assert len(flags(board(answers(ETHNIC, {"white": 10})), TEN_PERCENT)) == 1


def test_expected_count_just_under_the_minimum_is_not_judged() -> None:
    # 9 answered: 0.9 expected, too few to judge.
    assert flags(board(answers(ETHNIC, {"white": 9})), TEN_PERCENT) == []


def test_unanswered_members_do_not_raise_the_expected_count() -> None:
    # 20 members, but only 9 answered: 0.9 expected.
    assert flags(board(answers(ETHNIC, {"white": 9, "prefer-not-to-say": 4, None: 7})), TEN_PERCENT) == []


def test_policy_thresholds_are_used() -> None:
    register = board(answers(ETHNIC, {"black": 2, "white": 6}))
    assert len(flags(register, HALF_AND_HALF, Policy(min_representation_ratio=0.75))) == 1
    assert flags(board(answers(ETHNIC, {"white": 10})), TEN_PERCENT, Policy(min_expected_count=1.5)) == []


def test_characteristic_without_baseline_is_not_judged() -> None:
    register = board(answers(Characteristic.AGE, {"85-plus": 10}))
    assert flags(register, HALF_AND_HALF) == []


def test_unmonitored_characteristic_is_not_judged() -> None:
    register = board(answers(ETHNIC, {"white": 10}))
    assert flags(register, TEN_PERCENT, Policy(monitored_characteristics=(Characteristic.SEX,))) == []


def test_no_baselines_given_judges_nothing() -> None:
    context = CheckContext(register=board(answers(ETHNIC, {"white": 10})), policy=Policy(), as_of=AS_OF)
    assert list(underrepresented_group(context)) == []


def test_group_with_no_current_members_is_silent() -> None:
    assert flags(board([]), TEN_PERCENT) == []


def test_message_carries_no_one_s_answer_or_name() -> None:
    register = board(answers(ETHNIC, {"black": 1, "white": 7}))
    (message,) = flags(register, HALF_AND_HALF)
    assert "Member" not in message
    assert "m00" not in message


def test_api_passes_the_baseline_lookup() -> None:
    register = board(answers(ETHNIC, {"white": 10}))
    report = check_register(
        register, as_of=AS_OF, policy=Policy(), select=["DV001"], baselines=lambda name: TEN_PERCENT
    )
    assert [f.code for f in report.findings] == ["DV001"]


def test_api_default_resolves_the_policy_s_bundled_baseline() -> None:
    register = board(answers(ETHNIC, {"white": 10}))
    report = check_register(register, as_of=AS_OF, policy=Policy(baseline="england"), select=["DV001"])
    assert all(f.code == "DV001" for f in report.findings)
    with pytest.raises(UnknownBaselineError, match="no bundled baseline is called 'atlantis'"):
        check_register(register, as_of=AS_OF, policy=Policy(baseline="atlantis"), select=["DV001"])
