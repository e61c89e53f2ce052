"""GR003 ground-rules-not-acknowledged: For each group with ground rules in force on the "as of" date, fires for each
current member with no acknowledgement dated on or after the day the current rules were agreed or last reviewed (and
not after the "as of" date).

The rule (:func:`ground_rules_not_acknowledged`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/GR003.md`` is generated from them.
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


def ground_rules_not_acknowledged(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    index = context.index
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
        for member in index.current_members(group.id, as_of):
            if member.id not in acknowledged:
                yield Flag(member.id, member.name + not_acknowledged, f"{_GO_THROUGH}{member.name}{_IN_THEIR_FORMAT}")


_GO_THROUGH = "Go through the current ground rules with "


_IN_THEIR_FORMAT = ", in the format they need, and record their acknowledgement with its date."


CHECK = Check(
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
        sources=(
            cite("oxfordshire-scie-easy-read", RULES_TO_TALK),
            cite("oxfordshire-ccg-coproduction", "members understand and commit to the principles"),
        ),
    ),
    run=ground_rules_not_acknowledged,
)
