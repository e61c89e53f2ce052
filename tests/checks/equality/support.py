"""Helpers shared by the equality checks' tests."""

from __future__ import annotations

from datetime import date

from coproduction.models import GroupKind
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder

AS_OF = date(2026, 3, 2)


EARLIER = date(2026, 2, 3)


LATER = date(2026, 4, 7)


def board(lived: int, staff: int, kind: GroupKind = GroupKind.BOARD) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", kind)
    b.add_members("le", lived, USES_SERVICES, groups=["g1"])
    b.add_members("st", staff, STAFF, groups=["g1"])
    return b
