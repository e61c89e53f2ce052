"""DV003 narrow-lived-experience: Counts the distinct service areas (mental health, learning disability, older people's
services...) that a group's current lived-experience members know from using services or caring.

The rule (:func:`narrow_lived_experience`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/DV003.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.diversity._common import _groups_with_members, _plural
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite, project_default
from coproduction.policy import Severity


def narrow_lived_experience(context: CheckContext) -> Iterator[Flag]:
    minimum = context.policy.min_service_areas
    lived_ids = context.index.lived_experience_ids()
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


CHECK = Check(
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
        sources=(
            cite("scie-guide-51", "the diversity principle"),
            cite("oxfordshire-scie-easy-read", "groups should be diverse and 'go out to the community to find people'"),
            cite("nsun-4pi", "Presence: the right people, reflecting the community"),
            project_default("min_service_areas = 3"),
        ),
    ),
    run=narrow_lived_experience,
)
