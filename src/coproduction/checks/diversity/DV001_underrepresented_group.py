"""DV001 underrepresented-group: For each monitored characteristic that the policy's population baseline has figures
for, works out how many of the group's current members who answered would be in each category if the group mirrored
the population (the baseline share times the members who answered; 'prefer not to say' and 'not known' are left out
of both).

The arithmetic lives in :mod:`coproduction.audit.analysis` (domain code shared with the full audit report). The
baseline comes from :attr:`CheckContext.baselines`, which the caller fills (the API loads bundled baselines or a
council's file): this module reads no files. A characteristic the baseline lacks is not judged.

Messages give group-level expected counts and the number of members to recruit, never a person's answer.

The rule (:func:`underrepresented_group`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/DV001.md`` is generated from them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from functools import cache
from operator import attrgetter

from coproduction.audit.analysis import RowStatus, Tally, category_rows, exact, regroup
from coproduction.audit.disclosure import publishable_rows
from coproduction.audit.labels import category_phrase, characteristic_title
from coproduction.audit.population import CharacteristicBaseline
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import CENSUS, cite, project_default
from coproduction.models.diversity import PREFER_NOT_TO_SAY, Characteristic, DiversityProfile
from coproduction.policy import Severity


def _may_be_under(
    counts: Iterable[tuple[str, int]],
    answered: int,
    figures: CharacteristicBaseline,
    ratio: Fraction,
    minimum: Fraction,
) -> bool:
    """Whether ``audit_tally`` would find a category under-represented among ``counts`` (each category of the
    baseline's, with how many answered it; ``answered`` in all), in whole numbers (no Fractions, no diversity
    index), so that the full audit runs only for the few groups with something to report.

    The rules of :func:`coproduction.audit.analysis.audit_tally`: with ``expected = share x answered``, a category
    is judged when ``expected >= minimum`` and ``expected > 0``, and under when ``count < ratio x expected``.
    Every denominator is positive, so multiplying both sides by them keeps each comparison exact.
    """
    if answered == 0:
        return False
    shares = figures.shares
    for category, count in counts:
        share = shares.get(category)
        if share is None:  # a share of 0: nobody expected
            continue
        top = share.numerator * answered  # expected = top / share.denominator
        if top == 0 or top * minimum.denominator < minimum.numerator * share.denominator:
            continue
        if count * ratio.denominator * share.denominator < ratio.numerator * top:
            return True
    return False


def _may_be_under_answers(
    answers: Counter[str | None], units: Units, figures: CharacteristicBaseline, ratio: Fraction, minimum: Fraction
) -> bool:
    """:func:`_may_be_under` straight from the members' answers (a ``Counter`` of them, ``None`` for no answer):
    the counts :func:`regroup` would give, made without a :class:`Tally` (DV001 asks this of every group for every
    characteristic, and builds the tallies only for the few that may be under)."""
    unit_of, keys = units
    by_unit = dict.fromkeys(keys, 0)
    answered = 0
    for answer, count in answers.items():
        if answer is None or answer == PREFER_NOT_TO_SAY:
            continue
        by_unit[unit_of[str(answer)]] += count  # a StrEnum member: its str is its category's value
        answered += count
    return _may_be_under(by_unit.items(), answered, figures, ratio, minimum)


#: How a characteristic's answers are counted against a baseline: each answer category's unit key (itself when
#: the baseline gives a figure per category), and the unit keys in order (as :func:`regroup` gives them).
Units = tuple[dict[str, str], tuple[str, ...]]


def _units(characteristic: Characteristic, figures: CharacteristicBaseline) -> Units:
    categories = characteristic.answer_categories
    if figures.grouped:
        return {category: figures.unit_of(category) for category in categories}, figures.unit_keys
    return {category: category for category in categories}, categories


def _tally(profiles: Sequence[DiversityProfile], members: int, characteristic: Characteristic) -> Tally:
    """:func:`coproduction.audit.analysis.tally` of ``members`` members with these ``profiles`` (the others have
    none): the same counts, read with an ``attrgetter`` over the profiles and counted by
    :class:`~collections.Counter` rather than one ``DiversityProfile.answer`` call per member (DV001 tallies
    every group for every characteristic)."""
    answers = Counter(map(_reader(characteristic), profiles))
    not_known = members - len(profiles) + answers.pop(None, 0)
    prefer_not_to_say = answers.pop(PREFER_NOT_TO_SAY, 0)
    counts = dict.fromkeys(_answer_categories(characteristic), 0)
    for answer, count in answers.items():
        counts[str(answer)] += count  # a StrEnum member: its str is its category's value
    return Tally(characteristic, tuple(counts.items()), prefer_not_to_say, not_known)


@cache
def _answer_categories(characteristic: Characteristic) -> tuple[str, ...]:
    return characteristic.answer_categories


@cache
def _reader(characteristic: Characteristic) -> Callable[[DiversityProfile], str | None]:
    """Reads a profile's answer for ``characteristic``: the field ``DiversityProfile.answer`` reads."""
    return attrgetter(characteristic.value)


def underrepresented_group(context: CheckContext) -> Iterator[Flag]:
    if context.baselines is None:
        return
    policy = context.policy
    baseline = context.baselines(policy.baseline)
    ratio, minimum = exact(policy.min_representation_ratio), exact(policy.min_expected_count)
    judged = [
        (c, figures, _units(c, figures))
        for c in policy.monitored_characteristics
        if (figures := baseline.get(c)) is not None
    ]
    index = context.index
    for group in sorted(context.register.groups, key=lambda g: g.id):
        members = index.current_members(group.id, context.as_of)
        if not members:
            continue
        profiles = [m.diversity for m in members if m.diversity is not None]
        for characteristic, figures, units in judged:
            answers = Counter(map(_reader(characteristic), profiles))
            if not _may_be_under_answers(answers, units, figures, ratio, minimum):
                continue
            counted = regroup(_tally(profiles, len(members), characteristic), figures)
            rows = category_rows(counted, figures, policy)
            if not context.internal:  # only what the publishable audit implies (audit.disclosure)
                published = context.index.published_table(counted, policy.suppression_threshold)
                rows = publishable_rows(published, rows, ratio, minimum)
            for row in rows:
                if row.status is not RowStatus.UNDER:
                    continue
                assert row.expected is not None
                phrase = category_phrase(characteristic, row.category)
                title = characteristic_title(characteristic).lower()
                # No counts: with the expected count and the number who answered, a reader could work out a
                # small count that the publishable audit suppresses (the audit has the full figures).
                message = (
                    f"{group.name}: members {phrase} are under-represented: fewer than "
                    f"{policy.min_representation_ratio:.0%} of the number expected from the {baseline.area} "
                    f"baseline, among members who answered about {title}"
                )
                if row.additions_needed is None:
                    hint = f"Recruit members {phrase}."
                else:
                    more = "member" if row.additions_needed == 1 else "members"
                    hint = f"Recruit at least {row.additions_needed} more {more} {phrase} to close the gap."
                hint += f" `coproduction audit PATH --group {group.id}` plans recruitment across characteristics."
                yield Flag(group.id, message, hint)


CHECK = Check(
    code="DV001",
    name="underrepresented-group",
    principle=Principle.DIVERSITY,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "For each monitored characteristic that the policy's population baseline has figures for, works out "
            "how many of the group's current members who answered would be in each category if the group "
            "mirrored the population (the baseline share times the members who answered; 'prefer not to say' "
            "and 'not known' are left out of both). Fires for a category whose expected count is at least "
            "`min_expected_count` when the members in it are under `min_representation_ratio` of that expected "
            "count. Exactly the ratio does not fire. The finding says how many more members would close the gap. "
            "Where the baseline's source gives a figure only for a group of categories (the share aged 65 and "
            "over, not one per band), members in the group are counted together and the group is judged. In "
            "output that may be published (Markdown, and text or JSON without `--internal`), a gap is reported "
            "only when the publishable audit's own figures imply it, and the number to recruit is the fewest "
            "that every count those figures allow would need, so that the finding gives back no hidden count."
        ),
        why=(
            "A co-production group speaks for the people who use services. When a whole community is missing "
            "from it, their experience of services is missing from every decision it takes, and the group "
            "cannot show that it is 'diverse and has lots of different types of people'."
        ),
        example=(
            "A board of 20 members who all answered about ethnic group, against a baseline in which 10% of "
            "people are from an Asian ethnic group: 2 are expected. With no Asian members (under half of 2), "
            "DV001 fires and says 2 more members from an Asian ethnic group would close the gap."
        ),
        instead=(
            "Go out to the community to find people: work with community groups, user-led organisations and "
            "faith and cultural organisations that reach the missing group. `coproduction audit PATH --group ID` "
            "gives the fewest recruits that close every gap at once."
        ),
        settings=("min_representation_ratio", "min_expected_count", "baseline", "monitored_characteristics"),
        sources=(
            cite("scie-guide-51", "the diversity principle"),
            cite("oxfordshire-scie-easy-read", "groups should be diverse and 'go out to the community to find people'"),
            cite("census-2021", CENSUS),
            cite("nsun-4pi", "Presence: the right people, reflecting the community"),
            project_default("min_representation_ratio = 0.5 and min_expected_count = 1"),
        ),
    ),
    run=underrepresented_group,
)
