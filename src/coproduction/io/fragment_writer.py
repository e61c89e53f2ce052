"""Write the chosen applicants of a recruitment round as a register fragment (YAML): ``members`` and
``memberships`` lists in the register's own format (docs/register-format.md), which the council reviews and then
merges, by dropping the file into a register folder or by copying its entries into their register file. An edge:
the fields come out as :func:`coproduction.io.saver.dumps_register` writes them (model order, defaults left out).
"""

from __future__ import annotations

from coproduction.io.preconf import yaml as yaml_format
from coproduction.models.group import Membership
from coproduction.models.member import Member
from coproduction.recruitment.joining import Joining


def dumps_fragment(joining: Joining, *, source: str) -> str:
    """The fragment as YAML text, opening with comments that say what it is and how to merge it."""
    converter = yaml_format.make_converter()
    data = {
        "members": [converter.unstructure(member, Member) for member in joining.members],
        "memberships": [converter.unstructure(membership, Membership) for membership in joining.memberships],
    }
    with_answers = sum(member.diversity is not None for member in joining.members)
    header = [
        f"# New members of {joining.group} chosen by the recruitment round {source}, joining on "
        f"{joining.starts.isoformat()}.",
        "# A register fragment for the council to review, then merge: put this file in the register folder, or copy",
        "# its members and memberships into the register file. Nothing has been changed in the register itself.",
        f"# Diversity answers: kept for {with_answers} of {len(joining.members)}, only where the applicant agreed "
        "(diversity_to_register).",
    ]
    return "\n".join(header) + "\n" + yaml_format.dumps(data)


__all__ = ["dumps_fragment"]
