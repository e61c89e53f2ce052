"""What the membership checks share: helpers and the sources their documentation cites."""

from __future__ import annotations

SEED_003 = (
    "Oxfordshire Team-Up board membership expectations (seed 003): live in the council's area; attend and "
    "contribute to meetings"
)


NORTH_CUMBRIA = "North Cumbria, terms of reference: a member is someone who attended more than one meeting"


SCIE = "SCIE guide 51, Co-production in social care: what it is and how to do it (principle: accessibility)"
