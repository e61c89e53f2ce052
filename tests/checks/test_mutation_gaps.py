"""Tests that kill mutants the rest of the suite let through (issue 12, "Tests that would catch a wrong rule").

Each test is named after the wrong rule it catches: a one-line change to a check (a flipped comparison,
``continue`` turned into ``break``, a dropped guard, ``all`` for ``any``) that passed every other test. They
assert subjects and messages, at the edge of each threshold. The mutation runner is tools/mutation/runner.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction

import attrs

from coproduction.audit.population import Baseline, CharacteristicBaseline
from coproduction.checks import BUILTIN, CheckContext, Flag
from coproduction.checks import accessibility as ac
from coproduction.checks import diversity as dv
from coproduction.checks import equality as eq
from coproduction.checks import governance as gr
from coproduction.checks import membership as mb
from coproduction.checks import reciprocity as rc
from coproduction.checks import representation as rep
from coproduction.checks._facts import facts
from coproduction.checks._queries import months_before
from coproduction.checks.documentation import explain_text
from coproduction.models import (
    AccessNeed,
    Acknowledgement,
    AgendaItem,
    Break,
    Cadence,
    Characteristic,
    Decision,
    Frequency,
    GroundRules,
    GroupKind,
    MeetingStatus,
    Outcome,
    Paper,
    Register,
    Role,
    TrainingRecord,
)
from coproduction.policy import Policy, SizeRange
from tests.audit.helpers import GROUP, answers, baseline, board
from tests.builders import CARER, STAFF, USES_SERVICES, RegisterBuilder, context, run

AS_OF = date(2026, 3, 2)


def _pairs(flags: Iterable[Flag]) -> list[tuple[str, str]]:
    return [(f.subject_id, f.message) for f in flags]


# --- GR005: the scan over gaps goes on past gaps that ended before the window (continue, not break) --------------


def test_gr005_a_group_with_more_than_a_year_of_history_is_still_judged() -> None:
    b = RegisterBuilder()
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))
    # Monthly from January 2024 (gaps that end before the window opens on 2025-03-02), then one gap of 46 days.
    days = [date(2024, 1, 10) + timedelta(days=30 * n) for n in range(23)]  # to 2025-11-01
    days += [date(2025, 12, 1), date(2026, 1, 16), date(2026, 2, 20)]
    for n, day in enumerate(days):
        b.add_meeting(f"m{n:02}", "g1", day)
    assert _pairs(run(gr.irregular_meetings, b.build(), AS_OF)) == [
        (
            "g1",
            "'Group g1' meets monthly, but the longest gap between its held meetings in the 12 months to 2026-03-02 "
            "was 46 days (2025-12-01 to 2026-01-16); the policy allows up to 45 days",
        )
    ]


# --- GR002/GR003: a review dated on the "as of" day has happened --------------------------------------------------


def test_gr002_a_review_on_the_as_of_day_restarts_the_clock() -> None:
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=GroundRules(agreed=date(2023, 1, 10), reviewed=AS_OF))
    assert run(gr.ground_rules_overdue_review, b.build(), AS_OF) == []
    # The day before, the review has not happened: the 2023 agreement is overdue.
    [flag] = run(gr.ground_rules_overdue_review, b.build(), AS_OF - timedelta(days=1))
    assert flag.subject_id == "g1"
    assert "last agreed or reviewed on 2023-01-10, 37 months ago" in flag.message


def test_gr003_acknowledging_a_review_made_on_the_as_of_day() -> None:
    rules = GroundRules(
        agreed=date(2025, 1, 6),
        reviewed=AS_OF,
        acknowledgements=(Acknowledgement("ann", AS_OF), Acknowledgement("bob", date(2025, 1, 6))),
    )
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=rules)
    b.add_member("ann", USES_SERVICES, groups=["g1"], name="Ann")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    assert _pairs(run(gr.ground_rules_not_acknowledged, b.build(), AS_OF)) == [
        ("bob", "Bob has not acknowledged the ground rules of 'Group g1' agreed or reviewed on 2026-03-02")
    ]


# --- GR004: ground rules agreed after the "as of" day are not yet in force -----------------------------------------


def _easy_read_board(agreed: date) -> Register:
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=GroundRules(agreed=agreed))
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    return b.build()


def test_gr004_rules_agreed_after_as_of_are_left_to_gr001() -> None:
    assert run(gr.ground_rules_not_easy_read, _easy_read_board(AS_OF + timedelta(days=1)), AS_OF) == []
    assert _pairs(run(gr.ground_rules_not_easy_read, _easy_read_board(AS_OF), AS_OF)) == [
        ("g1", "1 current member of 'Group g1' needs Easy Read, but its ground rules have no Easy Read version")
    ]


# --- RC003: the joining date is the earliest of several memberships ------------------------------------------------


def test_rc003_two_memberships_and_no_joined_date_use_the_earliest_start() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_group("g2")
    b.add_member("ann", CARER, name="Ann")
    b.join("ann", "g2", started=date(2025, 6, 1))
    b.join("ann", "g1", started=date(2025, 1, 10))
    b.add_member("bob", CARER, groups=["g1"], started=date(2025, 1, 10), name="Bob")
    trained = (TrainingRecord("Co-production basics", date(2025, 8, 1)),)
    b.members[-1] = attrs.evolve(b.members[-1], training=trained)
    as_of = date(2025, 8, 1)  # 180 days after 2025-01-10 is 2025-07-09; after 2025-06-01, 2025-11-28
    assert _pairs(run(rc.training_not_completed, b.build(), as_of)) == [
        ("ann", "Joined on 2025-01-10; no co-production training completed by 2025-07-09, 180 days later.")
    ]
    # The deadline day itself is not yet late.
    assert run(rc.training_not_completed, b.build(), date(2025, 7, 9)) == []


# --- RC004: two items at one meeting, in title order; an outcome recorded on the "as of" day counts ----------------


def test_rc004_two_items_at_one_meeting_are_each_reported_in_title_order() -> None:
    as_of = date(2026, 6, 9)  # 90 days after 2026-03-10, plus one
    b = RegisterBuilder()
    b.add_group("g1")
    agenda = (
        AgendaItem("Transport", lived_experience_input=True),
        AgendaItem("Carers' strategy", lived_experience_input=True, outcome=Outcome("Later", as_of + timedelta(1))),
        AgendaItem("Respite", lived_experience_input=True, outcome=Outcome("We changed it", as_of)),
        AgendaItem("Budget", lived_experience_input=False),
    )
    b.add_meeting("m1", "g1", date(2026, 3, 10), agenda=agenda)
    after = "' had input from people with lived experience and no outcome recorded 90 days after the meeting."
    assert _pairs(run(rc.no_feedback_on_input, b.build(), as_of)) == [
        ("m1", "Item 'Carers' strategy" + after),
        ("m1", "Item 'Transport" + after),
    ]


# --- MB002: the apologies count in the message; a member's expected meetings start with their membership -----------


def _monthly_board() -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    return b


def test_mb002_counts_apologies_only_where_the_member_was_not_present() -> None:
    b = _monthly_board()
    b.add_member("ann", CARER, groups=["g1"], name="Ann")
    b.add_meeting("m1", "g1", date(2025, 11, 10), present=["bob"], apologies=["ann"])
    b.add_meeting("m2", "g1", date(2025, 12, 10), present=["bob"], apologies=["ann"])
    b.add_meeting("m3", "g1", date(2026, 1, 10), present=["bob", "ann"], apologies=["ann"])
    b.add_meeting("m4", "g1", date(2026, 2, 10), present=["bob"])
    assert _pairs(run(mb.low_attendance, b.build(), AS_OF)) == [
        (
            "ann",
            "Ann was present at 1 of the 4 meetings of 'Group g1' they were expected at in the 12 months to "
            "2026-03-02 (25%, with apologies for 2); the policy looks for at least 50%",
        )
    ]


def test_mb002_a_member_is_expected_only_from_the_start_of_their_membership() -> None:
    b = _monthly_board()
    b.add_member("new", CARER, groups=["g1"], started=date(2025, 12, 1), name="Nia")
    for n in range(12):
        b.add_meeting(f"m{n:02}", "g1", date(2026, 2, 10) - timedelta(days=30 * n), present=["bob"])
    assert _pairs(run(mb.low_attendance, b.build(), AS_OF)) == [
        (
            "new",
            "Nia was present at 0 of the 3 meetings of 'Group g1' they were expected at in the 12 months to "
            "2026-03-02 (0%); the policy looks for at least 50%",
        )
    ]


# --- DV003: blank service areas are no service area ----------------------------------------------------------------


def test_dv003_blank_service_areas_do_not_count() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("p1", USES_SERVICES, groups=["g1"], service_areas=frozenset({"mental health", " "}))
    b.add_member("p2", CARER, groups=["g1"], service_areas=frozenset({"carers", ""}))
    assert _pairs(run(dv.narrow_lived_experience, b.build(), AS_OF)) == [
        ("g1", "The 2 current lived-experience members cover 2 service areas; at least 3 are expected.")
    ]
    b.add_member("p3", USES_SERVICES, groups=["g1"], service_areas=frozenset({"older people"}))
    assert run(dv.narrow_lived_experience, b.build(), AS_OF) == []


# --- AC001: a policy of 0 days' notice --------------------------------------------------------------------------


def test_ac001_zero_days_notice_accepts_a_paper_out_the_day_before() -> None:
    policy = Policy(papers_notice_working_days=0)
    b = RegisterBuilder()
    b.add_group("g1")
    day = date(2026, 3, 10)  # a Tuesday
    b.add_meeting("m1", "g1", day, status=_scheduled(), papers=(Paper("Budget", published=day - timedelta(days=1)),))
    assert run(ac.late_papers, b.build(), AS_OF, policy) == []
    b.add_meeting("m2", "g1", day, status=_scheduled(), papers=(Paper("Plan", published=day),))
    flags = run(ac.late_papers, b.build(), AS_OF, policy)
    assert [f.subject_id for f in flags] == ["m2"]
    assert "'Plan'" in flags[0].message
    # Not yet published, but 0 days are needed: nothing is late yet.
    b.add_meeting("m3", "g1", day, status=_scheduled(), papers=(Paper("Later"),))
    assert [f.subject_id for f in run(ac.late_papers, b.build(), AS_OF, policy)] == ["m2"]


def _scheduled() -> MeetingStatus:
    return MeetingStatus.SCHEDULED


# --- AC006: a break inside another break ------------------------------------------------------------------------


def test_ac006_a_break_nested_in_a_longer_one_does_not_restart_the_stretch() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    # 0-60 talk, 60-120 lunch (with a 10-minute slot inside it at 70-80), 120-240 talk: a stretch of 120.
    b.add_meeting("m1", "g1", date(2026, 2, 10), minutes=240, breaks=(Break(70, 10), Break(60, 60)))
    assert _pairs(run(ac.no_break, b.build(), AS_OF)) == [
        ("m1", "The meeting has a stretch of 120 minutes without a break (limit 90).")
    ]
    # With another break at 150 the longest stretch is 90, exactly the limit: silent.
    b.meetings[-1] = attrs.evolve(b.meetings[-1], breaks=(Break(70, 10), Break(60, 60), Break(150, 0)))
    assert run(ac.no_break, b.build(), AS_OF) == []


# --- AC010: every use must be explained; whole words only -----------------------------------------------------------


def _titled(*titles: str) -> Register:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_meeting("m1", "g1", date(2026, 2, 10), agenda=tuple(AgendaItem(t) for t in titles))
    return b.build()


def test_ac010_one_bracketed_use_does_not_explain_another() -> None:
    policy = Policy(jargon={"ICB": "Integrated Care Board"})
    assert _pairs(run(ac.unexplained_jargon, _titled("ICB (the local NHS body) and ICB leads"), AS_OF, policy)) == [
        ("m1", "Agenda item 'ICB (the local NHS body) and ICB leads' uses 'ICB' without explaining it.")
    ]
    assert run(ac.unexplained_jargon, _titled("ICB (the local NHS body) leads"), AS_OF, policy) == []


def test_ac010_a_term_inside_a_longer_word_is_not_the_term() -> None:
    policy = Policy(jargon={"ICB": "Integrated Care Board"})
    assert run(ac.unexplained_jargon, _titled("ICBs and XICB and ICB_x"), AS_OF, policy) == []
    assert _pairs(run(ac.unexplained_jargon, _titled("ICB-led plan"), AS_OF, policy)) == [
        ("m1", "Agenda item 'ICB-led plan' uses 'ICB' without explaining it.")
    ]


# --- DV001: a category with no baseline share does not end the scan -------------------------------------------------


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
        as_of=AS_OF,
        baselines=lambda name: base,
        internal=True,
    )
    found = list(rep.underrepresented_group(context))
    assert [f.subject_id for f in found] == [GROUP]
    assert "from a Black ethnic group" in found[0].message


# --- Survivors of the seeded sample (tools/mutation/README.md) -------------------------------------------------------


def test_eq001_one_voter_has_and_two_have_lived_experience() -> None:
    for lived, verb, share in ((1, "has", "16.7%"), (2, "have", "33.3%")):
        b = RegisterBuilder()
        b.add_group("g1")
        b.add_members("le", lived, USES_SERVICES, groups=["g1"])
        b.add_members("st", 6 - lived, STAFF, groups=["g1"])
        [flag] = run(eq.lived_experience_minority, b.build(), AS_OF)
        assert (flag.subject_id, flag.message) == (
            "g1",
            f"{lived} of 6 current voting members of 'Group g1' {verb} lived experience ({share}); "
            "the policy asks for at least 50%",
        )


def test_gr005_a_single_meeting_held_on_the_as_of_day_has_no_gap_to_judge() -> None:
    b = RegisterBuilder()
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("m1", "g1", AS_OF)
    assert run(gr.irregular_meetings, b.build(), AS_OF) == []


def test_ac001_easy_read_counts_only_members_on_the_meeting_s_expected_list() -> None:
    policy = Policy(papers_notice_working_days=2)
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    b.add_member("bob", STAFF, groups=["g1"])
    day, published = date(2026, 3, 16), date(2026, 3, 11)  # 2 clear working days, 5 calendar days
    paper = (Paper("Budget", published=published),)
    b.add_meeting("m1", "g1", day, status=MeetingStatus.SCHEDULED, expected=("bob",), papers=paper)
    assert run(ac.late_papers, b.build(), AS_OF, policy) == []
    b.add_meeting("m2", "g1", day, status=MeetingStatus.SCHEDULED, expected=("ann", "bob"), papers=paper)
    assert _pairs(run(ac.late_papers, b.build(), AS_OF, policy)) == [
        (
            "m2",
            "Paper 'Budget' was published on 2026-03-11, 5 days before the meeting; 1 expected attendee needs "
            "Easy Read, which needs 7 days.",
        )
    ]


def test_rc004_a_meeting_not_yet_held_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    item = (AgendaItem("Transport", lived_experience_input=True),)
    b.add_meeting("m0", "g1", date(2026, 7, 1), status=MeetingStatus.SCHEDULED, agenda=item)
    b.add_meeting("m1", "g1", date(2026, 3, 10), agenda=item)
    assert _pairs(run(rc.no_feedback_on_input, b.build(), date(2026, 6, 9))) == [
        (
            "m1",
            "Item 'Transport' had input from people with lived experience and no outcome recorded 90 days after "
            "the meeting.",
        )
    ]


def test_gr003_rules_agreed_after_as_of_ask_nobody_to_acknowledge_them() -> None:
    b = RegisterBuilder()
    later = AS_OF + timedelta(days=1)
    rules = GroundRules(agreed=later, acknowledgements=(Acknowledgement("ann", later),))
    b.add_group("g1", ground_rules=rules)
    b.add_member("ann", USES_SERVICES, groups=["g1"], name="Ann")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    assert run(gr.ground_rules_not_acknowledged, b.build(), AS_OF) == []
    assert [f.subject_id for f in run(gr.ground_rules_not_acknowledged, b.build(), later)] == ["bob"]


def test_need_counts_of_a_meeting_outside_the_register_follow_its_expected_list() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    b.add_member("bob", STAFF, groups=["g1"], access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    listed = b.add_meeting("m1", "g1", date(2026, 2, 10), expected=("bob",))
    shared = facts(context(b.build(), AS_OF))
    # A copy is not one of the register's meetings (a plugin's own), so it is counted on its own.
    assert dict(shared.need_counts(attrs.evolve(listed))) == {AccessNeed.LARGE_PRINT: 1}
    assert dict(shared.need_counts(attrs.evolve(listed, expected=()))) == {
        AccessNeed.EASY_READ: 1,
        AccessNeed.LARGE_PRINT: 1,
    }


def test_dv001_one_member_who_answered_is_judged_when_the_minimum_allows() -> None:
    ethnic = Characteristic.ETHNIC_GROUP
    context = CheckContext(
        register=board(answers(ethnic, {"white": 1})),
        policy=Policy(min_expected_count=0.5),  # 1 answered x 50% = 0.5 expected Black members: judged
        as_of=AS_OF,
        baselines=lambda name: baseline({ethnic: {"white": 50, "black": 50}}),
        internal=True,
    )
    found = list(rep.underrepresented_group(context))
    assert [f.subject_id for f in found] == [GROUP]
    assert "from a Black ethnic group" in found[0].message


# --- Loops over groups, memberships and meetings go on after one that is skipped (continue, not break) ------------


def test_gr002_a_group_reviewed_in_time_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")
    b.add_group("g1", ground_rules=GroundRules(agreed=date(2025, 12, 1)))
    b.add_group("g2", ground_rules=GroundRules(agreed=date(2024, 1, 10)))
    assert _pairs(run(gr.ground_rules_overdue_review, b.build(), AS_OF)) == [
        (
            "g2",
            "The ground rules of 'Group g2' were last agreed or reviewed on 2024-01-10, 25 months ago; "
            "the policy asks for a review every 12 months",
        )
    ]


def test_gr005_groups_not_judged_or_within_the_limit_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")  # no cadence
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))  # no held meeting
    b.add_group("g2", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("g2-m", "g2", AS_OF)  # one meeting, on the day: no gap
    b.add_group("g3", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("g3-m", "g3", AS_OF - timedelta(days=45))  # exactly the limit
    b.add_group("g4", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("g4-m", "g4", AS_OF - timedelta(days=46))
    assert _pairs(run(gr.irregular_meetings, b.build(), AS_OF)) == [
        (
            "g4",
            "'Group g4' meets monthly, but 46 days have passed since its last held meeting on 2026-01-15; "
            "the policy allows up to 45 days",
        )
    ]


def test_mb003_a_term_still_running_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann")
    b.add_member("cy", CARER, groups=["g1"], name="Cy", term_ends=AS_OF)  # ends today: not yet expired
    b.add_member("bob", STAFF, groups=["g1"], name="Bob", term_ends=AS_OF - timedelta(days=1))
    flags = run(mb.term_expired, b.build(), AS_OF)
    assert [(f.subject_id, f.message) for f in flags] == [
        ("bob", "Bob's term as member of 'Group g1' ended on 2026-03-01, but they are still listed as a current member")
    ]


def test_mb004_a_kind_without_a_size_range_does_not_stop_the_scan() -> None:
    policy = Policy(group_sizes={GroupKind.BOARD: SizeRange(2, 20)})
    b = RegisterBuilder()
    b.add_group("g0", GroupKind.FOCUS_GROUP)
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g0", "g1"], name="Ann")
    flags = run(mb.group_size_out_of_range, b.build(), AS_OF, policy)
    assert [(f.subject_id, f.message) for f in flags] == [
        ("g1", "'Group g1' has 1 current member, fewer than the 2 the policy asks of a board")
    ]


def test_eq006_meetings_without_decisions_or_reasons_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1", quorum=3)
    b.add_members("le", 3, USES_SERVICES, groups=["g1"])
    everyone = ["le-1", "le-2", "le-3"]
    decided = (Decision("Adopt the plan"),)
    b.add_meeting("m0", "g1", date(2026, 1, 6), present=["le-1"])  # no decisions
    b.add_meeting("m1", "g1", date(2026, 1, 13), present=everyone, decisions=decided)  # nothing wrong
    b.add_meeting("m2", "g1", date(2026, 1, 20), present=["le-1"], decisions=decided)
    flags = run(eq.decision_without_lived_experience, b.build(), AS_OF)
    assert [f.subject_id for f in flags] == ["m2"]
    assert "1 member with lived experience was present (the policy asks for at least 2)" in flags[0].message
    assert "1 member was present, under the group's quorum of 3" in flags[0].message


def test_ac007_no_meetings_need_no_time_zone() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    assert run(ac.inaccessible_hours, b.build(), AS_OF, Policy(timezone="Nowhere/Atlantis")) == []


def test_dv005_an_organisation_within_the_limit_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")
    b.add_member("ann", CARER, groups=["g0"])  # no staff: not judged
    b.add_group("g1")
    b.add_member("s1", STAFF, groups=["g1"], organisation="Alpha Trust")
    for n in range(2, 5):
        b.add_member(f"s{n}", STAFF, groups=["g1"], organisation="Zeta Council")
    assert _pairs(run(dv.single_organisation_dominance, b.build(), AS_OF)) == [
        ("g1", "Zeta Council provides 3 of the 4 staff members (75%), more than the 50% allowed.")
    ]


def test_ac006_short_or_well_broken_meetings_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_meeting("m0", "g1", date(2026, 2, 3), minutes=90)  # exactly the limit
    b.add_meeting("m1", "g1", date(2026, 2, 10), minutes=240, breaks=(Break(90, 10), Break(190, 10)))
    b.add_meeting("m2", "g1", date(2026, 2, 17), minutes=240)
    assert _pairs(run(ac.no_break, b.build(), AS_OF)) == [
        ("m2", "The meeting runs 240 minutes with no scheduled break (limit 90).")
    ]


def test_mb005_a_member_who_left_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("gone", CARER, groups=["g1"], name="Gil", access_needs=None, left=date(2026, 1, 1))
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")  # asked: no needs
    b.add_member("ann", CARER, groups=["g1"], name="Ann", access_needs=None)
    assert _pairs(run(mb.access_needs_not_asked, b.build(), AS_OF)) == [
        ("ann", "Nobody has recorded asking Ann about access needs")
    ]


def test_rc003_members_not_current_or_without_a_joining_date_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("gone", CARER, groups=["g1"], started=date(2024, 1, 1), left=date(2026, 1, 1))
    b.add_member("nodate", CARER, groups=["g1"])
    b.add_member("ann", CARER, groups=["g1"], started=date(2025, 1, 10), name="Ann")
    assert _pairs(run(rc.training_not_completed, b.build(), AS_OF)) == [
        ("ann", "Joined on 2025-01-10; no co-production training completed by 2025-07-09, 180 days later.")
    ]


def test_ac004_a_meeting_nobody_signs_at_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")
    b.add_member("bob", STAFF, groups=["g0"])
    b.add_meeting("m0", "g0", date(2026, 3, 10), status=MeetingStatus.SCHEDULED)
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.BSL}))
    b.add_meeting("m1", "g1", date(2026, 3, 10), status=MeetingStatus.SCHEDULED, minutes=60)
    flags = run(ac.no_interpreter_booked, b.build(), AS_OF)
    assert [f.subject_id for f in flags] == ["m1"]
    assert flags[0].message.startswith(
        "1 expected attendee needs British Sign Language; 0 interpreters booked, 1 needed"
    )


def test_eq001_groups_without_voters_or_with_enough_lived_experience_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")  # nobody
    b.add_group("g1")
    b.add_members("a", 2, USES_SERVICES, groups=["g1"])
    b.add_group("g2")
    b.add_members("b", 1, USES_SERVICES, groups=["g2"])
    b.add_members("c", 2, STAFF, groups=["g2"])
    assert _pairs(run(eq.lived_experience_minority, b.build(), AS_OF)) == [
        (
            "g2",
            "1 of 3 current voting members of 'Group g2' has lived experience (33.3%); "
            "the policy asks for at least 50%",
        )
    ]


def test_eq002_groups_not_boards_or_with_a_lived_experience_chair_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0", GroupKind.FOCUS_GROUP)
    b.add_group("g1")
    b.add_member("le", USES_SERVICES, groups=["g1"], role=Role.CHAIR)
    b.add_group("g2")
    b.add_member("st", STAFF, groups=["g2"], role=Role.CHAIR)
    assert _pairs(run(eq.no_lived_experience_chair, b.build(), AS_OF)) == [
        ("g2", "'Group g2' has 1 current chair or co-chair, none with lived experience")
    ]


def test_eq005_meetings_without_an_agenda_or_led_enough_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("le", USES_SERVICES, groups=["g1"])
    b.add_member("st", STAFF, groups=["g1"])
    day = date(2026, 2, 3)
    b.add_meeting("m0", "g1", day)
    b.add_meeting("m1", "g1", day, agenda=(AgendaItem("Plan", leads=("le",)),))
    b.add_meeting("m2", "g1", day, agenda=(AgendaItem("Budget", leads=("st",)),))
    flags = run(eq.agenda_led_by_staff_only, b.build(), AS_OF)
    assert [f.subject_id for f in flags] == ["m2"]
    assert flags[0].message == (
        "0 of 1 agenda item at 'Meeting m2' on 2026-02-03 are led or co-led by a member with lived experience "
        "(0%); the policy asks for at least 25%"
    )


def test_ac002_papers_are_reported_in_title_order() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    b.add_meeting("m1", "g1", date(2026, 3, 10), status=MeetingStatus.SCHEDULED, papers=(Paper("Zoo"), Paper("Art")))
    assert _pairs(run(ac.missing_accessible_format, b.build(), AS_OF)) == [
        ("m1", "Paper 'Art' is not available in large print (1 expected attendee)."),
        ("m1", "Paper 'Zoo' is not available in large print (1 expected attendee)."),
    ]


def test_gr005_of_two_equal_longest_gaps_the_earliest_is_named() -> None:
    b = RegisterBuilder()
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))
    for n, day in enumerate([date(2025, 11, 1), date(2025, 12, 17), date(2026, 2, 1)]):  # 46 and 46 days
        b.add_meeting(f"m{n}", "g1", day)
    [flag] = run(gr.irregular_meetings, b.build(), AS_OF)
    assert "was 46 days (2025-11-01 to 2025-12-17)" in flag.message


def test_months_before_in_the_calendar_s_first_year() -> None:
    assert months_before(date(1, 12, 31), 1) == date(1, 11, 30)
    assert months_before(date(1, 3, 1), 12) == date.min


def test_explain_text_wraps_at_88_by_default() -> None:
    check = BUILTIN["GR005"]
    assert explain_text(check) == explain_text(check, width=88)
    assert explain_text(check) != explain_text(check, width=87)
    assert max(len(line) for line in explain_text(check).splitlines()) <= 88


def test_rc004_two_items_with_one_title_one_without_an_outcome_one_recorded_later() -> None:
    as_of = date(2026, 6, 9)
    b = RegisterBuilder()
    b.add_group("g1")
    agenda = (
        AgendaItem("Transport", lived_experience_input=True),
        AgendaItem("Transport", lived_experience_input=True, outcome=Outcome("Later", as_of + timedelta(days=1))),
    )
    b.add_meeting("m1", "g1", date(2026, 3, 10), agenda=agenda)
    message = "Item 'Transport' had input from people with lived experience and no outcome recorded 90 days after "
    assert _pairs(run(rc.no_feedback_on_input, b.build(), as_of)) == [("m1", message + "the meeting.")] * 2


def test_dv001_a_characteristic_not_under_does_not_stop_the_scan() -> None:
    sex, ethnic = Characteristic.SEX, Characteristic.ETHNIC_GROUP
    people = [{"sex": "female" if n % 2 else "male", "ethnic_group": "black" if n == 0 else "white"} for n in range(8)]
    context = CheckContext(
        register=board(people),
        policy=Policy(monitored_characteristics=(sex, ethnic)),
        as_of=AS_OF,
        baselines=lambda name: baseline({sex: {"female": 50, "male": 50}, ethnic: {"white": 50, "black": 50}}),
        internal=True,
    )
    found = list(rep.underrepresented_group(context))
    assert [f.subject_id for f in found] == [GROUP]
    assert "from a Black ethnic group" in found[0].message


def test_gr004_a_group_nobody_needs_easy_read_in_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0", ground_rules=GroundRules(agreed=date(2025, 9, 1)))
    b.add_member("bob", STAFF, groups=["g0"])
    b.add_group("g1", ground_rules=GroundRules(agreed=date(2025, 9, 1)))
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    assert _pairs(run(gr.ground_rules_not_easy_read, b.build(), AS_OF)) == [
        ("g1", "1 current member of 'Group g1' needs Easy Read, but its ground rules have no Easy Read version")
    ]
