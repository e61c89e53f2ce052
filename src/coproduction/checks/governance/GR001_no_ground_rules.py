"""GR001 no-ground-rules: Fires for each group with no agreed ground rules.

The rule (:func:`no_ground_rules`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/GR001.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
    rules_current_since,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import RULES_TO_TALK, cite
from coproduction.policy import Severity


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


CHECK = Check(
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
        sources=(
            cite("oxfordshire-scie-easy-read", RULES_TO_TALK),
            cite("scie-guide-51", ""),
        ),
    ),
    run=no_ground_rules,
)
