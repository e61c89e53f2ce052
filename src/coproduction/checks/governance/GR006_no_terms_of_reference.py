"""GR006 no-terms-of-reference: Fires for each group with neither a purpose nor terms of reference recorded (blank text
counts as none).

The rule (:func:`no_terms_of_reference`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/GR006.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import NORTH_CUMBRIA, cite
from coproduction.policy import Severity


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


CHECK = Check(
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
        sources=(
            cite("practice-guidance", "terms of reference for co-production groups", document=NORTH_CUMBRIA),
            cite("scie-guide-51", ""),
        ),
    ),
    run=no_terms_of_reference,
)
