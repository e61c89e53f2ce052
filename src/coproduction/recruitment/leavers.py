"""Members who leave a group at a recruitment round's close, left out of the audit that sets the round's targets.

Issue 14 asks that "the new panel plus the remaining members" bring each characteristic within tolerance. The
members who stay are the group's current members on the round's date less those known to be leaving then (a term
ending, a resignation announced): a round file lists them by member id under ``leavers``. The audit is then made
of the register as it will be once they have left (:func:`without_leavers`); the register itself is never changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs

from coproduction.models.register import Register
from coproduction.recruitment.errors import RecruitmentError


def without_leavers(register: Register, group: str, leavers: Sequence[str], on: date) -> Register:
    """A copy of ``register`` in which each of ``leavers`` has left ``group`` on ``on`` (so is not a current
    member on that date). Raises :class:`RecruitmentError` naming any leaver who is not a current member of the
    group on ``on``, since a mistyped id would otherwise be ignored silently."""
    if not leavers:
        return register
    current = {membership.member for membership in register.current_memberships(group, on)}
    missing = [leaver for leaver in leavers if leaver not in current]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        who = (
            f"leaver {names} is not a current member"
            if len(missing) == 1
            else f"leavers {names} are not current members"
        )
        raise RecruitmentError(
            f"the round file's {who} of {group} on {on.isoformat()}; "
            "list only members who are on the group now and leave at the round's close"
        )
    leaving = set(leavers)
    memberships = tuple(
        attrs.evolve(m, left=on) if m.group == group and m.member in leaving and m.is_current(on) else m
        for m in register.memberships
    )
    return attrs.evolve(register, memberships=memberships)


__all__ = ["without_leavers"]
