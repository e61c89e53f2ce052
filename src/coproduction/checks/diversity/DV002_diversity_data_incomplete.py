"""DV002 diversity-data-incomplete: For each characteristic in ``monitored_characteristics``, counts a group's current
members with no answer ('not known').

The rule (:func:`diversity_data_incomplete`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/DV002.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import attrgetter

from coproduction.audit.analysis import regroup, tally
from coproduction.audit.disclosure import publishable_unknown
from coproduction.audit.suppression import PublishedTally
from coproduction.checks.diversity._common import _groups_with_members, _percent, _plural
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite, project_default
from coproduction.models.diversity import Characteristic
from coproduction.models.member import Member
from coproduction.policy import Severity


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
    return context.index.published_table(counted, context.policy.suppression_threshold)


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


CHECK = Check(
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
        sources=(
            cite("scie-guide-51", "the diversity principle"),
            cite("equality-act-2010", "section 4, the protected characteristics"),
            cite("census-2021", "the classifications of TS007, TS008, TS021, TS038, TS030, TS077, TS078 and TS039"),
            cite("uk-gdpr-article-9", "diversity answers are special category data"),
            project_default("max_unknown_share = 0.2"),
        ),
    ),
    run=diversity_data_incomplete,
)
