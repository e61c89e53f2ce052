"""DV004 no-user-led-organisation: Reports a board or champions network none of whose current members comes from a
user-led organisation (an organisation run by disabled people or people who use services).

The rule (:func:`no_user_led_organisation`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/DV004.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.diversity._common import _groups_with_members, _plural
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import ULO, cite
from coproduction.models.enums import GroupKind
from coproduction.policy import Severity

#: Kinds of group that must include someone from a user-led organisation (DV004).
USER_LED_KINDS = frozenset({GroupKind.BOARD, GroupKind.CHAMPIONS_NETWORK})


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


CHECK = Check(
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
        sources=(
            cite("oxfordshire-scie-easy-read", ULO),
            cite("scie-guide-51", "the diversity principle"),
            cite("nsun-4pi", "Presence: the right people, reflecting the community"),
        ),
    ),
    run=no_user_led_organisation,
)
