"""The top level of a register file: its keys and the model of each list's items (docs/register-format.md).

One table, read by the loader (:mod:`coproduction.io.loader`) and by the JSON fast path
(:mod:`coproduction.io.typed_json`), so that the two cannot disagree about what a register file holds.
"""

from __future__ import annotations

from typing import Final

from coproduction.models.group import Group, Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member

#: Top-level keys holding one text value each, to appear exactly once in a register.
SINGLE_KEYS: Final = ("organisation", "area")
#: Top-level keys holding lists, joined across the files of a folder.
LIST_KEYS: Final[dict[str, type]] = {
    "members": Member,
    "groups": Group,
    "memberships": Membership,
    "meetings": Meeting,
}
TOP_LEVEL_KEYS: Final = (*SINGLE_KEYS, *LIST_KEYS)

__all__ = ["LIST_KEYS", "SINGLE_KEYS", "TOP_LEVEL_KEYS"]
