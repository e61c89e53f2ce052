"""MB004 group-size-out-of-range: Counts each group's distinct current members (voting or not) and fires when there are
fewer than the minimum or more than the maximum ``group_sizes`` sets for its kind.

The rule (:func:`group_size_out_of_range`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/MB004.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
    plural,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite, project_default
from coproduction.policy import Severity


def group_size_out_of_range(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    for group in register.groups:
        size_range = policy.group_sizes.get(group.kind)
        if size_range is None:
            continue
        size = len(context.index.current_members(group.id, as_of))
        kind = group.kind.value.replace("-", " ")
        if size < size_range.minimum:
            message = (
                f"{group_label(group)} has {plural(size, 'current member')}, fewer than the "
                f"{size_range.minimum} the policy asks of a {kind}"
            )
            hint = (
                "Recruit new members, for example through user-led organisations, the champions network "
                "or community groups, with a balance of lived experience and staff."
            )
        elif size > size_range.maximum:
            message = (
                f"{group_label(group)} has {plural(size, 'current member')}, more than the "
                f"{size_range.maximum} the policy allows a {kind}"
            )
            hint = (
                "Split the work into smaller working groups that report back, or review the membership "
                "with the group so that everyone can be heard."
            )
        else:
            continue
        yield Flag(group.id, message, hint)


CHECK = Check(
    code="MB004",
    name="group-size-out-of-range",
    principle=Principle.MEMBERSHIP,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Counts each group's distinct current members (voting or not) and fires when there are fewer "
            "than the minimum or more than the maximum `group_sizes` sets for its kind. The bounds "
            "themselves are in range. Kinds the policy gives no range are not judged."
        ),
        why=(
            "Too small, and a group cannot hold the range of experience co-production needs or survive a "
            "few absences; too large, and quieter members stop being heard."
        ),
        example="A board with 5 current members when the policy asks boards for 8 to 24.",
        instead=(
            "Recruit (through user-led organisations, the champions network, community groups) or split "
            "a large group into smaller working groups that report back."
        ),
        settings=("group_sizes",),
        sources=(
            cite("scie-guide-51", "the accessibility principle"),
            project_default("group_sizes"),
        ),
    ),
    run=group_size_out_of_range,
)
