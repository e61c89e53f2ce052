"""Diversity checks DV002-DV005 (CHECKS.md): be pro-active about diversity (SCIE guide 51).

DV001 (representation against the population baseline) lives in :mod:`coproduction.checks.representation`.

These checks judge each group's current members on the "as of" date. A group with no current members is not
judged (MB004 reports its size). Diversity answers are special category data (UK GDPR Article 9): messages here
give counts and shares for a whole group and name a characteristic, never a person's answer; DV003 does not list
service areas, which can reveal someone's health.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import attrgetter

from coproduction.audit.analysis import regroup, tally
from coproduction.audit.disclosure import publishable_unknown, published_table
from coproduction.audit.suppression import PublishedTally
from coproduction.checks._facts import facts
from coproduction.checks.engine import CheckContext, CheckDoc, Flag, Principle, SubjectKind, check
from coproduction.checks.registry import BUILTIN
from coproduction.models.diversity import Characteristic
from coproduction.models.enums import GroupKind
from coproduction.models.group import Group
from coproduction.models.member import Member
from coproduction.policy import Severity

_SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (diversity principle)"
_SEED_DIVERSE = (
    "Oxfordshire County Council, SCIE evaluation in Easy Read (seed 002): groups 'are diverse and have lots of "
    "different types of people'; 'go out to the community to find people'"
)
_SEED_ULO = "Oxfordshire County Council (seed 002): 'User-led organisations are important for helping to do "
_SEED_ULO += "co-production well'"
_EQUALITY_ACT = "Equality Act 2010 s.4: the protected characteristics"
_ONS = "ONS Census 2021 classifications (TS007, TS008, TS021, TS038, TS030, TS077, TS078, TS039)"
_NSUN = "NSUN 4Pi National Involvement Standards: Presence (the right people, reflecting the community)"

#: Kinds of group that must include someone from a user-led organisation (DV004).
USER_LED_KINDS = frozenset({GroupKind.BOARD, GroupKind.CHAMPIONS_NETWORK})


def _percent(share: float) -> str:
    value = share * 100
    if abs(value - round(value)) < 1e-9:
        return f"{round(value)}%"
    return f"{value:.1f}%"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _groups_with_members(context: CheckContext) -> Iterator[tuple[Group, Sequence[Member]]]:
    """Each group (by id) with its current members on the "as of" date, skipping empty groups."""
    shared = facts(context)
    for group in sorted(context.register.groups, key=lambda g: g.id):
        members = shared.current_members_by_id(group.id, context.as_of)
        if members:
            yield group, members


# --- DV002 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="DV002",
    name="diversity-data-incomplete",
    principle=Principle.DIVERSITY,
    severity=Severity.INFO,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "For each characteristic in `monitored_characteristics`, counts a group's current members with no "
            "answer ('not known'). Reports the characteristic when they are more than `max_unknown_share` "
            "(default 0.2, that is 20%) of the members. 'Prefer not to say' is an "
            "answer and does not count as missing; a member with no monitoring form counts as not known for "
            "every characteristic. In output that may be published (Markdown, and text or JSON without "
            "`--internal`), when the publishable audit hides the number not known the finding gives the fewest "
            "that its figures allow, and is reported only when even that is over the limit."
        ),
        why=(
            "Without answers nobody can tell whether the group reflects the people it serves, and gaps are "
            "seldom random: the people least asked are often those least represented. Knowing what is missing "
            "is the first step to being pro-active about diversity."
        ),
        example=(
            "A board of 12 has ethnic group recorded for 8 members: 4 of 12 (33.3%) are not known, above 20%, "
            "so DV002 reports ethnic group."
        ),
        instead=(
            "Invite every member to fill in the monitoring form, explain why it matters and how answers are "
            "protected, and offer 'prefer not to say' so nobody has to leave a question blank."
        ),
        settings=("monitored_characteristics", "max_unknown_share"),
        sources=(_SCIE, _EQUALITY_ACT, _ONS, "UK GDPR Article 9 (special category data)"),
    ),
)
def diversity_data_incomplete(context: CheckContext) -> Iterator[Flag]:
    policy = context.policy
    characteristics = sorted(set(policy.monitored_characteristics), key=list(Characteristic).index)
    # Each characteristic with a reader of its profile field (DiversityProfile.answer, without the value).
    readers = [(characteristic, attrgetter(characteristic.value)) for characteristic in characteristics]
    limit = policy.max_unknown_share
    for group, members in _groups_with_members(context):
        total = len(members)
        profiles = [m.diversity for m in members if m.diversity is not None]
        for characteristic, read in readers:
            unknown = total - len(profiles) + list(map(read, profiles)).count(None)
            if unknown / total <= limit:
                continue
            if context.internal or unknown == total >= policy.suppression_threshold:
                # Internal, or nobody answered: a table of one count, shown whole when published.
                yield Flag(group.id, _unknown_message(characteristic, unknown, total, limit), _UNKNOWN_HINT)
                continue
            figure = publishable_unknown(_published(context, members, characteristic))
            if figure.exact is not None:
                yield Flag(group.id, _unknown_message(characteristic, unknown, total, limit), _UNKNOWN_HINT)
            elif figure.at_least / total > limit:
                yield Flag(group.id, _at_least_message(characteristic, figure.at_least, total, limit), _UNKNOWN_HINT)


def _published(context: CheckContext, members: Sequence[Member], characteristic: Characteristic) -> PublishedTally:
    """The table of ``characteristic`` that the publishable audit of these members would publish: by the
    baseline's groups of categories where the policy's baseline has them, as the audit counts."""
    figures = context.baselines(context.policy.baseline).get(characteristic) if context.baselines else None
    counted = regroup(tally(members, characteristic), figures)
    return published_table(counted, context.policy.suppression_threshold, context.cache)


def _at_least_message(characteristic: Characteristic, unknown: int, total: int, limit: float) -> str:
    """DV002's message in publishable output when the publishable audit hides the number not known: the fewest
    that every table it could have come from has (:mod:`coproduction.audit.disclosure`)."""
    return (
        f"{characteristic.label.capitalize()} is not known for at least {unknown} of "
        f"{_plural(total, 'current member')} ({_percent(unknown / total)} or more), more than the "
        f"{_percent(limit)} allowed; the exact number is not published, as it could help identify people."
    )


_UNKNOWN_HINT = "Invite members to complete the diversity monitoring form; 'prefer not to say' is a valid answer."


@lru_cache(maxsize=4096)
def _unknown_message(characteristic: Characteristic, unknown: int, total: int, limit: float) -> str:
    """DV002's message; the same few counts recur across groups, so each is written once."""
    return (
        f"{characteristic.label.capitalize()} is not known for {unknown} of {_plural(total, 'current member')} "
        f"({_percent(unknown / total)}), more than the {_percent(limit)} allowed."
    )


# --- DV003 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="DV003",
    name="narrow-lived-experience",
    principle=Principle.DIVERSITY,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Counts the distinct service areas (mental health, learning disability, older people's services...) "
            "that a group's current lived-experience members know from using services or caring. Reports the "
            "group when they cover fewer than `min_service_areas` (default 3). The message gives the number "
            "only: listing the areas could reveal a member's health."
        ),
        why=(
            "A board that hears only from one part of social care will design services for that part. People "
            "who use different services bring different knowledge of what works."
        ),
        example=(
            "All 5 lived-experience members of a board know mental health services and one also knows carers' "
            "services: 2 service areas, under 3, so DV003 reports it."
        ),
        instead=(
            "Recruit from services not yet represented, through user-led organisations, Speak Out groups and "
            "carers' networks; record each member's service areas."
        ),
        settings=("min_service_areas",),
        sources=(_SCIE, _SEED_DIVERSE, _NSUN),
    ),
)
def narrow_lived_experience(context: CheckContext) -> Iterator[Flag]:
    minimum = context.policy.min_service_areas
    lived_ids = facts(context).lived_ids()
    for group, members in _groups_with_members(context):
        lived = [m for m in members if m.id in lived_ids]
        areas = {area.strip().casefold() for m in lived for area in m.service_areas if area.strip()}
        if len(areas) >= minimum:
            continue
        yield Flag(
            group.id,
            f"The {_plural(len(lived), 'current lived-experience member')} cover "
            f"{_plural(len(areas), 'service area')}; at least {minimum} are expected.",
            "Recruit people with experience of services not yet represented, and record members' service areas.",
        )


# --- DV004 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="DV004",
    name="no-user-led-organisation",
    principle=Principle.DIVERSITY,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Reports a board or champions network none of whose current members comes from a user-led "
            "organisation (an organisation run by disabled people or people who use services)."
        ),
        why=(
            "User-led organisations reach people the council does not, support members between meetings and "
            "speak with an independent voice."
        ),
        example="A board of council and NHS staff, carers and people who use services, none from a user-led "
        "organisation: DV004 reports it.",
        instead=(
            "Invite local user-led organisations (disabled people's organisations, self-advocacy and carers' "
            "groups run by their members) to nominate a member."
        ),
        settings=(),
        sources=(_SEED_ULO, _SCIE, _NSUN),
    ),
)
def no_user_led_organisation(context: CheckContext) -> Iterator[Flag]:
    for group, members in _groups_with_members(context):
        if group.kind not in USER_LED_KINDS:
            continue
        if any(m.organisation_user_led for m in members):
            continue
        yield Flag(
            group.id,
            f"None of the {_plural(len(members), 'current member')} comes from a user-led organisation.",
            "Invite a local user-led organisation to nominate a member.",
        )


# --- DV005 -----------------------------------------------------------------------------------------------------


@check(
    BUILTIN,
    code="DV005",
    name="single-organisation-dominance",
    principle=Principle.DIVERSITY,
    severity=Severity.INFO,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Among a group's current staff members, finds an organisation that provides more than "
            "`max_organisation_share` (default 0.5, that is half) of them. "
            "Organisation names are compared ignoring case and spaces at the ends. Staff with no organisation "
            "recorded count towards the total but not towards any organisation."
        ),
        why=(
            "When one organisation provides most of the staff, its way of working sets the agenda; partners "
            "such as the NHS and the voluntary sector, and the services people actually use, are unheard."
        ),
        example=(
            "A board's 6 staff members: 4 from the county council, 1 from the NHS and 1 from a charity; 4 of 6 "
            "(66.7%) is more than 50%, so DV005 reports the council."
        ),
        instead="Invite staff from partner organisations: the NHS, the voluntary sector and care providers.",
        settings=("max_organisation_share",),
        sources=(_SCIE, _NSUN, "DOMAIN.md: no single organisation dominating (default 0.5)"),
    ),
)
def single_organisation_dominance(context: CheckContext) -> Iterator[Flag]:
    limit = context.policy.max_organisation_share
    for group, members in _groups_with_members(context):
        staff = [m for m in members if m.is_staff]
        if not staff:
            continue
        spellings: dict[str, list[str]] = {}
        for m in staff:
            if m.organisation and m.organisation.strip():
                spellings.setdefault(m.organisation.strip().casefold(), []).append(m.organisation.strip())
        for key in sorted(spellings):
            count = len(spellings[key])
            share = count / len(staff)
            if share <= limit:
                continue
            yield Flag(
                group.id,
                f"{min(spellings[key])} provides {count} of the {_plural(len(staff), 'staff member')} "
                f"({_percent(share)}), more than the {_percent(limit)} allowed.",
                "Invite staff from partner organisations, such as the NHS, the voluntary sector and care "
                "providers.",
            )
