"""GR: ground rules and governance checks (CHECKS.md, "GR — Ground rules and governance").

"It is important to have rules for co-production so everyone knows how to talk to each other" (seed 002,
Oxfordshire's Easy Read summary of the SCIE evaluation). Ground rules are agreed by the group, reviewed, known to
every member and available in Easy Read; a group also needs a purpose or terms of reference and regular meetings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

from coproduction.checks._facts import facts
from coproduction.checks._queries import (
    group_label,
    months_before,
    number,
    plural,
    rules_current_since,
    whole_months_between,
)
from coproduction.checks.engine import CheckContext, CheckDoc, Flag, Principle, SubjectKind, check
from coproduction.checks.registry import BUILTIN
from coproduction.models.enums import AccessNeed
from coproduction.models.group import Group
from coproduction.policy import Severity

SEED_002 = (
    "Oxfordshire County Council, Co-production in Oxfordshire's adult services (Easy Read, seed 002): "
    "rules so everyone knows how to talk to each other"
)
SEED_003 = "Oxfordshire Team-Up board membership expectations (seed 003): understand and commit to the principles"
SEED_004 = "VoiceAbility, Speak Out groups (seed 004): Easy Read for people with learning disabilities"
SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it"
TEAM_UP_MONTHLY = "Team-Up board and Co-production Champions meet every month (seeds 001, 002)"
NORTH_CUMBRIA = "North Cumbria, terms of reference for co-production groups"

#: Months in which GR005 looks for gaps between held meetings (CHECKS.md: "in the last 12 months").
IRREGULAR_WINDOW_MONTHS = 12


@check(
    BUILTIN,
    code="GR001",
    name="no-ground-rules",
    principle=Principle.GOVERNANCE,
    severity=Severity.ERROR,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            'Fires for each group with no agreed ground rules. Ground rules agreed after the "as of" date '
            "do not count: as of that date the group had none."
        ),
        why=(
            "Ground rules tell everyone how to talk to each other: listening, respectful challenge, plain "
            "words, confidentiality. Without them, the people with least power are the first to stop "
            "speaking."
        ),
        example="A new working group that has met three times and never agreed how it works together.",
        instead=(
            "Agree ground rules together at the next meeting, write them in Easy Read as well, and record "
            "the date they were agreed."
        ),
        sources=(SEED_002, SCIE),
    ),
)
def no_ground_rules(context: CheckContext) -> Iterator[Flag]:
    for group in context.register.groups:
        rules = group.ground_rules
        if rules is not None and rules_current_since(rules, context.as_of) is not None:
            continue
        if rules is None:
            message = f"{group_label(group)} has no agreed ground rules"
        else:
            message = (
                f"{group_label(group)} had no agreed ground rules on {context.as_of.isoformat()} "
                f"(they were agreed on {rules.agreed.isoformat()})"
            )
        hint = (
            "Agree ground rules together (how people talk to each other, challenge, confidentiality), "
            "write an Easy Read version, and record the date they were agreed."
        )
        yield Flag(group.id, message, hint)


@check(
    BUILTIN,
    code="GR002",
    name="ground-rules-overdue-review",
    principle=Principle.GOVERNANCE,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Fires when a group's ground rules were last agreed or reviewed more than "
            '`ground_rules_review_months` calendar months before the "as of" date. Exactly that many '
            "months (agreed 1 March 2025, as of 1 March 2026 with 12) is not overdue; a day more is. A "
            'review dated after the "as of" date has not happened yet and is not counted.'
        ),
        why=(
            "Members change and groups learn. Ground rules that nobody has looked at for years are rarely "
            "known to newer members, and may not reflect how the group wants to work now."
        ),
        example="Ground rules agreed in January 2024 and never reviewed, checked as of March 2026.",
        instead="Review the ground rules together at a meeting and record the review date.",
        settings=("ground_rules_review_months",),
        sources=(SEED_002, SCIE),
    ),
)
def ground_rules_overdue_review(context: CheckContext) -> Iterator[Flag]:
    months = context.policy.ground_rules_review_months
    due_after = months_before(context.as_of, months)
    for group in context.register.groups:
        if group.ground_rules is None:
            continue
        since = rules_current_since(group.ground_rules, context.as_of)
        if since is None or since >= due_after:
            continue
        ago = whole_months_between(since, context.as_of)
        message = (
            f"The ground rules of {group_label(group)} were last agreed or reviewed on {since.isoformat()}, "
            f"{plural(ago, 'month')} ago; the policy asks for a review every {plural(months, 'month')}"
        )
        hint = (
            "Put the ground rules on the next meeting's agenda, review them together (in Easy Read too), "
            "and record the review date."
        )
        yield Flag(group.id, message, hint)


@check(
    BUILTIN,
    code="GR003",
    name="ground-rules-not-acknowledged",
    principle=Principle.GOVERNANCE,
    severity=Severity.WARNING,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            'For each group with ground rules in force on the "as of" date, fires for each current member '
            "with no acknowledgement dated on or after the day the current rules were agreed or last "
            'reviewed (and not after the "as of" date). A member of several groups can have one finding '
            "per group."
        ),
        why=(
            "Ground rules only work when everyone knows them. A member who joined after they were agreed, "
            "or who has not seen the reviewed version, is working to rules they were never told."
        ),
        example=(
            "Ground rules reviewed on 1 June 2025; a member acknowledged the earlier version in 2024 and has "
            "not seen the new one."
        ),
        instead=(
            "Go through the current ground rules with the member (in Easy Read if they need it) and record "
            "their acknowledgement with its date."
        ),
        sources=(SEED_002, SEED_003),
    ),
)
def ground_rules_not_acknowledged(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    shared = facts(context)
    for group in register.groups:
        rules = group.ground_rules
        if rules is None:
            continue
        since = rules_current_since(rules, as_of)
        if since is None:
            continue
        acknowledged = {a.member for a in rules.acknowledgements if since <= a.on <= as_of}
        # The same for every member of the group: written once.
        not_acknowledged = (
            f" has not acknowledged the ground rules of {group_label(group)} agreed or reviewed on {since.isoformat()}"
        )
        for member in shared.current_members(group.id, as_of):
            if member.id not in acknowledged:
                yield Flag(member.id, member.name + not_acknowledged, f"{_GO_THROUGH}{member.name}{_IN_THEIR_FORMAT}")


_GO_THROUGH = "Go through the current ground rules with "
_IN_THEIR_FORMAT = ", in the format they need, and record their acknowledgement with its date."


@check(
    BUILTIN,
    code="GR004",
    name="ground-rules-not-easy-read",
    principle=Principle.GOVERNANCE,
    severity=Severity.ERROR,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Fires when a group's ground rules have no Easy Read version (neither an Easy Read document nor "
            "an Easy Read wording of every rule) while at least one current member needs Easy Read. Groups "
            "without ground rules are left to GR001."
        ),
        why=(
            "Rules that a member cannot read are not rules they have agreed to. Easy Read is how people "
            "with learning disabilities take part on equal terms (seeds 002 and 004)."
        ),
        example="A Speak Out group with 3 members who need Easy Read and ground rules only in standard print.",
        instead=(
            "Write the ground rules in Easy Read (with the members who need it, if they wish) and record the "
            "Easy Read document or each rule's Easy Read wording."
        ),
        sources=(SEED_002, SEED_004),
    ),
)
def ground_rules_not_easy_read(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    for group in register.groups:
        rules = group.ground_rules
        if rules is None or rules_current_since(rules, as_of) is None or rules.has_easy_read:
            continue
        needing = sum(1 for m in facts(context).current_members(group.id, as_of) if m.needs(AccessNeed.EASY_READ))
        if not needing:
            continue
        message = (
            f"{plural(needing, 'current member')} of {group_label(group)} "
            f"{'needs' if needing == 1 else 'need'} Easy Read, but its ground rules have no Easy Read version"
        )
        hint = (
            "Write the ground rules in Easy Read, ideally with the members who use it, and record the Easy "
            "Read document or each rule's Easy Read wording."
        )
        yield Flag(group.id, message, hint)


@check(
    BUILTIN,
    code="GR005",
    name="irregular-meetings",
    principle=Principle.GOVERNANCE,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "For each group with a cadence, measures the gaps in days between consecutive held meetings, "
            'and from the last held meeting to the "as of" date, counting each gap that ends within the '
            '12 calendar months up to the "as of" date. Fires when the longest is more than the cadence\'s '
            "nominal days times `irregular_gap_factor` (30 x 1.5 = 45 days for a monthly group); exactly "
            "45 days does not fire. Groups without a cadence, and groups with no held meeting on or before "
            'the "as of" date (new groups), are not judged. '
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "Regular meetings keep people involved and momentum going; Team-Up and the champions meet every "
            "month. Long gaps lose members, and the gap since the last meeting counts too: a group that "
            "stopped meeting months ago is the most irregular of all."
        ),
        example=("A monthly board that met in January and then not until April: a gap of 90 days, over 45."),
        instead=(
            "Set dates a year ahead, rearrange rather than cancel, and record meetings as held. If the group "
            "now meets less often, change its cadence."
        ),
        settings=("irregular_gap_factor", "timezone"),
        sources=(TEAM_UP_MONTHLY, SEED_002),
    ),
)
def irregular_meetings(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    window_start = months_before(as_of, IRREGULAR_WINDOW_MONTHS)
    for group in register.groups:
        if group.cadence is None:
            continue
        days = sorted({day for _, day in facts(context).held_meeting_days(group.id, as_of)})
        if not days:
            continue
        longest = _longest_gap(days, as_of, window_start)
        if longest is None:
            continue
        start, end = longest
        gap = (end - start).days
        limit = group.cadence.frequency.nominal_days * policy.irregular_gap_factor
        if gap <= limit:
            continue
        if end == as_of and start == days[-1]:
            what = f"{gap} days have passed since its last held meeting on {start.isoformat()}"
        else:
            what = (
                f"the longest gap between its held meetings in the 12 months to {as_of.isoformat()} was "
                f"{gap} days ({start.isoformat()} to {end.isoformat()})"
            )
        message = (
            f"{group_label(group)} meets {group.cadence.frequency.value}, but {what}; the policy allows "
            f"up to {number(limit)} days"
        )
        hint = _irregular_hint(group)
        yield Flag(group.id, message, hint)


def _longest_gap(days: list[date], as_of: date, window_start: date) -> tuple[date, date] | None:
    """The longest (start, end) gap ending within ``window_start..as_of``; the earliest when tied."""
    points = [*days, as_of] if days[-1] < as_of else days
    best: tuple[date, date] | None = None
    for start, end in itertools.pairwise(points):
        if end < window_start:
            continue
        if best is None or (end - start) > (best[1] - best[0]):
            best = (start, end)
    return best


def _irregular_hint(group: Group) -> str:
    return (
        "Set meeting dates well ahead, rearrange rather than cancel, and record meetings as held; if the "
        f"group now meets less often than {group.cadence.frequency.value if group.cadence else 'planned'}, "
        "change its cadence."
    )


@check(
    BUILTIN,
    code="GR006",
    name="no-terms-of-reference",
    principle=Principle.GOVERNANCE,
    severity=Severity.INFO,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Fires for each group with neither a purpose nor terms of reference recorded (blank text counts as none)."
        ),
        why=(
            "Members need to know what the group is for, what it can decide and what it can only advise "
            "on. Without that, co-production slides into consultation: people give views with no idea what "
            "will happen to them."
        ),
        example="A focus group set up 'to talk about day services' with nothing written down.",
        instead=(
            "Write a short purpose and terms of reference with the members (what the group is for, what it "
            "decides, how often it meets, its quorum) and record them."
        ),
        sources=(NORTH_CUMBRIA, SCIE),
    ),
)
def no_terms_of_reference(context: CheckContext) -> Iterator[Flag]:
    for group in context.register.groups:
        if (group.purpose or "").strip() or (group.terms_of_reference or "").strip():
            continue
        message = f"{group_label(group)} has no recorded purpose or terms of reference"
        hint = (
            "Write a short purpose and terms of reference with the members: what the group is for, what it "
            "can decide, how often it meets and its quorum."
        )
        yield Flag(group.id, message, hint)
