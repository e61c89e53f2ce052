"""AC010: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.checks.accessibility.AC010_unexplained_jargon import jargon_used, unexplained_jargon
from coproduction.models import (
    AgendaItem,
    Register,
)
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.acc_builders import (
    findings,
    messages,
    paper,
)
from tests.checks.accessibility.support import one_meeting
from tests.checks.support import AS_OF, _pairs


@pytest.mark.parametrize(
    ("title", "terms"),
    [
        ("CQC inspection", ["CQC"]),
        ("ICB update on KPIs for ASC", ["ASC", "ICB"]),
        ("Care Quality Commission (CQC) report", []),
        ("CQC (the care inspector) report", []),
        ("cqc inspection", []),
        ("ASCOT survey", []),
        ("Report from the ICB: Integrated Care Board priorities", []),
        ("KPI", ["KPI"]),
        ("", []),
    ],
)
def test_jargon_matching(title, terms):
    assert jargon_used(title, dict(Policy().jargon)) == terms


def test_ac010_agenda_items_and_papers():
    reg = one_meeting(
        agenda=(AgendaItem("CQC inspection"), AgendaItem("Budget")),
        papers=(paper("ICB plan"),),
    )
    found = messages("AC010", reg)
    assert found == [
        "Agenda item 'CQC inspection' uses 'CQC' without explaining it.",
        "Paper 'ICB plan' uses 'ICB' without explaining it.",
    ]
    (finding, _) = findings("AC010", reg)
    assert "Care Quality Commission" in finding.hint


def test_ac010_explanation_silences():
    reg = one_meeting(
        agenda=(AgendaItem("CQC inspection", explanation="The inspector's visit"),),
        papers=(paper("ICB plan", explanation="The NHS body's plan"),),
    )
    assert findings("AC010", reg) == []


def test_ac010_policy_jargon_list():
    reg = one_meeting(agenda=(AgendaItem("CQC and LD update"),))
    assert findings("AC010", reg, policy=Policy(jargon={})) == []
    (message,) = messages("AC010", reg, policy=Policy(jargon={"LD": "learning disability"}))
    assert "'LD'" in message


def _titled(*titles: str) -> Register:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_meeting("m1", "g1", date(2026, 2, 10), agenda=tuple(AgendaItem(t) for t in titles))
    return b.build()


def test_ac010_one_bracketed_use_does_not_explain_another() -> None:
    policy = Policy(jargon={"ICB": "Integrated Care Board"})
    assert _pairs(run(unexplained_jargon, _titled("ICB (the local NHS body) and ICB leads"), AS_OF, policy)) == [
        ("m1", "Agenda item 'ICB (the local NHS body) and ICB leads' uses 'ICB' without explaining it.")
    ]
    assert run(unexplained_jargon, _titled("ICB (the local NHS body) leads"), AS_OF, policy) == []


def test_ac010_a_term_inside_a_longer_word_is_not_the_term() -> None:
    policy = Policy(jargon={"ICB": "Integrated Care Board"})
    assert run(unexplained_jargon, _titled("ICBs and XICB and ICB_x"), AS_OF, policy) == []
    assert _pairs(run(unexplained_jargon, _titled("ICB-led plan"), AS_OF, policy)) == [
        ("m1", "Agenda item 'ICB-led plan' uses 'ICB' without explaining it.")
    ]
