"""The chosen applicants as new members and memberships of the group: what the council reviews and merges into its
register ("back into the register", issue 14). Nothing here edits a register; the command line writes these as a
separate register fragment (``--register-out``).

A chosen applicant becomes a :class:`~coproduction.models.Member` with their id, name, perspectives, organisation,
area and access needs, joining on the date the new panel starts, and a
:class:`~coproduction.models.Membership` of the group from that date. Their diversity answers are special category
data (UK GDPR Article 9): they go into the fragment only when the applicant agreed to it
(``diversity_to_register: true`` in the round file, explicit consent under Article 9(2)(a),
https://www.legislation.gov.uk/eur/2016/679/article/9); by default the fragment carries none.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import attrs

from coproduction.models.group import Membership
from coproduction.models.member import Member
from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.models import Applicant


@attrs.frozen
class Joining:
    """New members and their memberships of ``group``, starting on ``starts``."""

    group: str
    starts: date
    members: tuple[Member, ...]
    memberships: tuple[Membership, ...]


def member_from(applicant: Applicant, starts: date) -> Member:
    """``applicant`` as a member who joined on ``starts``; their diversity answers only if they agreed."""
    return Member(
        id=applicant.id,
        name=applicant.name,
        perspectives=applicant.perspectives,
        joined=starts,
        organisation=applicant.organisation,
        area=applicant.area,
        access_needs=applicant.access_needs,
        diversity=applicant.diversity if applicant.diversity_to_register else None,
    )


def joining(panel: Collection[Applicant], *, group: str, starts: date, taken_ids: Collection[str]) -> Joining:
    """The ``panel`` as new members of ``group`` from ``starts``. ``taken_ids`` are the register's member ids: an
    applicant whose id is one of them is refused (:class:`RecruitmentError`), since merging would make two members
    with one id."""
    clashes = sorted(applicant.id for applicant in panel if applicant.id in taken_ids)
    if clashes:
        raise RecruitmentError(
            "the register already has a member with the id of a chosen applicant ("
            + ", ".join(repr(c) for c in clashes)
            + "); give the applicant a new id in the round file, or add their membership by hand"
        )
    members = tuple(member_from(applicant, starts) for applicant in panel)
    memberships = tuple(Membership(member=applicant.id, group=group, started=starts) for applicant in panel)
    return Joining(group=group, starts=starts, members=members, memberships=memberships)


__all__ = ["Joining", "joining", "member_from"]
