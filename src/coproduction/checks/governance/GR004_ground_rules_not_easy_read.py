"""GR004 ground-rules-not-easy-read: Fires when a group's ground rules have no Easy Read version (neither an Easy Read
document nor an Easy Read wording of every rule) while at least one current member needs Easy Read.

The rule (:func:`ground_rules_not_easy_read`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/GR004.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
    plural,
    rules_current_since,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import LEARNING_DISABILITIES, RULES_TO_TALK, cite
from coproduction.models.enums import AccessNeed
from coproduction.policy import Severity


def ground_rules_not_easy_read(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    for group in register.groups:
        rules = group.ground_rules
        if rules is None or rules_current_since(rules, as_of) is None or rules.has_easy_read:
            continue
        needing = sum(1 for m in context.index.current_members(group.id, as_of) if m.needs(AccessNeed.EASY_READ))
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


CHECK = Check(
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
            "with learning disabilities take part on equal terms."
        ),
        example="A Speak Out group with 3 members who need Easy Read and ground rules only in standard print.",
        instead=(
            "Write the ground rules in Easy Read (with the members who need it, if they wish) and record the "
            "Easy Read document or each rule's Easy Read wording."
        ),
        sources=(
            cite("oxfordshire-scie-easy-read", RULES_TO_TALK),
            cite("voiceability-coproduction", LEARNING_DISABILITIES),
        ),
    ),
    run=ground_rules_not_easy_read,
)
